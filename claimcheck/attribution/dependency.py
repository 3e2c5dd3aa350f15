"""What a dependency parse says about a cue verb: its subject and where its other dependents begin.

Read from the tokens of a parsed sentence (``Sentence.parsed``: the stanza analyzer); character
offsets only, so the attribution rules can compare the parse with the words they delimit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Sentence, Span, Token

# Dependents of the verb that are not its subject: an object, an oblique or a clause. The first
# of them after the subject is where the subject has ended ("أعلن الجيش … فقدان جنديين").
BORDER_RELATIONS = frozenset(("obj", "iobj", "obl", "ccomp", "xcomp", "advcl"))
_VERB_TAGS = ("VERB", "AUX", None)


@dataclass(frozen=True)
class VerbFrame:
    """The cue verb's subject (its nsubj subtrees, as one span) and the starts of its other dependents."""

    verb: Span  # the verb token
    subject: Span | None
    borders: tuple[int, ...]  # token starts, in text order


def _subtree(tokens: Sequence[Token], roots: list[int]) -> set[int]:
    """Token indexes under ``roots`` (the roots included)."""
    children: dict[int, list[int]] = {}
    for n, t in enumerate(tokens):
        children.setdefault(t.head, []).append(n)
    members, todo = set(roots), list(roots)
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in members:
                members.add(child)
                todo.append(child)
    return members


def _relation(token: Token) -> str:
    return (token.deprel or "").split(":")[0]


def verb_frame(sentence: Sentence, cue: Span) -> VerbFrame | None:
    """The frame of the verb inside ``cue`` (its last verb token), or None when the sentence was not
    parsed or the parse tags no verb there."""
    if not sentence.parsed:
        return None
    tokens = sentence.tokens
    verbs = [n for n, t in enumerate(tokens) if cue.start <= t.start < cue.end and t.upos in _VERB_TAGS]
    if not verbs:
        return None
    verb = verbs[-1]
    subjects = [n for n, t in enumerate(tokens) if t.head == verb and _relation(t) == "nsubj"]
    subject = None
    if subjects:
        members = _subtree(tokens, subjects)
        subject = Span(min(tokens[n].start for n in members), max(tokens[n].end for n in members))
    borders = tuple(t.start for t in tokens if t.head == verb and _relation(t) in BORDER_RELATIONS)
    return VerbFrame(Span(tokens[verb].start, tokens[verb].end), subject, borders)
