"""Knowledge that is data, not code: cue words, actors, outlets, chrome, places, event words.

Each kind lives in ``claimcheck/data/<kind>.toml``. A user extends a kind for their own
beat by dropping a file of the same shape into ``<config dir>/data/<kind>*.toml`` (or a
folder named by ``CLAIMCHECK_DATA_DIR``), e.g. ``actors-mine.toml``.

Every file is checked when it is read: the built-in file is the schema, so a key it does not
have, a value of another type or two entries with one id is an error naming the file and the
entry. In a user's file, word lists are appended to the built-in ones; an entry whose id (see
``ID_FIELDS``) is a built-in one replaces it, a new id adds one, and ``remove = ["id", …]``
drops entries (``[remove] actor = ["id"]`` from one list only).
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .. import config

# The lists of entries that have ids, by kind: list name → the field that names an entry.
ID_FIELDS: dict[str, dict[str, str]] = {
    "actors": {"actor": "id"},
    "parties": {"actor": "id"},
    "cues": {"verbs": "lemma", "participles": "lemma", "nouns": "lemma", "sources": "lemma"},
    "events": {"action": "key", "object": "key", "counted": "key", "framing": "key"},
    "places": {"place": "key"},
    "outlets": {"outlet": "name"},
    "world": {"country": "code", "no_state_side": "code"},
}

# Fields the code reads that no built-in entry happens to use: (kind, list) → field → type.
EXTRA_FIELDS: dict[tuple[str, str], dict[str, type]] = {
    ("parties", "actor"): {"role": str, "outlet_aliases": list, "local_aliases": list, "local_to": list, "not_before": list},
    ("actors", "actor"): {"organisation": str, "markers": list},
}


class KnowledgeError(ValueError):
    """A data file that claimcheck cannot use as it is; the message names the file and the entry."""


def _extra_dirs() -> list[Path]:
    dirs = [config.config_dir() / "data"]
    if os.environ.get("CLAIMCHECK_DATA_DIR"):
        dirs.append(Path(os.environ["CLAIMCHECK_DATA_DIR"]))
    return [d for d in dirs if d.is_dir()]


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(e, dict) for e in value)


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "table"
    if isinstance(value, (dt.date, dt.datetime)):
        return "date"
    return type(value).__name__


_TYPE_NAMES = {str: "string", list: "list", dict: "table", bool: "boolean", int: "number", float: "number"}


class _Schema:
    """The shape of one kind, read off its built-in file."""

    def __init__(self, kind: str, builtin: dict[str, Any]) -> None:
        self.kind = kind
        self.top = {key: _type_name(value) for key, value in builtin.items()}
        self.words = {key for key, value in builtin.items()
                      if isinstance(value, list) and value and all(isinstance(v, str) for v in value)}
        self.entries: dict[str, dict[str, str]] = {}
        for key, value in builtin.items():
            if _is_table_list(value):
                fields = {f: _type_name(v) for entry in value for f, v in entry.items()}
                fields.update({f: _TYPE_NAMES[t] for f, t in EXTRA_FIELDS.get((kind, key), {}).items()})
                self.entries[key] = fields
        self.ids = ID_FIELDS.get(kind, {})

    def check(self, data: dict[str, Any], where: str) -> None:
        """Raise ``KnowledgeError`` for an unknown key, a wrong type or a duplicate id in ``data``."""
        for key, value in data.items():
            if key == "remove" and self.ids:
                self._check_remove(value, where)
                continue
            if key not in self.top:
                raise KnowledgeError(f"{where}: unknown key {key!r}; {self.kind} files have "
                                     f"{', '.join(sorted(self.top))}")
            if _type_name(value) != self.top[key]:
                raise KnowledgeError(f"{where}: {key!r} is a {_type_name(value)}, expected a {self.top[key]}")
            if key in self.words and not all(isinstance(v, str) for v in value):
                raise KnowledgeError(f"{where}: {key!r} holds something that is not a string; it is a list of words")
            if key in self.entries:
                self._check_entries(key, value, where)

    def _check_entries(self, key: str, entries: list, where: str) -> None:
        fields, id_field = self.entries[key], self.ids.get(key)
        seen: set[str] = set()
        for n, entry in enumerate(entries, 1):
            if not isinstance(entry, dict):
                raise KnowledgeError(f"{where}: [[{key}]] entry {n} is not a table")
            name = f"[[{key}]] entry {n}" + (f" ({id_field} = {entry[id_field]!r})" if id_field in entry else "")
            for field, value in entry.items():
                if field not in fields:
                    raise KnowledgeError(f"{where}: {name}: unknown key {field!r}; known keys: {', '.join(sorted(fields))}")
                if _type_name(value) != fields[field]:
                    raise KnowledgeError(f"{where}: {name}: {field!r} is a {_type_name(value)}, expected a {fields[field]}")
            if id_field is None:
                continue
            if not isinstance(entry.get(id_field), str):
                raise KnowledgeError(f"{where}: {name}: no {id_field!r}, the entry's id")
            if entry[id_field] in seen:
                raise KnowledgeError(f"{where}: {name}: a second entry with {id_field} = {entry[id_field]!r}")
            seen.add(entry[id_field])

    def _check_remove(self, value: Any, where: str) -> None:
        lists = value.values() if isinstance(value, dict) else [value]
        if isinstance(value, dict) and set(value) - set(self.ids):
            unknown = sorted(set(value) - set(self.ids))
            raise KnowledgeError(f"{where}: remove: {', '.join(unknown)} has no ids; lists with ids: "
                                 f"{', '.join(sorted(self.ids))}")
        if not all(isinstance(ids, list) and all(isinstance(i, str) for i in ids) for ids in lists):
            raise KnowledgeError(f"{where}: remove is a list of ids (or a table of such lists by entry list)")


def _remove(base: dict[str, Any], remove: list | dict, ids: dict[str, str], where: str) -> None:
    """Drop the entries ``remove`` names from ``base``; an id that names nothing is an error."""
    targets = remove.items() if isinstance(remove, dict) else [(key, remove) for key in ids]
    gone: set[str] = set()
    for key, names in targets:
        wanted = set(names)
        entries = base.get(key, [])
        gone.update(e[ids[key]] for e in entries if e.get(ids[key]) in wanted)
        base[key] = [e for e in entries if e.get(ids[key]) not in wanted]
    wanted_all = {n for _, names in targets for n in names}
    if wanted_all - gone:
        raise KnowledgeError(f"{where}: remove: no entry {', '.join(map(repr, sorted(wanted_all - gone)))} to remove")


def _merge_entries(base: list[dict], extra: list[dict], id_field: str | None) -> list[dict]:
    """``base`` with ``extra``'s entries: one with a known id replaces that entry, any other is added."""
    if id_field is None:
        return base + extra
    merged = list(base)
    at = {e.get(id_field): k for k, e in enumerate(merged)}
    for entry in extra:
        if entry[id_field] in at:
            merged[at[entry[id_field]]] = entry
        else:
            at[entry[id_field]] = len(merged)
            merged.append(entry)
    return merged


