"use strict";
// heapsim show: drawing the stack and the heap (SVG) and the allocator's pool map (canvas).

const G = {stackW: 230, x0: 270, colW: 210, boxW: 168, boxH: 58, rowH: 74, top: 8,
           slotH: 18, frameHead: 22, cell: 5, cellGap: 1};
const GEN_FILL = ["#d8f0d8", "#fff0b0", "#ffd5ad", "#e4ccff", "#f1f1f1", "#d4e6ff"];
const SVGNS = "http://www.w3.org/2000/svg";

function esc(t) {
  return String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function typeColour(type) {
  let h = 0;
  for (let k = 0; k < type.length; k++) h = (h * 31 + type.charCodeAt(k)) % 360;
  return `hsl(${h},62%,52%)`;
}

// The SVG of the stack and the heap for one view (ui.js builds the view).
function drawMemory(run, v) {
  const S = run.S, parts = [], boxes = new Map();
  let maxY = 0, maxX = G.x0 + 4 * G.colW;
  // Boxes first (their positions are needed for the arrows).
  let extraRow = 0;
  for (const id of v.shown) {
    let pl = run.place(id, v.layoutStep);
    if (!pl) pl = [4, extraRow++];
    const x = G.x0 + pl[0] * G.colW, y = G.top + pl[1] * G.rowH;
    boxes.set(id, [x, y]);
    maxY = Math.max(maxY, y + G.rowH);
    maxX = Math.max(maxX, x + G.colW);
  }
  // Frames, outermost at the top.
  let fy = G.top;
  const arrows = [];
  v.frames.forEach((f, n) => {
    const names = f[4], stack = f[5];
    const h = G.frameHead + G.slotH * (names.length / 2 + stack.length) + 6;
    const top = n === v.frames.length - 1;
    parts.push(`<g class="frame${top ? " top" : ""}" data-frame="${f[0]}" data-func="${esc(S[f[1]])}">` +
      `<rect x="4" y="${fy}" width="${G.stackW - 14}" height="${h}" rx="4"/>` +
      `<text class="fhead" x="10" y="${fy + 15}">${esc(S[f[1]])}  line ${f[3]}</text>`);
    let sy = fy + G.frameHead;
    const slot = (label, to, cls) => {
      const e = v.ent.get(to), o = run.obj(to);
      const val = o ? (o[3] || !boxes.has(to) ? shortValue(o, e) : "") : "?";
      parts.push(`<g class="slot ${cls}" data-name="${esc(label)}" data-to="${to}">` +
        `<text x="12" y="${sy + 13}">${esc(label)}</text>` +
        `<text class="sval" x="${G.stackW - 24}" y="${sy + 13}" text-anchor="end">${esc(val)}</text></g>`);
      if (boxes.has(to)) arrows.push([G.stackW - 16, sy + 9, to, "slot", label]);
      sy += G.slotH;
    };
    for (let k = 0; k < names.length; k += 2) slot(S[names[k]], names[k + 1], "name");
    stack.forEach((t, k) => slot(`stack[${k}]`, t, "stack"));
    parts.push("</g>");
    fy += h + 8;
  });
  maxY = Math.max(maxY, fy);
  // References between shown boxes.
  for (const [id, [x, y]] of boxes) {
    const e = v.ent.get(id);
    if (!e) continue;
    const r = e[5];
    const seen = new Set();
    for (let k = 0; k < r.length; k += 2) {
      const to = r[k], lab = r[k + 1];
      const weak = lab < 0, text = S[weak ? -lab - 1 : lab];
      if (!v.all && text === "") continue;
      if (!boxes.has(to) || seen.has(to + "/" + text)) continue;
      seen.add(to + "/" + text);
      arrows.push([x + G.boxW, y + 14 + (k / 2 % 5) * 8, to, weak ? "weak" : "strong", text, id]);
    }
  }
  const lines = [];
  for (const [sx, sy, to, kind, label, from] of arrows) {
    const [tx, ty0] = boxes.get(to), ty = ty0 + G.boxH / 2;
    let d;
    if (from === to) {
      d = `M${sx},${sy} C${sx + 40},${sy - 30} ${tx + 40},${ty0 - 30} ${tx + G.boxW - 20},${ty0}`;
    } else if (kind !== "slot" && Math.abs(tx + G.boxW - sx) < 4) {
      // Same column: around the right-hand side.
      const tr = tx + G.boxW, ry = ty0 + G.boxH / 2 + 6;
      d = `M${sx},${sy} C${sx + 45},${sy} ${tr + 45},${ry} ${tr},${ry}`;
    } else if (tx > sx) {
      const c = Math.max(30, (tx - sx) / 2);
      d = `M${sx},${sy} C${sx + c},${sy} ${tx - c},${ty} ${tx},${ty}`;
    } else {
      d = `M${sx},${sy} C${sx + 70},${sy + 40} ${tx - 70},${ty + 40} ${tx},${ty}`;
    }
    const fromAttr = from === undefined ? "" : ` data-from="${from}"`;
    const sel = v.selected !== null && (v.selected === to || v.selected === from) ? " sel" : "";
    lines.push(`<path class="ref ${kind}${sel}"${fromAttr} data-to="${to}" data-label="${esc(label)}" ` +
      `d="${d}" marker-end="url(#arr)"><title>${esc(label)}</title></path>`);
  }
  // The boxes themselves.
  const bx = [];
  for (const [id, [x, y]] of boxes) bx.push(drawBox(run, v, id, x, y));
  const svg = `<svg xmlns="${SVGNS}" id="mem" width="${maxX}" height="${maxY + 20}">` +
    `<defs><marker id="arr" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
    `<path d="M0,0 L10,5 L0,10 z" fill="#445"/></marker></defs>` +
    parts.join("") + lines.join("") + bx.join("") + "</svg>";
  return svg;
}

function shortValue(o, e) {
  const val = e ? e[4] : "";
  return val === "" ? o[1] : (val.length > 18 ? val.slice(0, 17) + "…" : val);
}

function drawBox(run, v, id, x, y) {
  const o = run.obj(id), e = v.ent.get(id);
  const ghost = !e;
  const rc = v.rc.has(id) ? v.rc.get(id) : (e ? e[1] : 0);
  const gen = e ? e[2] : 4;
  const cls = ["obj"];
  if (ghost) cls.push("ghost");
  if (o[3]) cls.push("shared");
  if (v.unreachable.has(id)) cls.push("unreachable");
  if (v.gcUnreachable.has(id)) cls.push("gcset");
  if (v.selected === id) cls.push("selected");
  if (v.born.has(id)) cls.push("new");
  const size = e ? e[3] : "";
  const value = e ? e[4] : "";
  const title = `${o[0]} (${o[1]}) at ${hex(o[2])}` + (o[4] !== null ? `\nblock ${hex(o[4])} ` +
    `(${o[5]} bytes) in pool ${hex(o[6])}` : "\nnot in a pymalloc block") +
    (o[3] ? "\nshared: a start-up or static object" : "");
  const rcText = String(rc);
  const bw = 10 + 7 * rcText.length;
  let s = `<g class="${cls.join(" ")}" data-id="${id}" data-name="${esc(o[0])}" data-type="${esc(o[1])}" ` +
    `data-rc="${ghost ? "" : rc}" data-gen="${ghost ? "freed" : GEN_NAMES[gen]}" data-addr="${o[2]}"` +
    `${v.unreachable.has(id) ? ' data-unreachable="1"' : ""}${o[3] ? ' data-shared="1"' : ""}` +
    `${ghost ? ' data-ghost="1"' : ""}${v.gcRefs.has(id) ? ` data-gcrefs="${v.gcRefs.get(id)}"` : ""}>` +
    `<title>${esc(title)}</title>` +
    `<rect class="box" x="${x}" y="${y}" width="${G.boxW}" height="${G.boxH}" rx="6" ` +
    `fill="${ghost ? "#fff" : GEN_FILL[gen]}"/>` +
    `<text class="oname" x="${x + 7}" y="${y + 15}">${esc(o[0])}${o[3] ? " · shared" : ""}</text>` +
    `<text class="oval" x="${x + 7}" y="${y + 32}">${esc(ghost ? "freed" : trim(value || o[1], 24))}</text>` +
    `<text class="osize" x="${x + 7}" y="${y + 49}">${ghost ? "" : esc(sizeText(o, size))}</text>`;
  if (!ghost) {
    s += `<g class="rcbadge"><rect x="${x + G.boxW - bw - 4}" y="${y - 8}" width="${bw}" height="17" rx="8"/>` +
      `<text x="${x + G.boxW - 4 - bw / 2}" y="${y + 4}" text-anchor="middle">${rcText}</text></g>`;
  }
  if (v.gcRefs.has(id)) {
    s += `<text class="gcrefs" x="${x + G.boxW - 6}" y="${y + G.boxH + 12}" text-anchor="end">gc_refs ${v.gcRefs.get(id)}</text>`;
  }
  if (v.unreachable.has(id) && !ghost) {
    s += `<text class="unr" x="${x + 7}" y="${y + G.boxH + 12}">unreachable</text>`;
  }
  return s + "</g>";
}

function trim(t, n) { return t.length > n ? t.slice(0, n - 1) + "…" : t; }

function sizeText(o, size) {
  if (o[4] === null) return `${size} B · gen ${""}`.replace(" · gen ", "") + (o[3] ? " · static" : " · raw");
  return `${size} B · ${o[5]} B block`;
}

// ---------------------------------------------------------------------------------------
// The pool map: a row per size class in use, each pool a grid of cells (one per block),
// arenas as a bar above.  Returns the geometry: cell -> [x, y] for clicks and tests.
function drawPools(run, canvas, v) {
  const D = run.D, ctx = canvas.getContext("2d");
  const used = v.pools, owners = v.owners;
  const inUse = [...used.keys()].filter(p => used.get(p).some(b => b)).sort((a, b) => a - b);
  const byClass = new Map();
  for (const p of inUse) {
    const c = D.pools[p][1];
    if (!byClass.has(c)) byClass.set(c, []);
    byClass.get(c).push(p);
  }
  const W = Math.max(300, canvas.parentElement.clientWidth - 8);
  const cs = G.cell + G.cellGap;
  const geo = {cells: new Map(), pools: new Map(), arenas: []};
  // Arenas: pools grouped by address (a new arena when a pool lies past ARENA_SIZE).
  const arenas = [];
  for (const p of inUse) {
    const a = D.pools[p][0];
    const last = arenas[arenas.length - 1];
    if (last && a - last.base < D.arena_size) last.pools.push(p);
    else arenas.push({base: a, pools: [p]});
  }
  const perArena = D.arena_size / D.pool_size;
  let y = 4;
  const ops = [];
  const barH = 8, slotW = Math.max(2, Math.min(6, Math.floor((W - 80) / perArena)));
  for (const ar of arenas) {
    ops.push(["text", `arena ~${hex(ar.base)}`, 0, y + 8]);
    ops.push(["rect", 80, y, slotW * perArena, barH, "#eee"]);
    for (const p of ar.pools) {
      const k = Math.min(perArena - 1, Math.floor((D.pools[p][0] - ar.base) / D.pool_size));
      ops.push(["rect", 80 + k * slotW, y, slotW - 1, barH, "#6a7"]);
    }
    geo.arenas.push(ar);
    y += barH + 4;
  }
  y += 6;
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  for (const c of classes) {
    ops.push(["text", `class ${c} · ${D.size_classes[c]} B`, 0, y + 10]);
    y += 14;
    let x = 0, rowH = 0;
    for (const p of byClass.get(c)) {
      const cap = D.pools[p][4], cols = Math.ceil(Math.sqrt(cap));
      const w = cols * cs, h = Math.ceil(cap / cols) * cs;
      if (x + w > W && x > 0) { x = 0; y += rowH + 6; rowH = 0; }
      geo.pools.set(p, [x, y, w, h]);
      ops.push(["rect", x - 1, y - 1, w + 1, h + 1, "#bbb"]);
      const u = used.get(p);
      for (let b = 0; b < cap; b++) {
        const cx = x + (b % cols) * cs, cy = y + Math.floor(b / cols) * cs;
        const cell = p * 1024 + b;
        geo.cells.set(cell, [cx, cy]);
        let col = "#ffffff";
        if (u[b]) {
          const ow = owners.get(cell);
          col = ow !== undefined ? typeColour(run.obj(ow)[1]) : "#9a9a9a";
        }
        ops.push(["rect", cx, cy, G.cell, G.cell, col]);
      }
      x += w + 8; rowH = Math.max(rowH, h);
    }
    y += rowH + 8;
  }
  canvas.width = W; canvas.height = y + 4;
  ctx.font = "10px sans-serif";
  for (const op of ops) {
    if (op[0] === "rect") { ctx.fillStyle = op[5]; ctx.fillRect(op[1], op[2], op[3], op[4]); }
    else { ctx.fillStyle = "#333"; ctx.fillText(op[1], op[2], op[3]); }
  }
  const ring = (cell, colour) => {
    const g = geo.cells.get(cell);
    if (!g) return;
    ctx.strokeStyle = colour; ctx.lineWidth = 2;
    ctx.strokeRect(g[0] - 1.5, g[1] - 1.5, G.cell + 3, G.cell + 3);
  };
  if (v.eventCell >= 0) ring(v.eventCell, "#e00");
  if (v.selectedCell >= 0) ring(v.selectedCell, "#06f");
  return geo;
}
