"""``heapsim show`` pages in a real Chromium (tests/views/conftest.py): each page loads from a
file:// URL with no console error and no request, its stepper reaches every step, and at each
checked step the DOM shows what ``heapsim.record.replay.Replay(record).state(i)`` says: the
frames and their names, the boxes with their refcounts, generations, shared and unreachable
marks, the arrows, the output so far, and the pool-map cell of an object.  Expected values
come from the record and the replay, never from the test."""

import pathlib

import pytest

from heapsim.record.replay import Replay, unreachable
from heapsim.tools.recording import record_program
from heapsim.tools.show import render_html

HERE = pathlib.Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"
GEN = {0: "0", 1: "1", 2: "2", 3: "permanent", "untracked": "untracked", "static": "static"}

DOM = """() => {
  const q = s => [...document.querySelectorAll(s)];
  return {
    step: +document.body.dataset.step,
    event: +document.body.dataset.event,
    frames: q('#mem g.frame').map(f => +f.dataset.frame),
    slots: q('#mem g.slot').map(s => [+s.closest('g.frame').dataset.frame, s.dataset.name, +s.dataset.to]),
    boxes: q('#mem g.obj').map(g => ({id: +g.dataset.id, rc: g.dataset.rc, gen: g.dataset.gen,
      unreachable: g.dataset.unreachable === '1', ghost: g.dataset.ghost === '1',
      shared: g.dataset.shared === '1', gcrefs: g.dataset.gcrefs, name: g.dataset.name})),
    refs: q('#mem path.ref').map(p => ({from: p.dataset.from === undefined ? null : +p.dataset.from,
      to: +p.dataset.to, label: p.dataset.label, weak: p.classList.contains('weak'),
      dashed: getComputedStyle(p).strokeDasharray})),
    stdout: document.getElementById('stdout').textContent,
    stderr: document.getElementById('stderr').textContent,
    status: document.getElementById('status').textContent,
    caption: document.getElementById('caption').textContent,
    events: q('#events li[data-k]').length,
    gens: q('#collector .gen').map(g => [+g.dataset.count, +g.dataset.threshold]),
  };
}"""

_cache = {}
_dir = []


def _pages():
    if not _dir:
        import tempfile
        _dir.append(tempfile.mkdtemp(prefix="heapsim-show-"))
    return _dir[0]


def recorded(name, **limits):
    """(record, path of its page) for a program of tests/views/programs, made once."""
    key = (name, tuple(sorted(limits.items())))
    if key not in _cache:
        rec, _code = record_program(str(PROGRAMS / f"{name}.py"), **limits)
        record = rec.record
        path = pathlib.Path(_pages()) / f"{name}.html"
        path.write_text(render_html(record), encoding="utf-8")
        _cache[key] = (record, path)
    return _cache[key]


def open_page(page, path):
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60000)


def dom(page):
    return page.evaluate(DOM)


def stdout_until(record, i):
    return "".join(e["text"] for s in record["steps"][:i + 1] for e in s["events"]
                   if e["k"] == "stdout")


def check_step(record, replay, d, i):
    """The DOM at step i against the replayed state after step i."""
    st = replay.state(i)
    objs = st["objects"]
    unr = set(unreachable(st))
    assert d["step"] == i
    assert d["frames"] == [f["id"] for f in st["frames"]], f"frames at step {i}"
    want_slots = []
    for f in st["frames"]:
        want_slots += [[f["id"], n["name"], n["to"]] for n in f["names"]]
        want_slots += [[f["id"], f"stack[{k}]", t] for k, t in enumerate(f["stack"])]
    assert d["slots"] == want_slots, f"names at step {i}"
    boxes = {b["id"]: b for b in d["boxes"]}
    for _f, name, to in want_slots:
        assert to in boxes and not boxes[to]["ghost"], f"{name} at step {i}: no box"
    deaths = {e["o"] for e in record["steps"][i]["events"] if e["k"] == "death"}
    for rid, b in boxes.items():
        if b["ghost"]:
            assert rid not in objs and rid in deaths, f"ghost {b['name']} at step {i}"
            continue
        e = objs[rid]
        assert b["name"] == e["name"]
        assert b["rc"] == str(e["rc"]), f"{e['name']} rc at step {i}"
        assert b["gen"] == GEN[e["gen"]], f"{e['name']} generation at step {i}"
        assert b["shared"] == bool(e["shared"])
        assert b["unreachable"] == (rid in unr), f"{e['name']} unreachable mark at step {i}"
    for rid in unr:
        assert rid in boxes, f"unreachable {objs[rid]['name']} not shown at step {i}"
    drawn = {(r["from"], r["to"], r["label"], r["weak"]) for r in d["refs"] if r["from"]}
    for rid, b in boxes.items():
        if b["ghost"]:
            continue
        for r in objs[rid].get("refs", ()):
            if r["label"] and r["to"] in boxes:
                assert (rid, r["to"], r["label"], bool(r.get("weak"))) in drawn, \
                    f"arrow {objs[rid]['name']} {r['label']} at step {i}"
    for fr, to, label, weak in drawn:
        assert any(r["to"] == to and r["label"] == label and bool(r.get("weak")) == weak
                   for r in objs[fr].get("refs", ())), f"arrow not in the record at step {i}"
    counters = replay.gc_counters(i)
    assert d["gens"] == [[counters[g], counters[3 + g]] for g in range(3)], f"gc at step {i}"
    slot_arrows = [r for r in d["refs"] if r["from"] is None]
    assert len(slot_arrows) == len(want_slots)
    if i < len(record["steps"]) - 1:
        assert d["stdout"] == stdout_until(record, i)
    else:
        assert d["stdout"] == record["stdout"]
        assert d["stderr"] == record["stderr"]


