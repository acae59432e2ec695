"""str: sizes, singletons, the UTF-8 cache, interning, in-place appends and block counts.

Every expected figure comes from the host python3 (CPython 3.11.7, the oracle): sizes from
``sys.getsizeof`` on an equal host string built at run time, identities, refcount deltas,
address patterns and ``sys.getallocatedblocks()`` deltas from scripts run in a fresh
subprocess with the collector disabled, as docs/cpython-facts.md ("Measuring") advises.
"""

import json
import sys

import hostrun
import pytest

from heapsim.base.errors import GuestError
from heapsim.objects import core
from heapsim.objects.abstract import hash_object, objects_equal
from heapsim.objects.bytesobject import new_bytes
from heapsim.objects.unicodeobject import (
    DEEP_FROZEN_ONE_CHAR, SSTATE_INTERNED_MORTAL, all_name_chars, encode_utf8_cache,
    intern_constant, intern_in_place, intern_string, new_str, str_append, str_char, str_concat,
    str_eq, str_hash, sys_intern,
)


def run_host(script):
    """Run ``script`` under the host python3 in a fresh process; it prints one JSON value."""
    return hostrun.run_host(script)


def fresh_copy(value):
    """An equal host str built at run time (no cached UTF-8 form, not interned)."""
    return "".join([value[:1], value[1:]]) if len(value) > 1 else value


# Strings of every kind and many lengths: ASCII, latin-1, BMP and astral, mixed.
CHARS = ["a", "\x7f", "\x80", "é", "\xff", "\u0100", "€", "\uffff", "\U00010000", "😀"]
LENGTHS = [0, 1, 2, 3, 7, 8, 15, 16, 17, 31, 100, 255, 600]
STRING_VALUES = (
    [c * n for c in CHARS for n in LENGTHS if n]
    + ["", "hello", "hello world", "a" * 4095, "naïve café", "Grüße, 世界", "x😀y",
       "abc€", "é" * 300 + "a", "€" * 200 + "😀", "\ud800", "a\udfff"]
)


@pytest.mark.parametrize("value", STRING_VALUES, ids=lambda v: f"{len(v)}:{v[:3]!r}")
def test_getsizeof_matches_host(heap, value):
    s = new_str(heap, value)
    assert core.getsizeof(s) == sys.getsizeof(fresh_copy(value))
    assert s.value == value


# Without lone surrogates (which cannot be encoded) and without the latin-1 singletons (caching
# UTF-8 on the host's own singleton would change it for the rest of this process).
UTF8_VALUES = [v for v in STRING_VALUES
               if "\ud800" not in v and "\udfff" not in v and not (len(v) == 1 and v < "\u0100")]


@pytest.mark.parametrize("value", UTF8_VALUES, ids=lambda v: f"{len(v)}:{v[:3]!r}")
def test_getsizeof_after_utf8_cache_matches_host(heap, value):
    host = fresh_copy(value)
    before = sys.getsizeof(host)
    "".encode("utf-8", host)        # the errors argument is parsed with "s": caches UTF-8
    s = new_str(heap, value)
    blocks = heap.allocator.allocated_blocks()
    n = encode_utf8_cache(heap, s)
    assert n == len(value.encode("utf-8"))
    assert core.getsizeof(s) == sys.getsizeof(host)
    # A cache block exactly when the host's size grew.
    assert heap.allocator.allocated_blocks() - blocks == int(sys.getsizeof(host) != before)
    encode_utf8_cache(heap, s)      # cached once only
    assert core.getsizeof(s) == sys.getsizeof(host)
    assert heap.allocator.allocated_blocks() - blocks == int(sys.getsizeof(host) != before)


def test_utf8_cache_on_latin1_singletons_matches_host(heap):
    expected = run_host("""
        import json, sys
        sizes = []
        for c in range(256):
            try:
                "".encode("utf-8", chr(c))
            except ValueError:          # "embedded null character", after the caching
                pass
            sizes.append(sys.getsizeof(chr(c)))
        print(json.dumps(sizes))
    """)
    sizes = []
    for c in range(256):
        encode_utf8_cache(heap, heap.latin1[c])
        sizes.append(core.getsizeof(heap.latin1[c]))
    assert sizes == expected


