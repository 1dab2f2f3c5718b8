#!/usr/bin/env python3
"""Build ``src/communique/data/events/codebook.json.gz``: everything the *events* stage codes with.

Sources (under ``shared/reference/``; see ``shared/reference/README.md``):

- ``cameo/CAMEO.eventcodes.txt`` and ``cameo/CAMEO.goldsteinscale.txt``: the 311 CAMEO codes with
  their names and Goldstein scores (GDELT's lookup tables, published as open data; copies from
  mpiccirilli/UNDP-BCPR-Project @ e009a802).
- ``plover/CAMEO2PLOVER-2021.txt``: CAMEO code -> PLOVER v0.8 event, mode, context
  (openeventdata/PLOVER @ 5e0c24fb), CC BY-SA 4.0, Open Event Data Alliance.
- ``dictionaries/CAMEO.2.0.txt``: the PETRARCH-2 verb pattern dictionary (~4.7k patterns with
  CAMEO codes; openeventdata/petrarch2 @ 676801cd), MIT, Open Event Data Alliance.
- ``dictionaries/Phoenix.agents.txt``: the PETRARCH-2 agent nouns ("soldier", "rebel", "minister";
  openeventdata/petrarch2 @ 676801cd), MIT: their head words tell a role phrase that names
  a party ("the rebels") from one that does not ("the village").
- ``ngec/countries.csv``: country names and nationality words with ISO codes
  (ahalterman/NGEC-2025 @ a3909e2a), MIT: a fallback for role phrases the actor list leaves
  uncoded ("an Indian proposal").

What is ours (written down for this project, see the tables below): the event nouns, the verbs
PETRARCH lacks or codes by a different convention, the "governing" verb classes (intent, demand,
refusal, threat, report, hedge, plan) and the derivation tables that turn a CAMEO code into its
"express intent to" / "demand" / "reject" / "threaten" counterpart following the parallel
structure of CAMEO's 03, 10, 12 and 13 categories; the cue lists for sports and markets.

PLOVER dropped CAMEO 01 (statements) and 02 (appeals). Statements give no event here. Appeals are
kept as REQUEST (what PLOVER coders do with "called for", "urged") and written with the matching
CAMEO 10 code (020 -> 100, 023 -> 103...), so that every code we emit maps to its PLOVER event
through the table.

Run:  python scripts/build_event_codebook.py [--reference DIR] [--out FILE]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"
DEFAULT_OUT = ROOT / "src" / "communique" / "data" / "events" / "codebook.json.gz"

EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

# PLOVER v0.8 modes per event (PLOVER_MANUAL.tex, the mode table of each category).
PLOVER_MODES = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"),
}
# The table's mode names that are not v0.8 modes of their event, read as the v0.8 mode they mean.
MODE_FIXES = {("CONSULT", "host"): "visit", ("THREATEN", "ban"): "restrict", ("COERCE", "ban"): "restrict",
              ("ASSAULT", "seize"): "destroy", ("ASSAULT", "assassinate"): "targeted",
              ("ASSAULT", "massacre"): "targeted", ("RETREAT", "return"): "release"}
PLOVER_CONTEXTS = (
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking")
CONTEXT_FIXES = {"democracy": "pro_democracy"}

# ---------------------------------------------------------------------------------------------
# Derivations: the CAMEO code of "agree/offer to X", "demand X", "refuse X", "threaten to X"
# for a code X, following the parallel sub-categories of CAMEO 03, 10, 12 and 13.

_INTENT = {"04": "036", "042": "036", "043": "036", "045": "039", "046": "036", "05": "032",
           "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
           "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
           "080": "035", "081": "0351", "0811": "0351", "0812": "0351", "082": "0352", "083": "034",
           "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344", "084": "0353",
           "0841": "0353", "0842": "0353", "085": "0354", "086": "0355", "0861": "0355",
           "0862": "0355", "0863": "0355", "087": "0356", "0871": "0356", "0872": "0356",
           "0873": "0356", "0874": "0356", "0813": "035", "0814": "035"}
_DEMAND = {"03": "100", "031": "101", "0311": "1011", "0312": "1012", "0313": "1013", "0314": "1014",
           "032": "102", "033": "103", "0331": "1031", "0332": "1032", "0333": "1033", "0334": "1034",
           "034": "104", "0341": "1041", "0342": "1042", "0343": "1043", "0344": "1044", "035": "105",
           "0351": "1051", "0352": "1052", "0353": "1053", "0354": "1054", "0355": "1055",
           "0356": "1056", "036": "106", "037": "107", "038": "108", "039": "108",
           "04": "106", "05": "102", "06": "101", "061": "1011", "062": "1012", "063": "1013",
           "064": "1014", "07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034",
           "080": "105", "081": "1051", "0811": "1051", "0812": "1051", "082": "1052", "083": "104",
           "0831": "1041", "0832": "1042", "0833": "1043", "0834": "1044", "084": "1053",
           "0841": "1053", "0842": "1053", "085": "1054", "086": "1055", "0861": "1055",
           "0862": "1055", "0863": "1055", "087": "1056", "0871": "1056", "0872": "1056",
           "0873": "1056", "0874": "1056", "0813": "1051", "0814": "1051"}
_REFUSE = {"03": "120", "036": "125", "037": "127", "038": "126", "039": "126", "04": "125",
           "05": "120", "06": "121", "061": "1211", "062": "1212", "063": "1213", "064": "1214",
           "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
           "080": "124", "081": "1241", "0811": "1241", "0812": "1241", "082": "1242", "083": "123",
           "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234", "084": "1243",
           "0841": "1243", "0842": "1243", "085": "1244", "086": "1245", "0861": "1245",
           "0862": "1245", "0863": "1245", "087": "1246", "0871": "1246", "0872": "1246",
           "0873": "1246", "0874": "1246", "0813": "1241", "0814": "1241", "10": "120"}
_THREAT = {"14": "133", "15": "138", "160": "131", "161": "1313", "162": "1311", "1621": "1311",
           "1622": "1311", "1623": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
           "1661": "136", "1662": "136", "1663": "136", "17": "130", "172": "132", "1721": "1321",
           "1722": "1322", "1723": "1323", "1724": "1324", "175": "137", "191": "1381",
           "192": "1382", "18": "1383", "19": "1384", "20": "1383", "204": "1385", "2041": "1385",
           "2042": "1385", "09": "130", "11": "130", "12": "130", "10": "130"}

# "stop/lift X": halting cooperation is SANCTION (CAMEO 16), lifting a restriction or ending
# violence is CONCEDE/RETREAT (CAMEO 08), breaking a truce is violating it (196).
_STOP = {"03": "160", "04": "164", "045": "165", "05": "161", "06": "160", "07": "162", "071": "1621",
         "072": "1622", "073": "1623", "074": "162", "14": "082", "160": "085", "170": "080",
         "172": "081", "1721": "0811", "1722": "0812", "1723": "081", "1724": "081", "173": "0841",
         "175": "087", "191": "0872", "192": "0872", "18": "087", "19": "087", "20": "087",
         "087": "196", "0871": "196"}

# Codes of the dictionary read as another code: CAMEO 163 (impose embargo, boycott or sanctions)
# goes to COERCE in CAMEO2PLOVER, but the PLOVER manual codes international sanctions as
# SANCTION 'discontinue'; 160 (reduce relations) is the CAMEO code that keeps them there.
RECODE = {"163": "160"}

# "faces trial", "stand trial", "put on trial": CAMEO 173 (arrest, detain, or charge with legal
# action) goes to COERCE 'arrest' in CAMEO2PLOVER, but the PLOVER manual (ACCUSE 'allege') codes
# bringing to trial as ACCUSE: a trial pattern's 173 is read as 115 (bring lawsuit against).
TRIAL_RECODE = {"173": "115"}

# "accept/heed a demand": acceding to it (CAMEO 083).
_ACCEDE = {"10": "083", "1041": "0831", "1042": "0832", "1043": "0833", "1044": "0834", "105": "080",
           "1053": "0841", "1054": "085", "1055": "086", "1056": "087"}

# CAMEO 02 (APPEAL, dropped by PLOVER) -> the CAMEO 10 (DEMAND -> REQUEST) code of the same content.
APPEAL_TO_DEMAND = {"020": "100", "021": "101", "0211": "1011", "0212": "1012", "0213": "1013",
                    "0214": "1014", "022": "102", "023": "103", "0231": "1031", "0232": "1032",
                    "0233": "1033", "0234": "1034", "024": "104", "0241": "1041", "0242": "1042",
                    "0243": "1043", "0244": "1044", "025": "105", "0251": "1051", "0252": "1052",
                    "0253": "1053", "0254": "1054", "0255": "1055", "0256": "1056", "026": "106",
                    "027": "107", "028": "108"}

# ---------------------------------------------------------------------------------------------
# Event nouns (ours). code: a CAMEO code, or "" with event/mode for PLOVER categories that CAMEO
# has no code for. standalone: the noun is an event by itself ("the attack", "their meeting");
# otherwise it only says what a governing verb is about ("called for a truce", "imposed sanctions").

def _n(code, standalone=True, event="", mode=""):
    return {"code": code, "standalone": standalone, "event": event, "mode": mode}


NOUNS = {
    # CONSULT
    "meeting": _n("040"), "talks": _n("046"), "negotiation": _n("046"), "summit": _n("040"),
    "conference": _n("040"), "consultation": _n("040"), "discussion": _n("040"), "visit": _n("042"),
    "mediation": _n("045"), "phone call": _n("041"), "telephone call": _n("041"),
    "state visit": _n("042"),
    # ASSAULT
    "attack": _n("190"), "assault": _n("180"), "offensive": _n("190"), "raid": _n("190"),
    "bombing": _n("183"), "airstrike": _n("195"), "air strike": _n("195"), "air raid": _n("195"),
    "missile strike": _n("195"), "drone strike": _n("195"), "shelling": _n("194"),
    "bombardment": _n("195"), "explosion": _n("183"), "blast": _n("183"),
    "suicide bombing": _n("1831"), "suicide attack": _n("1831"), "car bomb": _n("1832"),
    "car bombing": _n("1832"), "roadside bomb": _n("1833"), "ambush": _n("190"),
    "clash": _n("190"), "fighting": _n("190"), "battle": _n("190"), "gunbattle": _n("193"),
    "firefight": _n("193"), "shooting": _n("193"), "gunfire": _n("193"), "massacre": _n("202"),
    "killing": _n("1823"), "assassination": _n("186"), "assassination attempt": _n("185"),
    "kidnapping": _n("181"), "abduction": _n("181"), "hijacking": _n("181"), "torture": _n("1822"),
    "invasion": _n("190"), "incursion": _n("190"), "stabbing": _n("180"), "beating": _n("182"),
    "shootout": _n("193"), "bomb attack": _n("183"), "rocket attack": _n("195"),
    "mortar attack": _n("194"), "ethnic cleansing": _n("203"), "genocide": _n("202"),
    # PROTEST
    "protest": _n("141"), "demonstration": _n("141"), "rally": _n("141", standalone=False), "march": _n("141"),
    "riot": _n("145"), "strike": _n("143"), "general strike": _n("143"), "hunger strike": _n("142"),
    "boycott": _n("143"), "sit-in": _n("141"), "walkout": _n("143"), "blockade": _n("191"),
    # COERCE
    "arrest": _n("173"), "detention": _n("173"), "crackdown": _n("175"), "deportation": _n("174"),
    "expulsion": _n("174"), "seizure": _n("1711"), "curfew": _n("1723", standalone=False),
    "ban": _n("172", standalone=False), "martial law": _n("1724", standalone=False),
    "state of emergency": _n("1724", standalone=False), "censorship": _n("1721"),
    "cyberattack": _n("", event="COERCE", mode="cyber"), "cyber attack": _n("", event="COERCE", mode="cyber"),
    "hack": _n("", event="COERCE", mode="cyber"),
    # SANCTION
    # PLOVER codes international sanctions as SANCTION 'discontinue' (manual, SANCTION modes),
    # whereas CAMEO2PLOVER sends 163 to COERCE: we code them 160 (reduce relations, SANCTION).
    "sanction": _n("160", standalone=False, mode="discontinue"),
    "embargo": _n("160", standalone=False, mode="discontinue"),
    "restriction": _n("172", standalone=False), "emergency measure": _n("1724", standalone=False),
    "tie": _n("050", standalone=False), "diplomatic tie": _n("050", standalone=False),
    "relation": _n("050", standalone=False), "diplomatic relation": _n("050", standalone=False),
    "food supply": _n("073", standalone=False), "aid program": _n("070", standalone=False),
    "aid programme": _n("070", standalone=False), "aid delivery": _n("073", standalone=False),
    "conviction": _n("", event="SANCTION", mode="convict"), "sentence": _n("", standalone=False,
                                                                           event="SANCTION", mode="convict"),
    # ACCUSE
    "accusation": _n("112"), "allegation": _n("112"), "criticism": _n("111"),
    "condemnation": _n("111"), "investigation": _n("090"), "probe": _n("090"), "inquiry": _n("090"),
    "lawsuit": _n("115"), "charge": _n("1121", standalone=False), "indictment": _n("1121"),
    "trial": _n("115"), "complaint": _n("114"),
    # REQUEST / THREATEN / REJECT
    "demand": _n("100"), "appeal": _n("100"), "request": _n("100"), "plea": _n("100"),
    "ultimatum": _n("139"), "threat": _n("130"), "warning": _n("130"), "rejection": _n("120"),
    "refusal": _n("120"), "veto": _n("129"),
    # SUPPORT / AGREE / CONCEDE
    "support": _n("051"), "praise": _n("051"), "endorsement": _n("051"), "recognition": _n("054"),
    "apology": _n("055", event=""), "agreement": _n("057", standalone=False),
    "treaty": _n("057", standalone=False), "accord": _n("057", standalone=False),
    "deal": _n("057", standalone=False), "pact": _n("057", standalone=False),
    "offer": _n("030"), "pledge": _n("030"), "promise": _n("030"), "pardon": _n("081"),
    "amnesty": _n("081", standalone=False), "reform": _n("083", standalone=False),
    # AID / COOPERATE
    "aid": _n("070", standalone=False), "assistance": _n("070", standalone=False),
    "humanitarian aid": _n("073", standalone=False), "food aid": _n("073", standalone=False),
    "military aid": _n("072", standalone=False), "economic aid": _n("071", standalone=False),
    "asylum": _n("075", standalone=False), "donation": _n("070", standalone=False),
    "loan": _n("071", standalone=False), "extradition": _n("063"),
    "exercise": _n("062", standalone=False), "war game": _n("062"),
    # RETREAT
    "ceasefire": _n("0871", standalone=False), "cease-fire": _n("0871", standalone=False),
    "truce": _n("0871", standalone=False), "armistice": _n("0871", standalone=False),
    "withdrawal": _n("0872"), "pullout": _n("0872"), "release": _n("0841"),
    "resignation": _n("", event="RETREAT", mode="resign"),
    "retreat": _n("0874"), "surrender": _n("0874"), "demobilization": _n("0873"),
    "disarmament": _n("0873", standalone=False),
    # MOBILIZE
    "deployment": _n("154"), "mobilization": _n("154"), "military buildup": _n("154"),
    "buildup": _n("154"),
}

# ---------------------------------------------------------------------------------------------
# Verbs (ours): added where PETRARCH lacks the verb, or replacing the code PETRARCH gives a bare
# verb where its convention differs from PLOVER's (e.g. "agree" alone is 050 there, but PLOVER's
# AGREE is exactly "agree to"). Patterns in PETRARCH still apply to these verbs.
VERB_CODES = {
    "agree": "030", "urge": "020", "call": "", "demand": "100", "appeal": "020", "press": "",
    "pressure": "100", "pressurize": "100", "implore": "020", "beg": "020", "plead": "020",
    "attack": "190", "assault": "180", "bomb": "183", "shell": "194", "raid": "190", "ambush": "190",
    "kill": "190", "murder": "1823", "massacre": "202", "assassinate": "186", "behead": "1823",
    "execute": "1823", "stab": "180", "shoot": "193", "gun": "193", "torture": "1822",
    "kidnap": "181", "abduct": "181", "hijack": "181", "behead_": "1823", "wound": "190",
    "injure": "190", "detonate": "183", "explode": "183", "blow": "", "invade": "190",
    "storm": "190", "fire": "", "strike": "", "hit": "", "capture": "190", "overrun": "190",
    "retake": "190", "recapture": "190", "seize": "", "occupy": "192",
    "arrest": "173", "detain": "173", "jail": "173", "imprison": "173", "apprehend": "173",
    "deport": "174", "extradite": "063", "indict": "1121", "prosecute": "115",
    "sue": "115", "investigate": "090", "probe": "090",
    "meet": "040", "visit": "042", "host": "043", "negotiate": "046", "mediate": "045",
    "confer": "040", "consult": "040", "discuss": "040", "talk": "", "phone": "041", "telephone": "041",
    "protest": "141", "demonstrate": "141", "rally": "141", "march": "", "riot": "145",
    "picket": "141", "boycott": "143",
    "condemn": "111", "criticize": "111", "criticise": "111", "denounce": "111", "decry": "111",
    "blame": "112", "accuse": "112", "deplore": "111", "slam": "111", "rebuke": "111",
    "censure": "111", "allege": "112",
    "threaten": "130", "warn": "130", "vow": "", "swear": "",
    "praise": "051", "commend": "051", "welcome": "051", "endorse": "051", "hail": "051",
    "applaud": "051", "back": "051", "support": "051", "apologize": "055", "apologise": "055",
    "forgive": "056", "recognize": "", "recognise": "",
    "reject": "120", "refuse": "120", "rebuff": "120", "veto": "129", "defy": "128", "spurn": "120",
    "release": "0841", "free": "0841", "withdraw": "", "resign": "RETREAT:resign", "evacuate": "0872",
    "quit": "RETREAT:resign", "step_down": "RETREAT:resign", "beat": "182", "block": "144",
    "barricade": "144", "blockade": "191", "hold": "", "prevent": "172", "allow": "086",
    "fight": "190", "charge": "112", "renege": "120", "violate": "128", "expel": "166",
    "decide": "", "accord": "", "come": "", "go": "", "give": "", "take": "", "use": "", "carry": "", "hunt": "",
    "search": "", "look": "", "bring": "", "send": "", "put": "", "set": "",
    "convict": "SANCTION:convict", "sentence": "SANCTION:convict", "hack": "COERCE:cyber",
    "surrender": "0874", "demobilize": "0873", "disarm": "0873",
    "sanction": "160", "suspend": "", "halt": "", "ban": "172", "censor": "1721",
    "donate": "070", "provide": "", "deliver": "", "grant": "", "send": "", "supply": "",
    "promise": "030", "pledge": "030", "offer": "030", "propose": "", "sign": "057", "ratify": "057",
    "deploy": "154", "mobilize": "154", "mobilise": "154",
    "concede": "080", "pardon": "081", "lift": "", "ease": "",
    # dying, like being injured, is what an event does to people, not an act
    "die": "", "perish": "",
}

# Verbs whose complement is the event they are about: "agreed to meet", "called for a truce".
# intent: the actor commits to the complement (03 / 13 for conflictual content)
# stop: the actor halts or lifts it (16 for cooperation, 08 for restrictions and violence)
# demand: the actor asks the recipient to do it (10); refuse: the actor rejects it (12)
# threat: the actor threatens it (13); hedge: the complement is hypothetical;
# plan: the complement is planned; report: verbs of saying (the complement is asserted);
# fail: the complement did not happen.
GOVERNORS = {
    "intent": ["agree", "offer", "promise", "pledge", "vow", "commit", "undertake", "volunteer",
               "consent", "swear", "guarantee", "decide", "resolve"],
    "demand": ["demand", "urge", "call", "ask", "request", "appeal", "press", "push", "insist",
               "plead", "beg", "implore", "pressure", "pressurize", "exhort", "invite", "order",
               "instruct", "command", "petition", "lobby"],
    "refuse": ["refuse", "decline", "reject", "rebuff", "spurn", "veto", "oppose", "resist", "dismiss"],
    "accede": ["accept", "heed", "meet", "satisfy", "fulfil", "fulfill", "grant"],
    "stop": ["halt", "stop", "suspend", "cut", "end", "cancel", "freeze", "reduce", "terminate",
             "discontinue", "lift", "ease", "relax", "remove", "repeal", "revoke", "rescind", "scrap",
             "abandon", "shorten", "postpone", "delay", "cease", "curtail", "drop", "withdraw"],
    "threat": ["threaten", "warn"],
    "hedge": ["hope", "want", "wish", "seek", "try", "attempt", "aim", "propose", "suggest",
              "consider", "mull", "weigh", "contemplate", "favour", "favor", "envisage", "expect",
              "need", "struggle", "prefer"],
    "plan": ["plan", "schedule", "intend", "prepare", "set", "slate", "arrange"],
    "fail": ["fail", "avoid", "refrain", "forgo", "deny"],
    "report": ["say", "tell", "announce", "declare", "state", "report", "add", "confirm", "claim",
               "stress", "reiterate", "note", "indicate", "explain", "assert", "affirm", "insist",
               "argue", "write", "acknowledge", "admit", "reveal", "disclose", "quote", "cite",
               "tweet", "emphasize", "emphasise", "underline", "mention", "recall", "repeat",
               "comment", "remark", "believe", "think", "know", "learn", "hear", "conclude",
               "describe", "predict"],
}
# Adjectives that govern a complement the same way ("ready to", "willing to").
GOVERNING_ADJECTIVES = {"ready": "intent", "willing": "intent", "prepared": "intent",
                        "determined": "intent", "eager": "hedge", "likely": "hedge",
                        "unlikely": "hedge", "able": "hedge", "unable": "fail", "possible": "hedge",
                        "due": "plan", "set": "plan", "expected": "plan", "scheduled": "plan"}
# Nouns that embed what they are about: "the possibility of", "plans for", "hopes of".
GOVERNING_NOUNS = {"possibility": "hedge", "prospect": "hedge", "hope": "hedge", "chance": "hedge",
                   "proposal": "hedge", "idea": "hedge", "plan": "plan", "importance": "hedge",
                   "need": "hedge", "failure": "fail", "attempt": "hedge", "effort": "hedge",
                   "bid": "hedge", "call": "demand", "demand": "demand", "threat": "threat",
                   "offer": "intent", "pledge": "intent", "promise": "intent", "refusal": "refuse",
                   "rejection": "refuse", "decision": "intent", "willingness": "intent",
                   "readiness": "intent", "preparation": "plan", "commitment": "intent", "precondition": "hedge",
                   "condition": "hedge", "question": "hedge", "whether": "hedge",
                   # what a party could do is no event: "the ability of the parties to mobilize"
                   "ability": "hedge", "capacity": "hedge", "right": "hedge", "option": "hedge",
                   "opportunity": "hedge", "freedom": "hedge"}
# Verbs that carry an event noun rather than an event of their own: "held talks", "launched an
# attack", "imposed sanctions". The noun's code is the event's.
LIGHT_VERBS = ["hold", "stage", "launch", "conduct", "carry", "mount", "make", "take", "give", "have",
               "begin", "start", "open", "attend", "join", "resume", "continue", "organize", "organise",
               "lead", "wage", "announce", "declare", "impose", "slap", "introduce", "sign", "conclude",
               "reach", "provide", "grant", "send", "deliver", "extend", "issue", "file", "lodge", "bring",
               "level", "unleash", "perpetrate", "commit", "claim", "host", "convene", "call", "order",
               "approve", "adopt", "enact", "pass", "stage", "mark", "see", "witness", "suffer",
               "face", "undergo", "receive", "get", "offer", "express", "voice", "reiterate", "renew",
               "step", "intensify", "escalate", "expand", "tighten", "broaden", "initiate", "plan",
               "hold", "orchestrate", "coordinate", "spearhead", "mastermind", "engage", "participate",
               "take part", "establish", "restore", "upgrade", "normalize", "normalise", "forge",
               "resume", "re-establish"]

# Event nouns that name the setting of a statement, not an event: "said at a news conference"
# is no consultation (PLOVER CONSULT covers meetings and negotiations between parties).
NON_EVENT_NOUNS = ["news conference", "press conference", "media conference", "press meeting",
                   "news meeting", "press visit", "press release", "news release", "press talks"]
# Verbs that describe what an event noun is rather than do it: "the launch posed no threat",
# "this constitutes an attack on" -- the noun is a description, and nobody acts.
DESCRIPTIVE_VERBS = ["pose", "constitute", "represent", "amount", "resemble", "equal"]
# Who is sent or deployed to help, and what for: "send police instructors to train Bolivian
# officers" is cooperation (PLOVER AID/COOPERATE), not a mobilization, and a promise of it is
# AGREE, not THREATEN. (PLOVER manual, MOBILIZE: forces mobilized for disaster relief are AID.)
COOPERATIVE_PERSONNEL = ["instructor", "trainer", "adviser", "advisor", "expert", "doctor", "medic",
                         "nurse", "engineer", "teacher", "observer", "monitor", "rescuer",
                         "volunteer", "specialist", "technician", "consultant", "mentor",
                         "aid worker", "relief worker", "rescue worker", "rescue team",
                         "medical team", "humanitarian worker", "deminer", "firefighter"]
SENDING_VERBS = ["send", "deploy", "dispatch", "despatch", "station", "post", "assign", "second",
                 "provide", "supply", "contribute", "lend", "fly", "airlift", "mobilize", "mobilise",
                 "move", "rush", "commit", "offer", "pledge", "promise", "train", "recruit"]
COOPERATIVE_PURPOSES = ["train", "help", "assist", "aid", "rebuild", "reconstruct", "advise",
                        "teach", "treat", "rescue", "monitor", "observe", "supervise", "distribute",
                        "feed", "shelter", "heal", "vaccinate", "demine", "clear", "restore",
                        "relieve", "support", "strengthen", "modernize", "modernise", "equip",
                        "educate", "mentor", "coach", "instruct", "evacuate"]
# Parties that PLOVER's agents file does not list but news names as actors.
EXTRA_PARTIES = ["country", "nation", "side", "organiser", "organizer", "team", "supplier", "crowd",
                 "donor", "ally", "neighbour", "neighbor", "partner", "coalition", "alliance",
                 "bloc", "firm", "company", "community", "thousand", "hundred", "dozen", "million",
                 "tens", "faction", "wing", "signatory",
                 "member", "participant", "mourner", "marcher", "striker", "picket", "boycotter",
                 "youth", "youngster", "pensioner", "veteran", "employee", "staff", "crew", "local",
                 "native", "public", "electorate", "populace", "elder", "relative", "family"]
# Verb + preposition that is another verb, and no event: "hailed from Vlore", "attend to the wounded".
NON_EVENT_PHRASAL = ["hail from", "attend to", "stem from", "date from"]
# Phrasal verbs that govern like a single verb ("ruled out sending troops" refuses the sending).
PHRASAL_GOVERNORS = {"rule out": "refuse", "turn down": "refuse", "back away": "refuse"}

# Modifiers that make an event noun planned ("a planned conference", "the upcoming summit").
PLANNED_MODIFIERS = ["planned", "upcoming", "forthcoming", "proposed", "scheduled", "future",
                     "next", "expected", "prospective", "impending", "coming", "anticipated"]
HEDGE_MODALS = ["could", "might", "may", "should", "would", "can", "must", "ought"]

# Words that make a sentence about sports or markets (restraint: "stocks rallied", "Arsenal beat").
SPORTS_CUES = ["match", "game", "goal", "league", "cup", "championship", "tournament", "season",
               "coach", "striker", "midfielder", "defender", "goalkeeper", "innings", "wicket",
               "olympic", "olympics", "medal", "scored", "score", "referee", "stadium", "fixture",
               "semifinal", "semi-final", "quarterfinal", "final", "playoff", "playoffs", "nba", "nfl",
               "fifa", "uefa", "premier", "grand slam", "tennis", "football", "soccer", "cricket",
               "rugby", "basketball", "baseball", "hockey", "golf", "boxing", "race", "lap", "derby",
               "striker", "club", "squad", "team", "teams", "player", "players", "fans", "champion",
               # cricket scorecards in prose: "dismissed the opener for a duck with his second ball"
               "opener", "batsman", "batsmen", "bowler", "bowlers", "bowled", "wickets", "ball",
               "duck"]
MARKET_CUES = ["stock", "stocks", "share", "shares", "index", "indices", "dow", "nasdaq", "ftse",
               "nikkei", "dax", "bond", "bonds", "yield", "yields", "currency", "dollar", "euro",
               "yen", "investor", "investors", "trading", "traders", "market", "markets", "price",
               "prices", "commodity", "commodities", "crude", "futures", "equities", "rupee",
               "sterling", "gold", "earnings", "profit", "profits", "revenue", "sales"]
# Lifting a curfew or a state of emergency is CONCEDE (manual, CONCEDE: "removing curfews"), so
# _STOP sends 1723/1724 to 081 rather than the table's RETREAT 0813/0814.

# Triggers that those cues defuse (a sports or market sentence keeps its other events).
SPORTS_SENSITIVE = ["beat", "defeat", "attack", "strike", "fight", "shoot", "battle", "clash",
                    "kill", "crush", "thrash", "hammer", "rout", "capture", "hit", "sanction", "ban",
                    "charge", "protest", "boycott", "threaten", "blast", "raid", "storm", "seize",
                    "suspend", "expel", "fire", "overrun", "retake", "claim", "dismiss"]
MARKET_SENSITIVE = ["rally", "attack", "hit", "strike", "crash", "plunge", "surge", "retreat",
                    "slump", "fight", "battle", "recover", "support", "cut", "drop", "fall",
                    "pressure", "release", "boost", "lift", "ease", "withdraw", "seize", "halt",
                    "suspend", "threaten", "rebound"]

# ASSAULT modes from words near the trigger (PLOVER manual, ASSAULT modes table).
ASSAULT_MODE_CUES = {
    "explosives": ["bomb", "bombing", "explosive", "explosion", "blast", "ied", "mine", "landmine",
                   "minefield", "grenade", "detonate", "explode", "car bomb", "device"],
    "suicide-attack": ["suicide", "suicide bomber", "self-immolation"],
    "firearms": ["gun", "gunfire", "gunmen", "gunman", "shoot", "shot", "shooting", "rifle",
                 "pistol", "sniper", "gunbattle", "firefight", "bullet", "machine gun"],
    "aerial": ["airstrike", "air strike", "air raid", "aircraft", "warplane", "jet", "helicopter",
               "bomber", "air force"],
    "drone": ["drone", "uav", "unmanned"],
    "heavy-weapons": ["artillery", "shell", "shelling", "mortar", "rocket", "tank", "missile",
                      "howitzer", "barrage", "bombardment"],
    "primitive": ["machete", "knife", "axe", "rock", "stone", "sword", "arson", "torch", "club"],
    "abduct": ["kidnap", "abduct", "hijack", "hostage", "kidnapping", "abduction"],
    "torture": ["torture"],
    "sexual": ["rape", "sexual"],
    "targeted": ["assassinate", "assassination", "execute", "execution", "massacre", "behead"],
    "beat": ["beat", "beating", "punch", "kick"],
    "crowd-control": ["tear gas", "teargas", "water cannon", "rubber bullet", "baton"],
    "unconventional": ["chemical weapon", "sarin", "nerve agent", "biological weapon",
                       "nuclear weapon", "dirty bomb"],
}
# CONSULT modes from the trigger words.
CONSULT_MODE_CUES = {"phone": ["phone", "telephone", "call", "video", "videoconference", "letter"],
                     "visit": ["visit", "host", "state visit"]}


# ---------------------------------------------------------------------------------------------
# Readers

def read_cameo(ref: Path) -> dict[str, dict]:
    names = {}
    for line in (ref / "cameo" / "CAMEO.eventcodes.txt").read_text(encoding="utf-8").splitlines()[1:]:
        code, _, name = line.partition("\t")
        if code.strip():
            names[code.strip()] = name.strip()
    gold = {}
    for line in (ref / "cameo" / "CAMEO.goldsteinscale.txt").read_text(encoding="utf-8").splitlines()[1:]:
        code, _, score = line.partition("\t")
        if code.strip():
            gold[code.strip()] = float(score)
    table = read_cameo2plover(ref)
    out = {}
    for code, name in names.items():
        if len(code) < 3:
            continue
        entry = {"name": name, "goldstein": gold.get(code), "quad": quad_class(code)}
        if code in table:
            entry.update(table[code])
        out[code] = entry
    for code, row in table.items():  # codes in the PLOVER table but not in GDELT's list
        if code not in out:
            out[code] = {"name": row["name_"], "goldstein": gold.get(code, gold.get(code[:3])),
                         "quad": quad_class(code), **row}
    for row in out.values():
        row.pop("name_", None)
    return out


def quad_class(code: str) -> int:
    """GDELT QuadClass from the CAMEO root: 01-05 verbal cooperation ... 14-20 material conflict."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def read_cameo2plover(ref: Path) -> dict[str, dict]:
    out = {}
    for line in (ref / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([^#]*)#?\s*(.*)$", line)
        if not m:
            continue
        code, fields, comment = m.group(1), m.group(2), m.group(3)
        parts = [p.strip() for p in fields.split(",")]
        event = parts[0].upper()
        if event not in EVENT_TYPES:
            raise SystemExit(f"unknown PLOVER event {event!r} for {code}")
        mode = parts[1].strip().lower() if len(parts) > 1 else ""
        mode = MODE_FIXES.get((event, mode), mode)
        contexts = []
        if len(parts) > 2:
            for c in re.split(r"[;]", parts[2]):
                c = CONTEXT_FIXES.get(c.strip().lower(), c.strip().lower())
                if c in PLOVER_CONTEXTS:
                    contexts.append(c)
                elif c in PLOVER_MODES.get(event, ()) and not mode:
                    mode = c
        if mode and mode not in PLOVER_MODES.get(event, ()):
            if mode in PLOVER_CONTEXTS and mode not in contexts:
                contexts.append(mode)
            mode = ""
        if code in out:  # 175 is listed twice with the same content
            continue
        out[code] = {"event": event, "mode": mode, "context": contexts, "name_": comment.split("21.09")[0].strip()}
    return out


_COMMENT = re.compile(r"<!--.*?-->|#.*$|;.*$")


def read_verb_dictionary(path: Path, cameo: dict) -> tuple[dict, list]:
    """PETRARCH verb blocks -> (synsets, blocks). A block: its code, verbs and patterns."""
    synsets: dict[str, list[list[str]]] = {}
    blocks: list[dict] = []
    block = None
    current_syn = None
    skipped = 0
    for raw in path.read_text(encoding="latin-1").splitlines():
        header = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", raw)
        if header:
            block = {"name": header.group(1), "code": norm_code(header.group(2), cameo)[0],
                     "verbs": [], "patterns": []}
            blocks.append(block)
            current_syn = None
            continue
        line = _COMMENT.sub("", raw).rstrip()
        if not line.strip():
            current_syn = None
            continue
        if line.startswith("&"):
            current_syn = line.strip().rstrip("_")
            synsets[current_syn] = []
            continue
        if current_syn and line.startswith("+"):
            words = line[1:].strip().rstrip("_").replace("_", " ").lower().split()
            if words:
                synsets[current_syn].append(words)
            continue
        if block is None:
            continue
        if line.startswith("-"):
            pat = parse_pattern(line[1:], cameo)
            if pat is None:
                skipped += 1
            else:
                block["patterns"].append(pat)
            continue
        verb = parse_verb_line(line, cameo)
        if verb:
            block["verbs"].append(verb)
    return synsets, [b for b in blocks if b["verbs"]]


def norm_code(text: str, cameo: dict) -> tuple[str | None, bool]:
    """A dictionary code field -> (CAMEO code or None for "no event", swapped roles)."""
    text = text.strip()
    swap = False
    if ":" in text:
        first, _, second = text.partition(":")
        if first.strip():
            text = first
        else:
            text, swap = second, True
    text = text.strip()
    if not re.fullmatch(r"\d{3,4}", text):
        return None, swap
    text = APPEAL_TO_DEMAND.get(text, text)
    text = RECODE.get(text, text)
    if text.startswith("01"):
        return None, swap
    if text not in cameo:
        text = text[:3] if text[:3] in cameo else None
    return text, swap


def parse_verb_line(line: str, cameo: dict) -> dict | None:
    code = None
    m = re.search(r"\[([^\]]*)\]", line)
    if m:
        code = norm_code(m.group(1), cameo)[0] or "---"
        line = line[:m.start()]
    line = re.sub(r"\{[^}]*\}", "", line).strip()
    if not line:
        return None
    word = line.split()[0]
    if "_" in word:
        parts = word.split("_")
        idx = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
        parts = [p.lstrip("+").lower() for p in parts]
        if not all(parts):
            return None
        return {"lemma": parts[idx], "before": parts[:idx], "after": parts[idx + 1:], "code": code}
    word = word.lstrip("+").lower()
    if not re.fullmatch(r"[a-z][a-z'-]*", word):
        return None
    return {"lemma": word, "before": [], "after": [], "code": code}


def parse_pattern(text: str, cameo: dict) -> list | None:
    m = re.search(r"\[([^\]]*)\]", text)
    if not m:
        return None
    code, swap = norm_code(m.group(1), cameo)
    body = text[:m.start()]
    if "*" not in body:
        return None
    pre_txt, _, post_txt = body.partition("*")

    def words(s: str) -> list[str]:
        s = re.sub(r"[{}()]", " ", s)
        out = []
        for w in s.split():
            if w in {"$", "+", "%", "^", "**"} or not w:
                continue
            w = w.strip("$+%^")
            if w.startswith("&"):
                out.append(w.rstrip("_"))
            elif re.fullmatch(r"[A-Za-z][A-Za-z'_-]*", w):
                out.extend(x.lower() for x in w.split("_") if x)
        return out

    pre, post = words(pre_txt), words(post_txt)
    if not pre and not post:
        return None
    if code in TRIAL_RECODE and {"trial", "retrial", "re-trial"} & set(pre + post):
        code = TRIAL_RECODE[code]
    return [pre, post, code, swap]


# ---------------------------------------------------------------------------------------------

def derive_table(table: dict[str, str], cameo: dict) -> dict[str, str]:
    """Expand a prefix table to every CAMEO code: the longest matching prefix wins."""
    out = {}
    for code in cameo:
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                out[code] = table[code[:n]]
                break
    for k, v in out.items():
        if v not in cameo:
            raise SystemExit(f"derivation {k} -> {v}: not a CAMEO code")
    return out


# Parties the agents file lacks, mostly the people events happen to.
EXTRA_AGENTS = ["hostage", "captive", "suspect", "national", "opponent", "inspector", "observer",
                "peacekeeper", "monitor", "abductee", "victim", "resident", "villager", "passenger",
                "tourist", "settler", "militiaman", "gunman", "bomber", "jihadist", "separatist"]


def read_agent_heads(ref: Path) -> list[str]:
    subs = {"!PERSON!": ["man", "men", "woman", "women", "person"],
            "!MINIST!": ["minister", "ministers", "ministry", "ministries"]}
    heads: set[str] = set()
    for raw in (ref / "dictionaries" / "Phoenix.agents.txt").read_text(encoding="latin-1").splitlines():
        line = _COMMENT.sub("", raw).strip()
        if not line or "[" not in line or line.startswith("!"):
            continue
        phrase = line.split("[")[0].strip()
        plural = re.findall(r"\{([^}]*)\}", phrase)
        phrase = re.sub(r"\{[^}]*\}", "", phrase).strip().rstrip("_")
        last = re.split(r"[\s_]+", phrase)[-1] if phrase else ""
        for key, words in subs.items():
            if key in last:
                heads.update(last.replace(key, "").lower() + w if last.startswith(key) is False else w
                             for w in words)
                last = ""
        last = last.lower().strip("-")
        if re.fullmatch(r"[a-z][a-z'-]+", last or ""):
            heads.add(last)
        for p in plural:
            for w in p.split():
                w = w.lower().strip("_")
                if re.fullmatch(r"[a-z][a-z'-]+", w):
                    heads.add(w.split("_")[-1])
    return sorted(h for h in heads if len(h) > 2)


# Nationality words two states share, coded as the actor KB codes them so that an event's roles
# and the article's actors agree: "Congolese" names the people of both Congos; NGEC's table lists
# it under the Republic of the Congo only, CountryInfo (the actor KB) under the DRC, the larger
# and the one the news mostly means.
SHARED_DEMONYMS = {"congolese": "COD"}


def read_demonyms(ref: Path) -> dict[str, str]:
    import csv
    out: dict[str, str] = dict(SHARED_DEMONYMS)
    with open(ref / "ngec" / "countries.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["CCA3"].strip()
            if not re.fullmatch(r"[A-Z]{3}", code):
                continue
            for w in [row["Name"], *row["Nationality"].split(",")]:
                w = w.strip().lower()
                if w and len(w.split()) <= 3 and w not in out:
                    out[w] = code
    return out


def build(reference: Path) -> dict:
    cameo = read_cameo(reference)
    synsets, blocks = read_verb_dictionary(reference / "dictionaries" / "CAMEO.2.0.txt", cameo)
    for noun, entry in NOUNS.items():
        if entry["code"] and "event" not in cameo.get(entry["code"], {}):
            raise SystemExit(f"noun {noun!r}: unknown CAMEO code {entry['code']}")
        if not entry["code"] and entry["event"] not in EVENT_TYPES:
            raise SystemExit(f"noun {noun!r}: needs a CAMEO code or a PLOVER event")
    verb_codes = {v: APPEAL_TO_DEMAND.get(c, c) for v, c in VERB_CODES.items()}
    for verb, code in verb_codes.items():
        if ":" in code:
            event, _, mode = code.partition(":")
            if event not in EVENT_TYPES or mode not in PLOVER_MODES.get(event, ()):
                raise SystemExit(f"verb {verb!r}: bad PLOVER event/mode {code}")
        elif code and "event" not in cameo.get(code, {}):
            raise SystemExit(f"verb {verb!r}: CAMEO code {code} has no PLOVER event")
    return {
        "version": 1,
        "sources": [
            "GDELT CAMEO event codes and Goldstein scale (open data)",
            "PLOVER CAMEO2PLOVER-2021.txt, CC BY-SA 4.0, Open Event Data Alliance",
            "PETRARCH-2 CAMEO.2.0.txt verb dictionary, MIT, Open Event Data Alliance",
            "communique event nouns, verb codes, governor classes and derivations (this script)",
        ],
        "cameo": cameo,
        "synsets": synsets,
        "blocks": blocks,
        "verb_codes": verb_codes,
        "nouns": NOUNS,
        "governors": GOVERNORS,
        "governing_adjectives": GOVERNING_ADJECTIVES,
        "governing_nouns": GOVERNING_NOUNS,
        "planned_modifiers": PLANNED_MODIFIERS,
        "light_verbs": sorted(set(LIGHT_VERBS)),
        "hedge_modals": HEDGE_MODALS,
        "derive": {name: derive_table(t, cameo) for name, t in
                   (("intent", _INTENT), ("demand", _DEMAND), ("refuse", _REFUSE), ("threat", _THREAT),
                    ("stop", _STOP), ("accede", _ACCEDE))},
        "modes": {"ASSAULT": ASSAULT_MODE_CUES, "CONSULT": CONSULT_MODE_CUES},
        "plover_modes": PLOVER_MODES,
        "demonyms": read_demonyms(reference),
        "agent_heads": sorted(set(read_agent_heads(reference)) | set(EXTRA_AGENTS) | set(EXTRA_PARTIES)),
        "non_event_nouns": NON_EVENT_NOUNS,
        "descriptive_verbs": DESCRIPTIVE_VERBS,
        "cooperative_personnel": COOPERATIVE_PERSONNEL,
        "cooperative_purposes": COOPERATIVE_PURPOSES,
        "sending_verbs": SENDING_VERBS,
        "phrasal_governors": PHRASAL_GOVERNORS,
        "non_event_phrasal": NON_EVENT_PHRASAL,
        "restraint": {"sports": SPORTS_CUES, "markets": MARKET_CUES,
                      "sports_sensitive": SPORTS_SENSITIVE, "market_sensitive": MARKET_SENSITIVE},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    data = build(args.reference)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
    with open(args.out, "wb") as fh:  # mtime 0: the file is byte-identical on rebuild
        with gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
            gz.write(raw)
    n_pat = sum(len(b["patterns"]) for b in data["blocks"])
    print(f"{args.out}: {len(data['cameo'])} CAMEO codes, {len(data['blocks'])} verb blocks, "
          f"{n_pat} patterns, {len(data['nouns'])} nouns ({len(raw) // 1024} KiB raw)")


if __name__ == "__main__":
    main()
