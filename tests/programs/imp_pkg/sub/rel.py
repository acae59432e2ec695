"""Relative imports inside a subpackage."""
from . import leaf
from .leaf import LEAF
from .. import TOP
from ..sub import SUB
from .. import sibling
from ..sibling import SIB as SIB2

SEEN = (leaf.__name__, LEAF, TOP, SUB, sibling.__name__, SIB2)


def beyond():
    from ... import anything
    return anything


def beyond_far():
    from ...... import anything
    return anything


def missing():
    from . import no_such_submodule
    return no_such_submodule


def missing_name():
    from .leaf import no_such_name
    return no_such_name
