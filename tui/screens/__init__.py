from .article import ArticleScreen
from .claims import ClaimsScreen
from .conflict import ConflictScreen
from .help import HelpScreen
from .queue import QueueScreen

__all__ = ["ArticleScreen", "ClaimsScreen", "ConflictScreen", "HelpScreen", "QueueScreen"]
