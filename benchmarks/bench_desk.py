"""First paint and memory of the review desk on a store of 100k claims.

    python benchmarks/bench_desk.py [--claims 100000] [--db PATH]

Builds a SQLite store from the seed articles and their hand-checked gold claims, then copies
it (articles with a copy marker appended, so every span still points at real text; claims,
conflicts and a few review decisions) up to the requested number of claims, in bulk inserts.
The desk is then measured in a fresh process, so the figures are the desk's own:

- first paint of the conflict queue: from starting the app until its table has rows, and from
  the start of the process (interpreter, imports and opening the store included);
- first paint of the claims browser: from pressing ``2`` until its table has rows;
- an Arabic search over every claim: its first page, and its count (both in workers);
- peak RSS of that process.

Targets: first paint ≤ 1 s, peak RSS ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

FIRST_PAINT_TARGET_S = 1.0
RSS_TARGET_MB = 300


# --- building the store ---------------------------------------------------------------------


def build(path: Path, n_claims: int) -> dict:
    from desk_helpers import desk_store
    from sqlalchemy import insert, select

    from claimcheck.models import stable_id
    from claimcheck.store.database import ArticleRow, ClaimRow, ConflictRow, ReviewRow, now

    url = f"sqlite:///{path}"
    store, _ = desk_store(url, gold=True)
    started = time.perf_counter()
    with store.session() as s:
        articles = [dict(r._mapping) for r in s.execute(select(ArticleRow.__table__))]
        claims = [dict(r._mapping) for r in s.execute(select(ClaimRow.__table__))]
        conflicts = [dict(r._mapping) for r in s.execute(select(ConflictRow.__table__))]
    by_article: dict[str, list[dict]] = {}
    for c in claims:
        by_article.setdefault(c["article_id"], []).append(c)
    statuses = ("verified", "disputed", "false", "needs-context")
    made = len(claims)
    copy = 0
    at = now()
    while made < n_claims:
        copy += 1
        new_articles, new_claims, new_conflicts, new_reviews, ids = [], [], [], [], {}
        for art in articles:
            text = f"{art['text']}\n\n[نسخة {copy}]"
            new_id = stable_id(text)
            new_articles.append({**art, "id": new_id, "text": text, "name": f"{art['name']}-copy{copy}"})
            for c in by_article.get(art["id"], []):
                if made >= n_claims:
                    break
                cid = stable_id("bench", copy, c["id"])
                ids[c["id"]] = cid
                new_claims.append({**c, "id": cid, "article_id": new_id, "nested_in": None})
                made += 1
                if made % 50 == 0:  # about 2% of claims carry a decision
                    status = statuses[made % len(statuses)]
                    new_reviews.append({"target_kind": "claim", "target_id": cid, "reviewer": "bench", "at": at,
                                        "old_status": "unreviewed", "new_status": status, "note": None,
                                        "evidence_url": None, "undo_of": None})
        for k in conflicts:
            if k["claim_a"] in ids and k["claim_b"] in ids:
                a, b = sorted((ids[k["claim_a"]], ids[k["claim_b"]]))
                confidence = 0.5 + (int(stable_id(a, b)[:4], 16) % 500) / 1000
                new_conflicts.append({**k, "id": stable_id(a, b, k["type"]), "claim_a": a, "claim_b": b,
                                      "confidence": confidence})
        with store.session() as s:
            s.execute(insert(ArticleRow.__table__), new_articles)
            s.execute(insert(ClaimRow.__table__), new_claims)
            if new_conflicts:
                s.execute(insert(ConflictRow.__table__), new_conflicts)
            if new_reviews:
                s.execute(insert(ReviewRow.__table__), new_reviews)
    figures = {"claims": store.claim_count(), "conflicts": store.conflict_count(), "articles": len(store.articles()),
               "build_s": round(time.perf_counter() - started, 1), "db_mb": round(path.stat().st_size / 2**20, 1)}
    store.close()
    return figures


# --- measuring the desk (in its own process) ------------------------------------------------


async def _wait_rows(app, selector: str, timeout: float = 30.0) -> float:
    """When the table first has rows (the next screen refresh, at most a frame later, paints them)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            table = app.screen.query_one(selector)
        except Exception:  # not started yet, or another screen
            table = None
        if table is not None and table.row_count > 0:
            return time.perf_counter()
        await asyncio.sleep(0.002)
    raise TimeoutError(f"{selector} had no rows after {timeout} s")


