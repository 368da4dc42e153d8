// One event: every attribute (the analysts' values beside the machine's),
// every source, the evidence highlighted in each article's cleaned text
// (right-to-left scripts shown right to left), and the review tools.
import { h, text, extLink, typeColor, put } from '../dom.js';
import { get, post } from '../api.js';
import { meta, stateName } from '../state.js';
import { refreshFlags } from '../main.js';

function show(field, v) {
  if (v === null || v === undefined || v === '') return '—';
  switch (field) {
    case 'countries': return v.join('–');
    case 'location': return v.name + (v.country ? ` (${v.country})` : '');
    case 'persons': return v.length ? v.map((p) => p.name + ([p.role, p.country].filter(Boolean).length ? ` (${[p.role, p.country].filter(Boolean).join(', ')})` : '')).join('; ') : '—';
    default: return String(v);
  }
}

function valueOf(e, field) {
  switch (field) {
    case 'type': return e.type;
    case 'countries': return e.countries;
    case 'date': return e.date || '';
    case 'stage': return e.agreement ? e.agreement.stage : '';
    case 'location': return e.location || null;
    case 'persons': return e.persons || [];
  }
  return null;
}

export async function render(main, { args, navigate, isCurrent }) {
  const id = Number(args[0]);
  const d = await get('/api/events/' + id);
  if (!isCurrent()) return;
  const e = d.event;
  const rv = d.review;
  const m = meta();
  put(main, h('h1', {}, `Event ${e.id}: `, h('span', { class: 'swatch', style: { background: typeColor(e.type) } }), e.type, ' — ',
    e.countries.map((c, i) => [i ? '–' : '', h('a', { href: '/states/' + c }, text(c))]), e.date ? ', ' + e.date : ''));
  const notes = [];
  if (rv && rv.status) notes.push(h('span', { class: 'status-' + rv.status, id: 'review-status' }, rv.status));
  if (rv && rv.merged_into) notes.push(' into ', h('a', { href: '/events/' + rv.merged_into }, 'event ' + rv.merged_into));
  if (rv && rv.split_from) notes.push(' split off ', h('a', { href: '/events/' + rv.split_from }, 'event ' + rv.split_from));
  if (rv && rv.merged.length) notes.push(' · merged into it: ', rv.merged.map((x, i) => [i ? ', ' : '', h('a', { href: '/events/' + x }, String(x))]));
  if (rv && rv.split_off.length) notes.push(' · split off it: ', rv.split_off.map((x, i) => [i ? ', ' : '', h('a', { href: '/events/' + x }, String(x))]));
  if (rv && Object.keys(rv.fields).length) notes.push(h('span', { class: 'corrected' }, `${notes.length ? ' · ' : ''}corrected by ${[...new Set(Object.values(rv.fields).map((f) => f.by))].join(', ')}`));
  put(main, h('p', { class: 'review-line' }, rv && notes.length ? ['Review: ', ...notes] : rv ? 'Reviewed: no change.' : 'Not reviewed yet.'));

  // attributes
  const fields = rv ? rv.fields : {};
  const row = (label, field, value) => {
    const c = field && fields[field];
    return h('tr', { class: c ? 'corrected' : false, data: { field: field || label } },
      h('th', { scope: 'row' }, label),
      h('td', { class: 'value' }, text(value, { dir: 'auto' })),
      h('td', { class: 'machine' }, c ? ['machine: ', text(show(field, c.machine), { dir: 'auto' }), h('small', {}, ` — corrected by ${c.by}, ${new Date(c.at).toLocaleString()}`)] : ''));
  };
  put(main, h('h2', {}, 'Attributes'), h('table', { class: 'attrs' }, h('tbody', {},
    row('Type', 'type', e.type),
    row('States', 'countries', e.countries.map((c) => `${c} (${stateName(c)})`).join(', ')),
    row('Initiator', null, e.initiator || '—'),
    row('Date', 'date', e.date || '—'),
    row('Place', 'location', show('location', e.location)),
    row('Agreement', 'stage', e.agreement ? `${e.agreement.kind || 'agreement'}, ${e.agreement.stage || '—'}` : '—'),
    row('Persons', 'persons', show('persons', e.persons || [])),
    row('Domains', null, (e.domains || []).join(', ') || '—'),
    row('Organisations', null, (e.organizations || []).join(', ') || '—'),
    row('Confidence', null, e.confidence.toFixed(2)),
    row('Reported', null, [e.first_reported, e.last_reported].filter(Boolean).join(' to ') || '—'),
    row('Stage history', null, (e.stages || []).map((s) => `${s.stage}${s.date ? ' ' + s.date : ''} (${s.sources.join(', ')})`).join(' → ') || '—'),
    row('Disputed', null, (e.alternatives || []).map((a) => `${a.field}: ${a.value} (${a.sources.join(', ')})`).join('; ') || '—'))));

  // sources and evidence
  put(main, h('h2', {}, `Sources (${d.sources.length})`));
  const list = h('ol', { class: 'sources' });
  put(main, list);
  for (const src of d.sources) {
    const li = h('li', { class: 'source', data: { article: src.article } },
      h('p', { class: 'meta' }, h('strong', {}, text(src.title || src.article, { dir: 'auto' })), ' · ',
        src.language || '?', src.outlet ? [' · ', text(src.outlet)] : '', src.published ? ' · ' + src.published : '',
        src.url ? [' · ', extLink(src.url, 'original')] : ''));
    list.append(li);
    if (src.key) {
      const a = await get('/api/articles/' + src.key, { event: e.id });
      if (!isCurrent()) return;
      const body = h('div', { class: 'article-text', dir: a.dir, lang: a.language || false, data: { marks: a.marks } });
      for (const seg of a.segments) {
        body.append(seg.mark ? h('mark', { class: 'evidence' }, text(seg.text)) : text(seg.text));
      }
      li.append(h('details', { open: true }, h('summary', {}, `Evidence in the article's text (${a.marks} passage${a.marks === 1 ? '' : 's'} marked)`), body));
    } else {
      li.append(h('ul', { class: 'evidence-list' }, src.evidence.map((x) => h('li', { dir: src.dir }, text(x)))));
    }
  }

  if (m.writable) put(main, reviewPanel(e, d, navigate));
  if (rv && rv.history.length) {
    put(main, h('h2', {}, 'History'), h('ol', { class: 'history' }, rv.history.map((a) =>
      h('li', {}, `${new Date(a.at).toLocaleString()} — ${a.reviewer}: ${a.action}`, a.detail && a.detail.note ? [' — ', text(a.detail.note)] : ''))));
  }
}

