"""What a view shows of one simulated object, read from the heap without touching it.

Nothing here calls guest code, allocates on the simulated heap or changes a refcount: the
recorder reads payloads and pointer fields directly.

``labelled_references(obj)`` lists the references an object holds, each as a ``Ref``: the
label a reader knows it by (``[0]`` for a list slot, ``.next`` for an attribute, ``['k']``
for a dict value, ``key`` for a dict key, ``__class__`` for an instance's type), the target
and whether it is weak.  The strong ones are exactly the references the heap audit counts
(``reclaim.audit.references``): the describers below label the common containers, and any
other type's references come from the audit's list, unlabelled.  ``summary(obj)`` is the
short value text of a box (``42``, ``'abc'``, ``len 3``, ``Node``).
"""

from dataclasses import dataclass

from heapsim.objects.dictobject import dict_items
from heapsim.objects.dict_table import DictObject
from heapsim.objects.floatobject import FloatObject
from heapsim.objects.instanceobject import InstanceObject
from heapsim.objects.listobject import ListObject
from heapsim.objects.longobject import IntObject
from heapsim.objects.setobject import SetObject
from heapsim.objects.tupleobject import TupleObject
from heapsim.objects.unicodeobject import StrObject
from heapsim.objects.cellobject import CellObject
from heapsim.objects.core import TypeObject
from heapsim.objects.weakrefobject import WeakrefObject
from heapsim.reclaim.audit import references

SUMMARY_CHARS = 40


@dataclass(frozen=True, slots=True)
class Ref:
    label: str
    target: object
    weak: bool = False


def _short(text):
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS - 1] + "…"


def key_label(key):
    """A dict key as a label: ``['name']``, ``[3]``, or the key's type in brackets."""
    if isinstance(key, StrObject):
        return "[" + _short(repr(key.value)) + "]"
    if isinstance(key, IntObject):
        return f"[{key.value}]"
    return f"[{key.ob_type.name}]"


def _list_refs(obj, functions):
    return [Ref(f"[{i}]", o) for i, o in enumerate(obj.items) if o is not None]


def _dict_refs(obj, functions):
    out = []
    split = obj.ma_values is not None
    for k, v in dict_items(obj):
        if not split:
            out.append(Ref("key", k))
        out.append(Ref(key_label(k), v))
    return _complete(obj, out, functions)


def _set_refs(obj, functions):
    return _complete(obj, [], functions, "item")


def _instance_refs(obj, functions):
    tp = obj.ob_type
    out = [Ref("__class__", tp)]
    values = obj.values
    if values is not None and tp.cached_keys is not None:
        ekeys = tp.cached_keys.ekeys
        vals = values.values
        for i in values.order:
            v = vals[i]
            if v is not None:
                out.append(Ref("." + ekeys[i].value, v))
    if obj.dict is not None:
        out.append(Ref("__dict__", obj.dict))
    if obj.slots is not None:
        names = tp.slot_names
        for i, v in enumerate(obj.slots):
            if v is not None:
                name = names[i] if i < len(names) and names[i] is not None else str(i)
                out.append(Ref("." + str(name), v))
    return _complete(obj, out, functions)


def _cell_refs(obj, functions):
    return [Ref("cell_contents", obj.ob_ref)] if obj.ob_ref is not None else []


def _weakref_refs(obj, functions):
    out = _complete(obj, [], functions)
    target = obj.wr_object
    if target is not None and target.ob_refcnt > 0:
        out.append(Ref("weak", target, True))
    return out


def _complete(obj, labelled, functions, label=""):
    """``labelled`` plus the references the audit counts that it does not name (unlabelled),
    so the strong references listed are always the audit's."""
    pending = {}
    for r in labelled:
        if not r.weak:
            pending[id(r.target)] = pending.get(id(r.target), 0) + 1
    out = list(labelled)
    for t in references(obj, functions):
        n = pending.get(id(t), 0)
        if n:
            pending[id(t)] = n - 1
        else:
            out.append(Ref(label, t))
    return out


# Host class -> describer.  Classes not listed get the audit's references, unlabelled.
DESCRIBERS = {
    ListObject: _list_refs,
    TupleObject: _list_refs,
    DictObject: _dict_refs,
    SetObject: _set_refs,
    InstanceObject: _instance_refs,
    CellObject: _cell_refs,
    WeakrefObject: _weakref_refs,
}


def labelled_references(obj, functions):
    """Every reference obj holds, labelled where the layout names it (see the module doc).
    ``functions`` is ``reclaim.audit.reference_functions(heap)``."""
    describe = DESCRIBERS.get(type(obj))
    if describe is None:
        for cls, fn in DESCRIBERS.items():
            if isinstance(obj, cls):
                describe = fn
                break
    if describe is None:
        return [Ref("", t) for t in references(obj, functions)]
    return describe(obj, functions)


def summary(obj, heap):
    """The value text of obj's box."""
    if obj is heap.none:
        return "None"
    if obj is heap.true or obj is heap.false:
        return "True" if obj is heap.true else "False"
    if isinstance(obj, IntObject):
        return _short(str(obj.value))
    if isinstance(obj, FloatObject):
        return _short(repr(obj.value))
    if isinstance(obj, StrObject):
        return _short(repr(obj.value))
    if isinstance(obj, (ListObject, TupleObject)):
        return f"len {len(obj.items)}"
    if isinstance(obj, DictObject):
        return f"len {obj.ma_used}"
    if isinstance(obj, SetObject):
        return f"len {obj.used}"
    if isinstance(obj, TypeObject):
        return obj.name
    name = getattr(obj, "func_qualname", None)
    if isinstance(name, StrObject):
        return _short(name.value + "()")
    return ""
