"""English: the words and forms the extractor looks for (data only)."""

CODE = "en"
SPACY_MODEL = None  # no English model here: rules and the gazetteer only

STOPWORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "is",
    "that",
    "for",
    "on",
    "with",
    "as",
    "was",
    "by",
    "it",
    "at",
    "from",
    "this",
    "be",
    "are",
    "have",
    "has",
    "had",
    "were",
    "an",
    "which",
    "their",
    "its",
    "not",
    "but",
    "they",
    "said",
    "would",
    "will",
    "been",
    "also",
    "who",
    "he",
    "she",
    "according",
]

SPEECH_VERBS_ER = []
# "called the accusation “made up”", "with Ben Zocco calling the incident “...”": what a speaker calls something, in
# their words (each naming verb before each named object is a speech phrase)
NAMING_VERBS = ["called", "calls", "calling", "described", "describing", "branded", "termed", "dubbed"]
NAMED_OBJECTS = ["it", "them", "this", "that"] + [
    f"{determiner} {noun}" for determiner in ("the", "this", "that")
    for noun in ("accusation", "accusations", "allegation", "allegations", "claims", "charges", "report", "indictment",
                 "move", "incident", "attack", "attacks", "breach", "hack", "leak", "case", "takedown", "operation",
                 "decision", "sanctions", "arrests", "campaign", "intrusion", "agreement", "ruling", "bill", "plan")]
SPEECH_PHRASES = [
    "pointed out",
    "points out",
    "went on",
    "goes on",
    "made clear",
    "makes clear",
    "called on",
    "calls on",
    # the wire's passive: "Dmitry Peskov was quoted as saying by the Tass news agency"
    "was quoted as saying",
    "is quoted as saying",
    "was cited as saying",
]

SPEECH_FORMS_IRREGULAR = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "warned",
    "warns",
    "stated",
    "states",
    "noted",
    "notes",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "posted",
    "explained",
    "explains",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "claims",
    "asserted",
    "asserts",
    "declared",
    "declares",
    "announced",
    "announces",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "responded",
    "responds",
    "replied",
    "replies",
    "answered",
    "answers",
    "stressed",
    "stresses",
    "emphasised",
    "emphasized",
    "emphasises",
    "emphasizes",
    "urged",
    "urges",
    "demanded",
    "demands",
    "continued",
    "continues",
    "concluded",
    "concludes",
    "cautioned",
    "cautions",
    "observed",
    "observes",
    "remarked",
    "remarks",
    "suggested",
    "suggests",
    "commented",
    "comments",
    "recalled",
    "recalls",
    "reiterated",
    "reiterates",
    "promised",
    "promises",
    "pledged",
    "pledges",
    "vowed",
    "vows",
    "threatened",
    "threatens",
    "accused",
    "accuses",
    "charged",
    "alleged",
    "alleges",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "countered",
    "counters",
    "retorted",
    "complained",
    "complains",
    "predicted",
    "predicts",
    "explained",
    "underlined",
    "underlines",
    "highlighted",
    "highlights",
    "asked",
    "asks",
    "insisted",
    "testified",
    "testifies",
    "conceded",
    "concedes",
    "boasted",
    "quipped",
    "mused",
    "wrote",
    "posted",
    "announced",
    "assured",
    "assures",
    "affirmed",
    "affirms",
    "reaffirmed",
    "estimated",
    "estimates",
    "described",
    "describes",
    "praised",
    "condemned",
    "condemns",
    "denounced",
    "dismissed",
    "welcomed",
    "hailed",
    "branded",
    "reads",  # "the statement reads"
]

AUXILIARIES = ["has", "had", "have", "would", "will", "'s", "has also", "had also", "is", "was"]
ADVERBS = [
    "also",
    "later",
    "previously",
    "earlier",
    "separately",
    "repeatedly",
    "further",
    "again",
    "recently",
    "once",
    "publicly",
    "then",
    "subsequently",
    "already",
    "firmly",
    "bluntly",
    "flatly",
    # a side taken between the auxiliary and the verb: "The embassy has for its part said"
    "meanwhile",
    "in turn",
    "for its part",
    "for his part",
    "for her part",
    "for their part",
]
INVERTED_PRONOUN = r"(?!x)x"  # English does not glue the inverted pronoun to the verb

