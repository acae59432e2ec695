"use strict";
// heapsim show: the page's panels, the caption, navigation and object selection.

const UI = {run: null, i: 0, j: -1, mode: "line", all: false, selected: null, geo: null};
const $ = id => document.getElementById(id);

// The view at position (i, j): after step i (j = -1), or during step i after its event j.
function buildView(run, i, j) {
  const S = run.S, K = run.K;
  const during = j >= 0;
  const st = run.state(i);
  const before = during ? (i > 0 ? run.state(i - 1) : st) : st;
  const ent = during ? new Map(before.ent) : st.ent;
  const v = {layoutStep: i, frames: before.frames, ent, all: UI.all, selected: UI.selected,
             rc: new Map(), gcRefs: new Map(), gcUnreachable: new Set(), born: new Set(),
             eventCell: -1, selectedCell: -1, gcPhase: null};
  const evs = run.n ? run.steps[i][4] : [];
  const last = during ? j : evs.length - 1;
  let gcOn = false;
  for (let k = 0; k <= last; k++) {
    const ev = evs[k];
    if (ev[0] === K.birth) {
      v.born.add(ev[1]);
      if (during && st.ent.has(ev[1])) ent.set(ev[1], st.ent.get(ev[1]));
    } else if (ev[0] === K.death && during) {
      ent.delete(ev[1]);
    } else if (ev[0] === K.rc && during) {
      v.rc.set(ev[1], ev[3]);
    } else if (ev[0] === K.gc) {
      const phase = S[ev[2]];
      v.gcPhase = [ev[1], phase, ev[3]];
      if (phase === "start") { gcOn = true; v.gcRefs.clear(); v.gcUnreachable.clear(); }
      if (phase === "subtract_refs") for (let q = 0; q < ev[3].length; q += 2) v.gcRefs.set(ev[3][q], ev[3][q + 1]);
      if (phase === "unreachable") ev[3].forEach(o => v.gcUnreachable.add(o));
      if (phase === "stop") gcOn = false;
    }
  }
  if (!gcOn && !during) v.gcRefs.clear();
  if (!during) v.gcPhase = v.gcPhase && v.gcPhase[1] === "stop" ? v.gcPhase : v.gcPhase;
  // Which boxes: the layout's (default) or every object alive (all).
  let shown = run.shownAt(i);
  if (during) shown = shown.filter(id => ent.has(id) || !st.ent.has(id) || !v.born.has(id) ? true : false);
  if (UI.all) {
    const set = new Set(shown);
    for (const id of ent.keys()) set.add(id);
    shown = [...set];
  }
  if (during) shown = shown.filter(id => ent.has(id) || run.obj(id)[8] === i && !bornLater(run, i, j, id));
  v.shown = shown;
  v.unreachable = unreachableIds(run, {frames: v.frames, ent});
  // The pool map and who owns each cell.
  v.pools = during ? run.pools(i - 1, i, j) : run.pools(i);
  v.owners = new Map();
  for (const id of ent.keys()) {
    const o = run.obj(id);
    const c = run.cellOf(o[4], o[5]);
    if (c >= 0) v.owners.set(c, id);
  }
  const cur = during ? [evs[j]] : evs.slice().reverse();
  for (const ev of cur) {
    if (!ev) break;
    const c = eventCell(run, ev);
    if (c >= 0) { v.eventCell = c; break; }
  }
  if (UI.selected !== null) v.selectedCell = run.cellOf(run.obj(UI.selected)[4], run.obj(UI.selected)[5]);
  return v;
}

function bornLater(run, i, j, id) {
  const evs = run.steps[i][4];
  for (let k = j + 1; k < evs.length; k++) if (evs[k][0] === run.K.birth && evs[k][1] === id) return true;
  return false;
}

function eventCell(run, ev) {
  const K = run.K;
  if (ev[0] === K.alloc || ev[0] === K.free) return ev[1];
  if (ev[0] === K.birth || ev[0] === K.death) { const o = run.obj(ev[1]); return run.cellOf(o[4], o[5]); }
  return -1;
}