def walk_all(page, record, stop_at=None):
    """Step with the keyboard from the first step to the last, checking each step."""
    replay = Replay(record)
    page.keyboard.press("Home")
    seen = {}
    for i in range(len(record["steps"])):
        d = dom(page)
        check_step(record, replay, d, i)
        seen[i] = d
        if stop_at:
            stop_at(i, d)
        page.keyboard.press("ArrowRight")
    assert dom(page)["step"] == len(record["steps"]) - 1
    return seen


def clean(page):
    assert page.errors == [], page.errors
    assert page.requests == [], page.requests


def line_step(record, line, after=0):
    return next(s["i"] for s in record["steps"] if s["line"] == line and s["i"] > after)


def name_target(record, i, name):
    st = Replay(record).state(i)
    return next(n["to"] for n in st["frames"][-1]["names"] if n["name"] == name)


def test_aliasing(page, screenshot_dir):
    record, path = recorded("aliasing")
    open_page(page, path)
    seen = walk_all(page, record)
    i = line_step(record, 3)                 # b = a ran
    a, b = name_target(record, i, "a"), name_target(record, i, "b")
    assert a == b
    box = next(x for x in seen[i]["boxes"] if x["id"] == a)
    assert box["rc"] == str(Replay(record).state(i)["objects"][a]["rc"])
    page.evaluate(f"heapsimPage.go({i}, -1)")
    page.screenshot(path=str(screenshot_dir / "aliasing-b-is-a.png"))
    # The pool map: the list's cell is drawn in use, in its type's colour; clicking selects it.
    st = Replay(record).state(i)
    e = st["objects"][a]
    info = st["pool_info"][e["pool"]]
    assert e["block"] in st["pools"][e["pool"]]
    cell = page.evaluate(f"heapsimPage.cellOf({a})")
    assert cell % 1024 == (e["block"] - info["first"]) // info["size"]
    xy = page.evaluate(f"heapsimPage.cellPoint({cell})")
    rgba = page.evaluate(f"""() => {{ const c = document.getElementById('pools');
        return [...c.getContext('2d').getImageData({xy[0]} + 2, {xy[1]} + 2, 1, 1).data]; }}""")
    want = page.evaluate(f"""() => {{ const c = document.createElement('canvas');
        const x = c.getContext('2d'); x.fillStyle = typeColour({e['type']!r});
        x.fillRect(0, 0, 1, 1); return [...x.getImageData(0, 0, 1, 1).data]; }}""")
    assert rgba == want
    free_block = next(info["first"] + k * info["size"] for k in range(info["capacity"])
                      if info["first"] + k * info["size"] not in st["pools"][e["pool"]])
    free_cell = cell - cell % 1024 + (free_block - info["first"]) // info["size"]
    fx = page.evaluate(f"heapsimPage.cellPoint({free_cell})")
    white = page.evaluate(f"""() => [...document.getElementById('pools').getContext('2d')
        .getImageData({fx[0]} + 2, {fx[1]} + 2, 1, 1).data]""")
    assert white == [255, 255, 255, 255]
    page.evaluate(f"""() => {{ const b = document.querySelector('.poolbox');
        b.scrollTop = {xy[1]} - 20; b.scrollIntoView(); }}""")
    box_xy = page.locator("#pools").bounding_box()
    page.mouse.click(box_xy["x"] + xy[0] + 2, box_xy["y"] + xy[1] + 2)
    assert e["name"] in page.inner_text("#selected")
    hist = page.locator("#rchist li").all_inner_texts()
    rc_events = [ev for s in record["steps"] for ev in s["events"]
                 if ev["k"] == "rc" and ev["o"] == a]
    assert len(hist) == len(rc_events)
    assert all(f"{ev['from']} → {ev['to']}" in h for h, ev in zip(hist, rc_events))
    page.screenshot(path=str(screenshot_dir / "aliasing-pool-cell.png"))
    clean(page)


