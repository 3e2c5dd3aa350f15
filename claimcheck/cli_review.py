"""Review, history, undo and export commands."""
