"""PLOVER conventions that turn on who acts and to what end, read once a frame's words are known.

- A government that "protests" makes a diplomatic protest: ACCUSE 'disapprove', not PROTEST, which
  "presumes significant physical/material activity" by civilians (manual, PROTEST ambiguities);
  a state that "blocks" a decision rejects it.
- Forces or people sent to train, advise or help are cooperation (AID, or COOPERATE for police
  and military trainers), not a mobilization (manual, MOBILIZE: "mobilizing police or military
  forces for disaster relief should be coded as AID"); so a promise of them is AGREE, not THREATEN.
  Forces sent against a party are a mobilization, whatever the dictionary says of "send troops".
- Missiles launched or tested with nobody and nowhere as their target are a show of force
  (MOBILIZE 'weapons', CAMEO 150), not an assault.
- An event noun that a verb only describes ("the launch posed no threat", "this constitutes an
  attack") is no act of anyone; a "threat" to a thing ("threatens national security") is a figure
  of speech.
- An "attack" on an idea, or one someone makes "for" what another did, is said, not fought:
  ACCUSE 'disapprove' (CAMEO 111), not ASSAULT.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import word_forms
from .codebook import Codebook
from .roles import ActorIndex, Filler, party, prep_objects

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "IGO", "LEG", "JUD", "SPY"})
"""Sectors of the state and of intergovernmental bodies: their protests are diplomatic."""
DEMONSTRATION_CODES = frozenset({"140", "141", "1411", "1412", "1413", "1414"})
OBSTRUCTION_CODES = frozenset({"144", "1441", "1442", "1443", "1444"})
SECURITY_WORDS = frozenset({"police", "military", "army", "security", "defence", "defense", "naval",
                            "navy", "soldier", "officer", "troop", "force", "policeman", "border"})
WEAPONS = frozenset({"missile", "rocket", "projectile", "warhead", "icbm", "slbm", "munition"})
TARGET_PREPS = frozenset({"at", "on", "against", "toward", "towards", "onto", "into", "over"})
_OPEN_WATER = frozenset({"sea", "ocean", "water", "waters", "gulf", "bay", "strait"})


def is_state(fillers: list[Filler]) -> bool:
    """True when every party that acts is a state, its government or an intergovernmental body."""
    found = [f.actor for f in fillers if f.actor is not None]
    if not found or len(found) < len(fillers):
        return False
    return all((a.sector or "") in STATE_SECTORS or (a.kind == "country" and not a.sector) for a in found)


def state_protest(code: str | None, actors: list[Filler]) -> tuple[str, str] | None:
    """(new code, note) when a state's "protest" or "blocking" is verbal, else None."""
    if code is None or not is_state(actors):
        return None
    if code in DEMONSTRATION_CODES:
        return "111", "a state's protest is diplomatic: ACCUSE disapprove 111 (PLOVER, PROTEST)"
    if code in OBSTRUCTION_CODES:
        return "120", "a state blocking a decision rejects it: REJECT 120 (PLOVER, PROTEST)"
    return None


def cooperative_deployment(head: Token, cb: Codebook) -> tuple[str, str] | None:
    """(code, note) when the verb at ``head`` sends people to help or train: 062 for police or
    military trainers (cooperate militarily), 070 (provide aid) for others; else None."""
    if head.pos_ not in ("VERB", "AUX") or not set(word_forms(head)) & cb.sending_verbs:
        return None
    sent = theme(head)
    helpers = sent is not None and _personnel(sent, cb)
    purpose = next((c for c in head.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower()
                    in cb.cooperative_purposes and any(a.lower_ == "to" for a in c.children)), None)
    if purpose is None and sent is not None:
        purpose = next((c for c in sent.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower()
                        in cb.cooperative_purposes), None)
    if not helpers and purpose is None:
        return None
    words = {t.lemma_.lower() for t in sent.subtree} if sent is not None else set()
    security = bool(words & SECURITY_WORDS)
    code = "062" if security else "070"
    why = f"'{sent.text}' sent" if helpers else f"sent to '{purpose.text}'"
    kind = "military/police cooperation 062" if security else "aid 070"
    return code, f"{why}: cooperation, not mobilization -> {kind} (PLOVER, MOBILIZE)"


