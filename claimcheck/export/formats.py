"""Exports of claims with their review status and conflicts (columns: docs/export.md).

Formats:
  csv          UTF-8 with a BOM, so Excel and LibreOffice open Arabic correctly
  csv-plain    the same without the BOM, for tools the BOM confuses
  jsonl        one JSON object per claim, with spans and lists: the data export
  claimreview  schema.org ClaimReview JSON-LD for the reviewed claims
  xlsx         an Excel workbook: one right-to-left sheet with the CSV's columns, dates as dates

The CSVs and the workbook neutralise cells a spreadsheet would run as a formula; jsonl and
claimreview keep the text exactly as stored.
"""

from __future__ import annotations

import itertools
import json
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd

from ..analysis.text import normalize
from ..config import load_settings
from ..models import side_inferred
from ..review import decisions as review
from .jsonarray import json_array

# Export formats by name: each writes the rows to a path and returns how many it wrote.
WRITERS: dict[str, Callable[[Path, Iterable[dict]], int]] = {}
STREAMING: set[str] = set()  # formats whose writer takes the rows as they are read (an iterable, once, in order)
PAGE = 1000  # claims read from the store, and rows written, at a time: memory stays flat on large stores


def writer(name: str, *, streams: bool = False):
    """Register the decorated function as the writer of format ``name`` (``export(..., fmt=name)``). It is
    given a list of every row, or with ``streams`` the rows as they are read (memory stays flat)."""

    def register(fn: Callable[[Path, Iterable[dict]], int]) -> Callable[[Path, Iterable[dict]], int]:
        WRITERS[name] = fn
        (STREAMING.add if streams else STREAMING.discard)(name)
        return fn

    return register
XLSX_MAX_ROWS = 1_048_576  # Excel's limit for one sheet, the header row included
XLSX_DATES = {"published": "yyyy-mm-dd", "reviewed_at": "yyyy-mm-dd hh:mm:ss"}
COLUMNS = [
    "claim_id", "article", "outlet", "published", "speaker", "role", "affiliation", "side", "cue", "content",
    "sentence", "time_reference", "status", "reviewer", "note", "evidence", "reviewed_at",
    "conflict_ids", "conflict_types", "conflict_reasons",
]
LIST_COLUMNS = ("conflict_ids", "conflict_types", "conflict_reasons")
LIST_SEPARATOR = " | "  # reasons contain commas and semicolons
# A cell starting with one of these is a formula to Excel/LibreOffice (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# status → (ratingValue on a 1–5 scale, the rating's name) for ClaimReview.
RATINGS = {
    "false": (1, "False"),
    "disputed": (2, "Disputed"),
    "needs-context": (3, "Needs context"),
    "verified": (5, "Verified"),
}
class ExportError(ValueError):
    """An export that cannot be written; the message says what to do."""


# The format an output file's extension asks for when none is named ("-o claims.xlsx").
FORMAT_OF_SUFFIX = {".jsonl": "jsonl", ".xlsx": "xlsx", ".jsonld": "claimreview", ".csv": "csv"}


# Extensions a user may mean, and the one that writes it.
_MEANT = {".json": ".jsonl", ".xls": ".xlsx", ".tsv": ".csv", ".txt": ".csv"}


def format_of(path) -> str:
    """The export format for ``path``: by its extension (csv without one); another extension is an error,
    not a CSV file under a name that says otherwise."""
    suffix = Path(path).suffix.lower()
    if not suffix:
        return "csv"
    if suffix not in FORMAT_OF_SUFFIX:
        hint = f" (perhaps {_MEANT[suffix]})" if suffix in _MEANT else ""
        raise ExportError(f"cannot tell the format from {Path(path).name!r}{hint}: name the file .csv, .jsonl, "
                          ".xlsx or .jsonld, or give --format")
    return FORMAT_OF_SUFFIX[suffix]


