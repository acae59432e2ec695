"""``BaseExceptionGroup`` and ``ExceptionGroup`` (Objects/exceptions.c, PEP 654), and the
matching ``except*`` runs on (Python/ceval.c's ``exception_group_match``,
``_PyExc_PrepReraiseStar``).

A group is an ``ExcObject`` of one of the two types (or a subclass) whose ``eg_msg`` is its
message and ``extra`` its exceptions tuple; both are guest objects the exception holds.
``ExceptionGroup`` derives from ``BaseExceptionGroup`` and ``Exception`` (its MRO is set by
``exceptions.init_exception_types``).  ``split``/``subgroup`` walk the nesting as
``exceptiongroup_split_recursive`` does, building each partial group with ``derive`` and
copying the original's traceback, context, cause and a copy of its notes.
"""

from heapsim.base.errors import GuestError
from heapsim.interp.types.exceptions import ExcObject, is_subtype, new_exception
from heapsim.objects.core import TypeObject, add_methods
from heapsim.objects.listobject import list_append
from heapsim.objects.unicodeobject import intern_string, new_str

# matcher kinds of ``exceptiongroup_split_check_match``
BY_TYPE, BY_PREDICATE, BY_INSTANCE_IDS = range(3)


def is_group(sp, obj):
    return isinstance(obj, ExcObject) and is_subtype(obj.ob_type,
                                                     sp.exc_types["BaseExceptionGroup"])


def is_sequence(sp, obj):
    """``PySequence_Check``: not a dict, and its type has ``__getitem__``."""
    if obj.ob_type is sp.heap.dict_type:
        return False
    m = sp.special_method(obj, "__getitem__")
    if m is None:
        return False
    sp.heap.decref(m)
    return True


def group_new(sp, tp, args, kw):
    """``BaseExceptionGroup_new``: a new reference (tp's reference is not taken)."""
    heap = sp.heap
    name = "BaseExceptionGroup.__new__"
    if len(args) != 2:
        raise GuestError("TypeError", f"{name}() takes exactly 2 arguments "
                         f"({len(args)} given)")
    message, excs = args
    if not sp.isinstance_tp(message, heap.str_type):
        raise GuestError("TypeError", f"{name}() argument 1 must be str, not "
                         f"{message.ob_type.name}")
    if not is_sequence(sp, excs):
        raise GuestError("TypeError", "second argument (exceptions) must be a sequence")
    if excs.ob_type is heap.tuple_type:
        excs.ob_refcnt += 1
        t = excs
    else:
        t = sp.newtuple(sp.collect(excs))
    try:
        if not t.items:
            raise GuestError("ValueError", "second argument (exceptions) must be a non-empty "
                             "sequence")
        exception = sp.exc_types["Exception"]
        nested_base = False
        for i, e in enumerate(t.items):
            if not isinstance(e, ExcObject):
                raise GuestError("ValueError", f"Item {i} of second argument (exceptions) is "
                                 "not an exception")
            if not is_subtype(e.ob_type, exception):
                nested_base = True
        eg_type = sp.exc_types["ExceptionGroup"]
        cls = tp
        if cls is eg_type:
            if nested_base:
                raise GuestError("TypeError", "Cannot nest BaseExceptions in an "
                                 "ExceptionGroup")
        elif cls is sp.exc_types["BaseExceptionGroup"]:
            if not nested_base:
                cls = eg_type
        elif nested_base and is_subtype(cls, exception):
            raise GuestError("TypeError", f"Cannot nest BaseExceptions in '{cls.name}'")
    except BaseException:
        heap.decref(t)
        raise
    a = sp.newtuple_borrowed(args)
    e = new_exception(heap, cls, a)
    heap.decref(a)
    message.ob_refcnt += 1
    e.eg_msg = message
    e.extra = t
    return e


def group_vectorcall(sp, tp, args, kw):
    """``ExceptionGroup(msg, excs)``: new, then ``BaseExceptionGroup_init`` (no keywords)."""
    e = group_new(sp, tp, list(args), None)
    if kw:
        name = e.ob_type.name
        sp.heap.decref(e)
        raise GuestError("TypeError", f"{name}() takes no keyword arguments")
    return e


def _unpack_one(name, args, kw):
    if kw:
        raise GuestError("TypeError", f"BaseExceptionGroup.{name}() takes no keyword "
                         "arguments")
    if len(args) != 1:
        raise GuestError("TypeError", f"{name} expected 1 argument, got {len(args)}")
    return args[0]


