// Saved watches: what each selects, its new events, its Atom feed, and a
// form to save a new one (a state, a pair, a type, an agreement reaching a
// stage).
import { h, text, put } from '../dom.js';
import { get, post, del } from '../api.js';
import { meta } from '../state.js';
import { refreshFlags } from '../main.js';

function describe(w) {
  const parts = [];
  if (w.countries.length) parts.push(w.countries.join('–'));
  if (w.types.length) parts.push(w.types.join(' or '));
  if (w.stage) parts.push('reaching ' + w.stage);
  if (w.min_confidence) parts.push('confidence ≥ ' + w.min_confidence);
  return parts.join(', ');
}

export async function render(main, { args, navigate, isCurrent }) {
  if (args[0]) return renderOne(main, Number(args[0]), navigate, isCurrent);
  const { watches } = await get('/api/watches');
  if (!isCurrent()) return;
  put(main, h('h1', {}, 'Watches'));
  put(main, watches.length ? h('table', { class: 'watches' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Watch'), h('th', {}, 'Selects'), h('th', {}, 'New'), h('th', {}, 'Feed'), h('th', {}, 'Webhook'))),
    h('tbody', {}, watches.map((w) => h('tr', { data: { id: w.id } },
      h('td', {}, h('a', { href: '/watches/' + w.id }, text(w.name))),
      h('td', {}, describe(w)),
      h('td', { class: 'num' }, w.new ? h('span', { class: 'badge' }, String(w.new)) : '0'),
      h('td', {}, h('a', { href: w.feed, class: 'feed' }, 'Atom')),
      h('td', {}, w.webhook ? text(w.webhook) : '—'))))) : h('p', { class: 'empty' }, 'No watch yet.'));
  if (!meta().writable) return;
  const m = meta();
  const out = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'watch', id: 'new-watch' },
    h('h2', {}, 'New watch'),
    h('label', {}, 'Name ', h('input', { name: 'name', size: 20, placeholder: 'optional' })),
    h('label', {}, 'States ', h('input', { name: 'countries', size: 12, placeholder: 'KEN or KEN, SOM' })),
    h('fieldset', { class: 'types' }, h('legend', {}, 'Types'), m.types.map((t) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'type', value: t }), t))),
    h('label', {}, 'Agreement reaching ', h('select', { name: 'stage' }, [['', 'any stage'], ...m.stages.map((s) => [s, s])].map(([v, l]) => h('option', { value: v }, l)))),
    h('label', {}, 'Webhook ', h('input', { name: 'webhook', size: 30, placeholder: 'https://… (optional)' })),
    h('button', { type: 'submit' }, 'Save watch'), out);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const d = new FormData(form);
    try {
      const w = await post('/api/watches', {
        name: String(d.get('name') || ''),
        countries: String(d.get('countries') || '').split(/[\s,;–-]+/).map((c) => c.trim().toUpperCase()).filter(Boolean),
        types: d.getAll('type').map(String),
        stage: String(d.get('stage') || ''),
        webhook: String(d.get('webhook') || ''),
      });
      navigate('/watches/' + w.id);
    } catch (err) {
      out.textContent = err.message;
      out.className = 'result error';
    }
  });
  put(main, form);
}

async function renderOne(main, id, navigate, isCurrent) {
  const w = await get('/api/watches/' + id);
  if (!isCurrent()) return;
  put(main, h('h1', {}, 'Watch: ', text(w.name)),
    h('p', {}, describe(w), ' · ', h('a', { href: w.feed, class: 'feed' }, 'Atom feed'), w.webhook ? [' · webhook ', text(w.webhook)] : ''),
    h('p', { class: 'status' }, `${w.new} new since you last looked.`));
  if (meta().writable) {
    const buttons = h('p', { class: 'buttons' },
      h('button', { type: 'button', id: 'seen', on: { click: async () => { await post(`/api/watches/${id}/seen`, {}); await refreshFlags(); navigate('/watches/' + id); } } }, 'Mark all seen'),
      h('button', { type: 'button', id: 'delete-watch', on: { click: async () => { await del('/api/watches/' + id); await refreshFlags(); navigate('/watches'); } } }, 'Delete'));
    put(main, buttons);
  }
  put(main, h('h2', {}, 'Latest events'), w.hits.length ? h('ul', { class: 'event-list hits' }, w.hits.map((x) => h('li', { class: x.new ? 'new' : false, data: { event: x.event } },
    x.new ? h('span', { class: 'badge' }, 'new') : null, ' ',
    x.event_record ? h('a', { href: '/events/' + x.event }, x.event_record.date || 'undated', ' ', x.event_record.type, ' ', text(x.event_record.countries.join('–'))) : `event ${x.event} (gone)`,
    ` · matched ${new Date(x.at).toLocaleString()}`))) : h('p', { class: 'empty' }, 'Nothing yet.'));
}