PRONOUNS = {"he": "male", "she": "female", "it": "neuter", "they": "plural", "we": "plural"}
SUBJECT_CLITICS = []
DOCUMENT_CLITICS: list[str] = []  # French « y » ("in it") points back to a document
# the pronoun after "according to", "for": "According to him, ..." is the person the text was speaking of
STRESSED_PRONOUNS = {"him": "male", "her": "female", "them": "plural"}

SOURCE_PREPOSITIONS = ["according to", "citing", "in the words of"]
PREFIX_SOURCE_PREPOSITIONS = ["for"]
COMPLEMENTIZERS = ["that"]
# open a relative clause after a comma ("the president, who leaves office on 20 January,"): what it names is
# not the sentence's subject
RELATIVE_PRONOUNS = ["who", "which", "whose", "whom"]
DETERMINERS = ["the"]
INDEFINITE_ARTICLES = ["a", "an"]
DESCRIPTOR_BLOCKERS = [
    "former",
    "ex",
    "future",
    "next",
    "a",
    "an",
    "another",
    "previous",
    "late",
    "incoming",
    "outgoing",
]
PREPOSITIONS = [
    "to",
    "by",
    "with",
    "for",
    "against",
    "on",
    "about",
    "from",
    "at",
    "in",
    "toward",
    "towards",
    "into",
    "without",
    "despite",
    "between",
    "among",
    "before",
    "after",
]
GENITIVE = ["of"]
# the link words a body's mixed-case acronym keeps in lower case ("Transport for London": TfL, "Bundesamt für
# Verfassungsschutz": BfV)
ACRONYM_LINKS = ["of", "for", "für"]
POSSESSIVE_MARKERS = ["'s"]  # "Kaspersky's Ivan Petrenko" (the text's apostrophes normalised to ')
CONTRACTED_ARTICLES: list[str] = []  # English writes "of the": no preposition holds its article

