"""Claim memory: find claims already checked in other worksheets.

``index`` keeps every claim of every worksheet in ``.factcheck/index.sqlite``
(a cache, rebuilt incrementally); ``match`` finds, for a claim, the closest
claims elsewhere and says whether their numbers agree; ``links`` reads and
checks the ``same_as`` / ``not_same_as`` references people record.

Typical use (what ``factcheck similar`` does)::

    from factcheck.memory.index import using_index
    from factcheck.memory.match import similar
    results, notices = using_index(lambda idx, stats: similar(idx, worksheet))

The package imports nothing itself, so ``check`` can read ``same_as`` links
(``links``) without loading SQLite or rapidfuzz.
"""
