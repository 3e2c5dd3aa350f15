"""Throughput of claimcheck on one core, on a corpus made from the fixture stories.

    python benchmarks/bench_pipeline.py [--sentences 50000] [--passes 3] [--stanza-sample 300]

Prints sentences per second for
- the built-in analyzer alone;
- the attribution pipeline: analyzer, claim extraction and speaker resolution (what turns
  sentences into claims with speakers);
- the whole per-article analysis that ingest runs (``pipeline.analyze_article``): the above
  plus time references and event frames for conflict detection;
- both again with every cache emptied before each article (each article read as if it were
  the first: the pessimistic bound);
- the whole analysis over text it has never seen (every distinct fixture and held-out story
  once, caches emptied first; a small sample);
- the stanza analyzer on a sample when its models are present (CLAIMCHECK_STANZA_DIR, else
  ../shared/models/stanza-ar);
and the wall time of ``claimcheck ingest fixtures/articles`` into a fresh SQLite store,
in-process (no interpreter start-up), and peak memory.

The corpus repeats seven fixture stories. Nothing in claimcheck caches a sentence's analysis
across articles, but words and speaker mentions are cached, and in this corpus they repeat far
more than in new text: the warm figures are the optimistic bound, the emptied-cache figures the
pessimistic one; a long ingest of real news lies between. Each corpus figure is the best of
``--passes`` passes (the least disturbed by other work on a shared machine), with the median
beside it. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
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

from claimcheck.attribution import attribute
from claimcheck.ingest import reader as ingest
from claimcheck.speakers import resolve  # noqa: E402
from claimcheck.analysis.analyzer import BuiltinAnalyzer  # noqa: E402
from claimcheck.pipeline import analyze_article  # noqa: E402

HELDOUT = ROOT / "fixtures" / "gold" / "heldout" / "articles"


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


def one_pass(corpus, step, time_limit: float) -> tuple[int, int, float, float, int]:
    """(sentences, claims, wall s, CPU s, articles done) of ``step`` over the corpus."""
    done = sentences = claims = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for article, count in corpus:
        claims += step(article)
        sentences += count
        done += 1
        if time.perf_counter() - start > time_limit:
            break
    return sentences, claims, time.perf_counter() - start, time.process_time() - cpu_start, done


def timed(label: str, corpus, step, passes: int, time_limit: float) -> None:
    """Run ``step`` (returns a claim count) over the corpus ``passes`` times; print sentences/s."""
    runs = [one_pass(corpus, step, time_limit) for _ in range(passes)]
    rates = [sentences / wall for sentences, _, wall, _, _ in runs]
    sentences, claims, wall, cpu, done = max(runs, key=lambda r: r[0] / r[2])
    extra = f", {claims} claims" if claims else ""
    if done < len(corpus):
        extra += f"  (stopped at the {time_limit:.0f} s limit after {done}/{len(corpus)} articles)"
    spread = f"best of {passes}, median {statistics.median(rates):,.0f}" if passes > 1 else "one pass"
    print(f"{label:44} {sentences / wall:8,.0f} sentences/s ({spread}; {sentences / cpu:,.0f} per CPU-second)   "
          f"{sentences} sentences in {wall:.2f} s{extra}")


def bench_builtin(corpus, passes: int, time_limit: float) -> None:
    analyzer = BuiltinAnalyzer()

    def analyze_only(article) -> int:
        for sentence in analyzer.sentences(article):
            len(sentence.tokens)  # tokens are made on first use: ask for them, so they are timed
        return 0

    def attribution(article) -> int:
        return len(resolve.resolve_speakers(article, attribute.extract(article, analyzer.sentences(article))))

    def whole(article) -> int:
        return len(analyze_article(article, analyzer))

    def cold(step):
        def run(article) -> int:
            empty_caches()
            return step(article)
        return run

    timed("builtin analyzer alone", corpus, analyze_only, 1, time_limit)
    timed("attribution (analyze+attribute+resolve)", corpus, attribution, passes, time_limit)
    timed("whole analysis (+ dates, frames)", corpus, whole, passes, time_limit)
    timed("attribution, caches emptied per article", corpus, cold(attribution), passes, time_limit)
    timed("whole analysis, caches emptied per article", corpus, cold(whole), passes, time_limit)


def empty_caches() -> None:
    """Forget every word, mention and text cache claimcheck keeps (not the loaded data files)."""
    from claimcheck.events import frames

    for name, module in list(sys.modules.items()):
        if not name.startswith("claimcheck") or module is None:
            continue
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper) and (value.cache_parameters()["maxsize"] or 0) > 16:
                value.cache_clear()
    frames.vocabulary().lexicon.profiles.clear()


def bench_new_text(passes: int = 5) -> None:
    """The whole analysis over each distinct story once, with cold caches (best of a few passes:
    the sample is small)."""
    articles = []
    for article in ingest.read([FIXTURES, HELDOUT]):
        if isinstance(article, ingest.IngestError):
            raise SystemExit(f"cannot read the fixtures: {article}")
        articles.append(article)
    analyzer = BuiltinAnalyzer()
    sentences = sum(len(analyzer.sentences(a)) for a in articles)
    best = None
    for _ in range(passes):
        empty_caches()
        start, cpu_start = time.perf_counter(), time.process_time()
        claims = sum(len(analyze_article(a, analyzer)) for a in articles)
        run = (time.perf_counter() - start, time.process_time() - cpu_start)
        best = min(best or run, run)
    wall, cpu = best
    print(f"{'whole analysis, new text, cold caches':44} {sentences / wall:8,.0f} sentences/s (best of {passes}; "
          f"{sentences / cpu:,.0f} per CPU-second)   {sentences} sentences of {len(articles)} articles "
          f"in {wall:.3f} s, {claims} claims")


def stanza_dir() -> Path | None:
    configured = os.environ.get("CLAIMCHECK_STANZA_DIR")
    candidate = Path(configured) if configured else ROOT.parent / "shared" / "models" / "stanza-ar"
    return candidate if (candidate / "resources.json").is_file() else None


def bench_stanza(corpus: list, sample: int) -> None:
    folder = stanza_dir()
    if folder is None:
        print(f"{'stanza analyzer':44} skipped: no models (set CLAIMCHECK_STANZA_DIR)")
        return
    import torch

    torch.set_num_threads(1)
    from claimcheck.analysis.stanza_analyzer import StanzaAnalyzer

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
    print(f"{'stanza analyzer (' + folder.name + ')':44} {sentences / elapsed:8,.1f} sentences/s   "
          f"{sentences} sentences, {tokens} words in {elapsed:.2f} s (model load {load:.1f} s, not counted)")


def bench_ingest() -> None:
    from click.testing import CliRunner

    from claimcheck.cli.main import cli

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
            print(f"{'ingest fixtures/articles':44} {elapsed:8.3f} s           {run} run: {what}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=50_000, help="corpus size (sentences)")
    parser.add_argument("--passes", type=int, default=3, help="passes over the corpus per figure (the best is shown)")
    parser.add_argument("--stanza-sample", type=int, default=300, help="sentences for the stanza analyzer")
    parser.add_argument("--time-limit", type=float, default=300, help="seconds per timed pass at most")
    args = parser.parse_args()

    print(f"python {sys.version.split()[0]}, one core (cpu {sorted(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'})")
    bench_ingest()
    start = time.perf_counter()
    corpus = build_corpus(args.sentences)
    print(f"corpus: {len(corpus)} articles, {sum(c for _, c in corpus)} sentences from {len(fixture_stories())} fixture stories "
          f"(built in {time.perf_counter() - start:.1f} s)")
    bench_builtin(corpus, args.passes, args.time_limit)
    bench_new_text()
    print(f"{'peak memory so far':44} {peak_mb():8.0f} MB")
    bench_stanza(corpus, args.stanza_sample)
    print(f"{'peak memory':44} {peak_mb():8.0f} MB")


if __name__ == "__main__":
    main()