def export(store, path, fmt: str = "csv", status=None, outlet: str | None = None, side: str | None = None,
           since=None, until=None, claim_ids: Iterable[str] | None = None, force: bool = False) -> int:
    """Write the matching claims to ``path`` in ``fmt``; returns the number of rows (or reviews) written.

    ``status`` is one status or several; ``since``/``until`` (inclusive, date or YYYY-MM-DD) match the
    date a claim refers to, else its story's date. An existing file is replaced only with ``force``;
    the file is written whole under a temporary name first, so a failed export leaves it as it was.
    """
    if fmt not in WRITERS:
        raise ExportError(f"unknown format {fmt!r}; use one of: {', '.join(WRITERS)}")
    statuses_of(status), _day(since, "since"), _day(until, "until")  # bad options first, before the file
    if fmt == "xlsx" and Path(path).suffix.lower() != ".xlsx":
        # Excel refuses a workbook under another extension ("file format or extension is not valid").
        raise ExportError(f"an xlsx workbook needs a .xlsx file name, not {Path(path).name!r}")
    path = _target(Path(path), force)
    rows = iter_records(store, status=status, outlet=outlet, side=side, since=since, until=until, claim_ids=claim_ids)
    # Beside the target (so the rename stays on one file system), made by open() rather than mkstemp
    # so that the export gets the user's usual file permissions.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
    try:
        n = WRITERS[fmt](tmp, rows if fmt in STREAMING else list(rows))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return n


def _target(path: Path, force: bool) -> Path:
    """``path`` when an export may be written there; otherwise an ExportError that says why."""
    folder = path.parent
    if not folder.is_dir():
        what = "it is a file" if folder.exists() else "create it first"
        raise ExportError(f"no folder {folder} ({what}); choose another output path")
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name")
    if path.exists() and not force:
        raise ExportError(f"{path} already exists; choose another file name, or replace it with --force")
    return path


def _pages(rows: Iterable[dict], size: int | None = None) -> Iterator[list[dict]]:
    size = size or PAGE
    page: list[dict] = []
    for row in rows:
        page.append(row)
        if len(page) >= size:
            yield page
            page = []
    if page:
        yield page


def _write_csv(path: Path, rows: Iterable[dict], encoding: str) -> int:
    """A page of rows at a time, appended to one file; the header once (alone when there are no rows)."""
    written = 0
    with path.open("w", encoding=encoding, newline="") as out:
        for page in _pages(rows):
            _csv_page(out, page, header=written == 0)
            written += len(page)
        if written == 0:
            _csv_page(out, [], header=True)
    return written


def _csv_page(out, rows: list[dict], header: bool) -> None:
    # CRLF rows (RFC 4180): the csv writer then quotes every cell holding a CR or LF, so a
    # stray carriage return in a note cannot split a row.
    to_frame(rows).map(neutralise).to_csv(out, index=False, header=header, lineterminator="\r\n")


@writer("csv", streams=True)
def _write_excel_csv(path: Path, rows: list[dict]) -> int:
    """CSV with a UTF-8 BOM, which Excel needs to read Arabic."""
    return _write_csv(path, rows, "utf-8-sig")


@writer("csv-plain", streams=True)
def _write_plain_csv(path: Path, rows: list[dict]) -> int:
    """CSV in plain UTF-8, for readers the BOM confuses."""
    return _write_csv(path, rows, "utf-8")


@writer("jsonl", streams=True)
def _write_jsonl(path: Path, rows: Iterable[dict]) -> int:
    written = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            written += 1
    return written


@writer("claimreview", streams=True)
def _write_claimreview(path: Path, rows: Iterable[dict]) -> int:
    written = 0

    def counted(reviews: Iterable[dict]) -> Iterator[dict]:
        nonlocal written
        for review_ in reviews:
            written += 1
            yield review_

    with path.open("w", encoding="utf-8") as out:
        for piece in json_array(counted(iter_claimreviews(rows))):
            out.write(piece)
        out.write("\n")
    return written


