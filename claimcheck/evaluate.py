"""``claimcheck eval``: score claimcheck against a hand-annotated gold folder.

The format and the scoring are those of docs/gold-format.md: a predicted claim matches a
gold line in the same article and sentence whose cue it overlaps (character offsets after
NFC); speaker, side and content are scored on matched instances; conflicts match when both
of their claims match the gold pair's instances.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import pipeline
from .analysis.text import WORD_RE, normalize, normalize_name
from .config import load_settings
from .conflicts import detection as conflict_mod
from .ingest import reader as ingest
from .models import Claim
from .speakers.resolve import _SOURCE_HEADS, _stem

GOLD_FIELDS = ("article", "id", "sentence", "cue", "speaker", "content")


class GoldError(ValueError):
    pass


@dataclass
class GoldLine:
    data: dict
    sentence: tuple[int, int]
    cue: tuple[int, int]

    @property
    def id(self) -> str:
        return self.data["id"]


@dataclass
class Score:
    name: str
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class PRF:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Result:
    gold_dir: str
    analyzer: str
    cues: PRF
    speaker: Score
    side: Score
    content_f1: float
    content_n: int
    conflicts: PRF
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    wrong_speaker: list[dict] = field(default_factory=list)
    wrong_side: list[dict] = field(default_factory=list)
    conflict_misses: list[dict] = field(default_factory=list)
    conflict_false_alarms: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    curve: list[tuple[float, PRF]] = field(default_factory=list)
    corroboration: PRF | None = None
    min_confidence: float = 0.5
    # What the scores were computed from, for tools that look further (scripts/fit_conflicts.py).
    claims: list[Claim] = field(default_factory=list, repr=False)
    statement_of: dict[str, tuple] = field(default_factory=dict, repr=False)
    gold_conflict_pairs: dict[frozenset, dict] = field(default_factory=dict, repr=False)
    claim_to_gold: dict[str, str] = field(default_factory=dict, repr=False)
    # Matched claims given a side where the gold line has none (media, witnesses, … gold-conventions §5).
    side_without_gold: Score = field(default_factory=lambda: Score("side where gold has none"))

    def to_dict(self, errors: bool = False) -> dict:
        out = {
            "gold": self.gold_dir,
            "analyzer": self.analyzer,
            "cue": {"precision": self.cues.precision, "recall": self.cues.recall, "f1": self.cues.f1,
                    "tp": self.cues.tp, "fp": self.cues.fp, "fn": self.cues.fn},
            "speaker_accuracy": {"value": self.speaker.value, "correct": self.speaker.correct, "total": self.speaker.total},
            "side_accuracy": {"value": self.side.value, "correct": self.side.correct, "total": self.side.total},
            "side_where_gold_has_none": {"found": self.side_without_gold.correct, "total": self.side_without_gold.total},
            "content_token_f1": {"value": self.content_f1, "matched": self.content_n},
            "conflicts": {"precision": self.conflicts.precision, "recall": self.conflicts.recall, "f1": self.conflicts.f1,
                          "tp": self.conflicts.tp, "fp": self.conflicts.fp, "fn": self.conflicts.fn},
            "problems": self.problems,
            "min_confidence": self.min_confidence,
            "conflict_curve": [{"min_confidence": t, "precision": p.precision, "recall": p.recall, "tp": p.tp,
                                "fp": p.fp, "fn": p.fn} for t, p in self.curve],
        }
        if self.corroboration is not None:
            k = self.corroboration
            out["corroboration"] = {"precision": k.precision, "recall": k.recall, "f1": k.f1, "tp": k.tp, "fp": k.fp, "fn": k.fn}
        if errors:
            out["errors"] = {
                "misses": self.misses, "false_alarms": self.false_alarms, "wrong_speaker": self.wrong_speaker,
                "wrong_side": self.wrong_side, "conflict_misses": self.conflict_misses,
                "conflict_false_alarms": self.conflict_false_alarms,
            }
        return out

    def report(self, errors: bool = False) -> str:
        c, k = self.cues, self.conflicts
        lines = [
            f"gold: {self.gold_dir}   analyzer: {self.analyzer}",
            f"cue detection     P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}   (tp {c.tp}, fp {c.fp}, fn {c.fn})",
            f"speaker accuracy  {self.speaker.value:.3f}   ({self.speaker.correct}/{self.speaker.total} matched)",
            f"side accuracy     {self.side.value:.3f}   ({self.side.correct}/{self.side.total} matched with a gold side;"
            f" a side where gold has none: {self.side_without_gold.correct}/{self.side_without_gold.total})",
            f"content token-F1  {self.content_f1:.3f}   (mean over {self.content_n} matched)",
            f"conflicts         P {k.precision:.3f}  R {k.recall:.3f}  F1 {k.f1:.3f}   (tp {k.tp}, fp {k.fp}, fn {k.fn})",
        ]
        lines[-1] += f"   at min-confidence {self.min_confidence:g}"
        if self.corroboration is not None:
            k = self.corroboration
            lines.append(f"corroboration     P {k.precision:.3f}  R {k.recall:.3f}  F1 {k.f1:.3f}   (tp {k.tp}, fp {k.fp}, fn {k.fn})")
        if self.curve:
            lines.append("conflicts by --min-confidence: " + "  ".join(
                f"{t:.1f}: P {p.precision:.2f} R {p.recall:.2f} ({p.tp}/{p.tp + p.fp})" for t, p in self.curve))
        for problem in self.problems:
            lines.append(f"gold problem: {problem}")
        if errors:
            def section(title: str, rows: list[dict]) -> None:
                lines.append(f"\n{title} ({len(rows)})")
                for r in rows:
                    lines.append("  " + "  ".join(f"{key}={value}" for key, value in r.items()))

            section("misses (gold not found)", self.misses)
            section("false alarms (found, not in gold)", self.false_alarms)
            section("wrong speaker", self.wrong_speaker)
            section("wrong side", self.wrong_side)
            section("conflict misses", self.conflict_misses)
            section("conflict false alarms", self.conflict_false_alarms)
        return "\n".join(lines)


def _read_jsonl(path: Path, required: tuple[str, ...] = ()) -> list[dict]:
    if not path.is_file():
        return []
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{number}: not valid JSON ({exc.msg}); fix the line") from exc
        missing = [f for f in required if f not in row]
        if missing:
            raise GoldError(f"{path}:{number}: missing field(s) {', '.join(missing)}")
        rows.append(row)
    return rows


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _whole_word(haystack: str, needle: str, start: int = 0) -> int:
    pattern = re.compile(rf"(?<![\w\u0600-\u06ff]){re.escape(needle)}(?![\w\u0600-\u06ff])")
    m = pattern.search(haystack, start)
    if m:
        return m.start()
    return haystack.find(needle, start)


def _locate(text: str, line: dict) -> GoldLine | None:
    sentence, cue = _nfc(line["sentence"]), _nfc(line["cue"])
    s = text.find(sentence)
    while s >= 0:
        c = _whole_word(text[s : s + len(sentence)], cue)
        if c >= 0:
            return GoldLine(line, (s, s + len(sentence)), (s + c, s + c + len(cue)))
        s = text.find(sentence, s + 1)
    return None


def content_f1(predicted: str, gold: str) -> float:
    p = Counter(normalize(w) for w in WORD_RE.findall(predicted))
    g = Counter(normalize(w) for w in WORD_RE.findall(gold))
    overlap = sum((p & g).values())
    if not p and not g:
        return 1.0
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def speaker_matches(claim: Claim, gold: dict) -> bool:
    wanted = normalize_name(gold["speaker"] or "")
    if normalize_name(claim.speaker) == wanted:
        return True
    words = wanted.split()
    head = words[0] if words else ""
    if head and _stem(head) in {_stem(normalize_name(h)) for h in _SOURCE_HEADS}:
        # An unnamed source: its speaker text must contain the gold head noun.
        said = normalize_name(f"{claim.speaker} {claim.speaker_text}").split()
        return any(_stem(w) == _stem(head) for w in said)
    return False


def _predict(gold_dir: Path, meta: dict[str, dict], gold_rows: list[dict], analyzer,
             problems: list[str]) -> tuple[dict[str, str], dict[str, list[Claim]]]:
    """(text, claims found) of every gold article, by article id."""
    texts: dict[str, str] = {}
    predicted: dict[str, list[Claim]] = {}
    for article_id in sorted({row["article"] for row in gold_rows} | set(meta)):
        path = gold_dir / "articles" / f"{article_id}.txt"
        if not path.is_file():
            problems.append(f"{path} is missing")
            continue
        text, encoding = ingest.decode(path.read_bytes())
        text = _nfc(text)
        texts[article_id] = text
        article = ingest.build_article(text, article_id, source_path=str(path), encoding=encoding,
                                       meta=meta.get(article_id, {}))
        predicted[article_id] = pipeline.analyze_article(article, analyzer)
    return texts, predicted


@dataclass
class _ClaimScores:
    """The claim figures, gathered one gold line at a time."""

    cues: PRF = field(default_factory=lambda: PRF("cue"))
    speaker: Score = field(default_factory=lambda: Score("speaker"))
    side: Score = field(default_factory=lambda: Score("side"))
    side_without_gold: Score = field(default_factory=lambda: Score("side where gold has none"))
    f1_sum: float = 0.0
    f1_n: int = 0
    claim_to_gold: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    misses: list[dict] = field(default_factory=list)
    wrong_speaker: list[dict] = field(default_factory=list)
    wrong_side: list[dict] = field(default_factory=list)

    def matched(self, row: dict, match: Claim) -> None:
        self.used.add(match.id)
        self.claim_to_gold[match.id] = row["id"]
        self.cues.tp += 1
        self.speaker.total += 1
        if speaker_matches(match, row):
            self.speaker.correct += 1
        else:
            self.wrong_speaker.append({"id": row["id"], "gold": row["speaker"], "found": match.speaker, "mention": match.speaker_text})
        if row.get("side"):
            self.side.total += 1
            if match.side == row["side"]:
                self.side.correct += 1
            else:
                self.wrong_side.append({"id": row["id"], "gold": row["side"], "found": match.side, "speaker": match.speaker})
        else:
            self.side_without_gold.total += 1
            if match.side:
                self.side_without_gold.correct += 1
                self.wrong_side.append({"id": row["id"], "gold": None, "found": match.side, "speaker": match.speaker})
        self.f1_sum += content_f1(match.content_text, row.get("content") or "")
        self.f1_n += 1


def _first_match(located: GoldLine, claims: list[Claim], used: set[str]) -> Claim | None:
    """The first unused claim in the gold line's sentence whose cue overlaps the gold cue."""
    for claim in claims:
        if claim.id in used:
            continue
        same_sentence = claim.sentence.start < located.sentence[1] and located.sentence[0] < claim.sentence.end
        overlaps = claim.cue.start < located.cue[1] and located.cue[0] < claim.cue.end
        if same_sentence and overlaps:
            return claim
    return None


