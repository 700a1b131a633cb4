<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>AboutDialog</name>
    <message>
        <source>not connected</source>
        <translation>niet verbonden</translation>
    </message>
    <message>
        <source>{current} (this version expects {head})</source>
        <translation>{current} (deze versie verwacht {head})</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versie:</translation>
    </message>
    <message>
        <source>Qt / PySide6:</source>
        <translation>Qt / PySide6:</translation>
    </message>
    <message>
        <source>SQLAlchemy:</source>
        <translation>SQLAlchemy:</translation>
    </message>
    <message>
        <source>Python:</source>
        <translation>Python:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Schema revision:</source>
        <translation>Schemaversie:</translation>
    </message>
    <message>
        <source>Working as:</source>
        <translation>Werkt als:</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Logbestand:</translation>
    </message>
    <message>
        <source>About Caseworker</source>
        <translation>Over Caseworker</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>One person&apos;s total debt position, arrangements and contact, for collection at the Belastingdienst and Dienst Toeslagen.</source>
        <translation>De totale schuldpositie, maatwerk en contact van één persoon, voor de invordering bij de Belastingdienst en Dienst Toeslagen.</translation>
    </message>
</context>
<context>
    <name>BalanceChart</name>
    <message>
        <source>Outstanding balance per month</source>
        <translation>Openstaand saldo per maand</translation>
    </message>
    <message>
        <source>{count} months; at the end Belastingdienst {bd}, Dienst Toeslagen {ts}</source>
        <translation>{count} maanden; aan het eind Belastingdienst {bd}, Dienst Toeslagen {ts}</translation>
    </message>
    <message>
        <source>No bookings yet: nothing to draw.</source>
        <translation>Nog geen boekingen: er is niets te tekenen.</translation>
    </message>
    <message>
        <source>Belastingdienst</source>
        <translation>Belastingdienst</translation>
    </message>
    <message>
        <source>Dienst Toeslagen</source>
        <translation>Dienst Toeslagen</translation>
    </message>
    <message>
        <source>ledger balance at month end; accrued interest not yet charged is not included</source>
        <translation>saldo volgens de boekingen aan het eind van de maand; lopende rente die nog niet in rekening is gebracht telt niet mee</translation>
    </message>
    <message>
        <source>{month}: Belastingdienst {bd}, Dienst Toeslagen {ts}</source>
        <translation>{month}: Belastingdienst {bd}, Dienst Toeslagen {ts}</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
</context>
<context>
    <name>CapacityDialog</name>
    <message>
        <source>Net income per month</source>
        <translation>Netto inkomen per maand</translation>
    </message>
    <message>
        <source>Partner&apos;s net income per month</source>
        <translation>Netto inkomen partner per maand</translation>
    </message>
    <message>
        <source>Housing costs per month</source>
        <translation>Woonlasten per maand</translation>
    </message>
    <message>
        <source>Health insurance premium per month</source>
        <translation>Zorgpremie per maand</translation>
    </message>
    <message>
        <source>Other fixed costs per month</source>
        <translation>Overige vaste lasten per maand</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Vermogen</translation>
    </message>
    <message>
        <source>Taxable income per year</source>
        <translation>Belastbaar inkomen per jaar</translation>
    </message>
    <message>
        <source>Correct income and household – {name}</source>
        <extracomment>the save went through (the :class:`~caseworker_app.services.capacity.Correction`)</extracomment>
        <translation>Inkomen en huishouden corrigeren – {name}</translation>
    </message>
    <message>
        <source>A correction is recorded as new information with the date it is from; the earlier information and who changed what stay in the audit trail.</source>
        <translation>Een correctie wordt vastgelegd als nieuwe gegevens met de datum waarvan ze zijn; de eerdere gegevens en wie wat wijzigde blijven in het auditlogboek.</translation>
    </message>
    <message>
        <source>&amp;Date of the information</source>
        <translation>&amp;Datum van de gegevens</translation>
    </message>
    <message>
        <source>The recorded information is of {date}. Is what you enter newer? Then set the date it is from.</source>
        <translation>De vastgelegde gegevens zijn van {date}. Zijn de gegevens die u invult nieuwer? Zet dan hier de datum van die gegevens.</translation>
    </message>
    <message>
        <source>Source of the income</source>
        <translation>Bron van het inkomen</translation>
    </message>
    <message>
        <source>Receives social assistance (bijstand)</source>
        <translation>Ontvangt bijstand</translation>
    </message>
    <message>
        <source>Living situation</source>
        <translation>Leefsituatie</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Kinderen</translation>
    </message>
    <message>
        <source>Cost sharers</source>
        <translation>Kostendelers</translation>
    </message>
    <message>
        <source>Protect the subsistence minimum</source>
        <translation>Bestaansminimum beschermen</translation>
    </message>
