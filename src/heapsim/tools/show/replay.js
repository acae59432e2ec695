"use strict";
// heapsim show: the packed record (tools/show/pack.py) and the state at any step, rebuilt from
// the nearest keyframe as docs/trace-format.md "Replay" says.  No third-party code.

const BUCKET = 256;
const GEN_NAMES = ["0", "1", "2", "permanent", "untracked", "static"];

class Run {
  constructor(D) {
    this.D = D;
    this.S = D.strs;
    this.steps = D.steps;
    this.n = D.steps.length;
    this.kfSteps = D.kf.map(k => k[0]);
    this.pkfSteps = D.pkf.map(k => k[0]);
    this.K = {};
    D.events.forEach((k, n) => { this.K[k] = n; });
    this.blank = D.strs.indexOf("");
    this.cache = null;
    this.visits = new Map();
    for (const [id, v] of Object.entries(D.layout.visits)) this.visits.set(+id, v);
    // Visits by blocks of BUCKET steps, so finding the boxes of a step looks at few visits.
    this.buckets = [];
    for (const [id, v] of this.visits) {
      for (let k = 0; k < v.length; k += 4) {
        for (let b = Math.floor(v[k] / BUCKET); b <= Math.floor(v[k + 1] / BUCKET); b++) {
          (this.buckets[b] = this.buckets[b] || []).push(id);
        }
      }
    }
    this.poolBy = new Map();
    D.pools.forEach((p, n) => this.poolBy.set(p[0] + ":" + p[2], n));   // address:block size
    this.outputs();
    this.gcCounts();
  }
  obj(id) { return this.D.objs[id]; }
  // The texts written up to the end of each step.
  outputs() {
    const out = [], err = [];
    let o = "", e = "";
    this.outAt = new Array(this.n);
    this.errAt = new Array(this.n);
    for (let i = 0; i < this.n; i++) {
      for (const ev of this.steps[i][4]) {
        if (ev[0] === this.K.stdout) o += ev[1];
        else if (ev[0] === this.K.stderr) e += ev[1];
      }
      this.outAt[i] = o.length; this.errAt[i] = e.length;
    }
    this.outText = o; this.errText = e;
  }
  // Collections started up to each step, per generation; the collector's counters and
  // thresholds after each step ([count0, count1, count2, threshold0, threshold1, threshold2]).
  gcCounts() {
    this.collections = [];
    this.counters = [];
    const c = [0, 0, 0];
    const changes = this.D.gcc || [];
    let k = 0, now = [0, 0, 0, 700, 10, 10];
    for (let i = 0; i < this.n; i++) {
      for (const ev of this.steps[i][4]) {
        if (ev[0] === this.K.gc && this.S[ev[2]] === "start") c[ev[1]]++;
      }
      this.collections.push(c.slice());
      while (k < changes.length && changes[k][0] <= i) now = changes[k++].slice(1);
      this.counters.push(now);
    }
  }
  // State after step i: {frames, ent: Map id -> [id, rc, gen, size, value, refs]}.
  state(i) {
    if (this.n === 0) return {step: -1, frames: [], ent: new Map()};
    i = Math.max(0, Math.min(i, this.n - 1));
    const c = this.cache;
    if (c && c.step === i) return c;
    let k = bisect(this.kfSteps, i);
    let from = this.D.kf[k][0], frames, ent;
    if (c && c.step < i && c.step >= from) {
      from = c.step; frames = c.frames; ent = new Map(c.ent);
    } else {
      const kf = this.D.kf[k];
      frames = kf[1]; ent = new Map();
      for (const e of kf[2]) ent.set(e[0], e);
    }
    for (let s = from + 1; s <= i; s++) {
      const d = this.steps[s][5];
      if (d[0]) frames = d[0];
      for (const e of d[1]) ent.set(e[0], applyEntry(ent.get(e[0]), e));
      for (const g of d[2]) ent.delete(g);
    }
    this.cache = {step: i, frames, ent};
    return this.cache;
  }
  // Pool map after step i, then the first `upto` events of step i + 1 when upto >= 0.
  pools(i, nextStep, upto) {
    const used = new Map();
    if (this.n === 0 || !this.D.pkf.length) return used;
    const k = bisect(this.pkfSteps, Math.max(i, 0));
    const kf = this.D.pkf[k];
    for (const [p, hex] of kf[1]) used.set(p, hexBits(hex, this.D.pools[p][4]));
    const apply = ev => {
      if (ev[0] === this.K.alloc || ev[0] === this.K.free) {
        const p = Math.floor(ev[1] / 1024), b = ev[1] % 1024;
        let u = used.get(p);
        if (!u) { u = new Uint8Array(this.D.pools[p][4]); used.set(p, u); }
        u[b] = ev[0] === this.K.alloc ? 1 : 0;
      }
    };
    for (let s = kf[0] + 1; s <= i; s++) for (const ev of this.steps[s][4]) apply(ev);
    if (nextStep !== undefined && upto >= 0) {
      const evs = this.steps[nextStep][4];
      for (let j = 0; j <= upto && j < evs.length; j++) apply(evs[j]);
    }
    return used;
  }
  // The cell (pool index * 1024 + block index) of a pymalloc block of the given size, or -1
  // (a pool taken again for another size class is another pool of the map).
  cellOf(addr, size) {
    if (addr === null || addr === undefined) return -1;
    const base = Math.floor(addr / this.D.pool_size) * this.D.pool_size;
    const p = this.poolBy.get(base + ":" + size);
    if (p === undefined) return -1;
    const info = this.D.pools[p];
    const off = addr - info[3];
    if (off < 0 || off % info[2]) return -1;
    return p * 1024 + off / info[2];
  }
  // Where an object's box stands at step i: [column, row, visit end] or null.
  place(id, i) {
    const v = this.visits.get(id);
    if (!v) return null;
    for (let k = 0; k < v.length; k += 4) {
      if (v[k] <= i && i <= v[k + 1]) return [v[k + 2], v[k + 3]];
    }
    return null;
  }
  // The objects laid out at step i (the default view), ghosts included.
  shownAt(i) {
    const out = new Set();
    for (const id of this.buckets[Math.floor(i / BUCKET)] || []) {
      if (this.place(id, i)) out.add(id);
    }
    return [...out];
  }
}