def test_utf8_cache_of_lone_surrogate_raises(heap):
    s = new_str(heap, "a\ud800")
    with pytest.raises(GuestError) as info:
        encode_utf8_cache(heap, s)
    with pytest.raises(UnicodeEncodeError) as host:
        "".encode("utf-8", "a\ud800")
    assert info.value.kind == "UnicodeEncodeError"
    assert info.value.message == str(host.value)
    assert s.utf8 == 0


def test_latin1_and_empty_singletons(heap):
    expected = run_host("""
        import json
        print(json.dumps({
            "latin1": [chr(i) is chr(i) for i in range(300)],
            "empty": ["".join([]) is "", str() is "", ("a" * 0) is ""],
        }))
    """)
    same = []
    for i in range(300):
        a = str_char(heap, i)
        b = new_str(heap, chr(i))
        same.append(a is b)
    assert same == expected["latin1"]
    assert all(expected["empty"])
    assert new_str(heap, "") is heap.empty_str
    assert str_concat(heap, heap.empty_str, heap.empty_str) is heap.empty_str


def test_singletons_are_static_and_counted(heap):
    static = heap.objcfg.static_refcnt
    a = heap.latin1[ord("Z")]
    assert a.ob_refcnt == static
    assert new_str(heap, "Z") is a
    assert a.ob_refcnt == static + 1
    heap.decref(a)
    assert a.ob_refcnt == static
    assert heap.empty_str.ob_refcnt == static
    assert core.getsizeof(heap.empty_str) == sys.getsizeof("")
    assert core.getsizeof(heap.latin1[200]) == sys.getsizeof(chr(200))
    assert core.getsizeof(heap.latin1[65]) == sys.getsizeof(chr(65))


def test_hash_and_equality(heap):
    values = ["", "a", "abc", "é" * 5, "€uro", "😀", "hello world"]
    objs = [new_str(heap, v) for v in values]
    for v, s in zip(values, objs):
        assert s.hash == -1 or len(v) < 2
        assert str_hash(s) == hash(v)
        assert s.hash == hash(v)
        assert hash_object(heap, s) == hash(v)
    twin = new_str(heap, "hello world")
    assert twin is not objs[-1]
    assert str_eq(twin, objs[-1]) and objects_equal(heap, twin, objs[-1])
    assert not objects_equal(heap, objs[2], objs[3])
    assert not objects_equal(heap, new_str(heap, "ab"), new_bytes(heap, b"ab"))
    assert not objects_equal(heap, new_bytes(heap, b"ab"), new_str(heap, "ab"))


# --- interning -------------------------------------------------------------------------------

def test_intern_identity_and_refcounts_match_host(heap):
    expected = run_host("""
        import json, sys
        def mk(*parts):
            return "".join(parts)
        out = {}
        a = mk("spam", "eggs", "42")
        b = mk("spam", "eggs", "42")
        ra, rb = sys.getrefcount(a), sys.getrefcount(b)
        ia = sys.intern(a)
        out["first_is_self"] = ia is a
        out["a_after_first"] = sys.getrefcount(a) - ra
        ib = sys.intern(b)
        out["second_is_first"] = ib is a
        out["a_after_second"] = sys.getrefcount(a) - ra
        out["b_after_second"] = sys.getrefcount(b) - rb
        c = mk("ham", "99")
        rc = sys.getrefcount(c)
        sys.intern(c)
        out["discarded_intern"] = sys.getrefcount(c) - rc
        del a, ia, ib
        d = mk("spam", "eggs", "42")
        out["reborn_is_self"] = sys.intern(d) is d
        print(json.dumps(out))
    """)
    a = new_str(heap, "spameggs42")
    b = new_str(heap, "spameggs42")
    ra, rb = a.ob_refcnt, b.ob_refcnt
    ia = sys_intern(heap, a)
    assert (ia is a) == expected["first_is_self"]
    assert a.ob_refcnt - ra == expected["a_after_first"]
    assert a.interned == SSTATE_INTERNED_MORTAL
    ib = sys_intern(heap, b)
    assert (ib is a) == expected["second_is_first"]
    assert a.ob_refcnt - ra == expected["a_after_second"]
    assert b.ob_refcnt - rb == expected["b_after_second"]
    c = new_str(heap, "ham99")
    rc = c.ob_refcnt
    heap.decref(sys_intern(heap, c))
    assert c.ob_refcnt - rc == expected["discarded_intern"]
    for ref in (a, ia, ib):
        heap.decref(ref)
    assert "spameggs42" not in heap.interned
    d = new_str(heap, "spameggs42")
    assert (sys_intern(heap, d) is d) == expected["reborn_is_self"]


