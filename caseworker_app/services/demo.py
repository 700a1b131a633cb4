"""Demo data: a deterministic, realistic Dutch caseload so every screen has something true to show.

``generate(ctx, debtors=N, seed=S)`` adds N debtors (households, incomes, claims of several
belastingmiddelen and toeslagen, their ledgers and enforcement steps, a few very complex cases) and a
handful of users.  The same N, seed and reference date on an empty database give identical rows.

How the data is made
--------------------
* BSNs and RSINs walk a seeded permutation of the 8-digit prefixes and get the 11-proef check digit,
  so they are valid, unique and reproducible; identifiers already in the database are skipped, so
  demo data can be added to a database that has some.
* A claim's betaaltermijn, the aanmaning and dwangbevel costs and the realised invorderingsrente come
  from the rules engine and its dated parameter tables (``domain.rules``), at the date of each step.
  Where a table has no row for an early date (e.g. aanmaningskosten before 2022) the first year that
  has one is used; that is demo data, not a calculation anybody relies on.
* A claim's assessed amount is its ``original_amount`` (no ``aanslag`` booking repeats it).  Then, depending on
  the debtor's payment behaviour and the claim's age: paid on time, verrekend (teruggaaf IB, toeslagvoorschot),
  or down the ladder -- betalingsherinnering, aanmaning (+kosten), dwangbevel (+kosten), betalingsregeling,
  hernieuwd bevel, loon-/bankvordering with monthly afdrachten, beslag, executie, a stuitingsbrief on
  old debts, kwijtschelding or afboeking.  A balance never goes below zero.

* Money received is written as ``services/payments.py`` records it: a ``payments`` row at debtor level (the claim's
  kenmerk named) and a ``payment_allocations`` row with the split kosten / rente / hoofdsom and its bookings
  (``tests/services/test_demo_payments.py`` replays payoffs through the service and finds the same rows).

Speed
-----
The rows bypass the ORM: primary keys are assigned here (after the current maximum), rows are
written per chunk of debtors with SQLAlchemy Core ``executemany`` on SQLite and with ``COPY`` on
PostgreSQL (then the sequences are moved past the new ids), all in the one transaction of the unit
of work.  Because the ORM audit hook cannot see these rows, one explicit audit row
``demo.generate`` records who loaded what; the demo users are added through the ORM and audited
one by one as usual.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import itertools
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol, cast

from sqlalchemy import CheckConstraint, Date, Numeric, Table, func, select, text
from sqlalchemy.orm import Session

from caseworker_app.errors import UserFacingError, ValidationError

from caseworker_app.domain.params import load_parameters, param
from caseworker_app.domain.permissions import Permission
from caseworker_app.domain.rules.kosten import vervolgingskosten_bedrag
from caseworker_app.domain.rules.rente import rente_exact
from caseworker_app.domain.rules.termijnen import uiterste_betaaldatum
from caseworker_app.domain.search import search_name
from caseworker_app.domain.types import (
    BookingKind,
    ClaimKind,
    Creditor,
    Doelgroep,
    EnforcementStep,
    Leefsituatie,
    Middel,
    PersonKind,
    label,
)

from caseworker_app.db.models import (
    Booking,
    Claim,
    Debtor,
    EnforcementAction,
    FinancialSituation,
    Household,
    Payment,
    PaymentAllocation,
    User,
    UserRole,
)

from caseworker_app.services import audit, demo_contacts, demo_maatwerk, demo_teams
from caseworker_app.services import demo_data as data
from caseworker_app.services.context import Context

#: The earliest dagtekening of a demo claim.
FIRST_DAY = dt.date(2019, 1, 1)
#: Upper bound for one run: beyond this a demo is no longer a demo.
MAX_DEBTORS = 2_000_000
#: Debtors generated and written per round (bounded memory, a progress tick per round).
CHUNK_DEBTORS = 5_000
#: Share of very complex cases (15-40 claims, many steps, Stella material).
COMPLEX_SHARE = 0.005

ProgressCallback = Callable[[int, int], None]
Row = tuple[Any, ...]


@dataclass(frozen=True)
class DemoSummary:
    """What one demo run added."""

    debtors: int
    households: int
    financial_situations: int
    claims: int
    bookings: int
    enforcement_actions: int
    users_added: int
    complex_cases: int
    ondernemers: int
    rechtspersonen: int
    seed: int
    reference_date: dt.date
    first_debtor_id: int
    last_debtor_id: int
    #: BSNs of the first few very complex cases: something to search for in a demonstration
    complex_bsns: tuple[str, ...] = ()
    #: issue 11 (services/demo_contacts.py): contacts, follow-up tasks, planned visits, visit reports
    contacts: int = 0
    #: issue 10 (services/demo_maatwerk.py): maatwerk measures in every state, with their decisions
    measures: int = 0
    tasks: int = 0
    visits: int = 0
    visit_reports: int = 0


# ------------------------------------------------------------------------------------------- columns

HOUSEHOLD_COLUMNS = (
    "id", "leefsituatie", "aantal_kinderen", "kostendelers", "beschermd_bestaansminimum", "notes", "version",
)  # fmt: skip
DEBTOR_COLUMNS = (
    "id", "kind", "doelgroep", "bsn", "rsin", "kvk_nummer", "voornamen", "tussenvoegsel", "achternaam",
    "search_name", "geboortedatum", "straat", "huisnummer", "huisnummer_toevoeging", "postcode", "woonplaats",
    "land", "telefoon", "email", "household_id", "fraude_markering", "version",
)  # fmt: skip
FINANCIAL_COLUMNS = (
    "id", "debtor_id", "peildatum", "inkomen_maand", "inkomen_bron", "bijstand", "belastbaar_inkomen_jaar",
    "partner_inkomen_maand", "woonlasten_maand", "zorgpremie_maand", "vaste_lasten_maand", "vermogen", "version",
)  # fmt: skip
CLAIM_COLUMNS = (
    "id", "debtor_id", "creditor", "middel", "soort", "reference", "tijdvak_van", "tijdvak_tot", "dagtekening",
    "vervaldatum", "ambtshalve", "original_amount", "version",
)  # fmt: skip
BOOKING_COLUMNS = ("id", "claim_id", "kind", "amount", "booking_date", "description", "source", "created_by")
ACTION_COLUMNS = ("id", "claim_id", "step", "action_date", "stuit", "costs", "notes", "created_by")
PAYMENT_COLUMNS = (
    "id", "debtor_id", "kind", "channel", "amount", "payment_date", "kenmerk", "source", "created_by",
)  # fmt: skip
ALLOCATION_COLUMNS = ("id", "payment_id", "claim_id", "kosten", "rente", "hoofdsom", "booking_id", "rente_booking_id")

#: tables in foreign-key order, with the columns the generator fills
TABLES: tuple[tuple[Table, tuple[str, ...]], ...] = (
    (cast(Table, Household.__table__), HOUSEHOLD_COLUMNS),
    (cast(Table, Debtor.__table__), DEBTOR_COLUMNS),
    (cast(Table, FinancialSituation.__table__), FINANCIAL_COLUMNS),
    (cast(Table, Claim.__table__), CLAIM_COLUMNS),
    (cast(Table, Booking.__table__), BOOKING_COLUMNS),
    (cast(Table, EnforcementAction.__table__), ACTION_COLUMNS),
    (cast(Table, Payment.__table__), PAYMENT_COLUMNS),
    (cast(Table, PaymentAllocation.__table__), ALLOCATION_COLUMNS),
)


# ------------------------------------------------------------------------------------------- helpers


def _money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def _eleven_check(prefix: int) -> int | None:
    """The 9th digit that makes ``prefix`` (8 digits) pass the 11-proef, or None when there is none."""
    total = 0
    weight = 2
    n = prefix
    while weight <= 9:
        total += (n % 10) * weight
        n //= 10
        weight += 1
    check = total % 11
    return None if check == 10 else check


class _Walk:
    """A seeded permutation of ``[low, low + size)``: unique numbers in a reproducible, unordered sequence."""

    def __init__(self, rng: random.Random, low: int, size: int) -> None:
        self.low = low
        self.size = size
        while True:
            step = rng.randrange(size // 3, size)
            if math.gcd(step, size) == 1:
                break
        self.step = step
        self.offset = rng.randrange(size)
        self.i = 0

    def next(self) -> int:
        value = self.low + (self.offset + self.step * self.i) % self.size
        self.i += 1
        return value


class _ElfproefWalk:
    """Valid, unique 9-digit numbers (BSN/RSIN) that are not in ``taken``."""

    def __init__(self, rng: random.Random, taken: set[str]) -> None:
        self.walk = _Walk(rng, 10_000_000, 90_000_000)
        self.taken = taken

    def next(self) -> str:
        while True:
            prefix = self.walk.next()
            check = _eleven_check(prefix)
            if check is None:
                continue
            number = f"{prefix}{check}"
            if number not in self.taken:
                self.taken.add(number)
                return number


def _first_valid_year(fn: Callable[[dt.date], Decimal], day: dt.date, last: dt.date) -> Decimal:
    """``fn(day)``; when the parameter tables have no row that early, the first 1 January that has one."""
    try:
        return fn(day)
    except UserFacingError as exc:
        if exc.code != "parameter_missing":
            raise
    for year in range(day.year + 1, last.year + 1):
        try:
            return fn(dt.date(year, 1, 1))
        except UserFacingError as exc:
            if exc.code != "parameter_missing":
                raise
    raise UserFacingError("parameter_missing", date=day.isoformat(), parameter="vervolgingskosten")


@dataclass
class _Batch:
    households: list[Row] = field(default_factory=list)
    debtors: list[Row] = field(default_factory=list)
    financial: list[Row] = field(default_factory=list)
    claims: list[Row] = field(default_factory=list)
    bookings: list[Row] = field(default_factory=list)
    actions: list[Row] = field(default_factory=list)
    payments: list[Row] = field(default_factory=list)
    allocations: list[Row] = field(default_factory=list)

    def tables(self) -> tuple[list[Row], ...]:
        return (self.households, self.debtors, self.financial, self.claims, self.bookings, self.actions,
                self.payments, self.allocations)


@dataclass
class _Person:
    """What the claim generator needs to know about a debtor."""

    debtor_id: int
    identifier: str
    doelgroep: Doelgroep
    payer: float  # 0 (never pays) .. 1 (always on time)
    income_source: str | None
    has_partner: bool
    bijstand: bool
    complex: bool


# middel -> (median euros, sigma, minimum, maximum)
_AMOUNTS: dict[Middel, tuple[float, float, int, int]] = {
    Middel.IB: (900, 1.0, 25, 40_000),
    Middel.ZVW: (420, 0.8, 20, 6_000),
    Middel.MRB: (210, 0.6, 30, 2_500),
    Middel.OB: (2_600, 1.0, 80, 150_000),
    Middel.LH: (2_100, 1.1, 80, 200_000),
    Middel.VPB: (8_500, 1.0, 400, 400_000),
    Middel.ERF: (4_800, 1.0, 250, 80_000),
    Middel.BPM: (2_400, 0.7, 150, 20_000),
    Middel.ZT: (460, 0.7, 20, 3_000),
    Middel.HT: (1_050, 0.8, 30, 8_000),
    Middel.KOT: (3_200, 1.1, 50, 60_000),
    Middel.KGB: (650, 0.8, 20, 6_000),
}

# aanslagnummer-like letters (illustrative, not the Belastingdienst's own coding)
_LETTER: dict[Middel, str] = {
    Middel.IB: "H", Middel.ZVW: "Z", Middel.MRB: "M", Middel.OB: "O", Middel.LH: "L", Middel.VPB: "V",
    Middel.ERF: "E", Middel.BPM: "B",
}  # fmt: skip

_PARTICULIER_MIDDELEN = (
    (Middel.IB, 34), (Middel.ZVW, 9), (Middel.MRB, 9), (Middel.BPM, 1), (Middel.ERF, 1),
    (Middel.ZT, 17), (Middel.HT, 14), (Middel.KOT, 6), (Middel.KGB, 9),
)  # fmt: skip
_ONDERNEMER_MIDDELEN = (
    (Middel.IB, 22), (Middel.ZVW, 8), (Middel.OB, 30), (Middel.LH, 8), (Middel.MRB, 8), (Middel.BPM, 2),
    (Middel.ZT, 9), (Middel.HT, 6), (Middel.KOT, 3), (Middel.KGB, 4),
)  # fmt: skip
_NNP_MIDDELEN = ((Middel.VPB, 25), (Middel.OB, 40), (Middel.LH, 28), (Middel.MRB, 5), (Middel.BPM, 2))


#: plain ``str`` values of the enumerations (``.value`` on an enum member is a descriptor call: too slow here)
_V: dict[Any, str] = {
    member: member.value
    for enum in (BookingKind, EnforcementStep, Middel, ClaimKind, Creditor, Leefsituatie, Doelgroep, PersonKind)
    for member in enum
}
_CREDITOR: dict[Middel, str] = {m: m.creditor.value for m in Middel}
_TOESLAGEN = frozenset(m for m in Middel if m.creditor is Creditor.TOESLAGEN)
_BAILIFFS = frozenset(data.BAILIFF_LOGINS)


def _cumulative(pairs: Sequence[tuple[Any, int]]) -> tuple[list[Any], list[int]]:
    return [p[0] for p in pairs], list(itertools.accumulate(p[1] for p in pairs))


class _Generator:
    """Produces the rows for a run; holds every random choice, so one seed gives one data set."""

    def __init__(
        self,
        seed: int,
        total: int,
        reference: dt.date,
        next_ids: dict[str, int],
        taken: set[str],
        taken_references: set[str],
    ) -> None:
        self.rng = random.Random(f"caseworker-demo:{seed}")
        self.random = self.rng.random
        self.total = total
        self.ref = reference
        self.ref_ord = reference.toordinal()
        self.first_ord = min(FIRST_DAY.toordinal(), self.ref_ord - 400)
        self.ids = dict(next_ids)
        # the two biggest tables count with itertools (cheaper than the dict in _id)
        self.next_booking = itertools.count(next_ids["bookings"]).__next__
        self.next_action = itertools.count(next_ids["enforcement_actions"]).__next__
        self.identifiers = _ElfproefWalk(self.rng, taken)
        self.kvk = _Walk(self.rng, 10_000_000, 90_000_000)
        self.ts_numbers = _Walk(self.rng, 100_000_000, 900_000_000)
        self.taken_references = taken_references
        self.produced = 0
        count = max(1, round(total * COMPLEX_SHARE)) if total >= 20 else (1 if total >= 5 else 0)
        self.complex_indices = set(self.rng.sample(range(total), count)) if count else set()
        self.complex_count = 0
        self.complex_bsns: list[str] = []
        self.ondernemers = 0
        self.rechtspersonen = 0
        self.places, self.place_cum = _cumulative([(p, p[3]) for p in data.PLACES])
        self.part_middelen = _cumulative(_PARTICULIER_MIDDELEN)
        self.ond_middelen = _cumulative(_ONDERNEMER_MIDDELEN)
        self.nnp_middelen = _cumulative(_NNP_MIDDELEN)
        self._due_cache: dict[tuple[ClaimKind, int], int] = {}
        self._cost_cache: dict[tuple[EnforcementStep, int, int], int] = {}
        self._threshold_cache: dict[int, int] = {}
        self.counts = {"households": 0}
        parameters = load_parameters()
        self.max_rate = max(float(r.decimal) for r in parameters.table("invorderingsrente_percentage").rows)
        self.min_threshold = min(float(r.decimal) for r in parameters.table("rente_drempel_laatste_betaling").rows)

    # ------------------------------------------------------------------------------ fast random

    def _ri(self, low: int, high: int) -> int:
        """Like ``randint`` (both ends included), without its argument checks: called millions of times."""
        return low + int(self.random() * (high - low + 1))

    def _pick(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.random() * len(seq))]

    # -------------------------------------------------------------------------------------- ids

    def _id(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] = value + 1
        return value

    def _date(self, ordinal: int) -> dt.date:
        return dt.date.fromordinal(ordinal)

    # ------------------------------------------------------------------------------ rules lookups

    def _due(self, soort: ClaimKind, dagtekening: int) -> int:
        key = (soort, dagtekening)
        cached = self._due_cache.get(key)
        if cached is None:
            cached = uiterste_betaaldatum(soort, self._date(dagtekening)).toordinal()
            self._due_cache[key] = cached
        return cached

    def _costs(self, step: EnforcementStep, day: int, open_cents: int) -> int:
        """Vervolgingskosten in cents for ``step`` on ``day`` over the gevorderde som ``open_cents``."""
        if step is EnforcementStep.DWANGBEVEL:
            key_amount = open_cents // 4500  # the scale moves per full EUR 45
        elif step is EnforcementStep.AANMANING:
            key_amount = int(open_cents >= self._aanmaning_threshold(day))
        else:
            key_amount = 0
        # tariffs are indexed on 1 January (Kostenwet art. 8): one lookup per year and step is enough
        year = self._date(day).year
        key = (step, year, key_amount)
        cached = self._cost_cache.get(key)
        if cached is None:
            amount = _money(open_cents)
            value = _first_valid_year(lambda d: vervolgingskosten_bedrag(step, d, amount), self._date(day), self.ref)
            cached = int(value * 100)
            self._cost_cache[key] = cached
        return cached

    def _aanmaning_threshold(self, day: int) -> int:
        year = self._date(day).year
        cached = self._threshold_cache.get(year)
        if cached is None:
            value = _first_valid_year(lambda d: param("aanmaning_drempel", d).decimal, self._date(day), self.ref)
            cached = int(value * 100)
            self._threshold_cache[year] = cached
        return cached

    def _rente(self, principal_cents: int, due: int, paid: int) -> int:
        """Realised invorderingsrente in cents, charged with a final payment (whole euros, URIW 33 threshold)."""
        if paid <= due + 1 or principal_cents <= 0:
            return 0
        # cheap upper bound first: most late payments stay under the URIW 33 threshold
        if principal_cents * (paid - due) * self.max_rate / 36_500 <= self.min_threshold * 100:
            return 0
        try:
            exact = rente_exact(_money(principal_cents), self._date(due), self._date(paid))
            threshold = param("rente_drempel_laatste_betaling", self._date(paid)).decimal
        except UserFacingError as exc:
            if exc.code != "parameter_missing":
                raise
            return 0
        euros = int(exact)  # rounded down to whole euros (URIW 32)
        return euros * 100 if euros > threshold else 0

    # ------------------------------------------------------------------------------ generation

    def batch(self, count: int) -> _Batch:
        out = _Batch()
        target = self.produced + count
        while self.produced < target:
            self._unit(out, target - self.produced)
        return out

    def _unit(self, out: _Batch, room: int) -> None:
        rng = self.rng
        complex_case = self.produced in self.complex_indices
        next_is_complex = self.produced + 1 in self.complex_indices
        if not complex_case and rng.random() < 0.015:
            self._company(out)
            return
        r = rng.random()
        if r < 0.42:
            leefsituatie = Leefsituatie.ALLEENSTAANDE
        elif r < 0.56:
            leefsituatie = Leefsituatie.ALLEENSTAANDE_OUDER
        elif r < 0.76:
            leefsituatie = Leefsituatie.GEHUWD_ZONDER_KINDEREN
        else:
            leefsituatie = Leefsituatie.GEHUWD_MET_KINDEREN
        couple = leefsituatie in (Leefsituatie.GEHUWD_ZONDER_KINDEREN, Leefsituatie.GEHUWD_MET_KINDEREN)
        both_debtors = couple and room >= 2 and not complex_case and not next_is_complex and rng.random() < 0.35
        kinderen = 0
        if leefsituatie in (Leefsituatie.ALLEENSTAANDE_OUDER, Leefsituatie.GEHUWD_MET_KINDEREN):
            kinderen = rng.choices((1, 2, 3, 4, 5), (35, 38, 17, 7, 3))[0]
        kostendelers = 1 if rng.random() < 0.06 else 0
        household_id = self._id("households")
        address = self._address(business=False)
        surname = self._pick(data.SURNAMES)
        members = [self._person(out, household_id, address, surname, complex_case, couple, kinderen)]
        if both_debtors:
            partner_surname = surname if rng.random() < 0.3 else self._pick(data.SURNAMES)
            members.append(self._person(out, household_id, address, partner_surname, False, couple, kinderen))
        bijstand = any(m.bijstand for m in members)
        protected = (bijstand and rng.random() < 0.5) or (complex_case and rng.random() < 0.6)
        notes = None
        if complex_case:
            notes = self._pick(
                (
                    "Multiproblematiek: schulden bij meerdere instanties; doorverwezen naar het Stella-team.",
                    "Schuldhulpverlening van de gemeente betrokken; contactpersoon bekend bij de teamleider.",
                    "Bijzondere omstandigheden: langdurige ziekte en recente scheiding.",
                )
            )
        elif kostendelers:
            notes = "Kostendeler: inwonende meerderjarige zoon of dochter."
        elif protected and rng.random() < 0.3:
            notes = "Beschermingsbewind; post via de bewindvoerder."
        out.households.append((household_id, _V[leefsituatie], kinderen, kostendelers, protected, notes, 1))
        self.counts["households"] += 1
        for member in members:
            self._claims(out, member)

    def _address(self, *, business: bool) -> tuple[str, int, str | None, str, str]:
        rng = self.rng
        place = self.places[bisect.bisect_right(self.place_cum, rng.random() * self.place_cum[-1])]
        name, low, high, _weight = place
        number = self._ri(low, high)
        while True:
            letters = self._pick(data.POSTCODE_LETTERS) + self._pick(data.POSTCODE_LETTERS)
            if letters not in data.POSTCODE_FORBIDDEN:
                break
        # one postcode is one stretch of one street: the same postcode always gets the same street
        streets = data.BUSINESS_STREETS if business else data.STREETS
        key = number * 400 + data.POSTCODE_LETTERS.index(letters[0]) * 20 + data.POSTCODE_LETTERS.index(letters[1])
        street = streets[key % len(streets)]
        huisnummer = 1 + int(rng.random() ** 1.6 * 180)
        toevoeging = None
        t = rng.random()
        if t < 0.05:
            toevoeging = self._pick(("A", "B", "C"))
        elif t < 0.08:
            toevoeging = self._pick(("-1", "-2", "-3", "hs", "bis"))
        return street, huisnummer, toevoeging, f"{number}{letters}", name

    def _person(
        self,
        out: _Batch,
        household_id: int,
        address: tuple[str, int, str | None, str, str],
        surname: tuple[str, str],
        complex_case: bool,
        has_partner: bool,
        kinderen: int,
    ) -> _Person:
        rng = self.rng
        ref = self.ref
        debtor_id = self._id("debtors")
        self.produced += 1
        female = rng.random() < 0.5
        names = data.FIRST_NAMES_F if female else data.FIRST_NAMES_M
        count = rng.choices((1, 2, 3), (40, 45, 15))[0]
        voornamen = " ".join(dict.fromkeys(self._pick(names) for _ in range(count)))
        tussenvoegsel, achternaam = surname
        tussenvoegsel_value = tussenvoegsel or None
        ondernemer = rng.random() < (0.55 if complex_case else 0.08)
        doelgroep = Doelgroep.ONDERNEMER if ondernemer else Doelgroep.PARTICULIER
        if ondernemer:
            self.ondernemers += 1
        age = self._ri(25, 64) if ondernemer else int(19 + rng.random() ** 1.3 * 68)
        birth = dt.date(ref.year - age, 1, 1).toordinal() + self._ri(0, 364)
        bsn = self.identifiers.next()
        kvk = f"{self.kvk.next():08d}" if ondernemer else None
        street, huisnummer, toevoeging, postcode, woonplaats = address
        land = "NL"
        if not complex_case and rng.random() < 0.004:  # emigrated: no Dutch address (bvv 47.5%)
            land = self._pick(("BE", "DE", "ES", "TR", "MA"))
            street = huisnummer = toevoeging = postcode = None  # type: ignore[assignment]
            woonplaats = {"BE": "Antwerpen", "DE": "Kleve", "ES": "Alicante", "TR": "Izmir", "MA": "Nador"}[land]
        telefoon = f"06-{self._ri(10_000_000, 99_999_998)}" if rng.random() < 0.7 else None
        email = None
        if rng.random() < 0.45:
            local = f"{voornamen.split()[0]}.{(tussenvoegsel + achternaam).replace(' ', '').replace(chr(39), '')}"
            email = f"{local.lower()}{self._ri(1, 98)}@example.com"
        # a few complex cases carry a fraud marker (the first one always, so a small demo shows one too)
        fraude = (complex_case and (self.complex_count == 0 or rng.random() < 0.25)) or rng.random() < 0.002
        out.debtors.append(
            (
                debtor_id,
                _V[PersonKind.NATUURLIJK_PERSOON],
                _V[doelgroep],
                bsn,
                None,
                kvk,
                voornamen,
                tussenvoegsel_value,
                achternaam,
                search_name(achternaam, voornamen, tussenvoegsel_value),
                birth,
                street,
                huisnummer,
                toevoeging,
                postcode,
                woonplaats,
                land,
                telefoon,
                email,
                household_id,
                fraude,
                1,
            )
        )
        # income
        if age >= 67:
            source = "AOW en pensioen" if rng.random() < 0.7 else "AOW"
        elif ondernemer:
            source = "winst uit onderneming"
        else:
            r = rng.random()
            source = ("loon" if r < 0.55 else "uitkering WW" if r < 0.63 else "uitkering WIA" if r < 0.72
                      else "bijstand" if r < 0.9 else "loon")  # fmt: skip
            if complex_case and rng.random() < 0.5:
                source = "bijstand"
        bijstand = source == "bijstand"
        low, high = {
            "AOW": (1_480, 1_650), "AOW en pensioen": (1_650, 2_700), "winst uit onderneming": (500, 4_800),
            "loon": (1_600, 4_300), "uitkering WW": (1_450, 2_700), "uitkering WIA": (1_300, 2_400),
            "bijstand": (1_250, 1_420),
        }[source]  # fmt: skip
        payer = self._pick((0.9, 0.9, 0.6, 0.6, 0.6, 0.3, 0.15))
        if complex_case:
            payer = 0.08
        elif bijstand:
            payer *= 0.6
        peildata = [self.ref_ord - self._ri(7, 600)]
        if rng.random() < 0.3:
            peildata.insert(0, peildata[0] - self._ri(180, 900))
        for peildatum in peildata:
            income = self._ri(low * 100, high * 100)
            partner = self._ri(0, 320_000) if has_partner and rng.random() < 0.7 else 0
            woonlasten = self._ri(42_000, 145_000)
            zorgpremie = self._ri(15_200, 16_900) * (2 if has_partner else 1)
            vaste_lasten = self._ri(6_000, 45_000) + 2_500 * kinderen
            vermogen = 0 if rng.random() < 0.85 else self._ri(10_000, 2_500_000)
            belastbaar = None if bijstand and rng.random() < 0.5 else income * 12 * 13 // 1000 * 100
            out.financial.append(
                (
                    self._id("financial_situations"),
                    debtor_id,
                    peildatum,
                    income,
                    source,
                    bijstand,
                    belastbaar,
                    partner,
                    woonlasten,
                    zorgpremie,
                    vaste_lasten,
                    vermogen,
                    1,
                )
            )
        if complex_case:
            self.complex_count += 1
            if len(self.complex_bsns) < 5:
                self.complex_bsns.append(bsn)
        return _Person(debtor_id, bsn, doelgroep, payer, source, has_partner, bijstand, complex_case)

    def _company(self, out: _Batch) -> None:
        rng = self.rng
        debtor_id = self._id("debtors")
        self.produced += 1
        self.rechtspersonen += 1
        name = f"{self._pick(data.COMPANY_WORDS)} {self._pick(data.COMPANY_SUFFIXES)} B.V."
        rsin = self.identifiers.next()
        street, huisnummer, toevoeging, postcode, woonplaats = self._address(business=True)
        out.debtors.append(
            (
                debtor_id,
                _V[PersonKind.NIET_NATUURLIJK_PERSOON],
                _V[Doelgroep.NIET_NATUURLIJK_PERSOON],
                None,
                rsin,
                f"{self.kvk.next():08d}",
                None,
                None,
                name,
                search_name(name),
                None,
                street,
                huisnummer,
                toevoeging,
                postcode,
                woonplaats,
                "NL",
                f"0{self._ri(100_000_000, 999_999_998)}"[:11] if rng.random() < 0.8 else None,
                f"administratie@{name.split()[0].lower()}.example.com" if rng.random() < 0.6 else None,
                None,
                False,
                1,
            )
        )
        person = _Person(
            debtor_id, rsin, Doelgroep.NIET_NATUURLIJK_PERSOON, self._pick((0.8, 0.5, 0.25)), None, False, False, False
        )
        self._claims(out, person)

    # ---------------------------------------------------------------------------------- claims

    def _claims(self, out: _Batch, person: _Person) -> None:
        rng = self.rng
        sequence: dict[tuple[str, int], int] = {}
        if person.complex:
            self._complex_claims(out, person, sequence)
            return
        if person.doelgroep is Doelgroep.NIET_NATUURLIJK_PERSOON:
            count = rng.choices((1, 2, 3, 4, 6, 8), (20, 25, 20, 15, 12, 8))[0]
            table = self.nnp_middelen
        elif person.doelgroep is Doelgroep.ONDERNEMER:
            count = rng.choices((2, 3, 4, 5, 7, 9), (20, 22, 20, 15, 13, 10))[0]
            table = self.ond_middelen
        else:
            count = rng.choices((1, 2, 3, 4, 5, 6, 8), (30, 24, 18, 11, 8, 5, 4))[0]
            table = self.part_middelen
        stacked_ambtshalve = person.doelgroep is not Doelgroep.NIET_NATUURLIJK_PERSOON and rng.random() < 0.01
        if stacked_ambtshalve:
            self._stacked_ambtshalve(out, person, sequence, self._ri(2, 4))
        names, cum = table
        for _ in range(count):
            middel = names[bisect.bisect_right(cum, rng.random() * cum[-1])]
            self._claim(out, person, sequence, middel)

    def _complex_claims(self, out: _Batch, person: _Person, sequence: dict[tuple[str, int], int]) -> None:
        rng = self.rng
        target = self._ri(15, 40)
        made = self._stacked_ambtshalve(out, person, sequence, self._ri(3, 5))
        toeslagen = (Middel.ZT, Middel.HT, Middel.KOT, Middel.KGB)
        while made < target:
            r = rng.random()
            if person.doelgroep is Doelgroep.ONDERNEMER and r < 0.35:
                middel = Middel.OB if rng.random() < 0.7 else Middel.LH
            elif r < 0.7:
                middel = self._pick(toeslagen)
            else:
                middel = self._pick((Middel.IB, Middel.ZVW, Middel.MRB, Middel.MRB))
            self._claim(out, person, sequence, middel)
            made += 1
        if person.doelgroep is Doelgroep.ONDERNEMER and rng.random() < 0.4:
            # bestuurdersaansprakelijkheid (IW 36) from a former BV
            self._claim(out, person, sequence, Middel.LH, soort=ClaimKind.AANSPRAKELIJKSTELLING)
        if person.has_partner and rng.random() < 0.5:
            # hoofdelijk aansprakelijk for the toeslagpartner's terugvordering (Awir 33)
            self._claim(
                out, person, sequence, self._pick((Middel.HT, Middel.ZT)), soort=ClaimKind.AANSPRAKELIJKSTELLING
            )

    def _stacked_ambtshalve(
        self, out: _Batch, person: _Person, sequence: dict[tuple[str, int], int], years: int
    ) -> int:
        """No aangifte for several years in a row: one ambtshalve (estimated, high) IB aanslag per year."""
        last_year = self.ref.year - 2
        middel = Middel.VPB if person.doelgroep is Doelgroep.NIET_NATUURLIJK_PERSOON else Middel.IB
        made = 0
        for year in range(last_year - years + 1, last_year + 1):
            if dt.date(year + 1, 12, 31).toordinal() >= self.ref_ord:
                continue
            self._claim(out, person, sequence, middel, year=year, ambtshalve=True)
            made += 1
        return made

    def _reference(
        self, person: _Person, sequence: dict[tuple[str, int], int], middel: Middel, soort: ClaimKind, year: int
    ) -> str:
        if middel in _TOESLAGEN:
            while True:
                reference = f"TS{self.ts_numbers.next():09d}"
                if reference not in self.taken_references:
                    return reference
        letter = "A" if soort is ClaimKind.AANSPRAKELIJKSTELLING else _LETTER[middel]
        key = (letter, year)
        while True:
            number = sequence.get(key, 0) + 1
            sequence[key] = number
            reference = f"{person.identifier}{letter}{year % 100:02d}{number:02d}"
            if reference not in self.taken_references:
                return reference

    def _claim(
        self,
        out: _Batch,
        person: _Person,
        sequence: dict[tuple[str, int], int],
        middel: Middel,
        *,
        soort: ClaimKind | None = None,
        year: int | None = None,
        ambtshalve: bool = False,
    ) -> None:
        rng = self.rng
        ref_ord = self.ref_ord
        span = ref_ord - 3 - self.first_ord
        if year is not None:
            dag = dt.date(year + 1, 1, 1).toordinal() + self._ri(60, 700)
            dag = min(dag, ref_ord - 3)
        else:
            dag = self.first_ord + int(span * rng.random() ** 0.75)
        dagtekening = self._date(dag)
        # soort and tijdvak
        tijdvak_van: dt.date | None = None
        tijdvak_tot: dt.date | None = None
        if soort is None:
            if middel in _TOESLAGEN:
                soort = ClaimKind.TERUGVORDERING
            elif middel in (Middel.OB, Middel.LH, Middel.BPM):
                soort = ClaimKind.NAHEFFINGSAANSLAG
            elif middel is Middel.MRB:
                soort = ClaimKind.NAHEFFINGSAANSLAG if rng.random() < 0.7 else ClaimKind.AANSLAG
            elif middel in (Middel.IB, Middel.ZVW, Middel.VPB) and not ambtshalve and rng.random() < 0.12:
                soort = ClaimKind.NAVORDERINGSAANSLAG
            else:
                soort = ClaimKind.AANSLAG
        if year is None:
            if middel in (Middel.OB, Middel.LH):
                months_back = self._ri(2, 14)
                y, m = divmod(dagtekening.year * 12 + dagtekening.month - 1 - months_back, 12)
                quarter = m // 3 + 1
                tijdvak_van = dt.date(y, (quarter - 1) * 3 + 1, 1)
                tijdvak_tot = dt.date(y + (quarter == 4), 1 if quarter == 4 else quarter * 3 + 1, 1) - dt.timedelta(1)
                year = y
            elif middel is Middel.MRB:
                start = dt.date(dagtekening.year, dagtekening.month, 1) - dt.timedelta(days=self._ri(20, 200))
                tijdvak_van = dt.date(start.year, start.month, 1)
                end_month = tijdvak_van.month + 3
                tijdvak_tot = dt.date(tijdvak_van.year + (end_month > 12), (end_month - 1) % 12 + 1, 1) - dt.timedelta(
                    1
                )
                year = tijdvak_van.year
            elif middel in (Middel.ERF, Middel.BPM):
                year = dagtekening.year
            else:
                back = (self._pick((2, 3, 4, 5)) if soort is ClaimKind.NAVORDERINGSAANSLAG
                        else self._pick((1, 1, 1, 2, 2, 3)))  # fmt: skip
                year = dagtekening.year - back
        if tijdvak_van is None and middel not in (Middel.ERF, Middel.BPM):
            tijdvak_van, tijdvak_tot = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if not ambtshalve and middel in (Middel.IB, Middel.ZVW) and soort is ClaimKind.AANSLAG:
            ambtshalve = rng.random() < 0.05
        # amount
        median, sigma, low, high = _AMOUNTS[middel]
        euros = int(median * math.exp(rng.gauss(0.0, sigma)))
        if ambtshalve:
            euros = int(euros * rng.uniform(1.8, 3.5))
        if soort is ClaimKind.AANSPRAKELIJKSTELLING:
            euros = int(euros * rng.uniform(1.5, 4.0))
        amount = max(low, min(high, euros)) * 100
        due = self._due(soort, dag)
        claim_id = self._id("claims")
        reference = self._reference(person, sequence, middel, soort, year)
        out.claims.append(
            (
                claim_id,
                person.debtor_id,
                _CREDITOR[middel],
                _V[middel],
                _V[soort],
                reference,
                tijdvak_van.toordinal() if tijdvak_van else None,
                tijdvak_tot.toordinal() if tijdvak_tot else None,
                dag,
                due,
                ambtshalve,
                amount,
                1,
            )
        )
        self._ledger(out, claim_id, reference, person, middel, soort, dag, due, amount, ambtshalve)

    # ---------------------------------------------------------------------------------- ledger

    def _ledger(
        self,
        out: _Batch,
        claim_id: int,
        reference: str,
        person: _Person,
        middel: Middel,
        soort: ClaimKind,
        dag: int,
        due: int,
        amount: int,
        ambtshalve: bool,
    ) -> None:
        rng = self.rng
        ref = self.ref_ord
        bookings = out.bookings
        actions = out.actions
        next_booking = self.next_booking
        next_action = self.next_action
        toeslag = middel in _TOESLAGEN
        date = self._date

        def book(kind: BookingKind, cents: int, day: int, text_: str | None, source: str | None, by: str) -> int:
            booking_id = next_booking()
            bookings.append((booking_id, claim_id, _V[kind], cents, day, text_, source, by))
            return booking_id

        bailiffs = _BAILIFFS
        payment_rows = out.payments
        allocation_rows = out.allocations
        new_id = self._id

        def received(kind: BookingKind, day: int, source: str | None, by: str, kosten: int, rente: int,
                     hoofdsom: int, booking_id: int, rente_booking_id: int | None) -> None:
            """The payment row and its allocation, as ``services/payments.py`` writes them for money received:
            recorded at debtor level, directed at this claim (its kenmerk), split kosten / rente / hoofdsom."""
            payment_id = new_id("payments")
            channel = ("verrekening" if kind is BookingKind.VERREKENING
                       else "deurwaarder" if by in bailiffs else "bank")
            payment_rows.append((payment_id, person.debtor_id, _V[kind], channel, kosten + rente + hoofdsom, day,
                                 reference, source, by))
            allocation_rows.append((new_id("payment_allocations"), payment_id, claim_id, kosten, rente, hoofdsom,
                                    booking_id, rente_booking_id))

        def act(step: EnforcementStep, day: int, costs: int, notes: str | None, by: str, stuit: bool = True) -> None:
            actions.append((next_action(), claim_id, _V[step], day, stuit, costs, notes, by))

        caseworker = self._pick(data.CASEWORKER_LOGINS)
        bailiff = self._pick(data.BAILIFF_LOGINS)
        # the assessed amount is the claim's original_amount, its one place: no aanslag booking (revision 0010)
        principal = amount  # open belasting/terugvordering, without kosten and rente
        costs = 0
        last = dag

        def pay_all(day: int, source: str, text_: str = "Betaling") -> None:
            nonlocal principal, costs, last
            rente = self._rente(principal, due, day)
            rente_id = None
            if rente:
                rente_id = book(BookingKind.RENTE, rente, day, "Invorderingsrente", None, data.SYSTEM_LOGIN)
            paid = book(BookingKind.BETALING, -(principal + costs + rente), day, text_, source, data.SYSTEM_LOGIN)
            received(BookingKind.BETALING, day, source, data.SYSTEM_LOGIN, costs, rente, principal, paid, rente_id)
            principal = costs = 0
            last = day

        def pay_part(
            day: int,
            cents: int,
            source: str | None,
            text_: str,
            kind: BookingKind = BookingKind.BETALING,
            by: str = data.SYSTEM_LOGIN,
        ) -> None:
            """A partial payment, allocated to kosten first (IW 7)."""
            nonlocal principal, costs, last
            cents = min(cents, principal + costs)
            if cents <= 0:
                return
            if principal + costs - cents < 100:  # the rest would be a few cents: make it the final payment
                if kind is BookingKind.BETALING:
                    pay_all(day, source or "overboeking", text_)
                    return
                cents = principal + costs
            paid = book(kind, -cents, day, text_, source, by)
            from_costs = min(costs, cents)
            received(kind, day, source, by, from_costs, 0, cents - from_costs, paid, None)
            costs -= from_costs
            principal -= cents - from_costs
            last = day

        # verminderingen after bezwaar or a late aangifte
        if (ambtshalve and rng.random() < 0.45) or (not ambtshalve and middel is Middel.IB and rng.random() < 0.04):
            day = dag + self._ri(20, 200)
            if day <= ref:
                share = rng.uniform(0.3, 0.9) if ambtshalve else rng.uniform(0.1, 0.5)
                cents = int(principal * share) // 100 * 100
                if cents > 0:
                    reason = "aangifte na ambtshalve aanslag" if ambtshalve else "bezwaar"
                    book(BookingKind.VERMINDERING, -cents, day, f"Vermindering na {reason}", reason, caseworker)
                    principal -= cents
                    last = day
        if principal <= 0:
            return
        payer = person.payer
        if due > ref:  # not yet due: some pay early, the rest is simply open
            if rng.random() < payer * 0.5 and ref - dag > 2:
                pay_all(self._ri(dag + 2, ref), self._pick(("overboeking", "iDEAL")))
            return
        r = rng.random()
        if r < payer * 0.5:  # on time
            day = max(dag + 1, due - self._ri(0, 30))
            pay_all(min(day, ref), self._pick(("overboeking", "iDEAL", "automatische incasso")))
            return
        if r < payer * 0.5 + 0.1:  # verrekening
            if toeslag:
                voorschot = self._pick((Middel.ZT, Middel.ZT, Middel.HT, Middel.KGB))
                monthly = self._ri(20, 160) * 100
                day = due + self._ri(14, 60)
                months = 0
                while principal + costs > 0 and day <= ref and months < 10:
                    y = date(day).year
                    pay_part(
                        day,
                        monthly,
                        f"voorschot {label(voorschot)} {y}",
                        "Verrekening met toeslagvoorschot",
                        BookingKind.VERREKENING,
                    )
                    day += self._ri(28, 31)
                    months += 1
                if principal + costs == 0:
                    return
            else:
                day = max(last + 1, due + self._ri(1, 240))
                if day <= ref:
                    teruggaaf_year = date(day).year - 1
                    cents = int((principal + costs) * rng.uniform(0.2, 1.3)) // 100 * 100
                    pay_part(
                        day,
                        max(cents, 100),
                        f"teruggaaf IB {teruggaaf_year}",
                        "Verrekening met teruggaaf",
                        BookingKind.VERREKENING,
                    )
                if principal + costs == 0:
                    return
        # down the ladder
        t = max(last, due)
        if soort is not ClaimKind.NAHEFFINGSAANSLAG and rng.random() < 0.2:
            day = t + self._ri(7, 20)
            if day > ref:
                return
            act(EnforcementStep.BETALINGSHERINNERING, day, 0, None, data.SYSTEM_LOGIN, stuit=False)
            t = day
            if rng.random() < payer * 0.5:
                pay_all(min(ref, day + self._ri(3, 14)), "overboeking")
                return
        day = t + self._ri(14, 50)
        if day > ref:
            return
        kosten = self._costs(EnforcementStep.AANMANING, day, principal + costs)
        act(EnforcementStep.AANMANING, day, kosten, None, data.SYSTEM_LOGIN)
        book(BookingKind.KOSTEN, kosten, day, "Aanmaningskosten", "aanmaning", data.SYSTEM_LOGIN)
        costs += kosten
        t = last = day
        r = rng.random()
        if r < payer * 0.5:
            pay_all(min(ref, t + self._ri(4, 16)), "overboeking")
            return
        if r < payer * 0.5 + 0.05:
            pay_part(
                min(ref, t + self._ri(4, 16)),
                int((principal + costs) * rng.uniform(0.1, 0.6)),
                "overboeking",
                "Gedeeltelijke betaling",
            )
        day = t + self._ri(21, 70)
        if day > ref:
            return
        kosten = self._costs(EnforcementStep.DWANGBEVEL, day, principal)
        by_post = rng.random() < 0.6 and not person.complex
        act(
            EnforcementStep.DWANGBEVEL,
            day,
            kosten,
            "Betekend per post" if by_post else "Betekend door de belastingdeurwaarder",
            data.SYSTEM_LOGIN if by_post else bailiff,
        )
        book(
            BookingKind.KOSTEN,
            kosten,
            day,
            "Kosten dwangbevel",
            "dwangbevel",
            data.SYSTEM_LOGIN if by_post else bailiff,
        )
        costs += kosten
        t = last = day
        r = rng.random()
        if r < payer * 0.4:
            pay_all(min(ref, t + self._ri(2, 20)), "overboeking")
            return
        if r < payer * 0.4 + 0.2 and not person.complex:
            self._regeling(pay_part, t, ref, principal + costs, caseworker, payer)
            if principal + costs == 0:
                return
            t = max(t, last)
        # escalation
        if by_post and rng.random() < 0.5:
            day = t + self._ri(20, 90)
            if day > ref:
                return
            kosten = self._costs(EnforcementStep.HERNIEUWD_BEVEL, day, principal)
            act(EnforcementStep.HERNIEUWD_BEVEL, day, kosten, "Hernieuwd bevel tot betaling betekend", bailiff)
            book(BookingKind.KOSTEN, kosten, day, "Kosten hernieuwd bevel", "hernieuwd bevel", bailiff)
            costs += kosten
            t = last = day
        seizure_chance = 0.45 if person.complex or person.doelgroep is not Doelgroep.PARTICULIER else 0.08
        if rng.random() < 0.55 and person.doelgroep is not Doelgroep.NIET_NATUURLIJK_PERSOON:
            day = t + self._ri(14, 120)
            if day > ref:
                return
            on_income = person.income_source not in (None, "winst uit onderneming") and rng.random() < 0.7
            if on_income:
                payer_name = (
                    "Sociale Verzekeringsbank"
                    if person.income_source and "AOW" in person.income_source
                    else "UWV"
                    if person.income_source and "uitkering" in person.income_source
                    else "de gemeente (sociale dienst)"
                    if person.bijstand
                    else self._pick(data.EMPLOYERS)
                )
                act(
                    EnforcementStep.VORDERING,
                    day,
                    0,
                    f"Loonvordering (IW 19) bij {payer_name}; beslagvrije voet toegepast",
                    bailiff,
                )
                monthly = self._ri(40, 450) * 100
                pay_day = day + self._ri(25, 40)
                months = 0
                while principal + costs > 0 and pay_day <= ref and months < 8:
                    pay_part(pay_day, monthly, "loonvordering", f"Afdracht {payer_name}")
                    pay_day += self._ri(28, 32)
                    months += 1
            else:
                bank = self._pick(data.BANKS)
                act(EnforcementStep.VORDERING, day, 0, f"Bankvordering (IW 19) bij {bank}", bailiff)
                pay_day = day + self._ri(7, 14)
                if pay_day <= ref and rng.random() < 0.6:
                    pay_part(
                        pay_day, int((principal + costs) * rng.uniform(0.05, 1.0)), "bankvordering", f"Afdracht {bank}"
                    )
            if principal + costs == 0:
                return
            t = max(t, last, day)
        if rng.random() < seizure_chance:
            day = t + self._ri(20, 120)
            if day > ref:
                return
            kosten = self._costs(EnforcementStep.BESLAG, day, principal)
            obj = self._pick(data.BESLAG_OBJECTS)
            act(EnforcementStep.BESLAG, day, kosten, f"Beslag gelegd op {obj}", bailiff)
            book(BookingKind.KOSTEN, kosten, day, "Kosten beslag", "beslag", bailiff)
            costs += kosten
            t = last = day
            if rng.random() < 0.2:
                day = t + self._ri(30, 90)
                if day > ref:
                    return
                kosten = self._costs(EnforcementStep.EXECUTIE, day, principal)
                act(EnforcementStep.EXECUTIE, day, kosten, f"Openbare verkoop van {obj}", bailiff)
                book(BookingKind.KOSTEN, kosten, day, "Kosten verkoop", "executie", bailiff)
                costs += kosten
                t = last = day
                pay_day = day + self._ri(7, 30)
                if pay_day <= ref:
                    pay_part(
                        pay_day, int((principal + costs) * rng.uniform(0.2, 0.9)), "executie", "Netto-opbrengst verkoop"
                    )
            elif rng.random() < 0.4:
                pay_all(min(ref, day + self._ri(3, 20)), "overboeking", "Betaling na beslag")
                return
        # old open debts: stuiten before verjaring (Awb 4:104, IW 27), or let go
        if principal + costs > 0 and ref - t > 4 * 365:
            day = t + self._ri(4 * 365, min(ref - t, 5 * 365 - 10))
            act(EnforcementStep.STUITINGSBRIEF, day, 0, "Stuitingsbrief verzonden; verjaring gestuit", caseworker)
            t = last = day
        kwijtschelding_possible = not toeslag and person.bijstand and person.doelgroep is Doelgroep.PARTICULIER
        if principal + costs > 0 and kwijtschelding_possible and rng.random() < 0.12:
            day = t + self._ri(30, 240)
            if day <= ref:
                book(
                    BookingKind.KWIJTSCHELDING,
                    -(principal + costs),
                    day,
                    "Kwijtschelding verleend",
                    "kwijtschelding",
                    caseworker,
                )
                principal = costs = 0
                return
        if principal + costs > 0 and ref - dag > 5 * 365 and rng.random() < 0.3:
            day = max(t, last) + self._ri(30, 400)  # after the last step, never in the future
            if day <= ref:
                book(BookingKind.AFBOEKING, -(principal + costs), day, "Oninbaar afgeboekt", "oninbaar", caseworker)

    def _regeling(
        self, pay_part: Callable[..., None], start: int, ref: int, open_cents: int, caseworker: str, payer: float
    ) -> None:
        """A betalingsregeling: monthly instalments; a weak payer stops after a few."""
        rng = self.rng
        months = self._pick((6, 12, 12, 24))
        instalment = max(2_000, -(-open_cents // months) // 100 * 100)
        keep = months if rng.random() < payer + 0.3 else self._ri(1, max(1, months // 2))
        keep = min(keep, 8)  # demo ledgers stay readable (and a 100,000-debtor load fast)
        day = start + self._ri(14, 40)
        for _ in range(keep):
            if day > ref:
                break
            pay_part(day, instalment, "betalingsregeling", "Termijn betalingsregeling")
            day += self._ri(28, 31)


# ------------------------------------------------------------------------------------------- writers


class _Writer(Protocol):
    #: turns generator rows (cents, day ordinals) into driver values
    convert: _Converter

    def write(self, table: Table, columns: tuple[str, ...], rows: list[Row]) -> None: ...

    def finish(self, first_ids: dict[str, int]) -> None: ...

    def close(self) -> None: ...


def _typed_columns(table: Table, columns: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """Positions of the money and the date columns: the generator keeps those as cents and day ordinals."""
    money = [i for i, c in enumerate(columns) if isinstance(table.c[c].type, Numeric)]
    dates = [i for i, c in enumerate(columns) if isinstance(table.c[c].type, Date)]
    return money, dates


class _Converter:
    """Turns generator rows (cents, day ordinals) into driver values, caching the few thousand distinct days."""

    def __init__(self, money: Callable[[int], Any], day: Callable[[int], Any]) -> None:
        self.money = money
        self.day = day
        self.days: dict[int, Any] = {}
        self.plans: dict[str, tuple[list[int], list[int]]] = {}

    def rows(self, table: Table, columns: tuple[str, ...], rows: list[Row]) -> list[Row]:
        plan = self.plans.get(table.name)
        if plan is None:
            plan = self.plans[table.name] = _typed_columns(table, columns)
        money_at, date_at = plan
        money, days, day = self.money, self.days, self.day
        out: list[Row] = []
        append = out.append
        for row in rows:
            values = list(row)
            for i in money_at:
                v = values[i]
                if v is not None:
                    values[i] = money(v)
            for i in date_at:
                v = values[i]
                if v is not None:
                    d = days.get(v)
                    if d is None:
                        d = days[v] = day(v)
                    values[i] = d
            append(tuple(values))
        return out


class _SqliteWriter:
    """SQLite: one prepared INSERT per table run with ``executemany`` through the session's connection.

    Values are what SQLAlchemy's own SQLite bind processors produce for these column types (Numeric ->
    float, Date -> ISO text), so the ORM reads the rows back exactly as if it had written them; building
    them here saves SQLAlchemy's per-row parameter processing, which costs more than SQLite's insert.

    CHECK constraints: SQLite 3.40 evaluates a ``col IN ('a', 'b', ...)`` CHECK by building a temporary
    table for every inserted row (about 7 us per row and constraint, measured; more than the insert
    itself).  So the load runs with ``PRAGMA ignore_check_constraints`` and :meth:`finish` then evaluates
    every CHECK constraint of the tables once, set-based, over the new rows: one violating row raises and
    the whole load rolls back, as it would have row by row.  :meth:`close` always switches checking on again
    (the connection goes back to the pool).
    """

    def __init__(self, session: Session) -> None:
        self.conn = session.connection()
        self.dialect = self.conn.dialect
        self.convert = _Converter(lambda cents: cents / 100, lambda o: dt.date.fromordinal(o).isoformat())
        self._check_storage_format()
        self.conn.exec_driver_sql("PRAGMA ignore_check_constraints = ON")

    def _check_storage_format(self) -> None:
        """Guard the shortcut: fail loudly if SQLAlchemy ever stores these types differently."""
        table = cast(Table, Booking.__table__)
        money = table.c.amount.type._cached_bind_processor(self.dialect)
        day = table.c.booking_date.type._cached_bind_processor(self.dialect)
        sample = dt.date(2024, 2, 9)
        if (money(Decimal("12.34")) if money else Decimal("12.34")) != 1234 / 100 or (
            day(sample) if day else sample
        ) != sample.isoformat():
            raise RuntimeError("SQLAlchemy's SQLite storage of Numeric/Date changed; update the demo writer")

    def write(self, table: Table, columns: tuple[str, ...], rows: list[Row]) -> None:
        if rows:
            sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            self.conn.exec_driver_sql(sql, rows)

    def finish(self, first_ids: dict[str, int]) -> None:
        for table, _columns in TABLES:
            for constraint in table.constraints:
                if not isinstance(constraint, CheckConstraint):
                    continue
                condition = str(constraint.sqltext)
                bad = self.conn.exec_driver_sql(
                    f"SELECT COUNT(*) FROM {table.name} WHERE id >= ? AND NOT ({condition})", (first_ids[table.name],)
                ).scalar_one()
                if bad:
                    raise RuntimeError(f"demo data violates {table.name} CHECK ({condition}) in {bad} rows")
        self.close()
        self.conn.exec_driver_sql("ANALYZE")

    def close(self) -> None:
        self.conn.exec_driver_sql("PRAGMA ignore_check_constraints = OFF")


class _CopyWriter:
    """PostgreSQL: COPY ... FROM STDIN on the session's own connection (same transaction).

    Fresh tables (empty when the load starts) are loaded the way the PostgreSQL manual advises for
    populating a database: their foreign keys and secondary indexes are dropped inside the transaction and
    re-created from their exact definitions (``pg_get_constraintdef``/``pg_indexes``) at the end, so each
    foreign key is validated once, set-based, and each index is built in one sort instead of row by row.
    A violation still fails the re-creation and rolls the whole load back.  Tables that already have rows
    keep everything in place (no exclusive locks on a database that is in use).
    """

    def __init__(self, session: Session, fresh_tables: Sequence[str]) -> None:
        self.conn = session.connection()
        self.raw: Any = self.conn.connection.driver_connection
        self.convert = _Converter(lambda cents: Decimal(cents).scaleb(-2), dt.date.fromordinal)
        self.restore: list[str] = []
        # the demo's bookings name fictitious officers; the database lets only its administrator keep such names
        # (for anyone else the actor columns become the login, see db/security.py)
        self.conn.exec_driver_sql("SELECT set_config('caseworker.bulk_load', 'on', true)")
        if fresh_tables:
            self._drop_for_bulk_load(list(fresh_tables))

    def _drop_for_bulk_load(self, tables: list[str]) -> None:
        foreign_keys = self.conn.execute(
            text(
                "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
                "WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY(:tables) ORDER BY 1, 2"
            ),
            {"tables": tables},
        ).all()
        indexes = self.conn.execute(
            text(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                "JOIN pg_class ic ON ic.relname = i.indexname AND ic.relnamespace = to_regnamespace(i.schemaname) "
                "WHERE i.schemaname = current_schema() AND i.tablename = ANY(:tables) "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ic.oid) ORDER BY 1"
            ),
            {"tables": tables},
        ).all()
        for table, name, definition in foreign_keys:
            self.conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            self.restore.append(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        for name, definition in indexes:
            self.conn.exec_driver_sql(f'DROP INDEX "{name}"')
            self.restore.insert(0, definition)  # indexes first: the foreign-key validation may use them

    def write(self, table: Table, columns: tuple[str, ...], rows: list[Row]) -> None:
        if not rows:
            return
        with self.raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def close(self) -> None:
        pass

    def finish(self, first_ids: dict[str, int]) -> None:
        if self.restore:
            self.conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
            for statement in self.restore:
                self.conn.exec_driver_sql(statement)
        for table, _columns in TABLES:
            self.conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)"
                )
            )
        for table, _columns in TABLES:
            self.conn.exec_driver_sql(f"ANALYZE {table.name}")


# ------------------------------------------------------------------------------------------- use case


def _add_users(session: Session) -> int:
    existing = set(session.execute(select(User.login)).scalars())
    added = 0
    for login, display_name, roles in data.DEMO_USERS:
        if login in existing:
            continue
        session.add(User(login=login, display_name=display_name, roles=[UserRole(role=r) for r in roles]))
        added += 1
    session.flush()
    return added


def _fresh_owned_tables(session: Session, next_ids: dict[str, int]) -> list[str]:
    """PostgreSQL tables that are still empty and that the current login may alter (it owns them)."""
    owned = set(
        session.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND pg_has_role(current_user, tableowner, 'USAGE')"
            )
        ).scalars()
    )
    return [
        table.name
        for table, _columns in TABLES
        if table.name in owned
        and next_ids[table.name] == 1
        and session.execute(select(table.c.id).limit(1)).first() is None
    ]


def _next_ids(session: Session) -> dict[str, int]:
    out = {}
    for table, _columns in TABLES:
        current = session.execute(select(func.max(table.c.id))).scalar_one()
        out[table.name] = int(current or 0) + 1
    return out


def validate_count(debtors: int) -> int:
    if isinstance(debtors, bool) or not isinstance(debtors, int) or debtors < 1 or debtors > MAX_DEBTORS:
        raise ValidationError(
            "invalid_field",
            field="debtors",
            reason=f"kies een geheel getal van 1 tot en met {MAX_DEBTORS:,}".replace(",", "."),
        )
    return debtors


def generate(
    ctx: Context,
    debtors: int,
    seed: int,
    *,
    progress: ProgressCallback | None = None,
    reference_date: dt.date | None = None,
) -> DemoSummary:
    """Add ``debtors`` demo debtors with everything around them, in one audited transaction.

    ``reference_date`` is "today" for the data (nothing is dated after it); the default is the real
    today, so pass a fixed date when the output must be reproducible.
    """
    validate_count(debtors)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValidationError("invalid_field", field="seed", reason="kies een geheel getal van 0 of hoger")
    reference = reference_date or dt.datetime.now().astimezone().date()  # the caseworker's local today
    with ctx.unit_of_work(
        Permission.MANAGE_DATABASE, operation="demo.generate", action="demogegevens aanmaken"
    ) as session:
        users_added = _add_users(session)
        next_ids = _next_ids(session)
        taken: set[str] = set()
        taken_refs: set[str] = set()
        if next_ids["debtors"] > 1:
            for bsn, rsin in session.execute(select(Debtor.bsn, Debtor.rsin)):
                taken.update(v for v in (bsn, rsin) if v)
            taken_refs.update(session.execute(select(Claim.reference)).scalars())
        generator = _Generator(seed, debtors, reference, next_ids, taken, taken_refs)
        writer: _Writer = (
            _CopyWriter(session, _fresh_owned_tables(session, next_ids))
            if session.get_bind().dialect.name == "postgresql"
            else _SqliteWriter(session)
        )
        totals = [0] * len(TABLES)
        if progress:
            progress(0, debtors)
        try:
            while generator.produced < debtors:
                batch = generator.batch(min(CHUNK_DEBTORS, debtors - generator.produced))
                for index, ((table, columns), rows) in enumerate(zip(TABLES, batch.tables(), strict=True)):
                    writer.write(table, columns, writer.convert.rows(table, columns, rows))
                    totals[index] += len(rows)
                if progress:
                    progress(generator.produced, debtors)
            writer.finish(next_ids)
            follow_up = demo_contacts.generate(
                session, seed=seed, reference=reference, first_debtor_id=next_ids["debtors"],
                last_debtor_id=next_ids["debtors"] + totals[1] - 1, loader_login=ctx.actor.login,
                loader_id=ctx.actor.user_id)
            demo_teams.generate(
                session, first_debtor_id=next_ids["debtors"], last_debtor_id=next_ids["debtors"] + totals[1] - 1
            )
            measures = demo_maatwerk.generate(
                session, seed=seed, reference=reference, first_debtor_id=next_ids["debtors"],
                last_debtor_id=next_ids["debtors"] + totals[1] - 1)
        except BaseException:
            with contextlib.suppress(Exception):  # the original error is what matters; the rollback follows
                writer.close()
            raise
        summary = DemoSummary(
            debtors=totals[1],
            households=totals[0],
            financial_situations=totals[2],
            claims=totals[3],
            bookings=totals[4],
            enforcement_actions=totals[5],
            users_added=users_added,
            complex_cases=generator.complex_count,
            ondernemers=generator.ondernemers,
            rechtspersonen=generator.rechtspersonen,
            seed=seed,
            reference_date=reference,
            first_debtor_id=next_ids["debtors"],
            last_debtor_id=next_ids["debtors"] + totals[1] - 1,
            complex_bsns=tuple(generator.complex_bsns),
            contacts=follow_up.contacts,
            tasks=follow_up.tasks,
            visits=follow_up.visits,
            visit_reports=follow_up.reports,
            measures=measures,
        )
        audit.record(
            session,
            "demo.generate",
            "debtors",
            None,
            None,
            {
                "debtors": debtors,
                "seed": seed,
                "reference_date": reference,
                "debtor_ids": f"{summary.first_debtor_id}-{summary.last_debtor_id}",
                "households": summary.households,
                "financial_situations": summary.financial_situations,
                "claims": summary.claims,
                "bookings": summary.bookings,
                "enforcement_actions": summary.enforcement_actions,
                "users_added": users_added,
                "contacts": follow_up.contacts,
                "tasks": follow_up.tasks,
                "visits": follow_up.visits,
                "visit_reports": follow_up.reports,
            },
        )
    return summary
