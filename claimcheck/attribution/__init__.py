"""Attribution: the reported speech in each sentence (cue, speaker mention, role, content)."""
