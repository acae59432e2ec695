// heapsim serve's editor: a textarea with Python-friendly keys, and Run.
(function () {
  "use strict";
  var INDENT = "    ";
  var src = document.getElementById("source");
  var runButton = document.getElementById("run");
  var statusBox = document.getElementById("status");
  var outBox = document.getElementById("out");
  var errBox = document.getElementById("err");
  var frame = document.getElementById("replay");
  var STORE = "heapsim-serve-source";

  try {
    var saved = window.localStorage.getItem(STORE);
    if (saved !== null) src.value = saved;
  } catch (e) { /* storage may be off: the default program stays */ }

  function lineStart(text, pos) { return text.lastIndexOf("\n", pos - 1) + 1; }

  // Replace the selected lines [a, b) with what fn makes of each line; keep them selected.
  function editLines(fn) {
    var text = src.value, s = src.selectionStart, e = src.selectionEnd;
    var a = lineStart(text, s);
    if (e > s && text[e - 1] === "\n") e -= 1;
    var b = text.indexOf("\n", e); if (b < 0) b = text.length;
    var lines = text.slice(a, b).split("\n").map(fn).join("\n");
    src.setRangeText(lines, a, b, "select");
  }

  function insert(text) {
    src.setRangeText(text, src.selectionStart, src.selectionEnd, "end");
  }

  src.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault(); run(); return;
    }
    if (ev.key === "Tab" && !ev.ctrlKey && !ev.altKey && !ev.metaKey) {
      ev.preventDefault();
      var multi = src.value.slice(src.selectionStart, src.selectionEnd).indexOf("\n") >= 0;
      if (ev.shiftKey) {
        editLines(function (l) { return l.replace(/^ {1,4}|^\t/, ""); });
      } else if (multi) {
        editLines(function (l) { return l ? INDENT + l : l; });
      } else {
        var col = src.selectionStart - lineStart(src.value, src.selectionStart);
        insert(INDENT.slice(col % INDENT.length));
      }
      return;
    }
    if (ev.key === "Enter" && !ev.shiftKey && !ev.altKey) {
      // keep the indentation; one more level after a line ending with ':'
      var text = src.value, pos = src.selectionStart;
      var line = text.slice(lineStart(text, pos), pos);
      var indent = line.match(/^[ \t]*/)[0];
      if (/:\s*(#.*)?$/.test(line)) indent += INDENT;
      ev.preventDefault();
      insert("\n" + indent);
      return;
    }
    if (ev.key === "Backspace" && src.selectionStart === src.selectionEnd) {
      var t = src.value, p = src.selectionStart, ls = lineStart(t, p);
      var before = t.slice(ls, p);
      if (before.length && /^ +$/.test(before)) {
        ev.preventDefault();
        var n = before.length % INDENT.length || INDENT.length;
        src.setRangeText("", p - n, p, "end");
      }
    }
  });

  src.addEventListener("input", function () {
    try { window.localStorage.setItem(STORE, src.value); } catch (e) { /* ignore */ }
  });

  function show(box, text) {
    box.textContent = text || "";
    box.hidden = !text;
  }

  function setStatus(text, bad) {
    statusBox.textContent = text;
    statusBox.className = bad ? "status bad" : "status";
  }

  function describe(r) {
    if (r.exit_code === null || r.exit_code === undefined) return "the run failed";
    var what = r.exit_code === 0 ? "finished" : "ended with exit code " + r.exit_code;
    return what + " after " + r.steps + " line step" + (r.steps === 1 ? "" : "s");
  }

  function run() {
    if (runButton.disabled) return;
    runButton.disabled = true;
    setStatus("running…", false);
    var started = Date.now();
    fetch("/run", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ source: src.value })
    }).then(function (resp) {
      return resp.json().then(function (r) { return { ok: resp.ok, r: r }; });
    }).then(function (x) {
      var r = x.r, secs = ((Date.now() - started) / 1000).toFixed(1);
      var bad = !x.ok || r.exit_code !== 0;
      setStatus((x.ok ? describe(r) : "not run") + " (" + secs + " s)", bad);
      show(outBox, r.stdout);
      var err = r.stderr || "";
      if (r.error && err.indexOf(r.error) < 0) err += (err && !/\n$/.test(err) ? "\n" : "") + r.error;
      show(errBox, err);
      if (r.page) frame.srcdoc = r.page;
      else if (x.ok) frame.srcdoc = "<p style='font:14px sans-serif;color:#a00'>No replay.</p>";
    }).catch(function (e) {
      setStatus("the server did not answer: " + e, true);
    }).then(function () {
      runButton.disabled = false;
    });
  }

  runButton.addEventListener("click", run);
})();
