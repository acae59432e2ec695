"""bytes and bytearray: sizes, singletons, bytearray growth and block counts.

Expected figures come from the host python3 (CPython 3.11.7): ``sys.getsizeof`` of the same
value built the same way, identities, and ``sys.getallocatedblocks()`` deltas measured in a
fresh subprocess with the collector disabled.
"""

import json
import sys

import hostrun
import pytest

from heapsim.base.errors import GuestError
from heapsim.objects import core
from heapsim.objects.abstract import hash_object, objects_equal
from heapsim.objects.bytearrayobject import (
    bytearray_append, bytearray_extend, bytearray_extend_iter, bytearray_from_string_and_size,
    bytearray_iconcat, bytearray_new, bytearray_new_from_iter, bytearray_resize,
    bytearray_setslice,
)
from heapsim.objects.bytesobject import bytes_from_size, bytes_hash, new_bytes
from heapsim.objects.unicodeobject import new_str


def run_host(script):
    """Run ``script`` under the host python3 in a fresh process; it prints one JSON value."""
    return hostrun.run_host(script)


# --- bytes -----------------------------------------------------------------------------------

BYTES_LENGTHS = [0, 1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 100, 200, 479, 480, 481, 1000, 5000]


@pytest.mark.parametrize("n", BYTES_LENGTHS)
def test_bytes_getsizeof_matches_host(heap, n):
    value = bytes(range(256)) * 20
    value = value[:n]
    b = new_bytes(heap, value)
    assert core.getsizeof(b) == sys.getsizeof(value)
    assert b.value == value


def test_bytes_singletons_match_host(heap):
    expected = run_host("""
        import json
        src = bytes(range(256)) * 2
        print(json.dumps({
            "from_list": [bytes([i]) is bytes([i]) for i in range(256)],
            "slices": [src[i:i + 1] is src[i:i + 1] for i in range(256)],
            "sized": [bytes(1) is bytes(1), bytes(0) is bytes(0), b"a".upper() is b"A"],
            "empty": bytes() is b"",
        }))
    """)
    assert [new_bytes(heap, bytes([i])) is new_bytes(heap, bytes([i])) for i in range(256)] \
        == expected["from_list"] == expected["slices"]
    sized = [bytes_from_size(heap, bytes(1)) is bytes_from_size(heap, bytes(1)),
             bytes_from_size(heap, b"") is bytes_from_size(heap, b""),
             bytes_from_size(heap, b"A") is new_bytes(heap, b"A")]
    assert sized == expected["sized"]
    assert (new_bytes(heap, b"") is heap.empty_bytes) == expected["empty"]
    static = heap.objcfg.static_refcnt
    assert heap.byte_chars[65].ob_refcnt == static + 3      # three new references above
    assert core.getsizeof(heap.byte_chars[65]) == sys.getsizeof(b"A")
    assert core.getsizeof(heap.empty_bytes) == sys.getsizeof(b"")


def test_bytes_hash_and_equality(heap):
    values = [b"", b"a", b"abc", bytes(range(256)), b"hello world"]
    for v in values:
        b = new_bytes(heap, v)
        assert bytes_hash(heap, b) == hash(v) == hash_object(heap, b)
    x, y = new_bytes(heap, b"spam"), new_bytes(heap, b"spam")
    assert x is not y and objects_equal(heap, x, y)
    assert not objects_equal(heap, x, new_bytes(heap, b"eggs"))
    assert not objects_equal(heap, x, new_str(heap, "spam"))
    ba = bytearray_new(heap, b"spam")
    assert objects_equal(heap, x, ba) == (b"spam" == bytearray(b"spam"))
    assert objects_equal(heap, ba, x) == (bytearray(b"spam") == b"spam")


BYTES_BLOCKS_SCRIPT = """
    import gc, json, sys
    def measure():
        gc.disable(); gc.collect()
        src = bytes(range(256)) * 4
        held = [None] * 250
        m = [0] * 6
        m[0] = sys.getallocatedblocks()
        m[1] = sys.getallocatedblocks()
        for i in range(250):
            held[i] = src[:i]
        m[2] = sys.getallocatedblocks()
        for i in range(0, 250, 3):
            held[i] = None
        m[3] = sys.getallocatedblocks()
        for i in range(250):
            held[i] = None
        m[4] = sys.getallocatedblocks()
        calibration = m[1] - m[0]
        return [m[i + 1] - m[i] - calibration for i in range(1, 4)]
    print(json.dumps(measure()))
"""


