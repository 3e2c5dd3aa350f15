"""Ingest with --jobs 1 against --jobs 2 (or more), on articles made from the fixture stories.

    python benchmarks/bench_jobs.py [--articles 2000] [--jobs 2] [--cluster]

Builds ``--articles`` distinct articles (each fixture story with its paragraphs shuffled, as
bench_pipeline.py does, and a reference line of its own so that no two are the same article),
writes them as one .jsonl collection, and ingests it into fresh SQLite stores: once in this
process and once with ``--jobs N`` worker processes (and, with ``--cluster``, on a Dask
``LocalCluster`` of N single-threaded worker processes). For each it prints the wall time of
reading, analysing and storing every article (the part that runs in parallel; with ``--conflicts``
also the conflict detection that follows, one process either way) and the speed-up, and checks that the
stores hold exactly the same claims. The process is kept to ``--cores`` cores (2 by default, with
``os.sched_setaffinity``; its workers inherit them), so that the figure means that many cores on a larger
machine. Beside the wall time it prints the CPU time of this process (reading and writing) and of the
workers (analysis): on a machine that other work keeps busy, their sum over the cores bounds what the
wall time would be on idle cores. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.ingest import reader as ingest  # noqa: E402
from claimcheck.parallel import analyze_many, default_jobs  # noqa: E402
from claimcheck import pipeline  # noqa: E402
from claimcheck.store.database import Store  # noqa: E402

FIXTURES = ROOT / "fixtures" / "articles"


def write_corpus(path: Path, articles: int, seed: int = 7) -> int:
    """A .jsonl collection of ``articles`` distinct articles; returns its size in bytes."""
    rng = random.Random(seed)
    stories = []
    for article in ingest.read([FIXTURES]):
        if isinstance(article, ingest.IngestError):
            raise SystemExit(f"cannot read the fixtures: {article}")
        for story in article.stories:
            stories.append((article.text[story.start : story.end], article.outlet,
                            (story.published or article.published)))
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            text, outlet, published = stories[n % len(stories)]
            paragraphs = [p for p in text.split("\n\n") if p.strip()]
            order = paragraphs[:1] + rng.sample(paragraphs[1:], len(paragraphs) - 1)
            body = "\n\n".join(order) + f"\n\nالرقم المرجعي {n}\n"
            out.write(json.dumps({"id": f"bench-{n}", "text": body, "outlet": outlet,
                                  "published": published.isoformat() if published else None},
                                 ensure_ascii=False) + "\n")
    return path.stat().st_size


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def ingest_timed(store: Store, corpus: Path, conflicts: bool, **where) -> tuple[float, float | None, int, tuple]:
    """(seconds to read, analyse and store, seconds to update conflicts, claims, (CPU seconds of this process,
    of its worker processes) while reading, analysing and storing)."""
    claims = 0

    def written(_article, found) -> None:
        nonlocal claims
        claims += len(found)

    start, own, workers = time.perf_counter(), _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    articles = (a for a in ingest.read([corpus]) if not isinstance(a, ingest.IngestError))
    pipeline._written(store, analyze_many(articles, None, **where), "builtin", written)
    analysed = time.perf_counter() - start
    cpu = (_cpu(resource.RUSAGE_SELF) - own, _cpu(resource.RUSAGE_CHILDREN) - workers)
    if not conflicts:
        return analysed, None, claims, cpu
    start = time.perf_counter()
    pipeline.refresh_conflicts(store)
    return analysed, time.perf_counter() - start, claims, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cluster", action="store_true", help="also run on a Dask LocalCluster of --jobs workers")
    parser.add_argument("--conflicts", action="store_true", help="also time the conflict detection that follows")
    parser.add_argument("--cores", type=int, default=2, help="cores this process and its workers may use")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) > args.cores:
        os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[: args.cores])

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "bench.jsonl"
        size = write_corpus(corpus, args.articles)
        print(f"{args.articles} articles ({size / 1e6:.1f} MB) on a machine with {default_jobs()} cores")
        runs = [("--jobs 1", {"jobs": 1}), (f"--jobs {args.jobs}", {"jobs": args.jobs})]
        cluster = None
        if args.cluster:
            from distributed import LocalCluster

            cluster = LocalCluster(n_workers=args.jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None, memory_limit="1GB")
            runs.append((f"Dask, {args.jobs} workers", {"cluster": cluster.scheduler_address}))
        results = {}
        try:
            for label, where in runs:
                # Warm up first: knowledge files read and caches filled (worker processes fork from this
                # one; a cluster's workers get a few articles of their own), so the figures compare the work.
                warm = [a for _, a in zip(range(64), ingest.read([corpus]))]
                for _ in analyze_many(warm, None, **where):
                    pass
                store = Store(f"sqlite:///{Path(tmp) / (label.replace(' ', '_') + '.db')}")
                analysed, conflicts, claims, (own, workers) = ingest_timed(store, corpus, args.conflicts, **where)
                with store.session() as s:
                    from sqlalchemy import select

                    from claimcheck.store.database import ClaimRow

                    ids = s.scalars(select(ClaimRow.id).order_by(ClaimRow.id)).all()
                # On idle cores the wall time is at least the busiest process's CPU, and the total over the cores.
                bound = max(own, workers / max(1, where.get("jobs", args.jobs)), (own + workers) / args.cores)
                results[label] = (analysed, ids, bound)
                base, base_bound = results["--jobs 1"][0], results["--jobs 1"][2]
                print(f"{label:18} read+analyse+store {analysed:7.1f} s  ({args.articles / analysed:6.1f} articles/s, "
                      f"{base / analysed:4.2f}x --jobs 1)   CPU: this process {own:6.1f} s, workers {workers:6.1f} s "
                      f"(idle-core bound {bound:6.1f} s, {base_bound / bound:4.2f}x)   "
                      + (f"conflicts {conflicts:5.1f} s   " if conflicts is not None else "")
                      + f"{claims} claims   "
                      f"same claims as --jobs 1: {ids == results['--jobs 1'][1]}")
                store.close()
        finally:
            if cluster is not None:
                cluster.close()


if __name__ == "__main__":
    main()
