"""Every word list and label set the extractor uses, in one place.

The extractor works from spaCy's parse; these lists are the few places where
it needs to know a word's meaning (which verbs report speech, which nouns name
a role) or which entity labels count as a number or a name. Other modules
(the check-worthiness scorer too) import them from here rather than keeping
their own copies.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- entity labels

#: Entity labels that state an amount or a rank (a claim anchored by one is checkable).
NUMBER_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
#: Entity labels that state an amount (no ranks): the scorer's ``number`` feature.
AMOUNT_LABELS = NUMBER_LABELS - {"ORDINAL"}
#: Entity labels that name someone or something.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART",
                         "LANGUAGE"})
#: Entity labels that can be a speaker.
SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
#: Entity labels of times and amounts: never a speaker ("this year" is not who forecasts).
NOT_SPEAKER_LABELS = NUMBER_LABELS | {"DATE", "TIME"}
#: Places and peoples: a proper-noun subject with one of these labels is not a person or a company.
PLACE_LABELS = ("GPE", "NORP", "LOC", "FAC")

# --------------------------------------------------------------------------- verbs

#: Verbs that report speech or findings ("said", "estimates", "found").
REPORTING = frozenset({
    "say", "add", "tell", "announce", "state", "claim", "argue", "note", "explain", "estimate", "forecast",
    "predict", "stress", "emphasize", "emphasise", "highlight", "underline", "warn", "report", "confirm",
    "insist", "write", "declare", "reveal", "suggest", "believe", "acknowledge", "admit", "deny", "assert",
    "maintain", "propose", "project", "tweet", "testify", "contend", "point", "indicate", "show", "expect",
    "pledge", "promise", "vow", "find", "recommend", "caution", "concede", "conclude", "reply", "respond",
    "recall", "reiterate", "allege", "complain", "remark", "observe", "disclose", "mention", "comment",
    "signal", "hint", "boast", "lament", "counter", "agree", "urge", "assure", "inform", "advise", "notify",
    "calculate", "anticipate", "brief",
})
#: Verbs naming who made a document or study ("a survey carried out by X"), unlike "records obtained by X".
AUTHORING_VERBS = frozenset({"lead", "conduct", "carry", "publish", "commission", "compile", "release", "produce",
                             "write", "prepare", "run", "issue", "author", "fund", "sponsor", "organise", "organize"})
#: Words saying whether something is known: "It was not clear whether ..." states no fact.
KNOWLEDGE_WORDS = frozenset({"clear", "unclear", "known", "unknown", "certain", "uncertain", "obvious", "evident",
                             "apparent", "confirmed"})
#: Verbs of a plea: "X admitted 14 counts" / "denied the charges" is a court event, not X's statement.
PLEA_VERBS = frozenset({"admit", "deny", "plead"})
#: Who makes findings of record: "a jury found that ..." is reported as a fact, not a source's claim.
FINDERS_OF_RECORD = frozenset({"jury", "court", "judge", "tribunal", "magistrate", "coroner", "inquest"})
#: Speech verbs whose -ing form attaches a further statement (", adding that ...", ", citing ...").
SPEECH_VBG = frozenset({"add", "say", "note", "stress", "cite", "tell", "warn", "explain", "claim", "insist", "argue",
                        "emphasize", "emphasise"})
#: Sentence roots that mark a statement as someone's, besides REPORTING and SPEECH_VBG.
SPEECH_ROOTS = REPORTING | SPEECH_VBG | {"announce", "propose", "cite"}
#: Reporting verbs that, with a "to" infinitive, report an act rather than words ("agreed to buy X",
#: "declined to comment"): no attribution.
COMMITMENT_VERBS = frozenset({"agree", "decline", "refuse", "offer"})
#: Verbs whose clause is itself a judgement or a speech act ("called the 4% rise painful", "blamed the
#: overrun on X", "promised 5,000 homes"): coordinated with a saying, it stays with the saying.
EVALUATIVE_VERBS = frozenset({"call", "describe", "accuse", "blame", "praise", "criticise", "criticize", "condemn",
                              "welcome", "promise", "pledge", "vow", "urge", "defend", "dismiss", "hail", "label",
                              "brand", "slam", "attack", "deny", "admit", "insist", "argue", "claim", "warn",
                              "threaten", "demand", "reject", "question", "doubt", "predict", "forecast", "expect"})
#: Speech verbs whose object is itself a statement: "Acme reported a loss" is Acme's claim even
#: without a clause after the verb (unlike "Acme maintained its lead").
STATEMENT_VERBS = frozenset({"announce", "report", "confirm", "reveal", "tweet", "claim",
                             "estimate", "forecast", "predict", "propose", "cite", "warn",
                             "say", "tell", "expect"})
#: Verbs that make a clause forward-looking ("plans to ... next year").
FORWARD_VERBS = frozenset({"plan", "schedule", "commemorate", "aim", "intend"})
#: Modal words of the future.
FUTURE_MODALS = frozenset({"will", "'ll", "shall"})
#: Raising verbs whose "it" subject is a dummy ("it seems that ...").
RAISING_VERBS = frozenset({"seem", "appear", "remain", "become"})

IRREGULAR_PAST = {
    "be": "was", "have": "had", "do": "did", "say": "said", "make": "made", "go": "went", "take": "took",
    "come": "came", "see": "saw", "know": "knew", "get": "got", "give": "gave", "find": "found",
    "think": "thought", "tell": "told", "become": "became", "show": "showed", "leave": "left", "feel": "felt",
    "bring": "brought", "begin": "began", "keep": "kept", "hold": "held", "write": "wrote", "stand": "stood",
    "hear": "heard", "let": "let", "mean": "meant", "set": "set", "meet": "met", "run": "ran", "pay": "paid",
    "sit": "sat", "speak": "spoke", "lie": "lay", "lead": "led", "read": "read", "grow": "grew", "lose": "lost",
    "fall": "fell", "send": "sent", "build": "built", "understand": "understood", "draw": "drew",
    "break": "broke", "spend": "spent", "cut": "cut", "rise": "rose", "drive": "drove", "buy": "bought",
    "wear": "wore", "choose": "chose", "seek": "sought", "throw": "threw", "catch": "caught", "deal": "dealt",
    "win": "won", "sell": "sold", "hit": "hit", "put": "put", "shut": "shut", "fly": "flew", "forecast": "forecast",
    "beat": "beat", "sink": "sank", "shrink": "shrank", "slide": "slid", "swing": "swung", "bid": "bid",
    "strike": "struck", "spread": "spread", "split": "split", "quit": "quit", "cost": "cost", "hurt": "hurt",
}

# --------------------------------------------------------------------------- nouns

#: Nouns for a person's role: "the president" points back to the last person named.
ROLE_PERSON = frozenset({
    "president", "minister", "spokesman", "spokeswoman", "spokesperson", "ceo", "chief", "chairman",
    "chairwoman", "chair", "leader", "premier", "chancellor", "secretary", "governor", "mayor", "senator",
    "official", "director", "officer", "founder", "executive", "economist", "king", "queen", "prince",
    "ambassador", "commissioner", "lawmaker", "congressman", "congresswoman", "candidate", "coach", "manager",
    "member", "councillor", "councilor", "judge", "prosecutor", "general", "analyst", "professor", "researcher",
})
#: Nouns for an organisation: "the company" points back to the last organisation named.
ROLE_ORG = frozenset({
    "company", "firm", "group", "bank", "government", "ministry", "agency", "organization", "organisation",
    "bloc", "alliance", "party", "union", "startup", "corporation", "giant", "retailer", "carmaker",
    "automaker", "insurer", "lender", "airline", "regulator", "operator", "manufacturer", "producer",
    "club", "team", "university", "institute", "charity", "newspaper", "broadcaster", "network",
})
#: Nouns for a place: "the city" points back to the last town, state or country named.
PLACE_NOUNS = frozenset({"country", "state", "city", "town", "nation", "province", "region", "county", "island",
                         "village", "capital", "municipality", "territory", "district"})
#: Nouns for two people or bodies named together: "the pair" points back to "X and Y".
PAIR_NOUNS = frozenset({"pair", "couple", "duo"})
#: Nouns of a person without a role ("a man in his fifties"): "he"/"his" after them in the clause are them.
PERSON_NOUNS = frozenset({"man", "woman", "boy", "girl", "child", "person", "teenager", "driver", "pedestrian",
                          "passenger", "resident", "victim", "patient", "suspect", "worker", "student", "pupil"})
#: Modifiers that do not tell one thing from another ("the new budget" is still "the budget").
GENERIC_MODIFIERS = frozenset({"new", "latest", "same", "other", "first", "last", "next", "previous", "recent",
                               "current", "final", "whole", "entire", "such", "own", "many", "several", "more",
                               "most", "some", "few", "big", "small", "large", "high", "low", "good", "bad"})
#: Nouns that only fit a business ("the company" is not a university).
BUSINESS_NOUNS = frozenset({"company", "firm", "corporation", "startup", "retailer", "carmaker", "automaker", "insurer",
                            "lender", "airline", "operator", "manufacturer", "producer", "giant", "network", "business"})
#: Words in the name of a public institution.
INSTITUTION_WORDS = frozenset({"university", "ministry", "council", "government", "party", "agency", "office",
                               "department", "commission", "court", "school", "hospital", "union", "institute",
                               "organization", "organisation", "authority", "committee", "police", "army",
                               "statistics", "states", "nations"})
#: Things an organisation has: "its shares" belongs to the last organisation named.
ORG_ATTRIBUTES = frozenset({"shares", "share", "stock", "revenue", "revenues", "profit", "profits", "sales", "earnings",
                            "ceo", "chief", "employees", "workers", "staff", "headquarters", "plant", "factory",
                            "stores", "customers", "subscribers", "users", "products", "suppliers", "board",
                            "executives", "debt", "loss", "losses", "budget", "spokesman", "spokeswoman", "members",
                            "leader", "president", "website", "app", "apps"})
#: Last words of a name that is a place or a body, not a person ("Middle Corridor").
NOT_PERSON_HEADS = frozenset({"corridor", "river", "street", "road", "group", "square", "bridge", "house", "park",
                              "avenue", "center", "centre", "institute", "university", "company", "bank", "party",
                              "council", "fund"})
#: Name particles written in lower case ("de", "van").
NAME_PARTICLES = frozenset({"de", "van", "von", "al", "bin"})

# --------------------------------------------------------------------------- function words

#: Pronouns that refer back to a person / an organisation / a plural subject.
PERSON_PRONOUNS = frozenset({"he", "she"})
PERSON_POSSESSIVES = frozenset({"his", "her"})
FIRST_SECOND_PERSON = frozenset({"i", "we", "you"})
#: Pronouns after which a sentence's names are learnt only up to that point.
BACKWARD_PRONOUNS = frozenset({"he", "she", "his", "her", "its", "it"})
#: Relative pronouns that open a non-restrictive relative clause.
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
#: Subordinators of a contrast or concession ("while", "whereas", "although").
CONTRAST_MARKS = frozenset({"while", "whereas", "though", "although"})
#: Sentence openers that carry no content ("However, ...").
DISCOURSE_MARKERS = frozenset({"still", "however", "meanwhile", "also", "moreover", "furthermore", "but", "and", "yet",
                               "so"})
#: Topic openers dropped with their phrase ("Regarding X, ...").
TOPIC_OPENERS = frozenset({"regarding", "concerning"})
#: Words whose lemma says nothing about which fact a claim states (for deduplication).
SIGNATURE_STOP = REPORTING | {"be", "have", "do", "also", "now", "the", "a"}
#: Numerals too vague to anchor a claim.
WEAK_NUMERALS = frozenset({"one", "a", "an"})

# --------------------------------------------------------------------------- punctuation and patterns

QUOTE_OPEN = ("\"", "“", "‘", "'")
QUOTE_CLOSE = ('"', "”")
#: A claim starting with one of these has a referent the reader cannot see.
PRONOUN_START = re.compile(r"^\W*(he|she|it|they|we|i|this|that|these|those|his|her|its|their|our)\b", re.I)
#: Separators trimmed from the edges of a claim.
EDGE_PUNCT = frozenset({",", ";", ":", ".", "—", "–", "-", "--", "…", "!"})
#: Marks before a clause that set it off from the main clause.
CLAUSE_BREAKS = (",", "—", "–")
#: Openings of page furniture lines (regular expressions): navigation, media, sharing, credits.
FURNITURE_OPENERS = (
    "click to (play|watch|see|view|expand)", "watch", "listen", "advertisement", "sponsored", "read more",
    "read next", "related", "share( this)?", "follow us", "sign up", "subscribe", "photo", "image", "video",
    "caption", "getty images", "reuters", "ap photo", "copyright", "©", "all rights reserved", "more:",
    "see also", "trending",
)
#: Words before a colon that name a source or label, not a dateline's place ("Officials: ...").
SOURCE_LABELS = frozenset({"police", "officials", "official", "witnesses", "sources", "authorities", "report",
                           "update", "updated", "note", "correction", "analysis", "opinion", "exclusive", "breaking",
                           "watch", "live", "editor's note", "editors note", "residents", "experts", "critics"})
#: Labels opening a photo caption ("Photo: ...", "Pictured: ..."): the caption restates the story.
CAPTION_LABELS = ("photo", "photos", "picture", "pictured", "image", "caption", "photograph", "above", "top",
                  "main picture", "main image")
#: Tags of a finite verb (or modal): a clause needs one to be a sentence.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Dependency labels of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
#: Dependency labels of a verb's nominal arguments and complements.
ARGUMENT_DEPS = frozenset({"dobj", "attr", "pobj", "acomp", "dative", "oprd", "nsubjpass", "nsubj"})
#: Whole lines of page furniture (regular expressions, matched case-insensitively against the whole line).
FURNITURE_LINES = (
    r"skip to (the )?(main )?(content|navigation|search)", r"(adjust |change )?(font|text) size:?.*",
    r"endit", r"print( this( page| article)?)?", r"e-?mail( this( page| article)?)?", r"menu", r"close",
    r"back to top", r"comments?( \(\d+\))?", r"log ?in|sign ?in|register", r"listen to (this )?article",
)
#: Wire copy's end-of-story marks after a paragraph's last sentence ("... in May. Endit", "ENDS", "-30-").
END_MARKS = (r"endit", r"ends", r"-ends-", r"\(end\)", r"end", r"###", r"-30-")
#: Words opening a publication stamp line ("Published: ...", "Posted at 9:05 AM, ...").
STAMP_OPENERS = ("published", "updated", "posted", "last modified", "last updated", "modified", "first published")

# --------------------------------------------------------------------------- resolution (resolve.py)

#: Nouns of time that are never a role ("the morning, Ana Ruiz said" is no apposition).
TIME_NOUNS = frozenset({"morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year",
                        "time", "season", "decade", "quarter", "period", "moment", "end", "start", "past"})
#: Prepositions after which "the X, Name," is a list or a scene, not an apposition ("In the end, Ana Ruiz ...").
ROLE_BLOCKING_WORDS = frozenset({"in", "on", "at", "during", "by", "for", "from", "of", "with", "after", "before",
                                 "since", "until", "over", "under", "to", "into", "about", "through", "across",
                                 "against", "between", "within", "without", "like", "than", "and", "or"})
#: Endings of a noun for a person by what they do ("contractor", "businessman", "economist").
AGENT_SUFFIXES = ("or", "er", "ist", "man", "woman", "person", "ant", "ent", "ian", "ee")
#: Words with those endings that are not roles ("after Ana Ruiz", "whether Tom Lee").
NOT_AGENT_WORDS = frozenset({"after", "under", "over", "other", "never", "ever", "either", "neither", "whether",
                             "rather", "later", "former", "latter", "per", "for", "or", "nor", "her", "their",
                             "our", "your", "than", "then", "when", "where", "against", "meant", "went", "sent",
                             "spent", "recent", "current", "percent", "ian", "man", "woman", "person", "number",
                             "member", "consider", "order", "together", "wonder", "remember", "offer", "enter",
                             "an", "can", "began", "plan", "ban", "human", "german", "roman"})
#: Titles written before a name ("Dr Ana Ruiz"), dropped from the name a role stands for.
NAME_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "mr.", "mrs.", "ms.", "dr.",
                         "prof.", "rev", "rev."})
#: Words in a title before a role noun ("Prime Minister", "Vice President").
TITLE_MODIFIERS = frozenset({"prime", "vice", "deputy", "chief", "former", "acting", "interim", "foreign",
                             "finance", "defense", "defence", "health", "district", "state", "head", "assistant"})
#: Heads of a description of a reporting period ("the latest quarter", "the three-month period", "the month").
PERIOD_NOUNS = frozenset({"quarter", "period", "month"})
#: Ordinal words naming a quarter ("the third quarter", "first-quarter revenue").
QUARTER_ORDINALS = frozenset({"first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"})
#: Modifiers with which a period description still points back ("the latest quarter", "the current month").
PERIOD_BACK_MODIFIERS = frozenset({"latest", "current", "recent", "most", "reporting", "fiscal"})
#: Possessed nouns for which "their" after "Acme and Zeta" means the pair, not a plural subject.
PAIR_POSSESSED = frozenset({"share", "shares", "stake", "stakes", "revenue", "revenues", "profit", "profits",
                            "sales", "rivalry", "relationship", "relations", "merger", "deal", "talks", "meeting",
                            "agreement", "partnership", "marriage", "dispute", "feud", "contest", "match"})
#: Spouses and partners: "Ana Ruiz and her husband" are a pair for "the couple".
PARTNER_NOUNS = frozenset({"wife", "husband", "partner", "spouse", "fiancee", "fiance", "brother", "sister",
                           "son", "daughter", "father", "mother"})
#: Plural nouns with which "the two <noun>" stands for two parties named together ("the two rivals").
PAIR_PLURALS = frozenset({"side", "rival", "foe", "enemy", "ally", "partner", "party", "neighbour", "neighbor",
                          "leader", "man", "woman", "brother", "sister", "friend", "power", "nation", "country",
                          "company", "firm", "team", "club", "candidate", "adversary", "opponent", "giant",
                          "government", "state", "player", "defendant"})
#: Entity labels of the parties a pair, "it" or "the two" can stand for.
PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: A change verb's noun, for naming what "this" stands for ("Sales rose 5%. This ..." -> "the rise in sales").
CHANGE_NOMINALS = {"rise": "rise", "increase": "increase", "grow": "growth", "fall": "fall", "drop": "drop",
                   "decline": "decline", "jump": "jump", "climb": "climb", "surge": "surge", "soar": "rise",
                   "slump": "slump", "plunge": "plunge", "dip": "dip", "double": "doubling", "triple": "tripling",
                   "expand": "expansion", "improve": "improvement", "shrink": "fall", "slide": "fall",
                   "tumble": "fall", "rebound": "rebound"}

# --------------------------------------------------------------------------- splitters

#: Linking verbs whose complements can form a list of figures of one subject
#: ("The team is 8-3 overall, 5-1 at home and 3-2 away").
LINKING_VERBS = frozenset({"be", "remain", "stand", "sit", "finish", "end"})
#: Adverbs that open a fronted predicative phrase ("Now in the record books for ..., Smith scored").
PREDICATIVE_LEADS = frozenset({"now", "already", "still", "once", "long", "formerly"})
#: Words of a position in a ranking that make an absolute "with" phrase a predicate
#: ("with Harlow close behind with 9.4 million").
POSITION_WORDS = frozenset({"behind", "ahead", "close", "closer", "second", "third", "fourth", "fifth", "next", "last"})
#: Nouns of a match result given with its score ("with a 2-1 win").
RESULT_NOUNS = frozenset({"win", "victory", "defeat", "loss", "draw", "triumph", "thrashing", "rout"})
#: Subordinators of a clause placing another event in time ("after talks broke down on Tuesday").
TEMPORAL_MARKS = frozenset({"after", "before"})

# --------------------------------------------------------------------------- documents (resolve)

#: Nouns for a document a body adopts or signs: "the plan" points back to "a $412 million budget".
DOCUMENT_NOUNS = frozenset({"budget", "plan", "bill", "measure", "proposal", "package", "deal", "agreement", "law",
                            "ordinance"})
#: Document nouns a writer uses for any document of the class ("the measure" for a budget or a bill).
GENERIC_DOCUMENT_NOUNS = frozenset({"plan", "measure", "proposal", "package"})
#: Event nouns "It" can stand for in the next sentence ("A fire swept ... . It is the deadliest ...").
EVENT_NOUNS = frozenset({"fire", "blaze", "crash", "explosion", "blast", "strike", "storm", "attack", "flood",
                         "earthquake", "collision", "derailment", "shooting", "outbreak", "accident"})
#: Roles in a court case: "the judge" only stands for a person the article gives that role, never the last person.
COURT_ROLES = frozenset({"judge", "lawyer", "attorney", "defendant", "prosecutor", "plaintiff", "barrister",
                         "solicitor", "magistrate", "juror", "witness"})
