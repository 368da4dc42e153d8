// Agreements with their stage history, latest first, paged.
import { h, put } from '../dom.js';
import { get } from '../api.js';
import * as filters from '../filters.js';
import { lanes } from './timeline.js';

export async function render(main, { navigate, isCurrent }) {
  const p = filters.params();
  const f = filters.current();
  const offset = Number(p.offset || 0);
  const limit = 50;
  put(main, h('h1', {}, 'Agreements'), filters.bar((next) => navigate('/agreements' + filters.toSearch(next))));
  const page = await get('/api/agreements', { ...f, limit, offset });
  if (!isCurrent()) return;
  put(main, h('p', { class: 'status' }, `${page.total} agreements and ruptures of agreements`), lanes(page.agreements), pager(page.total, offset, limit, f, '/agreements'));
}

export function pager(total, offset, limit, f, path) {
  const prev = offset > 0 ? h('a', { href: path + filters.toSearch({ ...f, offset: Math.max(0, offset - limit) }), rel: 'prev' }, '← Previous') : null;
  const next = offset + limit < total ? h('a', { href: path + filters.toSearch({ ...f, offset: offset + limit }), rel: 'next' }, 'Next →') : null;
  return h('p', { class: 'pager' }, prev, ` ${total ? offset + 1 : 0}–${Math.min(total, offset + limit)} of ${total} `, next);
}