async def _measure(url: str, spawned: float) -> dict:
    started = time.perf_counter()
    since_spawn = time.time() - spawned  # the interpreter's own start-up, before this line ran
    from claimcheck.store.database import open_store
    from tui.app import DeskApp

    imported = time.perf_counter()
    store = open_store(url)  # what `claimcheck desk` does
    opened = time.perf_counter()
    app = DeskApp(store, "bench", "shape")
    t0 = time.perf_counter()
    # Polled alongside the start-up: run_test itself returns only once the app has settled.
    first_rows = asyncio.create_task(_wait_rows(app, "#queue"))
    async with app.run_test(size=(140, 40)) as pilot:
        queue_at = await first_rows
        queue_rows = pilot.app.screen.query_one("#queue").row_count
        await pilot.app.workers.wait_for_complete()
        t1 = time.perf_counter()
        # Pilot.press returns only when the app is idle again (counts loaded too): poll alongside it.
        press = asyncio.create_task(pilot.press("2"))
        claims_at = await _wait_rows(app, "#claims")
        await press
        claims_rows = pilot.app.screen.query_one("#claims").row_count
        await pilot.app.workers.wait_for_complete()
        header = str(pilot.app.screen.query_one("#header-counts").render())
        table = pilot.app.screen.query_one("#claims")
        before = table.records
        search = pilot.app.screen.query_one("#filter-search")
        search.focus()
        search.value = "اسقطت"
        t2 = time.perf_counter()
        press = asyncio.create_task(pilot.press("enter"))
        while table.records is before or not table.row_count:  # a reset table holds a new list
            await asyncio.sleep(0.002)
        search_page = time.perf_counter()
        await press
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        searched = time.perf_counter()
        found = table.row_count
    store.close()
    return {
        "import_s": round(imported - started, 3),
        "open_store_s": round(opened - imported, 3),
        "queue_first_paint_s": round(queue_at - t0, 3),
        "from_process_start_s": round(since_spawn + queue_at - started, 3),
        "queue_rows_loaded": queue_rows,
        "claims_first_paint_s": round(claims_at - t1, 3),
        "claims_rows_loaded": claims_rows,
        "claims_header": header,
        "search_first_page_s": round(search_page - t2, 3),
        "search_with_count_s": round(searched - t2, 3),
        "search_rows_loaded": found,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="store to build and keep, or to reuse if it exists "
                                                 "(default: a temporary one, deleted afterwards)")
    parser.add_argument("--measure", nargs=2, metavar=("URL", "SPAWNED"), help=argparse.SUPPRESS)  # the child
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(asyncio.run(_measure(args.measure[0], float(args.measure[1]))), ensure_ascii=False))
        return

    folder = Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    path = args.db or folder / "bench.db"
    # Keep the user's data and config folders out of it.
    os.environ.update(CLAIMCHECK_HOME=str(folder / "home"), CLAIMCHECK_CONFIG_DIR=str(folder / "config"))
    store_figures = {"reused": str(path)} if path.exists() else build(path, args.claims)
    print("store:", json.dumps(store_figures))
    done = subprocess.run([sys.executable, __file__, "--measure", f"sqlite:///{path}", repr(time.time())],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(done.stderr)
    desk = json.loads(done.stdout.strip().splitlines()[-1])
    print("desk:", json.dumps(desk, ensure_ascii=False))
    ok_paint = max(desk["queue_first_paint_s"], desk["claims_first_paint_s"]) <= FIRST_PAINT_TARGET_S
    ok_start = desk["from_process_start_s"] <= FIRST_PAINT_TARGET_S
    ok_rss = desk["peak_rss_mb"] <= RSS_TARGET_MB
    print(f"first paint: queue {desk['queue_first_paint_s']:.3f} s, claims {desk['claims_first_paint_s']:.3f} s "
          f"(target ≤ {FIRST_PAINT_TARGET_S} s: {'ok' if ok_paint else 'MISSED'})")
    print(f"first paint of the queue from process start (imports and opening the store included): "
          f"{desk['from_process_start_s']:.3f} s (import {desk['import_s']:.3f} s, open {desk['open_store_s']:.3f} s; "
          f"target ≤ {FIRST_PAINT_TARGET_S} s: {'ok' if ok_start else 'MISSED'})")
    print(f"peak RSS: {desk['peak_rss_mb']:.0f} MB (target ≤ {RSS_TARGET_MB} MB: {'ok' if ok_rss else 'MISSED'})")
    print(f"search 'اسقطت' over every claim: first page {desk['search_first_page_s']:.3f} s, "
          f"with its count {desk['search_with_count_s']:.3f} s")
    if args.db is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
