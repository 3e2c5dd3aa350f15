"""Adding analysed claims to a large store: writing them and updating conflicts incrementally.

A SQLite store of ``--size`` claims is built (once; it is kept at ``--db`` for the next run) from the
synthetic claims of bench_conflicts.py: a base of ``--base`` framed claims is written again and again,
each copy three years later than the one before, so that the store grows as news accumulates and the
claims per key and day stay those of the base (the store's size is all that changes). Rows go in bulk,
and the claim_keys index and the key counts are built once at the end.

Then, in a fresh process (so that its peak memory is the update's, not the build's), ``--new`` new
claims (synthetic articles of another seed, dated in the latest three years) are analysed for dates
and frames, written with ``Store.save_articles`` (claims and their blocking keys) and followed by
``pipeline.update_conflicts``, the incremental path ingest takes: only the new claims are compared,
with the stored claims that share a key in the date window. The script prints the CPU and wall time
of the write and of the update, the stored claims the update loaded, and the process's peak memory.

    python benchmarks/bench_incremental.py                   # 1,000,000 claims
    python benchmarks/bench_incremental.py --size 100000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_conflicts as synthetic  # noqa: E402

from claimcheck import pipeline  # noqa: E402
from claimcheck.conflicts import blocking  # noqa: E402
from claimcheck.models import Article, Claim, Story, stable_id  # noqa: E402
from claimcheck.store.database import (  # noqa: E402
    ArticleRow, ClaimRow, PIPELINE_VERSION, Store, StoryRow, _claim_values, count_keys, now,
)

ERA = timedelta(days=synthetic.DAYS)  # one copy of the base per three years


def _shifted_article(article: Article, k: int) -> Article:
    """Copy ``k`` of an article: the same stories ``k`` eras later, with a text (and so an id) of its own."""
    shift = ERA * k
    published = article.published + shift if article.published else None
    stories = [replace(st, published=st.published + shift if st.published else None) for st in article.stories]
    return replace(article, text=f"{article.text}\n{k}", name=f"{article.name}-{k}", published=published, stories=stories)


def _shifted_claim(claim: Claim, article_id: str, k: int) -> Claim:
    shift = ERA * k
    time_ = claim.time
    if time_ is not None:
        time_ = replace(time_, resolved=time_.resolved + shift if time_.resolved else None,
                        anchor=time_.anchor + shift if time_.anchor else None)
    frame = claim.frame
    if frame is not None and frame.when:
        frame = replace(frame, when=frame.when + shift)
    return replace(claim, article_id=article_id, time=time_, frame=frame)


def _base(size: int):
    """The base: synthetic articles with their framed claims and each claim's blocking keys."""
    articles, claims = synthetic.build(size)
    claims = synthetic.frame_all(articles, claims)
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    keys = {aid: blocking.claim_keys(cs) for aid, cs in by_article.items()}
    return articles, by_article, keys


def _article_rows(article: Article) -> tuple[dict, list[dict]]:
    row = dict(id=article.id, name=article.name, text=article.text, encoding="utf-8", outlet=article.outlet,
               published=article.published, analyzer="builtin", pipeline_version=PIPELINE_VERSION, ingested_at=now())
    stories = [dict(article_id=article.id, index=st.index, start=st.start, end=st.end, published=st.published)
               for st in article.stories]
    return row, stories


def build_store(url: str, size: int, base_size: int) -> int:
    """Write ``size`` claims (copies of the base, era after era) in bulk; returns the claims written."""
    store = Store(url)
    articles, by_article, keys = _base(base_size)
    written = 0
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_claim_keys_key_start")
        k = 0
        while written < size:
            art_rows, story_rows, claim_rows, key_rows = [], [], [], []
            for aid, claims in by_article.items():
                if written >= size:
                    break
                copy = _shifted_article(articles[aid], k)
                row, stories = _article_rows(copy)
                art_rows.append(row)
                story_rows.extend(stories)
                shift = ERA.days * k
                for claim in claims[: size - written]:
                    moved = _shifted_claim(claim, copy.id, k)
                    cid = moved.id
                    claim_rows.append(_claim_values(moved, cid))
                    own = keys[aid].get(claim.id)
                    if own is not None:
                        start = own.start + shift if own.start is not None else None
                        end = own.end + shift if own.end is not None else None
                        key_rows.extend((cid, key, start, end) for key in own.keys)
                    written += 1
            conn.execute(ArticleRow.__table__.insert(), art_rows)
            conn.execute(StoryRow.__table__.insert(), story_rows)
            conn.execute(ClaimRow.__table__.insert(), claim_rows)
            conn.exec_driver_sql('INSERT INTO claim_keys (claim_id, "key", start, "end") VALUES (?, ?, ?, ?)', key_rows)
            k += 1
            print(f"  {written} claims written", file=sys.stderr, flush=True)
        conn.exec_driver_sql('CREATE INDEX ix_claim_keys_key_start ON claim_keys ("key", start)')
        count_keys(conn)
    store.close()
    return written


