"""The eval loop's specialisations (src/heapsim/interp/vm/specialize.py): the table names
every one the loop runs, and the switch turns all of them off.  That each specialisation
makes its handler's effects is tested by running every program both ways
(tests/test_programs.py)."""

import inspect

from heapsim.interp.types.decode import decode
from heapsim.interp.vm import ceval, specialize
from heapsim.tools.cli import fast_paths_from_env

SAMPLE = """
def f(n, k=2):
    total = 0
    for i in range(n):
        total = total + i * k
        if total > 10:
            total -= 1
    xs = [x for x in (1, 2)]
    a, b = xs
    return total, a + b
print(f(3))
"""


def _instructions():
    module = compile(SAMPLE, "<sample>", "exec")
    func = next(c for c in module.co_consts if hasattr(c, "co_code"))
    return decode(module).instructions + decode(func).instructions


def test_switch_off_leaves_only_generic_handlers():
    """Off, every instruction runs its generic handler; backward jumps only add the loop's
    limit check (EVAL_BREAKER) before it."""
    instrs = _instructions()
    ops, _ = specialize.quicken(instrs, fast_paths=False)
    assert ops and set(ops) <= {0, specialize.EVAL_BREAKER}
    for ins, op in zip(instrs, ops):
        assert (op == specialize.EVAL_BREAKER) == ("BACKWARD" in ins.opname), ins
    assert specialize.EVAL_BREAKER not in {s.code for s in specialize.SPECIALIZATIONS}


def test_switch_on_uses_only_named_codes():
    ops, _ = specialize.quicken(_instructions(), fast_paths=True)
    named = {s.code for s in specialize.SPECIALIZATIONS}
    assert any(ops)
    assert set(ops) - {0} <= named
    # the sample exercises a superinstruction and the fused compare-and-branch
    assert set(ops) & {299, 301, 302, 304}
    assert specialize.COMPARE_OP_NUM_STR_JUMP in ops


def test_every_specialisation_is_named_in_the_loop():
    loop = inspect.getsource(ceval.Interpreter.run_frame)
    for s in specialize.SPECIALIZATIONS:
        assert s.name in loop or s.name.rsplit("_", 1)[0] in loop, s.name
        assert f"op == {s.code}" in loop, s.name


def test_environment_switch(monkeypatch):
    monkeypatch.delenv("HEAPSIM_FAST_PATHS", raising=False)
    assert fast_paths_from_env() is True
    monkeypatch.setenv("HEAPSIM_FAST_PATHS", "0")
    assert fast_paths_from_env() is False