@writer("xlsx", streams=True)
def _write_xlsx(path: Path, rows: Iterable[dict]) -> int:
    """The CSV's columns in a sheet laid out for Arabic: right to left, header frozen and filtered,
    columns sized to their text (the first 1,000 rows), dates as dates. Write-only mode and pages of
    rows keep memory flat on large stores."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    pages = _pages(rows)
    first = next(pages, [])
    tables = (to_frame(page).map(neutralise) for page in itertools.chain([first], pages))
    table = next(tables)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("claims")
    sheet.sheet_view.rightToLeft = True
    sheet.freeze_panes = "A2"
    for i, column in enumerate(COLUMNS, start=1):
        longest = max([len(column), *(len(v) for v in table[column].head(1000))])
        sheet.column_dimensions[get_column_letter(i)].width = min(longest + 2, 60)  # longer text wraps in its cell
    sheet.append(COLUMNS)
    written = 0
    while table is not None:
        if written + len(table) + 1 > XLSX_MAX_ROWS:
            total = written + len(table) + sum(len(page) for page in pages)
            sheet.close()  # the sheet's writer is let go before the half-written file is dropped
            raise ExportError(f"{total:,} claims do not fit in one Excel sheet ({XLSX_MAX_ROWS:,} rows at most); "
                              "export them as CSV (--format csv), or narrow the export with --status, --outlet or --since")
        written += _xlsx_rows(sheet, table)
        table = next(tables, None)
    # The filter's range is written after the rows (write-only sheets write it last), so it can wait for their count.
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{written + 1}"
    book.save(path)
    return written


def _xlsx_rows(sheet, table: pd.DataFrame) -> int:
    from openpyxl.cell import WriteOnlyCell

    for values in table.itertuples(index=False):
        cells = []
        for column, value in zip(COLUMNS, values):
            cell = WriteOnlyCell(sheet, _spreadsheet_date(value) if column in XLSX_DATES and value else value)
            if column in XLSX_DATES:
                cell.number_format = XLSX_DATES[column]
            cells.append(cell)
        sheet.append(cells)
    return len(table)


def _spreadsheet_date(value: str):
    """An ISO date or timestamp as Excel keeps it: a date, or a naive datetime in UTC (Excel has no zones)."""
    if len(value) == 10:
        return date.fromisoformat(value)
    moment = datetime.fromisoformat(value)
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def to_frame(rows: Iterable[dict]) -> pd.DataFrame:
    """The documented columns as strings, lists joined, missing values empty (what the CSV holds)."""
    flat = [
        {c: LIST_SEPARATOR.join(r[c]) if c in LIST_COLUMNS else ("" if r[c] is None else str(r[c])) for c in COLUMNS}
        for r in rows
    ]
    return pd.DataFrame(flat, columns=COLUMNS, dtype=object)


def neutralise(value):
    """Prefix a cell with ' when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _claim_date(c: dict, article) -> tuple[str | None, object]:
    """(the date the claim is about, as ISO text; the date its story was published)."""
    story = article.stories[c["story"]] if c["story"] < len(article.stories) else None
    published = (story.published if story else None) or article.published
    when = c["time_resolved"] or c["story_date"] or (published.isoformat() if published else None)
    return when, published


def _in_period(when: str | None, since: str | None, until: str | None) -> bool:
    """Whether a claim about ``when`` falls inside ``since``–``until`` (an undated claim falls inside no period)."""
    if (since or until) and when is None:
        return False
    return not ((since and when < since) or (until and when > until))


