"""``heapsim explain``: the terminal view checked against the record's own facts (Replay
states) and against python3 (run at test time), never against hand-written figures."""

import io
import json
import os
import pty
import subprocess
import sys
import textwrap

import pytest

from heapsim.record.replay import Replay
from heapsim.tools.cli import main
from heapsim.tools.explain import GUTTER, explain, explain_items
from heapsim.tools.recording import record_program
from heapsim.tools.story import StoryWalker

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ALIASING = os.path.join(ROOT, "examples", "aliasing.py")


def python3(path, *args):
    env = dict(os.environ, PYTHONHASHSEED="0")
    return subprocess.run([sys.executable, path, *args], capture_output=True, text=True,
                          env=env, timeout=120)


def run_explain(path, *options):
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = main(["explain", *options, path])
    finally:
        sys.stdout, sys.stderr = old
    return code, out.getvalue(), err.getvalue()


def program_lines(text):
    """The text view without its own lines: what the program printed."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if not line.startswith(GUTTER))


def write(tmp_path, name, source):
    p = tmp_path / name
    p.write_text(textwrap.dedent(source))
    return str(p)


@pytest.fixture(scope="module")
def aliasing():
    rec, code = record_program(ALIASING)
    record = rec.record
    return record, explain_items(record), Replay(record)


def line_item(result, line):
    return next(i for i in result["items"] if i["type"] == "line" and i["line"] == line)


def facts(item, kind):
    return [p for p in item["pieces"] if p["kind"] == kind]


def source_line(record, text):
    src = record["sources"][record["program"]].splitlines()
    return next(n for n, s in enumerate(src, 1) if s.strip() == text)


def name_target(state, name):
    return next(n["to"] for n in state["frames"][0]["names"] if n["name"] == name)


def test_aliasing_line_by_line(aliasing):
    record, result, replay = aliasing
    lines = [i for i in result["items"] if i["type"] == "line"]
    # every line that ran is shown once, in order, with its source text
    ran = [(s["line"], s["i"]) for s in record["steps"][1:]]
    assert [(i["line"], i["step"]) for i in lines] == ran
    src = record["sources"][record["program"]].splitlines()
    for item in lines:
        assert item["source"] == src[item["line"] - 1].strip()

    # a = [1, 2, 3]: the list's birth, where the state puts it
    item = line_item(result, source_line(record, "a = [1, 2, 3]"))
    after = replay.state(item["step"])
    lst = after["objects"][name_target(after, "a")]
    (birth,) = facts(item, "birth")
    assert birth["object"] == lst["name"] and birth["address"] == lst["addr"]
    assert birth["block_size"] == lst["block_size"] and birth["pool"] == lst["pool"]
    assert birth["size_class"] == record["size_classes"].index(lst["block_size"])
    ev = next(e for e in record["steps"][item["step"]]["events"] if e["k"] == "birth")
    assert birth["size"] == ev["n"]
    for words in (hex(lst["addr"]), f"{lst['block_size']}-byte block", hex(lst["pool"]),
                  f"size class {birth['size_class']}", f"{ev['n']} bytes"):
        assert words in birth["text"]
    (bind,) = facts(item, "bind")
    assert bind["name"] == "a" and bind["object"] == lst["name"]

    # b = a: one more reference, the refcounts the states hold before and after
    item = line_item(result, source_line(record, "b = a"))
    before, after = replay.state(item["step"] - 1), replay.state(item["step"])
    rid = name_target(after, "b")
    assert rid == name_target(after, "a")
    (bind,) = facts(item, "bind")
    old, new = before["objects"][rid]["rc"], after["objects"][rid]["rc"]
    assert new == old + 1
    assert bind["text"].startswith(f"b → {lst['name']}")
    assert f"refcount {old} → {new}" in bind["text"] and "also named a" in bind["text"]

    # b.append(4): stack traffic only, nothing to say about refcounts; the list holds one
    # more reference, at the index the state gives, to the object the state gives
    item = line_item(result, source_line(record, "b.append(4)"))
    assert not [p for p in item["pieces"] if p["kind"] in ("refcount", "bind")]
    before, after = replay.state(item["step"] - 1), replay.state(item["step"])
    old_refs, new_refs = before["objects"][rid]["refs"], after["objects"][rid]["refs"]
    assert new_refs[:len(old_refs)] == old_refs and len(new_refs) == len(old_refs) + 1
    (contents,) = facts(item, "contents")
    target = after["objects"][new_refs[-1]["to"]]
    assert contents["object"] == lst["name"] and not contents["dropped"]
    assert contents["added"] == [{"label": new_refs[-1]["label"], "to": target["name"]}]
    assert contents["text"].startswith(
        f"{lst['name']}: {new_refs[-1]['label']} → {target['name']}")

    # x = 256; y = 256: one shared object for both names
    ix = line_item(result, source_line(record, "x = 256"))
    iy = line_item(result, source_line(record, "y = 256"))
    st = replay.state(iy["step"])
    target = st["objects"][name_target(st, "x")]
    assert name_target(st, "y") == target["id"] and target["shared"]
    assert facts(ix, "bind")[0]["object"] == facts(iy, "bind")[0]["object"] == target["name"]
    assert facts(iy, "bind")[0]["shared"] and "also named x" in facts(iy, "bind")[0]["text"]

    # del b: one reference less
    item = line_item(result, source_line(record, "del b"))
    before, after = replay.state(item["step"] - 1), replay.state(item["step"])
    (unbind,) = facts(item, "unbind")
    old, new = before["objects"][rid]["rc"], after["objects"][rid]["rc"]
    assert new == old - 1
    assert unbind["text"] == f"del b: {lst['name']} refcount {old} → {new}"


def test_aliasing_agrees_with_python3(aliasing):
    """What python3 prints about the list equals the record's state at that line."""
    record, result, replay = aliasing
    host = python3(ALIASING).stdout.splitlines()
    rc_line = source_line(record, 'print("refcount of the list:", sys.getrefcount(a))')
    size_line = source_line(record, 'print("size of the list:", sys.getsizeof(a))')
    printed_rc = int(next(s for s in host if s.startswith("refcount of")).split()[-1])
    printed_size = int(next(s for s in host if s.startswith("size of")).split()[-1])
    st = replay.state(line_item(result, rc_line)["step"] - 1)
    lst = st["objects"][name_target(st, "a")]
    assert lst["rc"] + 1 == printed_rc           # + getrefcount's own argument
    st = replay.state(line_item(result, size_line)["step"] - 1)
    assert st["objects"][name_target(st, "a")]["size"] == printed_size
    alive = {a["object"]: a for a in result["summary"]["alive"]}
    assert alive[lst["name"]]["names"] == ["a"]