def test_intern_in_place_releases_the_duplicate(heap):
    blocks = heap.allocator.allocated_blocks()
    first = intern_string(heap, "some_name")
    assert heap.allocator.allocated_blocks() == blocks + 1
    dup = new_str(heap, "some_name")
    assert heap.allocator.allocated_blocks() == blocks + 2
    assert intern_in_place(heap, dup) is first       # the duplicate died
    assert heap.allocator.allocated_blocks() == blocks + 1
    assert first.ob_refcnt == 2
    heap.decref(first)
    heap.decref(first)
    assert heap.allocator.allocated_blocks() == blocks
    assert "some_name" not in heap.interned


def test_one_character_literals_and_intern_match_host(heap):
    expected = run_host("""
        import json, sys
        literal_is_chr, intern_is_chr, static = [], [], []
        keep = []
        for c in range(256):
            ch = chr(c)
            ns = {}
            exec(compile("x = " + repr(ch), "m", "exec"), ns)
            keep.append(ns)
            literal_is_chr.append(ns["x"] is ch)
            interned = sys.intern(ch)
            intern_is_chr.append(interned is ch)
            static.append(sys.getrefcount(interned) > 10 ** 8)
        print(json.dumps([literal_is_chr, intern_is_chr, static]))
    """)
    literal_is_chr, intern_is_chr, static = expected
    sim_literal = [intern_constant(heap, chr(c)) is heap.latin1[c] for c in range(256)]
    assert sim_literal == literal_is_chr
    sim_intern = [sys_intern(heap, heap.latin1[c]) is heap.latin1[c] for c in range(256)]
    assert sim_intern == intern_is_chr
    threshold = 10 ** 8
    assert [sys_intern(heap, heap.latin1[c]).ob_refcnt > threshold for c in range(256)] == static
    assert "".join(chr(c) for c in range(256) if not literal_is_chr[c]) == DEEP_FROZEN_ONE_CHAR


CONSTANTS = ["abc", "hello world", "", "a_1", "é", "x.y", "A9_", "_", "über", "x" * 40,
             "with space", "CamelCase123", "0", "-1", "€", "a\nb"]


def test_compile_time_interning_matches_host(heap):
    expected = run_host(f"""
        import json
        result = []
        keep = []
        for value in {CONSTANTS!r}:
            one, two = {{}}, {{}}
            exec(compile("x = " + repr(value), "m1", "exec"), one)
            exec(compile("x = " + repr(value), "m2", "exec"), two)
            keep.append((one, two))
            result.append(one["x"] is two["x"])
        print(json.dumps(result))
    """)
    sim = []
    for value in CONSTANTS:
        one = intern_constant(heap, value)
        two = intern_constant(heap, value)
        sim.append(one is two)
    assert sim == expected


@pytest.mark.parametrize("value", CONSTANTS + ["a-b", "ÿ", "9lives", "__dunder__"])
def test_all_name_chars(value):
    # codeobject.c's rule is "ASCII alphanumerics and '_' only" (empty included); the host's
    # str methods give the same answer character by character.
    rule = all(c.isascii() and (c.isalnum() or c == "_") for c in value)
    assert all_name_chars(value) == rule


def test_sys_intern_type_errors(heap):
    with pytest.raises(GuestError) as info:
        sys_intern(heap, new_bytes(heap, b"ab"))
    try:
        sys.intern(b"ab")
    except TypeError as exc:
        host_message = str(exc)
    assert info.value.kind == "TypeError" and info.value.message == host_message


