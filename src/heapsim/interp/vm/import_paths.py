"""Where a guest import finds a module (importlib's ``PathFinder`` and ``FileFinder``, and the
host's view of what python3 would find), host side only: nothing here touches the heap.

The guest ``sys.path`` is python3's: the script's folder, then the host CPython's
``python311.zip``, standard-library folder, ``lib-dynload`` and site-packages folders, in
the host's order (``python_path_entries``).  A folder is searched as ``FileFinder`` searches
it (``find_in``): ``NAME/__init__`` (a package; an extension ``__init__`` first), else the
folder ``NAME/`` is remembered as a namespace portion, then ``NAME`` plus the extension
suffixes, ``NAME.py``, ``NAME.pyc``; the first folder with a match wins, and with none, the
remembered portions make a namespace package.  Folder listings are cached for the run
(``Listings``), as ``FileFinder`` caches them.

What is found is a ``Found``: its kind says how the importer loads it (source and packages
run as guest code; an extension or a sourceless ``.pyc`` is a module heapsim cannot run).
"""

import importlib.machinery
import importlib.util
import os
import site
import sys as host_sys
from typing import NamedTuple

# Kinds of Found.
SOURCE = "source"            # NAME.py
PACKAGE = "package"          # NAME/__init__.py
NAMESPACE = "namespace"      # NAME/ folders without __init__ (PEP 420)
EXTENSION = "extension"      # a C extension (.so), or a package whose __init__ is one
BYTECODE = "bytecode"        # a sourceless NAME.pyc

EXTENSION_SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)

# The host's standard-library folder (the one ``os.py`` came from) and its siblings on
# python3's sys.path.
STDLIB_DIR = os.path.dirname(os.__file__)
_DYNLOAD_DIR = os.path.join(STDLIB_DIR, "lib-dynload")
_ZIP = os.path.join(host_sys.base_prefix, "lib",
                    f"python{host_sys.version_info[0]}{host_sys.version_info[1]}.zip")


def _site_dirs():
    try:
        return set(site.getsitepackages())
    except AttributeError:          # a site module without it (virtualenv's old ones)
        return set()


# Folders python3 has after the script's, in the host's sys.path order: the standard
# library's and the site-packages folders ('.pth' additions and PYTHONPATH are left out).
THIRD_PARTY_DIRS = frozenset(_site_dirs())
_PYTHON_DIRS = (_ZIP, STDLIB_DIR, _DYNLOAD_DIR)


def python_path_entries():
    """python3's ``sys.path`` after the script's folder."""
    out = [p for p in host_sys.path if p in _PYTHON_DIRS or p in THIRD_PARTY_DIRS]
    for p in _PYTHON_DIRS:          # a host run with odd sys.path still searches the stdlib
        if p not in out:
            out.insert(_PYTHON_DIRS.index(p), p)
    return out


def is_stdlib_file(path):
    """Whether path is a file of the host's standard library (not site-packages)."""
    return path is not None and path.startswith(STDLIB_DIR + os.sep) and \
        not path.startswith(os.path.join(STDLIB_DIR, "site-packages") + os.sep)


def is_third_party_file(path):
    return path is not None and any(path.startswith(d + os.sep) for d in THIRD_PARTY_DIRS)


# A module found on disk: ``kind`` (above), ``origin`` the file (None for a namespace
# package), ``locations`` the package's folders (``__path__``), empty for a plain module.
class Found(NamedTuple):
    kind: str
    origin: str
    locations: tuple


class Listings:
    """The names in each folder searched during one run (None for a path entry that is not
    a folder), read once, as ``FileFinder``'s cache."""

    def __init__(self):
        self.by_dir = {}

    def names(self, d):
        names = self.by_dir.get(d, False)
        if names is False:
            try:
                names = frozenset(os.listdir(d)) if d else frozenset(os.listdir("."))
            except OSError:
                names = None
            self.by_dir[d] = names
        return names


def find_in(leaf, entries, listings):
    """The Found for module ``leaf`` (the last part of its name) in the folders ``entries``
    (host strs), or None."""
    portions = []
    for d in entries:
        names = listings.names(d)
        if not names:
            continue
        if leaf in names:
            pkg = os.path.join(d, leaf)
            inside = listings.names(pkg)
            if inside is not None:
                for suffix in EXTENSION_SUFFIXES:
                    if "__init__" + suffix in inside:
                        return Found(EXTENSION, os.path.join(pkg, "__init__" + suffix), (pkg,))
                if "__init__.py" in inside:
                    return Found(PACKAGE, os.path.join(pkg, "__init__.py"), (pkg,))
                if "__init__.pyc" in inside:
                    return Found(BYTECODE, os.path.join(pkg, "__init__.pyc"), (pkg,))
                portions.append(pkg)
        for suffix in EXTENSION_SUFFIXES:
            if leaf + suffix in names:
                return Found(EXTENSION, os.path.join(d, leaf + suffix), ())
        if leaf + ".py" in names and os.path.isfile(os.path.join(d, leaf + ".py")):
            return Found(SOURCE, os.path.join(d, leaf + ".py"), ())
        if leaf + ".pyc" in names:
            return Found(BYTECODE, os.path.join(d, leaf + ".pyc"), ())
    if portions:
        return Found(NAMESPACE, None, tuple(portions))
    return None


def cached_path(origin):
    """``__cached__`` of a source file: its ``__pycache__/NAME.cpython-311.pyc``."""
    d, base = os.path.split(origin)
    return os.path.join(d, "__pycache__", base[:-3] + "." + host_sys.implementation.cache_tag
                        + ".pyc")


def is_host_builtin(name):
    """Whether name is a C module compiled into the host interpreter (``sys``, ``_io``,
    ``itertools``, ...)."""
    return name in host_sys.builtin_module_names


def is_accelerator(name):
    """A C module of the standard library whose name starts with ``_`` (``_heapq``,
    ``_bisect``): the pure-Python module that imports it has a fallback."""
    return name.startswith("_") and name.partition(".")[0] in host_sys.stdlib_module_names


def python3_finds(name):
    """Whether python3 (the host's import system) finds top-level module name: asked only
    for a name no folder of the guest sys.path has (a frozen module, one on a path entry
    python3 adds through a ``.pth`` file)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    return spec is not None
