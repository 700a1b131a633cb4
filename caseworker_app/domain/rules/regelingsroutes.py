"""Which payment routes are open to a debtor, and why: the decision the regeling rule, the letter and the maatwerk
screens share.

Routes (``Route.soort``):

* ``kort_uitstel`` -- Belastingdienst particulier: 4 months without investigation when the total open tax debt is
  below EUR 20,000, without earlier uitstel for payment problems, without a betekend dwangbevel and not a
  voorlopige aanslag in termijnen (LI 25.5.3).
* ``regeling`` -- Belastingdienst betalingsregeling on 80% of the betalingscapaciteit, at most 12 months (LI 25.5).
  After a kort uitstel for the same debt the Leidraad refuses it (LI 25.5.4); policy switch ``na_kort_uitstel``
  (parameter ``beleid_na_kort_uitstel``) may allow it, the 12 months then counted from the start of the kort uitstel.
* ``kwijtschelding`` -- Belastingdienst particulier; closed by opzet or grove schuld (URIW art. 8; LI 26.1.9) and
  for business taxes of ondernemers (saneringsakkoord only, LI 26.3).
* ``bijzonder`` -- ondernemers: bijzonder uitstel with a derde-deskundige's verklaring (LI 25.6).
* ``standaard``, ``persoonlijk``, ``buiten_invordering`` -- Dienst Toeslagen: the standard regeling (24 months after
  the vervaldag), the persoonlijke betalingsregeling on betalingscapaciteit, and leaving what cannot be paid
  uncollected.  **Fraud** (opzet or grove schuld, or a fraud marking) closes all three: Uitvoeringsregeling Awir
  art. 7 lid 6 and VM 10-12 leave only
* ``afloscapaciteit`` -- instalments on afloscapaciteit, the whole debt, no buiten invordering.

:func:`open_routes` needs no figures about income: it answers "what may we offer this person" for the schuldoverzicht
and the letter; :mod:`.betalingsregeling` then sizes the regeling within the open routes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from caseworker_app.domain.explain import Explained, Explanation
from caseworker_app.domain.money import format_eur
from caseworker_app.domain.params import param
from caseworker_app.domain.types import Creditor, Doelgroep

SOORTEN = (
    "kort_uitstel",
    "regeling",
    "kwijtschelding",
    "bijzonder",
    "standaard",
    "persoonlijk",
    "afloscapaciteit",
    "buiten_invordering",
)
LABELS = {
    "kort_uitstel": "kort uitstel (4 maanden)",
    "regeling": "betalingsregeling",
    "kwijtschelding": "kwijtschelding",
    "bijzonder": "bijzonder uitstel",
    "standaard": "standaard betalingsregeling",
    "persoonlijk": "persoonlijke betalingsregeling",
    "afloscapaciteit": "betalen in termijnen naar afloscapaciteit",
    "buiten_invordering": "buiten invordering laten",
    "geen": "geen regeling",
}
NA_KORT_UITSTEL = ("weigeren", "regeling")

URAWIR_7 = "Uitvoeringsregeling Awir, art. 7"
VM_FRAUDE = "Verbetermaatregelen invordering Toeslagen, VM 10-12"


@dataclass(frozen=True, slots=True)
class Route:
    soort: str
    open: bool
    reden: str  # Dutch, one sentence an officer can read out
    legal_source: str

    @property
    def label(self) -> str:
        return LABELS[self.soort]


@dataclass(frozen=True, slots=True)
class Routes:
    routes: tuple[Route, ...]
    fraude: bool

    def route(self, soort: str) -> Route | None:
        return next((r for r in self.routes if r.soort == soort), None)

    def is_open(self, soort: str) -> bool:
        found = self.route(soort)
        return found is not None and found.open

    @property
    def open_soorten(self) -> tuple[str, ...]:
        return tuple(r.soort for r in self.routes if r.open)

    @property
    def standaard_regeling_aanbieden(self) -> bool:
        """May a letter or the schuldoverzicht offer the standard regeling?  Never to a fraud-marked debtor."""
        return self.is_open("standaard")

    def to_json(self) -> list[dict[str, object]]:
        return [
            {"soort": r.soort, "open": r.open, "reden": r.reden, "wettelijke_grondslag": r.legal_source}
            for r in self.routes
        ]


def open_routes(
    *,
    schuldeiser: Creditor,
    peildatum: date,
    fraude: bool = False,
    doelgroep: Doelgroep = Doelgroep.PARTICULIER,
    schuld: Decimal | None = None,
    eerder_uitstel: bool = False,
    dwangbevel_betekend: bool = False,
    va_in_termijnen: bool = False,
    kort_uitstel_verleend: bool = False,
    na_kort_uitstel: str | None = None,
    zekerheid: bool = False,
    verklaring_derde_deskundige: bool = False,
) -> Explained[Routes]:
    """The routes open to this debtor with this schuldeiser on ``peildatum``, each with its reason."""
    steps = Explanation()
    routes: list[Route] = []
    if schuldeiser is Creditor.BELASTINGDIENST:
        routes.extend(
            _belastingdienst(
                steps,
                peildatum,
                fraude,
                doelgroep,
                schuld,
                eerder_uitstel,
                dwangbevel_betekend,
                va_in_termijnen,
                kort_uitstel_verleend,
                na_kort_uitstel,
                zekerheid,
                verklaring_derde_deskundige,
            )
        )
    else:
        routes.extend(_toeslagen(steps, fraude))
    for route in routes:
        steps.add(
            f"{route.label[:1].upper()}{route.label[1:]}: {'mogelijk' if route.open else 'niet mogelijk'}",
            route.reden,
            legal_source=route.legal_source,
        )
    return Explained(Routes(tuple(routes), fraude), steps.freeze())


def beleid_na_kort_uitstel(peildatum: date, keuze: str | None) -> tuple[str, Explanation]:
    """The policy switch for "a regeling after kort uitstel" (LI 25.5.4): the given choice or the table's default."""
    steps = Explanation()
    row = param("beleid_na_kort_uitstel", peildatum)
    chosen = keuze or row.text
    if chosen not in NA_KORT_UITSTEL:
        raise ValueError(f"unknown na_kort_uitstel {chosen!r}")
    steps.add(
        "Beleid na kort uitstel: "
        + (
            "geen betalingsregeling voor dezelfde schuld"
            if chosen == "weigeren"
            else "een betalingsregeling kan volgen, 12 maanden gerekend vanaf het kort uitstel"
        ),
        chosen,
        param=row if keuze is None else None,
        legal_source="Leidraad Invordering 2008, art. 25.5.4",
    )
    return chosen, steps