function applyEntry(old, d) {
  if (!old) return d;
  const e = old.slice();
  for (let k = 1; k < 5; k++) if (d[k] !== null) e[k] = d[k];
  const r = d[5];
  if (r === null) return e;
  if (Array.isArray(r)) { e[5] = r; return e; }
  const refs = old[5].slice(0, r.n * 2);
  for (let k = 0; k < r.p.length; k += 3) {
    refs[2 * r.p[k]] = r.p[k + 1]; refs[2 * r.p[k] + 1] = r.p[k + 2];
  }
  e[5] = refs;
  return e;
}

// Index of the last item <= x in a sorted array (0 when none).
function bisect(arr, x) {
  let lo = 0, hi = arr.length - 1, ans = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] <= x) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return ans;
}

function hexBits(hex, capacity) {
  const u = new Uint8Array(capacity);
  for (let q = 0; q < hex.length; q++) {
    const nib = parseInt(hex[hex.length - 1 - q], 16);
    for (let b = 0; b < 4; b++) {
      if (nib & (1 << b) && 4 * q + b < capacity) u[4 * q + b] = 1;
    }
  }
  return u;
}

// Program objects alive but unreachable from every frame and from any reference held outside
// the recorded objects (as heapsim.record.replay.unreachable).
function unreachableIds(run, st) {
  const inbound = new Map();
  const bump = t => inbound.set(t, (inbound.get(t) || 0) + 1);
  for (const e of st.ent.values()) {
    const r = e[5];
    for (let k = 0; k < r.length; k += 2) if (r[k + 1] >= 0) bump(r[k]);
  }
  const roots = [];
  for (const f of st.frames) {
    for (let k = 1; k < f[4].length; k += 2) { roots.push(f[4][k]); bump(f[4][k]); }
    for (const t of f[5]) { roots.push(t); bump(t); }
  }
  for (const [id, e] of st.ent) if (e[1] > (inbound.get(id) || 0)) roots.push(id);
  const seen = new Set();
  while (roots.length) {
    const id = roots.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    const e = st.ent.get(id);
    if (!e) continue;
    const r = e[5];
    for (let k = 0; k < r.length; k += 2) if (r[k + 1] >= 0) roots.push(r[k]);
  }
  const out = new Set();
  for (const id of st.ent.keys()) {
    if (!seen.has(id) && !run.obj(id)[3]) out.add(id);
  }
  return out;
}

function hex(a) { return (a === null || a === undefined) ? "-" : "0x" + a.toString(16); }