HOSTILE_PURPOSES = frozenset({"fight", "attack", "crush", "quell", "suppress", "invade", "occupy", "seize",
                              "retake", "recapture", "storm", "destroy", "defeat", "punish", "strike"})


def hostile_deployment(head: Token, cb: Codebook, index: ActorIndex) -> tuple[str, str] | None:
    """(code, note) when forces are sent against a party ("send troops against the rebels",
    "deployed troops to crush the revolt"): MOBILIZE 154, whatever PETRARCH's "send troops" says
    (062, cooperation) -- so that a promise of it is THREATEN, not AGREE."""
    if head.pos_ not in ("VERB", "AUX") or not set(word_forms(head)) & cb.sending_verbs:
        return None
    sent = theme(head)
    targets = prep_objects(head) + (prep_objects(sent) if sent is not None else [])
    foe = next((o for p, o in targets if p == "against" and party(o, index)), None)
    if foe is not None:
        return "154", f"forces sent against '{foe.text}': MOBILIZE 154, not cooperation"
    purpose = next((c for c in head.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower()
                    in HOSTILE_PURPOSES), None)
    if purpose is not None:
        return "154", f"forces sent to '{purpose.text}': MOBILIZE 154, not cooperation"
    return None


def _personnel(theme: Token, cb: Codebook) -> bool:
    lemma = theme.lemma_.lower()
    if lemma in cb.cooperative_personnel:
        return True
    prev = next((c for c in theme.children if c.dep_ in ("compound", "amod") and c.i == theme.i - 1), None)
    return prev is not None and f"{prev.lemma_.lower()} {lemma}" in cb.cooperative_personnel


def theme(head: Token) -> Token | None:
    """What the verb sends or launches: its object, or the subject of its passive."""
    return next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)


def weapon_display(head: Token, index: ActorIndex, place_countries: dict[int, str | None]) -> bool:
    """True when the verb at ``head`` launches or fires a weapon at no party and no country's
    territory ("fired two missiles into the sea", "the missiles were launched from Wonsan")."""
    if head.pos_ not in ("VERB", "AUX"):
        return False
    weapon = theme(head)
    if weapon is None or weapon.lemma_.lower() not in WEAPONS:
        return False
    for prep, obj in prep_objects(head) + prep_objects(weapon):
        if prep not in TARGET_PREPS:
            continue
        if obj.lemma_.lower() in _OPEN_WATER or (obj.pos_ == "PROPN" and any(
                c.lower_ in _OPEN_WATER for c in obj.subtree)):
            continue
        if party(obj, index) or place_countries.get(obj.i):
            return False
    return not any(c.dep_ in ("dobj", "dative") and c.i != weapon.i and party(c, index) for c in head.children)


def described(noun: Token, cb: Codebook) -> str | None:
    """Why the event noun at ``noun`` is only described, or None: "the launch posed no threat";
    or names no event at all: "a demonstration of Iran's contempt"."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    of = next((o for p, o in prep_objects(noun) if p == "of"), None)
    if of is not None and noun.lemma_.lower() in ("demonstration", "show", "display") \
            and of.pos_ == "NOUN" and of.lemma_.lower().endswith(_ABSTRACT + ("t", "e")) \
            and not any(c.dep_ == "poss" for c in of.children if c.ent_type_ == "") \
            and of.lemma_.lower() not in cb.agent_heads:
        return f"'{noun.text} of {of.text}': a display, not a protest"
    if noun.dep_ not in ("dobj", "attr"):
        return None
    v = noun.head
    if v.lemma_.lower() in cb.descriptive_verbs:
        return f"'{v.text} ... {noun.text}' describes, nobody acts"
    return None


ATTACK_WORDS = frozenset({"attack", "assault", "blast", "slam", "lash", "hit"})


FIGHT_WORDS = frozenset({"fight", "battle", "combat", "tackle", "war", "struggle"})
NOT_ARMED = frozenset({"political", "legal", "diplomatic", "verbal", "court", "electoral", "election",
                       "courtroom", "bureaucratic", "rhetorical", "personal", "trade", "price"})
_ABSTRACT = ("tion", "sion", "ism", "ity", "ance", "ence", "ness", "ment", "cy", "ing")


def figurative(head: Token, event: str, index: ActorIndex) -> str | None:
    """Why a THREATEN or ASSAULT at ``head`` is a figure of speech, or None: "the strike threatens
    the economy", "fighting corruption", "his old political battles"."""
    if event == "ASSAULT" and head.lemma_.lower() in FIGHT_WORDS:
        kind = next((c for c in head.children if c.dep_ in ("amod", "compound")
                     and c.lower_ in NOT_ARMED), None)
        if kind is not None:
            return f"'{kind.text} {head.text}' is no armed fight"
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None and not party(obj, index) and not owned(obj) \
                and obj.lemma_.lower().endswith(_ABSTRACT):
            return f"'{head.text} {obj.text}': a fight against a problem, not a party"
        return None
    if event != "THREATEN" or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("xcomp", "ccomp") for c in head.children):
        return None  # "threatened to retaliate": a threat of an act
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None or party(obj, index) or obj.lemma_.lower() in index.event_words or owned(obj):
        return None
    return f"'{head.text} {obj.text}': a danger to a thing, not a threat to a party"


