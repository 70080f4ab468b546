"""factcheck: extract checkable claims from news articles into YAML worksheets,
work them from the terminal, and gate publication on them in CI."""

__version__ = "0.1.0"
