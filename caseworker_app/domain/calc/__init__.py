"""The rule registry behind ``caseworker calc``: name -> input fields -> ``{"result", "explanation"}``.

Input is a JSON-like mapping (strings, numbers, booleans, lists, objects).  Every field is checked and
converted before a rule runs; a wrong or missing field raises :class:`~caseworker_app.errors.ValidationError`
with code ``missing_field``, ``invalid_field``, ``invalid_amount`` or ``invalid_date`` and ``field=...`` so
the command line can print one Dutch line.  Output amounts are strings with two decimals (``"1140.00"``),
dates ISO strings, and ``explanation`` the list of steps (see :mod:`caseworker_app.domain.explain`).

Layout: :mod:`.parsing` (scalar input values), :mod:`.structured` (lists of objects), :mod:`.fields` (``Field``,
``Rule``, ``parse_input``), one module per rule group (:mod:`.identifiers`, :mod:`.termijnen`, :mod:`.kosten`,
:mod:`.rente`, :mod:`.capaciteit`, :mod:`.regeling`, :mod:`.signalen`, :mod:`.positie`) and :mod:`.registry`.

Services and the GUI may call :func:`calculate` too (e.g. a "Reken na" dialog), or the rule functions in
:mod:`caseworker_app.domain.rules` directly with typed values.
"""

from caseworker_app.domain.calc.fields import Field, Json, Rule, parse_input
from caseworker_app.domain.calc.parsing import parse_date
from caseworker_app.domain.calc.registry import RULES, calculate, get_rule, list_rules

__all__ = ["RULES", "Field", "Json", "Rule", "calculate", "get_rule", "list_rules", "parse_date", "parse_input"]
