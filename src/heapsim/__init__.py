"""heapsim: CPython 3.11's memory manager rebuilt in pure Python and made visible."""

__version__ = "0.1.0"


def load_ipython_extension(ipython):
    """``%load_ext heapsim``: the ``%%heapsim`` cell magic (heapsim/notebook.py)."""
    # Imported when the extension loads: IPython is optional and ``import heapsim`` stays cheap.
    from heapsim.notebook import load_ipython_extension as load
    load(ipython)
