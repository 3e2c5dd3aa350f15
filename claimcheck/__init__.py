"""claimcheck: claim attribution and source verification for Arabic news."""

__all__ = ["__version__"]
__version__ = "0.1.0"
