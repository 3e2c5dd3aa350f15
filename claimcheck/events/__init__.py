"""Events: each claim's time reference, event frame and content keys."""
