"""Contacts, bijzondere omstandigheden, referrals, follow-up tasks and home visits (issue 11).

========================  ===============================================================================
``records``               contacts (add, correct, list), omstandigheden (logged inzage), flags, referrals
``tasks``                 follow-up tasks: Mijn werk, the team's view, hand-over, done, overdue
``visits``                the bailiff's planned visits (by postcode) and visit reports with their follow-up
``capability``            what all this adds to a debt position (ladder fact, flags, timeline, JSON)
``dto``                   the frozen data handed out
========================  ===============================================================================
"""

from __future__ import annotations

from caseworker_app.services.contacts.records import (
    ReferralInput,
    TaskInput,
    add_contact,
    correct_contact,
    end_flag,
    flags_of,
    list_contacts,
    mark_risk,
    may_see_omstandigheden,
    omstandigheden_of,
)

__all__ = [
    "ReferralInput",
    "TaskInput",
    "add_contact",
    "correct_contact",
    "end_flag",
    "flags_of",
    "list_contacts",
    "mark_risk",
    "may_see_omstandigheden",
    "omstandigheden_of",
]