</context>
<context>
    <name>CapacityPanel</name>
    <message>
        <source>Capacity</source>
        <extracomment>&quot;bvv&quot; or &quot;bc&quot;</extracomment>
        <translation>Draagkracht</translation>
    </message>
    <message>
        <source>Beslagvrije voet (per month)</source>
        <translation>Beslagvrije voet (per maand)</translation>
    </message>
    <message>
        <source>Payment capacity (per month)</source>
        <translation>Betalingscapaciteit (per maand)</translation>
    </message>
    <message>
        <source>Information dated</source>
        <translation>Gegevens van</translation>
    </message>
    <message>
        <source>Beslagvrije voet valid until</source>
        <translation>Beslagvrije voet geldig tot</translation>
    </message>
    <message>
        <source>Living situation</source>
        <translation>Leefsituatie</translation>
    </message>
    <message>
        <source>Net income (per month)</source>
        <translation>Netto inkomen (per maand)</translation>
    </message>
    <message>
        <source>Partner&apos;s income</source>
        <translation>Inkomen partner</translation>
    </message>
    <message>
        <source>Housing, health premium, fixed costs</source>
        <translation>Woonlasten, zorgpremie, vaste lasten</translation>
    </message>
    <message>
        <source>How is this figure computed?</source>
        <translation>Hoe is dit bedrag berekend?</translation>
    </message>
    <message>
        <source>Explain: {what}</source>
        <translation>Uitleg: {what}</translation>
    </message>
    <message>
        <source>&amp;Correct income and household…</source>
        <translation>&amp;Inkomen en huishouden corrigeren…</translation>
    </message>
    <message>
        <source>not computed</source>
        <translation>niet berekend</translation>
    </message>
    <message>
        <source>(not confirmed)</source>
        <translation>(niet bevestigd)</translation>
    </message>
    <message>
        <source>A figure in this calculation is not confirmed or due for review.</source>
        <translation>Een cijfer in deze berekening is niet bevestigd of moet worden herzien.</translation>
    </message>
    <message>
        <source>No income recorded yet: record it with “Correct…” to compute the beslagvrije voet and the payment capacity.</source>
        <translation>Nog geen inkomen vastgelegd: leg het vast met “Corrigeren…” om de beslagvrije voet en de betalingscapaciteit te berekenen.</translation>
    </message>
    <message>
        <source>Housing {w}, health premium {z}, other fixed costs {v}</source>
        <translation>Woonlasten {w}, zorgpremie {z}, overige vaste lasten {v}</translation>
    </message>
</context>
<context>
    <name>ClaimsTreeModel</name>
    <message>
        <source>Original</source>
        <extracomment>the Decimal behind an amount cell (None elsewhere) amount columns: (title, ClaimPosition attribute or property)</extracomment>
        <translation>Oorspronkelijk</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betaald</translation>
    </message>
    <message>
        <source>Set off</source>
        <translation>Verrekend</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Rente</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>payment term still running</source>
        <translation>betaaltermijn loopt nog</translation>
    </message>
    <message>
        <source>time-barred</source>
        <translation>verjaard</translation>
    </message>
    <message>
        <source>deferral of payment</source>
        <translation>uitstel van betaling</translation>
    </message>
    <message>
        <source>payment arrangement running</source>
        <translation>betalingsregeling loopt</translation>
    </message>
    <message>
        <source>collection paused</source>
        <translation>invorderingspauze</translation>
    </message>
    <message>
        <source>remission request pending</source>
        <translation>kwijtschelding aangevraagd</translation>
    </message>
    <message>
        <source>waiting period after a refusal</source>
        <translation>wachttijd na afwijzing</translation>
    </message>
    <message>
        <source>last step taken</source>
        <translation>laatste stap is gezet</translation>
    </message>
    <message>
        <source>determine the beslagvrije voet first</source>
        <extracomment>a guard that only says &quot;not yet&quot; (the previous step&apos;s term runs): shown as &quot;… from &lt;date&gt;&quot;, not as blocked</extracomment>
        <translation>eerst beslagvrije voet vaststellen</translation>
    </message>
    <message>
        <source>beslagvrije voet out of date</source>
        <translation>beslagvrije voet verlopen</translation>
    </message>
    <message>
        <source>none (time-barred)</source>
        <translation>geen (verjaard)</translation>
    </message>
    <message>
        <source>none (paid)</source>
        <translation>geen (betaald)</translation>
    </message>
    <message>
        <source>{step}: blocked, {reason}</source>
        <translation>{step}: geblokkeerd, {reason}</translation>
    </message>
    <message>
        <source>{step} from {date}</source>
        <translation>{step} vanaf {date}</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Tijdvak</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Vervaldatum</translation>
    </message>
    <message>
        <source>Enforcement stage</source>
        <translation>Invorderingsstap</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Volgende stap</translation>
    </message>
    <message>
        <source>Limitation date</source>
        <translation>Verjaringsdatum</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Gestuit</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name} ({count})</translation>
    </message>
    <message>
        <source>Subtotal of {name}</source>
        <translation>Subtotaal van {name}</translation>
    </message>
    <message>
        <source>not calculated</source>
        <translation>niet berekend</translation>
    </message>
    <message>
        <source>{date} (time-barred)</source>
        <translation>{date} (verjaard)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>arrangement</source>
        <translation>regeling</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pauze</translation>
    </message>
    <message>
        <source>Charged {booked}, accrued up to today and not yet charged {accrued}. Double-click for the calculation.</source>
        <translation>In rekening gebracht {booked}, tot vandaag gelopen en nog niet in rekening gebracht {accrued}. Dubbelklik voor de berekening.</translation>
    </message>
    <message>
        <source>Double-click for the calculation.</source>
        <translation>Dubbelklik voor de berekening.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Save my choices</source>
        <translation>Keuzes opslaan</translation>
    </message>
    <message>
        <source>Was:</source>
        <translation>Was:</translation>
    </message>
    <message>
        <source>My value</source>
        <translation>Mijn waarde</translation>
    </message>
    <message>
        <source>Their value</source>
        <translation>Hun waarde</translation>
    </message>
    <message>
        <source>You typed:</source>
        <translation>U typte:</translation>
    </message>
    <message>
        <source>Saved by someone else:</source>
        <translation>Opgeslagen door een ander:</translation>
    </message>
    <message>
        <source>Someone else changed this debtor</source>
        <translation>Iemand anders heeft deze schuldenaar gewijzigd</translation>
    </message>
    <message>
        <source>While you were editing, someone else saved different values for the fields below. Choose per field which value to keep. Your other changes are saved as typed.</source>
        <translation>Terwijl u aan het wijzigen was, heeft iemand anders andere waarden opgeslagen voor de velden hieronder. Kies per veld welke waarde blijft. Uw andere wijzigingen worden opgeslagen zoals u ze typte.</translation>
    </message>