DOCUMENT_NOUNS = [
    "statement",
    "joint statement",
    "communique",
    "communiqué",
    "readout",
    "press release",
    "release",
    "report",
    "document",
    "letter",
    "declaration",
    "post",
    "tweet",
    "filing",
    "indictment",
    "memo",
    "note",
    "advisory",
    "text",
    "message",
]
# document nouns that may name any document mentioned before ("the text said" after "a joint statement")
GENERIC_DOCUMENT_NOUNS = ["text", "document", "statement"]
# a spokesperson owned by these words speaks for the body just spoken of ("its spokesman said")
BODY_POSSESSIVES = ["its", "their"]
SPOKES_NOUNS = ["spokesperson", "spokesman", "spokeswoman", "press office", "press secretary", "spokespeople"]
COMPANY_NATIONALITY_NOUNS = []  # French writes « l'allemand Siemens »; English "Germany's Siemens" (a possessive)
# role nouns that name whoever heads what their modifiers say ("the intelligence chief": the Director of National
# Intelligence)
GENERIC_HEAD_NOUNS = ["chief", "head", "boss", "leader"]
ROLE_NOUNS = [
    "minister",
    "president",
    "director",
    "chief",
    "secretary",
    "ambassador",
    "adviser",
    "advisor",
    "official",
    "head",
    "leader",
    "prosecutor",
    "commissioner",
    "representative",
    "envoy",
    "senator",
    "general",
    "governor",
    "judge",
    "expert",
    "researcher",
    "analyst",
    "founder",
    "vice-president",
    "coordinator",
    "negotiator",
    "officer",
    "investigator",
    "attorney",
    "chairman",
    "chairwoman",
    "chair",
    "mayor",
]
# People the text describes by what they are, not by an office (witnesses, victims, staff): "a nurse",
# "one patient". After an indefinite ("a patient waiting in the hall was angry") the pronoun is theirs.
WITNESS_NOUNS = [
    "patient", "nurse", "doctor", "physician", "paramedic", "surgeon", "worker", "employee", "staffer",
    "witness", "victim", "resident", "user", "customer", "client", "teacher", "parent",
    "mother", "father", "engineer", "technician", "student", "passer-by", "bystander",
    "activist", "diplomat", "lawyer", "contractor", "executive", "insider", "hacker",
]
ANONYMOUS_HEADS = [
    "a",
    "an",
    "one",
    "some",
    "several",
    "many",
    "few",
    "other",
    "others",
    "source",
    "sources",
    "experts",
    "analysts",
    "observers",
    "officials",
    "diplomats",
    "people",
    "researchers",
    "critics",
]
DEFINITE_GENDER = {"the": ""}
# a clause of these goes on with the subject of the sentence: "..., adding that such conduct “...”"
SPEECH_PARTICIPLES = ["adding", "saying", "noting", "warning", "insisting", "stressing", "calling"]
COORDINATORS = ["and"]  # "X and Y said": one subject of two persons
CONJUNCTIONS = ["and", "then", "but", "before"]
NAME_TITLES = [
    "President",
    "Vice",
    "Secretary",
    "Assistant",
    "Attorney",
    "General",
    "Deputy",
    "Director",
    "Minister",
    "Prime",
    "Foreign",
    "Chief",
    "Senator",
    "Sen.",
    "Rep.",
    "Gov.",
    "Governor",
    "Ambassador",
    "Judge",
    "Prosecutor",
    "Commissioner",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Lord",
    "Spokesman",
    "Spokeswoman",
    "Special",
    "Envoy",
    "Representative",
    "Chairman",
    "Chairwoman",
    "CEO",
    "Executive",
    "Admiral",
    "Gen.",
    "Lt.",
    "Col.",
    "Colonel",
    "Major",
    "Captain",
    "Justice",
    "Defence",
    "Defense",
    "Home",
    "National",
    "Security",
    "Adviser",
    "Advisor",
    "Press",
    "Senior",
    "Former",
    "Chancellor",
    "Speaker",
    "House",
    "Parliament",
    "Affairs",
    "Intelligence",
    "Homeland",
    "Staff",
    "Police",
    "Detective",
    "Superintendent",
    "Inspector",
    "Sergeant",
    "Constable",
    "Sheikh",
    "Leader",
    "Opposition",
    "Majority",
    "Minority",
]
PLURAL_HEADS = ["the", "these", "those", "its", "their"]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
LAST_MARKERS = ["last", "past"]
MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan.": 1,
    "feb.": 2,
    "aug.": 8,
    "sept.": 9,
    "oct.": 10,
    "nov.": 11,
    "dec.": 12,
}
MONTH_PREFIXES = ["in", "early", "late", "mid", "since"]
DAY_SUFFIX = r"(?:st|nd|rd|th)?"
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "this morning": 0, "tonight": 0, "earlier today": 0}
RELATIVE_PERIODS = {
    "last week": ("week", -1),
    "last month": ("month", -1),
    "last year": ("year", -1),
    "this week": ("week", 0),
    "this month": ("month", 0),
    "this year": ("year", 0),
}
# words before a year that date the narration ("en 2022", "in 2022"): an undated article's date (dating.py)
YEAR_MARKERS = ["in", "since", "of", "early", "late", "mid"]
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

NAMING_CUES = [
    "dubbed",
    "called",
    "so-called",
    "named",
    "nicknamed",
    "codenamed",
    "code-named",
    "known as",
    "titled",
    "entitled",
    "operation",
    "campaign",
    "programme",
    "program",
    "group",
    "term",
    "word",
    "phrase",
    "label",
    "labelled",
    "labeled",
    "branded",
    "project",
    "plan",
    "platform",
    "malware",
]
TITLE_FUNCTION_WORDS = ["of", "the", "and", "for", "on", "in", "a", "an", "to", "at"]

