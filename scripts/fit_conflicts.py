"""Fit the conflict score's weights on development gold sets and write claimcheck/data/conflict_model.toml.

Input: one or more gold-format folders (docs/gold-format.md: articles/, articles.jsonl, gold.jsonl,
conflicts.jsonl) of the DEVELOPMENT split only — never a test set: the precision measured here is what
``--min-confidence`` promises, so a test set fitted on would report figures it has already seen.

Each folder is run through the pipeline as ``claimcheck eval`` runs it; every candidate pair that
conflict detection would consider (conflicts.scored_pairs, before any threshold) becomes one row of
named features (matching.FEATURES), labelled 1 when its two statements are a gold conflict pair. A
logistic regression (scikit-learn) is fitted on the rows; its weights are written with their feature
names, and the calibration table with, for each score threshold, the precision of the pairs scoring at
least that much (made non-decreasing, and counted once per statement pair as eval counts them).

    python scripts/fit_conflicts.py /work/corpus/d1 /work/corpus/d3            # writes the model
    python scripts/fit_conflicts.py --dry-run DEV_DIR...                        # prints it only
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.conflicts import detection as conflicts, matching
from claimcheck import evaluate  # noqa: E402
from claimcheck.config import ConflictSettings  # noqa: E402

MODEL = ROOT / "claimcheck" / "data" / "conflict_model.toml"
THRESHOLDS = [round(0.05 * k, 2) for k in range(1, 20)]


def rows(gold_dir: Path, model: conflicts.Model) -> list[tuple[tuple, dict[str, float], int]]:
    """(statement pair, features, label) for every candidate pair of one gold folder."""
    result = evaluate.evaluate(gold_dir)
    out = {}
    for pair, _found, _type, _conf in conflicts.scored_pairs(result.claims, ConflictSettings(), model):
        key = frozenset((result.statement_of[pair.x.claim.id], result.statement_of[pair.y.claim.id]))
        if len(key) < 2:
            continue
        label = int(key in result.gold_conflict_pairs)
        kept = out.get(key)
        # One row per statement pair: the pair of claims the model scores highest stands for it.
        if kept is None or model.probability(pair.features) > model.probability(kept[1]):
            out[key] = (str(gold_dir), pair.features, label)
    gold = len(result.gold_conflict_pairs)
    print(f"{gold_dir}: {len(out)} candidate statement pairs, {sum(r[2] for r in out.values())} of {gold} gold pairs among them",
          file=sys.stderr)
    return list(out.values())


def calibration(scores: list[float], labels: list[int]) -> list[tuple[float, float]]:
    """The precision expected of the pairs scoring at least each threshold.

    The labels are first smoothed into a non-decreasing chance of being a conflict at each score
    (isotonic regression: a few pairs must not make the table jump), and the precision at a threshold is
    the mean chance of the pairs above it, which cannot fall as the threshold rises: a higher
    --min-confidence never promises less."""
    from sklearn.isotonic import IsotonicRegression

    chance = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(scores, labels).predict(scores)
    table = []
    for t in THRESHOLDS:
        kept = [c for s, c in zip(scores, chance) if s >= t]
        if len(kept) >= 3:
            table.append((t, round(float(sum(kept) / len(kept)), 3)))
    return table


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dirs", nargs="+", type=Path)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength")
    args = parser.parse_args(argv)
    for d in args.gold_dirs:
        if any(part.startswith("t") and part[1:].isdigit() or "test" in part.lower() for part in d.resolve().parts[-1:]):
            raise SystemExit(f"{d}: looks like a test set; fit on development gold only")

    from sklearn.linear_model import LogisticRegression

    prior = conflicts.load_model()
    data = [r for d in args.gold_dirs for r in rows(d, prior)]
    names = list(matching.FEATURES)
    X = [[f[n] for n in names] for _, f, _ in data]
    y = [label for _, _, label in data]
    lr = LogisticRegression(C=args.C, max_iter=2000)
    lr.fit(X, y)
    weights = dict(zip(names, (float(w) for w in lr.coef_[0])))
    fitted = conflicts.Model(weights, float(lr.intercept_[0]), ())
    scores = [fitted.probability(f) for _, f, _ in data]
    table = calibration(scores, y)
    sources = ", ".join(str(d) for d in args.gold_dirs)
    lines = [
        "# Weights of the conflict score (claimcheck/conflicts/detection.py, features named in claimcheck/conflicts/matching.py).",
        "# Written by scripts/fit_conflicts.py: logistic regression on the development gold named in `source`.",
        f'source = "fitted on {sources}: {len(y)} candidate statement pairs, {sum(y)} gold conflicts, C={args.C}"',
        f"bias = {fitted.bias:.4f}",
        "# calibration: [score, precision of the pairs scoring at least that] on the development gold",
        "calibration = [" + ", ".join(f"[{t}, {p}]" for t, p in table) + "]",
        "",
        "[weights]",
        *(f"{n} = {w:.4f}" for n, w in weights.items()),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.dry_run:
        MODEL.write_text(text, encoding="utf-8")
        print(f"written to {MODEL}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
