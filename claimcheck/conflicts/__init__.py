"""Conflicts: candidate pairs of claims, their typed conflicts with reasons, and corroboration groups."""