CLAIM_CUES = {
    "demand": [
        "demand",
        "urg",
        "call on",
        "called on",
        "calls on",
        "must",
        "should",
        "press",
        "insist",
        "need to",
        "we ask",
        "asked",
    ],
    "accusation": [
        "accus",
        "blam",
        "responsib",
        "behind",
        "attribut",
        "orchestrat",
        "condemn",
        "denounc",
        "harbor",
        "harbour",
        "malicious",
        "reckless",
    ],
    "denial": [
        "den",
        "reject",
        "no evidence",
        "no involvement",
        "baseless",
        "unfounded",
        "absurd",
        "nothing to do",
        "not involved",
        "dismiss",
    ],
    "warning": [
        "warn",
        "threat",
        "caution",
        "consequences",
        "retaliat",
        "respond",
        "red line",
        "dangerous",
        "will not tolerate",
    ],
    "commitment": [
        "commit",
        "pledg",
        "promis",
        "vow",
        "we will",
        "we are going to",
        "ready to",
        "determined",
        "cooperat",
    ],
    "assessment": ["believ", "assess", "think", "consider", "optimist", "pessimist", "likely", "most", "view"],
}

FEMALE_MARKERS = ["ms.", "mrs.", "ms", "mrs", "madam", "spokeswoman", "chairwoman", "she"]
MALE_MARKERS = ["mr.", "mr", "spokesman", "chairman"]

# a state's name, capitalised words and one of these (or of ORG_WORDS["agency"]) name a national body the
# gazetteer lacks: "the U.S. Computer Emergency Readiness Team"
NATIONAL_BODY_ENDS = ["team", "force", "unit", "corps"]
ORG_WORDS = {
    "agency": [
        "ministry",
        "department",
        "agency",
        "office",
        "service",
        "services",
        "bureau",
        "commission",
        "government",
        "police",
        "unit",
        "division",
        "directorate",
        "parliament",
        "senate",
        "congress",
        "centre",
        "center",
        "authority",
        "council",
        "secretariat",
        "command",
        "administration",
        "library",
        "university",
        "museum",
        "fbi",
        "cisa",
        "nsa",
    ],
    "company": [
        "inc",
        "corp",
        "corporation",
        "company",
        "ltd",
        "llc",
        "group",
        "technologies",
        "security",
        "labs",
        "bank",
        "systems",
        "networks",
        "software",
    ],
    "group": ["gang", "hackers", "collective", "team"],
    "igo": ["united nations", "organization", "organisation", "union", "alliance", "nato"],
}

ABBREVIATIONS = [
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "St.",
    "Gen.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Lt.",
    "Col.",
    "Jr.",
    "Sr.",
    "U.S.",
    "U.K.",
    "U.N.",
    "E.U.",
    "Inc.",
    "Corp.",
    "Ltd.",
    "Co.",
    "No.",
    "vs.",
    "e.g.",
    "i.e.",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "a.m.",
    "p.m.",
]

# A company named as where words were written ("on her Facebook account", "sur sa page Facebook"): the
# medium, not an actor. The noun right before or right after its name.
MEDIUM_NOUNS_BEFORE = []
MEDIUM_NOUNS_AFTER = ["account", "accounts", "page", "post", "posts", "channel", "feed", "profile", "video",
                      "livestream"]
# a place's name followed by one of these is a newspaper's title, not the place: "China Daily", "the Tehran Times"
NEWSPAPER_TITLE_WORDS = ["Daily", "Times", "Post", "News", "Today", "Herald", "Tribune", "Journal", "Gazette",
                         "Telegraph", "Observer", "Express", "Mail", "Standard", "Chronicle", "Monitor"]

# a place's name followed by one of these names a place or an event, not a body: "the Taiwan Strait", "the Paris
# Olympics" (see STATE_OPENED_WORDS)
PLACE_OR_EVENT_WORDS = ["Strait", "Sea", "Gulf", "Peninsula", "Island", "Islands", "Coast", "Valley", "Basin",
                        "Olympics", "Games", "Cup", "Summit", "Conference", "Forum", "Election",
                        "Elections"]

