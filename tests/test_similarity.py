"""Content keys read through one article's memo are the keys of each claim read alone, and the roots
they are made of are NLTK's ISRI roots. Real text: the seed, held-out and development articles."""

from __future__ import annotations

from pathlib import Path

from nltk.stem.isri import ISRIStemmer

from claimcheck.analysis.analyzer import BuiltinAnalyzer
from claimcheck.analysis.text import WORD_RE
from claimcheck.attribution import attribute
from claimcheck.events import similarity
from claimcheck.ingest import reader as ingest
from claimcheck.pipeline import assemble
from claimcheck.speakers import resolve

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "fixtures" / "gold"


def _words(folder: Path) -> set[str]:
    return {w for path in folder.glob("*.txt") for w in WORD_RE.findall(path.read_text(encoding="utf-8-sig"))}


def test_roots_are_nltk_isri_roots():
    words = _words(ROOT / "fixtures" / "articles") | _words(GOLD / "dev" / "articles") | _words(GOLD / "heldout" / "articles")
    # Vowel marks, initial hamzas, the prefixes and suffixes of each of ISRI's lists, the connective و before و.
    words |= {"أَعْلَنَتْ", "إسقاط", "آليات", "ووزير", "كالعادة", "وللجيش", "مدرستان", "يقولون", "هجماتهم", "و", "ﻻ", ""}
    stock, ours = ISRIStemmer(), similarity._isri()
    differ = {w: (stock.stem(w), ours.stem(w)) for w in words if stock.stem(w) != ours.stem(w)}
    assert len(words) > 3000 and not differ


def test_keys_read_through_an_article_memo_are_each_claims_own(seed_paths):
    heldout = sorted((GOLD / "heldout" / "articles").glob("*.txt"))
    analyzer = BuiltinAnalyzer()
    compared = 0
    for article in ingest.read([*seed_paths, *heldout]):
        found = attribute.extract(article, analyzer.sentences(article))
        claims = assemble(article.id, found, resolve.resolve_speakers(article, found))
        memo: dict = {}
        for claim in claims:
            sentence = article.text[claim.sentence.start : claim.sentence.end]
            shared = similarity.content_keys(sentence, claim, claim.sentence.start, memo)
            assert shared == similarity.content_keys(sentence, claim, claim.sentence.start)
            compared += 1
        assert memo  # the sentences were split through it
    assert compared > 100