def _score_claims(gold_rows: list[dict], texts: dict[str, str], predicted: dict[str, list[Claim]],
                  problems: list[str]) -> _ClaimScores:
    scores = _ClaimScores()
    for row in gold_rows:
        text = texts.get(row["article"])
        located = _locate(text, row) if text is not None else None
        if located is None:
            problems.append(f"gold {row['id']}: sentence or cue not found in the article text")
            scores.cues.fn += 1
            continue
        match = _first_match(located, predicted.get(row["article"], []), scores.used)
        if match is None:
            scores.cues.fn += 1
            scores.misses.append({"id": row["id"], "cue": row["cue"], "speaker": row["speaker"], "sentence": row["sentence"][:90]})
            continue
        scores.matched(row, match)
    return scores


def _corroboration(gold_dir: Path, gold_rows: list[dict], all_claims: list[Claim], settings,
                   statement_of: dict[str, tuple], claim_to_gold: dict[str, str]) -> PRF | None:
    """Corroboration scored as pairs of statements, when the gold has ``corroboration.jsonl``."""
    gold_corroboration = _read_jsonl(gold_dir / "corroboration.jsonl", ("a", "b"))
    if not (gold_dir / "corroboration.jsonl").is_file():
        return None
    from .conflicts import corroboration as corroboration_mod

    groups = corroboration_mod.groups(all_claims, settings)
    pairs = [(a, b) for g in groups for i, a in enumerate(g.members) for b in g.members[i + 1:]]
    corroboration, _, _ = _score_pairs(pairs, statement_of, _gold_statement_pairs(gold_corroboration, gold_rows),
                                       claim_to_gold, name="corroboration")
    return corroboration


