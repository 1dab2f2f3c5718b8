#!/usr/bin/env python3
"""Build the explorer's offline world outline: ``src/communique/data/serve/world.json``.

Source (facts only; no program code is copied):
- Natural Earth 1:110m Admin 0 country boundaries, version 4.1.0 (public domain,
  https://www.naturalearthdata.com), as redistributed in TopoJSON by the npm package
  ``world-atlas`` 2.0.2 (ISC licence, Copyright 2013-2019 Michael Bostock):
  ``countries-110m.json``.
- ``pycountry`` (LGPL-2.1; ISO 3166 data): ISO numeric codes to alpha-3, so that countries can be
  matched with the store's ``country_code`` column.

The TopoJSON arcs are decoded (quantised, delta-encoded) and each country becomes one SVG path in
an equirectangular projection with the viewBox ``0 0 360 180`` (x = lon + 180, y = 90 - lat),
rounded to 0.1 degree: the browser only sets ``d`` attributes, no projection code is needed.
Rings that cross the antimeridian are unwrapped and drawn twice, 360 degrees apart, so that no
line runs across the whole map.

Usage:
  python scripts/build_serve_world.py                       # runs `npm pack world-atlas@2.0.2`
  python scripts/build_serve_world.py --package world-atlas-2.0.2.tgz
"""
from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

import pycountry

PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/countries-110m.json"
OUT = Path(__file__).resolve().parents[1] / "src" / "communique" / "data" / "serve" / "world.json"
PRECISION = 1
"""Decimals of a degree kept: 0.1 degree is about one pixel on a 1,800-pixel-wide map."""


def fetch_tarball(workdir: Path) -> Path:
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True, capture_output=True)
    found = sorted(workdir.glob("world-atlas-*.tgz"))
    if not found:
        raise SystemExit(f"npm pack {PACKAGE} produced no tarball")
    return found[0]


def read_topology(tarball: Path) -> dict:
    with tarfile.open(tarball) as tar:
        member = tar.extractfile(MEMBER)
        if member is None:
            raise SystemExit(f"{tarball} has no {MEMBER}")
        return json.load(member)


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point.
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Longitudes made continuous: a ring crossing the antimeridian (Russia's Chukotka, Fiji)
    jumps from 180 to -180; past the jump it goes on beyond 180 instead."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for i, (lon, lat) in enumerate(points):
        if i and lon + shift - out[-1][0] > 180:
            shift -= 360
        elif i and lon + shift - out[-1][0] < -180:
            shift += 360
        out.append((lon + shift, lat))
    return out


def ring_path(points: list[tuple[float, float]]) -> str:
    out, last = [], None
    for lon, lat in points:
        xy = (round(lon + 180, PRECISION), round(90 - lat, PRECISION))
        if xy != last:
            out.append(f"{xy[0]:g},{xy[1]:g}")
            last = xy
    if len(out) < 3:
        return ""
    return "M" + "L".join(out) + "Z"


def ring_paths(points: list[tuple[float, float]]) -> str:
    """The ring's path; a ring unwrapped past +-180 is drawn twice, 360 degrees apart, and the
    map's viewBox clips each copy to the part that lies on the map."""
    points = unwrap(points)
    lons = [lon for lon, _ in points]
    path = ring_path(points)
    if max(lons) > 180:
        path += ring_path([(lon - 360, lat) for lon, lat in points])
    elif min(lons) < -180:
        path += ring_path([(lon + 360, lat) for lon, lat in points])
    return path


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def alpha3(numeric: str | None) -> str | None:
    if not numeric:
        return None
    country = pycountry.countries.get(numeric=numeric.zfill(3))
    return country.alpha_3 if country else None


def build(topo: dict) -> dict:
    arcs = decode_arcs(topo)
    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        path = "".join(ring_paths(ring_points(ring, arcs)) for poly in polygons(geometry) for ring in poly)
        if not path:
            continue
        countries.append({"iso3": alpha3(geometry.get("id")), "name": geometry["properties"]["name"],
                          "d": path})
    countries.sort(key=lambda c: c["name"])
    return {
        "source": "Natural Earth 1:110m Admin 0 countries v4.1.0 (public domain), via the npm package "
                  "world-atlas 2.0.2 (ISC); built by scripts/build_serve_world.py",
        "projection": "equirectangular: x = lon + 180, y = 90 - lat",
        "viewBox": [0, 0, 360, 180],
        "countries": countries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--package", type=Path, help="a world-atlas 2.0.2 tarball (default: npm pack it)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.package or fetch_tarball(Path(tmp))
        world = build(read_topology(tarball))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(world, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(world['countries'])} countries -> {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
