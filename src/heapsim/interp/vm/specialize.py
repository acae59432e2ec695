"""The eval loop's fast paths: named, guarded specialisations of the generic handlers.

In the spirit of CPython 3.11's specialised instructions (``BINARY_OP_ADD_INT``,
``LOAD_FAST`` without its NULL check, ...): when a code object is first run, each instruction
gets a *loop code* (``quicken``): the code of its specialisation below, or 0 for "call the
generic handler".  ``Interpreter.run_frame`` (vm/ceval.py) tests the loop code inline; a
specialisation checks its guard and, when the guard holds, does the handler's work by the
handler's own means: the same object-layer functions for every allocation and every free
(``new_int``, ``new_float``, ``int_dealloc``, ``float_dealloc``, ``list_append_steal``,
``tuple_new``, ``rangeiter_next``, ``seqiter_next``, ``new_frame``, ``clear_frame``, ...),
with only the guard and the refcount arithmetic written out inline.  When the guard fails it
*deopts*: the instruction's generic handler runs instead, from the same state.  The handler
is the definition; a specialisation must make exactly the handler's heap effects (the same
increfs, decrefs, allocations and free-list traffic, in the same order), and the suite runs
every program both ways to hold it to that (tests/test_programs.py).

The switch: ``Interpreter(fast_paths=False)`` (``heapsim run --no-fast-paths``, or
``HEAPSIM_FAST_PATHS=0`` in the environment) gives every instruction the loop code 0, so
only the generic handlers run, except that backward jumps get ``EVAL_BREAKER``: not a
specialisation but the loop's own check of the run limits where CPython checks its eval
breaker, after which the generic handler makes the jump (without it, an endless loop in one
frame would never meet a limit).
"""

import operator
from collections import namedtuple

from heapsim.interp.types.decode import BINARY_OP_SYMBOLS, CMP_OPS

Specialization = namedtuple("Specialization", "code name generic guard shares")