// One sentence for an event.
function sentence(run, ev) {
  const S = run.S, K = run.K, D = run.D;
  const nm = id => (run.obj(id) ? run.obj(id)[0] : "#" + id);
  const cellText = c => {
    const p = D.pools[Math.floor(c / 1024)];
    return `a ${p[2]}-byte block of pool ${hex(p[0])} (size class ${p[1]})`;
  };
  switch (ev[0]) {
    case K.alloc: return `${ev[2]} bytes allocated: ${cellText(ev[1])}.`;
    case K.raw_alloc: return `${ev[2]} bytes allocated by the raw allocator at ${hex(ev[1])}.`;
    case K.free: return `block freed: ${cellText(ev[1])}.`;
    case K.raw_free: return `raw block at ${hex(ev[1])} freed.`;
    case K.birth: {
      const o = run.obj(ev[1]);
      const where = o[4] !== null && o[5] ? `${o[5]}-byte block${o[6] ? " of pool " + hex(o[6]) : ""}` : "a raw block";
      return `${o[0]} born at ${hex(o[2])} in a ${where}${ev[2] ? " (reused: a free list or kept shell)" : ""}.`;
    }
    case K.death: return `${nm(ev[1])} freed: its refcount reached 0${ev[2] ? " (its block kept on a free list)" : ""}.`;
    case K.rc: {
      const why = S[ev[4]];
      return `${nm(ev[1])}: refcount ${ev[2]} → ${ev[3]}${why ? " (" + why + ")" : ""}.`;
    }
    case K.gc: {
      const ph = S[ev[2]], g = ev[1], d = ev[3];
      if (ph === "start") return `collection of generation ${g} starts.`;
      if (ph === "subtract_refs") return `subtract_refs: gc_refs of ${d.length / 2} examined objects ` +
        `(references from outside the generation).`;
      if (ph === "unreachable") return `${d.length} unreachable${d.length ? ": " + d.map(nm).join(", ") : ""}.`;
      if (ph === "promote") return `${d} survivors promoted to generation ${Math.min(g + 1, 2)}.`;
      if (ph === "delete") return `clearing ${d.length} unreachable objects${d.length ? ": " + d.map(nm).join(", ") : ""}.`;
      if (ph === "stop") return `collection of generation ${g} done: ${d[0]} collected, ${d[1]} uncollectable.`;
      return `collector: ${ph}.`;
    }
    case K.call: return `${S[ev[1]] === "__del__" ? "__del__ of " + nm(ev[2]) : "weakref callback for " + nm(ev[2])} runs.`;
    case K.push: return S[ev[2]].endsWith(".__del__") ? `finalizer ${S[ev[2]]} runs: its frame is pushed.`
      : `frame of ${S[ev[2]]} pushed.`;
    case K.pop: return `frame popped.`;
    case K.stdout: return `prints ${JSON.stringify(ev[1])}.`;
    case K.stderr: return `writes to stderr.`;
  }
  return "";
}

const PRIORITY = ["gc", "call", "death", "birth", "rc", "push", "pop", "stdout", "alloc", "free"];

function caption(run, i, j) {
  if (!run.n) return "The program did not run.";
  const st = run.steps[i];
  const where = st[1] === null ? "Start-up" : `Line ${st[1]} (${run.S[st[2]]})`;
  const evs = st[4];
  if (j >= 0) return `${where}, event ${j + 1} of ${evs.length}: ${sentence(run, evs[j])}`;
  if (!evs.length) return `${where} ran: no memory event.`;
  for (const kind of PRIORITY) {
    const K = run.K[kind];
    const hits = evs.filter(e => e[0] === K);
    if (!hits.length) continue;
    let ev = hits[hits.length - 1];
    if (kind === "gc") ev = hits.find(e => run.S[e[2]] === "stop") || ev;
    if (kind === "rc") ev = hits.find(e => run.S[e[4]].startsWith("STORE")) || ev;
    const more = evs.length > 1 ? ` (${evs.length} events)` : "";
    return `${where} ran${more}: ${sentence(run, ev)}`;
  }
  return `${where} ran.`;
}

