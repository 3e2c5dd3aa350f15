"""Check a gold set's files for mechanical mistakes before it is used to measure anything.

Usage: python scripts/check_gold.py fixtures/gold/NAME [...]

It reads only the gold files and the article texts (never claimcheck's output), and prints one line per
problem: a field missing or of the wrong type, a sentence that is not in its article, a cue or content that
is not in its sentence, an id used twice, a conflict or corroboration pair naming an unknown id, a side
label outside the list of docs/gold-conventions.md §5 is noted (a party §5 does not list keeps its usual
English name), not counted as a problem. Exit status 1 when any problem is found.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

FIELDS = {
    "article": str, "id": str, "sentence": str, "cue": str, "cue_lemma": str, "speaker_text": str,
    "speaker": str, "speaker_role": (str, type(None)), "affiliation": (str, type(None)),
    "side": (str, type(None)), "content": str, "direct": bool, "negated_or_denial": bool,
}
CONFLICT_TYPES = {"competing_claims", "denial", "numeric_mismatch", "framing"}
# Labels that are not a CLDR country name (gold-conventions §5); country names are accepted as they are.
PARTY_LABELS = {
    "US", "UK", "UAE", "Turkey", "DR Congo", "Congo", "Palestine", "Myanmar", "Ivory Coast", "SAF", "RSF", "GNA",
    "LNA", "Hezbollah", "Hamas", "Islamic Jihad", "Houthis", "SDF", "HTS", "ISIS", "PKK", "al-Shabaab", "Taliban",
    "M23", "TPLF", "Polisario", "JNIM", "PMF", "Saudi-led coalition", "UN", "EU", "NATO", "African Union",
    "Arab League", "ICRC",
}
QUOTES = "«»\"“”'"


def country_names() -> set[str]:
    try:
        from babel import Locale
    except ImportError:  # the check still runs; country labels are then not checked
        return set()
    return {name for code, name in Locale("en").territories.items() if code.isalpha()}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def read_jsonl(path: Path, problems: list[str]) -> list[dict]:
    rows = []
    if not path.exists():
        return rows
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            problems.append(f"{path.name}:{n}: not JSON ({exc.msg})")
    return rows


def whole_word(haystack: str, needle: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


def check_line(row: dict, texts: dict[str, str]) -> list[str]:
    where = f"gold {row.get('id', '?')}"
    out = []
    for field, kind in FIELDS.items():
        if field not in row:
            out.append(f"{where}: no field {field!r}")
        elif not isinstance(row[field], kind):
            out.append(f"{where}: {field!r} has the wrong type ({type(row[field]).__name__})")
    if out:
        return out
    text = texts.get(row["article"])
    if text is None:
        return [f"{where}: no article {row['article']!r} in articles/"]
    sentence = nfc(row["sentence"])
    if sentence not in text:
        out.append(f"{where}: sentence not found in its article")
    if not whole_word(sentence, nfc(row["cue"])):
        out.append(f"{where}: cue {row['cue']!r} is not a whole word of the sentence")
    content = nfc(row["content"]).strip(QUOTES) if row["direct"] else nfc(row["content"])
    if content and content not in sentence:
        out.append(f"{where}: content not found in the sentence")
    if row["speaker_text"] and nfc(row["speaker_text"]) not in sentence:
        out.append(f"{where}: speaker_text not found in the sentence")
    return out


def unlisted_labels(lines: list[dict]) -> list[str]:
    labels = PARTY_LABELS | country_names()
    if len(labels) == len(PARTY_LABELS):
        return []  # without Babel the country names are unknown: say nothing rather than everything
    return sorted({row["side"] for row in lines if isinstance(row.get("side"), str) and row["side"] not in labels})


def check(gold_dir: Path) -> list[str]:
    problems: list[str] = []
    meta = read_jsonl(gold_dir / "articles.jsonl", problems)
    texts = {}
    for row in meta:
        path = gold_dir / "articles" / f"{row.get('id')}.txt"
        if not path.exists():
            problems.append(f"articles.jsonl: no file {path.name}")
            continue
        texts[row["id"]] = nfc(path.read_text(encoding="utf-8"))
    lines = read_jsonl(gold_dir / "gold.jsonl", problems)
    ids: set[str] = set()
    for row in lines:
        if row.get("id") in ids:
            problems.append(f"gold {row.get('id')}: id used twice")
        ids.add(row.get("id"))
        problems.extend(check_line(row, texts))
    for label in unlisted_labels(lines):
        print(f"{gold_dir}: note: side {label!r} is not named in gold-conventions §5 (fine for a party it does not list)")
    for name in ("conflicts.jsonl", "corroboration.jsonl"):
        for n, pair in enumerate(read_jsonl(gold_dir / name, problems), 1):
            for key in ("a", "b"):
                if pair.get(key) not in ids:
                    problems.append(f"{name}:{n}: {key} {pair.get(key)!r} is not a gold id")
            if name == "conflicts.jsonl" and pair.get("type") not in CONFLICT_TYPES:
                problems.append(f"{name}:{n}: type {pair.get('type')!r} is not one of {sorted(CONFLICT_TYPES)}")
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2])
        return 2
    status = 0
    for name in argv:
        problems = check(Path(name))
        for problem in problems:
            print(f"{name}: {problem}")
        print(f"{name}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
        status |= bool(problems)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