# The table.  code: the loop code run_frame tests (an opcode's own number where there is one
# specialisation for it); name: the specialisation; generic: the handlers it stands for (and
# deopts to); guard: what it checks at run time (None: nothing to check, the handler's whole
# work is a stack or refcount move); shares: the object-layer functions it calls on the paths
# that allocate or free, the ones its handler ends up calling.
SPECIALIZATIONS = (
    Specialization(124, "LOAD_FAST_CHECKED", ("LOAD_FAST",), "the local is bound", ()),
    Specialization(100, "LOAD_CONST_INLINE", ("LOAD_CONST",), None, ()),
    Specialization(125, "STORE_FAST_SCALAR", ("STORE_FAST",), None,
                   ("int_dealloc", "float_dealloc", "heap.dealloc")),
    Specialization(122, "BINARY_OP_INT_FLOAT", ("BINARY_OP",),
                   "both operands exact ints or floats, a host-computable operator, an int or "
                   "float result", ("new_int", "new_float", "int_dealloc", "float_dealloc")),
    Specialization(107, "COMPARE_OP_NUM_STR", ("COMPARE_OP",),
                   "both operands exact ints or floats, or both exact strs",
                   ("heap.dealloc",)),
    Specialization(300, "COMPARE_OP_NUM_STR_JUMP",
                   ("COMPARE_OP", "POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_FORWARD_IF_TRUE",
                    "POP_JUMP_BACKWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_TRUE"),
                   "as COMPARE_OP_NUM_STR; fused with the conditional jump after it (the "
                   "bool's incref and decref cancel, so it is never pushed)",
                   ("heap.dealloc",)),
    Specialization(114, "POP_JUMP_IF_FALSE_BOOL",
                   ("POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_FALSE"),
                   "the condition is True or False", ()),
    Specialization(115, "POP_JUMP_IF_TRUE_BOOL",
                   ("POP_JUMP_FORWARD_IF_TRUE", "POP_JUMP_BACKWARD_IF_TRUE"),
                   "the condition is True or False", ()),
    Specialization(114, "POP_JUMP_IF_FALSE_INT",
                   ("POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_FALSE"),
                   "the condition is an exact int", ("int_dealloc",)),
    Specialization(115, "POP_JUMP_IF_TRUE_INT",
                   ("POP_JUMP_FORWARD_IF_TRUE", "POP_JUMP_BACKWARD_IF_TRUE"),
                   "the condition is an exact int", ("int_dealloc",)),
    Specialization(116, "LOAD_GLOBAL_BOUND", ("LOAD_GLOBAL",),
                   "the name is bound in the globals or the builtins", ("dict_getitem",)),
    Specialization(166, "PRECALL_NO_METHOD", ("PRECALL",),
                   "no bound method object to unpack", ()),
    Specialization(171, "CALL_PY_EXACT_ARGS", ("CALL",),
                   "no keyword names; an exact Python function without *args, **kwargs or "
                   "keyword-only parameters, given exactly its positional arguments",
                   ("new_frame", "clear_frame", "run_frame")),
    Specialization(171, "CALL_PY_WITH_DEFAULTS", ("CALL",),
                   "as CALL_PY_EXACT_ARGS, but given fewer positional arguments, the missing "
                   "ones all having defaults", ("new_frame", "clear_frame", "run_frame")),
    Specialization(83, "RETURN_VALUE_FRAME", ("RETURN_VALUE",), None, ("clear_frame",)),
    Specialization(1, "POP_TOP_INLINE", ("POP_TOP",), None, ("heap.dealloc",)),
    Specialization(140, "JUMP_BACKWARD_INLINE", ("JUMP_BACKWARD",), None, ()),
    Specialization(93, "FOR_ITER_RANGE", ("FOR_ITER",), "a range_iterator",
                   ("rangeiter_next", "heap.dealloc")),
    Specialization(93, "FOR_ITER_LIST", ("FOR_ITER",), "a list_iterator",
                   ("seqiter_next", "heap.dealloc")),
    Specialization(93, "FOR_ITER_TUPLE", ("FOR_ITER",), "a tuple_iterator",
                   ("seqiter_next", "heap.dealloc")),
    Specialization(93, "FOR_ITER_GEN", ("FOR_ITER",), "a generator",
                   ("gen_next", "heap.dealloc")),
    Specialization(25, "BINARY_SUBSCR_LIST_TUPLE_INT", ("BINARY_SUBSCR",),
                   "an exact list or tuple, an exact int index in range", ("heap.dealloc",)),
    Specialization(60, "STORE_SUBSCR_LIST_INT", ("STORE_SUBSCR",),
                   "an exact list, an exact int index in range",
                   ("int_dealloc", "float_dealloc", "heap.dealloc")),
    Specialization(92, "UNPACK_SEQUENCE_LIST_TUPLE", ("UNPACK_SEQUENCE",),
                   "an exact list or tuple of the expected length", ("heap.dealloc",)),
    Specialization(102, "BUILD_TUPLE_INLINE", ("BUILD_TUPLE",), None, ("tuple_new",)),
    Specialization(145, "LIST_APPEND_INLINE", ("LIST_APPEND",), None, ("list_append_steal",)),
    Specialization(120, "COPY_INLINE", ("COPY",), None, ()),
    Specialization(99, "SWAP_INLINE", ("SWAP",), None, ()),
    Specialization(137, "LOAD_DEREF_BOUND", ("LOAD_DEREF",), "the cell is not empty", ()),
    Specialization(138, "STORE_DEREF_INLINE", ("STORE_DEREF",), None, ("heap.dealloc",)),
    Specialization(117, "IS_OP_INLINE", ("IS_OP",), None, ("heap.dealloc",)),
    Specialization(128, "POP_JUMP_IF_NOT_NONE_INLINE",
                   ("POP_JUMP_FORWARD_IF_NOT_NONE", "POP_JUMP_BACKWARD_IF_NOT_NONE"), None,
                   ("heap.dealloc",)),
    Specialization(129, "POP_JUMP_IF_NONE_INLINE",
                   ("POP_JUMP_FORWARD_IF_NONE", "POP_JUMP_BACKWARD_IF_NONE"), None,
                   ("heap.dealloc",)),
    Specialization(110, "JUMP_FORWARD_INLINE", ("JUMP_FORWARD",), None, ()),
    Specialization(2, "PUSH_NULL_INLINE", ("PUSH_NULL",), None, ()),
    Specialization(149, "COPY_FREE_VARS_INLINE", ("COPY_FREE_VARS",), None, ()),
    Specialization(151, "RESUME_INLINE", ("RESUME",), None, ()),
    # superinstructions (3.11's): the pair runs as one dispatch; when the second one's guard
    # fails it is left to run on its own (the first one's generic handler, for
    # LOAD_FAST__*, when the first one's guard fails)
    Specialization(301, "LOAD_FAST__LOAD_FAST", ("LOAD_FAST", "LOAD_FAST"),
                   "both locals bound", ()),
    Specialization(302, "LOAD_FAST__LOAD_CONST", ("LOAD_FAST", "LOAD_CONST"),
                   "the local is bound", ()),
    Specialization(299, "STORE_FAST__LOAD_FAST", ("STORE_FAST", "LOAD_FAST"),
                   "the local loaded is bound", ("int_dealloc", "float_dealloc", "heap.dealloc")),
    Specialization(304, "LOAD_CONST__LOAD_FAST", ("LOAD_CONST", "LOAD_FAST"),
                   "the local is bound", ()),
    Specialization(86, "YIELD_VALUE_INLINE", ("YIELD_VALUE",), None, ()),
)