</context>
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>Choose a Caseworker database</source>
        <translation>Kies een Caseworker-database</translation>
    </message>
    <message>
        <source>Caseworker database (*.sqlite);;All files (*)</source>
        <translation>Caseworker-database (*.sqlite);;Alle bestanden (*)</translation>
    </message>
</context>
<context>
    <name>DebtorEditDialog</name>
    <message>
        <source>Edit contact details: {name}</source>
        <extracomment>the field a validation message is about, when its params do not say</extracomment>
        <translation>Contactgegevens wijzigen: {name}</translation>
    </message>
    <message>
        <source>Saved. Changes another user made meanwhile were kept: {fields}.</source>
        <translation>Opgeslagen. Wijzigingen die een ander intussen maakte zijn bewaard: {fields}.</translation>
    </message>
    <message>
        <source>Edit contact details</source>
        <translation>Contactgegevens wijzigen</translation>
    </message>
    <message>
        <source>Change the contact and address details. Empty fields are saved as empty.</source>
        <translation>Wijzig de contact- en adresgegevens. Lege velden worden leeg opgeslagen.</translation>
    </message>
    <message>
        <source>&amp;First names:</source>
        <translation>&amp;Voornamen:</translation>
    </message>
    <message>
        <source>&amp;Prefix (tussenvoegsel):</source>
        <translation>&amp;Tussenvoegsel:</translation>
    </message>
    <message>
        <source>&amp;Surname:</source>
        <translation>&amp;Achternaam:</translation>
    </message>
    <message>
        <source>St&amp;reet:</source>
        <translation>&amp;Straat:</translation>
    </message>
    <message>
        <source>&amp;House number:</source>
        <translation>&amp;Huisnummer:</translation>
    </message>
    <message>
        <source>&amp;Addition:</source>
        <translation>Toevoe&amp;ging:</translation>
    </message>
    <message>
        <source>P&amp;ostcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>&amp;Town:</source>
        <translation>&amp;Woonplaats:</translation>
    </message>
    <message>
        <source>&amp;Country code:</source>
        <translation>&amp;Landcode:</translation>
    </message>
    <message>
        <source>&amp;Telephone:</source>
        <translation>T&amp;elefoon:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;mail:</translation>
    </message>
    <message>
        <source>F&amp;raud flag</source>
        <translation>&amp;Fraudemarkering</translation>
    </message>
