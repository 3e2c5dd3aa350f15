"""Review decisions on claims and conflicts, kept as an append-only log.

Each decision is a new row in ``reviews`` (who, when, from which status to which, note,
evidence). The current status of a target is its latest decision not taken back (one rule for
the commands, the export and the desk: ``claimcheck.store.queries.status_column``); undo appends
a row that restores the status the undone decision replaced. Nothing is updated or deleted, so
the history of every claim is complete, including mistakes and their corrections. Undo only
takes back a decision that is still the one in force, so the latest row's new status is always
the current status too.

Two reviewers may decide on the same target at the same moment (two terminals, two
processes). Each write reads the current status and appends the new row in one
transaction that holds a write lock first, so the chain stays consistent
(each row's ``old_status`` is the previous row's ``new_status``) and the later decision wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from urllib.parse import urlparse

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from ..store.database import UNREVIEWED, ClaimRow, ConflictRow, ReviewRow, now
from ..store.locks import write_transaction
from ..store.queries import in_force, status_column

CLAIM_STATUSES = ("unreviewed", "verified", "disputed", "false", "needs-context")
CONFLICT_STATUSES = ("unreviewed", "confirmed", "not-a-conflict")
STATUSES = {"claim": CLAIM_STATUSES, "conflict": CONFLICT_STATUSES}
NOTE_MAX = 10_000  # characters: a few pages of reasons
# The wording for conflict decisions, accepted as typed.
_ALIASES = {"confirmed-conflict": "confirmed", "not-conflict": "not-a-conflict"}

reviews = ReviewRow.__table__
_TARGETS = {"claim": ClaimRow.__table__, "conflict": ConflictRow.__table__}


class ReviewError(ValueError):
    """A review that cannot be recorded; the message says what to do instead."""


# --- reading ----------------------------------------------------------------------------


def history(store, kind: str, target_id: str) -> list[dict]:
    """Every decision on a target, oldest first. ``target_id`` may be a unique prefix."""
    _check_kind(kind)
    target = resolve(store, kind, target_id, orphans=True)
    with store.engine.connect() as conn:
        return [_row(r) for r in _rows(conn, kind, target)]


def current_status(store, kind: str, ids: Iterable[str] | None = None) -> dict[str, dict]:
    """The decision in force per target (full ids), in one query.

    With ``ids`` the answer has exactly those keys; without, every stored claim (or conflict).
    ``status`` is the new status of the latest decision in force (the store's one rule,
    ``queries.status_column``); the other fields are that decision's: after an undo, the status
    goes back to the decision before, with its reviewer and note. Targets never reviewed (or with
    every decision undone) are 'unreviewed'.
    """
    _check_kind(kind)
    deciding = (
        select(reviews.c.target_id, func.max(reviews.c.id).label("id"))
        .where(reviews.c.target_kind == kind, in_force())
        .group_by(reviews.c.target_id)
    )
    if ids is not None:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        latest = deciding.where(reviews.c.target_id.in_(wanted)).subquery()
        query = select(latest.c.target_id.label("target"), reviews).join(reviews, reviews.c.id == latest.c.id)
    else:
        table = _TARGETS[kind]
        latest = deciding.subquery()
        query = (
            select(table.c.id.label("target"), reviews)
            .select_from(table)
            .outerjoin(latest, latest.c.target_id == table.c.id)
            .outerjoin(reviews, reviews.c.id == latest.c.id)
        )
    with store.engine.connect() as conn:
        found = {r.target: _status(r, kind, r.target) for r in conn.execute(query)}
    if ids is None:
        return found
    return {i: found.get(i) or _status(None, kind, i) for i in wanted}


def last_decision_by(store, reviewer: str) -> dict | None:
    """The reviewer's latest decision that has not been undone (what undo would take back)."""
    query = (
        select(reviews)
        .where(reviews.c.reviewer == (reviewer or "").strip(), in_force())
        .order_by(reviews.c.id.desc())
        .limit(1)
    )
    with store.engine.connect() as conn:
        row = conn.execute(query).first()
    return _row(row) if row else None


