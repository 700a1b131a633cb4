"""Word lists for the demo-data generator: names, places, streets, employers, banks.

Pure data.  The names are common Dutch given names and surnames (with the tussenvoegsel kept apart, as
the BRP does), plus names common among Dutch residents of Turkish, Moroccan, Surinamese and other
origin, so that search with and without accents ("Öztürk", "ozturk") has something to find.  Places come
with the real range of their 4-digit postcodes so that a postcode search lands in the right town.
Nothing here refers to a real person.
"""

from __future__ import annotations

FIRST_NAMES_F: tuple[str, ...] = (
    "Anna", "Emma", "Sophie", "Julia", "Lotte", "Sanne", "Lisa", "Eva", "Fleur", "Iris",
    "Maria", "Johanna", "Cornelia", "Wilhelmina", "Hendrika", "Geertruida", "Elisabeth", "Petronella",
    "Anouk", "Marieke", "Linda", "Monique", "Sandra", "Petra", "Ingrid", "Esther", "Mirjam", "Chantal",
    "Nicole", "Kim", "Ilse", "Femke", "Noor", "Tess", "Sara", "Lieke", "Roos", "Yvonne", "Karin", "Wendy",
    "Fatima", "Khadija", "Samira", "Naima", "Ayşe", "Elif", "Zeynep", "Büşra", "Priya", "Shanti",
    "Joyce", "Sharon", "Daniëlle", "Anneke", "Gerda", "Truus", "Ria", "Hanneke", "Mieke", "Loes",
)  # fmt: skip

FIRST_NAMES_M: tuple[str, ...] = (
    "Jan", "Johannes", "Cornelis", "Hendrik", "Willem", "Pieter", "Gerrit", "Jacobus", "Dirk", "Klaas",
    "Daan", "Sem", "Lucas", "Levi", "Thijs", "Jesse", "Bram", "Ruben", "Tim", "Bas",
    "Mark", "Dennis", "Jeroen", "Martijn", "Erik", "Marco", "Patrick", "Rob", "Sander", "Niels",
    "Kees", "Henk", "Piet", "Wim", "Theo", "Frank", "René", "André", "Joost", "Maarten",
    "Mohamed", "Ahmed", "Youssef", "Said", "Mustafa", "Mehmet", "Ahmet", "Hüseyin", "Emre", "Yusuf",
    "Rajesh", "Ravi", "Kevin", "Stefan", "Arjen", "Gijs", "Koen", "Wouter", "Freek", "Sjoerd",
)  # fmt: skip