def _merge(base: dict[str, Any], extra: dict[str, Any], ids: dict[str, str] | None = None) -> dict[str, Any]:
    ids = ids or {}
    for key, value in extra.items():
        if isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = _merge_entries(base[key], value, ids.get(key))
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = _merge(dict(base[key]), value)
        else:
            base[key] = value
    return base


def _read_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{where}: not valid TOML ({exc}); fix or remove the file") from exc


def merged(kind: str, builtin_text: str, overlays: list[tuple[str, str]]) -> dict[str, Any]:
    """The built-in ``kind`` data with the user's ``overlays`` ((file name, text) in order), all checked."""
    data = _read_toml(builtin_text, f"claimcheck/data/{kind}.toml")
    schema = _Schema(kind, data)
    schema.check(data, f"claimcheck/data/{kind}.toml")
    for where, text in overlays:
        extra = _read_toml(text, where)
        schema.check(extra, where)
        if "remove" in extra and schema.ids:
            _remove(data, extra.pop("remove"), schema.ids, where)
        data = _merge(data, extra, schema.ids)
    return data


def _check_overlay_names() -> None:
    """A user's data file must name the kind it adds to ("actors-mine.toml"): one that names none
    ("actor-mine.toml") would be read by no kind and silently do nothing."""
    kinds = sorted(p.name.removesuffix(".toml") for p in resources.files("claimcheck.data").iterdir()
                   if p.name.endswith(".toml"))
    for folder in _extra_dirs():
        for path in sorted(folder.glob("*.toml")):
            if not any(path.name.startswith(kind) for kind in kinds):
                raise KnowledgeError(f"{path}: a data file's name must begin with the kind it adds to "
                                     f"({', '.join(kinds)}), e.g. actors-mine.toml")


@lru_cache(maxsize=None)
def load(kind: str) -> dict[str, Any]:
    """The merged contents of the ``kind`` data files."""
    _check_overlay_names()
    text = resources.files("claimcheck.data").joinpath(f"{kind}.toml").read_text(encoding="utf-8")
    overlays = [(str(path), path.read_text(encoding="utf-8"))
                for folder in _extra_dirs() for path in sorted(folder.glob(f"{kind}*.toml"))]
    return merged(kind, text, overlays)


@dataclass(frozen=True)
class Town:
    """A town or city of the world gazetteer (gazetteer.tsv, from GeoNames)."""

    country: str  # ISO 3166-1 code
    name: str  # English
    population: int
    arabic: tuple[str, ...]
    capital: bool


@lru_cache(maxsize=1)
def gazetteer() -> tuple[Town, ...]:
    """The world's towns and cities with their Arabic names (``claimcheck/data/gazetteer.tsv``)."""
    text = resources.files("claimcheck.data").joinpath("gazetteer.tsv").read_text(encoding="utf-8")
    towns = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 5 or not parts[2].isdigit():
            raise KnowledgeError(f"gazetteer.tsv line {n}: expected code, name, population, names, capital")
        towns.append(Town(parts[0], parts[1], int(parts[2]), tuple(parts[3].split("|")), parts[4] == "capital"))
    return tuple(towns)

