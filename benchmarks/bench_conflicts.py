"""Conflict detection at scale: synthetic stores of 10k and 100k claims built from the gold claims.

Each synthetic article is a seed article with its places swapped for other gazetteer places, a
story date drawn from three years (some articles left undated), an outlet drawn from a list, and
for some articles the Libyan sides swapped. Its claims are the gold claims of the seed, located
again in the changed text. For each size the script times (in CPU time of this one process, so
that other work on the machine does not count; wall time is printed too)

  frames   dates resolved, event frames and content keys built (ingest-time work, linear per claim)
  detect   conflicts.detect over the whole store (run after every ingest)

and prints the peak memory (the process's maximum resident size, and tracemalloc's peak for one
detection run), the candidate pairs compared, the conflicts found, and the growth from the smaller
size to the larger: about 10x for 10x the claims is linear, 100x would be quadratic.

The larger store is measured twice: squeezed into the same three years (ten times as many claims
about each place each week, so ten times as many true candidates per claim: the worst case), and
spread over ten times the years (a store that grows as news accumulates, same density).

    python benchmarks/bench_conflicts.py            # 10k and 100k
    python benchmarks/bench_conflicts.py 2000 20000
"""

from __future__ import annotations

import gc
import random
import resource
import sys
import time
import tracemalloc
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from helpers import claims_from_gold  # noqa: E402  (the gold claim builder the tests use)

from claimcheck.conflicts import detection as conflicts, matching
from claimcheck.events import dates, frames
from claimcheck.knowledge import loader as knowledge
from claimcheck import pipeline  # noqa: E402
from claimcheck.config import ConflictSettings  # noqa: E402
from claimcheck.models import Article, Claim, Span, Story  # noqa: E402

OUTLETS = ["Al Jazeera", "Alhurra", "Asharq Al-Awsat", "Al Arabiya", "Sky News Arabia", "BBC Arabic"]
SWAP = {"LNA": "GNA", "GNA": "LNA"}
START = date(2019, 1, 1)
DAYS = 3 * 365


def _seed_material():
    """The gold claims grouped by seed article, and the place names each seed's text contains."""
    claims, articles = claims_from_gold()
    by_article: dict[str, list[Claim]] = {}
    for claim in claims.values():
        by_article.setdefault(claim.article_id, []).append(claim)
    names = sorted({n for p in knowledge.load("places")["place"] for n in p.get("names", [])}, key=lambda n: (-len(n), n))  # ties by name: the same store every run
    present = {aid: [n for n in names if n in articles[aid].text] for aid in by_article}
    targets = [p for p in frames.vocabulary().places.values() if p.parent and not p.context]
    return articles, by_article, present, targets


def _variant(rng, n, article, seed_claims, present, targets):
    """One synthetic article and its claims."""
    new_names = [rng.choice(targets).ar for _ in present]

    def swap(s: str) -> str:
        # Through placeholders, so that a new name containing an old one is not replaced again.
        for i, name in enumerate(present):  # longest first: "الكلية الجوية بمصراتة" before "مصراتة"
            s = s.replace(name, f"\x00{i}\x01")
        for i, new in enumerate(new_names):
            s = s.replace(f"\x00{i}\x01", new)
        return s

    text = swap(article.text)
    published = None if rng.random() < 0.1 else START + timedelta(days=rng.randrange(DAYS))
    outlet = rng.choice(OUTLETS)
    flip = rng.random() < 0.3
    synthetic = Article(text=text, name=f"synthetic-{n}", outlet=outlet, published=published,
                        stories=[Story(0, 0, len(text), published=published)])
    claims = []
    for claim in seed_claims:
        sentence = swap(article.text[claim.sentence.start : claim.sentence.end])
        at = text.find(sentence)
        if at < 0:
            continue
        s = Span(at, at + len(sentence))
        cue_at = text.find(claim.cue_text, at)
        content = swap(claim.content_text)
        content_at = text.find(content, at)
        claims.append(replace(
            claim, article_id=synthetic.id, story=0, sentence=s,
            cue=Span(cue_at, cue_at + len(claim.cue_text)),
            content=Span(content_at, content_at + len(content)) if content_at >= 0 else None,
            content_text=content, side=SWAP.get(claim.side, claim.side) if flip else claim.side,
            outlet=outlet, nested_in=claim.nested_in and f"{n}:{claim.nested_in}", time=None, frame=None,
        ))
    return synthetic, claims


def build(size: int, seed: int = 7):
    rng = random.Random(seed)
    articles, by_article, present, targets = _seed_material()
    out_articles, out_claims = [], []
    n = 0
    while len(out_claims) < size:
        for aid, seed_claims in by_article.items():
            synthetic, claims = _variant(rng, n, articles[aid], seed_claims, present[aid], targets)
            n += 1
            out_articles.append(synthetic)
            out_claims.extend(claims)
    return {a.id: a for a in out_articles}, out_claims[:size]


def frame_all(articles, claims) -> list[Claim]:
    """The claims with dates and frames, made by the pipeline's own step, in the order given."""
    by_article: dict[str, list[int]] = {}
    for n, claim in enumerate(claims):
        by_article.setdefault(claim.article_id, []).append(n)
    out = list(claims)
    for article_id, positions in by_article.items():
        framed = pipeline.date_and_frame(articles[article_id], [claims[n] for n in positions])
        for n, claim in zip(positions, framed):
            out[n] = claim
    return out


