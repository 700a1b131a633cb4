"""The exceptions every layer raises, and the one place their Dutch wording lives.

Three families, as in qutebrowser and Anki:

* :class:`UserFacingError` -- the user can fix it: invalid input, a conflict, something not found,
  a permission the role lacks.  Shown as a warning, never as a crash.
* :class:`StorageError` -- the environment is in the way: unreachable server, locked or corrupt
  database file, full disk.  "Not our bug", shown with a retry where that makes sense.
* anything else is a bug and goes to the crash handler.

Each error carries a stable ``code`` and ``params`` so tests and translations can rely on them,
and a rendered Dutch ``message`` for the command line and the interface.  This module imports
nothing from the package so every layer may use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: Dutch message templates, keyed by error code.  ``str.format`` placeholders name the params.
MESSAGES: dict[str, str] = {
    # input
    "invalid_bsn": "'{value}' is geen geldig BSN: {reason}.",
    "invalid_rsin": "'{value}' is geen geldig RSIN: {reason}.",
    "invalid_amount": "'{value}' is geen geldig bedrag{field_suffix}: gebruik cijfers, bijvoorbeeld 1234,56.",
    "invalid_date": "'{value}' is geen geldige datum{field_suffix}: gebruik dd-mm-jjjj of jjjj-mm-dd.",
    "invalid_field": "Het veld '{field}' is ongeldig: {reason}.",
    "missing_field": "Het veld '{field}' ontbreekt.",
    "invalid_postcode": "'{value}' is geen geldige postcode: gebruik vier cijfers en twee letters, bijvoorbeeld 1234 AB.",
    "invalid_role": "'{value}' is geen bekende rol. Kies uit: {choices}.",
    "invalid_database_url": "'{url}' is geen bruikbaar database-adres: {reason}.",
    # domain and rules
    "parameter_missing": "Voor {date} ontbreekt het cijfer '{parameter}'; daarom kan dit niet worden berekend.",
    "unknown_rule": "Onbekende rekenregel '{rule}'. Beschikbaar: {choices}.",
    "parameter_file_invalid": "Het parameterbestand {file} is ongeldig: {reason}.",
    "invalid_input_file": "Het invoerbestand {file} is niet te lezen: {reason}.",
    # maatwerk
    "maatwerk_fraude": "Bij een fraudemarkering kan een schuld niet buiten invordering worden gesteld (beleid Toeslagen, VM 10-12).",
    "unknown_claim": "Vordering '{reference}' hoort niet bij deze schuldenaar.",
    "maatwerk_state": "Maatregel {id} is {status}: {action} kan alleen bij een maatregel die {needed} is.",
    "maatwerk_pending": "Voor maatregel {id} ligt al een voorstel te beëindigen ter beslissing.",
    # identity and permissions
    "unknown_user": "Gebruiker '{login}' is niet bekend in deze database. Een beheerder kan u toevoegen met 'caseworker user add'.",
    "inactive_user": "Gebruiker '{login}' is uitgeschakeld.",
    "permission_denied": "U ({login}) mag dit niet: {action} vraagt de rol {roles}.",
    "user_exists": "Gebruiker '{login}' bestaat al.",
    "impersonation_refused": "Op een gedeelde PostgreSQL-database bent u altijd de database-gebruiker ({login}); --user kan dat niet veranderen.",
    "login_missing": "De database-login '{login}' bestaat niet op deze server. Laat de databasebeheerder hem eerst aanmaken (met wachtwoord, Kerberos of certificaat, zoals de server is ingericht) en probeer het dan opnieuw.",
    "no_database_roles": "De database-login '{login}' heeft geen rol in deze database. Een beheerder kan rollen toekennen met 'caseworker user grant'.",
    "first_admin_required": "Deze database heeft nog geen beheerder. Richt hem in met 'caseworker db upgrade --admin LOGIN' (de database-login van de eerste beheerder).",
    "not_db_admin": "De login '{login}' mag het schema niet inrichten of bijwerken: dat doet een databasebeheerder (superuser, of lid van de eigenaarsrol {owner}).",
    "not_db_admin_new": "De login '{login}' mag deze nieuwe database niet inrichten: dat doet een databasebeheerder (superuser, of een login die rollen mag aanmaken).",
    "role_setup_needs_createrole": "De rol {role} bestaat nog niet en deze login mag geen rollen aanmaken. Laat de databasebeheerder (met CREATEROLE) 'caseworker db upgrade' uitvoeren.",
    "role_not_ours": "Op deze server bestaat al een rol {role} die niet door Caseworker is gemaakt. Kies een eigen voorvoegsel met 'caseworker db upgrade --role-prefix VOORVOEGSEL'.",
    "role_of_other_database": "De rol {role} hoort al bij een andere Caseworker-database ({comment}). Kies een eigen voorvoegsel met 'caseworker db upgrade --role-prefix VOORVOEGSEL'.",
    "role_prefix_invalid": "Het voorvoegsel '{prefix}' voor de databaserollen is niet bruikbaar: gebruik 1 tot {length} tekens.",
    "role_prefix_fixed": "De databaserollen van deze database hebben al het voorvoegsel '{prefix}'; dat kan niet meer veranderen.",
    "role_held_elsewhere": "'{login}' houdt de rol {role} ook via {via}, buiten Caseworker om toegekend; er is niets ingetrokken. Laat de databasebeheerder die toekenning intrekken.",
    "last_admin": "'{login}' is de laatste beheerder; ken eerst iemand anders de rol beheerder toe.",
    "database_refused": "De database weigert dit voor uw rollen ({detail}).",
    # records
    "not_found": "{entity} {key} bestaat niet (meer).",
    "duplicate": "{entity} met {field} {value} bestaat al.",
    "conflict": "Iemand anders heeft {entity} {key} intussen gewijzigd. Kies per veld welke waarde moet blijven.",
    "changed_meanwhile": "Iemand anders wijzigde deze gegevens op hetzelfde moment; er is niets opgeslagen. Probeer het opnieuw.",
    # contacts, tasks and visits (issue 11)
    "contact_corrected": "Contact {id} is al gecorrigeerd (door {newer}); corrigeer de nieuwste versie.",
    "flag_ended": "Markering {id} is al beëindigd.",
    "risk_marked": "Deze schuldenaar is al gemarkeerd als risico voor medewerkers.",
    "task_done": "Taak {id} is al afgerond.",
    "task_same_owner": "Taak {id} staat al op naam van {login}.",
    "visit_closed": "Huisbezoek {id} is al afgelegd of vervallen.",
    # four-eyes decisions (services/decisions.py)
    "decision_already_decided": "Dit voorstel is al besloten door {by}: {status} op {when}. Ververs de lijst om het besluit te zien.",
    "decision_already_withdrawn": "Dit voorstel is op {when} ingetrokken door {by}; er valt niets meer over te besluiten.",
    "decision_own_proposal": "U kunt niet zelf besluiten over uw eigen voorstel: een tweede persoon (een teamleider) moet dat doen.",
    "decision_not_proposer": "Alleen wie het voorstel deed ({by}) kan het intrekken.",
    "decision_open_exists": "Hierover ligt al een voorstel open (voorstel {id}, van {by}). Wacht op het besluit of trek dat voorstel eerst in.",
    "decision_previous_not_sent_back": "Voorstel {id} is niet teruggestuurd ({status}); alleen op een teruggestuurd voorstel antwoordt u met een nieuw voorstel.",
    "decision_previous_other_subject": "Voorstel {id} gaat over iets anders; een antwoord op een teruggestuurd voorstel gaat over hetzelfde.",
    "decision_previous_answered": "Op voorstel {id} is al geantwoord met voorstel {answer}.",
    # teams (services/teams.py)
    "team_lead_needs_role": "'{login}' heeft de rol teamleider niet en kan dus geen voorstellen beoordelen. Ken die rol eerst toe met 'caseworker user grant {login} --role teamlead'.",
    "team_not_member": "'{login}' zit niet in team {team}.",
    "behandelaar_not_in_team": "'{login}' zit niet in team {team} en kan dus geen behandelaar van deze schuldenaar zijn. Zet hem eerst in het team met 'caseworker team member {login} --team {team}'.",
    # storage and environment
    "database_unreachable": "De database is niet bereikbaar ({detail}). Controleer het adres en of de server draait.",
    "database_locked": "De database is bezet door een ander programma. Probeer het zo opnieuw.",
    "database_corrupt": "Het databasebestand is beschadigd of geen database: {detail}.",
    "database_readonly": "De database kan niet worden beschreven: {detail}.",
    "database_read_only": "Deze database is alleen te lezen ({reason}): u kunt gegevens bekijken, maar niets wijzigen.",
    "database_missing": "Het databasebestand {path} bestaat niet. Maak het met 'caseworker db upgrade' (of kies een ander bestand).",
    "disk_full": "De schijf is vol; er is niets opgeslagen.",
    "schema_newer": "Deze database heeft schemaversie {current}; deze Caseworker ({version}) kent alleen tot {head}. Installeer een nieuwere Caseworker.",
    "schema_older": "Deze database heeft schemaversie {current}; nodig is {head}. Voer 'caseworker db upgrade' uit.",
    "schema_missing": "Deze database is nog leeg. Voer 'caseworker db upgrade' uit om hem in te richten.",
    "storage_error": "De database gaf een fout: {detail}.",
    "no_display": "Er is geen scherm beschikbaar. {hint}",
    # reports
    "output_unwritable": "Het bestand {path} kan niet worden geschreven: {reason}.",
    "print_failed": "Afdrukken is niet gelukt: de printer nam de pagina's niet aan. Controleer de printer en probeer het opnieuw.",
    "output_exists": "Het bestand {path} bestaat al. Kies een andere naam, of vervang het met --force.",
    "output_protected": "{path} wordt niet overschreven, ook niet met --force: {reason}.",
}


class CaseworkerError(Exception):
    """Base of all errors the application raises on purpose."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params: Mapping[str, Any] = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        template = MESSAGES.get(self.code)
        if template is None:
            return f"{self.code}: {dict(self.params)}"
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return f"{template} {dict(self.params)}"

    def __str__(self) -> str:
        return self.message