COMPARE_OP_NUM_STR_JUMP = 300

# generic opcode name -> loop code of its one-instruction specialisation
_SUPERS = (299, 301, 302, 304)
_LOOP_CODE = {name: s.code for s in SPECIALIZATIONS
              if s.code not in _SUPERS and s.code != COMPARE_OP_NUM_STR_JUMP
              for name in s.generic}
# (first, second) opcode names -> loop code of the superinstruction
_SUPER_CODE = {s.generic: s.code for s in SPECIALIZATIONS if s.code in _SUPERS}
_POP_JUMP_IF_BOOL = ("POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_FORWARD_IF_TRUE",
                     "POP_JUMP_BACKWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_TRUE")

def _small_pow(x, y):
    """``x ** y`` when the result is small; a large one raises, so that the fast path falls
    back to the generic handler, which checks the size before the host computes it."""
    if y > 64 and type(y) is int and type(x) is int and (x > 1 or x < -1):
        raise OverflowError
    return x ** y


def _small_lshift(x, y):
    """``x << y`` when the result is small (as ``_small_pow``)."""
    if y > 4096:
        raise OverflowError
    return x << y


_HOST_BINOPS = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "%": operator.mod, "**": _small_pow, "<<": _small_lshift,
    ">>": operator.rshift, "&": operator.and_, "|": operator.or_, "^": operator.xor,
}
# The host function of each BINARY_OP / COMPARE_OP operand (None: no specialisation).
BINARY_FNS = tuple(_HOST_BINOPS.get(s[:-1] if s.endswith("=") else s)
                   for s in BINARY_OP_SYMBOLS)
COMPARE_FNS = tuple({"<": operator.lt, "<=": operator.le, "==": operator.eq,
                     "!=": operator.ne, ">": operator.gt, ">=": operator.ge}[s]
                    for s in CMP_OPS)


# The loop code of a backward jump when the fast paths are off (see the module doc).
EVAL_BREAKER = 141
_BACKWARD_JUMPS = frozenset(("JUMP_BACKWARD", "POP_JUMP_BACKWARD_IF_FALSE",
                             "POP_JUMP_BACKWARD_IF_TRUE", "POP_JUMP_BACKWARD_IF_NONE",
                             "POP_JUMP_BACKWARD_IF_NOT_NONE"))


def quicken(instrs, fast_paths=True):
    """(loop codes, operands) of a decoded code's instructions.

    The loop code is the instruction's specialisation (0: the generic handler; with
    ``fast_paths`` off every instruction gets 0, backward jumps ``EVAL_BREAKER``).  The operand of a jump is its target
    index, of ``BINARY_OP``/``COMPARE_OP`` the host function of the operator; other operands
    are the raw oparg."""
    ops = []
    args = []
    n = len(instrs)
    for k, ins in enumerate(instrs):
        name = ins.opname
        if fast_paths:
            code = _LOOP_CODE.get(name, 0)
        else:
            code = EVAL_BREAKER if name in _BACKWARD_JUMPS else 0
        if name == "BINARY_OP":
            fn = BINARY_FNS[ins.arg] if ins.arg < len(BINARY_FNS) else None
            args.append(fn)
            if fn is None:
                code = 0
        elif name == "COMPARE_OP":
            args.append(COMPARE_FNS[ins.arg])
            if code and k + 1 < n and instrs[k + 1].opname in _POP_JUMP_IF_BOOL:
                code = COMPARE_OP_NUM_STR_JUMP
        elif ins.target >= 0:
            args.append(ins.target)
        else:
            args.append(ins.arg if ins.arg is not None else 0)
            if code and k + 1 < n:
                code = _SUPER_CODE.get((name, instrs[k + 1].opname), code)
        ops.append(code)
    return ops, args