def test_bytes_block_counts_match_host(heap):
    expected = run_host(BYTES_BLOCKS_SCRIPT)
    blocks = heap.allocator.allocated_blocks
    src = bytes(range(256)) * 4
    held = [None] * 250
    m = [blocks()]
    for i in range(250):
        held[i] = new_bytes(heap, src[:i])
    m.append(blocks())
    for i in range(0, 250, 3):
        heap.decref(held[i])
        held[i] = None
    m.append(blocks())
    for i in range(250):
        if held[i] is not None:
            heap.decref(held[i])
    m.append(blocks())
    assert [m[i + 1] - m[i] for i in range(3)] == expected
    heap.allocator.check()


# --- bytearray -------------------------------------------------------------------------------

def host_apply(b, op, arg):
    """Perform one operation on a host bytearray, the way a program would."""
    if op == "append":
        b.append(arg)
    elif op == "extend_bytes":
        b.extend(arg)
    elif op == "extend_list":
        b.extend(list(arg))
    elif op == "extend_gen":
        b.extend(x for x in arg)
    elif op == "iconcat":
        b += arg
    elif op == "del":
        del b[arg[0]:arg[1]]
    elif op == "setslice":
        b[arg[0]:arg[1]] = arg[2]
    elif op == "clear":
        b.clear()
    elif op == "extend_self":
        b.extend(b)
    return b


def sim_apply(heap, b, op, arg):
    """The same operation through the simulator's API."""
    if op == "append":
        bytearray_append(heap, b, arg)
    elif op == "extend_bytes":
        bytearray_extend(heap, b, arg)
    elif op == "extend_list":
        bytearray_extend_iter(heap, b, iter(arg), length_hint=len(arg))
    elif op == "extend_gen":
        bytearray_extend_iter(heap, b, iter(arg))
    elif op == "iconcat":
        bytearray_iconcat(heap, b, arg)
    elif op == "del":
        bytearray_setslice(heap, b, arg[0], arg[1])
    elif op == "setslice":
        bytearray_setslice(heap, b, arg[0], arg[1], arg[2])
    elif op == "clear":
        bytearray_resize(heap, b, 0)
    elif op == "extend_self":
        bytearray_extend(heap, b, b.value)


def check_sequence(heap, ops, initial=b""):
    host = bytearray(initial)
    sim = bytearray_new(heap, initial)
    assert core.getsizeof(sim) == sys.getsizeof(host)
    for op, arg in ops:
        host = host_apply(host, op, arg)
        sim_apply(heap, sim, op, arg)
        assert bytes(sim.value) == bytes(host), (op, arg)
        assert core.getsizeof(sim) == sys.getsizeof(host), (op, arg)
    return sim


def test_bytearray_appends_to_100_match_host(heap):
    check_sequence(heap, [("append", i % 256) for i in range(100)])


def test_bytearray_appends_after_initial_bytes(heap):
    check_sequence(heap, [("append", 7)] * 60, initial=b"0123456789")


SEQUENCES = {
    "extend_bytes": [("extend_bytes", bytes(range(n))) for n in (0, 1, 2, 5, 9, 17, 40, 3, 100)],
    "extend_list": [("extend_list", bytes(range(n))) for n in (0, 1, 3, 8, 20, 50, 2)],
    "extend_gen": [("extend_gen", bytes(range(n))) for n in (0, 1, 31, 32, 33, 60, 5, 200)],
    "iconcat": [("iconcat", b"x" * n) for n in (1, 2, 3, 10, 0, 30, 100)],
    "del_front": [("extend_bytes", b"q" * 100), ("del", (0, 10)), ("append", 1),
                  ("del", (0, 60)), ("append", 2), ("del", (0, 5)), ("extend_bytes", b"zz")],
    "del_middle": [("extend_bytes", b"m" * 80), ("del", (10, 20)), ("del", (5, 60)),
                   ("append", 3), ("del", (1, 2))],
    "shrink": [("extend_bytes", b"k" * 100), ("del", (40, 100)), ("extend_bytes", b"k" * 60),
               ("del", (70, 100)), ("del", (0, 30)), ("append", 9), ("del", (20, 41))],
    "setslice": [("extend_bytes", b"s" * 20), ("setslice", (2, 4, b"abcdef")),
                 ("setslice", (0, 10, b"")), ("setslice", (3, 3, b"x" * 50)),
                 ("setslice", (0, 1, b"Q"))],
    "clear_and_regrow": [("extend_bytes", b"c" * 30), ("clear", None), ("append", 1),
                         ("extend_gen", b"abc"), ("clear", None), ("clear", None)],
    "extend_self": [("extend_bytes", b"abcdefgh"), ("extend_self", None),
                    ("extend_self", None), ("append", 0)],
}


@pytest.mark.parametrize("name", sorted(SEQUENCES))
def test_bytearray_operations_match_host(heap, name):
    check_sequence(heap, SEQUENCES[name])


CONSTRUCTORS = [b"", b"a", b"abc", bytes(range(100)), b"z" * 1000]