function reviewPanel(e, d, navigate) {
  const m = meta();
  const out = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const reload = async () => {
    await refreshFlags();
    navigate(location.pathname);
  };
  const act = (fn) => async (ev) => {
    ev.preventDefault();
    out.textContent = 'Saving…';
    try {
      await fn();
      await reload();
    } catch (err) {
      out.textContent = err.message;
      out.className = 'result error';
    }
  };
  const note = h('input', { name: 'note', placeholder: 'why (kept in the history)', size: 40 });
  const statusButtons = h('p', { class: 'buttons' },
    h('button', { type: 'button', id: 'confirm', on: { click: act(() => post(`/api/events/${e.id}/review`, { status: 'confirmed', note: note.value })) } }, 'Confirm'),
    h('button', { type: 'button', id: 'reject', on: { click: act(() => post(`/api/events/${e.id}/review`, { status: 'rejected', note: note.value })) } }, 'Reject'),
    h('button', { type: 'button', id: 'reopen', on: { click: act(() => post(`/api/events/${e.id}/review`, { status: '', note: note.value })) } }, 'Reopen'),
    ' ', note);

  const cur = (f) => valueOf(e, f);
  const loc = cur('location') || { name: '', country: '' };
  const form = h('form', { class: 'correct', id: 'correct' },
    h('label', {}, 'Type ', h('select', { name: 'type' }, m.types.map((t) => h('option', { value: t, selected: t === e.type }, t)))),
    h('label', {}, 'States ', h('input', { name: 'countries', value: e.countries.join(', '), size: 16 })),
    h('label', {}, 'Date ', h('input', { name: 'date', value: e.date || '', placeholder: 'YYYY[-MM[-DD]]', size: 10 })),
    h('label', {}, 'Stage ', h('select', { name: 'stage' }, [['', 'none'], ...m.stages.map((s) => [s, s])].map(([v, l]) =>
      h('option', { value: v, selected: v === cur('stage') }, l)))),
    h('label', {}, 'Place ', h('input', { name: 'location', value: loc.name, size: 14 })),
    h('label', {}, 'in ', h('input', { name: 'location_country', value: loc.country || '', size: 3, placeholder: 'ISO3' })),
    h('label', { class: 'wide' }, 'Persons (one a line: name | role | ISO3) ', h('textarea', { name: 'persons', rows: 3, cols: 50 },
      (e.persons || []).map((p) => [p.name, p.role || '', p.country || ''].join(' | ')).join('\n'))),
    h('button', { type: 'submit' }, 'Save corrections'));
  form.addEventListener('submit', act(async () => {
    const data = new FormData(form);
    const next = {
      type: String(data.get('type')),
      countries: String(data.get('countries')).split(/[\s,;–-]+/).map((c) => c.trim().toUpperCase()).filter(Boolean).sort(),
      date: String(data.get('date')).trim(),
      stage: String(data.get('stage')),
      location: { name: String(data.get('location')).trim(), country: String(data.get('location_country')).trim().toUpperCase() },
      persons: String(data.get('persons')).split('\n').map((l) => l.split('|').map((x) => x.trim())).filter((p) => p[0])
        .map(([name, role, country]) => ({ name, role: role || '', country: (country || '').toUpperCase() })),
    };
    const fields = {};
    for (const [k, v] of Object.entries(next)) {
      let was = cur(k);
      if (k === 'location') was = was ? { name: was.name, country: was.country || '' } : { name: '', country: '' };
      if (k === 'persons') was = (was || []).map((p) => ({ name: p.name, role: p.role || '', country: p.country || '' }));
      if (JSON.stringify(v) !== JSON.stringify(was)) fields[k] = v;
    }
    if (!Object.keys(fields).length) throw new Error('Nothing changed.');
    await post(`/api/events/${e.id}/corrections`, { fields, note: note.value });
  }));
  const corrected = d.review ? Object.keys(d.review.fields) : [];
  const takeBack = corrected.length ? h('p', {}, 'Take back a correction: ', corrected.map((f) =>
    h('button', { type: 'button', class: 'undo', on: { click: act(() => post(`/api/events/${e.id}/corrections`, { fields: { [f]: null }, note: note.value })) } }, f))) : null;

  const other = h('input', { name: 'from', type: 'number', min: 1, size: 8, placeholder: 'event id' });
  const merge = h('form', { class: 'merge' }, h('label', {}, 'Merge event ', other, ' into this one '), h('button', { type: 'submit' }, 'Merge'));
  merge.addEventListener('submit', act(() => post(`/api/events/${e.id}/merge`, { from: Number(other.value), note: note.value })));

  const boxes = d.sources.map((src) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'article', value: src.article }), text(src.article)));
  const split = h('form', { class: 'split' }, h('span', {}, 'Split these sources off into a new event: '), boxes, h('button', { type: 'submit' }, 'Split'));
  split.addEventListener('submit', act(async () => {
    const articles = new FormData(split).getAll('article').map(String);
    const res = await post(`/api/events/${e.id}/split`, { articles, note: note.value });
    await refreshFlags();
    navigate('/events/' + res.event.id);
  }));
  return h('section', { class: 'review', 'aria-label': 'review' }, h('h2', {}, 'Review'), statusButtons,
    h('h3', {}, 'Correct'), form, takeBack, h('h3', {}, 'Merge or split'), merge, d.sources.length > 1 ? split : null, out);
}