def evaluate(gold_dir: Path, analyzer=None) -> Result:
    analyzer = analyzer or pipeline.BuiltinAnalyzer()
    meta = {row["id"]: row for row in _read_jsonl(gold_dir / "articles.jsonl", ("id",))}
    gold_rows = _read_jsonl(gold_dir / "gold.jsonl", GOLD_FIELDS)
    gold_conflicts = _read_jsonl(gold_dir / "conflicts.jsonl", ("a", "b", "type"))
    if not gold_rows:
        raise GoldError(f"{gold_dir}: no gold.jsonl lines; see docs/gold-format.md")

    problems: list[str] = []
    texts, predicted = _predict(gold_dir, meta, gold_rows, analyzer, problems)
    scores = _score_claims(gold_rows, texts, predicted, problems)
    claim_to_gold = scores.claim_to_gold

    false_alarms = []
    all_claims = [c for claims in predicted.values() for c in claims]
    for claim in all_claims:
        if claim.id not in scores.used:
            scores.cues.fp += 1
            false_alarms.append({"article": claim.article_id[:8], "cue": claim.cue_text, "speaker": claim.speaker,
                                 "content": claim.content_text[:60]})

    settings = load_settings().conflicts
    statement_of = _statements(gold_rows, claim_to_gold, all_claims)
    every = conflict_mod.detect(all_claims, replace(settings, min_confidence=0.0))
    gold_pairs = _gold_statement_pairs(gold_conflicts, gold_rows)
    conflicts, conflict_misses, conflict_false_alarms = _score_pairs(
        [c for c in every if c.confidence >= settings.min_confidence], statement_of, gold_pairs, claim_to_gold)
    curve = []
    for threshold in CURVE:
        prf, _, _ = _score_pairs([c for c in every if c.confidence >= threshold], statement_of, gold_pairs, claim_to_gold)
        curve.append((threshold, prf))
    corroboration = _corroboration(gold_dir, gold_rows, all_claims, settings, statement_of, claim_to_gold)

    return Result(
        gold_dir=str(gold_dir), analyzer=analyzer.name, cues=scores.cues, speaker=scores.speaker, side=scores.side,
        content_f1=scores.f1_sum / scores.f1_n if scores.f1_n else 0.0, content_n=scores.f1_n, conflicts=conflicts,
        misses=scores.misses, false_alarms=false_alarms, wrong_speaker=scores.wrong_speaker, wrong_side=scores.wrong_side,
        conflict_misses=conflict_misses, conflict_false_alarms=conflict_false_alarms, problems=problems,
        curve=curve, corroboration=corroboration, min_confidence=settings.min_confidence,
        claims=all_claims, statement_of=statement_of, gold_conflict_pairs=gold_pairs, claim_to_gold=claim_to_gold,
        side_without_gold=scores.side_without_gold,
    )