def test_program_output_is_python3s(tmp_path):
    loop = write(tmp_path, "loop.py", """\
        def f(n):
            return [n] * 3
        total = 0
        for i in range(12):
            total += i * 1000
            x = f(i)
            print(i, total, end=" " if i % 5 else "\\n")
        print("done", len(x))
        """)
    for path in (ALIASING, loop):
        code, out, err = run_explain(path)
        host = python3(path)
        assert program_lines(out) == host.stdout
        assert code == host.returncode == 0
        assert err == host.stderr == ""


def test_loops_are_summed_up_and_all_shows_every_visit(tmp_path):
    n = 20
    path = write(tmp_path, "loop.py", f"""\
        items = []
        for i in range({n}):
            items.append(i * 1000)
        print(len(items))
        """)
    rec, code = record_program(path)
    record = rec.record
    body = [s for s in record["steps"] if s["line"] == 3]
    assert len(body) == n
    result = explain_items(record)
    assert len([i for i in result["items"] if i["type"] == "line" and i["line"] == 3]) == 1
    (rep,) = [i for i in result["items"] if i["type"] == "repeats" and i["line"] == 3]
    assert rep["visits"] == n - 1
    born = {}
    for s in body[1:]:
        for e in s["events"]:
            if e["k"] == "birth":
                born[e["t"]] = born.get(e["t"], 0) + 1
    assert sum(rep["born"].values()) + sum(rep["temporaries"].values()) == sum(born.values())
    assert rep["text"].startswith(f"line 3 ran {n - 1} more times")
    every = explain_items(record, show_all=True)
    assert [i["step"] for i in every["items"] if i["type"] == "line"] == \
        list(range(1, len(record["steps"])))
    assert not [i for i in every["items"] if i["type"] == "repeats"]
    code, out, _ = run_explain(path)
    assert f"line 3 ran {n - 1} more times" in out
    code, out_all, _ = run_explain(path, "--all")
    assert out_all.count("line 3: items.append(i * 1000)") == 1
    assert out_all.count("line 3 (visit ") == n - 1
    assert program_lines(out) == program_lines(out_all) == python3(path).stdout


