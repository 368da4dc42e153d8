// Building the page from data that may be hostile: every text goes in
// through textContent (never innerHTML), attributes are set one by one
// from a short list, links leave the site only to http(s) addresses, and
// styles are set through the CSSOM (the Content-Security-Policy forbids
// style attributes written as text).

const SVG = 'http://www.w3.org/2000/svg';

// Attributes h() sets; anything else is refused, so that no event handler
// attribute can ever be set from data.
const ALLOWED = new Set([
  'id', 'class', 'href', 'title', 'dir', 'lang', 'type', 'name', 'value', 'placeholder', 'for', 'min', 'max',
  'step', 'checked', 'selected', 'disabled', 'rows', 'cols', 'colspan', 'role', 'tabindex', 'download', 'rel',
  'target', 'aria-label', 'aria-live', 'aria-current', 'aria-sort', 'aria-hidden', 'width', 'height',
  'viewBox', 'd', 'cx', 'cy', 'r', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'fill', 'stroke', 'stroke-width',
  'fill-opacity', 'stroke-opacity', 'opacity', 'text-anchor', 'transform', 'font-size', 'preserveAspectRatio',
  'pattern', 'scope', 'maxlength', 'size', 'multiple', 'autocomplete', 'spellcheck', 'list', 'open',
]);

function set(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'on') {
      for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
      continue;
    }
    if (k === 'data') {
      for (const [dk, dv] of Object.entries(v)) el.dataset[dk] = String(dv);
      continue;
    }
    if (k === 'style') {
      for (const [sk, sv] of Object.entries(v)) el.style.setProperty(sk, String(sv));
      continue;
    }
    if (!ALLOWED.has(k) && !k.startsWith('data-')) throw new Error('attribute not allowed: ' + k);
    if (k === 'href') {
      const safe = safeHref(String(v));
      if (safe) el.setAttribute('href', safe);
      continue;
    }
    el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// h makes an HTML element: h('a', {href: '/events/1'}, 'text', child...).
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  set(el, attrs);
  append(el, children);
  return el;
}

// s makes an SVG element.
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  set(el, attrs);
  append(el, children);
  return el;
}

// safeHref returns the address when it is a path on this site or an http(s)
// address elsewhere, and null otherwise (javascript:, data:, vbscript:...).
export function safeHref(v) {
  if (typeof v !== 'string' || v === '') return null;
  if (v.startsWith('/') && !v.startsWith('//')) return v;
  let u;
  try {
    u = new URL(v);
  } catch {
    return null;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
}

// BIDI are the characters that embed, override or isolate a direction.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;

// text shows a string from the data with its bidi controls made visible
// (an override in a title cannot reverse what follows it), isolated in a
// <bdi> so that right-to-left text keeps its own order.
export function text(v, attrs) {
  const el = h('bdi', attrs);
  const str = v === undefined || v === null ? '' : String(v);
  let at = 0;
  for (const m of str.matchAll(BIDI)) {
    if (m.index > at) el.append(document.createTextNode(str.slice(at, m.index)));
    el.append(h('span', { class: 'ctrl', title: 'invisible direction control' },
      'U+' + m[0].codePointAt(0).toString(16).toUpperCase()));
    at = m.index + m[0].length;
  }
  if (at < str.length) el.append(document.createTextNode(str.slice(at)));
  return el;
}

// link makes a link to an address outside the site (new tab, no referrer)
// or, when the address is not http(s), the address as plain text.
export function extLink(href, label) {
  const safe = safeHref(href);
  if (!safe || safe.startsWith('/')) return text(label || href, { class: 'unsafe-link', title: 'not an http(s) link' });
  return h('a', { href: safe, rel: 'noopener noreferrer nofollow', target: '_blank' }, text(label || href));
}

// put appends children to an element, leaving out null, undefined and
// false (the DOM's own append writes them as text).
export function put(el, ...children) {
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

// TYPE_COLORS give each event type a colour (legends, graph, timeline).
export const TYPE_COLORS = {
  meeting: '#4e79a7', agreement: '#59a14f', training: '#f28e2b', exercise: '#e15759', intelligence: '#76b7b2',
  arms: '#b07aa1', deployment: '#edc948', aid: '#9c755f', rupture: '#222222',
};

export function typeColor(t) {
  return TYPE_COLORS[t] || '#888888';
}

export function legend() {
  return h('ul', { class: 'legend' }, Object.entries(TYPE_COLORS).map(([t, c]) =>
    h('li', {}, h('span', { class: 'swatch', style: { background: c } }), t)));
}