def test_small_int_cache(page, screenshot_dir):
    record, path = recorded("small_ints")
    open_page(page, path)
    seen = walk_all(page, record)
    i = line_step(record, 3)                 # y = 10 ran
    x, y = name_target(record, i, "x"), name_target(record, i, "y")
    assert x == y
    d = seen[i]
    box = [b for b in d["boxes"] if b["id"] == x]
    assert len(box) == 1 and box[0]["shared"]
    assert sum(1 for r in d["refs"] if r["from"] is None and r["to"] == x) == 2
    page.evaluate(f"heapsimPage.go({i}, -1)")
    page.screenshot(path=str(screenshot_dir / "small-int-shared.png"))
    clean(page)


def test_rebinding(page):
    record, path = recorded("rebind")
    open_page(page, path)
    seen = walk_all(page, record)
    replay = Replay(record)
    i = line_step(record, 3)                 # x += 1 ran: a new int; 1000 stays (a constant)
    before, after = name_target(record, i - 1, "x"), name_target(record, i, "x")
    assert before != after and before in replay.state(i)["objects"]
    i = line_step(record, 4)                 # x += 1 again: 1001 freed, a ghost for one step
    before, after = name_target(record, i - 1, "x"), name_target(record, i, "x")
    assert before != after and before not in replay.state(i)["objects"]
    ghosts = [b["id"] for b in seen[i]["boxes"] if b["ghost"]]
    assert before in ghosts
    assert before not in [b["id"] for b in seen[i + 1]["boxes"]]
    clean(page)


def test_locals_freed_at_return(page, screenshot_dir):
    record, path = recorded("locals_freed")
    replay = Replay(record)
    open_page(page, path)
    seen = walk_all(page, record)
    ret = next(s["i"] for s in record["steps"] if any(e["k"] == "pop" for e in s["events"]))
    inner = replay.state(ret - 1)["frames"][-1]
    assert inner["func"] == "f"
    local = {n["name"]: n["to"] for n in inner["names"]}["items"]
    assert local in {b["id"] for b in seen[ret - 1]["boxes"]}
    assert local not in replay.state(ret)["objects"]
    assert local in {b["id"] for b in seen[ret]["boxes"] if b["ghost"]}
    assert len(seen[ret]["frames"]) == len(replay.state(ret)["frames"]) == 1
    page.evaluate(f"heapsimPage.go({ret}, -1)")
    page.screenshot(path=str(screenshot_dir / "locals-freed.png"))
    clean(page)


def test_cycle_collected(page, screenshot_dir):
    record, path = recorded("cycle_gc")
    replay = Replay(record)
    open_page(page, path)
    seen = walk_all(page, record)
    i = line_step(record, 7)                 # del a, b ran: cyclic garbage
    garbage = unreachable(replay.state(i))
    assert len(garbage) == 2
    assert {b["id"] for b in seen[i]["boxes"] if b["unreachable"]} == set(garbage)
    page.evaluate(f"heapsimPage.go({i}, -1)")
    page.screenshot(path=str(screenshot_dir / "cycle-unreachable.png"))
    g = i + 1
    evs = record["steps"][g]["events"]
    marks = page.evaluate("[...document.querySelectorAll('#marks .mark')].map(m => +m.dataset.step)")
    assert marks == [s["i"] for s in record["steps"]
                     if any(e["k"] == "gc" and e["phase"] == "start" for e in s["events"])]
    assert g in marks
    # The collection by memory event: gc_refs on the boxes, the unreachable set, then freed.
    k = next(n for n, e in enumerate(evs) if e["k"] == "gc" and e["phase"] == "subtract_refs")
    page.evaluate(f"heapsimPage.goEvent({g}, {k})")
    d = dom(page)
    assert (d["step"], d["event"]) == (g, k)
    refs = dict(map(tuple, evs[k]["refs"]))
    shown = {b["id"]: b for b in d["boxes"]}
    for rid in garbage:
        assert shown[rid]["gcrefs"] == str(refs[rid])
    page.screenshot(path=str(screenshot_dir / "cycle-subtract-refs.png"))
    ku = next(n for n, e in enumerate(evs) if e["k"] == "gc" and e["phase"] == "unreachable")
    page.evaluate(f"heapsimPage.goEvent({g}, {ku})")
    outlined = page.evaluate("[...document.querySelectorAll('#mem g.obj.gcset')].map(g => +g.dataset.id)")
    assert sorted(outlined) == sorted(evs[ku]["objects"])
    assert page.get_attribute("#collector .phase", "data-phase") == "unreachable"
    page.evaluate(f"heapsimPage.go({g}, -1)")
    d = dom(page)
    assert {b["id"] for b in d["boxes"] if b["ghost"]} >= set(garbage)
    clean(page)


