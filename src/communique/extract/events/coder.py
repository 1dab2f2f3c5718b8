"""Frames -> ``Event`` records: status and its PLOVER consequences, roles, date, place, mode.

PLOVER conventions applied to the status (manual, "Potential ambiguities" of each category):
a planned cooperative act is coded AGREE (CAMEO 03, "express intent to"), a planned conflictual
one THREATEN (CAMEO 13), both keeping the act itself as the second type; "won't attend" is itself
a refusal (REJECT, reported), not a negated meeting.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...schema import Event, Place, Span as TextSpan, TextInfo, TimeExpr, make_id
from . import anchors, completion, conventions
from .clauses import Standing, event_predicate, governor_class, own_standing, word_forms
from .codebook import Codebook
from .docview import DocView
from .frames import Frame
from .roles import RECIPIENT_PREPS, OF_IS_ACTOR, Filler, Resolver, actor_like, agent, is_passive, own_subject, \
    PRONOUNS, conjuncts, np_span, party, prep_objects, stance, subject

COOP_MATERIAL = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT"}
CONFLICT_MATERIAL = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
COOPERATIVE = COOP_MATERIAL | {"AGREE", "CONCEDE"}
# Acts done by saying: only a party that speaks can be their actor (a launch cannot condemn).
VERBAL = {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"}
# GDELT's QuadClass for the PLOVER types that some entries give without a CAMEO code.
QUAD_OF_TYPE = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 2, "COOPERATE": 2, "AID": 2,
                "RETREAT": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4,
                "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
INSTRUMENTS = {"bomb", "device", "ied", "mine", "explosive", "shell", "rocket", "missile", "grenade",
               "car", "vehicle", "drone", "blast", "explosion", "bombing", "attack", "fire", "gunfire",
               "mortar", "artillery", "landmine", "minefield"}
HAZARDS = frozenset("""landslide landslides mudslide mudslides earthquake quake earthquakes flood floods
flooding floodwaters rainstorm snowstorm thunderstorm typhoon cyclone hurricane tornado avalanche tsunami
drought heatwave lightning accident accidents crash collision derailment stampede""".split())
"""Natural and accidental causes of death: no one's act, unless the sentence also says arms."""
ARMED = frozenset("""gunman gunmen bomb bomber bombing explosive ied suicide airstrike drone missile rocket
shelling artillery grenade militant rebel guerrilla insurgent terrorist soldier soldiers troops
militia gun sniper ambush attack attacker attackers shoot shot blast explosion mortar machete
weapon arson""".split())
TOPIC_VERBS = frozenset({"discuss", "debate", "consider", "review", "examine", "address", "tackle",
                         "study", "explore"})
"""Verbs whose object is what a meeting is about."""
FIRED = (INSTRUMENTS | conventions.WEAPONS) - {"attack", "bombing", "blast", "explosion", "car", "vehicle"}
"""Weapons a verb fires or launches (not events such as "attacks", whose target is the target)."""
CONSULT_CODE_OF_MODE = {"third-party": "044", "phone": "041", "visit": "042"}
BASE_CONFIDENCE = {"pattern": 0.75, "verb": 0.65, "noun": 0.6, "default": 0.45, "content": 0.6}
VIOLENCE_CUES = {"soldier", "troops", "army", "military", "police", "policeman", "force", "militia",
                 "militant", "rebel", "guerrilla", "insurgent", "gunman", "gunmen", "terrorist",
                 "jihadist", "fighter", "bomber", "bomb", "explosive", "ied", "suicide", "airstrike",
                 "drone", "missile", "rocket", "shelling", "artillery", "tank", "warplane",
                 "helicopter", "security", "government", "regime", "extremist", "separatist",
                 "paramilitary", "junta", "authorities", "officer", "occupation", "war", "blast",
                 "explosion", "grenade", "protester", "demonstrator", "activist", "opposition",
                 "militiaman", "militiamen", "machete", "weapon", "gun", "shell", "mortar", "hostage",
                 "kidnapper", "soldiers", "forces", "guard", "commando", "sniper", "coup", "ambush",
                 "jihad", "insurgency", "detainee", "prisoner", "dissident", "journalist",
                 # political allegiances make a detention or a killing political
                 "leftist", "rightist", "communist", "nationalist", "islamist", "marxist", "maoist",
                 "loyalist", "republican", "unionist", "politician", "party", "political"}


