// A state's profile: its partners ranked, its agreements and their stages,
// its recent events and its ruptures.
import { h, text, typeColor, put } from '../dom.js';
import { get } from '../api.js';
import * as filters from '../filters.js';
import { lanes } from './timeline.js';

function eventList(items) {
  if (!items.length) return h('p', { class: 'empty' }, 'None.');
  return h('ul', { class: 'event-list' }, items.map((e) => h('li', {},
    h('a', { href: '/events/' + e.id }, e.date || 'undated', ' ', e.type, ' ', text(e.countries.join('–'))),
    e.evidence && e.evidence[0] ? [' — ', text(e.evidence[0], { dir: 'auto', class: 'quote' })] : '')));
}

export async function render(main, { args, navigate, isCurrent }) {
  const iso3 = args[0].toUpperCase();
  const f = filters.current();
  const p = await get('/api/states/' + iso3, f);
  if (!isCurrent()) return;
  const search = filters.toSearch(f);
  put(main, h('h1', {}, text(p.name), ` (${p.iso3})`),
    filters.bar((next) => navigate('/states/' + iso3 + filters.toSearch(next))),
    h('p', { class: 'status' }, `${p.events} events. `, h('a', { href: '/events' + filters.toSearch({ ...f, country: [iso3] }) }, 'All of them in the table'), '.'),
    h('ul', { class: 'legend' }, Object.entries(p.by_type).sort((a, b) => b[1] - a[1]).map(([t, n]) =>
      h('li', {}, h('span', { class: 'swatch', style: { background: typeColor(t) } }), `${t} ${n}`))));
  put(main, h('h2', {}, 'Partners'), p.partners.length ? h('table', { class: 'partners' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Partner'), h('th', {}, 'Events'), h('th', {}, 'Mostly'), h('th', {}, 'Latest'), h('th', {}, ''))),
    h('tbody', {}, p.partners.map((x) => h('tr', {},
      h('td', {}, h('a', { href: '/states/' + x.iso3 + search }, text(x.name))),
      h('td', { class: 'num' }, String(x.events)),
      h('td', {}, h('span', { class: 'swatch', style: { background: typeColor(x.type) } }), x.type),
      h('td', {}, x.last || ''),
      h('td', {}, h('a', { href: '/events' + filters.toSearch({ ...f, country: [iso3, x.iso3] }) }, 'events')))))) : h('p', { class: 'empty' }, 'None.'));
  put(main, h('h2', {}, 'Agreements'), lanes(p.agreements));
  put(main, h('h2', {}, 'Recent events'), eventList(p.recent));
  put(main, h('h2', {}, 'Ruptures'), eventList(p.ruptures));
  put(main, h('h2', {}, 'Events per year'), h('ul', { class: 'years' }, p.by_year.map((y) => h('li', {}, `${y.year}: ${y.events}`))));
}