# stopwords that are given names when capitalised before another name ("said Will Lyne")
GIVEN_NAME_STOPWORDS = ["Will"]
NOT_NAMES = [
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "As",
    "According",
    "Last",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Asked",
    "Speaking",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Our",
    "Their",
    "His",
    "Her",
    "Its",
    "Yet",
    "So",
    "Still",
    "Also",
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
    "Officials",
    "Some",
    "Many",
    "MP",
    "MPs",
    "MEP",
    "MEPs",
    "Because",
    "Although",
    "Though",
    "Unless",
    "Until",
    "Once",
    "Whether",
    "Why",
    "What",
    "How",
    "Where",
    "Even",
    "Now",
    "Then",
    "Today",
    "Yesterday",
    "Here",
    "Despite",
    "Without",
    "Every",
    "Only",
    "Instead",
]

# "the embassy said": a definite noun standing for an institution named before; each noun with the
# kinds of actor it can stand for (a named actor whose name holds the noun is preferred).
INSTITUTION_NOUNS = {
    "embassy": ["agency", "state"],
    "mission": ["agency", "state"],
    "ministry": ["agency"],
    "department": ["agency"],
    "office": ["agency"],
    "agency": ["agency"],
    "bureau": ["agency"],
    "police": ["agency"],
    "service": ["agency"],
    "government": ["state", "agency"],
    "administration": ["agency", "state"],
    "company": ["company"],
    "firm": ["company"],
    "group": ["group", "company"],
    "gang": ["group"],
    "alliance": ["igo"],
    "bloc": ["igo"],
    "organisation": ["igo", "agency", "company"],
    "organization": ["igo", "agency", "company"],
    "hospital": ["company", "agency", "other"],
    "council": ["agency"],
    "trust": ["agency", "company"],
    "city": ["agency"],
    "county": ["agency"],
    "executive": ["agency"],
    "committee": ["agency", "igo"],
    "kremlin": ["agency"],
    "library": ["agency"],
    "university": ["agency"],
    "museum": ["agency"],
    "commission": ["agency", "igo", "other"],
    "regulator": ["agency"],
    "watchdog": ["agency"],
    "authority": ["agency", "igo"],
    "newspaper": ["media"],
    "paper": ["media"],
    "daily": ["media"],
    "broadcaster": ["media"],
    "magazine": ["media"],
    "movement": ["group", "company", "other"],
    "party": ["group", "other"],
}
# an institution the gazetteer lacks, named by its noun and what the text says of it: "the Russian embassy in
# The Hague", "the finance ministry" (lower-case words before the noun only from this list; after it, linkers)
INSTITUTION_DOMAINS = ["finance", "health", "foreign", "defence", "defense", "interior", "justice", "economy",
                       "education", "energy", "transport", "digital"]
# nouns that may stand for a body whose name does not hold them ("the company" for Medibank): the one body of their
# kinds that the last sentences name
GENERIC_INSTITUTION_NOUNS = ["company", "firm", "group", "organisation", "organization", "hospital", "trust"]
# nouns that only refer back to a body named with them: "the council" is Hackney Council, never the agency the
# sentence before was about
SELF_NAMING_INSTITUTION_NOUNS = ["council", "city", "county", "university", "library", "museum"]
# English puts a body's adjectives before its noun, capitalised ("the Foreign Ministry")
NAME_ADJECTIVE_ENDINGS: list[str] = []
# collective subjects: the members of the international body the article names ("the leaders" of the G7)
COLLECTIVE_SUBJECTS = ["the leaders", "leaders", "the ministers", "the foreign ministers", "the Seven", "the allies",
                       "the member states", "the 27", "the Twenty-Seven"]
# "As X put it, ..." (in English the subject comes before the verb)
AS_OPENERS = ["as"]
INSTITUTION_LINKERS = ["in", "of", "to", "for"]
# the last join of a list of portfolios in a body's name ("Department for Business, Energy and Industrial Strategy")
NAME_LIST_JOINERS = ["and", "&"]
# the nouns of such bodies ("the US government", "the G7 group" are the state and the group themselves)
NEW_INSTITUTION_NOUNS = ["embassy", "mission", "ministry", "department", "office", "agency", "bureau", "service",
                         "hospital", "executive", "committee", "library", "university", "museum", "council", "trust",
                         "city", "county"]
