"""The schema.  Every table Alembic knows is declared in a module of this package and imported here.

Conventions:

* Money is ``NUMERIC(14, 2)`` (``Decimal``); a claim's balance is always its ``original_amount`` (the one place
  its principal lives) plus the sum of its :class:`Booking` rows, never a stored number that can drift.
* Mutable records carry ``version`` (SQLAlchemy ``version_id_col``): an UPDATE that finds another
  version raises, and the service turns that into a field-by-field conflict.
* :class:`Booking`, :class:`EnforcementAction`, :class:`Payment`, :class:`PaymentAllocation` and :class:`AuditEntry`
  are append-only; the
  database refuses UPDATE and DELETE on them with triggers (see the first migration).
* Enumerations are stored as their string values (``domain.types``) with CHECK constraints, so the
  database stays readable from psql and a new value is an explicit migration.

Modules by concern: ``people`` (users, roles), ``debtors`` (debtors, households, financial
situations), ``ledger`` (claims, bookings, enforcement actions), ``payments`` (payments and their allocations),
``audit``, ``contacts`` (contacts, omstandigheden, flags, referrals, tasks, visits), ``teams`` (teams and their
members), ``decisions`` (four-eyes decisions and their policies).  A new capability adds its own
module and imports it below, so that Alembic and ``Base.metadata`` see every table, and gives every table an
entry in ``caseworker_app/db/grants.py`` (who may select, insert, update, delete; append-only; sensitive).
"""

from __future__ import annotations

from caseworker_app.db.base import Base
from caseworker_app.db.models.audit import AuditEntry
from caseworker_app.db.models.audit_chain import AuditChainHead, AuditChainLink
from caseworker_app.db.models.contacts import (
    ContactEntry,
    DebtorFlag,
    FlagEnding,
    OmstandigheidEntry,
    Referral,
    Task,
    TaskEvent,
    Visit,
    VisitReport,
)
from caseworker_app.db.models.debtors import Debtor, FinancialSituation, Household
from caseworker_app.db.models.decisions import Decision, DecisionPolicy
from caseworker_app.db.models.ledger import Booking, Claim, EnforcementAction
from caseworker_app.db.models.maatwerk import Measure, MeasureClaim, MeasureEnd
from caseworker_app.db.models.payments import Payment, PaymentAllocation
from caseworker_app.db.models.people import User, UserRole
from caseworker_app.db.models.security import SecurityRole
from caseworker_app.db.models.teams import Team, TeamMember

APPEND_ONLY_TABLES = (
    "bookings",
    "enforcement_actions",
    "payments",
    "payment_allocations",
    "audit_log",
    "contacts",
    "omstandigheden",
    "debtor_flags",
    "flag_endings",
    "referrals",
    "task_events",
    "visit_reports",
    "measures",
    "measure_claims",
    "measure_ends",
)

#: Indexes only the migrations create, per backend.  PostgreSQL-specific index options are kept out of the
#: models on purpose: declaring them makes SQLAlchemy load the whole PostgreSQL dialect (about 40 ms) on every
#: start, SQLite included.  The migration test compares everything else.
DATABASE_ONLY_INDEXES: dict[str, frozenset[str]] = {
    "postgresql": frozenset({"ix_debtors_search_name_trgm"}),
    "sqlite": frozenset(),
}

__all__ = [
    "APPEND_ONLY_TABLES",
    "AuditChainHead",
    "AuditChainLink",
    "AuditEntry",
    "Base",
    "Booking",
    "Claim",
    "ContactEntry",
    "Debtor",
    "DebtorFlag",
    "Decision",
    "DecisionPolicy",
    "EnforcementAction",
    "FinancialSituation",
    "FlagEnding",
    "Household",
    "Measure",
    "MeasureClaim",
    "MeasureEnd",
    "OmstandigheidEntry",
    "Payment",
    "PaymentAllocation",
    "Referral",
    "SecurityRole",
    "Task",
    "TaskEvent",
    "Team",
    "TeamMember",
    "User",
    "UserRole",
    "Visit",
    "VisitReport",
]
