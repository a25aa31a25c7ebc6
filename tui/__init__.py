"""study: read a structured document in the terminal and drill its key phrases."""

__version__ = "0.1.0"