def _belastingdienst(
    steps: Explanation,
    peildatum: date,
    fraude: bool,
    doelgroep: Doelgroep,
    schuld: Decimal | None,
    eerder_uitstel: bool,
    dwangbevel_betekend: bool,
    va_in_termijnen: bool,
    kort_uitstel_verleend: bool,
    na_kort_uitstel: str | None,
    zekerheid: bool,
    derde_deskundige: bool,
) -> list[Route]:
    routes: list[Route] = []
    limit = param("kort_uitstel_max_schuld", peildatum)
    months = param("kort_uitstel_maanden", peildatum)
    reasons = []
    if schuld is not None and schuld >= limit.decimal:
        reasons.append(f"de schuld is {format_eur(limit.decimal)} of meer")
    if eerder_uitstel or kort_uitstel_verleend:
        reasons.append("er is al eerder uitstel verleend")
    if dwangbevel_betekend:
        reasons.append("er is een dwangbevel betekend")
    if va_in_termijnen:
        reasons.append("het is een voorlopige aanslag die in termijnen wordt betaald")
    steps.add(f"Grens voor kort uitstel van {months.text} maanden", format_eur(limit.decimal), param=limit)
    routes.append(
        Route(
            "kort_uitstel",
            not reasons,
            f"Kort uitstel van {months.text} maanden zonder onderzoek kan"
            if not reasons
            else "Geen kort uitstel: " + ", ".join(reasons),
            "Leidraad Invordering 2008, art. 25.5.3",
        )
    )
    if doelgroep is not Doelgroep.PARTICULIER:
        routes.append(
            Route(
                "regeling",
                zekerheid,
                "Ondernemers: een regeling van ten hoogste 12 maanden na de laatste vervaldag, met zekerheid"
                if zekerheid
                else "Ondernemers: een regeling vraagt zekerheid ter grootte van de schuld",
                "Leidraad Invordering 2008, art. 25.6",
            )
        )
        routes.append(
            Route(
                "bijzonder",
                derde_deskundige,
                "Bijzonder uitstel met een verklaring van een derde-deskundige"
                if derde_deskundige
                else "Bijzonder uitstel vraagt een verklaring van een derde-deskundige",
                "Leidraad Invordering 2008, art. 25.6.2",
            )
        )
        routes.append(
            Route(
                "kwijtschelding",
                False,
                "Kwijtschelding van ondernemingsbelastingen alleen via een saneringsakkoord",
                "Leidraad Invordering 2008, art. 26.3",
            )
        )
        return routes
    if kort_uitstel_verleend:
        chosen, policy = beleid_na_kort_uitstel(peildatum, na_kort_uitstel)
        steps.extend(policy.freeze())
        regeling_open = chosen == "regeling"
        reden = (
            "Na kort uitstel kan een betalingsregeling volgen; de 12 maanden lopen vanaf het kort uitstel"
            if regeling_open
            else "Na kort uitstel wordt voor dezelfde schuld geen betalingsregeling verleend"
        )
        routes.append(Route("regeling", regeling_open, reden, "Leidraad Invordering 2008, art. 25.5.4"))
    else:
        routes.append(
            Route(
                "regeling",
                True,
                "Een betalingsregeling op 80% van de betalingscapaciteit, ten hoogste 12 maanden",
                "Leidraad Invordering 2008, art. 25.5",
            )
        )
    if fraude:
        routes.append(
            Route(
                "kwijtschelding",
                False,
                "Geen kwijtschelding: bij opzet of grove schuld is het niet betalen de schuldenaar te verwijten",
                "Uitvoeringsregeling Invorderingswet 1990, art. 8; Leidraad Invordering 2008, art. 26.1.9",
            )
        )
    else:
        routes.append(
            Route(
                "kwijtschelding",
                True,
                "Kwijtschelding kan, als vermogen en betalingscapaciteit de schuld niet dekken",
                "Uitvoeringsregeling Invorderingswet 1990, art. 11",
            )
        )
    return routes


