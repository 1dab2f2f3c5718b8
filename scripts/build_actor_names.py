#!/usr/bin/env python3
"""Build ``src/communique/data/actors/given_names.tsv.gz``: given names with a gender hint.

Source: the person-name lists of Faker (joke2k/faker, MIT licence; ``pip install "faker>=30"``,
a build-time tool only -- communique does not import it), all locales, Latin-script names only.
Each line is ``key<TAB>gender`` where key is ``names.key(name)`` and gender is ``m``, ``f`` or
``u`` (listed as both). The recogniser uses it to tell "Gabriela Sabatini" from "Leicestershire
Cricket" and the coreference step to keep "she" off a man. Deterministic output.
"""
from __future__ import annotations

import gzip
import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from communique.extract.actors.names import key  # noqa: E402

OUT = ROOT / "src" / "communique" / "data" / "actors" / "given_names.tsv.gz"


def _names(provider: type, attr: str) -> list[str]:
    value = provider.__dict__.get(attr)
    if isinstance(value, dict):
        value = list(value)
    if not isinstance(value, (list, tuple)):
        return []
    return [v for v in value if isinstance(v, str)]


def main() -> None:
    import faker.providers.person as person

    gender: dict[str, set[str]] = {}
    for mod in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{mod.name}"), "Provider", None)
        if provider is None:
            continue
        for attr, g in (("first_names_male", "m"), ("first_names_female", "f"), ("first_names", "u")):
            for name in _names(provider, attr):
                if not name.isascii() and not all(c.isalpha() or c in "-' " for c in name):
                    continue
                k = key(name)
                if len(k) < 2 or not k.replace(" ", "").isascii() or not k.replace(" ", "").isalpha():
                    continue
                gender.setdefault(k, set()).add(g)
    lines = []
    for k in sorted(gender):
        gs = gender[k] - {"u"}
        lines.append(f"{k}\t{gs.pop() if len(gs) == 1 else 'u'}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(lines)} given names -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
