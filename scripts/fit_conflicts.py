"""Fit the conflict score's weights on development gold sets and write claimcheck/data/conflict_model.toml.

Input: one or more gold-format folders (docs/gold-format.md: articles/, articles.jsonl, gold.jsonl,
conflicts.jsonl) of the DEVELOPMENT split only — never a test set: the precision measured here is what
``--min-confidence`` promises, so a test set fitted on would report figures it has already seen.

Each folder is run through the pipeline as ``claimcheck eval`` runs it; every candidate pair that
conflict detection would consider (conflicts.scored_pairs, before any threshold) becomes one row of
named features (matching.FEATURES), labelled 1 when its two statements are a gold conflict pair. A
logistic regression (scikit-learn) is fitted on the rows; its weights are written with their feature
names, and the calibration table with, for each score threshold, the precision of the pairs scoring at
least that much (made non-decreasing, and counted once per statement pair as eval counts them), each
story group's pairs scored by weights fitted without that group: the precision a story never seen gets.
The result depends a little on the weights in place when it runs (they choose which pair of claims
stands for a pair of statements).

    python scripts/fit_conflicts.py /work/corpus/d1 /work/corpus/d3            # writes the model
    python scripts/fit_conflicts.py --dry-run DEV_DIR...                        # prints it only
    python scripts/fit_conflicts.py --cv DEV_DIR...                             # cross-validated P/R only

``--cv`` measures what the fitted score does on news it has not seen: the rows are grouped by story group
(dev article ids ``d1-01_outlet`` → ``d1``: one event told by several outlets; a folder whose ids have no
such prefix is one group), and each group is scored by a model fitted and calibrated on the others only.
The precision and recall printed at each --min-confidence count every gold pair of the held-out group,
candidate or not, as ``claimcheck eval`` counts them.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.conflicts import detection as conflicts, matching
from claimcheck import evaluate  # noqa: E402
from claimcheck.config import ConflictSettings  # noqa: E402

MODEL = ROOT / "claimcheck" / "data" / "conflict_model.toml"
THRESHOLDS = [round(0.05 * k, 2) for k in range(1, 20)]
CV_THRESHOLDS = (0.5, 0.6, 0.7)
_GROUPED_ID = re.compile(r"([a-z]+\d+)-\d+_")


@dataclass(frozen=True)
class Row:
    """One candidate statement pair: its features, whether it is a gold conflict, the group it is held out
    with, and the event-frame rules' own confidence (0 when they did not type it)."""

    source: str
    group: str
    features: dict[str, float]
    label: int
    rule: float


def group_of(gold_dir: Path, article_id: str) -> str:
    """The story group an article is held out with: ``d1`` for ``d1-01_outlet``, else its folder."""
    m = _GROUPED_ID.match(article_id)
    return m.group(1) if m else gold_dir.name


def rows(gold_dir: Path, model: conflicts.Model, totals: dict[str, int] | None = None) -> list[Row]:
    """One row for every candidate statement pair of one gold folder; ``totals`` counts its gold pairs by group."""
    result = evaluate.evaluate(gold_dir)
    # Claims carry a hash of their article; the statements they matched name the gold article.
    names = {c.article_id: result.statement_of[c.id][0] for c in result.claims if result.statement_of[c.id][0] != "?"}
    out: dict[frozenset, Row] = {}
    for pair, found, _type, _conf in conflicts.scored_pairs(result.claims, ConflictSettings(), model):
        key = frozenset((result.statement_of[pair.x.claim.id], result.statement_of[pair.y.claim.id]))
        if len(key) < 2:
            continue
        row = Row(str(gold_dir), group_of(gold_dir, names.get(pair.x.claim.article_id, "")), pair.features,
                  int(key in result.gold_conflict_pairs), found.confidence if found else 0.0)
        kept = out.get(key)
        # One row per statement pair: the pair of claims the model scores highest stands for it.
        if kept is None or model.probability(row.features) > model.probability(kept.features):
            out[key] = row
    for key in result.gold_conflict_pairs:
        if totals is not None:
            totals[group_of(gold_dir, min(s[0] for s in key))] += 1
    gold = len(result.gold_conflict_pairs)
    print(f"{gold_dir}: {len(out)} candidate statement pairs, {sum(r.label for r in out.values())} of {gold} gold pairs among them",
          file=sys.stderr)
    return list(out.values())


