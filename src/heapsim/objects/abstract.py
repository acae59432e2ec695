"""The parts of the abstract object protocol the containers need: ``hash`` and ``==``.

``PyObject_Hash`` and the equality test that dict and set lookups use
(``PyObject_RichCompare(a, b, Py_EQ)`` after an identity check) dispatch through the type
slots ``tp_hash`` and ``tp_eq``.  Builtin types fill them with host computations on their
payloads (the host is CPython 3.11 with the same ``PYTHONHASHSEED``, so ``hash('abc')`` on the
host is the guest's hash); the interpreter fills them for classes with ``__hash__`` and
``__eq__``, which run guest code.
"""


def hash_object(heap, obj):
    """``PyObject_Hash``: a host int."""
    return obj.ob_type.tp_hash(heap, obj)


def objects_equal(heap, a, b):
    """``a == b`` as a dict or set lookup decides it (identity implies equality)."""
    if a is b:
        return True
    ta = a.ob_type
    tb = b.ob_type
    eq = ta.tp_eq
    if eq is not None:
        result = eq(heap, a, b)
        if result is not NotImplemented:
            return result
    if tb is not ta:
        eq = tb.tp_eq
        if eq is not None:
            result = eq(heap, b, a)
            if result is not NotImplemented:
                return result
    return False
