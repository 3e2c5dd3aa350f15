"""Function-word lists for the attribution rules (data/grammar.toml), folded for matching."""

from __future__ import annotations

from functools import lru_cache

from ..analysis.text import WORD_RE, normalize
from ..knowledge import loader as knowledge


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The named list as a set of normalised words."""
    return frozenset(normalize(w) for w in knowledge.load("grammar")[name])


@lru_cache(maxsize=None)
def phrases(name: str) -> list[tuple[str, ...]]:
    """The named list as phrases: tuples of normalised words."""
    return [tuple(normalize(w) for w in WORD_RE.findall(p)) for p in knowledge.load("grammar")[name]]


# Words that open a compound personal name: "عبد الله", "أبو عبيدة", "ابن سلمان".
NAME_OPENERS = frozenset(("عبد", "ابو", "ابي", "ابن", "بن"))


def compound_name_part(words: list[str], k: int) -> bool:
    """A word with ال that belongs to a name: after "عبد"/"أبو" ("عبد الفتاح", "أبو الفضل"), or "الله"
    ending a compound ("عبد الله", "ذبيح الله")."""
    n = normalize(words[k])
    return n.startswith("ال") and k > 0 and (n == "الله" or normalize(words[k - 1]) in NAME_OPENERS)
