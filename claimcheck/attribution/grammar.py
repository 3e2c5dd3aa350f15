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
