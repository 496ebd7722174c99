// Draws the bench results as one SVG: four panels of horizontal bars (startup ratios, one abort,
// bulk rates on a log scale, peak memory), each with its target marked. Plain SVG text, no library.

const W = 960;
const LABEL_W = 300;
const BAR_H = 22;
const GAP = 8;
const PLOT_W = W - LABEL_W - 150;
const COLORS = { s3abort: '#2b6cb0', base: '#a0aec0', other: '#dd6b20', miss: '#c53030' };

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One panel; returns [svg text, height]. */
function panel(top, { title, subtitle, bars, scale = 'linear', max, lines = [] }) {
  const parts = [];
  const lo = scale === 'log' ? Math.max(1, Math.min(...bars.map((b) => b.value).filter((v) => v > 0)) / 2) : 0;
  const hi = max ?? Math.max(...bars.map((b) => b.value), ...lines.map((l) => l.value)) * 1.15;
  const x = (v) => {
    if (scale === 'log') return LABEL_W + (PLOT_W * (Math.log10(Math.max(v, lo)) - Math.log10(lo))) / (Math.log10(hi) - Math.log10(lo));
    return LABEL_W + (PLOT_W * v) / hi;
  };
  parts.push(`<text x="16" y="${top + 20}" class="title">${esc(title)}</text>`);
  if (subtitle) parts.push(`<text x="16" y="${top + 38}" class="sub">${esc(subtitle)}</text>`);
  const y0 = top + 52;
  bars.forEach((b, i) => {
    const y = y0 + i * (BAR_H + GAP);
    const w = Math.max(1, x(b.value) - LABEL_W);
    parts.push(`<text x="${LABEL_W - 10}" y="${y + 15}" class="label" text-anchor="end">${esc(b.label)}</text>`);
    parts.push(`<rect x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${b.color}" rx="2"/>`);
    parts.push(`<text x="${(LABEL_W + w + 6).toFixed(1)}" y="${y + 15}" class="value">${esc(b.text)}</text>`);
    if (b.target !== undefined) {
      const tx = x(b.target);
      parts.push(`<line x1="${tx.toFixed(1)}" x2="${tx.toFixed(1)}" y1="${y - 3}" y2="${y + BAR_H + 3}" class="target"/>`);
    }
  });
  const bottom = y0 + bars.length * (BAR_H + GAP);
  for (const l of lines) {
    const lx = x(l.value);
    parts.push(`<line x1="${lx.toFixed(1)}" x2="${lx.toFixed(1)}" y1="${y0 - 6}" y2="${bottom}" class="target"/>`);
    parts.push(`<text x="${(lx + 4).toFixed(1)}" y="${y0 - 8}" class="sub">${esc(l.label)}</text>`);
  }
  // axis ticks
  const ticks = scale === 'log' ? logTicks(lo, hi) : linTicks(hi);
  for (const t of ticks) {
    const tx = x(t);
    parts.push(`<line x1="${tx.toFixed(1)}" x2="${tx.toFixed(1)}" y1="${bottom}" y2="${bottom + 4}" class="axis"/>`);
    parts.push(`<text x="${tx.toFixed(1)}" y="${bottom + 16}" class="tick" text-anchor="middle">${esc(short(t))}</text>`);
  }
  parts.push(`<line x1="${LABEL_W}" x2="${LABEL_W + PLOT_W}" y1="${bottom}" y2="${bottom}" class="axis"/>`);
  return [parts.join('\n'), bottom - top + 34];
}

function linTicks(hi) {
  const step = 10 ** Math.floor(Math.log10(hi / 4));
  const s = [1, 2, 5, 10].map((m) => m * step).find((v) => hi / v <= 6) ?? step * 10;
  const out = [];
  for (let v = 0; v <= hi && out.length < 12; v += s) out.push(v);
  return out;
}

function logTicks(lo, hi) {
  const out = [];
  for (let e = Math.ceil(Math.log10(lo)); 10 ** e <= hi && out.length < 12; e++) out.push(10 ** e);
  return out;
}

function short(v) {
  if (v >= 1e6) return `${v / 1e6}M`;
  if (v >= 1e3) return `${v / 1e3}k`;
  return String(Number(v.toFixed(2)));
}