def _new_claims(count: int, eras: int):
    """``count`` claims of synthetic articles (another seed), dated in the store's latest era, analysed."""
    articles, claims = synthetic.build(count, seed=101)
    moved = {aid: _shifted_article(a, eras - 1) for aid, a in articles.items()}
    ids = {aid: a.id for aid, a in moved.items()}
    claims = [replace(c, article_id=ids[c.article_id]) for c in claims]
    articles = {a.id: a for a in moved.values()}
    claims = synthetic.frame_all(articles, claims)
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    return [(articles[aid], cs) for aid, cs in by_article.items()]


def measure(url: str, count: int, eras: int) -> dict:
    synthetic.frames.vocabulary(), synthetic.dates.resolve("أمس", 0, 3, synthetic.START)
    batch = _new_claims(count, eras)
    store = Store(url)
    w0, t0 = time.perf_counter(), time.process_time()
    store.save_articles(batch, "builtin")
    w1, t1 = time.perf_counter(), time.process_time()
    update = pipeline.update_conflicts(store, [a.id for a, _ in batch])
    w2, t2 = time.perf_counter(), time.process_time()
    return {"new": sum(len(cs) for _, cs in batch), "write_s": t1 - t0, "write_wall": w1 - w0,
            "update_s": t2 - t1, "update_wall": w2 - w1, "loaded": update.loaded, "conflicts": update.conflicts,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="claims in the store")
    parser.add_argument("--new", type=int, default=1_000, help="new claims to add")
    parser.add_argument("--base", type=int, default=20_000, help="claims per three years (the density)")
    parser.add_argument("--db", type=Path, help="the store's file (default: /tmp/claimcheck-bench-SIZE.db, kept)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # the fresh process's part
    args = parser.parse_args(argv)
    db = args.db or Path(f"/tmp/claimcheck-bench-{args.size}.db")
    eras = -(-args.size // args.base)
    if args.measure:
        print(json.dumps(measure(f"sqlite:///{db}", args.new, eras)))
        return
    if not db.exists():
        w0, t0 = time.perf_counter(), time.process_time()
        written = build_store(f"sqlite:///{db}", args.size, args.base)
        print(f"built {db}: {written} claims in {time.process_time() - t0:.0f} s CPU (wall {time.perf_counter() - w0:.0f} s)")
    # The update changes the store: measure on a copy, so that every run starts from the same store.
    work = db.with_suffix(".work.db")
    subprocess.run(["cp", str(db), str(work)], check=True)
    try:
        out = subprocess.run([sys.executable, __file__, "--measure", "--size", str(args.size), "--new", str(args.new),
                              "--base", str(args.base), "--db", str(work)], check=True, capture_output=True, text=True)
    finally:
        for path in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
            path.unlink(missing_ok=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{args.size} claims in the store, {r['new']} new: write {r['write_s']:.2f} s CPU (wall {r['write_wall']:.2f} s), "
          f"conflict update {r['update_s']:.2f} s CPU (wall {r['update_wall']:.2f} s), together "
          f"{r['write_s'] + r['update_s']:.2f} s CPU; {r['loaded']} stored claims loaded, {r['conflicts']} conflicts stored; "
          f"peak memory of the process {r['maxrss_mb']:.0f} MB (max RSS)")


if __name__ == "__main__":
    main(sys.argv[1:])
