"""Conflicting claims."""

from __future__ import annotations

from .models import Claim, Conflict


def detect(claims: list[Claim], settings) -> list[Conflict]:
    return []
