"""Time to analyse one very large article: it must grow linearly with the article's size.

    python benchmarks/bench_large.py            # 1, 8 and 50 MB
    python benchmarks/bench_large.py 2 4 8

Each article repeats the fixture articles (page chrome included: a line-by-line chrome test was
what made large articles quadratic) up to the size asked for, and goes through what ingest runs
for one file after reading it: ``ingest.build_article`` (stories, chrome, outlet) and
``pipeline.analyze_article`` (sentences, claims, speakers, dates, frames). Ingest itself refuses
articles over ``max_article_mb`` (5 MB unless configured); this measures the analysis beyond it.
Prints seconds (CPU time of this process, and wall time) and seconds per MB: a flat per-MB
figure is linear. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.ingest import reader as ingest  # noqa: E402
from claimcheck.pipeline import analyze_article  # noqa: E402


def article_of(mb: float) -> str:
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt")))
    copies = int(mb * 1_000_000 / len(seeds.encode("utf-8"))) + 1
    return "\n\n".join([seeds] * copies)


def main(sizes: list[float]) -> None:
    print(f"{'MB':>6} {'chrome':>7} {'claims':>7} {'cpu s':>7} {'wall s':>7} {'cpu s/MB':>9}")
    for mb in sizes:
        text = article_of(mb)
        cpu, wall = time.process_time(), time.perf_counter()
        article = ingest.build_article(text, f"large-{mb:g}")
        claims = analyze_article(article)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        size = len(text.encode("utf-8")) / 1_000_000
        print(f"{size:6.1f} {len(article.chrome):7} {len(claims):7} {cpu:7.1f} {wall:7.1f} {cpu / size:9.2f}", flush=True)


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [1, 8, 50])
