"""Export: the reviewed claims as CSV, JSONL, ClaimReview or Excel."""