</context>
<context>
    <name>DebtorFields</name>
    <message>
        <source>First names</source>
        <translation>Voornamen</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Tussenvoegsel</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Achternaam</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straat</translation>
    </message>
    <message>
        <source>House number</source>
        <translation>Huisnummer</translation>
    </message>
    <message>
        <source>House number addition</source>
        <translation>Toevoeging</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Woonplaats</translation>
    </message>
    <message>
        <source>Country code</source>
        <translation>Landcode</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Fraud flag</source>
        <translation>Fraudemarkering</translation>
    </message>
    <message>
        <source>Date of the information</source>
        <translation>Datum van de gegevens</translation>
    </message>
    <message>
        <source>Net income per month</source>
        <translation>Netto inkomen per maand</translation>
    </message>
    <message>
        <source>Partner&apos;s net income per month</source>
        <translation>Netto inkomen partner per maand</translation>
    </message>
    <message>
        <source>Housing costs per month</source>
        <translation>Woonlasten per maand</translation>
    </message>
    <message>
        <source>Health insurance premium per month</source>
        <translation>Zorgpremie per maand</translation>
    </message>
    <message>
        <source>Other fixed costs per month</source>
        <translation>Andere vaste lasten per maand</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Vermogen</translation>
    </message>
    <message>
        <source>Taxable income per year</source>
        <translation>Belastbaar inkomen per jaar</translation>
    </message>
    <message>
        <source>Source of the income</source>
        <translation>Bron van het inkomen</translation>
    </message>
    <message>
        <source>Receives social assistance (bijstand)</source>
        <translation>Ontvangt bijstand</translation>
    </message>
    <message>
        <source>Living situation</source>
        <translation>Leefsituatie</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Kinderen</translation>
    </message>
    <message>
        <source>Cost sharers</source>
        <translation>Kostendelers</translation>
    </message>
    <message>
        <source>Protect the subsistence minimum</source>
        <translation>Bestaansminimum beschermen</translation>
    </message>
    <message>
        <source>{field}: {reason}.</source>
        <translation>{field}: {reason}.</translation>
    </message>
    <message>
        <source>Fill in: {field}.</source>
        <translation>Vul in: {field}.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leeg)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
</context>
<context>
    <name>DebtorHeader</name>
    <message>
        <source>Loading…</source>
        <extracomment>(background, border/text) per flag code; others by severity</extracomment>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>BSN/RSIN:</source>
        <translation>BSN/RSIN:</translation>
    </message>
    <message>
        <source>Target group:</source>
        <translation>Doelgroep:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adres:</translation>
    </message>
    <message>
        <source>Household:</source>
        <translation>Huishouden:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <source>Fraud flag</source>
        <extracomment>the fraud chip always exists (hidden without the flag) so other code can rely on it</extracomment>
        <translation>Fraudemarkering</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>niet vastgelegd</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>niet vastgelegd</translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren)</source>
        <translation>
            <numerusform>%n kind</numerusform>
            <numerusform>%n kinderen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cost sharer(s)</source>
        <translation>
            <numerusform>%n kostendeler</numerusform>
            <numerusform>%n kostendelers</numerusform>
        </translation>
    </message>
    <message>
        <source>With: {names}</source>
        <translation>Met: {names}</translation>
    </message>
</context>
<context>
    <name>DebtorResultsModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>BSN/RSIN</source>
        <translation>BSN/RSIN</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Doelgroep</translation>
    </message>
</context>
<context>
    <name>DebtorTab</name>
    <message>
        <source>Your role may not change debtor details.</source>
        <translation>Uw rol mag de gegevens van een schuldenaar niet wijzigen.</translation>
    </message>
    <message>
        <source>&amp;Edit contact details…</source>
        <translation>&amp;Contactgegevens wijzigen…</translation>
    </message>
