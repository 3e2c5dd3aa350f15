"""The claimcheck review desk: a Textual terminal UI over the claimcheck store.

This package imports ``claimcheck``; ``claimcheck`` never imports it (the ``desk`` command is
plugged in through the ``claimcheck.commands`` entry point).
"""
