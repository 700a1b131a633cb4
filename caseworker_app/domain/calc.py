"""The rule registry behind ``caseworker calc``: name -> input fields -> ``{"result", "explanation"}``.

Input is a JSON-like mapping (strings, numbers, booleans, lists, objects).  Every field is checked and
converted before a rule runs; a wrong or missing field raises :class:`~caseworker_app.errors.ValidationError`
with code ``missing_field``, ``invalid_field``, ``invalid_amount`` or ``invalid_date`` and ``field=...`` so
the command line can print one Dutch line.  Output amounts are strings with two decimals (``"1140.00"``),
dates ISO strings, and ``explanation`` the list of steps (see :mod:`caseworker_app.domain.explain`).

Services and the GUI may call :func:`calculate` too (e.g. a "Reken na" dialog), or the rule functions in
:mod:`caseworker_app.domain.rules` directly with typed values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from caseworker_app.errors import ValidationError

from caseworker_app.domain import identifiers
from caseworker_app.domain.explain import Explanation, Step
from caseworker_app.domain.money import money_str, to_money
from caseworker_app.domain.rules import bvv as bvv_rules
from caseworker_app.domain.rules import capaciteit, kosten, rente, signalen, termijnen, verjaring
from caseworker_app.domain.rules.ladder import StepTaken
from caseworker_app.domain.rules.position import Booking, ClaimFacts, Uitstel, evaluate_claim, explain_claim
from caseworker_app.domain.types import (
    BookingKind,
    ClaimKind,
    Creditor,
    Doelgroep,
    EnforcementStep,
    Leefsituatie,
    Middel,
)

Json = dict[str, Any]


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # bedrag, datum, bool, keuze, tekst, getal, datums, perioden, termijnen, claims, boekingen, stappen
    required: bool = True
    default: Any = None
    choices: tuple[str, ...] = ()
    description: str = ""
    allow_negative: bool = False

    def describe(self) -> str:
        text = f"{self.name} ({self.kind}"
        if self.choices:
            text += ": " + " | ".join(self.choices)
        text += ")" if self.required else f", optioneel, standaard {self.default_text()})"
        return text

    def default_text(self) -> str:
        if self.default is None:
            return "leeg"
        if isinstance(self.default, bool):
            return "true" if self.default else "false"
        return str(self.default)


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    fields: tuple[Field, ...]
    run: Callable[[dict[str, Any]], tuple[Json, tuple[Step, ...]]]
    result_fields: tuple[str, ...]


# --- parsing ------------------------------------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NL = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def parse_date(value: object, field: str) -> date:
    suffix = f" in het veld '{field}'"
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        match = _ISO.match(text)
        parts: tuple[int, int, int] | None = None
        if match:
            parts = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
        else:
            match = _NL.match(text)
            if match:
                parts = (int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if parts is not None:
            try:
                return date(*parts)
            except ValueError:
                pass
    raise ValidationError("invalid_date", value=value, field_suffix=suffix, field=field)


def _invalid(field: str, reason: str) -> ValidationError:
    return ValidationError("invalid_field", field=field, reason=reason)


def _amount(value: object, field: str, allow_negative: bool = False) -> Decimal:
    if isinstance(value, float):
        value = repr(value)
    amount = to_money(value, field)
    if not allow_negative and amount < 0:
        raise _invalid(field, "een bedrag hier mag niet negatief zijn")
    return amount


def _bool(value: object, field: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("ja", "true", "nee", "false"):
        return value.strip().lower() in ("ja", "true")
    raise _invalid(field, f"'{value}' is geen ja/nee-waarde (gebruik true of false)")


def _object(value: object, field: str, keys: tuple[str, ...]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _invalid(field, f"elk element moet een object zijn met {', '.join(keys)}")
    unknown = set(value) - set(keys)
    if unknown:
        raise _invalid(field, f"onbekend veld {', '.join(sorted(unknown))}; bekend zijn {', '.join(keys)}")
    return value


def _list(value: object, field: str) -> list[Any]:
    if not isinstance(value, list):
        raise _invalid(field, "verwacht een lijst")
    return value


def _choice(value: object, field: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise _invalid(field, f"'{value}' is geen geldige keuze; kies uit {', '.join(choices)}")
    return value


def _parse_field(spec: Field, value: object) -> Any:
    name = spec.name
    kind = spec.kind
    if kind == "bedrag":
        return _amount(value, name, spec.allow_negative)
    if kind == "datum":
        return parse_date(value, name)
    if kind == "bool":
        return _bool(value, name)
    if kind == "keuze":
        return _choice(value, name, spec.choices)
    if kind == "tekst":
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise _invalid(name, "verwacht tekst")
        return str(value)
    if kind == "getal":
        if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip().isdigit():
            raise _invalid(name, f"'{value}' is geen geheel getal van 0 of meer")
        return int(value)
    if kind == "datums":
        return [parse_date(item, f"{name}[{i}]") for i, item in enumerate(_list(value, name))]
    if kind == "perioden":
        periods = []
        for i, item in enumerate(_list(value, name)):
            obj = _object(item, f"{name}[{i}]", ("van", "tot"))
            if "van" not in obj or "tot" not in obj:
                raise ValidationError("missing_field", field=f"{name}[{i}].{'van' if 'van' not in obj else 'tot'}")
            van, tot = parse_date(obj["van"], f"{name}[{i}].van"), parse_date(obj["tot"], f"{name}[{i}].tot")
            if tot < van:
                raise _invalid(f"{name}[{i}]", "'tot' ligt voor 'van'")
            periods.append(verjaring.Periode(van, tot))
        return periods
    if kind == "termijnen":
        items = []
        for i, item in enumerate(_list(value, name)):
            obj = _object(item, f"{name}[{i}]", ("datum", "bedrag"))
            for key in ("datum", "bedrag"):
                if key not in obj:
                    raise ValidationError("missing_field", field=f"{name}[{i}].{key}")
            day = parse_date(obj["datum"], f"{name}[{i}].datum")
            items.append((day, _amount(obj["bedrag"], f"{name}[{i}].bedrag")))
        return items
    if kind == "claims":
        keys = ("middel", "open", "aanmaning_verstuurd", "uitstel", "ambtshalve", "kenmerk")
        claims = []
        for i, item in enumerate(_list(value, name)):
            obj = _object(item, f"{name}[{i}]", keys)
            for key in ("middel", "open"):
                if key not in obj:
                    raise ValidationError("missing_field", field=f"{name}[{i}].{key}")
            claims.append(
                signalen.SignalClaim(
                    middel=Middel(_choice(obj["middel"], f"{name}[{i}].middel", tuple(m.value for m in Middel))),
                    open=_amount(obj["open"], f"{name}[{i}].open", allow_negative=True),
                    aanmaning_verstuurd=_bool(
                        obj.get("aanmaning_verstuurd", False), f"{name}[{i}].aanmaning_verstuurd"
                    ),
                    uitstel=_bool(obj.get("uitstel", False), f"{name}[{i}].uitstel"),
                    ambtshalve=_bool(obj.get("ambtshalve", False), f"{name}[{i}].ambtshalve"),
                    kenmerk=str(obj["kenmerk"]) if obj.get("kenmerk") is not None else None,
                )
            )
        return claims
    if kind == "boekingen":
        bookings = []
        for i, item in enumerate(_list(value, name)):
            obj = _object(item, f"{name}[{i}]", ("soort", "bedrag", "datum"))
            for key in ("soort", "bedrag", "datum"):
                if key not in obj:
                    raise ValidationError("missing_field", field=f"{name}[{i}].{key}")
            soort = BookingKind(_choice(obj["soort"], f"{name}[{i}].soort", tuple(b.value for b in BookingKind)))
            amount = _amount(obj["bedrag"], f"{name}[{i}].bedrag")
            bookings.append(
                Booking(soort, amount if soort.is_debit else -amount, parse_date(obj["datum"], f"{name}[{i}].datum"))
            )
        return bookings
    if kind == "stappen":
        steps = []
        for i, item in enumerate(_list(value, name)):
            obj = _object(item, f"{name}[{i}]", ("stap", "datum", "per_post", "alleen_stuiten"))
            for key in ("stap", "datum"):
                if key not in obj:
                    raise ValidationError("missing_field", field=f"{name}[{i}].{key}")
            steps.append(
                StepTaken(
                    EnforcementStep(_choice(obj["stap"], f"{name}[{i}].stap", tuple(s.value for s in EnforcementStep))),
                    parse_date(obj["datum"], f"{name}[{i}].datum"),
                    per_post=_bool(obj.get("per_post", True), f"{name}[{i}].per_post"),
                    alleen_stuiten=_bool(obj.get("alleen_stuiten", False), f"{name}[{i}].alleen_stuiten"),
                )
            )
        return steps
    raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover


def parse_input(rule: Rule, data: object) -> dict[str, Any]:
    if not isinstance(data, Mapping):
        raise _invalid("invoer", 'de invoer moet een JSON-object zijn, bijvoorbeeld {"nummer": "111222333"}')
    known = {f.name for f in rule.fields}
    unknown = sorted(set(data) - known)
    if unknown:
        raise _invalid(unknown[0], f"onbekend veld voor '{rule.name}'; bekend zijn {', '.join(sorted(known))}")
    values: dict[str, Any] = {}
    for spec in rule.fields:
        if spec.name not in data or data[spec.name] is None:
            if spec.required:
                raise ValidationError("missing_field", field=spec.name)
            values[spec.name] = spec.default
            continue
        values[spec.name] = _parse_field(spec, data[spec.name])
    return values


# --- output helpers -------------------------------------------------------------------------------------------


def _d(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _pct(value: Decimal) -> str:
    return format(value.normalize(), "f")


# --- rules ------------------------------------------------------------------------------------------------------

LEEF = tuple(ls.value for ls in Leefsituatie)
METHODE = Field(
    "methode",
    "keuze",
    False,
    "wettelijk",
    capaciteit.METHODEN,
    "beleidsoptie: betalingscapaciteit op de bvv-methode, alleen als dat gunstiger is",
)


def _identifier(kind: str) -> Callable[[dict[str, Any]], tuple[Json, tuple[Step, ...]]]:
    def run(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
        number: str = v["nummer"]
        steps = Explanation()
        if kind in ("bsn", "rsin"):
            normal = identifiers.normalize_bsn(number)
            ok = identifiers.is_valid_bsn(normal)
            steps.add("Spaties en punten verwijderd; 8 cijfers krijgen een voorloopnul", normal)
            steps.add(
                "Elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is deelbaar door 11 (rules.md §8)",
                "klopt" if ok else "klopt niet",
            )
            reason = None
            if not ok:
                try:
                    (identifiers.validate_bsn if kind == "bsn" else identifiers.validate_rsin)(number)
                except ValidationError as exc:
                    reason = str(exc.params.get("reason"))
            return {"geldig": ok, "nummer": normal, "reden": reason}, steps.freeze()
        if kind == "kvk":
            ok = identifiers.is_valid_kvk(number)
            steps.add("KvK-nummer: precies 8 cijfers, geen controlecijfer", "klopt" if ok else "klopt niet")
            return {"geldig": ok, "nummer": identifiers.normalize_kvk(number)}, steps.freeze()
        ok = identifiers.is_valid_btw_id(number)
        steps.add(
            "Btw-id: NL + 9 cijfers + B + 2 cijfers, mod-97- of elfproef (python-stdnum)",
            "klopt" if ok else "klopt niet",
        )
        return {"geldig": ok, "nummer": identifiers.normalize_btw_id(number) if ok else number}, steps.freeze()

    return run


def _betaaltermijn(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    r = termijnen.betaaltermijn(ClaimKind(v["soort"]), v["dagtekening"])
    return {
        "uiterste_betaaldatum": _d(r.result.uiterste_betaaldatum),
        "rente_vanaf": _d(r.result.rente_vanaf),
        "termijn": r.result.termijn,
    }, r.steps


def _aanmaningskosten(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    r = kosten.aanmaningskosten(v["openstaand"], v["datum"])
    return {
        "kosten": money_str(r.result.kosten),
        "totaal": money_str(r.result.totaal),
        "uiterste_betaaldatum": _d(r.result.uiterste_betaaldatum),
    }, r.steps


def _dwangbevelkosten(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    r = kosten.dwangbevelkosten(v["bedrag"], v["datum"], alleen_stuiten=v["alleen_stuiten"])
    return {"kosten": money_str(r.result.kosten)}, r.steps


def _vervolgingskosten(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    stap = EnforcementStep(v["stap"])
    if stap in (EnforcementStep.AANMANING, EnforcementStep.DWANGBEVEL) and v["bedrag"] is None:
        raise ValidationError("missing_field", field="bedrag")
    r = kosten.vervolgingskosten(stap, v["datum"], v["bedrag"], alleen_stuiten=v["alleen_stuiten"])
    return {"kosten": money_str(r.result.kosten)}, r.steps


def _periodes(items: tuple[rente.RentePeriode, ...]) -> list[Json]:
    return [{"van": _d(p.van), "tot": _d(p.tot), "dagen": p.dagen, "percentage": _pct(p.percentage)} for p in items]


def _invorderingsrente(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    if v["betaaldatum"] < v["uiterste_betaaldatum"]:
        raise _invalid("betaaldatum", "ligt voor de uiterste betaaldatum; dan is er geen rente")
    r = rente.invorderingsrente(
        v["bedrag"], v["uiterste_betaaldatum"], v["betaaldatum"], laatste_betaling=v["laatste_betaling"]
    )
    return {
        "rente": money_str(r.result.rente),
        "berekend": money_str(r.result.berekend),
        "drempel_toegepast": r.result.drempel_toegepast,
        "periodes": _periodes(r.result.periodes),
    }, r.steps


def _verwachte_rente(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    items = v["termijnen"]
    if not items:
        if v["schuld"] is None or v["maanden"] is None or v["eerste_termijn"] is None:
            raise ValidationError("missing_field", field="termijnen")
        if v["maanden"] < 1:
            raise _invalid("maanden", "moet minstens 1 zijn")
        items = rente.schema(v["eerste_termijn"], v["schuld"], v["maanden"])
    r = rente.verwachte_rente(v["uiterste_betaaldatum"], items)
    return {
        "rente": money_str(r.result.rente),
        "drempel_toegepast": r.result.drempel_toegepast,
        "termijnen": [
            {"datum": _d(t.datum), "bedrag": money_str(t.bedrag), "rente": money_str(t.rente_exact)}
            for t in r.result.termijnen
        ],
    }, r.steps


def _bvv(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    r = bvv_rules.beslagvrije_voet(
        peildatum=v["peildatum"],
        leefsituatie=Leefsituatie(v["leefsituatie"]),
        inkomen_maand=v["inkomen_maand"],
        belastbaar_inkomen_jaar=v["belastbaar_inkomen_jaar"],
        bijstand=v["bijstand"],
        woonadres_in_nederland=v["woonadres_in_nederland"],
        partner_inkomen_maand=v["partner_inkomen_maand"],
        overig_inkomen_maand=v["overig_inkomen_maand"],
    )
    return {
        "beslagvrije_voet": money_str(r.result.beslagvrije_voet),
        "afdracht": money_str(r.result.afdracht),
        "volledig": r.result.volledig,
        "maximum": money_str(r.result.maximum) if r.result.maximum is not None else None,
    }, r.steps


def _betalingscapaciteit(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    r = capaciteit.betalingscapaciteit(
        peildatum=v["peildatum"],
        leefsituatie=Leefsituatie(v["leefsituatie"]),
        netto_besteedbaar_inkomen_maand=v["netto_besteedbaar_inkomen_maand"],
        aftrekbare_uitgaven_maand=v["aftrekbare_uitgaven_maand"],
        methode=v["methode"],
        belastbaar_inkomen_jaar=v["belastbaar_inkomen_jaar"],
    )
    return {
        "kosten_van_bestaan": money_str(r.result.kosten_van_bestaan),
        "betalingscapaciteit_maand": money_str(r.result.betalingscapaciteit_maand),
        "methode": r.result.methode,
    }, r.steps


def _kwijtschelding(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    r = capaciteit.kwijtschelding(
        peildatum=v["peildatum"],
        leefsituatie=Leefsituatie(v["leefsituatie"]),
        netto_besteedbaar_inkomen_maand=v["netto_besteedbaar_inkomen_maand"],
        vermogen=v["vermogen"],
        openstaand=v["openstaand"],
        aftrekbare_uitgaven_maand=v["aftrekbare_uitgaven_maand"],
        methode=v["methode"],
        belastbaar_inkomen_jaar=v["belastbaar_inkomen_jaar"],
        doelgroep=Doelgroep(v["doelgroep"]),
    )
    res = r.result
    return {
        "kosten_van_bestaan": money_str(res.kosten_van_bestaan),
        "betalingscapaciteit_maand": money_str(res.betalingscapaciteit_maand),
        "af_te_dragen": money_str(res.af_te_dragen),
        "kwijtschelding": money_str(res.kwijtschelding),
        "methode": res.methode,
    }, r.steps


def _betalingsregeling(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    r = capaciteit.betalingsregeling(
        peildatum=v["peildatum"],
        leefsituatie=Leefsituatie(v["leefsituatie"]),
        netto_besteedbaar_inkomen_maand=v["netto_besteedbaar_inkomen_maand"],
        schuld=v["schuld"],
        vermogen=v["vermogen"],
        schuldeiser=Creditor(v["schuldeiser"]),
        aftrekbare_uitgaven_maand=v["aftrekbare_uitgaven_maand"],
        methode=v["methode"],
        eerder_uitstel=v["eerder_uitstel"],
        dwangbevel_betekend=v["dwangbevel_betekend"],
        opzet_of_grove_schuld=v["opzet_of_grove_schuld"],
        doelgroep=Doelgroep(v["doelgroep"]),
        zekerheid=v["zekerheid"],
        verklaring_derde_deskundige=v["verklaring_derde_deskundige"],
        laatste_vervaldag=v["laatste_vervaldag"],
    )
    res = r.result
    out: Json = {
        "termijnbedrag": money_str(res.termijnbedrag),
        "maanden": res.maanden,
        "besluit": res.besluit,
        "reden": res.reden,
        "soort": res.soort,
        "kort_uitstel_mogelijk": res.kort_uitstel_mogelijk,
        "betalingscapaciteit_maand": money_str(res.betalingscapaciteit_maand),
        "methode": res.methode,
    }
    steps = r.steps
    if v["uiterste_betaaldatum"] is not None and res.maanden > 0 and res.termijnbedrag > 0:
        start = v["eerste_termijn"] or v["peildatum"]
        plan = rente.schema(start, min(v["schuld"], res.termijnbedrag * res.maanden), res.maanden)
        expected = rente.verwachte_rente(v["uiterste_betaaldatum"], plan)
        out["verwachte_rente"] = money_str(expected.result.rente)
        steps = steps + expected.steps
    return out, steps


def _verrekening(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    r = capaciteit.verrekening_toeslag(
        peildatum=v["peildatum"],
        schuld=v["schuld"],
        toeslag_maand=v["toeslag_maand"],
        ruimte_boven_bvv=v["ruimte_boven_bvv"],
    )
    return {
        "verrekend_per_maand": money_str(r.result.verrekend_per_maand),
        "maanden": r.result.maanden,
        "reden": r.result.reden,
    }, r.steps


def _verjaring(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    r = verjaring.verjaring(v["uiterste_betaaldatum"], v["stuitingen"] or [], v["uitstel"] or [])
    out: Json = {
        "verjaringsdatum": _d(r.result.verjaringsdatum),
        "laatste_stuiting": _d(r.result.laatste_stuiting),
        "verlenging_dagen": r.result.verlenging_dagen,
    }
    steps = r.steps
    if v["peildatum"] is not None:
        advice, step = verjaring.stuiten_advies(
            r.result.verjaringsdatum,
            v["peildatum"],
            Creditor(v["schuldeiser"]),
            True,
            fraude=v["fraude"],
            betalingsperspectief=v["betalingsperspectief"],
        )
        out.update(verjaard=r.result.verjaard(v["peildatum"]), stuiten=advice.stuiten, stuiten_reden=advice.reden)
        steps = (*steps, step)
    return out, steps


def _vroegsignalering(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    found = signalen.vroegsignalering(
        peildatum=v["peildatum"],
        claims=v["vorderingen"],
        schuldhistorie=v["schuldhistorie"],
        aantal_schuldeisers=v["aantal_schuldeisers"],
        brieven_laatste_maand=v["brieven_laatste_maand"],
    )
    return {
        "signalen": [{"code": s.code, "afgegaan": s.afgegaan, "titel": s.titel, "reden": s.reden} for s in found],
        "afgegaan": [s.code for s in found if s.afgegaan],
    }, tuple(s.step for s in found)


def _positie(v: dict[str, Any]) -> tuple[Json, tuple[Step, ...]]:
    uitstel = tuple(Uitstel(p.van, p.tot) for p in (v["uitstel"] or []))
    facts = ClaimFacts(
        kind=ClaimKind(v["soort"]),
        middel=Middel(v["middel"]),
        dagtekening=v["dagtekening"],
        bedrag=v["bedrag"],
        uiterste_betaaldatum=v["uiterste_betaaldatum"],
        bookings=tuple(v["boekingen"] or ()),
        steps=tuple(v["stappen"] or ()),
        uitstel=uitstel,
        under_regeling=v["regeling_lopend"],
        paused=v["pauze"],
        kwijtschelding_verzoek=v["kwijtschelding_verzoek"],
        fraude=v["fraude"],
        betalingsperspectief=v["betalingsperspectief"],
        bvv_vastgesteld_op=v["bvv_vastgesteld_op"],
        uitstel_afgewezen_op=v["uitstel_afgewezen_op"],
        kwijtschelding_afgewezen_op=v["kwijtschelding_afgewezen_op"],
    )
    ev = evaluate_claim(facts, v["peildatum"])
    nxt = ev.next_step
    return {
        "uiterste_betaaldatum": _d(ev.uiterste_betaaldatum),
        "hoofdsom": money_str(ev.principal),
        "betaald": money_str(ev.paid),
        "verrekend": money_str(ev.verrekend),
        "kosten": money_str(ev.costs),
        "rente_in_rekening": money_str(ev.rente_booked),
        "open_hoofdsom": money_str(ev.open_principal),
        "open_kosten": money_str(ev.open_costs),
        "open_rente": money_str(ev.open_rente),
        "openstaand": money_str(ev.ledger_balance),
        "rente_lopend": money_str(ev.rente_accrued),
        "verjaringsdatum": _d(ev.verjaringsdatum),
        "verjaard": ev.verjaard,
        "stuiten": ev.stuiten,
        "huidige_stap": ev.enforcement_stage.value if ev.enforcement_stage else None,
        "volgende_stap": nxt.step.value if nxt.step else None,
        "toegestaan": nxt.allowed,
        "vanaf": _d(nxt.earliest),
        "kosten_volgende_stap": money_str(ev.kosten_volgende_stap) if ev.kosten_volgende_stap is not None else None,
        "blokkades": [g.reden for g in nxt.blocking],
    }, explain_claim(facts, v["peildatum"])


def _r(
    name: str,
    description: str,
    fields: tuple[Field, ...],
    run: Callable[[dict[str, Any]], tuple[Json, tuple[Step, ...]]],
    result: tuple[str, ...],
) -> Rule:
    return Rule(name, description, fields, run, result)


_NUMMER = (Field("nummer", "tekst", description="het nummer, met of zonder spaties/punten"),)
_PEIL = Field("peildatum", "datum", description="de datum waarvoor de figuren gelden")
_LEEF = Field("leefsituatie", "keuze", choices=LEEF)
_NBI = Field("netto_besteedbaar_inkomen_maand", "bedrag")
_UITGAVEN = Field("aftrekbare_uitgaven_maand", "bedrag", False, Decimal(0), description="URIW art. 15")
_C = Field("belastbaar_inkomen_jaar", "bedrag", False, None)
_DOELGROEP = Field(
    "doelgroep",
    "keuze",
    False,
    "particulier",
    tuple(d.value for d in Doelgroep),
    "kader van de schuld; privéschulden van een ondernemer vallen onder particulier",
)
_SCHULDEISER = Field("schuldeiser", "keuze", False, "belastingdienst", tuple(c.value for c in Creditor))

RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        _r("bsn", "BSN-elfproef", _NUMMER, _identifier("bsn"), ("geldig", "nummer", "reden")),
        _r("rsin", "RSIN-elfproef", _NUMMER, _identifier("rsin"), ("geldig", "nummer", "reden")),
        _r("kvk", "KvK-nummer (8 cijfers)", _NUMMER, _identifier("kvk"), ("geldig", "nummer")),
        _r(
            "btw_id",
            "Btw-identificatienummer (NL + 9 cijfers + B + 2)",
            _NUMMER,
            _identifier("btw"),
            ("geldig", "nummer"),
        ),
        _r(
            "betaaltermijn",
            "Uiterste betaaldatum en begin van de invorderingsrente (IW 9, Awir 28)",
            (Field("soort", "keuze", choices=tuple(k.value for k in ClaimKind)), Field("dagtekening", "datum")),
            _betaaltermijn,
            ("uiterste_betaaldatum", "rente_vanaf", "termijn"),
        ),
        _r(
            "aanmaningskosten",
            "Kosten en betaaldatum van een aanmaning (Kostenwet art. 2, IW 11)",
            (Field("openstaand", "bedrag"), Field("datum", "datum")),
            _aanmaningskosten,
            ("kosten", "totaal", "uiterste_betaaldatum"),
        ),
        _r(
            "dwangbevelkosten",
            "Kosten betekening dwangbevel (Kostenwet art. 3)",
            (Field("bedrag", "bedrag"), Field("datum", "datum"), Field("alleen_stuiten", "bool", False, False)),
            _dwangbevelkosten,
            ("kosten",),
        ),
        _r(
            "vervolgingskosten",
            "Kosten van een stap van de invorderingsladder (Kostenwet)",
            (
                Field("stap", "keuze", choices=tuple(s.value for s in EnforcementStep)),
                Field("datum", "datum"),
                Field("bedrag", "bedrag", False, None),
                Field("alleen_stuiten", "bool", False, False),
            ),
            _vervolgingskosten,
            ("kosten",),
        ),
        _r(
            "invorderingsrente",
            "Invorderingsrente over een betaling (IW 28, URIW 29-33)",
            (
                Field("bedrag", "bedrag"),
                Field("uiterste_betaaldatum", "datum"),
                Field("betaaldatum", "datum"),
                Field("laatste_betaling", "bool", False, False),
            ),
            _invorderingsrente,
            ("rente", "berekend", "drempel_toegepast", "periodes"),
        ),
        _r(
            "verwachte_rente",
            "Verwachte invorderingsrente van een betalingsschema (rules.md §3.3)",
            (
                Field("uiterste_betaaldatum", "datum"),
                Field("termijnen", "termijnen", False, []),
                Field("schuld", "bedrag", False, None),
                Field("maanden", "getal", False, None),
                Field("eerste_termijn", "datum", False, None),
            ),
            _verwachte_rente,
            ("rente", "drempel_toegepast", "termijnen"),
        ),
        _r(
            "beslagvrije_voet",
            "Beslagvrije voet (Rv 475c-475fa)",
            (
                _PEIL,
                _LEEF,
                Field("inkomen_maand", "bedrag", description="beslagen inkomen per maand incl. vakantiebijslag"),
                _C,
                Field("bijstand", "bool", False, False),
                Field("woonadres_in_nederland", "bool", False, True),
                Field("partner_inkomen_maand", "bedrag", False, Decimal(0)),
                Field("overig_inkomen_maand", "bedrag", False, Decimal(0)),
            ),
            _bvv,
            ("beslagvrije_voet", "afdracht", "volledig", "maximum"),
        ),
        _r(
            "betalingscapaciteit",
            "Betalingscapaciteit (URIW 13-16), met de beleidsoptie bvv-methode",
            (_PEIL, _LEEF, _NBI, _UITGAVEN, METHODE, _C),
            _betalingscapaciteit,
            ("kosten_van_bestaan", "betalingscapaciteit_maand", "methode"),
        ),
        _r(
            "kwijtschelding",
            "Kwijtschelding (URIW 11-16)",
            (
                _PEIL,
                _LEEF,
                _NBI,
                Field("vermogen", "bedrag"),
                Field("openstaand", "bedrag"),
                _UITGAVEN,
                METHODE,
                _C,
                _DOELGROEP,
            ),
            _kwijtschelding,
            ("kosten_van_bestaan", "betalingscapaciteit_maand", "af_te_dragen", "kwijtschelding", "methode"),
        ),
        _r(
            "betalingsregeling",
            "Betalingsregeling per schuldeiser (LI 25; Toeslagen standaard en persoonlijk)",
            (
                _PEIL,
                _LEEF,
                _NBI,
                Field("schuld", "bedrag"),
                Field("vermogen", "bedrag", False, Decimal(0)),
                _SCHULDEISER,
                _UITGAVEN,
                METHODE,
                Field("eerder_uitstel", "bool", False, False),
                Field("dwangbevel_betekend", "bool", False, False),
                Field("opzet_of_grove_schuld", "bool", False, False),
                Field("uiterste_betaaldatum", "datum", False, None, description="voor de verwachte rente"),
                Field("eerste_termijn", "datum", False, None),
                _DOELGROEP,
                Field("zekerheid", "bool", False, False),
                Field("verklaring_derde_deskundige", "bool", False, False),
                Field("laatste_vervaldag", "datum", False, None),
            ),
            _betalingsregeling,
            (
                "termijnbedrag",
                "maanden",
                "besluit",
                "reden",
                "soort",
                "kort_uitstel_mogelijk",
                "betalingscapaciteit_maand",
                "methode",
                "verwachte_rente",
            ),
        ),
        _r(
            "verrekening_toeslag",
            "Verrekening van een toeslagschuld met de lopende toeslag (Awir 30)",
            (
                _PEIL,
                Field("schuld", "bedrag"),
                Field("toeslag_maand", "bedrag"),
                Field("ruimte_boven_bvv", "bedrag", False, None),
            ),
            _verrekening,
            ("verrekend_per_maand", "maanden", "reden"),
        ),
        _r(
            "verjaring",
            "Verjaringsdatum met stuiting en verlenging (Awb 4:104-4:111), en stuitadvies",
            (
                Field("uiterste_betaaldatum", "datum"),
                Field("stuitingen", "datums", False, []),
                Field("uitstel", "perioden", False, []),
                Field("peildatum", "datum", False, None),
                _SCHULDEISER,
                Field("fraude", "bool", False, False),
                Field("betalingsperspectief", "bool", False, None),
            ),
            _verjaring,
            ("verjaringsdatum", "laatste_stuiting", "verlenging_dagen", "verjaard", "stuiten", "stuiten_reden"),
        ),
        _r(
            "vroegsignalering",
            "Signalen voor vroegsignalering en persoonlijk contact",
            (
                _PEIL,
                Field("vorderingen", "claims"),
                Field("schuldhistorie", "bool", False, False),
                Field("aantal_schuldeisers", "getal", False, 0),
                Field("brieven_laatste_maand", "getal", False, 0),
            ),
            _vroegsignalering,
            ("signalen", "afgegaan"),
        ),
        _r(
            "positie",
            "Eén vordering op de peildatum: saldo, lopende rente, verjaring en volgende stap",
            (
                _PEIL,
                Field("soort", "keuze", choices=tuple(k.value for k in ClaimKind)),
                Field("middel", "keuze", choices=tuple(m.value for m in Middel)),
                Field("dagtekening", "datum"),
                Field("bedrag", "bedrag"),
                Field("uiterste_betaaldatum", "datum", False, None),
                Field("boekingen", "boekingen", False, []),
                Field("stappen", "stappen", False, []),
                Field("uitstel", "perioden", False, []),
                Field("regeling_lopend", "bool", False, False),
                Field("pauze", "bool", False, False),
                Field("kwijtschelding_verzoek", "bool", False, False),
                Field("fraude", "bool", False, False),
                Field("betalingsperspectief", "bool", False, None),
                Field("bvv_vastgesteld_op", "datum", False, None),
                Field("uitstel_afgewezen_op", "datum", False, None),
                Field("kwijtschelding_afgewezen_op", "datum", False, None),
            ),
            _positie,
            ("openstaand", "rente_lopend", "verjaringsdatum", "volgende_stap", "toegestaan", "blokkades"),
        ),
    )
}


def get_rule(name: str) -> Rule:
    try:
        return RULES[name]
    except KeyError:
        raise ValidationError("unknown_rule", rule=name, choices=", ".join(RULES), field="RULE") from None


def calculate(name: str, data: object) -> Json:
    """Run rule ``name`` on JSON-like input; ``{"result": {...}, "explanation": [...]}``."""
    rule = get_rule(name)
    values = parse_input(rule, data)
    result, steps = rule.run(values)
    return {"result": result, "explanation": [step.to_json() for step in steps]}


def list_rules() -> list[Json]:
    return [
        {
            "rule": rule.name,
            "description": rule.description,
            "fields": [
                {
                    "name": f.name,
                    "type": f.kind,
                    "required": f.required,
                    **({"choices": list(f.choices)} if f.choices else {}),
                    **({"default": f.default_text()} if not f.required else {}),
                    **({"description": f.description} if f.description else {}),
                }
                for f in rule.fields
            ],
            "result": list(rule.result_fields),
        }
        for rule in RULES.values()
    ]
