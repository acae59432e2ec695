"""``str.format`` and ``str.format_map`` on guest objects (Objects/stringlib/unicode_format.h).

The format string is parsed here, with CPython's grammar and messages, and every field is
looked up through the object space: ``{0}`` and ``{name}`` index the guest arguments,
``.attr`` is the guest ``getattr``, ``[key]``/``[0]`` the guest ``getitem``, ``!r``/``!s``/
``!a`` the guest ``repr``/``str``/``ascii``, and the field is rendered by ``PyObject_Format``
(format.py).  No host object stands in for a guest one, so a field name can reach only what
the guest could reach by writing the same lookups in Python (docs/architecture.md, "Guest and
host").

The result follows ``_PyUnicodeWriter``: a str object written whole as the only and last
piece of the output (``"{}".format(s)``, a format string without fields) is itself the
result; otherwise a new string (``unicode_result``) is built from the pieces.
"""

import unicodedata

from heapsim.base.errors import GuestError
from heapsim.interp.methods.args import incref
from heapsim.interp.methods.format import format_field_exact, format_object, getitem_own_key
from heapsim.objects.longobject import new_int
from heapsim.objects.unicodeobject import new_str


# PEP 3101: a format spec may hold fields, whose specs may not ("{0:{1:{2}}}" fails).
RECURSION_DEPTH = 2

PY_SSIZE_T_MAX = (1 << 63) - 1


class FormatCall:
    """One ``str.format`` call's inputs and its auto-numbering state (``AutoNumber``).

    ``args`` is the host list of the borrowed positional guest arguments, or None for
    ``format_map`` (positional fields are then an error); ``kw`` the host dict name -> borrowed
    guest object of ``format``'s keywords (None without keywords); ``mapping`` the guest
    mapping of ``format_map`` (None for ``format``).  ``auto`` is None before the first
    numeric or empty field name, then "auto" or "manual"; ``next_auto`` the next automatic
    field number."""

    __slots__ = ("sp", "args", "kw", "mapping", "auto", "next_auto")

    def __init__(self, sp, args, kw, mapping):
        self.sp = sp
        self.args = args
        self.kw = kw
        self.mapping = mapping
        self.auto = None
        self.next_auto = 0


def str_format_impl(sp, s, args, kw, mapping=None):
    """``str.format(*args, **kw)`` (``args`` a host list, ``kw`` a host dict or None) or, with
    ``mapping``, ``str.format_map(mapping)``: a new reference."""
    call = FormatCall(sp, None if mapping is not None else args, kw or None, mapping)
    return build_string(call, s, 0, len(s.value), RECURSION_DEPTH)


def build_string(call, s, start, end, depth):
    """``build_string``: the text of s.value[start:end] with its fields replaced."""
    if depth <= 0:
        raise GuestError("ValueError", "Max string recursion exceeded")
    sp = call.sp
    h = sp.heap
    text = s.value
    out = []            # host strs
    whole = None        # a guest str written whole as the first piece (a new reference)
    try:
        for lit_start, lit_end, field, at_end in markup(text, start, end):
            if lit_end != lit_start:
                if out or whole is not None or field is not None or not at_end \
                        or lit_start != 0 or lit_end != len(text):
                    _flush(h, out, whole)
                    whole = None
                    out.append(text[lit_start:lit_end])
                else:
                    whole = incref(s)       # WriteSubstring of all of s, as the last piece
            if field is not None:
                r = output_markup(call, s, field, depth)
                if type(r) is str:
                    if r:
                        _flush(h, out, whole)
                        whole = None
                        out.append(r)
                elif r.value == "":
                    h.decref(r)
                elif not out and whole is None and at_end:
                    whole = r
                else:
                    _flush(h, out, whole)
                    whole = None
                    out.append(r.value)
                    h.decref(r)
    except BaseException:
        if whole is not None:
            h.decref(whole)
        raise
    if whole is not None:
        return whole
    return new_str(h, "".join(out))


def _flush(h, out, whole):
    """Move a guest str held whole into the host pieces."""
    if whole is not None:
        out.append(whole.value)
        h.decref(whole)


