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
    <name>ClaimsModel</name>
    <message>
        <source>Reference</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <source>Tax or benefit</source>
        <translation>Middel</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Vervaldatum</translation>
    </message>
    <message>
        <source>Original</source>
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
        <translation>Openstaand</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Laatste stap</translation>
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
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>niets vastgelegd</translation>
    </message>
    <message>
        <source>Your role may not change debtor details.</source>
        <translation>Uw rol mag de gegevens van een schuldenaar niet wijzigen.</translation>
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
    <message numerus="yes">
        <source>%n claim(s), outstanding in total: {amount}</source>
        <translation>
            <numerusform>%n vordering, totaal openstaand: {amount}</numerusform>
            <numerusform>%n vorderingen, totaal openstaand: {amount}</numerusform>
        </translation>
    </message>
    <message>
        <source>protected subsistence minimum</source>
        <translation>bestaansminimum beschermd</translation>
    </message>
    <message>
        <source>With: {names}</source>
        <translation>Met: {names}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Fraud flag</source>
        <translation>Fraudemarkering</translation>
    </message>
    <message>
        <source>This debtor carries a fraud flag: no kwijtschelding or maatwerk without the team lead.</source>
        <translation>Deze schuldenaar heeft een fraudemarkering: geen kwijtschelding of maatwerk zonder de teamleider.</translation>
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
        <source>Claims of this debtor</source>
        <translation>Vorderingen van deze schuldenaar</translation>
    </message>
    <message>
        <source>&amp;Edit contact details…</source>
        <translation>&amp;Contactgegevens wijzigen…</translation>
    </message>
    <message>
        <source>&amp;Claims</source>
        <translation>&amp;Vorderingen</translation>
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
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>Database openen…</translation>
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
        <source>Caseworker – {user} – {database}</source>
        <translation>Caseworker – {user} – {database}</translation>
    </message>
    <message>
        <source>Database: {database} ({backend}) · Working as: {name} ({login})</source>
        <translation>Database: {database} ({backend}) · Werkt als: {name} ({login})</translation>
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
</TS>