#: (tussenvoegsel or "", achternaam)
SURNAMES: tuple[tuple[str, str], ...] = (
    ("de", "Jong"), ("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), ("", "Bakker"),
    ("", "Janssen"), ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"), ("", "Mulder"),
    ("de", "Groot"), ("", "Bos"), ("", "Vos"), ("", "Peters"), ("", "Hendriks"), ("van", "Leeuwen"),
    ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"), ("", "Dijkstra"), ("", "Smits"), ("de", "Graaf"),
    ("van der", "Meer"), ("van der", "Linden"), ("", "Kok"), ("", "Jacobs"), ("de", "Haan"), ("", "Vermeulen"),
    ("van den", "Heuvel"), ("van der", "Veen"), ("van den", "Broek"), ("de", "Bruijn"), ("de", "Bruin"),
    ("van der", "Heijden"), ("", "Schouten"), ("van", "Beek"), ("", "Willems"), ("van", "Vliet"),
    ("van de", "Ven"), ("", "Hoekstra"), ("", "Maas"), ("", "Verhoeven"), ("", "Koster"), ("van", "Dam"),
    ("van der", "Wal"), ("", "Prins"), ("", "Blom"), ("", "Huisman"), ("", "Peeters"), ("de", "Jonge"),
    ("", "Kuipers"), ("van", "Veen"), ("", "Post"), ("", "Kuiper"), ("", "Veenstra"), ("", "Kramer"),
    ("van den", "Brink"), ("", "Scholten"), ("van", "Wijk"), ("", "Postma"), ("", "Martens"), ("", "Vink"),
    ("de", "Ruiter"), ("", "Timmermans"), ("", "Groen"), ("", "Gerritsen"), ("", "Jonker"), ("van", "Loon"),
    ("", "Boersma"), ("van der", "Velde"), ("", "Willemsen"), ("", "Goossens"), ("ter", "Horst"),
    ("ter", "Haar"), ("ten", "Brink"), ("ten", "Cate"), ("van", "Rijn"), ("van", "Es"), ("in 't", "Veld"),
    ("van 't", "Hof"), ("", "Wouters"), ("", "Claassen"), ("", "Sanders"), ("", "Evers"), ("", "Lammers"),
    ("", "Hermans"), ("", "Bosman"), ("", "Koning"), ("van", "Vugt"), ("", "Zwart"), ("", "Hoogendoorn"),
    ("", "Yılmaz"), ("", "Kaya"), ("", "Demir"), ("", "Şahin"), ("", "Çelik"), ("", "Öztürk"), ("", "Aydın"),
    ("El", "Amrani"), ("", "Bouzid"), ("", "Benali"), ("", "Ouali"), ("El", "Idrissi"), ("", "Bakkali"),
    ("", "Ramdin"), ("", "Mahabier"), ("", "Biharie"), ("", "Nguyen"), ("", "Tran"), ("", "Müller"),
    ("", "Kowalski"), ("", "Nowak"), ("dos", "Santos"), ("", "Rodrigues"),
)  # fmt: skip

#: (woonplaats, first postcode number, last postcode number, weight ~ population)
PLACES: tuple[tuple[str, int, int, int], ...] = (
    ("Amsterdam", 1011, 1109, 90), ("Rotterdam", 3011, 3089, 65), ("'s-Gravenhage", 2491, 2599, 55),
    ("Utrecht", 3511, 3585, 36), ("Eindhoven", 5611, 5658, 24), ("Groningen", 9711, 9747, 24),
    ("Tilburg", 5011, 5049, 22), ("Almere", 1311, 1363, 22), ("Breda", 4811, 4841, 19), ("Nijmegen", 6511, 6546, 18),
    ("Apeldoorn", 7311, 7339, 17), ("Haarlem", 2011, 2037, 16), ("Arnhem", 6811, 6846, 16),
    ("Enschede", 7511, 7548, 16), ("Amersfoort", 3811, 3829, 16), ("Zaandam", 1501, 1509, 10),
    ("'s-Hertogenbosch", 5211, 5249, 16), ("Zwolle", 8011, 8043, 13), ("Leiden", 2311, 2334, 13),
    ("Maastricht", 6211, 6229, 12), ("Dordrecht", 3311, 3329, 12), ("Leeuwarden", 8911, 8939, 12),
    ("Deventer", 7411, 7429, 10), ("Delft", 2611, 2629, 10), ("Alkmaar", 1811, 1827, 10), ("Heerlen", 6411, 6422, 8),
    ("Venlo", 5911, 5928, 10), ("Emmen", 7811, 7828, 10), ("Hilversum", 1211, 1223, 9), ("Gouda", 2801, 2809, 7),
    ("Assen", 9401, 9409, 7), ("Lelystad", 8211, 8245, 8), ("Middelburg", 4331, 4339, 5), ("Den Helder", 1781, 1789, 5),
    ("Schiedam", 3111, 3125, 8), ("Vlaardingen", 3131, 3138, 7), ("Helmond", 5701, 5709, 9), ("Oss", 5341, 5349, 9),
    ("Roosendaal", 4701, 4709, 8), ("Hoorn", 1621, 1628, 7), ("Kerkrade", 6461, 6471, 5), ("Sneek", 8601, 8609, 3),
)  # fmt: skip

STREETS: tuple[str, ...] = (
    "Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsweg", "Schoolstraat", "Julianastraat", "Wilhelminastraat",
    "Beatrixlaan", "Prins Bernhardlaan", "Oranjestraat", "Nieuwstraat", "Hoofdstraat", "Marktplein", "Lindelaan",
    "Eikenlaan", "Beukenlaan", "Parkweg", "Sportlaan", "Rembrandtlaan", "Vondelstraat", "Van Goghstraat",
    "Merelstraat", "Lijsterstraat", "Meidoornstraat", "Tulpstraat", "Rozenstraat", "Havenstraat", "Singel",
    "Emmastraat", "Prinses Irenestraat", "Burgemeester de Withstraat", "Dahliastraat", "Zonnebloemstraat",
    "Kastanjelaan", "Acacialaan", "Wethouder van Eschstraat", "Graaf Florisstraat", "Jan Steenstraat",
    "Frans Halsstraat", "Mozartlaan", "Beethovenstraat", "Bachstraat", "Anne Frankstraat", "Mr. Troelstralaan",
    "Spoorstraat", "Kanaalweg", "Dijkstraat", "Veldweg", "Esdoornlaan", "Populierenlaan", "Wilgenstraat",
    "Kievitstraat", "Zwaluwstraat", "Spreeuwenlaan", "Koningin Julianaweg", "Prins Hendrikstraat",
    "Oosterstraat", "Westerstraat", "Zuiderweg", "Noorderhaven",
)  # fmt: skip

BUSINESS_STREETS: tuple[str, ...] = (
    "Industrieweg", "Ambachtsweg", "Nijverheidsweg", "Edisonstraat", "Kelvinstraat", "Transportweg",
    "Handelsweg", "Energieweg", "Zuidpoolweg", "Bedrijvenpark",
)  # fmt: skip

#: letters a Dutch postcode uses (F, I, O, Q, U and Y are avoided; SA, SD and SS are never issued)
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
POSTCODE_FORBIDDEN = frozenset({"SA", "SD", "SS"})

#: trades of eenmanszaken: (trade name pattern, description)
TRADES: tuple[str, ...] = (
    "Schilders- en onderhoudsbedrijf", "Klusbedrijf", "Kapsalon", "Transport", "Bouwbedrijf", "Installatietechniek",
    "Cafetaria", "Schoonmaakbedrijf", "Koeriersdienst", "Fotografie", "Webdesign", "Taxibedrijf", "Hoveniersbedrijf",
    "Bakkerij", "Rijschool", "Nagelstudio", "Timmerbedrijf", "Groentehandel", "Stukadoorsbedrijf", "Autobedrijf",
)  # fmt: skip

#: statutaire namen of BV's: "<word> <suffix> B.V."
COMPANY_WORDS: tuple[str, ...] = (
    "Noordzee", "Delta", "Polder", "Randstad", "Veluwe", "Kempen", "Twente", "Hollandia", "Zeeland", "Maasland",
    "Rijnmond", "Gelre", "Lauwers", "Dommel", "Vecht", "IJssel", "Amstel", "Linge", "Eem", "Waal",
)  # fmt: skip
COMPANY_SUFFIXES: tuple[str, ...] = (
    "Bouw", "Logistiek", "Techniek", "Horeca", "Handelsonderneming", "Installaties", "Transport", "Holding",
    "Vastgoed", "Schoonmaak", "Beveiliging", "Uitzendbureau",
)  # fmt: skip

EMPLOYERS: tuple[str, ...] = (
    "Albert Heijn B.V.", "PostNL Holding B.V.", "gemeente (sociale dienst)", "UWV", "Randstad Nederland B.V.",
    "Thuiszorg Midden B.V.", "Jumbo Supermarkten B.V.", "NS Reizigers B.V.", "Schoonmaakbedrijf De Ster B.V.",
    "Zorggroep Oost", "Sociale Verzekeringsbank", "Pensioenfonds Zorg en Welzijn", "Bouwbedrijf Heijmans N.V.",
)  # fmt: skip

BANKS: tuple[str, ...] = ("ING Bank N.V.", "Rabobank", "ABN AMRO Bank N.V.", "SNS", "ASN Bank", "Triodos Bank", "bunq")

BESLAG_OBJECTS: tuple[str, ...] = (
    "personenauto", "bedrijfsbus", "inventaris van de onderneming", "roerende zaken in de woning", "aanhangwagen",
    "voorraad", "motorfiets",
)  # fmt: skip

#: the demo's own users: (login, display name, roles)
DEMO_USERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("a.jansen", "Anouk Jansen", ("caseworker",)),
    ("m.elamrani", "Mohamed El Amrani", ("caseworker",)),
    ("p.devries", "Petra de Vries", ("caseworker",)),
    ("k.bakker", "Kees Bakker", ("bailiff",)),
    ("s.yilmaz", "Selin Yılmaz", ("bailiff",)),
    ("j.vandenberg", "Joost van den Berg", ("teamlead",)),
    ("l.visser", "Lieke Visser", ("stella", "caseworker")),
    ("r.mulder", "René Mulder", ("auditor",)),
)

#: who books what in the demo ledger (created_by)
CASEWORKER_LOGINS: tuple[str, ...] = ("a.jansen", "m.elamrani", "p.devries")
BAILIFF_LOGINS: tuple[str, ...] = ("k.bakker", "s.yilmaz")
SYSTEM_LOGIN = "batch"  # bookings that arrive by file (aanslagen, bank payments, verrekeningen)
