"""Word lists the rules consult: person nouns, cue words for non-events, places of custody."""

from __future__ import annotations

# Nouns that denote people, so a number on them counts prisoners and not years or sanctions.
PERSON_NOUNS = frozenset(
    [
        "people",
        "person",
        "persons",
        "prisoner",
        "prisoners",
        "detainee",
        "detainees",
        "inmate",
        "inmates",
        "hostage",
        "hostages",
        "captive",
        "captives",
        "protester",
        "protesters",
        "protestor",
        "protestors",
        "demonstrator",
        "demonstrators",
        "activist",
        "activists",
        "journalist",
        "journalists",
        "reporter",
        "reporters",
        "blogger",
        "bloggers",
        "man",
        "men",
        "woman",
        "women",
        "child",
        "children",
        "civilian",
        "civilians",
        "citizen",
        "citizens",
        "national",
        "nationals",
        "individual",
        "individuals",
        "dissident",
        "dissidents",
        "opponent",
        "opponents",
        "critic",
        "critics",
        "member",
        "members",
        "figure",
        "figures",
        "student",
        "students",
        "lawyer",
        "lawyers",
        "politician",
        "politicians",
        "leader",
        "leaders",
        "worker",
        "workers",
        "volunteer",
        "volunteers",
        "soldier",
        "soldiers",
        "servicemen",
        "pensioner",
        "pensioners",
        "foreigner",
        "foreigners",
        "other",
        "others",
        "priest",
        "priests",
        "clergy",
        "laypeople",
        "believer",
        "believers",
        "resident",
        "residents",
        "defender",
        "defenders",
        "convict",
        "convicts",
        "suspect",
        "suspects",
        "refugee",
        "refugees",
        "migrant",
        "migrants",
        "employee",
        "employees",
        "staff",
        "official",
        "officials",
        "officer",
        "officers",
        "teenager",
        "teenagers",
        "minor",
        "minors",
        "youth",
        "athlete",
        "athletes",
        "artist",
        "artists",
        "musician",
        "musicians",
        "writer",
        "writers",
        "scientist",
        "scientists",
    ]
)

# Relational nouns: "the husband of X" names X as a relative, not as the one the event hit.
RELATIONAL_NOUNS = frozenset(
    [
        "husband",
        "wife",
        "son",
        "daughter",
        "mother",
        "father",
        "brother",
        "sister",
        "sibling",
        "child",
        "children",
        "parent",
        "parents",
        "spouse",
        "partner",
        "widow",
        "relative",
        "relatives",
        "family",
        "grandson",
        "granddaughter",
        "uncle",
        "aunt",
        "nephew",
        "niece",
        "leader",
        "head",
        "founder",
        "member",
        "colleague",
        "ally",
        "aide",
        "lawyer",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "friend",
        "supporter",
    ]
)

# Titles that make a person a negotiator rather than someone released.
NEGOTIATOR_TITLES = frozenset(
    [
        "envoy",
        "negotiator",
        "mediator",
        "emissary",
        "diplomat",
        "ambassador",
        "representative",
        "secretary",
        "minister",
        "adviser",
        "advisor",
        "official",
    ]
)

# Governing words that turn an event into a demand, hope, plan, fear or denial.
IRREALIS_LEMMAS = frozenset(
    [
        "demand",
        "call",
        "urge",
        "ask",
        "seek",
        "want",
        "hope",
        "plan",
        "expect",
        "intend",
        "push",
        "press",
        "appeal",
        "insist",
        "propose",
        "suggest",
        "offer",
        "threaten",
        "promise",
        "pledge",
        "vow",
        "aim",
        "try",
        "attempt",
        "campaign",
        "advocate",
        "lobby",
        "need",
        "wish",
        "await",
        "consider",
        "fear",
        "deny",
        "reject",
        "refute",
        "dismiss",
        "refuse",
        "prepare",
        "prevent",
        "avoid",
        "risk",
        "face",
        "prospect",
        "possibility",
        "chance",
        "hopes",
        "demands",
        "calls",
        "plans",
        "efforts",
        "effort",
        "attempt",
        "bid",
        "possible",
        "potential",
        "likely",
        "unlikely",
        "would-be",
        "process",
        "danger",
        "threat",
        "deal-breaker",
        "condition",
        "request",
        "petition",
        "lobbying",
        "call-for",
        "push-for",
        "bill",
        "law",
        "proposal",
    ]
)
# Lemmas of modal auxiliaries that make a clause future or hypothetical.
MODAL_LEMMAS = frozenset(
    ["would", "could", "may", "might", "will", "shall", "should", "must", "can", "'ll", "'d"]
)
# Verbs whose infinitive complement states an event that did happen ("agreed to free").
FACTIVE_CONTROL = frozenset(
    ["agree", "decide", "order", "vote", "move", "begin", "start", "manage", "rush"]
)
# Adverbs that make an event habitual or generic rather than one occurrence.
HABITUAL_ADVERBS = frozenset(
    ["regularly", "repeatedly", "often", "routinely", "usually", "frequently"]
)
# Cues that an event is recounted, not the news peg.
BACKGROUND_ADVERBS = frozenset(["previously", "earlier", "first", "formerly", "once", "originally"])
BACKGROUND_PREPS = frozenset(["after", "following", "before", "since", "until", "prior"])
# Prepositions under which a noun describes a state, not an event ("during his detention").
STATE_PREPS = frozenset(["during", "throughout", "under"])
# Places of custody for deaths and for leaving or being sent back to prison.
CUSTODY_NOUNS = frozenset(
    [
        "prison",
        "prisons",
        "jail",
        "jails",
        "custody",
        "detention",
        "colony",
        "cell",
        "bars",
        "penitentiary",
        "camp",
        "gulag",
        "facility",
        "centre",
        "center",
        "isolator",
    ]
)
# Quantifiers that make a subject generic ("most of the media", "many").
GENERIC_QUANTIFIERS = frozenset(["most", "many", "some", "all", "several", "numerous", "countless"])
# Words for vast numbers that only aggregate statistics use.
VAGUE_LARGE = frozenset(["hundreds", "thousands", "tens", "millions"])
# Nouns that stand for the state as a target of sanctions rather than what they cover.
STATE_NOUNS = frozenset(
    [
        "regime",
        "government",
        "country",
        "authorities",
        "officials",
        "leadership",
        "state",
        "nation",
        "administration",
    ]
)
SANCTION_NOUNS = frozenset(
    ["sanction", "sanctions", "restriction", "restrictions", "embargo", "ban"]
)
# Persons' titles that precede a name but are not part of it.
TITLE_WORDS = frozenset(
    [
        "president",
        "mr",
        "mrs",
        "ms",
        "dr",
        "judge",
        "envoy",
        "minister",
        "leader",
        "prime",
        "general",
        "colonel",
    ]
)
# Negotiation verbs whose participle with a 'by' agent states who negotiated ("a swap mediated by").
BROKER_LEMMAS = frozenset(["broker", "mediate", "negotiate", "arrange", "facilitate"])
