"""Event frames: what a claim says happened (action, object, place, time, numbers, sides)."""

from __future__ import annotations

from .models import Article, Claim, Frame


def frame_claim(article: Article, claim: Claim) -> Frame:
    return Frame(when=claim.time.resolved if claim.time else None, polarity=-1 if claim.negated else 1)
