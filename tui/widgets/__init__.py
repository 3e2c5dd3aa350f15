from .bidi_text import BidiInput, BidiText, MarkedText
from .claim_panel import ClaimPanel
from .filters import FilterBar
from .header import DeskHeader
from .history import HistoryPanel
from .paged_table import PagedTable

__all__ = ["BidiInput", "BidiText", "ClaimPanel", "DeskHeader", "FilterBar", "HistoryPanel", "MarkedText", "PagedTable"]
