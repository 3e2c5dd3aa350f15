"""docs/extending.md, step by step: each worked example there is followed here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from claimcheck.analysis.text import normalize
from claimcheck.attribution import attribute
from claimcheck.conflicts import detection
from claimcheck.config import ConflictSettings
from claimcheck.export import formats

DOC = (ROOT / "docs" / "extending.md").read_text(encoding="utf-8")

# Runs the pipeline in a fresh process, as a user's next command would, so the data files are read anew.
ANALYSE = """
import json, sys
from claimcheck import pipeline
from claimcheck.events.frames import vocabulary
from claimcheck.ingest.reader import build_article
article = build_article(sys.stdin.read(), "example", meta={"published": "2024-05-01"})
for c in pipeline.analyze_article(article):
    print(json.dumps({"speaker": c.speaker, "side": c.side, "actor": c.actor_id, "role": c.role,
                      "content": c.content_text}, ensure_ascii=False))
vocab = vocabulary()
print(json.dumps({"opposed": vocab.opposed_sides("ELN", "Colombia"), "label": vocab.side_labels.get("ELN")}))
"""


def toml_block(name: str) -> str:
    """The TOML the guide shows for ``name`` (the block whose first line is its path comment)."""
    marker = f"# ~/.config/claimcheck/data/{name}\n"
    start = DOC.index(marker) + len(marker)
    return DOC[start : DOC.index("```", start)]


def analyse(text: str, data_dir: Path | None) -> tuple[list[dict], dict]:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMCHECK_DATA_DIR"}
    if data_dir is not None:
        env["CLAIMCHECK_DATA_DIR"] = str(data_dir)
    done = subprocess.run([sys.executable, "-c", ANALYSE], input=text, capture_output=True, text=True, env=env,
                          cwd=ROOT, check=True)
    *claims, vocab = [json.loads(line) for line in done.stdout.splitlines()]
    return claims, vocab


def with_files(tmp_path: Path, *names: str) -> Path:
    for name in names:
        (tmp_path / name).write_text(toml_block(name), encoding="utf-8")
    return tmp_path


def test_1_a_new_cue_word_is_data(tmp_path):
    text = "وألمح وزير الخارجية إلى أن الهدنة قد تنهار خلال أيام.\n"
    assert analyse(text, None)[0] == []
    claims, _ = analyse(text, with_files(tmp_path, "cues-mine.toml"))
    assert [(c["speaker"], c["content"]) for c in claims] == [("وزير الخارجية", "الهدنة قد تنهار خلال أيام")]


def test_1_a_new_border_is_a_rule(monkeypatch):
    from claimcheck import pipeline
    from claimcheck.ingest.reader import build_article

    article = build_article("وقال مصدر أمني طالبا عدم الكشف عن هويته إن الهجوم أوقع قتلى.\n", "example")
    assert [c.speaker for c in pipeline.analyze_article(article)] == ["مصدر أمني طالبا عدم الكشف عن هويته"]

    manner_participles = frozenset(normalize(w) for w in ("طالبا", "مفضلا", "مشترطا"))

    def _manner_participle(m, k: int) -> bool:
        """"مصدر أمني طالبا عدم الكشف عن هويته": a participle of manner ends the mention."""
        return m.words[k].norm in manner_participles

    stops = list(attribute._SPEAKER_STOPS)
    stops.insert(stops.index(attribute._listener) + 1, _manner_participle)
    monkeypatch.setattr(attribute, "_SPEAKER_STOPS", tuple(stops))
    assert [c.speaker for c in pipeline.analyze_article(article)] == ["مصدر أمني"]


def test_2_an_actor(tmp_path):
    text = "وقال ياسر العطا إن الجيش سيطر على المدينة.\n"
    (before,), _ = analyse(text, None)
    assert (before["speaker"], before["side"]) == ("ياسر العطا", None)
    (after,), _ = analyse(text, with_files(tmp_path, "actors-mine.toml"))
    assert (after["actor"], after["side"], after["role"]) == ("yasir-al-atta", "SAF", "مساعد القائد العام للجيش السوداني")


def test_3_a_whole_new_conflicts_actors(tmp_path):
    text = ("وقال الجيش الكولومبي إن مقاتلي جيش التحرير الوطني هاجموا قاعدة عسكرية في مقاطعة أراوكا.\n"
            "ونفى جيش التحرير الوطني أن يكون مقاتلوه قد هاجموا القاعدة العسكرية في أراوكا.\n")
    claims, vocab = analyse(text, None)
    assert [c["side"] for c in claims] == ["Colombia", None] and vocab["label"] is None
    claims, vocab = analyse(text, with_files(tmp_path, "parties-mine.toml", "sides-mine.toml"))
    assert [(c["side"], c["actor"]) for c in claims] == [("Colombia", None), ("ELN", "eln")]
    assert vocab == {"opposed": True, "label": "جيش التحرير الوطني"}


def test_4_a_conflict_type():
    from helpers import claims_from_gold

    claims = list(claims_from_gold()[0].values())

    def typed() -> dict[str, set]:
        # Every scored pair, whatever its confidence: the rule is about typing, not about what the fitted
        # weights let through at the default threshold.
        out: dict[str, set] = {}
        for pair, _, type_, _confidence in detection.scored_pairs(claims, ConflictSettings()):
            out.setdefault(type_, set()).add((pair.x.claim.id, pair.y.claim.id, pair.features["place_differs"] > 0))
        return out

    before = typed()
    assert "place_dispute" not in before

    @detection.type_rule("place_dispute")
    def _is_place_dispute(pair, found) -> bool:
        """Two accounts of one event that put it in different places."""
        return bool(pair.features["place_differs"])

    try:
        assert list(detection.TYPE_RULES)[-2:] == ["place_dispute", "competing_claims"]
        after = typed()
    finally:
        del detection.TYPE_RULES["place_dispute"]
    moved = {p for p in before["competing_claims"] if p[2]}
    assert moved and after["place_dispute"] == moved
    assert after["competing_claims"] == before["competing_claims"] - moved


def test_5_an_export_format(seeded_store, tmp_path):
    @formats.writer("markdown")
    def _write_markdown(path: Path, rows: list[dict]) -> int:
        """A Markdown table of who said what, for a newsletter."""
        lines = ["| speaker | side | content | status |", "|---|---|---|---|"]
        lines += [f"| {r['speaker']} | {r['side'] or ''} | {r['content']} | {r['status']} |" for r in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return len(rows)

    try:
        n = formats.export(seeded_store, tmp_path / "claims.md", "markdown")
    finally:
        del formats.WRITERS["markdown"]
    lines = (tmp_path / "claims.md").read_text(encoding="utf-8").splitlines()
    assert n == seeded_store.claim_count() == len(lines) - 2
    assert lines[0] == "| speaker | side | content | status |" and lines[2].endswith("| unreviewed |")
