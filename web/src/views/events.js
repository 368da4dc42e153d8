// The events table: filters, full-text search in every language, sorting
// by any column, paging, and downloads of what is selected.
import { h, text, typeColor, put } from '../dom.js';
import { get, query } from '../api.js';
import { isNew } from '../state.js';
import * as filters from '../filters.js';

const columns = [
  ['id', 'Id', 'id'], ['date', 'Date', 'date'], ['type', 'Type', 'type'], ['countries', 'States', null],
  ['location', 'Place', null], ['stage', 'Stage', 'stage'], ['sources', 'Sources', 'sources'],
  ['confidence', 'Confidence', 'confidence'], ['review', 'Review', null], ['evidence', 'Evidence', null],
];

export async function render(main, { navigate, isCurrent }) {
  const p = filters.params();
  const f = filters.current();
  const sort = p.sort || 'date';
  const order = p.order || 'desc';
  const limit = Number(p.limit || 50);
  const offset = Number(p.offset || 0);
  const here = (extra) => '/events' + filters.toSearch({ ...f, sort: sort === 'date' ? '' : sort, order: order === 'desc' ? '' : order, ...extra });
  put(main, h('h1', {}, 'Events'), filters.bar((next) => navigate('/events' + filters.toSearch({ ...next, sort: sort === 'date' ? '' : sort, order: order === 'desc' ? '' : order })), { search: true }));
  const page = await get('/api/events', { ...f, sort, order, limit, offset });
  if (!isCurrent()) return;
  const dl = (format, label) => h('a', { href: '/api/export' + query({ ...f, sort, order, format }), download: `pactwatch-events.${format}`, class: 'download' }, label);
  put(main, h('p', { class: 'status', 'aria-live': 'polite' }, `${page.total} events`,
    f.q ? h('span', {}, ' whose articles contain ', text('“' + f.q + '”')) : null,
    '. Download all of them: ', dl('csv', 'CSV'), ' · ', dl('json', 'JSON'), ' · ', dl('graphml', 'GraphML')));
  const head = h('tr', {}, columns.map(([key, label, sortKey]) => {
    if (!sortKey) return h('th', { scope: 'col' }, label);
    const active = sortKey === sort;
    const nextOrder = active && order === 'desc' ? 'asc' : 'desc';
    return h('th', { scope: 'col', 'aria-sort': active ? (order === 'asc' ? 'ascending' : 'descending') : false },
      h('a', { href: here({ sort: sortKey === 'date' ? '' : sortKey, order: nextOrder === 'desc' ? '' : nextOrder, offset: '' }), class: 'sort' },
        label, active ? (order === 'asc' ? ' ▲' : ' ▼') : ''));
  }));
  const rows = page.events.map((e) => h('tr', { data: { id: e.id }, class: isNew(e.id) ? 'new' : false },
    h('td', {}, h('a', { href: '/events/' + e.id }, String(e.id)), isNew(e.id) ? h('span', { class: 'badge', title: 'new for one of your watches' }, 'new') : null),
    h('td', {}, e.date || '—'),
    h('td', {}, h('span', { class: 'swatch', style: { background: typeColor(e.type) } }), e.type),
    h('td', {}, e.countries.map((c, i) => [i ? '–' : '', h('a', { href: '/states/' + encodeURIComponent(c) }, text(c))])),
    h('td', {}, e.location ? text(e.location.name, { dir: 'auto' }) : ''),
    h('td', {}, e.agreement ? e.agreement.stage : ''),
    h('td', { class: 'num' }, String(e.sources.length)),
    h('td', { class: 'num' }, e.confidence.toFixed(2)),
    h('td', {}, e.review.status || '', e.review.corrected ? h('span', { class: 'corrected', title: 'corrected by an analyst' }, ' ✎') : ''),
    h('td', { class: 'evidence' }, text((e.evidence && e.evidence[0]) || '', { dir: 'auto' }))));
  put(main, h('table', { class: 'events' }, h('thead', {}, head), h('tbody', {}, rows)),
    page.events.length ? null : h('p', { class: 'empty' }, 'No event matches these filters.'));
  const prev = offset > 0 ? h('a', { href: here({ offset: Math.max(0, offset - limit) || '' }), rel: 'prev' }, '← Previous') : null;
  const next = offset + limit < page.total ? h('a', { href: here({ offset: offset + limit }), rel: 'next' }, 'Next →') : null;
  put(main, h('p', { class: 'pager' }, prev, ` ${page.total ? offset + 1 : 0}–${Math.min(page.total, offset + limit)} of ${page.total} `, next));
}