export function drawChart(r, targets) {
  const panels = [];
  const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);

  // 1. startup ratios
  const st = r.startup;
  if (st.cases) {
    panels.push({
      title: 'Startup: s3abort ÷ node -e 0 (median wall time; lower is better)',
      subtitle: `node -e 0 = ${ms(st.baseline.median)}; ticks on each bar mark its target`,
      bars: Object.entries(st.cases).map(([name, c]) => {
        const limit = name.startsWith('one abort') ? targets.abort : targets.startup;
        return { label: name, value: c.ratio, text: `${c.ratio.toFixed(2)}x  (${ms(c.median)})`, color: c.ratio <= limit ? COLORS.s3abort : COLORS.miss, target: limit };
      }),
      lines: [{ value: 1, label: 'node -e 0' }],
    });
  }

  // 2. one abort vs the AWS CLIs
  const ab = r.oneAbort?.cases;
  if (ab) {
    panels.push({
      title: 'One abort against a local endpoint (median wall time; lower is better)',
      bars: Object.entries(ab).map(([name, c]) => ({
        label: name,
        value: c.median,
        text: name === 's3abort' || name === 'node -e 0' ? ms(c.median) : `${ms(c.median)}  (s3abort ${(c.median / ab.s3abort.median).toFixed(1)}x faster)`,
        color: name === 's3abort' ? COLORS.s3abort : name === 'node -e 0' ? COLORS.base : COLORS.other,
      })),
    });
  }

  // 3. bulk rates, log scale
  const bulkBars = [];
  for (const [key, b] of Object.entries(r.bulk ?? {})) {
    if (!b?.s3abort) continue;
    const where = key === 'delayed' ? `stub +${b.delayMs} ms` : 'stub, at once';
    if (b.wrk) bulkBars.push({ label: `wrk, ${where}`, value: b.wrk.rps, text: `${b.wrk.rps.toFixed(0)}/s`, color: COLORS.base });
    if (b.nodeHttp) bulkBars.push({ label: `node:http, no SDK, ${where}`, value: b.nodeHttp.rps, text: `${b.nodeHttp.rps.toFixed(0)}/s`, color: COLORS.base });
    bulkBars.push({
      label: `s3abort --all-uploads, ${where}`,
      value: b.s3abort.rps,
      text: `${b.s3abort.rps.toFixed(0)}/s${b.wrk ? `  (${((b.s3abort.rps / b.wrk.rps) * 100).toFixed(0)}% of wrk)` : ''}`,
      color: COLORS.s3abort,
    });
    if (b.xargs) {
      bulkBars.push({ label: `xargs -P ${b.xargs.parallel} ${b.xargs.cli}`, value: b.xargs.rps, text: `${b.xargs.rps.toFixed(1)}/s  (s3abort ${b.vsXargs.toFixed(0)}x faster)`, color: COLORS.other });
    }
  }
  if (bulkBars.length) {
    panels.push({
      title: `Bulk: uploads aborted per second, concurrency ${r.config.concurrency} (log scale; higher is better)`,
      subtitle: `s3abort: ${r.config.bulkUploads} uploads, whole run incl. startup and listing; xargs extrapolated from ${r.config.sample}`,
      bars: bulkBars,
      scale: 'log',
    });
  }

  // 4. memory
  const m = r.memory;
  if (m?.nodeBareMiB) {
    panels.push({
      title: 'Peak memory, max RSS (lower is better)',
      bars: [
        { label: 'node -e 0', value: m.nodeBareMiB, text: `${m.nodeBareMiB.toFixed(1)} MiB`, color: COLORS.base },
        { label: 'one abort', value: m.oneAbortMiB, text: `${m.oneAbortMiB.toFixed(1)} MiB  (${m.oneAbortRatio.toFixed(2)}x; target ${targets.memAbort}x)`, color: m.oneAbortRatio <= targets.memAbort ? COLORS.s3abort : COLORS.miss, target: m.nodeBareMiB * targets.memAbort },
        { label: `bulk, ${m.bulk.uploads} uploads`, value: m.bulk.mib, text: `${m.bulk.mib.toFixed(1)} MiB`, color: m.bulk.mib < targets.memBulkMiB ? COLORS.s3abort : COLORS.miss, target: targets.memBulkMiB },
      ],
      max: Math.max(m.bulk.mib, targets.memBulkMiB) * 1.15,
    });
  }

  let y = 56;
  const body = [];
  for (const p of panels) {
    const [svg, h] = panel(y, p);
    body.push(svg);
    y += h + 10;
  }
  const head = `s3abort bench — ${r.date.slice(0, 16).replace('T', ' ')} UTC — Node ${r.machine.node}, ${r.machine.cpus} cores`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}" viewBox="0 0 ${W} ${y}" font-family="Helvetica, Arial, sans-serif">
<style>
.title { font-size: 15px; font-weight: bold; fill: #1a202c; }
.sub { font-size: 11px; fill: #4a5568; }
.label { font-size: 12px; fill: #2d3748; }
.value { font-size: 12px; fill: #1a202c; }
.tick { font-size: 10px; fill: #718096; }
.axis { stroke: #a0aec0; stroke-width: 1; }
.target { stroke: #1a202c; stroke-width: 2; stroke-dasharray: 4 2; }
</style>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="16" y="30" font-size="18" font-weight="bold" fill="#1a202c">${esc(head)}</text>
${body.join('\n')}
</svg>
`;
}