# --- in-place appends ------------------------------------------------------------------------

APPEND_SCRIPT = """
    import gc, json, sys
    def run(start, piece, n):
        s = "".join(start)
        same, sizes = [], []
        prev = id(s)
        for i in range(n):
            s += piece
            cur = id(s)
            same.append(cur == prev)
            sizes.append(sys.getsizeof(s))
            prev = cur
        return same, sizes
    gc.disable(); gc.collect()
    # In 3.11 only the specialised BINARY_OP_INPLACE_ADD_UNICODE lets ``s += piece`` reach
    # PyUnicode_Append with a lone reference; the generic BINARY_OP copies.  Warm the
    # instruction up first, so the runs below measure PyUnicode_Append itself.
    run(["q", "r"], "x", 20)
    print(json.dumps([run(["a", "bc"], "x", 120), run(["é", "x"], "y", 60),
                      run(["€", "x"], "é", 60), run(["a", "b"], "é", 5)]))
"""


def test_in_place_append_moves_like_host(heap):
    expected = run_host(APPEND_SCRIPT)
    cases = [("abc", "x", 120), ("éx", "y", 60), ("€x", "é", 60), ("ab", "é", 5)]
    for (start, piece, n), (host_same, host_sizes) in zip(cases, expected):
        s = new_str(heap, start)
        right = intern_constant(heap, piece)
        same, sizes = [], []
        for _ in range(n):
            prev = s.addr
            before = s
            s = str_append(heap, s, right)
            same.append(s.addr == prev and s is before)
            sizes.append(core.getsizeof(s))
        assert sizes == host_sizes
        assert same == host_same
        heap.decref(s)


def test_append_copies_when_shared_or_hashed(heap):
    s = new_str(heap, "abc")
    s.ob_refcnt += 1                    # another reference: not modifiable
    t = str_append(heap, s, heap.latin1[ord("d")])
    assert t is not s and t.value == "abcd" and s.ob_refcnt == 1 and s.value == "abc"
    str_hash(t)                          # a cached hash forbids resizing in place
    u = str_append(heap, t, heap.latin1[ord("e")])
    assert u is not t and u.value == "abcde"
    assert str_append(heap, u, heap.empty_str) is u
    v = str_append(heap, heap.empty_str, u)
    assert v is u and u.ob_refcnt == 2


# --- block counts ----------------------------------------------------------------------------

BLOCKS_SCRIPT = """
    import gc, json, sys
    def measure():
        gc.disable(); gc.collect()
        pieces = ["a", "é", "€", "😀"]
        held = [None] * 160
        m = [0] * 8
        m[0] = sys.getallocatedblocks()
        m[1] = sys.getallocatedblocks()
        for i in range(160):
            held[i] = pieces[i % 4] * (i + 2)
        m[2] = sys.getallocatedblocks()
        for i in range(160):
            "".encode("utf-8", held[i])
        m[3] = sys.getallocatedblocks()
        for i in range(0, 160, 2):
            held[i] = None
        m[4] = sys.getallocatedblocks()
        for i in range(160):
            held[i] = None
        m[5] = sys.getallocatedblocks()
        calibration = m[1] - m[0]   # the int object the previous reading left behind
        return [m[i + 1] - m[i] - calibration for i in range(1, 5)]
    print(json.dumps(measure()))
"""


def test_block_counts_match_host(heap):
    expected = run_host(BLOCKS_SCRIPT)
    blocks = heap.allocator.allocated_blocks
    pieces = ["a", "é", "€", "😀"]
    held = [None] * 160
    m = [blocks()]
    for i in range(160):
        held[i] = new_str(heap, pieces[i % 4] * (i + 2))
    m.append(blocks())
    for i in range(160):
        encode_utf8_cache(heap, held[i])
    m.append(blocks())
    for i in range(0, 160, 2):
        heap.decref(held[i])
        held[i] = None
    m.append(blocks())
    for i in range(160):
        if held[i] is not None:
            heap.decref(held[i])
            held[i] = None
    m.append(blocks())
    assert [m[i + 1] - m[i] for i in range(4)] == expected
    heap.allocator.check()
