"""One module per command, each a plain function ``run(...) -> int`` (the exit code).

A command parses nothing (``factcheck/cli.py`` declares the options) and does no
real work of its own: it calls ``factcheck.api`` (the library), renders with
``factcheck.report`` and returns 0, 1 or 2. Errors are raised as
``FactcheckError`` and turned into one line and an exit code by the funnel in
``cli.py``.

To add a command: write ``factcheck/commands/NAME.py`` with ``run(..., console) -> int``
and declare it in ``cli.py`` (one ``@app.command()`` block calling ``run``).
"""