def markup(text, start, end):
    """``MarkupIterator``: yields (literal start, literal end, field, at_end) for each piece
    of text[start:end]; field is None or (name start, name end, spec start, spec end,
    conversion, spec needs expanding), spec start None when the field has no spec; at_end
    tells the piece is the last (the writer's ``overallocate`` is off then)."""
    pos = start
    while pos < end:
        lit_start = pos
        c = ""
        markup_follows = False
        while pos < end:
            c = text[pos]
            pos += 1
            if c == "{" or c == "}":
                markup_follows = True
                break
        at_end = pos >= end
        length = pos - lit_start
        if c == "}" and markup_follows and (at_end or text[pos] != "}"):
            raise GuestError("ValueError", "Single '}' encountered in format string")
        if at_end and c == "{" and markup_follows:
            raise GuestError("ValueError", "Single '{' encountered in format string")
        if not at_end and markup_follows:
            if text[pos] == c:
                pos += 1                # an escaped brace: literal text only
                markup_follows = False
            else:
                length -= 1
        if not markup_follows:
            yield lit_start, lit_start + length, None, pos >= end
            continue
        field, pos = parse_field(text, pos, end)
        yield lit_start, lit_start + length, field, pos >= end


def parse_field(text, pos, end):
    """``parse_field``: the field starting at text[pos] (after its '{'); returns the field
    tuple (as ``markup`` yields it) and the position after its closing '}'."""
    c = ""
    name_start = pos
    while pos < end:
        c = text[pos]
        pos += 1
        if c == "{":
            raise GuestError("ValueError", "unexpected '{' in field name")
        if c == "[":
            while pos < end and text[pos] != "]":
                pos += 1
            continue
        if c == "}" or c == ":" or c == "!":
            break
    name_end = pos - 1
    conversion = ""
    if c == "!" or c == ":":
        if c == "!":
            if pos >= end:
                raise GuestError("ValueError",
                                 "end of string while looking for conversion specifier")
            conversion = text[pos]
            pos += 1
            if pos < end:
                c = text[pos]
                pos += 1
                if c == "}":
                    return (name_start, name_end, None, None, conversion, False), pos
                if c != ":":
                    raise GuestError("ValueError", "expected ':' after conversion specifier")
        spec_start = pos
        count = 1
        expand = False
        while pos < end:
            c = text[pos]
            pos += 1
            if c == "{":
                expand = True
                count += 1
            elif c == "}":
                count -= 1
                if count == 0:
                    return (name_start, name_end, spec_start, pos - 1, conversion, expand), pos
        raise GuestError("ValueError", "unmatched '{' in format spec")
    if c != "}":
        raise GuestError("ValueError", "expected '}' before end of string")
    return (name_start, name_end, None, None, conversion, False), pos


def get_integer(text):
    """``get_integer``: the value of a field-name part made of decimal digits (any script's,
    as ``Py_UNICODE_TODECIMAL`` reads them), else -1."""
    if not text:
        return -1
    acc = 0
    for ch in text:
        d = unicodedata.decimal(ch, -1)
        if d < 0:
            return -1
        if acc > (PY_SSIZE_T_MAX - d) // 10:
            raise GuestError("ValueError", "Too many decimal digits in format string")
        acc = acc * 10 + d
    return acc


def output_markup(call, s, field, depth):
    """``output_markup``: the rendered field, a host str (text a formatter wrote) or a new
    reference to a guest str (an object written whole)."""
    sp = call.sp
    h = sp.heap
    name_start, name_end, spec_start, spec_end, conversion, expand = field
    obj = get_field_object(call, s.value, name_start, name_end)
    spec_obj = None
    try:
        if conversion:
            conv = do_conversion(sp, obj, conversion)
            h.decref(obj)
            obj = conv
        if expand:
            spec_obj = build_string(call, s, spec_start, spec_end, depth - 1)
            spec = spec_obj.value
        else:
            spec = s.value[spec_start:spec_end] if spec_start is not None else ""
        return render_field(sp, obj, spec)
    finally:
        h.decref(obj)
        if spec_obj is not None:
            h.decref(spec_obj)


