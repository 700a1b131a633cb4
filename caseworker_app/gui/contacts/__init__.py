"""Contacts, tasks and home visits in the interface (issue 11).

========================  ===============================================================================
``contacts_tab``          the workspace's "Contacten" tab: the contact log, the debtor's tasks, flags, risk
``contact_dialog``        logging a contact with outcome, omstandigheden and a follow-up task (keyboard first)
``my_work``               "Mijn werk": my tasks (overdue, today, upcoming) and the team's; opens the debtor
``guided_call``           "Bellen na aanmaning": the call list the signal selects and the guided call dialog
``visits``                the bailiff's route list (by postcode, risk marked) and the visit report form
========================  ===============================================================================
"""
