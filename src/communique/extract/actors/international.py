"""International bodies that no dictionary lists, known by the shape of their names.

"International Organization for Migration", "International Crisis Group", "World Council of
Churches": a proper name that starts with an international word and is headed by a body noun is
an international body. PLOVER codes those IGO or NGO (country slot) with the sector of what they
do (UNHCR REF, the Red Cross MED); without a dictionary entry both are read off the name:

- IGO or NGO from the head noun: states found organisations, agencies, commissions, courts and
  programmes; committees, federations, associations, foundations and groups are mostly
  non-governmental;
- the sector from the words of the name ("for *Migration*", "on *Drugs and Crime*",
  "*Labour* Organization"), else IGO GOV / NGO SOC as for dictionary bodies.
"""
from __future__ import annotations

from .names import word_key
from .segments import Word

# "treaty": states are the parties to a treaty, so a body named for one is theirs ("Collective
# Security Treaty Organization", "Southeast Asia Treaty Organization")
INTERNATIONAL_WORDS = frozenset({"international", "intergovernmental", "world", "global",
                                 "inter", "transnational", "multinational", "treaty"})
IGO_HEADS = frozenset({"organization", "organisation", "agency", "commission", "court", "tribunal",
                       "programme", "program", "office", "authority", "bank"})
NGO_HEADS = frozenset({"committee", "federation", "association", "foundation", "alliance",
                       "network", "society", "league", "institute", "movement", "group", "council",
                       "coalition", "campaign", "watch", "union", "confederation"})
# words of a body's name -> the PLOVER sector of what it does (the CAMEO agent codes of the
# dictionary bodies: IGOUNOREFHCR REF, IGOUNOHLHWHO MED, IGOUNOLAB... LAB)
FUNCTION_SECTORS = {
    "migration": "REF", "migrants": "REF", "refugees": "REF", "refugee": "REF", "asylum": "REF",
    "health": "MED", "medical": "MED", "medicine": "MED", "red": "MED",
    "drugs": "COP", "drug": "COP", "crime": "COP", "police": "COP", "criminal": "JUD",
    "justice": "JUD", "law": "JUD", "court": "JUD", "tribunal": "JUD",
    "labour": "LAB", "labor": "LAB", "workers": "LAB", "trade": "BUS", "commerce": "BUS",
    "food": "AGR", "agriculture": "AGR", "agricultural": "AGR", "farmers": "AGR",
    "education": "EDU", "science": "EDU", "scientific": "EDU", "culture": "EDU",
    "rights": "SOC", "environment": "SOC", "wildlife": "SOC", "nature": "SOC",
    "journalists": "JRN", "press": "JRN", "media": "JRN", "churches": "REL", "religions": "REL",
    "islamic": "REL", "muslim": "REL",
}
# name words that say what a body does only in some names: the Red Cross is medical, a Red
# Army is not; an "Islamic Movement" may be an armed group; a trade union is labour
AMBIGUOUS_FUNCTION = frozenset({"red", "islamic", "muslim", "trade", "culture", "court", "tribunal"})
CONNECTORS = frozenset({"for", "of", "on", "and", "the", "&", "-"})
DEFAULT_SECTOR = {"IGO": "GOV", "NGO": "SOC"}


def international_body(ws: list[Word]) -> tuple[str, str, str] | None:
    """``(code, sector, why)`` when the words name an international body by their shape."""
    keys = [word_key(w.text) for w in ws]
    i = next((n for n, k in enumerate(keys) if k in INTERNATIONAL_WORDS and ws[n].text[:1].isupper()),
             None)
    if i is None:
        return None
    head = None
    n = i
    for n in range(i, len(ws)):
        if keys[n] in CONNECTORS:
            if keys[n] in ("for", "of", "on") and head is not None:
                break
            continue
        if not ws[n].text[:1].isupper():
            return None  # a proper name throughout: "international aid agencies" is no body
        if keys[n] in IGO_HEADS or keys[n] in NGO_HEADS:
            head = n
    if head is None:
        return None
    code = "IGO" if keys[head] in IGO_HEADS else "NGO"
    rest = [k for k in keys[i + 1:] if k not in CONNECTORS]
    sector = next((FUNCTION_SECTORS[k] for k in rest if k in FUNCTION_SECTORS), None)
    how = f"'{ws[i].text} ... {ws[head].text}': an international body -> {code}"
    if sector:
        how += f"; what it does -> {sector}"
    return code, sector or DEFAULT_SECTOR[code], how


def function_sector(ws: list[Word]) -> str | None:
    """The sector of what a body does, from the words after its head noun ("United Nations
    *Office on Drugs and Crime*"), for a dictionary body named inside a longer name."""
    keys = [word_key(w.text) for w in ws]
    head = next((n for n, k in enumerate(keys) if (k in IGO_HEADS or k in NGO_HEADS)
                 and ws[n].text[:1].isupper()), None)
    if head is None or head + 1 >= len(keys) or keys[head + 1] not in ("for", "of", "on"):
        return None
    return next((FUNCTION_SECTORS[k] for k in keys[head + 1:] if k in FUNCTION_SECTORS), None)


def named_body_sector(ws: list[Word]) -> str | None:
    """The sector a national body's proper name states ("Aboriginal *Medical* Services
    Alliance", "National *Farmers* Union", "Committee to Protect *Journalists*"): a capitalised
    name with a body noun in it and a word of what it does."""
    keys = [word_key(w.text) for w in ws]
    content = [n for n, k in enumerate(keys) if k not in CONNECTORS]
    if not content or not any(keys[n] in IGO_HEADS or keys[n] in NGO_HEADS for n in content):
        return None
    if not all(ws[n].text[:1].isupper() for n in content):
        return None  # "health workers' union" is a role phrase, coded by its role nouns
    return next((FUNCTION_SECTORS[keys[n]] for n in content
                 if keys[n] in FUNCTION_SECTORS and keys[n] not in AMBIGUOUS_FUNCTION), None)
