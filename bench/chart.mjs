// Draws the bench results as one SVG, panels of horizontal bars: startup ratios, one abort, then
// for each server latency the bulk rates of s3abort and its peers (log scale, one shared by the
// latencies, min-max of the rounds as a whisker), the CPU time per abort grouped by latency, and
// peak memory; targets marked. Plain SVG text, no library.

const W = 1080;
const LABEL_W = 300;
const BAR_H = 22;
const GAP = 8;
const PLOT_W = W - LABEL_W - 210;
const COLORS = { s3abort: '#2b6cb0', base: '#a0aec0', other: '#dd6b20', miss: '#c53030' };
// bulk tools: s3abort blue, the peers a user would pick instead orange, the raw-HTTP baselines grey
const toolColor = (id) => (id.startsWith('s3abort') ? COLORS.s3abort : id === 'wrk' || id === 'node-http' ? COLORS.base : COLORS.other);

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One panel; returns [svg text, height]. */
function panel(top, { title, subtitle, bars, scale = 'linear', min, max, lines = [] }) {
  const parts = [];
  const valued = bars.filter((b) => b.value !== undefined);
  const lo = scale === 'log' ? (min ?? Math.max(1, Math.min(...valued.map((b) => b.value).filter((v) => v > 0)) / 2)) : 0;
  const hi = max ?? Math.max(...valued.map((b) => b.hi ?? b.value), ...lines.map((l) => l.value)) * 1.15;
  const x = (v) => {
    if (scale === 'log') return LABEL_W + (PLOT_W * (Math.log10(Math.max(v, lo)) - Math.log10(lo))) / (Math.log10(hi) - Math.log10(lo));
    return LABEL_W + (PLOT_W * v) / hi;
  };
  parts.push(`<text x="16" y="${top + 20}" class="title">${esc(title)}</text>`);
  const gridTop = top + 46;
  const gridBottom = top + 52 + bars.length * (BAR_H + GAP);
  if (scale === 'log') {
    // light lines at 1, 2 and 5 of every decade, so that a factor can be read off the bars
    for (let e = Math.floor(Math.log10(lo)); 10 ** e <= hi && e < 12; e++) {
      for (const m of [1, 2, 5]) {
        const v = m * 10 ** e;
        if (v < lo || v > hi) continue;
        parts.push(`<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${gridTop}" y2="${gridBottom}" class="${m === 1 ? 'grid' : 'grid minor'}"/>`);
      }
    }
  }
  if (subtitle) parts.push(`<text x="16" y="${top + 38}" class="sub">${esc(subtitle)}</text>`);
  const y0 = top + 52;
  const bottom = y0 + bars.length * (BAR_H + GAP);
  // a line with `behind` is drawn under the bars and their text, the others over them
  const drawLine = (l) => {
    const lx = x(l.value);
    parts.push(`<line x1="${lx.toFixed(1)}" x2="${lx.toFixed(1)}" y1="${y0 - 6}" y2="${bottom}" class="target"/>`);
    parts.push(`<text x="${(lx + 4).toFixed(1)}" y="${y0 - 8}" class="sub">${esc(l.label)}</text>`);
  };
  lines.filter((l) => l.behind).forEach(drawLine);
  bars.forEach((b, i) => {
    const y = y0 + i * (BAR_H + GAP);
    // a row without a value: a group heading, or a tool that is not installed
    if (b.value === undefined) {
      parts.push(`<text x="${b.header ? 16 : LABEL_W - 10}" y="${y + 15}" class="${b.header ? 'group' : 'label'}"${b.header ? '' : ' text-anchor="end"'}>${esc(b.label)}</text>`);
      if (b.text) parts.push(`<text x="${LABEL_W + 6}" y="${y + 15}" class="sub">${esc(b.text)}</text>`);
      return;
    }
    const w = Math.max(1, x(b.value) - LABEL_W);
    parts.push(`<text x="${LABEL_W - 10}" y="${y + 15}" class="label" text-anchor="end">${esc(b.label)}</text>`);
    parts.push(`<rect x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${b.color}" rx="2"/>`);
    let textX = LABEL_W + w + 6;
    if (b.lo !== undefined && b.hi !== undefined && b.hi > b.lo) {
      const [x1, x2] = [x(b.lo), x(b.hi)];
      const ym = y + BAR_H / 2;
      parts.push(`<path d="M${x1.toFixed(1)} ${ym - 5}v10M${x1.toFixed(1)} ${ym}H${x2.toFixed(1)}M${x2.toFixed(1)} ${ym - 5}v10" class="whisker"/>`);
      textX = Math.max(textX, x2 + 6);
    }
    parts.push(`<text x="${textX.toFixed(1)}" y="${y + 15}" class="value">${esc(b.text)}</text>`);
    if (b.target !== undefined) {
      const tx = x(b.target);
      parts.push(`<line x1="${tx.toFixed(1)}" x2="${tx.toFixed(1)}" y1="${y - 3}" y2="${y + BAR_H + 3}" class="target"/>`);
    }
  });
  lines.filter((l) => !l.behind).forEach(drawLine);
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

  // 3. bulk: aborts/s of every tool, one panel per server latency, one log scale for all of them
  const bulk = r.bulk;
  if (bulk?.latencies?.length) {
    const tools = Object.entries(bulk.tools);
    const rates = bulk.latencies.flatMap((l) => Object.values(l.tools).flatMap((t) => [t.rate.min, t.rate.max]));
    if (bulk.xargs) rates.push(bulk.xargs.rps);
    const min = 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(...rates.filter((v) => v > 0)) / 2)));
    const max = 10 ** Math.ceil(Math.log10(Math.max(...rates) * 1.05));
    const n0 = (v) => Math.round(v).toLocaleString('en-US');
    for (const l of bulk.latencies) {
      const bars = [];
      for (const [id, t] of tools) {
        const m = l.tools[id];
        if (!t.installed) {
          bars.push({ label: t.label, text: `not installed (${t.hint})` });
          continue;
        }
        if (!m) continue;
        const vs = id !== 'rclone' && m.vsRclone ? `  (${m.vsRclone >= 10 ? m.vsRclone.toFixed(0) : m.vsRclone.toFixed(2)}x rclone)` : '';
        bars.push({
          label: t.label,
          value: m.rate.median,
          lo: m.rate.min,
          hi: m.rate.max,
          text: `${n0(m.rate.median)}/s${vs}`,
          color: toolColor(id),
        });
      }
      if (l.delayMs === 0 && bulk.xargs) {
        bars.push({ label: `xargs -P ${bulk.xargs.parallel} ${bulk.xargs.cli} (${bulk.xargs.sample} timed)`, value: bulk.xargs.rps, text: `${bulk.xargs.rps.toFixed(1)}/s`, color: COLORS.other });
      }
      panels.push({
        title: `Bulk, server answering ${l.delayMs ? `after ${l.delayMs} ms` : 'at once'}: uploads aborted per second (log scale; higher is better)`,
        subtitle: `${n0(bulk.uploads)} uploads, median of ${bulk.rounds} round${bulk.rounds > 1 ? 's' : ''} (whisker: min-max), whole run incl. startup and listing; wrk: its own rate over a fixed time`,
        bars,
        scale: 'log',
        min,
        max,
        lines: l.ceiling ? [{ value: l.ceiling, label: `ceiling: ${bulk.concurrency} in flight / ${l.delayMs} ms`, behind: true }] : [],
      });
    }

    // CPU per abort, grouped by latency
    const cpuBars = [];
    for (const l of bulk.latencies) {
      cpuBars.push({ label: `server answering ${l.delayMs ? `after ${l.delayMs} ms` : 'at once'}`, header: true });
      for (const [id, t] of tools) {
        const m = l.tools[id];
        if (!t.installed || !m) continue;
        cpuBars.push({ label: t.label, value: m.cpuPerAbortMs.median, lo: m.cpuPerAbortMs.min, hi: m.cpuPerAbortMs.max, text: `${m.cpuPerAbortMs.median.toFixed(3)} ms`, color: toolColor(id) });
      }
    }
    panels.push({
      title: 'Bulk: CPU time per abort, user + sys of the tool\'s whole process tree (lower is better)',
      subtitle: 'whole run, startup included, divided by the aborts made; wrk: per request sent',
      bars: cpuBars,
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
  // the load average goes in the heading: on a shared machine it says how far to trust the times
  const load = r.machine.loadavg ? `, load ${r.machine.loadavg[0]}${r.machine.loadavgAfter ? ` to ${r.machine.loadavgAfter[0]}` : ''}` : '';
  const head = `s3abort bench — ${r.date.slice(0, 16).replace('T', ' ')} UTC — Node ${r.machine.node}, ${r.machine.cpus} cores${load}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}" viewBox="0 0 ${W} ${y}" font-family="Helvetica, Arial, sans-serif">
<style>
.title { font-size: 15px; font-weight: bold; fill: #1a202c; }
.sub { font-size: 11px; fill: #4a5568; }
.label { font-size: 12px; fill: #2d3748; }
.value { font-size: 12px; fill: #1a202c; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
.tick { font-size: 10px; fill: #718096; }
.grid { stroke: #e2e8f0; stroke-width: 1; }
.grid.minor { stroke: #edf2f7; }
.axis { stroke: #a0aec0; stroke-width: 1; }
.target { stroke: #1a202c; stroke-width: 2; stroke-dasharray: 4 2; }
.whisker { stroke: #1a202c; stroke-width: 1.2; fill: none; }
.group { font-size: 12px; font-weight: bold; fill: #1a202c; }
</style>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="16" y="30" font-size="18" font-weight="bold" fill="#1a202c">${esc(head)}</text>
${body.join('\n')}
</svg>
`;
}
