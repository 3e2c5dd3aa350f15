"""Read article files into ``Article`` objects.

Inputs: ``.txt`` articles (metadata from a ``<name>.json`` sidecar or an ``articles.jsonl``
manifest in the same folder or above), and ``.jsonl`` / ``.csv`` collections with one
article per record. Encodings are detected, not assumed: UTF-8 (with or without BOM),
UTF-16 (either byte order) and Windows-1256 are all read to the same text.

A file or record that cannot be read becomes an ``IngestError`` naming it and saying
what to do; the others are still read.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from dateutil import parser as date_parser

from ..models import Article, Evidence
from . import segment

TEXT_SUFFIXES = {".txt"}
COLLECTION_SUFFIXES = {".jsonl", ".csv"}
MANIFEST = "articles.jsonl"
TEXT_FIELDS = ("text", "body", "content", "article")
MISSING = "no such file or folder; check the path"


@dataclass(frozen=True)
class IngestError:
    path: str
    message: str
    record: int | None = None  # the line a record starts on in a collection (1-based)

    def __str__(self) -> str:
        where = f"{self.path} (line {self.record})" if self.record else self.path
        return f"{where}: {self.message}"


class UnreadableText(ValueError):
    pass


def _bom_codec(name: str) -> codecs.CodecInfo | None:
    """``utf-16-le-sig`` / ``utf-16-be-sig``: UTF-16 in one byte order with its BOM, like ``utf-8-sig``.

    Python's ``utf-16`` writes the machine's byte order on encoding, so it cannot name a
    big-endian file with a BOM; these names give back the bytes that were read.
    """
    boms = {"utf_16_le_sig": codecs.BOM_UTF16_LE, "utf_16_be_sig": codecs.BOM_UTF16_BE}
    if name not in boms:
        return None
    bom, base = boms[name], codecs.lookup(name.removesuffix("_sig"))

    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        data, consumed = base.encode(text, errors)
        return bom + data, consumed

    def decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
        data = bytes(data)
        skip = len(bom) if data.startswith(bom) else 0
        text, consumed = base.decode(data[skip:], errors)
        return text, consumed + skip

    return codecs.CodecInfo(encode, decode, name=name.replace("_", "-"))


codecs.register(_bom_codec)

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(raw: bytes) -> tuple[str, str]:
    """Decode ``raw`` and name the codec that gives back the same bytes on encoding.

    BOMs decide first; then UTF-16 without BOM, recognised by zero bytes that all sit on
    one side of each byte pair (Arabic UTF-16 is otherwise valid ASCII, so this must come
    before UTF-8); then strict UTF-8; then charset-normalizer, which tells Windows-1256
    from other code pages.
    """
    text, codec = _decode(raw)
    if not text.strip():
        raise UnreadableText("the file is empty; nothing to ingest")
    return text, codec


def _decode(raw: bytes) -> tuple[str, str]:
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le-sig"), (codecs.BOM_UTF16_BE, "utf-16-be-sig"))
    for bom, codec in boms:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise UnreadableText(
                    f"starts with a {codec.removesuffix('-sig').upper()} byte-order mark but is not valid "
                    f"{codec.removesuffix('-sig').upper()} ({exc.reason}); save it as UTF-8 and ingest it again"
                ) from exc
    if not raw.strip():
        return "", "utf-8"
    even_zeros, odd_zeros = raw[0::2].count(0), raw[1::2].count(0)
    if len(raw) % 2 == 0 and max(even_zeros, odd_zeros) > 20 * min(even_zeros, odd_zeros):
        codec = "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            pass
        else:
            if not _CONTROL.search(text):
                return text, codec
    if raw.count(0) > 0:
        raise UnreadableText("looks like a binary file, not text; export it as plain text (UTF-8) and ingest that")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass

    from charset_normalizer import from_bytes

    match = from_bytes(raw, cp_isolation=["cp1256", "iso8859_6", "cp720", "utf_16"]).best()
    if match is None:
        match = from_bytes(raw).best()
    if match is None:
        raise UnreadableText("cannot tell its text encoding; save it as UTF-8 and ingest it again")
    codec = match.encoding
    text = raw.decode(codec)
    if text.encode(codec) != raw:
        raise UnreadableText(f"decodes as {codec} only with losses; save it as UTF-8 and ingest it again")
    return text, codec


_ISO_DAY = re.compile(r"\s*\d{4}-?\d{2}-?\d{2}")
# Two far-apart defaults: dateutil fills what a date leaves out from its default (from today
# without one: "12" became the 12th of the current month), so a date that parses differently
# against each of them is missing its day, month or year.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))
_NUMERIC_DAY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}\s*$")  # "12/03/2024": which is the month?


def _parse_date(value: object) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"'published' must be a date in quotes such as \"2020-05-21\", not {json.dumps(value)}")
    if _ISO_DAY.match(value):
        try:
            return date_parser.isoparse(value.strip()).date()
        except ValueError as exc:  # "2020-13-45": the shape of a date, not a day of the calendar
            raise ValueError(f"'published' {value!r} is not a date ({exc}); write it as YYYY-MM-DD") from exc
    numbers = _NUMERIC_DAY.match(value)
    if numbers and int(numbers[1]) <= 12 and int(numbers[2]) <= 12 and numbers[1] != numbers[2]:
        raise ValueError(f"'published' {value!r} could be day/month or month/day; write it as YYYY-MM-DD")
    try:
        first, second = (date_parser.parse(value, dayfirst=True, default=d).date() for d in _DEFAULTS)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"'published' {value!r} is not a date ({exc}); write it as YYYY-MM-DD") from exc
    if first != second:
        raise ValueError(f"'published' {value!r} is not a whole date (day, month and year); write it as YYYY-MM-DD")
    return first


def _meta_text(meta: dict, key: str) -> str | None:
    """A metadata field that must be text (outlet, url, title); None when absent or empty."""
    value = meta.get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be text, not {json.dumps(value, ensure_ascii=False)}")
    return value


def build_article(
    text: str,
    name: str,
    *,
    source_path: str | None = None,
    encoding: str = "utf-8",
    meta: dict | None = None,
) -> Article:
    """An Article with stories, chrome and outlet found; metadata wins over inference."""
    meta = meta or {}
    named_outlet, url, title = (_meta_text(meta, key) for key in ("outlet", "url", "title"))
    published = _parse_date(meta.get("published"))
    stories, chrome = segment.segment(text)
    outlet, evidence = None, None
    if named_outlet:
        outlet = segment.outlet_by_name(named_outlet) or named_outlet
        evidence = Evidence(str(meta.get("outlet_evidence") or "metadata"), -1, "metadata")
    else:
        outlet, evidence = segment.infer_outlet(text, chrome)
    if published:
        # Metadata dates the article; a story with its own dateline keeps that.
        stories = [s if s.published else _with_date(s, published) for s in stories]
    return Article(
        text=text,
        name=name,
        source_path=source_path,
        encoding=encoding,
        outlet=outlet,
        outlet_evidence=evidence,
        published=published,
        url=url,
        title=title or (stories[0].title if stories else None),
        stories=stories,
        chrome=chrome,
    )


def _with_date(story, published):
    from dataclasses import replace

    return replace(story, published=published, date_evidence=Evidence(published.isoformat(), -1, "metadata"))


def _manifest_entries(folder: Path, root: Path) -> dict[str, dict]:
    """Entries of every ``articles.jsonl`` from ``folder`` up to ``root``, keyed by file path."""
    entries: dict[str, dict] = {}
    chain = [folder, *folder.parents]
    for directory in chain:
        manifest = directory / MANIFEST
        if manifest.is_file():
            for line in manifest.read_text(encoding="utf-8-sig").splitlines():
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if not isinstance(entry, dict):
                    continue
                for key in ("path", "file"):
                    if entry.get(key):
                        entries.setdefault(str((directory / entry[key]).resolve()), entry)
                if entry.get("id"):
                    entries.setdefault(f"id:{entry['id']}", entry)
        # The folder given to ingest and the one above it (a fixtures-level manifest).
        if directory == root.parent or directory == directory.parent:
            break
    return entries


def _is_manifest(path: Path) -> bool:
    return path.name == MANIFEST


def _check_size(size: int) -> None:
    from ..config import load_settings

    limit = load_settings().max_article_mb
    if size > limit * 1_000_000:
        raise UnreadableText(f"is {size / 1_000_000:.3g} MB, more than the {limit:g} MB allowed for one article; "
                             "split it, or raise max_article_mb under [ingest] in config.toml")


def _txt_article(path: Path, root: Path) -> Article:
    _check_size(path.stat().st_size)
    raw = path.read_bytes()
    text, encoding = decode(raw)
    meta: dict = {}
    sidecar = path.with_suffix(".json")
    if sidecar.is_file():
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8-sig"))
        except json.JSONDecodeError as exc:
            raise UnreadableText(f"its sidecar {sidecar.name} is not valid JSON (line {exc.lineno}); fix it or remove it") from exc
        if not isinstance(meta, dict):
            raise UnreadableText(f"its sidecar {sidecar.name} is not a JSON object ({{\"outlet\": …}}); fix it or remove it")
    else:
        entries = _manifest_entries(path.parent.resolve(), root.resolve())
        meta = entries.get(str(path.resolve())) or entries.get(f"id:{path.stem}") or {}
    return build_article(text, path.stem, source_path=str(path), encoding=encoding, meta=meta)


def _records(path: Path) -> Iterator[tuple[int, dict | Exception]]:
    text, _ = decode(path.read_bytes())
    if path.suffix == ".jsonl":
        # Records end at "\n" only: str.splitlines would also break inside a record at U+2028 or
        # U+0085, which JSON strings may hold unescaped.
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("a record must be a JSON object")
                yield number, record
            except ValueError as exc:
                yield number, exc
    else:
        # Numbered by the line each row starts on, like JSONL records: a quoted cell may hold line
        # breaks, so a row's index is not the line an editor shows.
        reader = csv.reader(io.StringIO(text, newline=""))
        header: list[str] | None = None
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, ValueError(f"not valid CSV ({exc})")
                return  # the reader cannot go on past a broken row
            if header is None:
                header = row
            elif row:
                yield start, dict(zip(header, row))


def _collection_articles(path: Path) -> Iterator[Article | IngestError]:
    """The articles of a .jsonl/.csv collection; a file none of whose records holds a text is one error, not
    one per record (a file of something else: annotations, a list of links)."""
    textless: list[IngestError] = []
    articles = 0
    for item in _collection_items(path, textless):
        articles += isinstance(item, Article)
        yield item
    if textless and not articles:
        yield IngestError(str(path), f"no record has an article text (one of the fields {', '.join(TEXT_FIELDS)}); "
                                     "is it a collection of articles?")
    else:
        yield from textless


def _collection_items(path: Path, textless: list[IngestError]) -> Iterator[Article | IngestError]:
    for number, record in _records(path):
        if isinstance(record, Exception):
            reason = str(record) if str(record).startswith("not valid CSV") else f"not valid JSON ({record})"
            yield IngestError(str(path), f"{reason}; fix the line and ingest again", number)
            continue
        body = next((record[f] for f in TEXT_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None)
        if body is None:
            textless.append(IngestError(str(path), f"has no article text (expected one of the fields {', '.join(TEXT_FIELDS)})",
                                        number))
            continue
        name = str(record.get("id") or record.get("name") or f"{path.stem}-{number}")
        try:
            _check_size(len(body.encode("utf-8")))
        except UnreadableText as exc:
            yield IngestError(str(path), f"its text {exc}", number)
            continue
        try:
            yield build_article(body, name, source_path=f"{path}#{number}", encoding="utf-8", meta=record)
        except (ValueError, OverflowError) as exc:
            yield IngestError(str(path), f"bad metadata ({exc}); fix the record and ingest again", number)


def discover(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    """(file, root) for every ingestible file under ``paths``, in a stable order."""
    for given in paths:
        if given.is_dir():
            for path in sorted(given.rglob("*")):
                if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES | COLLECTION_SUFFIXES and not _is_manifest(path):
                    yield path, given
        else:
            yield given, given.parent


def read(paths: list[Path]) -> Iterator[Article | IngestError]:
    """Articles from files and folders; unreadable inputs come out as ``IngestError``."""
    for path, root in discover(paths):
        if not path.exists():
            yield IngestError(str(path), MISSING)
            continue
        suffix = path.suffix.lower()
        try:
            if suffix in COLLECTION_SUFFIXES:
                yield from _collection_articles(path)
            elif suffix in TEXT_SUFFIXES or path.is_file():
                yield _txt_article(path, root)
        except UnreadableText as exc:
            yield IngestError(str(path), str(exc))
        except OSError as exc:
            yield IngestError(str(path), f"cannot be read ({exc.strerror or exc}); check its permissions")
        except (ValueError, OverflowError) as exc:
            yield IngestError(str(path), f"bad metadata ({exc}); fix its sidecar or manifest entry")
