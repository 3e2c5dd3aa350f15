"""A JSON array written an item at a time, as ``json.dumps(items, indent=2)`` writes it whole:
long listings and exports never hold every item."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator


def json_array(items: Iterable, default=None) -> Iterator[str]:
    """The text of ``json.dumps(list(items), ensure_ascii=False, indent=2, default=default)``, in pieces."""
    first = True
    for item in items:
        # An item's own lines sit one level deeper inside the array; strings hold no raw newline (JSON escapes it).
        text = json.dumps(item, ensure_ascii=False, indent=2, default=default).replace("\n", "\n  ")
        yield ("[\n  " if first else ",\n  ") + text
        first = False
    yield "[]" if first else "\n]"