class Coder:
    def __init__(self, parsed, cb: Codebook, resolver: Resolver, times: list, places: list,
                 view: DocView | None = None) -> None:
        self.view = DocView(parsed.doc) if view is None else view
        self.text = parsed.text
        """The text the doc was parsed from (``doc.text`` rebuilds it from every token)."""
        self.doc_id = parsed.clean.id
        self.published = (parsed.clean.published or "")[:10] or None
        self.cb = cb
        self.resolver = resolver
        self.times = times
        self.places = places
        self.sentence_country: str | None = None
        self.mode_override: str | None = None
        self.theme: Token | None = None
        """What the event's verb sends or launches ("instructors", "missiles"): no recipient."""
        self.host: Token | None = None
        """The verb a protest is the purpose of, for the event being coded."""
        self.trigger_heads: set[int] = set()
        """Tokens that carry an event of their own in the sentence being coded."""
        self.undated: set[str] = set()
        """Ids of the events dated by the publication date for want of a date in the text."""
        self.place_countries = {i: p.country_code for s0, e0, p in places for i in range(s0, e0)}

    # -- status -----------------------------------------------------------------------------

    def status(self, f: Frame) -> tuple[str | None, list[str]]:
        """The status, or None when the frame is no event (a purpose or an embedded possibility)."""
        st = f.st
        why = list(st.why)
        if st.modal == "purpose" and self._gathering_to_protest(f):
            # "thousands marched through Colombo to protest against X": PLOVER's PROTEST is the
            # gathering itself ("rally, gather to protest a policy"); it happened as the march did
            st.modal = None
            self.host = f.head.head
            host = Standing()
            own_standing(f.head.head, self.cb, host, self.view)
            st.negated, st.future, st.modal, st.planned = host.negated, host.future, host.modal, host.planned
            why.append(f"'{f.head.head.text} ... to {f.head.text}' is the protest")
        if st.modal == "purpose":
            return None, why + ["purpose clause"]
        if st.modal == "would":
            if st.reported_speech is not None and not st.conditional:
                st.modal, st.future = None, True
                why.append(f"'would' in what '{st.reported_speech.text}' reports: future")
            else:
                why.append("'would'")
        if st.modal in ("attempt", "try") and self._is_assault(f):
            st.modal, st.planned, st.future = None, False, False  # CAMEO 185: it happened
            why.append("an attempt at violence is violence")
        if st.modal in ("possibility", "importance", "need", "prospect", "chance", "question",
                        "whether", "hope", "idea", "condition", "precondition"):
            return None, why + ["only a possibility"]
        if st.modal in ("must", "should", "ought") and f.gov_class != "demand":
            why.append(f"'{st.modal}'")
        return st.status(), why

    def _gathering_to_protest(self, f: Frame) -> bool:
        """A protest that is the purpose of the verb it hangs on, when that verb is no event of
        its own (march, gather, take to the streets) -- not "arrested them to stop the protest"."""
        info = self.cb.info(f.code)
        host = f.head.head
        return ((info.event if info else f.event) == "PROTEST" and f.head.dep_ == "advcl"
                and host.pos_ in ("VERB", "AUX") and host.i not in self.trigger_heads)

    def _is_assault(self, f: Frame) -> bool:
        info = self.cb.info(f.code)
        return (info.event if info else f.event) == "ASSAULT"

    def recode(self, f: Frame, status: str) -> tuple[str | None, list[str], str, list[str]]:
        """(code, events, status, notes) after PLOVER's status conventions."""
        cb = self.cb
        info = cb.info(f.code)
        main = info.event if info else f.event
        notes = []
        if main is None:
            return None, [], status, notes
        code = f.code
        if f.gov_class is None and main == "MOBILIZE":
            coop = conventions.cooperative_deployment(f.head, cb)
            if coop is not None:
                code, note = coop
                main = cb.info(code).event
                notes.append(note)
                self.theme = conventions.theme(f.head)
        if f.gov_class is None and main in ("COOPERATE", "AID"):
            hostile = conventions.hostile_deployment(f.head, cb, self.resolver.index)
            if hostile is not None:
                code, note = hostile
                main = cb.info(code).event
                notes.append(note)
        if f.gov_class is None and main in ("MOBILIZE", "COOPERATE", "AID") and \
                set(word_forms(f.head)) & cb.sending_verbs:
            self.theme = conventions.theme(f.head)  # the troops sent are not whom they are sent to
        if f.gov_class is None and main == "ASSAULT" and conventions.weapon_display(
                f.head, self.resolver.index, self.place_countries):
            code, main, self.mode_override = "150", "MOBILIZE", "weapons"
            self.theme = conventions.theme(f.head)
            notes.append("weapons launched at no target: a show of force, MOBILIZE weapons 150")
        events = [main]
        # "will meet", "would meet if ...": an act announced for later
        later = status == "planned" or (f.st.conditional and (f.st.future or f.st.modal == "would"))
        if f.gov_class is None and info is not None:
            if status == "negated" and f.st.future and main in COOPERATIVE:
                refused = cb.derived("refuse", code)
                if refused:
                    notes.append(f"'will not' + {main} is a refusal -> {refused}")
                    return refused, [cb.info(refused).event], "reported", notes
            if later and main in COOP_MATERIAL:
                intent = cb.derived("intent", code)
                if intent:
                    notes.append(f"planned {main} -> express intent {intent} (PLOVER: AGREE)")
                    return intent, [cb.info(intent).event, main], status, notes
            if (later or f.st.unless) and main in CONFLICT_MATERIAL:
                threat = cb.derived("threat", code)
                if threat:
                    notes.append(f"planned {main} -> threaten {threat} (PLOVER: THREATEN)")
                    return threat, [cb.info(threat).event, main], status, notes
        elif f.gov_class is not None and f.trigger is not None:
            inner = cb.info(f.trigger.code)
            if inner is not None and inner.event != main and f.gov_class == "intent" and main == "AGREE":
                events.append(inner.event)
        return code, events, status, notes

    # -- roles ------------------------------------------------------------------------------

    def roles(self, f: Frame, main: str) -> tuple[list[Filler], list[Filler], list[str]]:
        h = f.head
        self.resolver.dropped = []
        actor_toks: list[tuple[Token, str]] = []
        recip_toks: list[tuple[Token, str]] = []
        noun = f.trigger.token if f.trigger is not None and f.trigger.kind == "noun" else None
        if h.pos_ in ("NOUN", "PROPN") or (h.tag_ == "VBG" and h.dep_ in ("pobj", "dobj", "nsubj")):
            self._noun_roles(h, main, actor_toks, recip_toks)
            if not actor_toks:
                v = h.head if h.dep_ != "pobj" else h.head.head
                light = any(w in self.cb.light_verbs for w in word_forms(v))
                # "Sudan was not represented at the talks": who was not there is no party to it
                absent = any(c.dep_ == "neg" for c in v.children)
                if v.pos_ == "VERB" and not absent and ((h.dep_ in ("dobj", "nsubjpass") and light) or (
                        h.dep_ == "pobj" and h.head.lower_ in ("at", "in", "for", "to", "into")
                        and main not in ("ASSAULT", "COERCE"))):
                    s, how = subject(v)
                    if s is not None:
                        actor_toks.append((s, f"subject of '{v.text}'"))
        else:
            passive = is_passive(h)
            s, how = subject(h)
            if s is not None and not passive and main in VERBAL and not party(s, self.resolver.index):
                s, how = self._reporter_subject(h, s, how)
            if passive:
                a = agent(h)
                if a is not None:
                    actor_toks.append((a, "'by' of the passive"))
                if s is not None and not self._is_theme(s):
                    recip_toks.append((s, "passive subject"))
            elif s is not None:
                actor_toks.append((s, how if how not in ("nsubj", "") else "subject"))
            inner = self.cb.info(f.trigger.code) if f.trigger is not None and f.gov_class == "demand" else None
            if noun is not None and noun is not h and inner is not None and inner.event == "RETREAT":
                # "demanded the withdrawal of Serbian forces from Bosnia": who is to withdraw is
                # whom the demand is made of, not where they are to leave
                nacts: list = []
                self._noun_roles(noun, "RETREAT", nacts, [])
                if not recip_toks:
                    recip_toks += [(t, f"who is to make the '{noun.text}' ({how})") for t, how in nacts]
            elif noun is not None and noun is not h:
                nacts, nrecs = [], []
                self._noun_roles(noun, main, nacts, nrecs)
                if nacts and any(how in ("possessive", "'by'") for _, how in nacts):
                    actor_toks = nacts  # "reiterated Moscow's support": the possessor is the actor
                elif not actor_toks:
                    actor_toks += nacts
                if not recip_toks:
                    recip_toks += nrecs  # "support for Iran"
            if not recip_toks:
                self._verb_recipient(f, h, main, recip_toks)
        if f.swap:
            actor_toks, recip_toks = recip_toks, actor_toks
        if main == "ASSAULT":  # "a roadside bomb killed": the weapon is not the attacker,
            kept = []           # but "Israel's offensive killed": its owner is
            for t, how in actor_toks:
                if t.lemma_.lower() in INSTRUMENTS or any(k.endswith(t.lemma_.lower()) for k in self.cb.nouns):
                    owner = self._owner_of(t)
                    if owner is not None:
                        kept.append((owner, f"owner of '{t.text}' ({how})"))
                else:
                    kept.append((t, how))
            actor_toks = kept
        actors, recips, notes = [], [], []
        for tok, how in actor_toks:
            actors += self.resolver.fill(tok, "actor: " + how, strict=False)
        for tok, how in recip_toks:
            recips += self.resolver.fill(tok, "recipient: " + how)
        ids = {a.actor.id for a in actors if a.actor is not None}
        for r in recips:
            if r.actor is not None and r.actor.id in ids and r.token.lower_ in PRONOUNS:
                notes.append(f"recipient '{r.token.text}' would be the actor itself: left empty")
        recips = [r for r in recips if r.actor is None or r.actor.id not in ids]
        notes += [f"dropped {d}" for d in self.resolver.dropped]
        return actors, recips, notes

    def _reporter_subject(self, v: Token, s: Token, how: str) -> tuple[Token, str]:
        """ "The ministry said the launch posed no threat but condemned it": the parse hangs
        "condemned" on "posed", whose subject is no party; the one who condemns is the one who
        speaks. A verb conjoined inside a reported clause takes the reporter's subject then."""
        x = v
        while x.dep_ == "conj" and x.head != x:
            x = x.head
        if x is v or x.dep_ != "ccomp" or governor_class(x.head, self.cb) != "report":
            return s, how
        r, _ = subject(x.head)
        if r is None or not party(r, self.resolver.index):
            return s, how
        return r, f"subject of '{x.head.text}' ('{s.text}' of '{x.text}' is no party)"

    def _noun_roles(self, n: Token, main: str, actors: list, recips: list) -> None:
        for c in n.children:
            if c.dep_ == "poss":
                actors.append((c, "possessive"))
            elif c.dep_ in ("amod", "compound", "nmod") and c.i < n.i and (
                    c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN") and not self._place_word(c):
                if c.lower_ in ("anti", "pro", "-"):
                    continue
                side = stance(c)
                if side == "anti":  # "anti-Israeli attacks": aimed at Israel, not by it
                    recips.append((c, f"target of 'anti-{c.text}'"))
                elif side is None:
                    actors.append((c, f"modifier '{c.text}'"))
        for prep, obj in prep_objects(n):
            if prep == "by" and not actors:
                actors.append((obj, "'by'"))
            elif prep == "between":
                actors.append((obj, "'between'"))
            elif prep == "of" and main in OF_IS_ACTOR and not actors:
                actors.append((obj, "'of'"))
        if not recips:
            for want in RECIPIENT_PREPS.get(main, ()):
                if want == "of" and main in OF_IS_ACTOR:
                    continue
                hit = next((o for p, o in prep_objects(n) if p == want), None)
                if hit is not None and (actor_like(hit, self.resolver.index) or want == "of"):
                    recips.append((hit, f"'{want}'"))
                    break
        if not recips and main == "REQUEST":
            # "its demand that Israel ease restrictions": the subject of what is demanded; the
            # parser hangs the clause on the noun or, after "reiterated its demand", on the verb
            clauses = [c for c in n.children if c.dep_ in ("acl", "ccomp")]
            if n.dep_ == "dobj":
                clauses += [c for c in n.head.children if c.dep_ == "ccomp" and c.i > n.i]
            for cl in clauses:
                subj = own_subject(cl)
                if subj is not None and actor_like(subj, self.resolver.index):
                    recips.append((subj, f"subject of '{cl.text}'"))
                    break

    def _place_word(self, tok: Token) -> bool:
        """A modifier that is a place said as a place ("the Paris talks"), not an actor."""
        return any(s <= tok.i < e for s, e, _ in self.places) and tok.ent_type_ != "NORP"

    def _verb_recipient(self, f: Frame, h: Token, main: str, recips: list) -> None:
        """The recipient of a verb event: candidates in order of how directly they are said, the
        first one that resolves to a coded actor winning ("offered its troops to Lebanon")."""
        idx = self.resolver.index
        comp = f.complement
        cands: list[tuple[Token, str]] = []
        if f.gov_class in ("refuse", "accede") and comp is not None and comp.pos_ in ("NOUN", "PROPN"):
            acts: list = []
            self._noun_roles(comp, "REQUEST", acts, [])
            cands += [(t, f"who made the '{comp.text}' ({how})") for t, how in acts]
        if f.gov_class == "demand":
            for c in h.children:
                if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP" and actor_like(c, idx):
                    cands.append((c, f"object of '{h.text}'"))
            cands += [(o, f"'{p}' of '{h.text}'") for p, o in prep_objects(h)
                      if p in ("on", "upon", "to") and actor_like(o, idx)]
            if comp is not None and comp.pos_ in ("VERB", "AUX"):
                s = own_subject(comp)
                if s is not None:
                    cands.append((s, f"subject of '{comp.text}'"))
            if cands:  # whom a demand is made of is its recipient, coded or not
                recips.append(cands[0])
                return
        targets = [h]
        if comp is not None and comp is not h:
            targets.append(comp)
        targets += [c for c in h.children if c.dep_ in ("xcomp", "ccomp") and c not in targets]
        if self.theme is not None:  # "send instructors to train Bolivian officers"
            targets += [c for c in h.children if c.dep_ == "advcl" and c not in targets]
        if main == "PROTEST":  # "staged a strike to protest against X", "rallied, demanding that X"
            targets += [c for c in h.children if c.dep_ == "advcl" and c not in targets]
        for t in targets:
            if main == "REQUEST" and t is not h and t.dep_ == "ccomp":
                # "demanding that the Turkish government provide information": whom a demand
                # is made of is the subject of what is demanded, not its object
                s = own_subject(t)
                if s is not None and actor_like(s, idx):
                    cands.append((s, f"subject of '{t.text}'"))
            for c in t.children:
                if c.dep_ in ("ccomp", "dobj", "xcomp") and c.pos_ in ("VERB", "AUX") and c.tag_ == "VBG":
                    s = own_subject(c)
                    if s is not None and actor_like(s, idx):  # "welcome Iran participating"
                        cands.append((s, f"subject of '{c.text}'"))
                if c.dep_ == "dobj" and t is h and governor_class(h, self.cb) == "intent":
                    continue  # "agree joint patrols", "offered aid": the object is what is agreed
                if c.dep_ == "dobj" and main == "CONSULT" and t.lemma_.lower() in TOPIC_VERBS:
                    continue  # "meet to discuss a Commission recommendation": a topic, no party
                if c.dep_ == "dobj" and self._weapon(c):  # "fired rockets at X": X, not the rockets
                    cands += [(o, f"'{p}' of '{w.text}'") for w in conjuncts(c) for p, o in prep_objects(w)
                              if p in RECIPIENT_PREPS.get(main, ()) and actor_like(o, idx)]
                    continue
                if self._is_theme(c):
                    continue  # what is sent or launched is not whom it is for
                if c.dep_ in ("dobj", "dative", "iobj") and c.pos_ != "ADP":  # "to X": a prep object
                    if actor_like(c, idx):
                        cands.append((c, f"object of '{t.text}'"))
                    if c.pos_ in ("NOUN", "PROPN"):  # "investigating crimes by Croatian extremists"
                        cands += self._owner(c)
                        if c.dep_ == "dobj" and not is_passive(t):
                            # the parser mostly hangs that "by" on the active verb
                            cands += [(o, f"'by' after '{c.text}'") for p, o in prep_objects(t)
                                      if p == "by" and o.i > c.i and party(o, idx)]
            objs = prep_objects(t)
            for want in RECIPIENT_PREPS.get(main, ()):
                cands += [(o, f"'{want}' of '{t.text}'") for p, o in objs if p == want and actor_like(o, idx)]
            if t.pos_ in ("NOUN", "PROPN"):
                rs: list = []
                self._noun_roles(t, main, [], rs)
                cands += rs
        if main == "THREATEN":  # "threatened to quit the talks if the United States deploys ...":
            for t in targets:    # a threat is aimed at whoever must meet its condition
                for c in t.children:
                    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                 for m in c.children):
                        s = own_subject(c)
                        if s is not None and actor_like(s, idx):
                            cands.append((s, f"subject of the condition '{c.text}'"))
        if not cands:
            return
        for tok, how in cands:
            fill = self.resolver.fill(tok, "probe")
            if any(x.actor is not None and x.actor.code for x in fill) or (
                    fill and completion.place_country(tok, self.places, self.cb.demonyms)[0]):
                recips.append((tok, how))  # a coded party, or one placed; not a thing ("a
                return                     # meeting between ... the Palestine Liberation ...")
        recips.append(cands[0])

    def _owner_of(self, n: Token) -> Token | None:
        """Whose attack or weapon it is: "Israel's offensive", "an attack by rebels"."""
        poss = next((c for c in n.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
        return next((o for p, o in prep_objects(n) if p == "by" and party(o, self.resolver.index)), None)

    def _owner(self, n: Token) -> list[tuple[Token, str]]:
        """Whose thing an object noun is: "Serbia's suppression", "calls by Belarus", "the
        withdrawal of Serbian forces", "an Indian proposal"."""
        idx = self.resolver.index
        out = [(c, f"owner of '{n.text}'") for c in n.children if c.dep_ == "poss"]
        out += [(o, f"'{p}' of '{n.text}'") for p, o in prep_objects(n)
                if p in ("by", "from", "of", "with", "between", "against", "on") and actor_like(o, idx)]
        out += [(c, f"'{c.text}' {n.text}") for c in n.children
                if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")]
        return out

    # -- assembly ---------------------------------------------------------------------------

    def event(self, f: Frame, sent: Span, claimed: set[int]) -> tuple[Event | None, str]:
        self.host = self.theme = None
        status, why = self.status(f)
        if status is None:
            return None, "; ".join(why)
        idle = conventions.described(f.head, self.cb)
        if idle is not None:
            return None, idle
        self.mode_override = None
        code, events, status, notes = self.recode(f, status)
        if not events:
            return None, "no PLOVER event"
        main = events[0]
        base_main = events[-1] if len(events) > 1 else main
        actors, recips, role_notes = self.roles(f, base_main)
        notes += role_notes
        if main == "PROTEST" and f.head.pos_ in ("VERB", "AUX"):  # "Venezuela's protests": where
            verbal = conventions.state_protest(code, actors)
            if verbal is not None:
                code, note = verbal
                notes.append(note)
                events = [self.cb.info(code).event]
                main = base_main = events[0]
        if not self._political(f, actors, recips, sent, main):
            return None, "violence or crime without a political actor"
        if not actors and f.head.pos_ in ("VERB", "AUX") and base_main != "ASSAULT" and any(
                d.endswith("(actor) is no party") for d in self.resolver.dropped):
            return None, "done by no party (" + "; ".join(self.resolver.dropped) + ")"  # "the dollar rallied"
        if base_main == "ASSAULT" and f.head.lemma_.lower() in ("kill", "shoot", "hang", "poison") and any(
                c.dep_ == "dobj" and c.lower_ in ("themselves", "himself", "herself") for c in f.head.children):
            return None, "a suicide is no assault"  # "killed themselves"; "blew himself up" is
        if main == "REJECT":
            mute = conventions.refusal_to_say(f.head, self.cb)
            if mute is not None:
                return None, mute
        figurative = conventions.figurative(f.head, base_main, self.resolver.index)
        if figurative is not None:
            return None, figurative
        if base_main == "ASSAULT" and main == "ASSAULT":
            verbal = conventions.verbal_attack(f.head, actors, self.resolver.index)
            if verbal is not None:
                code, note = verbal
                notes.append(note)
                events = [self.cb.info(code).event]
                main = base_main = events[0]
        if not actors and base_main not in ("ASSAULT", "COERCE", "ACCUSE", "SANCTION", "PROTEST") \
                and f.head.pos_ in ("VERB", "AUX") and not any(
                    actor_like(r.token, self.resolver.index) for r in recips):
            return None, "no actor"  # PLOVER codes no event whose parties are unsaid
        extra = []
        if f.trigger is not None and f.trigger.token.pos_ in ("NOUN", "PROPN"):
            extra.append(f.trigger.token)
        for t in (f.head, f.trigger.token if f.trigger else None):
            if t is not None and t.pos_ in ("NOUN", "PROPN"):
                v = event_predicate(t)
                if v is not None:
                    extra.append(v)
        if f.head.pos_ in ("NOUN", "PROPN") and f.head.dep_ in ("dobj", "nsubjpass", "pobj"):
            v = f.head.head if f.head.dep_ != "pobj" else f.head.head.head
            if v.pos_ == "VERB" and v.lemma_.lower() in self.cb.light_verbs:
                extra += anchors.modifiers_of(v)
        if f.head.pos_ in ("VERB", "AUX"):
            extra += anchors.modifiers_of(f.head)
        if self.host is not None:  # "marched through Colombo on Friday to protest"
            extra += anchors.modifiers_of(self.host)
        tokens = anchors.scope(f.head, extra)
        role_toks = {i for x in actors + recips for i in range(*np_span(x.token))}
        # where the sentence says things happen ("in Minsk"), not where a party is from
        # ("the government in Minsk")
        self.sentence_country = next((p.country_code for s0, e0, p in self.places
                                      if sent.start <= s0 < sent.end and p.country_code
                                      and not completion.in_role(s0, actors + recips)
                                      and anchors._locative(sent.doc[s0:e0].root, sent.doc[s0]) is not None), None)
        date, date_how = self._date(status, sent, tokens, f.head, claimed)
        if status == "reported" and date_how != "publication date" and _later(date, self.published) \
                and self._dates_itself(date_how, f):
            # "for a June meeting", "leaves on April 24 for talks": dated after publication
            status = "planned"
            why.append(f"dated {date}, after publication")
            if f.gov_class is None and len(events) == 1:
                kind = "intent" if main in COOP_MATERIAL else "threat" if main in CONFLICT_MATERIAL else None
                later = self.cb.derived(kind, code) if kind else None
                if later:
                    notes.append(f"planned {main} -> {kind} {later} (PLOVER: "
                                 f"{'AGREE' if kind == 'intent' else 'THREATEN'})")
                    code, events = later, [self.cb.info(later).event, main]
                    main = events[0]
        place, place_how = anchors.pick_place(self.places, tokens, f.head, role_toks)
        info = self.cb.info(code)
        mode = self.mode_override or self._mode(f, info, main, base_main, tokens, actors, recips, place)
        if main == "CONSULT" and code == "040" and mode in CONSULT_CODE_OF_MODE:
            code = CONSULT_CODE_OF_MODE[mode]  # a meeting in a third country is CAMEO 044
            info = self.cb.info(code)
        if f.head.pos_ in ("NOUN", "PROPN") and not actors and not recips and date_how in (
                "", "publication date") and place is None:
            return None, "bare event noun (no actor, recipient, time or place)"
        if status == "hypothetical" and not any(actor_like(a.token, self.resolver.index) for a in actors):
            return None, "hypothetical without a named actor"
        words = sorted({t.i: t for t in f.words}.values(), key=lambda t: t.i)
        trig = f.trigger if f.trigger is not None and f.trigger.token.i == f.head.i else None
        t0, t1 = (trig.start, trig.end) if trig else (f.head.i, f.head.i + 1)
        doc = sent.doc
        tspan = doc[t0:t1]
        s_text = self.text[sent.start_char:sent.end_char].rstrip()  # sent.text without rebuilding it
        conf = BASE_CONFIDENCE.get(f.strength, 0.5)
        conf += 0.1 if any(a.actor is not None and a.actor.code for a in actors) else (-0.1 if not actors else 0)
        conf += 0.05 if recips else 0
        conf -= 0.1 if status == "hypothetical" else 0
        reason = [f.source]
        reason += notes
        if why:
            reason.append("status " + status + " (" + ", ".join(why) + ")")
        reason += [x.how + (f" -> {x.actor.id} {x.code or x.actor.code or ''}".rstrip() if x.actor else "") for x in actors + recips]
        if date_how:
            reason.append(f"date {date_how}")
        if place is not None:
            reason.append(f"place {place_how}")
        if main == "CONSULT" and mode not in ("visit",) and code not in ("042", "043", "045"):
            actors, recips = actors + [r for r in recips if r.actor is None or r.actor.id not in {
                a.actor.id for a in actors if a.actor is not None}], []  # PLOVER: all parties are actors
        inner = self.cb.info(f.trigger.code) if f.gov_class and f.trigger is not None else None
        actor_refs, recip_refs, role_notes = completion.complete_roles(
            actors, recips, inner.event if inner else base_main,
            hint=(place.country_code if place is not None else None) or self.sentence_country,
            places=self.places, demonyms=self.cb.demonyms)
        reason += role_notes
        ev = Event(
            id=make_id("E", self.doc_id, doc[t0].idx, tspan.end_char),
            event=events, mode=[mode] if mode else [], context=list(info.context) if info else [],
            cameo=code, quad_class=info.quad if info else QUAD_OF_TYPE.get(main),
            goldstein=info.goldstein if info else None,
            actor=actor_refs, recipient=recip_refs,
            date=date, event_loc=anchors.location(place), status=status,
            event_text=[t.text for t in words] if len(words) > 1 else [tspan.text],
            trigger=TextSpan(start=tspan.start_char, end=tspan.end_char, text=tspan.text),
            text_info=TextInfo(start=sent.start_char, end=sent.start_char + len(s_text)),
            confidence=round(max(0.05, min(0.95, conf)), 2), reason="; ".join(reason),
        )
        if date_how == "publication date":
            self.undated.add(ev.id)
        return ev, ""

    def _dates_itself(self, date_how: str, f: Frame) -> bool:
        """Is the time said of the event itself ("meet on April 24", "the May meeting"), not of
        something it is about ("arrested for calling for a boycott of the May elections")?"""
        heads = {f.head.i} | ({f.trigger.token.i} if f.trigger is not None else set())
        for s0, e0, t in self.times:
            if f"'{t.text}'" not in date_how:
                continue
            x = f.head.doc[s0:e0].root
            if x.head.i in heads or (x.head.dep_ == "prep" and x.head.head.i in heads):
                return True
        return False

    def _is_theme(self, tok: Token) -> bool:
        return self.theme is not None and tok.i == self.theme.i

    def _weapon(self, tok: Token) -> bool:
        """ "launched artillery and rocket fire against X": the weapon fired is no recipient."""
        return tok.lemma_.lower() in FIRED

    def _date(self, status: str, sent: Span, tokens: set[int], anchor: Token,
              claimed: set[int]) -> tuple[str | None, str]:
        t, where = anchors.pick_time(self.times, sent, tokens, anchor, claimed)
        if t is not None:
            return anchors.date_value(t), f"'{t.text}' ({where})"
        if status == "reported" and self.published:
            return self.published, "publication date"
        return None, ""

    def _mode(self, f: Frame, info, main: str, base: str, tokens: set[int], actors, recips,
              place: Place | None) -> str:
        mode = (info.mode if info else f.mode) or f.mode
        if base == "ASSAULT" and main == "ASSAULT":
            doc = f.head.doc
            words = {doc[i].lemma_.lower() for i in tokens} | {doc[i].lower_ for i in tokens}
            for m in ("unconventional", "suicide-attack", "drone", "aerial", "explosives", "heavy-weapons",
                      "crowd-control", "firearms", "primitive", "abduct", "torture", "sexual", "targeted",
                      "beat"):
                cues = self.cb.mode_cues.get("ASSAULT", {}).get(m, ())
                if any(c in words for c in cues):
                    return m if not mode or m in ("unconventional", "suicide-attack", "drone", "aerial") else mode
        if main == "CONSULT" and base == "CONSULT":
            doc = f.head.doc
            words = {doc[i].lower_ for i in tokens}
            if any(w in words for w in self.cb.mode_cues.get("CONSULT", {}).get("phone", ())):
                return "phone"
            codes = {a.actor.code for a in actors + recips if a.actor is not None and a.actor.code}
            if place is not None and place.country_code and len(codes) >= 2:
                return "third-party" if place.country_code not in codes else "visit"
        return mode

    def _political(self, f: Frame, actors, recips, sent: Span, main: str) -> bool:
        """Restraint: an assault or coercion needs a political actor or a sign of political violence."""
        if main not in ("ASSAULT", "COERCE"):
            return True
        s, e = sent.start, sent.end
        words = {*self.view.lemma[s:e], *self.view.lower[s:e]}
        if not HAZARDS.isdisjoint(words) and ARMED.isdisjoint(words):
            return False  # "killed as their home was buried by a landslide": nobody did it
        if any(x.actor is not None and (x.actor.code or x.actor.sector) for x in actors + recips):
            return True
        for x in actors + recips:
            lo, hi = np_span(x.token)
            if any(t.ent_type_ in ("NORP", "GPE", "ORG") for t in x.token.doc[lo:hi]):
                return True
        return not VIOLENCE_CUES.isdisjoint(words)


def _later(date: str | None, published: str | None) -> bool:
    """Is ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) wholly after the publication date?"""
    if not date or not published or not date[:4].isdigit() or "W" in date or "T" in date:
        return False
    return date > published[:len(date)]


def time_ranges(doc, times: list[TimeExpr]) -> list:
    return anchors.token_ranges(doc, times, lambda t: [(t.start, t.end)])


def place_ranges(doc, places: list[Place]) -> list:
    return anchors.token_ranges(doc, places, lambda p: [(m.start, m.end) for m in p.mentions])
