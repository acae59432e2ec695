"""Collector, finalizer and weakref scenarios in the spirit of Lib/test/test_gc.py and
test_weakref.py, each played on the host python3 (the expected log) and on the simulated heap.

Every scenario logs ``gc.collect()`` results, ``__del__`` calls (``del:x``), legacy ``tp_del``
calls (``tpdel:x``), weakref callbacks (``cb:x:dead``), gc callbacks
(``gccb:name:phase:generation:collected:uncollectable``), counts and tracking states, and the
whole log must be equal, order included.  The simulated side audits the heap after every
collection (reclaimkit's ``Sim`` installs the reclaim layer with ``audit=True`` and checks at
every statement) and once more at the end.  See reclaimkit for the statement forms.
"""

import pytest

from reclaimkit import both

SCENARIOS = {
    # --- cycles ----------------------------------------------------------------------------
    "self_cycle": """
        a = N('a'); a.s = a
        del a
        collect()
    """,
    "two_cycle": """
        a = N('a'); b = N('b'); a.x = b; b.x = a
        del a, b
        collect()
    """,
    "three_cycle_finalizer_order_abc": """
        a = F('a'); b = F('b'); c = F('c')
        a.x = b; b.x = c; c.x = a
        del a, b, c
        collect()
    """,
    "three_cycle_created_cba": """
        c = F('c'); b = F('b'); a = F('a')
        a.x = b; b.x = c; c.x = a
        del a, b, c
        collect()
    """,
    "cycle_reachable_from_root": """
        a = F('a'); b = F('b'); a.x = b; b.x = a
        r = N('root'); r.k = a
        del a, b
        collect()
        del r
        collect()
    """,
    "cycle_with_external_reference": """
        a = F('a'); b = F('b'); a.x = b; b.x = a
        del a
        collect()
        note('b still held')
        del b
        collect()
    """,
    "tail_hanging_off_a_cycle": """
        a = F('a'); b = F('b'); a.x = b; b.x = a
        b.t = F('t'); b.t.u = F('u')
        del a, b
        collect()
    """,
    "two_separate_cycles": """
        a = F('a'); b = F('b'); a.x = b; b.x = a
        c = F('c'); c.s = c
        del b, c, a
        collect()
    """,
    "mixed_finalizers": """
        a = N('a'); b = F('b'); c = N('c'); d = F('d')
        a.x = b; b.x = c; c.x = d; d.x = a
        del a, b, c, d
        collect()
    """,
    "dict_attribute_order": """
        a = F('a'); b = F('b'); c = F('c')
        a.y = c; a.x = b; b.y = a; c.x = a
        del a, b, c
        collect()
    """,
    "list_cycle": """
        x = N('x')
        l = [x]
        x.back = l
        a = F('a'); a.l = l
        x.f = a
        del l, a, x
        collect()
    """,
    "tuple_in_cycle": """
        a = F('a'); b = F('b')
        t = (a, b)
        a.t = t
        del a, b, t
        collect()
    """,
    "dict_in_cycle": """
        a = F('a')
        d = {'k': a}
        a.d = d
        del a, d
        collect()
    """,
    "collect_gen0_leaves_older_cycles": """
        a = F('a'); a.s = a
        del a
        note('before')
        collect(0)
        b = F('b'); b.s = b
        del b
        collect(0)
        collect()
    """,
    "collect_gen1_collects_gen0_and_gen1": """
        a = F('a'); a.s = a
        collect(0)
        del a
        b = F('b'); b.s = b
        del b
        collect(1)
    """,
    "gen2_cycle_only_in_full_collection": """
        a = F('a'); a.s = a
        collect()
        del a
        collect(0)
        collect(1)
        collect(2)
    """,
    "move_unreachable_reorders_survivors": """
        a = F('a'); b = F('b'); c = F('c')
        c.x = b; b.x = a
        del a, b
        collect(0)
        z = c
        z.x.x.y = c
        del c, z
        collect()
    """,
    "survivor_order_after_two_collections": """
        a = F('a'); b = F('b'); c = F('c'); d = F('d')
        d.x = c; c.x = b; b.x = a
        a.x = d
        collect(0)
        note('again')
        collect(1)
        del a, b, c, d
        collect()
    """,
    "big_cycle_order": """
        a = F('a0'); p = a
        make(N, 3)
        p.x = F('a1'); p = p.x
        p.x = F('a2'); p = p.x
        p.x = F('a3'); p = p.x
        p.x = F('a4'); p = p.x
        p.x = a
        del a, p
        drop()
        collect()
    """,
    "refcount_death_inside_collection": """
        a = F('a'); b = F('b'); a.x = b; b.x = a
        a.t = F('tail')
        del a, b
        collect()
    """,
    # --- finalizers and resurrection ---------------------------------------------------------
    "del_runs_at_refcount_zero": """
        a = F('a')
        note('before del')
        del a
        note('after del')
    """,
    "del_chain_at_refcount_zero": """
        a = F('a'); a.x = F('b'); a.x.x = F('c')
        del a
    """,
    "resurrect_single_from_cycle": """
        a = R('a'); b = F('b'); a.x = b; b.x = a
        del a, b
        collect()
        collect()
    """,
    "resurrect_whole_cycle": """
        a = R('a'); b = R('b'); a.x = b; b.x = a
        del a, b
        collect()
        drop()
        collect()
    """,
    "finalizer_called_once_after_resurrection": """
        a = R('a'); a.s = a
        del a
        collect()
        collect()
        note('saved is cleared next')
    """,
    "resurrect_at_refcount_zero": """
        a = R('a')
        del a
        note('resurrected')
        collect()
    """,
    "is_finalized_after_collection": """
        a = R('a'); a.s = a
        b = N('b')
        finalized(b)
        del a
        collect()
    """,
    "finalizer_frees_other_garbage": """
        a = F('a'); b = F('b'); c = F('c')
        a.x = b; b.x = c; c.x = b
        a.s = a
        del a, b, c
        collect()
    """,
    # --- weakrefs -----------------------------------------------------------------------------
    "weakref_callback_at_refcount_death": """
        a = N('a')
        w = weakref.ref(a, CB('k'))
        del a
        alive(w)
    """,
    "weakref_callbacks_newest_first": """
        a = N('a')
        w1 = weakref.ref(a, CB('1')); w2 = weakref.ref(a, CB('2')); w3 = weakref.ref(a, CB('3'))
        w0 = weakref.ref(a)
        wrc(a)
        del a
        note('after')
    """,
    "del_before_weakref_callback": """
        a = F('a')
        w = weakref.ref(a, CB('k'))
        del a
    """,
    "weakref_to_cyclic_garbage_callback_runs_first": """
        a = F('a'); b = F('b'); a.x = b; b.x = a
        w = weakref.ref(a, CB('k'))
        del a, b
        collect()
        alive(w)
    """,
    "weakref_in_garbage_callback_never_runs": """
        a = N('a'); a.s = a
        a.r = weakref.ref(a, CB('k'))
        del a
        collect()
    """,
    "weakref_without_callback_to_garbage": """
        a = F('a'); a.s = a
        w = weakref.ref(a)
        alive(w)
        del a
        collect()
        alive(w)
    """,
    "shared_callbackless_ref": """
        a = N('a')
        w1 = weakref.ref(a); w2 = weakref.ref(a)
        rc(w1)
        wrc(a)
        w3 = weakref.ref(a, CB('k'))
        wrc(a)
        del w1, w2
        wrc(a)
        del a
    """,
    "proxy_and_refs": """
        a = N('a')
        p = weakref.proxy(a)
        w = weakref.ref(a)
        p2 = weakref.proxy(a)
        q = weakref.proxy(a, CB('pq'))
        w2 = weakref.ref(a, CB('wr'))
        wrc(a)
        rc(p)
        del a
        note('dead')
    """,
    "weakref_callback_frees_its_weakref": """
        a = N('a'); a.s = a
        w = weakref.ref(a, CBD('k'))
        hold(w)
        del w, a
        collect()
    """,
    "weakref_callback_on_weakref_dying_first": """
        a = N('a')
        w = weakref.ref(a, CB('k'))
        del w
        del a
        note('no callback')
    """,
    "callback_object_in_garbage_cycle_with_referent": """
        a = N('a'); c = CB('k')
        w = weakref.ref(a, c)
        a.c = c
        a.s = a
        del a, c
        collect()
        alive(w)
    """,
    "several_weakrefs_to_cycle_members": """
        a = F('a'); b = F('b'); a.x = b; b.x = a
        wa = weakref.ref(a, CB('wa')); wb = weakref.ref(b, CB('wb'))
        wb2 = weakref.ref(b, CB('wb2'))
        del a, b
        collect()
    """,
    "weakref_to_object_dying_in_delete_garbage": """
        a = N('a'); b = N('b'); a.x = b; b.x = a
        c = F('c'); a.c = c
        w = weakref.ref(c, CB('c'))
        del a, b, c
        collect()
    """,
    "weakref_callback_exception_is_unraisable": """
        a = N('a')
        w = weakref.ref(a, CBX('x'))
        w2 = weakref.ref(a, CB('after'))
        del a
        note('done')
    """,
    "weakref_callback_exception_in_collection": """
        a = N('a'); a.s = a
        w = weakref.ref(a, CBX('x'))
        del a
        collect()
    """,
    "clearing_several_weakrefs_allocates_a_tuple": """
        a = N('a')
        w1 = weakref.ref(a, CB('1')); w2 = weakref.ref(a, CB('2'))
        count()
        del a
        count()
        b = N('b')
        w3 = weakref.ref(b, CB('3'))
        count()
        del b
        count()
    """,
    # --- collections started from finalizers -----------------------------------------------------
    "collect_inside_finalizer_during_collection_returns_0": """
        a = C('a'); a.s = a
        del a
        collect()
    """,
    "collect_inside_finalizer_at_refcount_death": """
        g = F('g'); g.s = g
        del g
        b = C('b')
        del b
        collect()
    """,
    # --- legacy finalizers, gc.garbage, DEBUG_SAVEALL --------------------------------------------
    "legacy_finalizer_cycle_is_uncollectable": """
        a = L('a'); a.s = a
        del a
        collect()
        garbage()
        gc.garbage.clear()
    """,
    "legacy_finalizer_reachable_objects_stay": """
        l = L('l'); n = F('n'); l.x = n; n.x = l
        del l, n
        collect()
        garbage()
        gc.garbage.clear()
    """,
    "legacy_finalizer_hanging_off_cycle": """
        a = N('a'); b = N('b'); a.x = b; b.x = a
        a.l = L('l')
        del a, b
        collect()
        garbage()
    """,
    "legacy_finalizer_at_refcount_zero": """
        a = L('a')
        del a
        note('after')
    """,
    "saveall_keeps_garbage": """
        gc.set_debug(gc.DEBUG_SAVEALL)
        a = F('a'); b = N('b'); a.x = b; b.x = a
        del a, b
        collect()
        garbage()
        gc.set_debug(0)
        gc.garbage.clear()
        collect()
    """,
    "saveall_with_legacy_finalizer": """
        gc.set_debug(gc.DEBUG_SAVEALL)
        a = L('a'); b = N('b'); a.x = b; b.x = a
        c = N('c'); c.s = c
        del a, b, c
        collect()
        garbage()
        gc.set_debug(0)
        gc.garbage.clear()
    """,
    # --- tracking ---------------------------------------------------------------------------------
    "tuple_of_atoms_untracked_by_any_collection": """
        x = 5; y = 7
        t = (x, y)
        tracked(t)
        collect(0)
        tracked(t)
    """,
    "tuple_of_tuples_untracked_inner_first": """
        x = 1; y = 2
        inner = (x, y)
        outer = (x, inner)
        tracked(outer)
        collect()
        tracked(inner)
        tracked(outer)
    """,
    "outer_tuple_made_first_stays_tracked_once": """
        x = 1
        l = [x]
        outer = (x, l)
        inner = (x, x)
        outer2 = (inner, x)
        collect()
        tracked(outer)
        tracked(outer2)
        tracked(inner)
    """,
    "tuple_holding_list_stays_tracked": """
        a = N('a')
        l = [a]
        t = (a, l)
        collect()
        tracked(t)
    """,
    "dict_untracked_only_by_full_collection": """
        a = N('a')
        d = {'k': a}
        tracked(d)
        x = 1
        d['k'] = x
        tracked(d)
        collect(1)
        tracked(d)
        collect()
        tracked(d)
    """,
    "dict_of_atoms_never_tracked": """
        x = 1
        d = {'k': x}
        tracked(d)
    """,
    # --- gc callbacks ---------------------------------------------------------------------------
    "gc_callbacks_start_and_stop": """
        gc.callbacks.append(GCB('g'))
        a = N('a'); a.s = a
        del a
        collect(1)
        collect()
        gc.callbacks.clear()
    """,
    "two_gc_callbacks_in_order": """
        gc.callbacks.append(GCB('one'))
        gc.callbacks.append(GCB('two'))
        a = L('a'); a.s = a
        del a
        collect()
        gc.callbacks.clear()
        gc.garbage.clear()
    """,
    # --- counts, thresholds, automatic collections ----------------------------------------------
    "count_rule": """
        count()
        a = N('a')
        count()
        b = N('b')
        count()
        del a
        count()
        l = [b]
        count()
        del l
        count()
        l = [b]
        count()
    """,
    "weakref_allocations_count": """
        a = N('a')
        count()
        w = weakref.ref(a)
        count()
        w2 = weakref.ref(a)
        count()
        p = weakref.proxy(a, CB('k'))
        count()
        del w, w2, p
        count()
    """,
    "threshold_triggers_inside_allocation": """
        gc.callbacks.append(GCB('g'))
        gc.set_threshold(5)
        count()
        make(N, 12)
        count()
        drop()
        count()
        gc.callbacks.clear()
    """,
    "automatic_collection_finds_cycles": """
        gc.callbacks.append(GCB('g'))
        gc.set_threshold(4)
        a = F('a'); a.s = a
        del a
        b = F('b'); b.s = b
        del b
        make(N, 6)
        count()
        gc.callbacks.clear()
    """,
    "generation_pattern_small_thresholds": """
        gc.disable()
        gc.callbacks.append(GCB('g'))
        gc.set_threshold(3, 2, 2)
        gc.enable()
        make(F, 40)
        count()
        gc.callbacks.clear()
        gc.set_threshold(700, 10, 10)
    """,
    "disabled_gc_never_collects_automatically": """
        gc.callbacks.append(GCB('g'))
        gc.set_threshold(3)
        gc.disable()
        make(N, 10)
        count()
        collect(0)
        gc.enable()
        gc.callbacks.clear()
    """,
    "threshold_zero_disables": """
        gc.callbacks.append(GCB('g'))
        gc.set_threshold(0)
        make(N, 10)
        count()
        gc.callbacks.clear()
        gc.set_threshold(700)
    """,
    "collection_counts_update": """
        make(N, 3)
        collect(0)
        count()
        collect(0)
        collect(1)
        count()
        collect()
        count()
    """,
    # --- introspection ---------------------------------------------------------------------------
    "get_referents_in_traverse_order": """
        a = N('a'); b = N('b'); c = N('c')
        a.y = b; a.x = c
        referents(a)
        l = [a, b, c]
        referents(l)
        t = (c, a)
        referents(t)
        w = weakref.ref(a, CB('k'))
        referents(w)
    """,
    "get_referrers_in_generation_order": """
        x = N('x')
        a = N('a'); a.p = x
        l = [x]
        b = N('b'); b.q = x
        collect(0)
        t = (x, x)
        referrers(x)
        del a
        referrers(x)
    """,
    # --- freeze ---------------------------------------------------------------------------------
    "freeze_hides_cycles": """
        a = F('a'); a.s = a
        del a
        gc.freeze()
        count()
        collect()
        gc.unfreeze()
        collect()
    """,
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario(name):
    expected, got = both(SCENARIOS[name])
    assert got == expected


def test_there_are_enough_scenarios():
    assert len(SCENARIOS) + len(CALIBRATED) >= 60


# Scenarios whose outcome depends on how big the oldest generation is (the rule that skips
# full collections while few long-lived objects are new): the simulated heap is first given
# as many long-lived objects as the host has after its first collection.
CALIBRATED = {
    "freeze_count": """
        a = N('a'); a.s = a
        del a
        gc.freeze()
        freeze_count()
        collect()
        gc.unfreeze()
        collect()
    """,
    "gen2_skipped_with_many_long_lived": """
        gc.disable()
        gc.callbacks.append(GCB('g'))
        gc.set_threshold(2, 2, 2)
        gc.enable()
        make(N, 60)
        gc.callbacks.clear()
        count()
    """,
    "gen2_collected_once_a_quarter_is_new": """
        gc.disable()
        gc.callbacks.append(GCB('g'))
        gc.set_threshold(50, 5, 2)
        gc.enable()
        make(N, 4000)
        gc.callbacks.clear()
        count()
        gc.set_threshold(700, 10, 10)
    """,
    "full_collection_skipped_while_few_long_lived_are_new": """
        gc.disable()
        gc.callbacks.append(GCB('g'))
        gc.set_threshold(5, 3, 0)
        gc.enable()
        make(N, 150)
        gc.callbacks.clear()
        count()
    """,
}


@pytest.mark.parametrize("name", sorted(CALIBRATED))
def test_calibrated_scenario(name):
    expected, got = both(CALIBRATED[name], calibrate=True)
    assert got == expected