def verbal_attack(head: Token, actors: list[Filler], index: ActorIndex) -> tuple[str, str] | None:
    """(code, note) when an "attack" is verbal: aimed at no party ("an attack on individualism")
    or made "for" something the target did ("attacked Washington for its arms sales")."""
    if head.lemma_.lower() not in ATTACK_WORDS:
        return None
    objs = [o for p, o in prep_objects(head) if p in ("on", "against")
            and o.ent_type_ not in ("DATE", "TIME")]  # "attacked on Sunday" says when
    objs += [c for c in head.children if c.dep_ == "dobj"]
    if any(p == "for" and o.pos_ in ("NOUN", "PROPN") and not party(o, index) for p, o in prep_objects(head)):
        return "111", "an attack 'for' what someone did is criticism: ACCUSE disapprove 111"
    if objs and not any(party(o, index) or owned(o) or o.lemma_.lower() in PHYSICAL_TARGETS for o in objs):
        return "111", f"an attack on '{objs[0].text}', no party: criticism, ACCUSE disapprove 111"
    return None


PHYSICAL_TARGETS = frozenset("""city town village capital base camp position positions stronghold
outpost convoy headquarters office home house building station embassy consulate checkpoint post
airport port harbour harbor ship vessel tanker plane aircraft helicopter train bus car hospital
school market mosque church temple synagogue prison jail bridge road pipeline plant refinery
barracks garrison airfield airbase fort compound district neighbourhood neighborhood area region
province zone territory island""".split())
"""What an attack on is a physical attack ("attacked the city"), not words against an idea."""


def owned(tok: Token) -> bool:
    """A thing named with its owner ("Israel's border", "the Palestinian economy")."""
    return any(c.dep_ == "poss" for c in tok.children) or any(
        c.ent_type_ in ("GPE", "NORP", "ORG") for c in tok.children if c.dep_ in ("amod", "compound"))


_SAYING = frozenset({"comment", "elaborate", "speculate", "answer", "respond", "discuss", "identify", "name",
                     "specify", "detail"})
_INFORMATION = frozenset({"detail", "information", "comment", "figure", "name", "number", "reason",
                          "explanation", "breakdown", "estimate"})


def refusal_to_say(head: Token, cb: Codebook) -> str | None:
    """Why a refusal at ``head`` is only a refusal to say something, or None: "declined to comment",
    "refused to provide details" (the stock phrase of wire reports, not a political rejection)."""
    comp = next((c for c in head.children if c.dep_ in ("xcomp", "ccomp")), None)
    if comp is None:
        return None
    lemma = comp.lemma_.lower()
    about = [o for c in comp.children for o in ([c] if c.dep_ == "dobj" else
             [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [])]
    if any(o.lemma_.lower() in cb.governing_nouns or o.lemma_.lower() in cb.noun_heads for o in about):
        return None  # "refused to respond to a demand" rejects the demand
    said = lemma in _SAYING or cb.governors.get(lemma) == "report"
    if not said:
        obj = next((c for c in comp.children if c.dep_ == "dobj"), None)
        said = obj is not None and obj.lemma_.lower() in _INFORMATION
    return f"'{head.text} to {comp.text}': declining to say, not rejecting" if said else None
