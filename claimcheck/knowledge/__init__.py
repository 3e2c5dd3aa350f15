"""Knowledge: the data files (``claimcheck/data/*.toml``) and a user's additions to them."""