function renderCode(run, i) {
  const D = run.D;
  const st = run.n ? run.steps[i] : null;
  let file = st && st[0] >= 0 ? st[0] : 0;
  const next = run.n && i + 1 < run.n ? run.steps[i + 1] : null;
  const src = D.sources[file];
  if (src === undefined) { $("code").innerHTML = ""; return; }
  const lines = src.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const ran = st && st[0] === file ? st[1] : null;
  const nxt = next && next[0] === file ? next[1] : null;
  $("codefile").textContent = D.files[file] || "";
  $("code").innerHTML = lines.map((t, n) => {
    const no = n + 1;
    const cls = [no === ran ? "ran" : "", no === nxt ? "next" : ""].join(" ").trim();
    const mark = (no === ran ? "→" : " ") + (no === nxt ? "▸" : " ");
    return `<div class="ln ${cls}" data-line="${no}"><span class="no">${no}</span><span class="mk">${mark}</span>${esc(t) || " "}</div>`;
  }).join("");
  const el = $("code").querySelector(".ran") || $("code").querySelector(".next");
  if (el) {
    const box = $("code");
    if (el.offsetTop < box.scrollTop || el.offsetTop > box.scrollTop + box.clientHeight - 20) box.scrollTop = el.offsetTop - 40;
  }
}

function renderOutput(run, i, j) {
  const end = !run.n || (i === run.n - 1 && j < 0);
  let out = run.n ? run.outText.slice(0, run.outAt[i]) : run.D.stdout;
  let err = run.n ? run.errText.slice(0, run.errAt[i]) : "";
  if (j >= 0) {
    // During step i: what was written before it, then its events up to j.
    out = i > 0 ? run.outText.slice(0, run.outAt[i - 1]) : "";
    err = i > 0 ? run.errText.slice(0, run.errAt[i - 1]) : "";
    run.steps[i][4].slice(0, j + 1).forEach(ev => {
      if (ev[0] === run.K.stdout) out += ev[1]; else if (ev[0] === run.K.stderr) err += ev[1];
    });
  }
  if (end) { out = run.D.stdout || out; err = run.D.stderr || err; }
  $("stdout").textContent = out;
  $("stderr").textContent = err;
  $("stderr").style.display = err ? "" : "none";
  $("stdout").scrollTop = $("stdout").scrollHeight;
}

function renderCollector(run, i, v) {
  const c = run.n ? run.collections[i] : [0, 0, 0];
  const counts = [0, 0, 0];
  for (const e of v.ent.values()) if (e[2] <= 2 && !run.obj(e[0])[3]) counts[e[2]]++;
  const gcc = run.n ? run.counters[i] : [0, 0, 0, 700, 10, 10];
  let h = "";
  for (let g = 0; g < 3; g++) {
    const th = gcc[3 + g];
    const pct = th > 0 ? Math.min(100, 100 * gcc[g] / th) : 0;
    h += `<div class="gen" data-gen="${g}" data-count="${gcc[g]}" data-threshold="${th}">` +
      `<span class="gl">gen ${g}</span>` +
      `<span class="bar"><span style="width:${pct}%;background:${GEN_FILL[g]}"></span></span>` +
      `<span class="gc">count ${gcc[g]} / ${th} · ${counts[g]} program objects · ` +
      `${c[g]} collections</span></div>`;
  }
  h += `<div class="note">Bars: gc.get_count() against gc.get_threshold(): generation 0 counts ` +
    `container allocations less deallocations, generations 1 and 2 the collections of the ` +
    `generation below; a count past its threshold starts a collection.</div>`;
  if (v.gcPhase) {
    const [g, ph] = v.gcPhase;
    h += `<div class="phase" data-phase="${ph}">collection of generation ${g}: <b>${ph}</b>` +
      (v.gcUnreachable.size ? ` · unreachable: ${[...v.gcUnreachable].map(o => run.obj(o)[0]).join(", ")}` : "") + `</div>`;
  }
  $("collector").innerHTML = h;
}

