"""Word lists the toponym recogniser consults: name connectors, organisations that are not
places, personal titles and given names, calendar and generic words, place prepositions."""

from __future__ import annotations

from gazetteer.normalize import name_key

# Lower-case words allowed inside a multi-word name ("Gulf of Mexico", "Trinidad and Tobago").
CONNECTORS = frozenset({"of", "de", "del", "la", "le", "and", "upon", "on", "am", "the", "da",
                        "do", "dos", "des", "du", "al", "el", "en", "sur", "y", "i", "au",
                        "aux", "di", "der", "den", "im", "an", "sous", "lès",
                        # Arabic articles as transliterated ("Dar es Salaam", "Ras ad Dair")
                        "es", "ed", "ad", "ar", "az", "ash", "as"})
# Abbreviations that end with a dot yet continue a name ("St. Petersburg", "Ft. Worth").
DOTTED_PREFIXES = frozenset({"St", "Ste", "Mt", "Ft", "Pt"})
# Names of organisations and blocs that gazetteers also list as places (or that would match a
# place word of theirs): never toponyms.
NOT_PLACES = frozenset(name_key(s) for s in (
    "NATO", "EU", "UN", "CSTO", "Union State", "European Union", "United Nations", "OSCE",
    "ASEAN", "SCO", "BRICS", "OPEC", "WHO", "IMF", "African Union", "Commonwealth", "G7", "G20",
    "Interpol", "Europol", "Hamas", "Hezbollah", "Taliban", "Xinhua", "Reuters", "Interfax",
    "TASS", "BelTA", "AFP", "Yonhap", "Kyodo", "Bloomberg", "Sputnik", "Ria Novosti",
    # organisations and agreements named after places: the name inside is not a place here
    "Warsaw Pact", "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization",
    "Eurasian Economic Union", "Commonwealth of Independent States", "Council of Europe",
    "Arab League", "Gulf Cooperation Council", "Islamic State", "Minsk Group",
    "Collective Security Treaty Organization", "Collective Security Treaty Organisation",
    # newspapers and clubs
    "New York Times", "Washington Post", "Wall Street Journal", "Los Angeles Times",
    "Moscow Times", "Jerusalem Post", "Times of India", "South China Morning Post",
    "Financial Times", "Real Madrid", "Paris Saint-Germain", "Manchester United",
    "Manchester City", "Virgin Atlantic",
))
# Words before a name that make it a person's name ("President Putin", "Mr. Lincoln").
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "president", "minister", "premier",
                    "senator", "sen", "rep", "gov", "governor", "mayor", "general", "gen", "col",
                    "colonel", "captain", "capt", "sgt", "lt", "judge", "justice", "king",
                    "queen", "prince", "princess", "pope", "chancellor", "secretary", "sir",
                    "lady", "lord", "father", "rev", "bishop", "chairman", "ceo", "coach",
                    "spokesman", "spokeswoman", "leader", "officer", "inspector", "professor",
                    "prof", "dame", "emperor", "sheikh", "ayatollah", "imam", "actor", "actress",
                    "singer", "author", "director"})
# Given names that are also the names of large cities: followed by another capitalised word
# they start a person's name ("Vladimir Putin", "Victoria Beckham").
GIVEN_NAMES = frozenset({"vladimir", "victoria", "alexander", "elizabeth", "florence", "austin",
                         "charlotte", "regina", "sofia", "jackson", "lincoln", "madison",
                         "georgia", "aurora", "eugene", "tyler", "chelsea", "hamilton", "marion",
                         "douglas", "warren", "clinton", "nelson", "virginia", "savannah",
                         "beverly", "shelby", "florida", "lafayette", "cleveland", "harrison"})
# Words after a place name that make the pair something else ("Marburg virus").
# Verbs whose object is a person: a word-like name right after them is one ("met Bush").
VERBS_BEFORE_PEOPLE = frozenset("""met meet meets meeting told tells telling thanked thank urged urge asked ask
    phoned called praised criticized criticised accused congratulated invited welcomed received greeted
    warned joined succeeded replaced defeated backed supported quoted interviewed said""".split())
