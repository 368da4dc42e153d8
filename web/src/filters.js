// The filters live in the address's query string, so that every view can
// be reloaded and shared as it is.
import { h } from './dom.js';
import { meta } from './state.js';

export const FILTER_KEYS = ['country', 'type', 'stage', 'since', 'until', 'min_confidence', 'region', 'review', 'q'];

// current reads the filters from the address.
export function current() {
  const q = new URLSearchParams(location.search);
  const f = {};
  for (const k of FILTER_KEYS) {
    const vs = q.getAll(k).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    if (vs.length) f[k] = k === 'country' || k === 'type' ? vs : vs[0];
  }
  return f;
}

// params returns the filters and the other parameters of the address.
export function params() {
  const out = current();
  const q = new URLSearchParams(location.search);
  for (const k of ['sort', 'order', 'limit', 'offset', 'by']) if (q.get(k)) out[k] = q.get(k);
  return out;
}

export function toSearch(f) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '') continue;
    for (const x of Array.isArray(v) ? v : [v]) if (x !== '') q.append(k, x);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

// bar draws the filter form; apply(f) is called with the new filters.
export function bar(apply, opts = {}) {
  const f = current();
  const m = meta();
  const typeBoxes = m.types.map((t) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'type', value: t, checked: (f.type || []).includes(t) }), t));
  const select = (name, label, options) => h('label', {}, label, ' ', h('select', { name },
    options.map(([v, l]) => h('option', { value: v, selected: (f[name] || '') === v }, l))));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'filters' },
    h('label', {}, 'States ', h('input', { name: 'country', placeholder: 'FRA, KEN', size: 10,
      value: (f.country || []).join(', '), pattern: '[A-Za-z]{3}([ ,]+[A-Za-z]{3})*' })),
    h('label', {}, 'From ', h('input', { name: 'since', placeholder: 'YYYY[-MM[-DD]]', size: 10, value: f.since || '' })),
    h('label', {}, 'to ', h('input', { name: 'until', placeholder: 'YYYY[-MM[-DD]]', size: 10, value: f.until || '' })),
    select('region', 'Region', [['', 'any'], ...m.regions.map((r) => [r.code, (r.parent ? '· ' : '') + r.name])]),
    select('stage', 'Stage', [['', 'any'], ...m.stages.map((s) => [s, s])]),
    h('label', {}, 'Confidence ≥ ', h('input', { name: 'min_confidence', type: 'number', min: 0, max: 1, step: 0.05,
      size: 4, value: f.min_confidence || '' })),
    select('review', 'Review', [['', 'not rejected'], ['all', 'all'], ['confirmed', 'confirmed'],
      ['corrected', 'corrected'], ['unreviewed', 'unreviewed'], ['rejected', 'rejected'], ['merged', 'merged']]),
    opts.search ? h('label', {}, 'Text ', h('input', { name: 'q', type: 'search', value: f.q || '', size: 16,
      placeholder: 'in any language' })) : null,
    h('fieldset', { class: 'types' }, h('legend', {}, 'Types'), typeBoxes),
    h('button', { type: 'submit', class: 'apply' }, 'Apply'),
    h('button', { type: 'button', class: 'reset', on: { click: () => apply({}) } }, 'Clear'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const next = {};
    const countries = String(data.get('country') || '').split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
    if (countries.length) next.country = countries;
    const types = data.getAll('type');
    if (types.length) next.type = types;
    for (const k of ['since', 'until', 'region', 'stage', 'min_confidence', 'review', 'q']) {
      const v = String(data.get(k) || '').trim();
      if (v) next[k] = v;
    }
    apply(next);
  });
  return form;
}