# Thresholds of --min-confidence at which the precision-recall curve is printed.
CURVE = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _statements(gold_rows: list[dict], claim_to_gold: dict[str, str], claims: list[Claim]) -> dict[str, tuple]:
    """Claim id → its statement: one speaker's words in one sentence (gold-format.md). A claim that matched
    a gold line takes that line's statement; any other, its own sentence and speaker."""
    by_gold = {row["id"]: _gold_statement(row) for row in gold_rows}
    out = {}
    for claim in claims:
        gold_id = claim_to_gold.get(claim.id)
        out[claim.id] = by_gold[gold_id] if gold_id else ("?", claim.article_id, claim.sentence.start, normalize_name(claim.speaker))
    return out


def _gold_statement(row: dict) -> tuple:
    return (row["article"], _nfc(row["sentence"]), normalize_name(row.get("speaker") or row.get("speaker_text") or ""))


def _gold_statement_pairs(pairs: list[dict], gold_rows: list[dict]) -> dict[frozenset, dict]:
    by_id = {row["id"]: _gold_statement(row) for row in gold_rows}
    out = {}
    for g in pairs:
        if g["a"] in by_id and g["b"] in by_id and by_id[g["a"]] != by_id[g["b"]]:
            out.setdefault(frozenset((by_id[g["a"]], by_id[g["b"]])), g)
    return out


def _score_pairs(found, statement_of: dict[str, tuple], gold_pairs: dict[frozenset, dict],
                 claim_to_gold: dict[str, str], name: str = "conflicts") -> tuple[PRF, list[dict], list[dict]]:
    """Predicted pairs (conflicts, or (a, b) claim-id pairs) scored as pairs of statements, each counted once."""
    prf = PRF(name)
    seen: set[frozenset] = set()
    false_alarms = []
    for item in found:
        a, b = (item.a, item.b) if hasattr(item, "a") else item
        pair = frozenset((statement_of[a], statement_of[b]))
        if pair in seen or len(pair) < 2:
            continue
        seen.add(pair)
        if pair in gold_pairs:
            prf.tp += 1
        else:
            prf.fp += 1
            false_alarms.append({"type": getattr(item, "type", name), "pair": "/".join(sorted(
                claim_to_gold.get(c, f"?{c[:8]}") for c in (a, b))), "reason": getattr(item, "reason_en", "")[:160]})
    misses = [{"pair": f"{g['a']}/{g['b']}", "type": g.get("type", name)} for p, g in gold_pairs.items() if p not in seen]
    prf.fn = len(misses)
    return prf, misses, false_alarms
