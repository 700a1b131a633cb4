"""Repositories: the queries of the services, one module per concern (like ``db.models``).

A repository function takes an open :class:`~sqlalchemy.orm.Session`, returns rows or ORM objects, and may
flush, but never commits or rolls back: the transaction belongs to the service's unit of work.  Rows that
are read in bulk (a large debtor has thousands of bookings) come back as plain named tuples, without the
ORM's per-row bookkeeping.
"""