</context>
<context>
    <name>DebtorWorkspace</name>
    <message>
        <source>&amp;Debt overview…</source>
        <extracomment>(title, tuple[Step, ...]): somebody asked how a figure was computed the officer wants to correct income / fixed costs / household a position is on screen (after every load and refresh) the debtor was deleted by somebody else a load failed (the exception); the banner already says so the kenmerk the officer searched for: selected and scrolled into view once the position is shown</extracomment>
        <translation>Schuld&amp;overzicht…</translation>
    </message>
    <message>
        <source>The citizen&apos;s debt overview (PDF): preview, save or print (Ctrl+P)</source>
        <translation>Het schuldoverzicht voor de burger (PDF): bekijken, opslaan of afdrukken (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Claims</source>
        <translation>&amp;Vorderingen</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Tijdlijn</translation>
    </message>
    <message>
        <source>&amp;Balance over time</source>
        <translation>Ver&amp;loop</translation>
    </message>
    <message>
        <source>Filter claims: reference, tax or benefit, year, stage… (Ctrl+Shift+F)</source>
        <translation>Vorderingen filteren: kenmerk, middel, jaar, stap… (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Filter claims</source>
        <translation>Vorderingen filteren</translation>
    </message>
    <message>
        <source>&amp;Outstanding only</source>
        <translation>&amp;Alleen openstaand</translation>
    </message>
    <message>
        <source>Claims by creditor and tax or benefit</source>
        <translation>Vorderingen per schuldeiser en middel</translation>
    </message>
    <message>
        <source>Loading the debt position…</source>
        <translation>De schuldpositie wordt geladen…</translation>
    </message>
    <message>
        <source>Loading cancelled.</source>
        <translation>Laden geannuleerd.</translation>
    </message>
    <message>
        <source>Updated at {time}: this debtor was changed elsewhere.</source>
        <translation>Bijgewerkt om {time}: deze schuldenaar is elders gewijzigd.</translation>
    </message>
    <message>
        <source>The debt position could not be loaded: {reason}</source>
        <translation>De schuldpositie kon niet worden geladen: {reason}</translation>
    </message>
    <message>
        <source>Something unexpected went wrong while loading; details are in the log file.</source>
        <translation>Bij het laden ging iets onverwacht mis; de details staan in het logbestand.</translation>
    </message>
    <message>
        <source>The database cannot be reached at the moment; what you see is updated as soon as it can.</source>
        <translation>De database is op dit moment niet bereikbaar; wat u ziet wordt bijgewerkt zodra dat weer kan.</translation>
    </message>
    <message>
        <source>This debtor was deleted by another user. What you see is how it was at {time}; it is no longer updated.</source>
        <translation>Deze schuldenaar is verwijderd door een andere gebruiker. U ziet de stand van {time}; die wordt niet meer bijgewerkt.</translation>
    </message>
    <message>
        <source>This debtor was deleted by another user.</source>
        <translation>Deze schuldenaar is verwijderd door een andere gebruiker.</translation>
    </message>
    <message>
        <source>Position on {date}, loaded at {time}</source>
        <translation>Stand per {date}, geladen om {time}</translation>
    </message>
    <message>
        <source>Your role may not change income or household.</source>
        <translation>Uw rol mag inkomen en huishouden niet wijzigen.</translation>
    </message>
    <message>
        <source>Claim {reference}: outstanding {open}, interest {rente}</source>
        <translation>Vordering {reference}: open {open}, rente {rente}</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotaal</translation>
    </message>
    <message>
        <source>{what} of {group}: {amount}</source>
        <translation>{what} van {group}: {amount}</translation>
    </message>
    <message>
        <source>{what}: {amount}</source>
        <translation>{what}: {amount}</translation>
    </message>
    <message>
        <source>Beslagvrije voet: {amount}</source>
        <translation>Beslagvrije voet: {amount}</translation>
    </message>
    <message>
        <source>Payment capacity: {amount}</source>
        <translation>Betalingscapaciteit: {amount}</translation>
    </message>
    <message>
        <source>{name}, position on {date}</source>
        <translation>{name}, stand per {date}</translation>
    </message>
    <message>
        <source>&amp;Explain the calculation…</source>
        <translation>Berekening &amp;uitleggen…</translation>
    </message>
    <message>
        <source>&amp;Copy reference</source>
        <translation>Kenmerk &amp;kopiëren</translation>
    </message>
    <message>
        <source>&amp;Explain this subtotal…</source>
        <translation>Dit &amp;subtotaal uitleggen…</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alles uitklappen</translation>
    </message>
    <message>
        <source>Collapse to creditors</source>
        <translation>Inklappen tot schuldeisers</translation>
    </message>
    <message>
        <source>Saved. Changes another user made meanwhile were kept: {fields}.</source>
        <translation>Opgeslagen. Wat een ander intussen wijzigde, is bewaard: {fields}.</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>Cannot do that</source>
        <translation>Dat kan niet</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>Probleem met de database</translation>
    </message>
    <message>
        <source>Nothing was saved. Try again in a moment; if it keeps happening, ask your administrator.</source>
        <translation>Er is niets opgeslagen. Probeer het zo opnieuw; blijft het gebeuren, vraag dan uw beheerder.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Onverwachte fout</translation>
    </message>
    <message>
        <source>Something went wrong that Caseworker did not expect. Details are in the log file:</source>
        <translation>Er ging iets mis dat Caseworker niet verwachtte. De details staan in het logbestand:</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>De database kan niet worden geopend</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Ander bestand kiezen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>This database is still empty. Set it up for Caseworker now?</source>
        <translation>Deze database is nog leeg. Nu inrichten voor Caseworker?</translation>
    </message>
    <message>
        <source>This database was made by an older Caseworker. Bring it up to date now? A backup copy of the file is made first.</source>
        <translation>Deze database is gemaakt door een oudere Caseworker. Nu bijwerken? Eerst wordt een reservekopie van het bestand gemaakt.</translation>
    </message>
    <message>
        <source>Database needs setting up</source>
        <translation>Database moet worden ingericht</translation>
    </message>
    <message>
        <source>Caseworker ran into an error it did not expect. Your saved work is safe; the last action may not have completed. Please tell your administrator and include the log file:</source>
        <translation>Caseworker kreeg een fout die het niet verwachtte. Wat u hebt opgeslagen is veilig; de laatste handeling is misschien niet afgerond. Meld dit aan uw beheerder en stuur het logbestand mee:</translation>
    </message>
    <message>
        <source>Caseworker: unexpected error</source>
        <translation>Caseworker: onverwachte fout</translation>
    </message>
</context>
<context>
    <name>ExplanationDialog</name>
    <message>
        <source>Explanation: {what}</source>
        <translation>Uitleg: {what}</translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s) in this calculation are not confirmed or due for review (marked in red): check them before relying on the result.</source>
        <translation>
            <numerusform>%n cijfer in deze berekening is niet bevestigd of moet worden herzien (in het rood): controleer het voordat u op de uitkomst vertrouwt.</numerusform>
            <numerusform>%n cijfers in deze berekening zijn niet bevestigd of moeten worden herzien (in het rood): controleer ze voordat u op de uitkomst vertrouwt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Calculation steps</source>
        <translation>Rekenstappen</translation>
    </message>
    <message>
        <source>&amp;Details (parameters, validity, where found)</source>
        <translation>&amp;Details (parameters, geldigheid, vindplaats)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiëren</translation>
    </message>
</context>
<context>
    <name>Maatwerk</name>
    <message>
        <source>&amp;Maatwerk…</source>
        <translation>&amp;Maatwerk…</translation>
    </message>
    <message>
        <source>Propose a measure outside the automated process, with its effect in euros (Ctrl+M)</source>
        <translation>Stel een maatregel buiten het geautomatiseerde proces voor, met het effect in euro&apos;s (Ctrl+M)</translation>
    </message>
    <message>
        <source>&amp;Propose a measure…</source>
        <translation>Maatregel &amp;voorstellen…</translation>
    </message>
    <message>
        <source>Decision &amp;letter (PDF)…</source>
        <translation>Besluit&amp;brief (PDF)…</translation>
    </message>
    <message>
        <source>Your role may not propose maatwerk.</source>
        <translation>Uw rol mag geen maatwerk voorstellen.</translation>
    </message>
    <message>
        <source>Decide &amp;maatwerk…</source>
        <translation>Maatwerk &amp;besluiten…</translation>
    </message>
</context>
<context>
    <name>MaatwerkLetters</name>
    <message>
        <source>Decision letter</source>
        <translation>Besluitbrief</translation>
    </message>
    <message>
        <source>This debtor has no decided measure.</source>
        <translation>Over deze schuldenaar is nog geen maatregel besloten.</translation>
    </message>
    <message>
        <source>About which measure?</source>
        <translation>Over welke maatregel?</translation>
    </message>
    <message>
        <source>Save decision letter</source>
        <translation>Besluitbrief opslaan</translation>
    </message>
    <message>
        <source>Decision letter saved: {path}</source>
        <translation>Besluitbrief opgeslagen: {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Recent</source>
        <translation>&amp;Recent</translation>
    </message>
    <message>
        <source>Recent debtors</source>
        <translation>Recente schuldenaren</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>Recent:</translation>
    </message>
    <message>
        <source>Open {name} ({identifier})</source>
        <translation>{name} ({identifier}) openen</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Database openen…</translation>
    </message>
    <message>
        <source>Read only ({reason}): nothing can be changed.</source>
        <translation>Alleen lezen ({reason}): wijzigen kan niet.</translation>
    </message>
    <message>
        <source>Database opened.</source>
        <translation>Database geopend.</translation>
    </message>
    <message>
        <source>No database open. Use File &gt; Open database…</source>
        <translation>Geen database geopend. Kies Bestand &gt; Database openen…</translation>
    </message>
    <message>
        <source>Caseworker (no database)</source>
        <translation>Caseworker (geen database)</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>Geen database</translation>
    </message>
    <message>
        <source>{database} – Caseworker</source>
        <translation>{database} – Caseworker</translation>
    </message>
    <message>
        <source>Database: {database} ({backend}) · Working as: {name} ({login})</source>
        <translation>Database: {database} ({backend}) · Werkt als: {name} ({login})</translation>
    </message>
    <message>
        <source> · Read only</source>
        <translation> · Alleen lezen</translation>
    </message>
    <message>
        <source>Searching as soon as the database is open…</source>
        <translation>Zoeken volgt zodra de database open is…</translation>
    </message>
    <message>
        <source>Nothing found. Try a BSN, a surname, or a postcode with house number.</source>
        <translation>Niets gevonden. Probeer een BSN, een achternaam of een postcode met huisnummer.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n debtor(s); refine the search to see others.</source>
        <translation>
            <numerusform>De eerste %n schuldenaar; verfijn de zoekopdracht om anderen te zien.</numerusform>
            <numerusform>De eerste %n schuldenaren; verfijn de zoekopdracht om anderen te zien.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n debtor(s) found. Arrow keys choose, Enter opens.</source>
        <translation>
            <numerusform>%n schuldenaar gevonden. Enter opent.</numerusform>
            <numerusform>%n schuldenaren gevonden. Pijltjestoetsen kiezen, Enter opent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>&amp;Find a debtor</source>
        <translation>Schuldenaar &amp;zoeken</translation>
    </message>
    <message>
        <source>BSN, name, or postcode and house number</source>
        <translation>BSN, naam, of postcode en huisnummer</translation>
    </message>
    <message>
        <source>Search debtor</source>
        <translation>Schuldenaar zoeken</translation>
    </message>
    <message>
        <source>Type a BSN/RSIN, a name (surname first), a postcode with house number or a claim reference, then press Enter</source>
        <translation>Typ een BSN/RSIN, een naam (achternaam eerst), een postcode met huisnummer of een aanslagnummer en druk op Enter</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message>
        <source>Type a search and press Enter.</source>
        <translation>Typ een zoekopdracht en druk op Enter.</translation>
    </message>
    <message>
        <source>Open a debtor from the search results (Enter or double-click) to see their claims here.</source>
        <translation>Open een schuldenaar uit de zoekresultaten (Enter of dubbelklik) om hier de vorderingen te zien.</translation>
    </message>
    <message>
        <source>Open debtors</source>
        <translation>Geopende schuldenaren</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Debtor</source>
        <translation>&amp;Schuldenaar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>Database &amp;openen…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Find debtor</source>
        <translation>Schuldenaar &amp;zoeken</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>F&amp;ilter claims</source>
        <translation>Vorderingen f&amp;ilteren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Debt &amp;overview for the citizen…</source>
        <translation>Schuld&amp;overzicht voor de burger…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;Edit contact details…</source>
        <translation>Contactgegevens &amp;wijzigen…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Close debtor</source>
        <translation>Schuldenaar &amp;sluiten</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>&amp;About Caseworker</source>
        <translation>&amp;Over Caseworker</translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <source>Propose maatwerk – {name}</source>
        <extracomment>soorten with an amount field, and what the amount is the proposal was stored (the :class:`~caseworker_app.services.maatwerk.Proposal`)</extracomment>
        <translation>Maatwerk voorstellen – {name}</translation>
    </message>
    <message>
        <source>&amp;Kind of measure</source>
        <translation>&amp;Soort maatregel</translation>
    </message>
    <message>
        <source>&amp;No end date (review instead)</source>
        <translation>&amp;Geen einddatum (wel herzien)</translation>
    </message>
    <message>
        <source>up to and including</source>
        <translation>tot en met</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <source>no enforcement</source>
        <translation>geen dwang</translation>
    </message>
    <message>
        <source>no payment contact</source>
        <translation>geen betaalcontact</translation>
    </message>
    <message>
        <source>no interest</source>
        <translation>geen rente</translation>
    </message>
    <message>
        <source>no costs</source>
        <translation>geen kosten</translation>
    </message>
    <message>
        <source>Pause covers</source>
        <translation>Pauze geldt voor</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Bedrag</translation>
    </message>
    <message>
        <source>Claims (none ticked: all)</source>
        <translation>Vorderingen (niets aangevinkt: alle)</translation>
    </message>
    <message>
        <source>Reason (&amp;list)</source>
        <translation>Reden (&amp;lijst)</translation>
    </message>
    <message>
        <source>In your own words: what is going on, what was agreed</source>
        <translation>In eigen woorden: wat speelt er, wat is afgesproken</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Toelichting</translation>
    </message>
    <message>
        <source>&lt;b&gt;Effect&lt;/b&gt; (computed by the rules, before saving)</source>
        <translation>&lt;b&gt;Effect&lt;/b&gt; (berekend met de rekenregels, vóór het opslaan)</translation>
    </message>
    <message>
        <source>&amp;Propose</source>
        <translation>&amp;Voorstellen</translation>
    </message>
    <message>
        <source>Store the proposal; a team lead decides (Ctrl+Return)</source>
        <translation>Leg het voorstel vast; een teamleider besluit (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>The debtor pays {amount} less on {date}</source>
        <translation>De schuldenaar betaalt op {date} {amount} minder</translation>
    </message>
    <message>
        <source>Give the reason in your own words.</source>
        <translation>Geef de reden in eigen woorden.</translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <source>Maatwerk to decide</source>
        <extracomment>a decision was taken (the measure&apos;s DTO)</extracomment>
        <translation>Maatwerk om over te besluiten</translation>
    </message>
    <message>
        <source>Filter on BSN or name</source>
        <translation>Filter op BSN of naam</translation>
    </message>
    <message>
        <source>&amp;Explanation</source>
        <translation>T&amp;oelichting</translation>
    </message>
    <message>
        <source>Reason or question (needed to reject or send back)</source>
        <translation>Reden of vraag (nodig bij afwijzen of terugsturen)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Goedkeuren</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>&amp;Afwijzen</translation>
    </message>
    <message>
        <source>Send &amp;back</source>
        <translation>&amp;Terugsturen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} wachtend</translation>
    </message>
    <message>
        <source>Nothing to decide.</source>
        <translation>Er is niets om over te besluiten.</translation>
    </message>
    <message>
        <source>Before: open on {date}</source>
        <translation>Voor: open op {date}</translation>
    </message>
    <message>
        <source>After: open with the measure</source>
        <translation>Na: open met de maatregel</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Days</source>
        <translation>Dagen</translation>
    </message>
    <message>
        <source>Debtor</source>
        <translation>Schuldenaar</translation>
    </message>
    <message>
        <source>BSN</source>
        <translation>BSN</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Voorstel</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Voorgesteld door</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
</context>
<context>
    <name>SchuldoverzichtDialog</name>
    <message>
        <source>Debt overview – {name}</source>
        <extracomment>the PDF is made and its pages counted (the preview can be scrolled) a file was written (its path) / the letter was sent to the printer</extracomment>
        <translation>Schuldoverzicht – {name}</translation>
    </message>
    <message>
        <source>Making the letter for {name} (position on {date})…</source>
        <translation>Het schuldoverzicht van {name} (stand {date}) wordt gemaakt…</translation>
    </message>
    <message>
        <source>Pages of the letter</source>
        <translation>Pagina&apos;s van het schuldoverzicht</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Opslaan als PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Afdrukken…</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n page(s), position on {date}, total outstanding {open}.</source>
        <translation>
            <numerusform>{name}: %n pagina, stand {date}, totaal open {open}.</numerusform>
            <numerusform>{name}: %n pagina&apos;s, stand {date}, totaal open {open}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the debt overview</source>
        <translation>Schuldoverzicht opslaan</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>Opgeslagen als {path}.</translation>
    </message>
    <message numerus="yes">
        <source>Sent to the printer: %n page(s).</source>
        <translation>
            <numerusform>Naar de printer gestuurd: %n pagina.</numerusform>
            <numerusform>Naar de printer gestuurd: %n pagina&apos;s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the debt overview</source>
        <translation>Schuldoverzicht afdrukken</translation>
    </message>
    <message>
        <source>Printing page {number} of {count}…</source>
        <translation>Pagina {number} van {count} wordt afgedrukt…</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Interface language</source>
        <translation>Taal van de interface</translation>
    </message>
    <message>
        <source>Maximum search results</source>
        <translation>Maximaal aantal zoekresultaten</translation>
    </message>
</context>
<context>
    <name>StepsModel</name>
    <message>
        <source>from {date}</source>
        <translation>vanaf {date}</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Stap</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Certainty</source>
        <translation>Zekerheid</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Wettelijke grondslag</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Geldig</translation>
    </message>
    <message>
        <source>Where the figure was found</source>
        <translation>Vindplaats van het cijfer</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>Statuscode</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Vordering</translation>
    </message>
    <message>
        <source>Creditor</source>
        <translation>Schuldeiser</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Filter the timeline…</source>
        <translation>Tijdlijn filteren…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <source>Show or hide this kind of event</source>
        <translation>Deze soort gebeurtenissen tonen of verbergen</translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} event(s)</source>
        <translation>
            <numerusform>%n van {total} gebeurtenis</numerusform>
            <numerusform>%n van {total} gebeurtenissen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Total outstanding</source>
        <extracomment>the totals shown, in order: (key, English label, indented)</extracomment>
        <translation>Totaal open</translation>
    </message>
    <message>
        <source>of which tax (Belastingdienst)</source>
        <translation>waarvan belasting (Belastingdienst)</translation>
    </message>
    <message>
        <source>of which benefits (Dienst Toeslagen)</source>
        <translation>waarvan toeslagen (Dienst Toeslagen)</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Collection interest</source>
        <translation>Invorderingsrente</translation>
    </message>
    <message>
        <source>of which accrued, not yet charged</source>
        <translation>waarvan lopend, nog niet in rekening gebracht</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betaald</translation>
    </message>
    <message>
        <source>Set off</source>
        <translation>Verrekend</translation>
    </message>
    <message>
        <source>Under a payment arrangement</source>
        <translation>Onder betalingsregeling</translation>
    </message>
    <message>
        <source>Collection paused</source>
        <translation>Invordering gepauzeerd</translation>
    </message>
    <message>
        <source>Time-barred, not collected</source>
        <translation>Verjaard, wordt niet ingevorderd</translation>
    </message>
    <message>
        <source>Totals</source>
        <extracomment>the totals key whose make-up was asked for</extracomment>
        <translation>Totalen</translation>
    </message>
    <message>
        <source>How is this total made up?</source>
        <translation>Hoe is dit totaal opgebouwd?</translation>
    </message>
    <message>
        <source>Explain: {what}</source>
        <translation>Uitleg: {what}</translation>
    </message>
    <message>
        <source>Samenloop: tax and benefit debt are both outstanding; the two creditors act as one.</source>
        <translation>Samenloop: zowel belasting- als toeslagschuld staat open; de twee schuldeisers treden op als één.</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s), of which {open} outstanding</source>
        <translation>
            <numerusform>%n vordering, waarvan {open} open</numerusform>
            <numerusform>%n vorderingen, waarvan {open} open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Page</name>
    <message>
        <source>Page {number}</source>
        <extracomment>A4 in PDF points preview resolution (dots per inch) at a device pixel ratio of 1 how many rasterised preview pages are kept (those nearest the view) printing resolution cap: the printer&apos;s own when lower</extracomment>
        <translation>Pagina {number}</translation>
    </message>
</context>
</TS>
