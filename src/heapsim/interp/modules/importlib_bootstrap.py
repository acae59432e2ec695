"""The guest ``_frozen_importlib``: the objects python3's import system leaves on a module
imported from a file, as guest Python run by heapsim itself.

A module python3 imports from a ``.py`` file carries ``__spec__`` (a ``ModuleSpec``),
``__loader__`` (a ``SourceFileLoader``, a ``NamespaceLoader`` for a namespace package) and, for
a namespace package, a ``__path__`` that is a ``_NamespacePath``.  Programs (and the standard
library) read them: ``__spec__.name``, ``.origin``, ``.parent``, ``.submodule_search_locations``,
``.has_location``, ``.cached``; ``__loader__.name`` and ``.path``.  The host importer
(vm/importer.py) does the finding and loading itself and calls ``_source_spec`` and
``_namespace_spec`` below for each module it loads, so these are ordinary guest instances
on the simulated heap, with python3's attributes in python3's order (``vars(spec)``).

``SOURCE`` is written for heapsim, not copied from CPython's importlib: only the attributes
and the few methods programs use are there (no ``exec_module``/``get_code``: the host loads).
The loader and namespace-path classes report ``_frozen_importlib_external`` as their module,
as python3's do.  The module is built on the first import from a file (or ``import
_frozen_importlib``), not at start-up, so an empty program does not pay for it.
"""

# The name tracebacks through this code show (python3 shows "<frozen importlib._bootstrap>").
FILENAME = "<frozen importlib._bootstrap>.py"

SOURCE = r'''
class ModuleSpec:
    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        parts = ["name=" + repr(self.name), "loader=" + repr(self.loader)]
        if self.origin is not None:
            parts.append("origin=" + repr(self.origin))
        if self.submodule_search_locations is not None:
            parts.append("submodule_search_locations=" + repr(self.submodule_search_locations))
        return type(self).__name__ + "(" + ", ".join(parts) + ")"

    def __eq__(self, other):
        if not isinstance(other, ModuleSpec):
            return NotImplemented
        return (self.name == other.name and self.loader == other.loader
                and self.origin == other.origin
                and self.submodule_search_locations == other.submodule_search_locations
                and self.cached == other.cached and self.has_location == other.has_location)

    @property
    def cached(self):
        return self._cached

    @cached.setter
    def cached(self, value):
        self._cached = value

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition(".")[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


class SourceFileLoader:
    __module__ = "_frozen_importlib_external"

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def is_package(self, fullname):
        return self.path.rpartition("/")[2].rpartition(".")[0] == "__init__"


class _NamespacePath:
    __module__ = "_frozen_importlib_external"

    def __init__(self, path):
        self._path = path

    def __iter__(self):
        return iter(self._path)

    def __getitem__(self, index):
        return self._path[index]

    def __len__(self):
        return len(self._path)

    def __contains__(self, item):
        return item in self._path

    def __repr__(self):
        return "_NamespacePath(" + repr(self._path) + ")"

    def append(self, item):
        self._path.append(item)


class NamespaceLoader:
    __module__ = "_frozen_importlib_external"

    def __init__(self, name, path):
        self._path = path

    def is_package(self, fullname):
        return True


def _source_spec(name, path, cached, is_package):
    spec = ModuleSpec(name, SourceFileLoader(name, path), origin=path, is_package=is_package)
    if is_package:
        spec.submodule_search_locations.append(path.rpartition("/")[0])
    spec._set_fileattr = True
    spec._cached = cached
    return spec


def _namespace_spec(name, locations):
    path = _NamespacePath(locations)
    spec = ModuleSpec(name, NamespaceLoader(name, path), is_package=True)
    spec.submodule_search_locations = path
    return spec
'''