def test_json_is_valid_and_agrees_with_the_text(tmp_path):
    code, text, _ = run_explain(ALIASING)
    jcode, doc, _ = run_explain(ALIASING, "--json")
    assert code == jcode == 0
    data = json.loads(doc)
    assert data["format"] == "heapsim-explain" and data["version"] == 1
    assert data["exit_code"] == 0 and data["error"] is None
    view = [line[len(GUTTER):].strip() for line in text.splitlines()
            if line.startswith(GUTTER)]
    said = []
    out = []
    for item in data["items"]:
        if item["type"] == "line":
            said.append(f"{item['where']}: {item['source']}")
            for p in item["pieces"]:
                if p["kind"] in ("stdout", "stderr"):
                    out.append(p["text"])
                else:
                    said.append(p["text"])
        elif item["type"] == "output":
            out.append(item["text"])
        else:
            said.append(item["text"] if item["type"] != "repeats" else "↻ " + item["text"])
    assert [v for v in view if v][:len(said)] == said
    assert "".join(out) == python3(ALIASING).stdout
    summary = data["summary"]
    assert summary["blocks"]["end"] == json.loads(json.dumps(
        record_program(ALIASING)[0].record["end"]))["allocated_blocks"]


def test_block_counts_follow_the_replay():
    path = os.path.join(ROOT, "tests", "programs", "cls_del_cycle_collect.py")
    for p in (ALIASING, path):
        record = record_program(p)[0].record
        replay = Replay(record)
        w = StoryWalker(record)
        for i in range(1, len(record["steps"])):
            w.facts(i)
            assert len(w.used) == sum(replay.block_counts(i).values()), (p, i)


def test_collection_as_python3_reports_it(tmp_path):
    path = write(tmp_path, "cycle.py", """\
        import gc
        class Node:
            def __del__(self):
                print("del", self.name)
        a = Node(); a.name = "a"
        b = Node(); b.name = "b"
        a.other = b; b.other = a
        del a, b
        print(gc.collect())
        """)
    host = python3(path)
    code, out, err = run_explain(path)
    assert program_lines(out) == host.stdout and code == host.returncode
    data = json.loads(run_explain(path, "--json")[1])
    (col,) = data["summary"]["collections"]
    assert col["collected"] == int(host.stdout.split()[-1])
    assert len(col["unreachable"]) == col["collected"]
    pieces = [p for i in data["items"] if i["type"] == "line" for p in i["pieces"]]
    assert [p["kind"] for p in pieces if p["kind"] == "finalizer"] == ["finalizer"] * 2
    assert "collection of generation 2" in out


def test_syntax_error_as_python3(tmp_path):
    path = write(tmp_path, "syn.py", "x = [1]\nprint('hi')\ndef f(:\n")
    host = python3(path)
    code, out, err = run_explain(path)
    assert code == host.returncode == 1
    assert err == host.stderr
    assert program_lines(out) == host.stdout == ""


def test_uncaught_exception_shows_the_run_then_the_traceback(tmp_path):
    path = write(tmp_path, "exc.py", """\
        a = [1, 2]
        print("before")
        def g(x):
            return x[5]
        g(a)
        """)
    host = python3(path)
    code, out, err = run_explain(path)
    assert code == host.returncode == 1
    assert err == host.stderr
    assert program_lines(out) == host.stdout
    assert "line 4 in g: return x[5]" in out and "summary" in out


