// The app's shell: the header, the router and the link handling. Every
// view has its own address (filters in the query string), so a reload or a
// shared link opens the same view.
import './style.css';
import { h, clear } from './dom.js';
import { loadMeta, loadWatchFlags, newCount, meta } from './state.js';
import { settings, saveSettings, prefetch } from './api.js';
import { current as currentFilters } from './filters.js';

const routes = [
  [/^\/(network)?$/, 'network', () => import('./views/network.js')],
  [/^\/map$/, 'map', () => import('./views/map.js')],
  [/^\/timeline$/, 'timeline', () => import('./views/timeline.js')],
  [/^\/events$/, 'events', () => import('./views/events.js')],
  [/^\/events\/(\d+)$/, 'event', () => import('./views/event.js')],
  [/^\/states\/([A-Za-z]{3})$/, 'state', () => import('./views/state.js')],
  [/^\/agreements$/, 'agreements', () => import('./views/agreements.js')],
  [/^\/watches(?:\/(\d+))?$/, 'watches', () => import('./views/watches.js')],
  [/^\/ingest$/, 'ingest', () => import('./views/ingest.js')],
];

const nav = [['/network', 'Network'], ['/map', 'Map'], ['/timeline', 'Timeline'], ['/events', 'Events'],
  ['/agreements', 'Agreements'], ['/watches', 'Watches'], ['/ingest', 'Ingest']];

let renderCount = 0;

export function navigate(path) {
  if (path !== location.pathname + location.search) history.pushState(null, '', path);
  render();
}

function header(view) {
  const top = clear(document.getElementById('top'));
  const cur = settings();
  const m = meta();
  const badge = newCount() ? h('span', { class: 'badge', title: 'new events for your watches' }, String(newCount())) : null;
  const form = h('form', { class: 'settings' },
    h('label', {}, 'Your name ', h('input', { name: 'reviewer', value: cur.reviewer, size: 10, autocomplete: 'name' })),
    m && m.token_required ? h('label', {}, 'Token ', h('input', { name: 'token', type: 'password', value: cur.token, size: 10 })) : null,
    h('button', { type: 'submit' }, 'Save'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const d = new FormData(form);
    saveSettings({ reviewer: String(d.get('reviewer') || ''), token: String(d.get('token') || cur.token) });
    form.querySelector('button').textContent = 'Saved';
  });
  top.append(...[
    h('a', { href: '/', class: 'brand' }, 'pactwatch'),
    h('nav', { 'aria-label': 'views' }, nav.map(([href, label]) => h('a', {
      href, 'aria-current': href.slice(1) === view || (view === 'event' && href === '/events') ? 'page' : false,
    }, label, href === '/watches' ? badge : null))),
    m && !m.writable ? h('span', { class: 'readonly', title: 'this server refuses writes' }, 'read-only') : null,
    h('details', { class: 'who' }, h('summary', {}, 'Settings'), form)].filter(Boolean));
}

async function render() {
  const token = ++renderCount;
  const main = document.getElementById('view');
  const path = location.pathname;
  const route = routes.find(([re]) => re.test(path));
  header(route ? route[1] : '');
  if (!route) {
    clear(main).append(h('h1', {}, 'Not found'), h('p', {}, 'No view at this address. ', h('a', { href: '/' }, 'Go to the network.')));
    return;
  }
  const [re, name, load] = route;
  main.dataset.view = name;
  delete main.dataset.ready;
  try {
    const mod = await load();
    if (token !== renderCount) return;
    const args = path.match(re).slice(1);
    await mod.render(clear(main), { args, navigate, isCurrent: () => token === renderCount });
  } catch (err) {
    if (token !== renderCount) return;
    clear(main).append(h('h1', {}, 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, String(err.message || err)));
  }
  if (token === renderCount) {
    main.dataset.ready = '1';
    document.title = 'pactwatch · ' + (main.querySelector('h1') ? main.querySelector('h1').textContent : name);
  }
}

// refreshFlags reloads the watches' new events and redraws the header.
export async function refreshFlags() {
  await loadWatchFlags();
  const main = document.getElementById('view');
  header(main.dataset.view || '');
}

document.addEventListener('click', (ev) => {
  const a = ev.target.closest('a');
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const href = a.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('//') || a.target || a.hasAttribute('download')) return;
  if (href.startsWith('/api/') || href.endsWith('.atom')) return;
  ev.preventDefault();
  navigate(href);
});
window.addEventListener('popstate', render);

(async () => {
  // the first view's code and, for the network, its data load beside the
  // app's own start
  const first = routes.find(([re]) => re.test(location.pathname));
  if (first && first[1] === 'network') prefetch('/api/graph', currentFilters());
  try {
    await Promise.all([loadMeta(), loadWatchFlags(), first ? first[2]() : null]);
  } catch (err) {
    clear(document.getElementById('view')).append(h('p', { class: 'error', role: 'alert' }, 'The API did not answer: ' + err.message));
    return;
  }
  render();
})();
