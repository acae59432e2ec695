"""heapsim: CPython 3.11's memory manager rebuilt in pure Python and made visible."""

__version__ = "0.1.0"