def resolve(store, kind: str, ref: str, *, orphans: bool = False) -> str:
    """The full id of a claim or conflict from its id or a unique prefix of it.

    With ``orphans``, ids that only survive in the review log (the claim was dropped by a
    re-analysis) are found too, so their history stays reachable.
    """
    _check_kind(kind)
    ref = (ref or "").strip()
    if not ref:
        raise ReviewError(f"give a {kind} id (`claimcheck {kind}s --json` lists them)")
    with store.engine.connect() as conn:
        found = _match(conn, _TARGETS[kind].c.id, ref)
        if not found and orphans:
            found = _match(conn, reviews.c.target_id, ref, reviews.c.target_kind == kind)
    if len(found) == 1:
        return found[0]
    if not found:
        raise ReviewError(f"no {kind} {ref!r} in the store; `claimcheck {kind}s --json` lists their ids")
    raise ReviewError(f"{kind} id {ref!r} matches several {kind}s ({', '.join(found)}, …); give more characters")


# --- writing ----------------------------------------------------------------------------


def record(store, kind: str, target_id: str, status: str, reviewer: str,
           note: str | None = None, evidence: str | None = None) -> dict:
    """Append a decision: ``target_id`` (full id or unique prefix) now has ``status``. Returns the new row."""
    _check_kind(kind)
    status = check_status(kind, status)
    reviewer = _check_reviewer(reviewer)
    evidence = _check_url(evidence)
    note = _check_note(note)
    target = resolve(store, kind, target_id)
    with _locked(store, kind, target) as conn:
        rows = _rows(conn, kind, target)
        last = rows[-1] if rows else None
        if last is not None and last.undo_of is None and (last.reviewer, last.new_status, last.note, last.evidence_url) \
                == (reviewer, status, note, evidence):
            return {**_row(last), "repeated": True}  # the same reviewer saying the same again adds no decision
        old = _latest_status(conn, kind, target)
        return _insert(conn, kind, target, reviewer, old, status, note, evidence, None)


def undo(store, kind: str, target_id: str, reviewer: str) -> dict:
    """Take back ``reviewer``'s last decision on a target by appending a row that restores its old status.

    Refused when someone else has decided on the target since: their decision stands, and
    the reviewer records a new review instead.
    """
    _check_kind(kind)
    reviewer = _check_reviewer(reviewer)
    target = resolve(store, kind, target_id, orphans=True)
    with _locked(store, kind, target) as conn:
        rows = _rows(conn, kind, target)
        undone = {r.undo_of for r in rows if r.undo_of is not None}
        # Decisions still in force: not undo rows themselves, and not taken back by one.
        in_force = [r for r in rows if r.undo_of is None and r.id not in undone]
        mine = [r for r in in_force if r.reviewer == reviewer]
        if not mine:
            flag = " --conflict" if kind == "conflict" else ""
            raise ReviewError(
                f"{reviewer} has no decision to undo on {kind} {target}; "
                f"`claimcheck history {target}{flag}` shows who decided what"
            )
        last = mine[-1]
        if in_force[-1].id != last.id:
            other = in_force[-1]
            raise ReviewError(
                f"cannot undo: {other.reviewer} set {kind} {target} to {other.new_status} after your decision "
                f"(review #{other.id}); record a new review instead"
            )
        return _insert(conn, kind, target, reviewer, rows[-1].new_status, last.old_status, None, None, last.id)


def _locked(store, kind: str, target: str):
    """A transaction that holds the write lock for ``target`` before anything is read."""
    return write_transaction(store.engine, f"review:{kind}:{target}")


def _insert(conn: Connection, kind: str, target: str, reviewer: str, old: str, new: str,
            note: str | None, evidence: str | None, undo_of: int | None) -> dict:
    values = dict(target_kind=kind, target_id=target, reviewer=reviewer, at=now(), old_status=old,
                  new_status=new, note=note, evidence_url=evidence, undo_of=undo_of)
    result = conn.execute(insert(reviews).values(**values))
    return _row_values({"id": result.inserted_primary_key[0], **values})