function renderEvents(run, i, j) {
  const evs = run.n ? run.steps[i][4] : [];
  const max = 300;
  const items = evs.slice(0, max).map((ev, k) =>
    `<li data-k="${k}" class="ev ${run.D.events[ev[0]]}${k === j ? " cur" : ""}">${esc(sentence(run, ev))}</li>`);
  if (evs.length > max) items.push(`<li>… ${evs.length - max} more events</li>`);
  $("events").innerHTML = items.join("");
}

function renderSelected(run) {
  const box = $("selected");
  const id = UI.selected;
  if (id === null) { box.innerHTML = "<i>Click a box or a pool cell to select an object.</i>"; return; }
  const o = run.obj(id);
  const hist = [];
  for (let s = 0; s < run.n && hist.length < 400; s++) {
    for (const ev of run.steps[s][4]) {
      if (ev[0] === run.K.rc && ev[1] === id) hist.push([s, ev[2], ev[3], run.S[ev[4]]]);
    }
  }
  const cell = run.cellOf(o[4], o[5]);
  box.innerHTML = `<div><b>${esc(o[0])}</b> (${esc(o[1])}) at ${hex(o[2])}${o[3] ? " · shared" : ""}</div>` +
    `<div>block ${hex(o[4])} · ${o[5] || "-"} bytes · pool ${hex(o[6])}${cell >= 0 ? ` · cell ${cell % 1024}` : ""}</div>` +
    `<div>born at step ${o[7] >= 0 ? o[7] : "start-up"} · ${o[8] >= 0 ? "died at step " + o[8] : "alive at the end"}</div>` +
    `<div><button id="gobirth" ${o[7] >= 0 ? "" : "disabled"}>go to birth</button> ` +
    `<button id="godeath" ${o[8] >= 0 ? "" : "disabled"}>go to death</button> <button id="unsel">clear</button></div>` +
    `<div class="hist"><b>refcount history</b> (${hist.length}${hist.length >= 400 ? "+" : ""})<ol id="rchist">` +
    hist.map(h => `<li data-step="${h[0]}">step ${h[0]}: ${h[1]} → ${h[2]} ${esc(h[3])}</li>`).join("") + "</ol></div>";
  $("gobirth").onclick = () => { goEvent(o[7], run.steps[o[7]][4].findIndex(e => e[0] === run.K.birth && e[1] === id)); };
  $("godeath").onclick = () => { goEvent(o[8], run.steps[o[8]][4].findIndex(e => e[0] === run.K.death && e[1] === id)); };
  $("unsel").onclick = () => select(null);
  box.querySelectorAll("#rchist li").forEach(li => li.onclick = () => go(+li.dataset.step, -1));
}

function render() {
  const run = UI.run, i = UI.i, j = UI.j;
  const t0 = performance.now();
  const v = buildView(run, i, j);
  $("memory").innerHTML = drawMemory(run, v);
  UI.geo = drawPools(run, $("pools"), v);
  renderCode(run, i);
  renderOutput(run, i, j);
  renderCollector(run, i, v);
  renderEvents(run, i, j);
  $("caption").textContent = caption(run, i, j);
  $("slider").value = i;
  $("stepno").textContent = run.n ? `step ${i} of ${run.n - 1}` + (j >= 0 ? `, event ${j + 1}/${run.steps[i][4].length}` : "") : "no steps";
  document.body.dataset.step = i;
  document.body.dataset.event = j;
  UI.lastRender = performance.now() - t0;
}

function go(i, j) {
  const run = UI.run;
  UI.i = Math.max(0, Math.min(i, run.n - 1));
  UI.j = j === undefined ? -1 : j;
  render();
}

function goEvent(i, j) { UI.mode = "event"; $("mode").value = "event"; go(i, j); }

function select(id) { UI.selected = id; render(); renderSelected(UI.run); }

function step(dir) {
  const run = UI.run;
  let i = UI.i, j = UI.j;
  if (UI.mode === "line") return go(i + dir, -1);
  // By memory event: every event of every step, then the step's end.
  const nev = k => run.steps[k][4].length;
  if (dir > 0) {
    if (j >= 0 && j + 1 < nev(i)) return go(i, j + 1);
    if (j >= 0) return go(i, -1);
    if (i + 1 < run.n) return go(i + 1, nev(i + 1) ? 0 : -1);
    return;
  }
  if (j > 0) return go(i, j - 1);
  if (j === 0) return go(i - 1 >= 0 ? i - 1 : 0, -1);
  if (nev(i)) return go(i, nev(i) - 1);
  go(i - 1, -1);
}

