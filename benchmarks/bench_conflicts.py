"""Conflict detection at scale: synthetic stores of 10k and 100k claims built from the gold claims.

Each synthetic article is a seed article with its places swapped for other gazetteer places, a
story date drawn from three years (some articles left undated), an outlet drawn from a list, and
for some articles the Libyan sides swapped. Its claims are the gold claims of the seed, located
again in the changed text. For each size the script times

  frames   dates resolved and event frames built (ingest-time work, linear per claim)
  detect   conflicts.detect over the whole store (run after every ingest)

and prints the peak memory (the process's maximum resident size, and tracemalloc's peak for one
detection run), the candidate pairs compared, the conflicts found, and the growth from the smaller
size to the larger: about 10x for 10x the claims is linear, 100x would be quadratic.

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

from claimcheck import conflicts, dates, frames, knowledge  # noqa: E402
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
    names = sorted({n for p in knowledge.load("places")["place"] for n in p.get("names", [])}, key=len, reverse=True)
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


def frame_all(articles, claims):
    out = []
    for claim in claims:
        article = articles[claim.article_id]
        time_ref = dates.resolve(article.text, claim.sentence.start, claim.sentence.end, article.published)
        claim = replace(claim, time=time_ref)
        out.append(replace(claim, frame=frames.frame_claim(article, claim)))
    return out


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def run(size: int, settings: ConflictSettings) -> dict:
    articles, claims = build(size)
    gc.collect()
    t0 = time.perf_counter()
    framed = frame_all(articles, claims)
    t1 = time.perf_counter()
    found = conflicts.detect(framed, settings)
    t2 = time.perf_counter()
    items = [i for i in map(conflicts._item, framed) if i is not None]
    pairs = len(conflicts._candidates(items, settings))
    tracemalloc.start()
    conflicts.detect(framed, settings)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    by_type: dict[str, int] = {}
    for c in found:
        by_type[c.type] = by_type.get(c.type, 0) + 1
    return {
        "size": len(framed), "articles": len(articles), "frames_s": t1 - t0, "detect_s": t2 - t1,
        "pairs": pairs, "conflicts": len(found), "by_type": by_type,
        "detect_peak_mb": peak / 2**20, "maxrss_mb": _maxrss_mb(),
    }


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [10_000, 100_000]
    settings = ConflictSettings()
    results = []
    for size in sizes:
        r = run(size, settings)
        results.append(r)
        print(
            f"{r['size']:>7} claims ({r['articles']} articles): "
            f"frames {r['frames_s']:.2f} s ({r['frames_s'] / r['size'] * 1e6:.0f} µs/claim), "
            f"detect {r['detect_s']:.2f} s, total {r['frames_s'] + r['detect_s']:.2f} s; "
            f"{r['pairs']} candidate pairs ({r['pairs'] / r['size']:.1f} per claim), {r['conflicts']} conflicts {r['by_type']}; "
            f"detect peak {r['detect_peak_mb']:.0f} MB (tracemalloc), process max RSS {r['maxrss_mb']:.0f} MB",
            flush=True,
        )
    for small, large in zip(results, results[1:]):
        n = large["size"] / small["size"]
        print(
            f"growth {small['size']} → {large['size']} ({n:.0f}x claims): detect {large['detect_s'] / small['detect_s']:.1f}x, "
            f"frames {large['frames_s'] / small['frames_s']:.1f}x, candidate pairs {large['pairs'] / max(small['pairs'], 1):.1f}x "
            f"(linear {n:.0f}x, quadratic {n * n:.0f}x)"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