@pytest.mark.parametrize("initial", CONSTRUCTORS, ids=len)
def test_bytearray_construction_matches_host(heap, initial):
    assert core.getsizeof(bytearray_new(heap, initial)) == sys.getsizeof(bytearray(initial))
    assert core.getsizeof(bytearray_new(heap, list(initial))) == \
        sys.getsizeof(bytearray(list(initial)))
    n = len(initial)
    assert core.getsizeof(bytearray_new(heap, n)) == sys.getsizeof(bytearray(n))
    from_iter = bytearray_new_from_iter(heap, iter(initial))
    assert core.getsizeof(from_iter) == sys.getsizeof(bytearray(x for x in initial))
    assert bytes(from_iter.value) == initial
    copy = bytearray_from_string_and_size(heap, initial[1:5])
    assert core.getsizeof(copy) == sys.getsizeof(bytearray(initial)[1:5])


def test_bytearray_negative_count(heap):
    with pytest.raises(GuestError) as info:
        bytearray_new(heap, -1)
    with pytest.raises(ValueError) as host:
        bytearray(-1)
    assert (info.value.kind, info.value.message) == ("ValueError", str(host.value))


def test_bytearray_self_concat_raises_buffer_error(heap):
    host = bytearray(b"ab")
    with pytest.raises(BufferError) as host_error:
        host += host
    b = bytearray_new(heap, b"ab")
    with pytest.raises(GuestError) as info:
        bytearray_iconcat(heap, b, b.value)
    assert (info.value.kind, info.value.message) == ("BufferError", str(host_error.value))
    empty = bytearray()
    empty += empty
    e = bytearray_new(heap)
    bytearray_iconcat(heap, e, e.value)
    assert core.getsizeof(e) == sys.getsizeof(empty)


def test_bytearray_exports_forbid_resizing(heap):
    host = bytearray(b"abc")
    view = memoryview(host)
    with pytest.raises(BufferError) as host_error:
        host.append(1)
    view.release()
    b = bytearray_new(heap, b"abc")
    b.exports = 1
    with pytest.raises(GuestError) as info:
        bytearray_append(heap, b, 1)
    assert (info.value.kind, info.value.message) == ("BufferError", str(host_error.value))


def test_bytearray_is_unhashable(heap):
    with pytest.raises(TypeError) as host:
        hash(bytearray())
    with pytest.raises(GuestError) as info:
        hash_object(heap, bytearray_new(heap))
    assert (info.value.kind, info.value.message) == ("TypeError", str(host.value))


def test_bytearray_buffer_is_one_block(heap):
    blocks = heap.allocator.allocated_blocks
    base = blocks()
    b = bytearray_new(heap)
    assert blocks() == base + 1 and heap.bytearray_type.tp_buffers(b) == ()
    bytearray_append(heap, b, 1)
    assert blocks() == base + 2
    assert list(heap.bytearray_type.tp_buffers(b)) == [b.buffer]
    for i in range(250):
        bytearray_append(heap, b, i % 256)
    assert blocks() == base + 2
    heap.decref(b)
    assert blocks() == base
    heap.allocator.check()


BYTEARRAY_BLOCKS_SCRIPT = """
    import gc, json, sys
    def measure():
        gc.disable(); gc.collect()
        held = [None] * 60
        m = [0] * 6
        m[0] = sys.getallocatedblocks()
        m[1] = sys.getallocatedblocks()
        for i in range(60):
            b = bytearray()
            for j in range(i):
                b.append(j)
            held[i] = b
        b = None
        m[2] = sys.getallocatedblocks()
        for i in range(60):
            held[i].extend(x for x in range(i))
        m[3] = sys.getallocatedblocks()
        for i in range(0, 60, 2):
            held[i] = None
        m[4] = sys.getallocatedblocks()
        for i in range(60):
            held[i] = None
        m[5] = sys.getallocatedblocks()
        calibration = m[1] - m[0]
        return [m[i + 1] - m[i] - calibration for i in range(1, 5)]
    print(json.dumps(measure()))
"""


def test_bytearray_block_counts_match_host(heap):
    expected = run_host(BYTEARRAY_BLOCKS_SCRIPT)
    blocks = heap.allocator.allocated_blocks
    held = [None] * 60
    m = [blocks()]
    for i in range(60):
        b = bytearray_new(heap)
        for j in range(i):
            bytearray_append(heap, b, j)
        held[i] = b
    m.append(blocks())
    for i in range(60):
        bytearray_extend_iter(heap, held[i], iter(range(i)))
    m.append(blocks())
    for i in range(0, 60, 2):
        heap.decref(held[i])
        held[i] = None
    m.append(blocks())
    for i in range(60):
        if held[i] is not None:
            heap.decref(held[i])
    m.append(blocks())
    assert [m[i + 1] - m[i] for i in range(4)] == expected
    heap.allocator.check()
