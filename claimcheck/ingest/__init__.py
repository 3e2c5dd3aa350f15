"""Ingest: files, folders and collections become ``Article``s (text as read, outlet, stories, chrome).

``reader`` reads and decodes; ``segment`` finds the stories, page chrome and the outlet in the text."""