def _toeslagen(steps: Explanation, fraude: bool) -> list[Route]:
    if fraude:
        closed = "Niet bij fraude (opzet of grove schuld)"
        return [
            Route("standaard", False, f"{closed}: geen standaard betalingsregeling", f"{URAWIR_7} lid 6; {VM_FRAUDE}"),
            Route(
                "persoonlijk", False, f"{closed}: geen persoonlijke betalingsregeling", f"{URAWIR_7} lid 6; {VM_FRAUDE}"
            ),
            Route("buiten_invordering", False, f"{closed}: de schuld wordt niet buiten invordering gelaten", VM_FRAUDE),
            Route(
                "afloscapaciteit",
                True,
                "Betalen in termijnen naar afloscapaciteit, tot de hele schuld is betaald",
                VM_FRAUDE,
            ),
        ]
    return [
        Route(
            "standaard",
            True,
            "Standaard betalingsregeling: uiterlijk 24 maanden na de vervaldag",
            f"{URAWIR_7} lid 1-3",
        ),
        Route(
            "persoonlijk",
            True,
            "Persoonlijke betalingsregeling op betalingscapaciteit als de standaardregeling te zwaar is, "
            "niet als het vermogen de schuld kan betalen",
            f"{URAWIR_7} lid 4-5",
        ),
        Route(
            "buiten_invordering",
            True,
            "Wat ook met een persoonlijke regeling niet te betalen is, kan buiten invordering worden gelaten",
            "Leidraad Invordering 2008, art. 26.6; Verbetermaatregelen invordering Toeslagen, VM 21-22",
        ),
        Route("afloscapaciteit", False, "Alleen bij fraude: dan betalen in termijnen naar afloscapaciteit", VM_FRAUDE),
    ]
