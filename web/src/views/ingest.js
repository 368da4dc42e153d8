// Ingest from the app: paste a text or give a URL, see the events the
// extractor finds, and keep them in the store if wanted.
import { h, text, typeColor, put } from '../dom.js';
import { post } from '../api.js';
import { meta } from '../state.js';
import { refreshFlags } from '../main.js';

export async function render(main) {
  put(main, h('h1', {}, 'Ingest'));
  if (!meta().writable) {
    put(main, h('p', {}, 'This server is read-only.'));
    return;
  }
  const out = h('div', { class: 'ingest-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'ingest', id: 'ingest' },
    h('label', { class: 'wide' }, 'Text of an article ', h('textarea', { name: 'text', rows: 10, cols: 80, dir: 'auto', spellcheck: false })),
    h('label', {}, 'or its URL ', h('input', { name: 'url', type: 'url', size: 50, placeholder: 'https://…' })),
    h('label', {}, 'Title ', h('input', { name: 'title', size: 30 })),
    h('label', {}, 'Published ', h('input', { name: 'published', placeholder: 'YYYY-MM-DD', size: 10 })),
    h('p', { class: 'buttons' }, h('button', { type: 'submit', name: 'action', value: 'preview', id: 'preview' }, 'Show the events'),
      ' ', h('button', { type: 'submit', name: 'action', value: 'keep', id: 'keep' }, 'Keep in the store')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const d = new FormData(form);
    const keep = ev.submitter && ev.submitter.value === 'keep';
    const body = { title: String(d.get('title') || ''), published: String(d.get('published') || ''), keep };
    const t = String(d.get('text') || ''), u = String(d.get('url') || '').trim();
    if (u) body.url = u; else body.text = t;
    out.replaceChildren(h('p', {}, keep ? 'Extracting and merging…' : 'Extracting…'));
    try {
      const r = await post('/api/ingest', body);
      out.replaceChildren(result(r));
      if (r.kept) await refreshFlags();
    } catch (err) {
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, err.message));
    }
  });
  put(main, form, out);
}

function result(r) {
  const found = r.found.length ? h('ul', { class: 'found' }, r.found.map((e) => h('li', {},
    h('span', { class: 'swatch', style: { background: typeColor(e.type) } }), `${e.type} `, text(e.countries.join('–')),
    e.date ? ' ' + e.date : '', e.agreement ? ` (${e.agreement.stage})` : '', ' — ', text((e.evidence || [])[0] || '', { dir: 'auto' })))) :
    h('p', { class: 'empty' }, 'No event found.');
  return h('div', { id: 'ingest-done', data: { kept: r.kept ? 1 : 0 } },
    h('p', {}, r.kept ? (r.existed ? 'The store already had this article.' : 'Kept: ') : 'Not stored: ',
      r.article.key ? h('a', { href: '/events' }, text(r.article.title || r.article.id, { dir: 'auto' })) : text(r.article.title || r.article.id, { dir: 'auto' }),
      ` (${r.article.language || '?'}${r.article.published ? ', ' + r.article.published : ''})`),
    r.problem ? h('p', { class: 'error' }, text(r.problem)) : null,
    h('h2', {}, `Events found (${r.found.length})`), found,
    r.kept ? [h('h2', {}, 'In the store'), r.events.length ? h('ul', { class: 'kept' }, r.events.map((e) => h('li', {},
      h('a', { href: '/events/' + e.id }, `Event ${e.id}: ${e.type} `, text(e.countries.join('–')), e.date ? ' ' + e.date : '')))) : h('p', {}, 'None.')] : null);
}