function init(D) {
  const run = UI.run = new Run(D);
  $("slider").max = Math.max(0, run.n - 1);
  const marks = $("marks");
  marks.innerHTML = D.gc_steps.map(s => `<span class="mark" data-step="${s}" title="collection at step ${s}" ` +
    `style="left:${run.n > 1 ? 100 * s / (run.n - 1) : 0}%"></span>`).join("");
  marks.querySelectorAll(".mark").forEach(m => m.onclick = () => go(+m.dataset.step, -1));
  $("slider").oninput = e => go(+e.target.value, -1);
  $("first").onclick = () => go(0, -1);
  $("last").onclick = () => go(run.n - 1, -1);
  $("prev").onclick = () => step(-1);
  $("next").onclick = () => step(1);
  $("mode").onchange = e => { UI.mode = e.target.value; if (UI.mode === "line") go(UI.i, -1); };
  $("all").onchange = e => { UI.all = e.target.checked; render(); };
  document.addEventListener("keydown", e => {
    if (e.target.tagName === "INPUT" && e.target.type !== "range" && e.target.type !== "checkbox") return;
    if (e.key === "ArrowRight") { step(1); e.preventDefault(); }
    else if (e.key === "ArrowLeft") { step(-1); e.preventDefault(); }
    else if (e.key === "Home") { go(0, -1); e.preventDefault(); }
    else if (e.key === "End") { go(run.n - 1, -1); e.preventDefault(); }
  });
  $("memory").addEventListener("click", e => {
    const g = e.target.closest(".obj");
    const slot = e.target.closest(".slot");
    if (g) select(+g.dataset.id);
    else if (slot) select(+slot.dataset.to);
  });
  $("events").addEventListener("click", e => {
    const li = e.target.closest("li[data-k]");
    if (li) goEvent(UI.i, +li.dataset.k);
  });
  $("pools").addEventListener("click", e => {
    const r = $("pools").getBoundingClientRect();
    const x = e.clientX - r.left, y = e.clientY - r.top;
    const cell = cellAtPoint(x, y);
    if (cell >= 0) {
      const v = buildView(run, UI.i, UI.j);
      if (v.owners.has(cell)) select(v.owners.get(cell));
    }
  });
  $("status").textContent = D.error ? D.error : (D.exit_code ? `exit code ${D.exit_code}` : "");
  go(run.n ? 0 : 0, -1);
  renderSelected(run);
  if (!run.n) { renderOutput(run, 0, -1); }
  document.body.dataset.ready = "1";
}

function cellAtPoint(x, y) {
  const cs = G.cell + G.cellGap;
  for (const [cell, [cx, cy]] of UI.geo.cells) {
    if (x >= cx && x < cx + cs && y >= cy && y < cy + cs) return cell;
  }
  return -1;
}

// For tests and scripts: the page's state and a way to move.
window.heapsimPage = {
  get run() { return UI.run; },
  go, step, select, goEvent,
  position: () => [UI.i, UI.j],
  seek: i => { const t = performance.now(); go(i, -1); return performance.now() - t; },
  cellPoint: cell => UI.geo.cells.get(cell) || null,
  cellOf: id => UI.run.cellOf(UI.run.obj(id)[4], UI.run.obj(id)[5]),
  setAll: on => { UI.all = on; $("all").checked = on; render(); },
};

async function boot() {
  try {
    const el = $("data");
    const bin = Uint8Array.from(atob(el.textContent.trim()), c => c.charCodeAt(0));
    const stream = new Blob([bin]).stream().pipeThrough(new DecompressionStream("gzip"));
    const text = await new Response(stream).text();
    init(JSON.parse(text));
  } catch (err) {
    $("caption").textContent = "This page could not read its record: " + err;
    throw err;
  }
}
boot();