def render_field(sp, obj, spec):
    """``render_field``: the exact builtin scalars through their formatters, anything else
    through ``PyObject_Format`` with a new spec object (``__format__`` may be the guest's);
    a host str or a new reference, as ``output_markup``."""
    h = sp.heap
    r = format_field_exact(sp, obj, spec)
    if r is not None:
        return r
    spec_obj = new_str(h, spec)
    try:
        return format_object(sp, obj, spec_obj.value)
    finally:
        h.decref(spec_obj)


def do_conversion(sp, obj, conversion):
    """``do_conversion``: ``!r``, ``!s``, ``!a``."""
    if conversion == "r":
        return sp.repr(obj)
    if conversion == "s":
        return sp.str(obj)
    if conversion == "a":
        return ascii_of(sp, obj)
    c = ord(conversion)
    if 32 < c < 127:
        raise GuestError("ValueError", f"Unknown conversion specifier {conversion}")
    raise GuestError("ValueError", f"Unknown conversion specifier \\x{c:x}")


def ascii_of(sp, obj):
    """``PyObject_ASCII``: the repr, with non-ASCII characters escaped (a new reference)."""
    r = sp.repr(obj)
    v = r.value
    if v.isascii():
        return r
    sp.heap.decref(r)
    return new_str(sp.heap, v.encode("ascii", "backslashreplace").decode("ascii"))


def get_field_object(call, text, start, end):
    """``get_field_object``: the guest object a field name names (a new reference), found by
    the guest protocol."""
    sp = call.sp
    h = sp.heap
    i = start
    while i < end and text[i] != "." and text[i] != "[":
        i += 1
    first = text[start:i]
    index = get_integer(first)
    empty = start >= i
    if empty or index != -1:
        if call.auto is None:
            call.auto = "auto" if empty else "manual"
        if call.auto == "manual" and empty:
            raise GuestError("ValueError", "cannot switch from manual field specification "
                             "to automatic field numbering")
        if call.auto == "auto" and not empty:
            raise GuestError("ValueError", "cannot switch from automatic field numbering "
                             "to manual field specification")
        if empty:
            index = call.next_auto
            call.next_auto += 1
    if index == -1:
        obj = _keyword_field(call, first)
    else:
        args = call.args
        if args is None:
            raise GuestError("ValueError", "Format string contains positional fields")
        if index >= len(args):
            raise GuestError("IndexError", f"Replacement index {index} out of range for "
                             "positional args tuple")
        obj = incref(args[index])
    try:
        pos = i
        while pos < end:
            c = text[pos]
            pos += 1
            if c == ".":
                name_start = pos
                while pos < end and text[pos] != "." and text[pos] != "[":
                    pos += 1
                name = text[name_start:pos]
                if not name:
                    raise GuestError("ValueError", "Empty attribute in format string")
                nxt = _getattr(sp, obj, name)
            elif c == "[":
                name_start = pos
                while pos < end and text[pos] != "]":
                    pos += 1
                if pos >= end:
                    raise GuestError("ValueError", "Missing ']' in format string")
                name = text[name_start:pos]
                pos += 1
                item = get_integer(name)
                if not name:
                    raise GuestError("ValueError", "Empty attribute in format string")
                key = new_int(h, item) if item != -1 else new_str(h, name)
                try:
                    nxt = getitem_own_key(sp, obj, key)
                finally:
                    h.decref(key)
            else:
                raise GuestError("ValueError", "Only '.' or '[' may follow ']' in format "
                                 "field specifier")
            h.decref(obj)
            obj = nxt
    except BaseException:
        h.decref(obj)
        raise
    return obj


def _getattr(sp, obj, name):
    """``PyObject_GetAttr`` with a new name object, as ``getattr`` in unicode_format.h."""
    k = new_str(sp.heap, name)
    try:
        return sp.getattr(obj, k.value)
    finally:
        sp.heap.decref(k)


def _keyword_field(call, name):
    """The object of a named field: ``format``'s keywords or ``format_map``'s mapping, looked
    up with a new key object (KeyError with that key when missing)."""
    sp = call.sp
    h = sp.heap
    key = new_str(h, name)
    try:
        if call.mapping is not None:
            return getitem_own_key(sp, call.mapping, key)
        v = call.kw.get(name) if call.kw is not None else None
        if v is None:
            err = GuestError("KeyError")
            err.key = incref(key)
            err.owned = True
            raise err
        return incref(v)
    finally:
        h.decref(key)