def eg_derive(sp, self_, args, kw):
    """``derive(excs)``: ``BaseExceptionGroup(self.message, excs)``."""
    excs = _unpack_one("derive", args, kw)
    return sp.call(sp.exc_types["BaseExceptionGroup"], [self_.eg_msg, excs], None)


def matcher_kind(sp, value):
    """``get_matcher_type``."""
    base = sp.exc_types["BaseException"]
    if sp.callable(value) and not isinstance(value, TypeObject):
        return BY_PREDICATE
    if isinstance(value, TypeObject) and is_subtype(value, base):
        return BY_TYPE
    if value.ob_type is sp.heap.tuple_type and \
            all(isinstance(v, TypeObject) and is_subtype(v, base) for v in value.items):
        return BY_TYPE
    raise GuestError("TypeError", "expected a function, exception type or tuple of exception "
                     "types")


def _check_match(sp, exc, kind, value):
    if kind == BY_TYPE:
        return sp.interp.exc_matches(exc, value)
    if kind == BY_PREDICATE:
        r = sp.call(value, [exc], None)
        try:
            return sp.truth(r)
        finally:
            sp.heap.decref(r)
    return exc.addr in value          # BY_INSTANCE_IDS: a host set of leaf ids


def split_recursive(sp, exc, kind, value, construct_rest):
    """``exceptiongroup_split_recursive``: (match, rest), new references or None."""
    if _check_match(sp, exc, kind, value):
        exc.ob_refcnt += 1
        return exc, None
    if not is_group(sp, exc):
        if construct_rest:
            exc.ob_refcnt += 1
            return None, exc
        return None, None
    heap = sp.heap
    match_list = sp.newlist([])
    rest_list = sp.newlist([]) if construct_rest else None
    try:
        for e in list(exc.extra.items):
            m, r = split_recursive(sp, e, kind, value, construct_rest)
            if m is not None:
                list_append(heap, match_list, m)
                heap.decref(m)
            if r is not None:
                list_append(heap, rest_list, r)
                heap.decref(r)
        match = subset(sp, exc, match_list)
        rest = None
        if construct_rest:
            try:
                rest = subset(sp, exc, rest_list)
            except BaseException:
                heap.xdecref(match)
                raise
        return match, rest
    finally:
        heap.decref(match_list)
        heap.xdecref(rest_list)


def _set_field(heap, e, field, value):
    """Store a new reference (or None) in exception field ``field``."""
    old = getattr(e, field)
    setattr(e, field, value)
    heap.xdecref(old)


def subset(sp, orig, excs):
    """``exceptiongroup_subset``: ``orig.derive(excs)`` with orig's traceback, context,
    cause and a copy of its notes; None for an empty list."""
    heap = sp.heap
    if not excs.items:
        return None
    key = intern_string(heap, "derive")
    try:
        m = sp.getattr_name(orig, key)
    finally:
        heap.decref(key)
    try:
        eg = sp.call(m, [excs], None)
    finally:
        heap.decref(m)
    if not is_group(sp, eg):
        heap.decref(eg)
        raise GuestError("TypeError", "derive must return an instance of BaseExceptionGroup")
    for field in ("traceback", "context", "cause"):
        v = getattr(orig, field)
        if v is not None and v is not heap.none:
            v.ob_refcnt += 1
            _set_field(heap, eg, field, v)
    eg.suppress_context = True          # PyException_SetCause sets it, cause or not
    key = intern_string(heap, "__notes__")
    try:
        notes = sp.getattr_opt(orig, key)
        if notes is not None:
            try:
                if is_sequence(sp, notes):
                    copy = sp.newlist(sp.collect(notes))
                    try:
                        sp.setattr_name(eg, key, copy)
                    finally:
                        heap.decref(copy)
            finally:
                heap.decref(notes)
    except BaseException:
        heap.decref(eg)
        raise
    finally:
        heap.decref(key)
    return eg


def eg_split(sp, self_, args, kw):
    value = _unpack_one("split", args, kw)
    kind = matcher_kind(sp, value)
    m, r = split_recursive(sp, self_, kind, value, True)
    return sp.newtuple([m if m is not None else sp.none(), r if r is not None else sp.none()])


def eg_subgroup(sp, self_, args, kw):
    value = _unpack_one("subgroup", args, kw)
    kind = matcher_kind(sp, value)
    m, _ = split_recursive(sp, self_, kind, value, False)
    return m if m is not None else sp.none()


def group_str(sp, e):
    """``BaseExceptionGroup_str``: ``msg (N sub-exception[s])``."""
    n = len(e.extra.items)
    return f"{sp.str_host(e.eg_msg)} ({n} sub-exception{'s' if n > 1 else ''})"


