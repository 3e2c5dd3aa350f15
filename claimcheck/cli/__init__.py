"""The ``claimcheck`` command: ``main`` builds the group, ``review`` the reviewing commands, ``display`` the tables."""