def _weights(data: list[Row], C: float) -> conflicts.Model:
    """The logistic weights over matching.FEATURES fitted on ``data``, without a calibration."""
    from sklearn.linear_model import LogisticRegression

    held = {group[0] for group in matching.BASELINES}
    names = [n for n in matching.FEATURES if n not in held]
    lr = LogisticRegression(C=C, max_iter=2000)
    lr.fit([[r.features[n] for n in names] for r in data], [r.label for r in data])
    weights = dict(zip(names, (float(w) for w in lr.coef_[0])))
    return conflicts.Model({n: weights.get(n, 0.0) for n in matching.FEATURES}, float(lr.intercept_[0]), ())


def fit(data: list[Row], C: float) -> conflicts.Model:
    """The logistic weights over matching.FEATURES fitted on ``data``, and their calibration.

    The calibration reads each story group's pairs as scored by weights fitted on the other groups
    only: the precision it promises is the one measured on stories the weights have not seen (scored
    on the pairs they were fitted on, a score looks surer than it is on new news)."""
    model = _weights(data, C)
    groups = sorted({r.group for r in data})
    if len(groups) > 1:
        scores, labels = [], []
        for group in groups:
            others = _weights([r for r in data if r.group != group], C)
            held = [r for r in data if r.group == group]
            scores += [others.probability(r.features) for r in held]
            labels += [r.label for r in held]
    else:
        scores, labels = [model.probability(r.features) for r in data], [r.label for r in data]
    return conflicts.Model(model.weights, model.bias, tuple(calibration(scores, labels)))


def shown_confidence(model: conflicts.Model, row: Row) -> float:
    """The confidence detection shows for the row (the rules' own when higher, as detection.py does)."""
    return max(model.confidence(row.features), row.rule)


def cross_validate(data: list[Row], totals: dict[str, int], C: float) -> dict[float, tuple[int, int, int]]:
    """(tp, fp, fn) at each CV threshold, every group scored by the model fitted on the other groups."""
    counts = {t: [0, 0, 0] for t in CV_THRESHOLDS}
    for group in sorted(totals):
        held = [r for r in data if r.group == group]
        model = fit([r for r in data if r.group != group], C)
        for t in CV_THRESHOLDS:
            tp = sum(r.label for r in held if shown_confidence(model, r) >= t)
            fp = sum(1 - r.label for r in held if shown_confidence(model, r) >= t)
            counts[t][0] += tp
            counts[t][1] += fp
            counts[t][2] += totals[group] - tp
            print(f"  {group:>8} at {t}: tp {tp} fp {fp} fn {totals[group] - tp}", file=sys.stderr)
    return {t: tuple(c) for t, c in counts.items()}


def report_cv(counts: dict[float, tuple[int, int, int]]) -> str:
    parts = []
    for t, (tp, fp, fn) in counts.items():
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        parts.append(f"{t}: P {p:.2f} R {r:.2f} (tp {tp}, fp {fp}, fn {fn})")
    return "leave-group-out conflicts by --min-confidence: " + "  ".join(parts)


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
    parser.add_argument("--cv", action="store_true", help="print leave-group-out P/R only; write nothing")
    args = parser.parse_args(argv)
    for d in args.gold_dirs:
        if any(part.startswith("t") and part[1:].isdigit() or "test" in part.lower() for part in d.resolve().parts[-1:]):
            raise SystemExit(f"{d}: looks like a test set; fit on development gold only")

    prior = conflicts.load_model()
    totals: dict[str, int] = defaultdict(int)
    data = [r for d in args.gold_dirs for r in rows(d, prior, totals)]
    if args.cv:
        print(report_cv(cross_validate(data, totals, args.C)))
        return
    fitted = fit(data, args.C)
    weights, table = fitted.weights, fitted.calibration
    y = [r.label for r in data]
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
