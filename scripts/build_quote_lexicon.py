#!/usr/bin/env python3
"""Build ``src/communique/data/quotes/cues.json``: the cue words of the *quotes* stage.

Sources (all under ``shared/reference/quote-lexicons/``; see ``shared/reference/README.md``):

- ``ggt_en_quote_verb_list.txt``: Gender Gap Tracker quote verbs, inflected forms
  (sfu-discourse-lab/GenderGapTracker @ 5501de31), MIT licence.
- ``jai_guardian_afp_quote_verb_list.txt``: JournalismAI Guardian/AFP quote verbs, inflected forms
  (JournalismAI-2021-Quotes/quote-extraction @ 28f429b2), Apache-2.0.
- ``krestel2008_attribution_verbs.txt``: reporting verbs published by Krestel, Bergler & Witte
  (2008), "Minding the Source", LREC; a published word list (facts).
- ``textacy_en_reporting_verbs.txt``: textacy's English reporting verbs
  (chartbeat-labs/textacy @ f08ecbc4), Apache-2.0.
- ``pareti2015_attribution_nouns.txt``: attribution nouns published by Pareti (2015), PhD thesis,
  University of Edinburgh; a published word list (facts).

To these the script adds ``SUPPLEMENT``: verbs of communication and propositional attitude written
down for this project (Levin-style classes; not taken from any data set), and the *frames* each verb
takes -- which complement counts as the reported content:

- ``clause``: a finite complement clause ("said (that) the talks failed");
- ``quote``:  a quotation beside it ("'We will go,' he said");
- ``xcomp``:  an infinitive or object+infinitive ("urged Iran to attend", "vowed to fight");
- ``object``: a noun-phrase object that is itself a statement or stance ("denied the report");
- ``predicate``: an object with what it is called ("called the plan "a disaster"", "described
  Iran as a partner").

Every listed verb gets ``clause``; ``quote`` goes to verbs of saying (the GGT/JAI lists are built
from direct-quote verbs); ``xcomp``, ``object`` and ``predicate`` only to the verbs named below
(the stage also reads the object of any clause-taking cue verb when it has nothing else, save
verbs of perceiving). Forms map to the lemma, so the stage still finds a cue when the tagger's
lemma is wrong.

Run:  python scripts/build_quote_lexicon.py [--reference DIR] [--out FILE]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference" / "quote-lexicons"
DEFAULT_OUT = ROOT / "src" / "communique" / "data" / "quotes" / "cues.json"

SOURCES = {
    "ggt": ("ggt_en_quote_verb_list.txt", "Gender Gap Tracker quote verbs (MIT)"),
    "jai": ("jai_guardian_afp_quote_verb_list.txt", "JournalismAI Guardian/AFP quote verbs (Apache-2.0)"),
    "krestel": ("krestel2008_attribution_verbs.txt", "Krestel et al. 2008 reporting verbs (published list)"),
    "textacy": ("textacy_en_reporting_verbs.txt", "textacy reporting verbs (Apache-2.0)"),
    "pareti": ("pareti2015_attribution_nouns.txt", "Pareti 2015 attribution nouns (published list)"),
}

# Irregular past forms that the suffix rules below cannot undo.
IRREGULAR = {
    "said": "say", "told": "tell", "wrote": "write", "written": "write", "thought": "think",
    "spoke": "speak", "spoken": "speak", "swore": "swear", "sworn": "swear", "retold": "retell",
    "found": "find", "knew": "know", "known": "know", "felt": "feel", "foresaw": "foresee",
    "meant": "mean", "saw": "see", "seen": "see", "sang": "sing", "sung": "sing", "taught": "teach",
    "understood": "understand", "forecast": "forecast", "held": "hold", "made": "make",
    "put": "put", "chose": "choose", "chosen": "choose", "sought": "seek", "wept": "weep",
    "began": "begin", "begun": "begin", "bet": "bet", "showed": "show", "shown": "show",
}

# Verbs of the lexicons that mislead more than they help in news text: "accept", "present",
# "release", "persist", "ensure" and "convince" mostly take plain objects or describe actions;
# "rave"/"preach"/"declaim"/"acclaim" are rare and noisy; "need", "decide", "choose", "prefer",
# "determine" and "vote" report choices and necessities, not statements.
DROP = {"accept", "present", "release", "persist", "ensure", "convince", "rave", "preach",
        "declaim", "acclaim", "disclaim", "order", "charge", "according", "need", "decide", "choose",
        "prefer", "determine", "vote"}

# Verbs that introduce a quotation or a colon but take no reported clause ("she continued: ...",
# "he laughed, ...", "protesters chanted ...").
QUOTE_ONLY = {"continue", "laugh", "chant", "scold", "sing", "scream", "interject", "smile", "shrug",
              "sigh", "gush", "marvel"}

# Verbs of communication and of propositional attitude (believing, knowing, hoping, showing) that
# the source lists leave out; all take a complement clause.
SUPPLEMENT_CLAUSE = """
say tell add state declare announce claim assert insist argue explain note comment remark reply
respond answer ask write tweet post report testify confirm deny admit acknowledge concede warn
predict promise suggest mention describe recall stress emphasize emphasise reiterate repeat
complain accuse allege contend maintain shout yell exclaim whisper quip joke cite disclose reveal
point caution concur counter boast brag lament muse observe opine pledge vow swear guarantee assure
reassure remind inform notify advise signal signify imply hint speculate theorize theorise
acknowledge recount narrate proclaim affirm reaffirm insist retort scoff snap sneer grumble
mutter murmur cry plead beg urge demand propose recommend advocate concede agree disagree believe
think feel know hope fear worry expect doubt assume suspect understand realize realise reckon
estimate conclude find learn hear read see show indicate demonstrate prove
establish calculate figure guess wonder question dispute contest challenge rule judge
project forecast anticipate envision imagine suppose presume trust bet doubt acknowledge
recognize recognise accept concede insist threaten
"""

# Verbs whose infinitive (or object + infinitive) complement is what was said or wanted.
SUPPLEMENT_XCOMP = """
promise pledge vow swear threaten plan want wish intend aim seek hope expect agree decline
offer propose urge ask call demand tell order encourage invite press pressure push implore beg
warn advise recommend instruct request
"""

# Verbs that report what someone called something: object plus predicate or "as" phrase.
SUPPLEMENT_PREDICATE = """
call label dub brand describe characterize characterise deem term portray paint cast dismiss
denounce condemn praise hail criticize criticise slam blast see view regard consider rate judge
name liken compare
"""

# Verbs whose noun-phrase object is a statement, a stance or a proposal ("denied the report",
# "criticized the plan"): a noun content is annotated by PolNeAR-style attribution corpora.
SUPPLEMENT_OBJECT = """
announce report deny reject criticize criticise condemn denounce praise cite describe discuss
mention propose defend dispute confirm acknowledge welcome endorse blast attack slam
support oppose dismiss decry applaud hail lament predict recommend demand request urge
express echo reference release publish unveil tout bemoan downplay mock ridicule invoke detail
outline issue highlight stress emphasize emphasise reiterate repeat laud champion
promote back reject tweet post quote disclose reveal concede admit
"""

# Verbs that are cues only with the particle or preposition named ("point out", "go on").
PARTICLES = {
    "point": ["out", "to"], "spell": ["out"], "lay": ["out"], "weigh": ["in"], "chime": ["in"],
    "speak": ["of", "about", "out"], "sign": ["off"],
}

# Prepositions that belong to the cue and introduce its content ("call for X", "warn of X").
CUE_PREPS = {
    "call": ["for", "on", "upon"], "warn": ["of", "against", "about"], "speak": ["of", "about"],
    "complain": ["about", "of"], "ask": ["for", "about"], "argue": ["for", "against"],
    "push": ["for"], "press": ["for"], "advocate": ["for"], "plead": ["for"],
    "point": ["to"], "hint": ["at"], "boast": ["about", "of"], "worry": ["about"],
    "refer": ["to"], "insist": ["on"], "comment": ["on"], "agree": ["on", "with"], "object": ["to"],
    "rail": ["against"], "talk": ["about", "of"], "testify": ["about", "on"], "write": ["about", "of"],
}

# Verbs that are cues only through the preposition above ("refer to", "talk about", "rail
# against"): without it they describe no statement.
PREP_ONLY = {"refer", "talk", "rail"}

# Prepositional source markers: "according to X", "in the words of X", "as X put it".
PHRASES = [["according", "to"], ["in", "the", "words", "of"]]

# Attribution nouns of the Pareti list that in news mostly name things rather than statements.
DROP_NOUNS = {"bill", "book", "law", "paper", "article", "document", "data", "chart", "file",
              "ad", "commercial", "legislation", "lawsuit", "suit", "project", "policy", "reform",
              "provision", "list", "press", "spell", "mind", "need", "issue", "effort", "sign",
              "condition", "figure", "find", "point", "call", "charge", "support", "study",
              "research", "poll", "survey", "statistic", "evidence", "information", "news",
              "according", "accord", "voice", "menace", "eruption", "imposition", "snort", "sigh",
              "laugh", "moan", "scream", "yell", "shout", "cry", "dictate", "prove", "understandment",
              "convinction", "rule", "strategy", "temptation", "inspiration", "wisdom"}

SUPPLEMENT_NOUNS = """
statement remark comment claim assertion argument announcement warning promise pledge vow
suggestion allegation accusation denial admission insistence prediction belief view hope fear
concern worry estimate assessment conclusion finding report testimony interview speech tweet
post letter message memo note
"""


def read_words(path: Path) -> list[str]:
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        w = line.strip().lower()
        if w and not w.startswith("#"):
            words.append(w)
    return words


def lemma_of(form: str, lemmas: set[str]) -> str | None:
    """Undo the regular English inflections of ``form`` against the known ``lemmas``."""
    if form in lemmas:
        return form
    if form in IRREGULAR:
        return IRREGULAR[form]
    cands = []
    if form.endswith("ies"):
        cands.append(form[:-3] + "y")
    if form.endswith("ied"):
        cands.append(form[:-3] + "y")
    if form.endswith("es"):
        cands += [form[:-2], form[:-1]]
    if form.endswith("s"):
        cands.append(form[:-1])
    if form.endswith("ed"):
        cands += [form[:-2], form[:-1], form[:-3]]
    if form.endswith("ing"):
        cands += [form[:-3], form[:-3] + "e", form[:-4]]
    for c in cands:
        if c in lemmas:
            return c
    return None


def inflect(lemma: str) -> list[str]:
    """Regular forms of ``lemma`` (third person, past, gerund): enough for the form table."""
    if lemma.endswith("e"):
        return [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma + "s", lemma + "ed", lemma + "ing"]


def build(reference: Path) -> dict:
    lists = {}
    for key, (name, _) in SOURCES.items():
        path = reference / name
        if not path.is_file():
            raise SystemExit(f"missing source list {path}")
        lists[key] = read_words(path)

    clause = set(SUPPLEMENT_CLAUSE.split())
    xcomp = set(SUPPLEMENT_XCOMP.split())
    obj = set(SUPPLEMENT_OBJECT.split())
    pred = set(SUPPLEMENT_PREDICATE.split())
    # Lemmas: the plain-lemma lists, the supplement, and the bare forms of the inflected lists
    # (a form is a lemma when its -s form is also listed).
    lemmas = set(lists["krestel"]) | set(lists["textacy"]) | clause | xcomp | obj | pred | QUOTE_ONLY | PREP_ONLY
    for key in ("ggt", "jai"):
        forms = set(lists[key])
        lemmas |= {f for f in forms if f + "s" in forms or f + "es" in forms
                   or (f.endswith("y") and f[:-1] + "ies" in forms)}

    verbs: dict[str, dict] = {}
    forms: dict[str, str] = {}

    def add(lemma: str, frame: str, source: str) -> None:
        if lemma in DROP or (lemma in QUOTE_ONLY and frame == "clause"):
            return
        entry = verbs.setdefault(lemma, {"frames": set(), "sources": set()})
        entry["frames"].add(frame)
        entry["sources"].add(source)

    for key in ("ggt", "jai"):
        for form in lists[key]:
            lemma = lemma_of(form, lemmas)
            if lemma is None:
                raise SystemExit(f"cannot lemmatise {form!r} from {key}")
            add(lemma, "clause", key)
            add(lemma, "quote", key)
            if lemma not in DROP:
                forms[form] = lemma
    for key in ("krestel", "textacy"):
        for lemma in lists[key]:
            add(lemma, "clause", key)
    for lemma in clause:
        add(lemma, "clause", "communique")
    for lemma in xcomp:
        add(lemma, "xcomp", "communique")
    for lemma in obj:
        add(lemma, "object", "communique")
    for lemma in pred:
        add(lemma, "predicate", "communique")
    for lemma in QUOTE_ONLY:
        add(lemma, "quote", "communique")
    for lemma in PREP_ONLY:
        add(lemma, "object", "communique")
    # Verbs of the Krestel/textacy lists are reporting verbs too: they may stand beside a quote.
    for lemma in set(lists["krestel"]) | set(lists["textacy"]):
        add(lemma, "quote", "krestel" if lemma in lists["krestel"] else "textacy")

    for lemma in verbs:
        forms.setdefault(lemma, lemma)
        for f in inflect(lemma):
            forms.setdefault(f, lemma)
    for f, lemma in IRREGULAR.items():
        if lemma in verbs:
            forms[f] = lemma

    nouns = (set(lists["pareti"]) | set(SUPPLEMENT_NOUNS.split())) - DROP_NOUNS
    return {
        "version": 1,
        "sources": {key: desc for key, (_, desc) in SOURCES.items()}
        | {"communique": "communique curation: scripts/build_quote_lexicon.py"},
        "verbs": {lemma: {"frames": sorted(e["frames"]), "sources": sorted(e["sources"])}
                  for lemma, e in sorted(verbs.items())},
        "forms": dict(sorted((f, lemma) for f, lemma in forms.items() if lemma in verbs)),
        "particles": {k: v for k, v in sorted((PARTICLES | {v: CUE_PREPS[v] for v in PREP_ONLY}).items())
                      if k in verbs},
        "cue_preps": {k: v for k, v in sorted(CUE_PREPS.items()) if k in verbs},
        "phrases": PHRASES,
        "nouns": sorted(nouns),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    data = build(args.reference)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['verbs'])} verbs, {len(data['forms'])} forms, "
          f"{len(data['nouns'])} nouns")


if __name__ == "__main__":
    main()
