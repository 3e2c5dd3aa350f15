from .export import ExportDialog
from .verdict import Verdict, VerdictDialog

__all__ = ["ExportDialog", "Verdict", "VerdictDialog"]