def test_limits_end_the_view_with_the_message(tmp_path):
    path = write(tmp_path, "endless.py", """\
        def tick(n):
            return n + 1
        i = 0
        print("start")
        while True:
            i = tick(i)
        """)
    code, out, err = run_explain(path, "--max-steps", "3000")
    assert code == 3
    assert program_lines(out) == "start\n"
    assert "line 6: i = tick(i)" in out and "ran" in out and "summary" in out
    assert err.startswith("heapsim: instruction limit of 3000 reached")
    assert err.rstrip().endswith("raise it with --max-steps")
    code, out, err = run_explain(path, "--timeout", "0.5")
    assert code == 3 and "raise it with --timeout" in err and "summary" in out
    big = write(tmp_path, "big.py", "print('go')\nx = [0] * 10000000\n")
    code, out, err = run_explain(big, "--max-heap", "8M")
    assert code == 1 and err.splitlines()[-1] == "MemoryError"
    assert program_lines(out) == "go\n"


def test_colour_only_on_a_terminal():
    out = io.StringIO()
    explain(ALIASING, stdout=out, stderr=io.StringIO(), color=True)
    assert "\x1b[" in out.getvalue()
    out = io.StringIO()
    explain(ALIASING, stdout=out, stderr=io.StringIO())
    assert "\x1b[" not in out.getvalue()
    env = dict(os.environ, PYTHONHASHSEED="0")
    cmd = [sys.executable, "-m", "heapsim", "explain", ALIASING]
    piped = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert piped.returncode == 0 and "\x1b[" not in piped.stdout
    assert program_lines(piped.stdout) == python3(ALIASING).stdout
    for extra, coloured in (([], True), (["--no-color"], False)):
        master, slave = pty.openpty()
        p = subprocess.Popen(cmd[:4] + extra + cmd[4:], stdout=slave, stderr=slave, env=env)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        assert p.wait(timeout=300) == 0
        os.close(master)
        text = b"".join(chunks).decode()
        assert ("\x1b[" in text) == coloured
        assert "line 5: b = a" in text


def test_contents_facts_are_the_states_reference_changes(tmp_path):
    """Every ``contents`` fact lists exactly the references its object gained and lost
    between the states before and after its line, and a namespace never gets one."""
    path = write(tmp_path, "nodes.py", """\
        class Node:
            pass
        head = Node()
        tail = Node()
        head.next = tail
        items = [head, tail]
        items.pop()
        table = {"k": head}
        table["k"] = tail
        head.next = None
        """)
    rec, code = record_program(path)
    record = rec.record
    replay = Replay(record)
    result = explain_items(record, show_all=True)
    seen = []
    for item in (i for i in result["items"] if i["type"] == "line"):
        before, after = replay.state(item["step"] - 1), replay.state(item["step"])
        for fact in facts(item, "contents"):
            (rid,) = [k for k, e in after["objects"].items() if e["name"] == fact["object"]]
            pairs = {}
            for st in (before, after):
                pairs[id(st)] = {(r["label"], st["objects"][r["to"]]["name"]
                                  if r["to"] in st["objects"] else r["to"])
                                 for r in st["objects"][rid]["refs"]
                                 if r["label"] not in ("key", "")}
            gained = pairs[id(after)] - pairs[id(before)]
            lost = pairs[id(before)] - pairs[id(after)]
            assert {(a["label"], a["to"]) for a in fact["added"]} == gained
            assert {d["label"] for d in fact["dropped"]} == {label for label, _ in lost}
            assert "['__name__']" not in {label for label, _ in pairs[id(after)]}
            seen.append((item["source"], fact["object"]))
    sources = {src for src, _ in seen}
    for line in ("head.next = tail", "items.pop()", 'table["k"] = tail', "head.next = None"):
        assert line in sources, (line, seen)