def _record(c: dict, article, state: dict, found: list[dict], when: str | None, published) -> dict:
    """One claim's export row: the documented columns, then the data fields."""
    return {
        "claim_id": c["id"],
        "article": article.name,
        "outlet": c["outlet"] or article.outlet,
        "published": published.isoformat() if published else None,
        "speaker": c["speaker"] or c["speaker_text"] or None,
        "role": c["role"],
        "affiliation": c["affiliation"],
        "side": c["side"],
        "cue": c["cue"],
        "content": c["content"],
        "sentence": article.text[c["sentence"][0]:c["sentence"][1]],
        "time_reference": _time_reference(c),
        "status": state["status"],
        "reviewer": state.get("reviewer"),
        "note": state.get("note"),
        "evidence": state.get("evidence_url"),
        "reviewed_at": state.get("at"),
        "conflict_ids": [k["id"] for k in found],
        "conflict_types": [k["type"] for k in found],
        "conflict_reasons": [k["reason_en"] for k in found],
        "conflict_confidences": [round(k["confidence"], 3) for k in found],
        # Data fields (jsonl and claimreview only).
        "article_id": c["article_id"],
        "article_url": article.url,
        "article_title": article.title,
        "date": when,
        "actor_id": c["actor_id"],
        "side_inferred": side_inferred(c["side"], c["speaker"], c["affiliation"]),
        "speaker_text": c["speaker_text"],
        "cue_lemma": c["cue_lemma"],
        "direct": c["direct"],
        "negated": c["negated"],
        "spans": {"sentence": c["sentence"], "cue": c["cue_span"], "speaker": c["speaker_span"],
                  "content": c["content_span"]},
        "frame": c["frame"],
    }


def records(store, *, status=None, outlet=None, side=None, since=None, until=None, claim_ids=None) -> list[dict]:
    """One dict per matching claim: the documented columns (conflicts as lists) plus data fields."""
    return list(iter_records(store, status=status, outlet=outlet, side=side, since=since, until=until, claim_ids=claim_ids))


def iter_records(store, *, status=None, outlet=None, side=None, since=None, until=None, claim_ids=None,
                 page: int | None = None) -> Iterator[dict]:
    """``records`` in their order (article name, sentence, cue), read from the store a page at a time:
    each page brings its own review states, conflicts and articles, nothing of the whole store."""
    wanted = statuses_of(status)
    since, until = _day(since, "since"), _day(until, "until")
    ids = list(claim_ids) if claim_ids is not None else None
    for claims in store.claim_pages(by_name=True, page=page or PAGE, outlet=outlet, side=side, ids=ids):
        page_ids = [c["id"] for c in claims]
        statuses = review.current_status(store, "claim", page_ids)
        conflicts = _conflicts_by_claim(store, page_ids)
        articles = store.articles_of(c["article_id"] for c in claims)
        for c in claims:
            state = statuses[c["id"]]
            if wanted and state["status"] not in wanted:
                continue
            article = articles[c["article_id"]]
            when, published = _claim_date(c, article)
            if _in_period(when, since, until):
                yield _record(c, article, state, conflicts.get(c["id"], []), when, published)


def claimreviews(rows: Iterable[dict]) -> list[dict]:
    """schema.org ClaimReview objects for the rows that carry a verdict (unreviewed claims have none)."""
    return list(iter_claimreviews(rows))


def iter_claimreviews(rows: Iterable[dict]) -> Iterator[dict]:
    """``claimreviews``, one at a time."""
    settings = load_settings()
    organisation = _compact({"@type": "Organization", "name": settings.organisation, "url": settings.organisation_url})
    kinds = _actor_kinds()
    for r in rows:
        if r["status"] not in RATINGS:
            continue
        value, name = RATINGS[r["status"]]
        appearance = _compact({
            "@type": "NewsArticle", "url": r["article_url"], "headline": r["article_title"],
            "datePublished": r["published"],
            "publisher": {"@type": "Organization", "name": r["outlet"]} if r["outlet"] else None,
        })
        yield _compact({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": r["claim_id"],
            "url": f"{settings.review_url}{r['claim_id']}" if settings.review_url else None,
            # A denial's content is what was denied; the sentence keeps the "نفى" that frames it.
            "claimReviewed": r["sentence"] if r.get("negated") else r["content"],
            "itemReviewed": _compact({
                "@type": "Claim",
                "author": _speaker(r, kinds),
                "datePublished": r["published"],  # when it was said, not the date it talks about
                "appearance": [appearance],
            }),
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                             "alternateName": name},
            "reviewBody": r["note"],  # the reviewer's reasons
            # The page the decision rests on: a citation of the review, as a web page.
            "citation": [{"@type": "WebPage", "url": r["evidence"]}] if r["evidence"] else None,
            "author": organisation,
            "datePublished": r["reviewed_at"][:10] if r["reviewed_at"] else None,
        })