# pronouns that may stand for an institution as well as a person ("the ministry ... it said")
INSTITUTION_PRONOUNS = ["it"]
# a person named after these at a sentence's start gives an opinion, not a complement: "For Adam Segal, ..."
OPINION_PREPOSITIONS = ["for"]
# a fronted clause opened by these tells how the subject came to speak ("Asked about the measure, an official said")
QUESTIONED_PARTICIPLES = ["asked", "questioned", "pressed", "quizzed", "contacted", "reached", "interviewed",
                          "approached", "speaking"]
# speech verbs whose object is the one spoken to: a name after them is the addressee ("the hackers told the BBC")
ADDRESSEE_VERBS = ["told", "tells", "tell", "telling"]
# a capitalised name right after one of these is a person ("Rep. Mike Gallagher", "spokeswoman Adrienne Watson")
PERSON_TITLE_CUES = ["Rep.", "Sen.", "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Ms", "Mrs", "Dr", "President", "Minister",
                     "Secretary", "spokesman", "spokeswoman", "spokesperson", "Spokesman", "Spokeswoman",
                     "Ambassador", "Commissioner", "Director", "Chancellor", "Governor", "Senator", "Judge",
                     "Prime Minister", "Taoiseach",
                     "leader", "Leader", "Chairman", "Chairwoman", "chairman", "chairwoman", "chief", "analyst",
                     "researcher",
                     "director", "minister", "secretary", "adviser", "advisor", "Gen.", "Admiral",
                     "Speaker", "Detective", "Superintendent", "Inspector", "Sergeant", "Constable", "Sheikh"]
# ...and a name followed by these is a person: "Ossian Smyth, the Minister of State", "Paul Reid said"
PERSON_AFTER_CUES = [", a ", ", an ", ", the ", ", who ", " said", " told", " says", " added", " wrote", " saying",
                     " calling", " adding", " warning", " was asked", " was pressed", " was questioned",
                     " was quoted"]
# "the readout released by the administration": who wrote a document
PASSIVE_AUXILIARIES = ["was", "were", "has been", "have been", "had been", "is", "are", "been"]
PASSIVE_AGENTS = ["by"]  # right after a speech verb, its agent: "was warned by X"
AGENT_PREPOSITIONS = ["by", "behalf"]  # "released by X", "on behalf of X"

# Incidents the gazetteer lacks, found in the text (statements/extraction/about.py): an attack word and its kind,
# a link, then the victim ("the ransomware attack on Düsseldorf University Hospital", "the hack of the city of
# Baltimore")...
INCIDENT_HEADS = {"cyberattack": "other", "cyber-attack": "other", "ransomware attack": "ransomware",
                  "attack": "other", "hack": "other", "data breach": "data-breach", "breach": "data-breach",
                  "intrusion": "espionage"}
INCIDENT_LINKS = ["on", "against", "at", "of", "targeting", "that hit", "which hit", "that crippled", "which crippled",
                  "that struck", "which struck", "that paralysed", "that paralyzed", "that targeted", "which targeted"]
# ...or the victim first, then what it suffered ("Acme Corp was hit by a ransomware attack"); such an incident is
# named "<attack word> <INCIDENT_NAME_LINK> <victim>" ("Ransomware attack on Acme Corp")
VICTIM_SUFFERED = ["was hit by", "were hit by", "has been hit by", "had been hit by", "was struck by",
                   "was targeted by", "was crippled by", "was paralysed by", "was paralyzed by", "fell victim to",
                   "suffered"]
INCIDENT_NAME_LINK = "on"
# ...or a name, then the attack word ("the Düsseldorf hospital attack")
INCIDENT_TAILS = {"ransomware attack": "ransomware", "cyberattack": "other", "cyber-attack": "other", "hack": "other",
                  "breach": "data-breach", "attack": "other"}
