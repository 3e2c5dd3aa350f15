"""Review: the append-only log of reviewers' decisions on claims and conflicts."""