def _body_heads() -> frozenset[str]:
    """First words of speakers that are bodies, not people, when the actor lists don't say (grammar.toml)."""
    from ..attribution import grammar

    return grammar.words("body_heads")


def _speaker(r: dict, kinds: dict[str, str]) -> dict | None:
    if not r["speaker"]:
        return None  # an unresolved speaker is no author: schema.org's author needs a name
    kind = kinds.get(r["actor_id"] or "")
    if kind is None:
        first = normalize((r["speaker"] or "").split(" ", 1)[0])
        # A party that no list knows speaks under its own name, its side ("جبهة الخلاص الوطني").
        own = r["side"] is not None and r["side"] == r["speaker"]  # not its spokesman (a Person of that party)
        kind = "organisation" if own or (first in _body_heads() and not r["role"]) else "person"
    if kind != "person":  # organisations, states and outlets all speak as an Organization
        return _compact({"@type": "Organization", "name": r["speaker"]})
    return _compact({
        "@type": "Person", "name": r["speaker"], "jobTitle": r["role"],
        "affiliation": {"@type": "Organization", "name": r["affiliation"]} if r["affiliation"] else None,
    })


def _actor_kinds() -> dict[str, str]:
    """Actor id → 'person' | 'organisation', from the actor lists when they exist."""
    from ..knowledge import loader as knowledge

    try:
        actors = knowledge.load("actors").get("actor", [])
    except (FileNotFoundError, ValueError):
        return {}
    return {a["id"]: a["kind"] for a in actors if a.get("id") and a.get("kind")}


def _conflicts_by_claim(store, claim_ids: list[str]) -> dict[str, list[dict]]:
    """The conflicts of ``claim_ids`` per claim id (by conflict id) that ``claimcheck conflicts`` shows: at the
    default --min-confidence or confirmed by a reviewer, and not marked not-a-conflict."""
    found = store.conflicts_of(claim_ids)
    states = review.current_status(store, "conflict", [k["id"] for k in found])
    threshold = load_settings().conflicts.min_confidence
    by_claim: dict[str, list[dict]] = {}
    for k in found:
        status = states[k["id"]]["status"] if k["id"] in states else None
        if status == "not-a-conflict" or (k["confidence"] < threshold and status != "confirmed"):
            continue
        for claim_id in (k["claim_a"], k["claim_b"]):
            by_claim.setdefault(claim_id, []).append(k)
    return by_claim


def _time_reference(c: dict) -> str | None:
    if not c["time_text"]:
        return None
    return f"{c['time_text']} ({c['time_resolved']})" if c["time_resolved"] else c["time_text"]


def statuses_of(status) -> set[str]:
    """The statuses asked for, checked (any case); an unknown one is an ``ExportError``."""
    if status is None:
        return set()
    values = {s.strip().lower() for s in ([status] if isinstance(status, str) else status)}  # as --outlet, case aside
    unknown = values - set(review.CLAIM_STATUSES)
    if unknown:
        raise ExportError(f"unknown status {', '.join(sorted(unknown))}; use: {', '.join(review.CLAIM_STATUSES)}")
    return values


def _day(value, name: str) -> str | None:
    """An ISO date string (comparable with the stored ISO dates) from a date or YYYY-MM-DD."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise ExportError(f"--{name} {value!r} is not a date; write it as YYYY-MM-DD") from exc


def _compact(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None and v != [] and v != {}}