# a victim named by what it is and where ("the hospital in Düsseldorf", "the city of Baltimore")
# and what kind of victim that is ("a hospital in Düsseldorf" is the gazetteer's "Düsseldorf University Hospital")
VICTIM_NOUNS = {"hospital": "hospital", "university hospital": "hospital", "clinic": "hospital", "city": "city",
                "town": "city", "county": "county", "university": "university", "port": "port", "airport": "airport",
                "school district": "school", "council": "local authority"}
VICTIM_LINKS = ["of", "in"]
# the links a victim's own name holds ("University of Maryland"); "in" says where it is ("Bowman Avenue Dam in Rye
# Brook"), not what it is called
NAME_LINKS = ["of", "for"]
# capitalised words beside an attack word that are not a victim: whose hackers they were, not whom they hit
NOT_VICTIMS = ["Russian", "Chinese", "Iranian", "North Korean", "American", "US", "U.S.", "British", "Israeli",
               "Ukrainian", "European", "French", "German", "Western", "Internet", "State"]
# ...nor is a word of nationality before a common noun ("the cyberattack on Georgian websites"), known by its ending
NOT_VICTIM_ENDINGS = ["ian", "ean", "ese", "ish"]
# a clause opened by a present participle ("tagging the Justice Department:") has its object, not its speaker
PRESENT_PARTICIPLE_ENDINGS = ["ing"]

# What each quote is about (statements/extraction/about.py), folded words matched at word starts:
# the words that say a passage reports an event of a kind,
EVENT_WORDS = {
    "call": ["call", "phone", "telephone", "spoke with", "spoke by", "readout", "video conference", "videoconference"],
    "summit": ["summit", "met with", "meeting", "press conference", "news conference", "communique"],
    "meeting": ["meeting", "met with", "talks"],
    "communique": ["communique", "joint statement"],
    "sanctions": ["sanction", "asset freeze", "travel ban", "designat"],
    "indictment": ["indict", "charge", "charged", "unsealed", "wanted", "arrest warrant"],
    "statement": ["attribut", "accus", "blame", "joint statement", "condemn", "denounc", "responsible for", "named"],
    "negotiation": ["adopt", "convention", "treaty", "negotiat", "report", "resolution"],
    "other": ["takedown", "taken down", "dismantl", "disrupt", "arrest", "signing", "signed", "seiz", "operation"],
}
# words for an attack, which make a victim's name denote the incident it suffered,
ATTACK_WORDS = ["attack", "cyberattack", "cyber-attack", "hack", "ransomware", "breach", "intrusion", "compromise",
                "leak", "ddos", "denial-of-service", "denial of service", "malware", "wiper", "phishing"]
# words for what hit a victim named before them ("Costa Rica was hit by a cyberattack", statements/extraction/about.py):
# the passive, and who hit it beside the attack words
INCIDENT_PASSIVES = ["was hit by", "were hit by", "has been hit by", "have been hit by", "had been hit by", "hit by",
                     "was struck by", "struck by", "was crippled by", "crippled by", "was targeted by",
                     "was paralysed by", "was paralyzed by", "paralysed by", "paralyzed by", "fell victim to",
                     "was the victim of", "suffered"]
INCIDENT_AGENTS = ["hackers"]
# the only words that may stand between an attack word and the victim's name that follows it,
ATTACK_CONNECTORS = ["on", "against", "of", "at", "targeting", "that hit", "which hit", "that crippled",
                     "which crippled", "that struck", "which struck", "that paralysed", "that paralyzed",
                     "that targeted", "which targeted"]
# and words that set a paragraph at another time than the story.
OTHER_TIME = ["last year", "years ago", "a year ago", "earlier this year", "back in"]
# A speaker's own recurring occasions (folded): what they say there answers the news, it is not said at its event.
OWN_OCCASIONS = ["regular news briefing", "regular press briefing", "regular briefing", "daily briefing",
                 "daily news briefing", "daily press briefing", "regular press conference", "daily press conference"]
