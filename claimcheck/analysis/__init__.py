"""Analysis: sentences and tokens with character offsets, made by the built-in rules or by stanza.

``sentences`` is the split both analyzers share; ``analyzer`` holds the interface and the built-in
analyzer; ``stanza_analyzer`` the stanza one; ``text`` the normalisation used for matching everywhere."""