# --- helpers ----------------------------------------------------------------------------


def _rows(conn: Connection, kind: str, target: str) -> list:
    query = select(reviews).where(reviews.c.target_kind == kind, reviews.c.target_id == target).order_by(reviews.c.id)
    return list(conn.execute(query))


def _latest_status(conn: Connection, kind: str, target: str) -> str:
    return conn.scalar(select(status_column(kind, target)))


def _match(conn: Connection, column, ref: str, *where) -> list[str]:
    exact = conn.scalar(select(column).where(column == ref, *where).limit(1))
    if exact:
        return [exact]
    query = select(column).where(column.startswith(ref, autoescape=True), *where).distinct().order_by(column).limit(3)
    return list(conn.scalars(query))


def _row(r) -> dict:
    return _row_values(r._mapping)


def _row_values(m) -> dict:
    return {
        "id": m["id"], "target_kind": m["target_kind"], "target_id": m["target_id"], "reviewer": m["reviewer"],
        "at": _iso(m["at"]), "old_status": m["old_status"], "new_status": m["new_status"], "note": m["note"],
        "evidence_url": m["evidence_url"], "undo_of": m["undo_of"],
    }


def _status(r, kind: str, target: str) -> dict:
    if r is None or r.id is None:
        empty = dict.fromkeys(("id", "reviewer", "at", "old_status", "new_status", "note", "evidence_url", "undo_of"))
        return {**empty, "target_kind": kind, "target_id": target, "status": UNREVIEWED}
    return {**_row(r), "status": r.new_status}


def _iso(at: datetime | None) -> str | None:
    if at is None:
        return None
    # SQLite hands back naive datetimes; they were written in UTC.
    at = at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at.astimezone(timezone.utc)
    return at.isoformat(timespec="seconds")


def _check_kind(kind: str) -> None:
    if kind not in STATUSES:
        raise ReviewError(f"unknown review target {kind!r}: use 'claim' or 'conflict'")


# What to do when a status of the other kind is given to `review`, `history` or `undo`.
_FLAG_HINTS = {"conflict": "add --conflict", "claim": "leave out --conflict"}


def check_status(kind: str, status: str, flag_hint: bool = True) -> str:
    """The status spelled as stored. ``flag_hint``: the error names the --conflict flag of the review
    commands (commands without that flag, such as the listings, only say which kind the status is)."""
    value = (status or "").strip().lower().replace("_", "-").replace(" ", "-")
    value = _ALIASES.get(value, value)
    if value not in STATUSES[kind]:
        other = next((k for k in STATUSES if k != kind and value in STATUSES[k]), None)
        hint = "" if other is None else f" (a {other} status" + (f": {_FLAG_HINTS[other]})" if flag_hint else ")")
        raise ReviewError(f"{status!r} is not a {kind} status; use one of: {', '.join(STATUSES[kind])}{hint}")
    return value


def _check_reviewer(reviewer: str) -> str:
    name = (reviewer or "").strip()
    if not name:
        raise ReviewError("no reviewer name: pass --reviewer NAME or set CLAIMCHECK_REVIEWER")
    if len(name) > 200:
        raise ReviewError("reviewer name is longer than 200 characters; use a shorter name")
    return name


def _check_note(note: str | None) -> str | None:
    """The note as typed; blank means no note. Capped: every history and export carries it."""
    if not note or not note.strip():
        return None
    if len(note) > NOTE_MAX:
        raise ReviewError(f"the note has {len(note):,} characters, more than {NOTE_MAX:,}; "
                          "shorten it and put the long text behind an --evidence link")
    return note


def _check_url(url: str | None) -> str | None:
    if url is None or not url.strip():
        return None
    url = url.strip()
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ReviewError(f"evidence must be a web address starting with http:// or https:// (got {url!r})")
    return url