NOT_AFTER_PLACE = frozenset({"virus", "ebolavirus", "fever", "syndrome", "strain"})
# Months, weekdays, their abbreviations, the seasons and feasts: "in May", "on Nov. 1", "in Spring",
# "at Christmas" are dates, whatever GeoNames says ("Nov" is a town in Tajikistan, "Spring" one in
# Texas, "Christmas" an island).
CALENDAR_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                            "august", "september", "october", "november", "december", "monday",
                            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                            "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
                            "fri", "sat", "sun", "spring", "summer", "autumn", "fall", "winter",
                            "christmas", "easter", "ramadan"})
# Region names that are ordinary descriptive words ("Eastern" Region of Ghana, "Central").
GENERIC_NAMES = frozenset({"eastern", "western", "northern", "southern", "central", "north",
                           "south", "east", "west", "capital", "coast", "coastal", "upper",
                           "lower", "greater", "federal", "lakes", "islands", "island", "river",
                           "mountain", "highlands", "lowlands", "border", "centre", "center",
                           "middle", "interior", "national", "metropolitan", "special",
                           "autonomous", "province", "district", "region", "state", "city",
                           "home", "union", "liberty", "independence", "grand"})
# Common given names (English-language news): a capitalised word right after one is a surname
# ("John Bolton", "Abraham Lincoln"), and so is that word alone later in the text.
FIRST_NAMES = frozenset("""
aaron abraham adam adrian alan albert alex alexander alexandra alice alicia amanda amy andrea
andrew angela ann anna anne anthony antonio arthur barbara ben benjamin bernard beth betty
bill billy bob bobby brad brandon brenda brian bruce bruno carl carlos carol caroline
cassandra catherine charles charlie chris christian christina christine christopher cindy
claire craig dan daniel danielle david deborah debra dennis diana diane donald donna doug
douglas dylan ed edward eileen elena elizabeth ellen emily emma eric erica erik eugene eva
evan frank fred gary george gerald gordon grace greg gregory hannah harold harry heather
helen henry hillary howard ian jack jacob james jamie jane janet jason jay jean jeff
jeffrey jennifer jenny jeremy jerry jessica jim jimmy joan joe john johnny jonathan jose
joseph josh joshua joyce juan judith judy julia julie justin karen kate katherine kathleen
kathy keith kelly ken kenneth kevin kim kimberly kristen kyle larry laura lauren lawrence
leonard linda lisa louis lucy luis margaret maria marie mark martha martin mary matt matthew
megan melissa michael michelle mike nancy natalie nathan nicholas nicole noah pamela pat
patricia patrick paul peter philip phillip rachel ralph randy raymond rebecca richard rick
robert roger ronald rose ruth ryan sam samantha samuel sandra sara sarah scott sean sergei
sharon shirley simon stephanie stephen steve steven susan tammy teresa theresa thomas tim
timothy tina todd tom tony tyler valerie vanessa victor vincent walter wayne william
fidel raul recep emmanuel boris dmitry sergey igor viktor narendra nicolas francois pierre
jacques mohammed muhammad ahmed ali hassan abdullah omar khalid ivan olaf ursula giorgia
giuseppe luiz pedro alexei yulia svetlana natalia olga andrzej mateusz kamala rishi keir
shinzo fumio jair nayib volodymyr petro mikhail yevgeny ramzan
""".split())
# Prepositions after which a capitalised word is very likely a place ("near Brest").
LOCATIVES = frozenset({"in", "at", "near", "from", "to", "outside", "into", "across",
                       "toward", "towards", "around", "via", "throughout", "within",
                       "between", "of", "visited", "visiting", "entered", "reached"})
# Prepositions that introduce a place rather than a person ("in Vladimir", not "to Georgia").
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "into", "across",
                                "throughout", "within", "around"})