def test_collector_counts_and_thresholds(page, screenshot_dir):
    """gc.set_threshold() and the automatic collections it starts: the panel's bars follow
    gc.get_count() against gc.get_threshold() at every step (check_step)."""
    record, path = recorded("gc_threshold")
    open_page(page, path)
    seen = walk_all(page, record)
    marks = [s["i"] for s in record["steps"]
             if any(e["k"] == "gc" and e["phase"] == "start" for e in s["events"])]
    assert len(marks) >= 2          # automatic collections, started by the low threshold
    thresholds = {tuple(t for _c, t in seen[i]["gens"]) for i in seen}
    assert len(thresholds) == 2     # the defaults, then the program's
    page.evaluate(f"heapsimPage.go({marks[0]}, -1)")
    page.screenshot(path=str(screenshot_dir / "collector-thresholds.png"))
    clean(page)


def test_pool_taken_again_for_another_size_class(page, screenshot_dir):
    """An emptied pool reused for another size class: the page's pool map shows the blocks
    of the size class in use, and each object's cell is its block in that pool."""
    record, path = recorded("pool_reuse")
    classes = {}
    for step in record["steps"]:
        for ev in step["events"]:
            if ev["k"] == "alloc" and ev["p"] is not None:
                classes.setdefault(ev["p"], set()).add(ev["c"])
    reused = {p for p, c in classes.items() if len(c) > 1}
    assert reused, "the program no longer makes pymalloc reuse a pool"
    i = len(record["steps"]) - 1
    st = Replay(record).state(i)
    inside = [e for e in st["objects"].values() if e.get("pool") in reused]
    assert inside
    open_page(page, path)
    page.evaluate(f"heapsimPage.go({i}, -1)")
    for e in inside[:30]:
        cell = page.evaluate(f"heapsimPage.cellOf({e['id']})")
        addr, _c, size, first, _cap = page.evaluate(f"heapsimPage.run.D.pools[{cell >> 10}]")
        assert (addr, size) == (e["pool"], e["block_size"]), e["name"]
        assert cell % 1024 == (e["block"] - first) // size
    for pool in reused:
        n = page.evaluate(f"""() => {{ const r = heapsimPage.run, used = r.pools({i});
            let n = 0; r.D.pools.forEach((p, k) => {{ if (p[0] === {pool} && used.get(k))
                n += used.get(k).reduce((a, b) => a + b, 0); }}); return n; }}""")
        assert n == len(st["pools"][pool])
    page.screenshot(path=str(screenshot_dir / "pool-reused.png"))
    clean(page)


def test_finalizer(page, screenshot_dir):
    record, path = recorded("finalizer")
    replay = Replay(record)
    open_page(page, path)
    seen = walk_all(page, record)
    # r = None: the refcount reaches 0, __del__ runs in its own frame, then the object dies.
    i = next(s["i"] for s in record["steps"] if any(
        e["k"] == "push" and e["func"].endswith(".__del__") for e in s["events"]))
    page.evaluate(f"heapsimPage.go({i}, -1)")
    texts = page.locator("#events li").all_inner_texts()
    assert any("Resource.__del__" in t and "finalizer" in t for t in texts), texts
    obj = name_target(record, i - 1, "r")
    assert replay.state(i - 1)["objects"][obj]["type"] == "Resource"
    died = next(s["i"] for s in record["steps"]
                if any(e["k"] == "death" and e["o"] == obj for e in s["events"]))
    assert died > i
    assert obj in {b["id"] for b in seen[died]["boxes"] if b["ghost"]}
    assert "closing file" in seen[died]["stdout"]
    page.screenshot(path=str(screenshot_dir / "finalizer.png"))
    clean(page)