class UserFacingError(CaseworkerError):
    """Something the user can put right: shown as a warning."""


class ValidationError(UserFacingError):
    """Input that does not fit.  ``params['field']`` names the field where one applies."""


class NotFoundError(UserFacingError):
    def __init__(self, entity: str, key: object) -> None:
        super().__init__("not_found", entity=entity, key=key)


class PermissionDeniedError(UserFacingError):
    pass


@dataclass(frozen=True)
class FieldConflict:
    """One field two users changed differently since the editor loaded the record."""

    field: str
    base: Any  # the value when the editor loaded the record
    mine: Any  # what this user typed
    theirs: Any  # what the other user saved


class ConflictError(UserFacingError):
    """Saving over a newer version would lose somebody's change.

    ``conflicts`` lists the fields that both users changed to different values; ``current_version``
    is the version the caller must pass when it saves again with its choices.
    """

    def __init__(self, entity: str, key: object, conflicts: list[FieldConflict], current_version: int) -> None:
        self.conflicts = conflicts
        self.current_version = current_version
        super().__init__("conflict", entity=entity, key=key)


class StaleRecordError(UserFacingError):
    """A versioned row changed between reading and writing it in one unit of work; nothing was saved.

    Services that use :mod:`caseworker_app.services.concurrency` lock the row first, so this is rare;
    it is the translation of SQLAlchemy's ``StaleDataError`` and is safe to retry as a whole.
    """

    def __init__(self, detail: str = "") -> None:
        self.detail = detail
        super().__init__("changed_meanwhile")


class StorageError(CaseworkerError):
    """The database or the file system is in the way; not a bug in Caseworker."""


class SchemaVersionError(StorageError):
    """The database schema is not at the revision this build expects."""