def stretched(articles, claims, factor: int):
    """The same store spread over ``factor`` times as many days: same claims, same density per day as the small store."""
    shift = {}
    for article in articles.values():
        if article.published:
            shift[article.id] = timedelta(days=(article.published - START).days * (factor - 1))
    out = []
    for claim in claims:
        delta = shift.get(claim.article_id)
        frame = claim.frame
        if delta and frame.when and frame.when >= START:  # dates from the story's date move with it
            frame = replace(frame, when=frame.when + delta)
        out.append(replace(claim, frame=frame))
    return out


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def detect(claims, settings: ConflictSettings) -> dict:
    gc.collect()
    w0, t0 = time.perf_counter(), time.process_time()
    found = conflicts.detect(claims, settings)
    w1, t1 = time.perf_counter(), time.process_time()
    index = matching.build(claims)
    items = index.items
    candidates = matching.candidates(index, settings)
    pairs = len(candidates)
    # Pairs between two undated stories are the part nothing but a cap bounds (see matching.candidates).
    undated = sum(1 for i, j in candidates if items[i].start is None and items[j].start is None
                  and items[i].story != items[j].story)
    tracemalloc.start()
    conflicts.detect(claims, settings)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    by_type: dict[str, int] = {}
    for c in found:
        by_type[c.type] = by_type.get(c.type, 0) + 1
    return {"detect_s": t1 - t0, "detect_wall": w1 - w0, "pairs": pairs, "undated_pairs": undated, "conflicts": len(found),
            "by_type": by_type, "detect_peak_mb": peak / 2**20}


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [10_000, 100_000]
    settings = ConflictSettings()
    frames.vocabulary(), dates.resolve("أمس", 0, 3, START)  # load the vocabularies once, before timing
    fixed, spread = [], []
    for size in sizes:
        articles, claims = build(size)
        gc.collect()
        w0, t0 = time.perf_counter(), time.process_time()
        claims = frame_all(articles, claims)
        frames_s, frames_wall = time.process_time() - t0, time.perf_counter() - w0
        r = {"size": len(claims), **detect(claims, settings)}
        fixed.append(r)
        print(
            f"{r['size']:>7} claims, {len(articles)} articles over {DAYS // 365} years: "
            f"frames {frames_s:.2f} s ({frames_s / r['size'] * 1e6:.0f} µs/claim), detect {r['detect_s']:.2f} s, "
            f"total {frames_s + r['detect_s']:.2f} s CPU (wall {frames_wall + r['detect_wall']:.2f} s); "
            f"{r['pairs']} candidate pairs ({r['pairs'] / r['size']:.1f} per claim; {r['undated_pairs']} between undated "
            f"stories), {r['conflicts']} conflicts "
            f"{r['by_type']}; detect peak {r['detect_peak_mb']:.0f} MB (tracemalloc), process max RSS {_maxrss_mb():.0f} MB",
            flush=True,
        )
        factor = max(1, round(size / sizes[0]))
        if factor > 1:
            s = {"size": len(claims), **detect(stretched(articles, claims, factor), settings)}
            spread.append((factor, s))
            print(
                f"{s['size']:>7} claims over {DAYS * factor // 365} years (the density of the {sizes[0]} store): "
                f"detect {s['detect_s']:.2f} s CPU (wall {s['detect_wall']:.2f} s); {s['pairs']} candidate pairs "
                f"({s['pairs'] / s['size']:.1f} per claim; {s['undated_pairs']} between undated stories), "
                f"{s['conflicts']} conflicts; detect peak "
                f"{s['detect_peak_mb']:.0f} MB (tracemalloc), process max RSS {_maxrss_mb():.0f} MB",
                flush=True,
            )
        del articles, claims
    for small, large in zip(fixed, fixed[1:]):
        n = large["size"] / small["size"]
        print(
            f"growth {small['size']} → {large['size']} claims ({n:.0f}x), same 3 years (denser): detect "
            f"{large['detect_s'] / small['detect_s']:.1f}x, candidate pairs {large['pairs'] / max(small['pairs'], 1):.1f}x, "
            f"the rest (not between undated stories) {_dated(large) / max(_dated(small), 1):.1f}x (linear {n:.0f}x, quadratic {n * n:.0f}x)"
        )
    for factor, s in spread:
        small = fixed[0]
        n = s["size"] / small["size"]
        print(
            f"growth {small['size']} → {s['size']} claims ({n:.0f}x), over {factor}x the years (same density): detect "
            f"{s['detect_s'] / small['detect_s']:.1f}x, candidate pairs {s['pairs'] / max(small['pairs'], 1):.1f}x, "
            f"the rest (not between undated stories) {_dated(s) / max(_dated(small), 1):.1f}x (linear {n:.0f}x, quadratic {n * n:.0f}x)"
        )


def _dated(result: dict) -> int:
    return result["pairs"] - result["undated_pairs"]


if __name__ == "__main__":
    main(sys.argv[1:])
