// The timeline: events per period, stacked by type, and below it each
// agreement's stage history as a lane.
import { h, s, text, typeColor, legend, put } from '../dom.js';
import { get } from '../api.js';
import { meta } from '../state.js';
import * as filters from '../filters.js';

export async function render(main, { navigate, isCurrent }) {
  const p = filters.params();
  const f = filters.current();
  const by = p.by || '';
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const granularity = h('p', { class: 'by' }, 'Per ',
    ['', 'year', 'month'].map((b) => h('a', { href: '/timeline' + filters.toSearch({ ...f, by: b }),
      'aria-current': b === by ? 'page' : false }, b || 'auto')).flatMap((a, i) => (i ? [' · ', a] : [a])));
  put(main, h('h1', {}, 'Timeline'), filters.bar((next) => navigate('/timeline' + filters.toSearch({ ...next, by }))),
    granularity, status);
  const [t, ag] = await Promise.all([get('/api/timeline', { ...f, by }), get('/api/agreements', { ...f, limit: 40 })]);
  if (!isCurrent()) return;
  status.textContent = `${t.events} events per ${t.by}` + (t.undated ? `; ${t.undated} undated` : '') +
    (t.coarse ? `; ${t.coarse} dated to the year only` : '');
  fillGaps(t);
  const W = 960, H = 260, pad = 30;
  const n = Math.max(1, t.buckets.length);
  const bw = (W - 2 * pad) / n;
  const max = Math.max(1, ...t.buckets.map((b) => b.total));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H + 40}`, class: 'timeline', role: 'img', 'aria-label': 'events over time by type' });
  svg.append(s('line', { x1: pad, y1: H, x2: W - pad, y2: H, stroke: '#555' }));
  const types = meta().types;
  t.buckets.forEach((b, i) => {
    let y = H;
    for (const ty of types) {
      const c = b.by_type[ty] || 0;
      if (!c) continue;
      const bh = (H - 10) * c / max;
      y -= bh;
      svg.append(s('rect', { x: (pad + i * bw + 1).toFixed(1), y: y.toFixed(1), width: Math.max(1, bw - 2).toFixed(1),
        height: bh.toFixed(1), fill: typeColor(ty) }, s('title', {}, `${b.period}: ${c} ${ty}`)));
    }
    if (n <= 24 || i % Math.ceil(n / 24) === 0) {
      svg.append(s('text', { x: (pad + i * bw + bw / 2).toFixed(1), y: H + 14, 'text-anchor': 'middle', 'font-size': 10 }, b.period));
    }
  });
  svg.append(s('text', { x: 2, y: 12, 'font-size': 10 }, String(max)));
  put(main, h('div', { class: 'chart' }, svg), legend());
  put(main, h('h2', {}, 'Agreements and their stages'), lanes(ag.agreements),
    ag.total > ag.agreements.length ? h('p', {}, `${ag.total - ag.agreements.length} more on `, h('a', { href: '/agreements' + filters.toSearch(f) }, 'the agreements page'), '.') : null);
}

// fillGaps adds the empty periods between the first and the last, so that
// the axis is time.
function fillGaps(t) {
  if (t.buckets.length < 2) return;
  const have = new Map(t.buckets.map((b) => [b.period, b]));
  const next = (p) => {
    if (t.by === 'year') return String(Number(p) + 1);
    let [y, m] = p.split('-').map(Number);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
    return `${y}-${String(m).padStart(2, '0')}`;
  };
  const out = [];
  const last = t.buckets[t.buckets.length - 1].period;
  for (let p = t.buckets[0].period; out.length < 5000; p = next(p)) {
    out.push(have.get(p) || { period: p, total: 0, by_type: {} });
    if (p === last) break;
  }
  t.buckets = out;
}

// lanes draws one row per agreement: its stage steps along a shared time axis.
export function lanes(list) {
  const dated = list.flatMap((a) => a.stages.map((st) => st.date).concat(a.date ? [a.date] : [])).filter(Boolean);
  if (!list.length) return h('p', { class: 'empty' }, 'No agreement matches these filters.');
  const toNum = (d) => {
    const [y, m = '06', dd = '15'] = d.split('-');
    return Number(y) + (Number(m) - 1) / 12 + (Number(dd) - 1) / 365;
  };
  const lo = dated.length ? Math.min(...dated.map(toNum)) : 2000;
  const hi = dated.length ? Math.max(...dated.map(toNum)) : lo + 1;
  const W = 960, row = 22, left = 330, right = 20;
  const x = (d) => left + (W - left - right) * (hi > lo ? (toNum(d) - lo) / (hi - lo) : 0.5);
  const svg = s('svg', { viewBox: `0 0 ${W} ${row * list.length + 24}`, class: 'lanes', role: 'img', 'aria-label': 'agreement stage lanes' });
  const stageColor = { proposed: '#bbb', negotiating: '#8fb6d8', signed: '#59a14f', ratified: '#2e7d32', in_force: '#1b5e20', suspended: '#e15759', terminated: '#222' };
  list.forEach((a, i) => {
    const y = 14 + i * row;
    const g = s('g', { class: 'lane' });
    const name = `${a.countries.join('–')} ${a.kind || a.type}`;
    const label = s('text', { x: 4, y: y + 4, 'font-size': 11 }, name.length > 52 ? name.slice(0, 51) + '…' : name);
    const link = s('a', { href: '/events/' + a.id }, label);
    g.append(link, s('line', { x1: left, y1: y, x2: W - right, y2: y, stroke: '#ddd' }));
    const steps = a.stages.length ? a.stages : [{ stage: a.stage, date: a.date }];
    let prev = null;
    for (const st of steps) {
      if (!st.date) continue;
      const cx = x(st.date);
      if (prev !== null) g.append(s('line', { x1: prev, y1: y, x2: cx, y2: y, stroke: '#666', 'stroke-width': 2 }));
      g.append(s('circle', { cx: cx.toFixed(1), cy: y, r: 5, fill: stageColor[st.stage] || '#888' },
        s('title', {}, `${st.stage}, ${st.date}`)));
      prev = cx;
    }
    svg.append(g);
  });
  svg.append(s('text', { x: left, y: row * list.length + 20, 'font-size': 10 }, String(Math.floor(lo))),
    s('text', { x: W - right, y: row * list.length + 20, 'font-size': 10, 'text-anchor': 'end' }, String(Math.floor(hi))));
  return h('div', { class: 'chart' }, svg, h('ul', { class: 'legend' }, Object.entries(stageColor).map(([st, c]) =>
    h('li', {}, h('span', { class: 'swatch', style: { background: c } }), st))), h('ol', { class: 'agreements' }, list.map((a) =>
    h('li', {}, h('a', { href: '/events/' + a.id }, text(a.countries.join('–')), ' ', text(a.kind || a.type)), ': ',
      a.stages.map((st) => `${st.stage}${st.date ? ' ' + st.date : ''}`).join(' → ') || a.stage))));
}