def test_weakref_callback(page, screenshot_dir):
    record, path = recorded("weakref_cb")
    replay = Replay(record)
    open_page(page, path)
    seen = walk_all(page, record)
    i = line_step(record, 14)                # print(w() is n): w and n both alive
    w, n = name_target(record, i, "w"), name_target(record, i, "n")
    weak = [r for r in seen[i]["refs"] if r["from"] == w and r["to"] == n]
    assert weak and weak[0]["weak"] and weak[0]["dashed"] not in ("none", "")
    assert any(r.get("weak") and r["to"] == n for r in replay.state(i)["objects"][w]["refs"])
    cb = next(s["i"] for s in record["steps"]
              if any(e["k"] == "call" and e["what"] == "weakref-callback" for e in s["events"]))
    page.evaluate(f"heapsimPage.go({cb}, -1)")
    assert any("weakref callback" in t for t in page.locator("#events li").all_inner_texts())
    page.evaluate(f"heapsimPage.go({i}, -1)")
    page.screenshot(path=str(screenshot_dir / "weakref.png"))
    clean(page)


def test_deep_recursion(page, screenshot_dir):
    record, path = recorded("recursion")
    replay = Replay(record)
    open_page(page, path)
    walk_all(page, record)
    deepest = max(record["steps"], key=lambda s: s["depth"])["i"]
    page.evaluate(f"heapsimPage.go({deepest}, -1)")
    d = dom(page)
    frames = replay.state(deepest)["frames"]
    assert len(frames) > 60 and d["frames"] == [f["id"] for f in frames]
    page.screenshot(path=str(screenshot_dir / "recursion.png"))
    clean(page)


def test_long_loop(page, screenshot_dir):
    record, path = recorded("long_loop")
    n = len(record["steps"])
    assert n > 20000
    replay = Replay(record)
    open_page(page, path)
    page.keyboard.press("End")
    check_step(record, replay, dom(page), n - 1)
    page.screenshot(path=str(screenshot_dir / "long-loop-last.png"))
    page.keyboard.press("Home")
    check_step(record, replay, dom(page), 0)
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    check_step(record, replay, dom(page), 5)
    for i in list(range(0, n, n // 37)) + [n - 2, n // 2 + 1]:
        page.evaluate(f"heapsimPage.go({i}, -1)")
        check_step(record, replay, dom(page), i)
    # The slider covers every step; its last position is the last step.
    assert page.get_attribute("#slider", "max") == str(n - 1)
    page.evaluate(f"heapsimPage.go({n - 1}, -1)")
    page.keyboard.press("ArrowRight")
    assert dom(page)["step"] == n - 1
    clean(page)


@pytest.mark.parametrize("name, limits", [("bad_syntax", {}), ("bad_exception", {}),
                                          ("bad_memory", {"max_heap": 2_000_000})])
def test_bad_input(page, screenshot_dir, name, limits):
    """What happened up to the end, then the error as the run printed it (python3's text for
    a syntax error and an uncaught exception: the differential suite holds heapsim to it)."""
    record, path = recorded(name, **limits)
    assert record["stderr"]
    open_page(page, path)
    page.keyboard.press("End")
    d = dom(page)
    assert d["stderr"] == record["stderr"]
    assert d["stdout"] == record["stdout"]
    if record["steps"]:
        check_step(record, Replay(record), d, len(record["steps"]) - 1)
    page.screenshot(path=str(screenshot_dir / f"{name}.png"))
    clean(page)


def test_bad_input_matches_python3():
    import subprocess
    import sys
    for name in ("bad_syntax", "bad_exception"):
        record, _path = recorded(name)
        host = subprocess.run([sys.executable, str(PROGRAMS / f"{name}.py")],
                              capture_output=True, text=True)
        assert record["stderr"] == host.stderr
        assert record["stdout"] == host.stdout


def test_endless_loop_stops_at_the_limit(page, tmp_path, screenshot_dir):
    """``heapsim show --max-steps`` on an endless loop ends with the limit's message, and the
    page shows the run up to there and the message."""
    import os
    import subprocess
    import sys
    out = tmp_path / "endless.html"
    env = dict(os.environ, PYTHONHASHSEED="0")
    try:
        proc = subprocess.run([sys.executable, "-m", "heapsim", "show", "--max-steps", "20000",
                               str(PROGRAMS / "bad_endless.py"), "-o", str(out)],
                              capture_output=True, text=True, env=env, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail("heapsim show --max-steps 20000 did not stop an endless loop in 90 s "
                    "(the instruction limit is not checked while a recorder is attached)")
    assert proc.returncode == 3, proc.stderr
    assert "instruction limit" in proc.stderr
    open_page(page, out)
    page.keyboard.press("End")
    d = dom(page)
    assert "instruction limit of 20000" in d["stderr"] + d["status"]
    assert d["step"] > 0
    page.screenshot(path=str(screenshot_dir / "bad_endless.png"))
    clean(page)
