"""Speakers: the canonical speaker, affiliation and side of each claim (actor lists and world knowledge)."""
