"""Throughput of claimcheck on one core, on a corpus made from the fixture stories.

    python benchmarks/bench_pipeline.py [--sentences 50000] [--stanza-sample 300] [--time-limit 300]

Prints, for the built-in analyzer alone and for the whole per-article pipeline
(analyze + attribute + resolve + frame, through ``pipeline.analyze_article``), sentences
per second; the stanza analyzer on a sample when its models are present
(CLAIMCHECK_STANZA_DIR, else ../shared/models/stanza-ar); the wall time of
``claimcheck ingest fixtures/articles`` into a fresh SQLite store, in-process (no
interpreter start-up); and peak memory. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "articles"

# One core for every figure: torch (stanza) would otherwise use all of them.
os.environ.setdefault("OMP_NUM_THREADS", "1")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

from claimcheck import ingest  # noqa: E402
from claimcheck.analyze import BuiltinAnalyzer  # noqa: E402
from claimcheck.pipeline import analyze_article  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def fixture_stories() -> list[tuple[str, dict]]:
    """(story text, metadata) of every story in the fixture articles."""
    stories = []
    for article in ingest.read([FIXTURES]):
        if isinstance(article, ingest.IngestError):
            raise SystemExit(f"cannot read the fixtures: {article}")
        meta = {"outlet": article.outlet, "published": article.published}
        for story in article.stories:
            stories.append((article.text[story.start : story.end], meta))
    return stories


def build_corpus(min_sentences: int, seed: int = 7) -> list[tuple[object, int]]:
    """(article, sentence count) pairs: articles made by shuffling the paragraphs of fixture
    stories, repeated in shuffled order until they hold ``min_sentences`` sentences (as the
    built-in analyzer splits them)."""
    rng = random.Random(seed)
    analyzer = BuiltinAnalyzer()
    variants = []
    for n, (text, meta) in enumerate(fixture_stories()):
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        for v in range(40):
            order = paragraphs[:1] + rng.sample(paragraphs[1:], len(paragraphs) - 1)  # the title stays first
            article = ingest.build_article("\n\n".join(order) + "\n", f"story{n}-v{v}", meta=meta)
            variants.append((article, len(analyzer.sentences(article))))
    corpus, total = [], 0
    while total < min_sentences:
        rng.shuffle(variants)
        for pair in variants:
            corpus.append(pair)
            total += pair[1]
            if total >= min_sentences:
                break
    return corpus


def timed(label: str, corpus, step, time_limit: float) -> None:
    """Run ``step`` (returns a claim count) over the corpus and print sentences/s.

    Both wall-clock and CPU-time rates: on a shared machine the CPU figure is the steadier one.
    """
    done = sentences = claims = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for article, count in corpus:
        claims += step(article)
        sentences += count
        done += 1
        if time.perf_counter() - start > time_limit:
            break
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    extra = f", {claims} claims" if claims else ""
    if done < len(corpus):
        extra += f"  (stopped at the {time_limit:.0f} s limit after {done}/{len(corpus)} articles)"
    print(f"{label:36} {sentences / wall:10,.0f} sentences/s ({sentences / cpu:,.0f} per CPU-second)   "
          f"{sentences} sentences in {wall:.2f} s{extra}")


def bench_builtin(corpus, time_limit: float) -> None:
    analyzer = BuiltinAnalyzer()

    def analyze_only(article) -> int:
        for sentence in analyzer.sentences(article):
            len(sentence.tokens)  # tokens are made on first use: ask for them, so they are timed
        return 0

    timed("builtin analyzer alone", corpus, analyze_only, time_limit)
    timed("builtin pipeline (analyze_article)", corpus, lambda a: len(analyze_article(a, analyzer)), time_limit)


def stanza_dir() -> Path | None:
    configured = os.environ.get("CLAIMCHECK_STANZA_DIR")
    candidate = Path(configured) if configured else ROOT.parent / "shared" / "models" / "stanza-ar"
    return candidate if (candidate / "resources.json").is_file() else None


def bench_stanza(corpus: list, sample: int) -> None:
    folder = stanza_dir()
    if folder is None:
        print(f"{'stanza analyzer':36} skipped: no models (set CLAIMCHECK_STANZA_DIR)")
        return
    import torch

    torch.set_num_threads(1)
    from claimcheck.analyze_stanza import StanzaAnalyzer

    start = time.perf_counter()
    analyzer = StanzaAnalyzer(str(folder))
    load = time.perf_counter() - start
    articles, total = [], 0
    for article, count in corpus:
        if total >= sample:
            break
        articles.append(article)
        total += count
    start = time.perf_counter()
    sentences = tokens = 0
    for article in articles:
        out = analyzer.sentences(article)
        sentences += len(out)
        tokens += sum(len(s.tokens) for s in out)
    elapsed = time.perf_counter() - start
    print(f"{'stanza analyzer (' + folder.name + ')':36} {sentences / elapsed:10,.1f} sentences/s   "
          f"{sentences} sentences, {tokens} words in {elapsed:.2f} s (model load {load:.1f} s, not counted)")


def bench_ingest() -> None:
    from click.testing import CliRunner

    from claimcheck.cli import cli

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CLAIMCHECK_HOME"] = tmp  # never the user's store or config
        for run in ("first", "second"):
            url = f"sqlite:///{Path(tmp) / f'{run}.db'}"
            start = time.perf_counter()
            result = CliRunner().invoke(cli, ["--quiet", "ingest", str(FIXTURES), "--db", url])
            elapsed = time.perf_counter() - start
            if result.exit_code != 0:
                print(result.output)
                raise SystemExit("ingest failed")
            what = "imports + schema + ingest" if run == "first" else "fresh store again, modules loaded"
            print(f"{'ingest fixtures/articles':36} {elapsed:10.3f} s           {run} run: {what}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=50_000, help="corpus size (sentences)")
    parser.add_argument("--stanza-sample", type=int, default=300, help="sentences for the stanza analyzer")
    parser.add_argument("--time-limit", type=float, default=300, help="seconds per timed pass at most")
    args = parser.parse_args()

    print(f"python {sys.version.split()[0]}, one core (cpu {sorted(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'})")
    bench_ingest()
    start = time.perf_counter()
    corpus = build_corpus(args.sentences)
    print(f"corpus: {len(corpus)} articles, {sum(c for _, c in corpus)} sentences from {len(fixture_stories())} fixture stories "
          f"(built in {time.perf_counter() - start:.1f} s)")
    bench_builtin(corpus, args.time_limit)
    print(f"{'peak memory so far':36} {peak_mb():10.0f} MB")
    bench_stanza(corpus, args.stanza_sample)
    print(f"{'peak memory':36} {peak_mb():10.0f} MB")


if __name__ == "__main__":
    main()
