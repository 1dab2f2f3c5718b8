"""Recognise page furniture and credit lines in scraped article text, line by line.

Scrapers keep what a page shows around the report: skip links, menus, image credits, sharing
prompts, placeholders, and the agency/author credit line news sites put under a story
("pfd/hc (AFP, Reuters)"). Each rule here looks at one line (and, for captions, its neighbour)
and says what it is; ``scraped.py`` decides what to keep.
"""
from __future__ import annotations

import re

# Wire and news agencies that appear in credit lines and datelines. Used only to *recognise*
# credit lines; the names are the agencies' own short forms.
AGENCIES = {
    "afp": "AFP", "ap": "AP", "reuters": "Reuters", "dpa": "dpa", "kna": "KNA", "epd": "epd",
    "sid": "SID", "dapd": "dapd", "ddp": "ddp", "apa": "APA", "ansa": "ANSA", "efe": "EFE",
    "xinhua": "Xinhua", "tass": "TASS", "itar-tass": "ITAR-TASS", "ria novosti": "RIA Novosti",
    "interfax": "Interfax", "kyodo": "Kyodo", "yonhap": "Yonhap", "anadolu": "Anadolu",
    "irna": "IRNA", "isna": "ISNA", "bernama": "Bernama", "pti": "PTI", "ani": "ANI", "upi": "UPI",
    "bloomberg": "Bloomberg", "sana": "SANA", "wafa": "WAFA", "mena": "MENA", "kcna": "KCNA",
    "petra": "Petra", "qna": "QNA", "spa": "SPA", "wam": "WAM", "aa": "AA", "lusa": "Lusa",
    "belga": "Belga", "anp": "ANP", "ctk": "CTK", "pap": "PAP", "mti": "MTI", "tanjug": "Tanjug",
    "hina": "HINA", "bta": "BTA", "ukrinform": "Ukrinform", "unian": "UNIAN", "ntb": "NTB",
    "tt": "TT", "stt": "STT", "ritzau": "Ritzau", "aap": "AAP", "cna": "CNA", "antara": "Antara",
    "vna": "VNA", "apn": "APN", "notimex": "Notimex", "telam": "Telam", "ips": "IPS",
    "associated press": "AP", "agence france-presse": "AFP", "agence france presse": "AFP",
}

_AGENCY_ALT = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
_AGENCY_LIST = rf"(?:{_AGENCY_ALT})(?:\s*(?:,|/|and|&)\s*(?:{_AGENCY_ALT}))*"

# "pfd/hc (AFP, Reuters)", "dr/rc (dpa, AP)", "jm/sms (Reuters, AFP, dpa)", "(AFP)"
CREDIT_LINE = re.compile(
    rf"^\s*(?P<initials>[a-z]{{1,5}}(?:\s*/\s*[a-z]{{1,5}})*)?\s*\(\s*(?P<agencies>{_AGENCY_LIST})\s*\)\s*$",
    re.IGNORECASE,
)
# "Reporting by Jane Doe; Editing by John Roe", "Compiled by ..."
STAFF_LINE = re.compile(r"^\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|edited)\s+by\b", re.I)
# "Image: Reuters/Pablo Martinez Monsivais", "Photo: AP", "Picture alliance/dpa", "Bild: ..."
IMAGE_CREDIT = re.compile(
    r"^\s*(?:image|photo|picture|pictures|foto|bild|photograph|credit|source|copyright|©)\s*(?::|©|by\b)"
    r"|^\s*©|^\s*(?:getty images|picture[- ]alliance|imago)\b", re.I)
PLACEHOLDER = re.compile(r"^\s*\[(?:no title|no caption|untitled|image|photo|video|embed|ad)\]\s*$", re.I)
# Navigation and sharing prompts; numbered list markers ("1. Skip to content") are allowed.
_NAV_PHRASES = (
    r"skip to (?:the )?(?:content|main (?:content|menu|navigation)|navigation|more .{1,40}|search|footer)",
    r"(?:main )?menu", r"search", r"share(?: this)?(?: (?:article|story|page))?(?: on \w+)?", r"print",
    r"e-?mail", r"facebook", r"twitter", r"whatsapp", r"linkedin", r"x", r"reddit", r"telegram",
    r"advertisement", r"sponsored", r"read more", r"more on this(?: story| topic)?",
    r"related(?: (?:stories|articles|topics|content))?", r"newsletter", r"sign up.{0,60}",
    r"subscribe.{0,60}", r"log ?in", r"sign in", r"close", r"next", r"previous", r"back to top",
    r"cookie.{0,120}", r"accept(?: all)?(?: cookies)?", r"watch(?: video)?(?: \d+:\d+)?",
    r"listen(?: to (?:this )?(?:article|audio))?(?: \d+:\d+)?", r"play", r"video", r"audio",
    r"permalink.{0,80}", r"send", r"feedback", r"comments?(?: \(\d+\))?", r"top stories",
    r"most read", r"trending", r"you might also like", r"recommended", r"follow us.{0,40}",
    r"\d+ min(?:ute)? read", r"copy link", r"copied", r"photo gallery", r"image gallery",
)
NAVIGATION = re.compile(r"^\s*(?:\d{1,2}\.\s+|[-*•·]\s+)?(?:" + "|".join(_NAV_PHRASES) + r")\s*[.:]?\s*$", re.I)


def credit_line(line: str) -> tuple[list[str], list[str]] | None:
    """``(author initials, agencies)`` when ``line`` is a credit line, else None."""
    m = CREDIT_LINE.match(line)
    if not m:
        return None
    initials = [s.strip() for s in (m.group("initials") or "").split("/") if s.strip()]
    agencies = [AGENCIES[a.strip().lower()] for a in re.split(r"\s*(?:,|/|\band\b|&)\s*", m.group("agencies"))
                if a.strip().lower() in AGENCIES]
    return initials, agencies


def furniture_kind(line: str) -> str | None:
    """The kind of page furniture ``line`` is ("navigation", "image-credit"...), or None."""
    if NAVIGATION.match(line):
        return "navigation"
    if IMAGE_CREDIT.match(line):
        return "image-credit"
    if PLACEHOLDER.match(line):
        return "placeholder"
    if credit_line(line):
        return "credit-line"
    if STAFF_LINE.match(line):
        return "staff-line"
    return None


# A wire dateline: the place name in capitals ("PARIS", "NEW YORK, Jan 13"), the agency in any case.
DATELINE = re.compile(rf"^[A-Z][A-Z .'-]{{1,40}}(?:,[^()\n]{{1,30}})?\s*\((?P<a>(?i:{_AGENCY_LIST}))\)\s*[-–—]",
                      re.MULTILINE)
_AGENCY_SEPARATOR = re.compile(r"\s*(?:,|/|\band\b|&)\s*")


def dateline_agencies(text: str) -> list[str]:
    """Agencies credited in a wire dateline: "PARIS (Reuters) -", "GENEVA, Jan 13 (AFP) --"."""
    found = []
    for m in DATELINE.finditer(text[:2000]):
        for a in _AGENCY_SEPARATOR.split(m.group("a")):
            name = AGENCIES.get(a.strip().lower())
            if name and name not in found:
                found.append(name)
    return found