def group_attr(sp, e, name):
    """``message`` and ``exceptions`` (new references), or None."""
    if e.eg_msg is None:
        return None
    if name == "message":
        e.eg_msg.ob_refcnt += 1
        return e.eg_msg
    if name == "exceptions":
        e.extra.ob_refcnt += 1
        return e.extra
    return None


# --- except* ------------------------------------------------------------------------------

CANNOT_EXCEPT_STAR_EG = ("catching ExceptionGroup with except* is not allowed. Use except "
                         "instead.")


def check_except_star_type(sp, match_type):
    """``check_except_star_type_valid``."""
    base = sp.exc_types["BaseException"]
    beg = sp.exc_types["BaseExceptionGroup"]
    items = match_type.items if match_type.ob_type is sp.heap.tuple_type else [match_type]
    for t in items:
        if not (isinstance(t, TypeObject) and is_subtype(t, base)):
            raise GuestError("TypeError", "catching classes that do not inherit from "
                             "BaseException is not allowed")
    for t in items:
        if is_subtype(t, beg):
            raise GuestError("TypeError", CANNOT_EXCEPT_STAR_EG)


def create_group(sp, message, excs):
    """``_PyExc_CreateExceptionGroup(msg, excs)``: ``ExceptionGroup(msg, excs)`` built as
    ``BaseExceptionGroup`` would build it (a new reference)."""
    heap = sp.heap
    m = new_str(heap, message)
    try:
        return group_new(sp, sp.exc_types["BaseExceptionGroup"], [m, excs], None)
    finally:
        heap.decref(m)


def exception_group_match(sp, exc, match_type):
    """``exception_group_match``: (match, rest), new references (None objects where
    nothing matched)."""
    heap = sp.heap
    if exc is heap.none:
        return sp.none(), sp.none()
    if sp.interp.exc_matches(exc, match_type):
        if is_group(sp, exc):
            exc.ob_refcnt += 1
            match = exc
        else:
            t = sp.newtuple_borrowed([exc])
            try:
                match = create_group(sp, "", t)
            finally:
                heap.decref(t)
        return match, sp.none()
    if is_group(sp, exc):
        m, r = split_recursive(sp, exc, BY_TYPE, match_type, True)
        return (m if m is not None else sp.none()), (r if r is not None else sp.none())
    return sp.none(), sp.none()


def _leaf_ids(sp, exc, out):
    """``collect_exception_group_leaf_ids``."""
    if exc is sp.heap.none:
        return
    if not is_group(sp, exc):
        out.add(exc.addr)
        return
    for e in exc.extra.items:
        _leaf_ids(sp, e, out)


def _same_metadata(e1, e2):
    """``is_same_exception_metadata``: the same notes, traceback, cause and context."""
    return (e1.notes is e2.notes and e1.traceback is e2.traceback
            and e1.cause is e2.cause and e1.context is e2.context)


def prep_reraise_star(sp, orig, excs):
    """``_PyExc_PrepReraiseStar``: what an ``except*`` statement re-raises (a new reference:
    None, the one exception, or a new group of the raised ones and what is left of orig)."""
    heap = sp.heap
    items = list(excs.items)
    if not items:
        return sp.none()
    if not is_group(sp, orig):
        e = items[0]
        e.ob_refcnt += 1
        return e
    leaf_ids = set()
    _leaf_ids(sp, orig, leaf_ids)
    raised, reraised = [], []
    for e in items:
        if e is heap.none:
            continue
        (reraised if _same_metadata(e, orig) else raised).append(e)
    keep = set()
    for e in reraised:
        _leaf_ids(sp, e, keep)
    m, _ = split_recursive(sp, orig, BY_INSTANCE_IDS, keep, False)
    reraised_eg = m if m is not None else sp.none()
    if not raised:
        return reraised_eg
    if reraised_eg is not heap.none:
        raised.append(reraised_eg)
    if len(raised) > 1:
        lst = sp.newlist([])
        for e in raised:
            list_append(heap, lst, e)
        try:
            return create_group(sp, "", lst)
        finally:
            heap.decref(lst)
            heap.decref(reraised_eg)
    r = raised[0]
    r.ob_refcnt += 1
    heap.decref(reraised_eg)
    return r


def install_exception_groups(sp):
    heap = sp.heap
    beg = sp.exc_types["BaseExceptionGroup"]
    beg.tp_vectorcall = group_vectorcall
    add_methods(beg, {"derive": eg_derive, "split": eg_split, "subgroup": eg_subgroup})
