// The world map: country shapes from Natural Earth (the world-atlas
// package, shipped with the app: no tile server), states shaded by their
// events, arcs between the busiest partners, and events at their places.
import { geoNaturalEarth1, geoPath, geoInterpolate } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import worldURL from 'world-atlas/countries-110m.json?url';
import { h, s, text, typeColor, legend, put } from '../dom.js';
import { get } from '../api.js';
import * as filters from '../filters.js';

let world = null;

async function loadWorld() {
  if (!world) {
    const res = await fetch(worldURL);
    if (!res.ok) throw new Error('map shapes: ' + res.status);
    world = await res.json();
  }
  return world;
}

export async function render(main, { navigate, isCurrent }) {
  const f = filters.current();
  const search = filters.toSearch(f);
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  put(main, h('h1', {}, 'Map'), filters.bar((next) => navigate('/map' + filters.toSearch(next))), status);
  const [topo, m] = await Promise.all([loadWorld(), get('/api/map', f)]);
  if (!isCurrent()) return;
  const W = 960, H = 500;
  const projection = geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' });
  const path = geoPath(projection);
  const byNumeric = new Map(m.states.filter((x) => x.numeric).map((x) => [x.numeric, x]));
  const max = Math.max(1, ...m.states.map((x) => x.events));
  const countries = feature(topo, topo.objects.countries).features;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': 'world map of events' });
  svg.append(s('path', { d: path({ type: 'Sphere' }), class: 'sphere' }));
  const land = s('g', { class: 'countries' });
  for (const c of countries) {
    const st = byNumeric.get(String(c.id).padStart(3, '0'));
    const shade = st ? 0.15 + 0.85 * Math.sqrt(st.events / max) : 0;
    const p = s('path', { d: path(c), class: st ? 'active' : 'idle', fill: st ? '#b03a2e' : '#e8e4da', 'fill-opacity': st ? shade.toFixed(3) : 1 },
      s('title', {}, st ? `${st.name}: ${st.events} events` : (c.properties && c.properties.name) || ''));
    if (st) {
      p.dataset.iso3 = st.iso3;
      p.addEventListener('click', () => navigate('/states/' + st.iso3 + search));
    }
    land.append(p);
  }
  svg.append(land, s('path', { d: path(mesh(topo, topo.objects.countries, (a, b) => a !== b)), class: 'borders' }));
  const at = new Map(m.states.filter((x) => x.placed).map((x) => [x.iso3, [x.lon, x.lat]]));
  const arcs = s('g', { class: 'arcs' });
  const maxArc = Math.max(1, ...m.arcs.map((a) => a.events));
  for (const a of m.arcs) {
    const p0 = at.get(a.a), p1 = at.get(a.b);
    if (!p0 || !p1) continue;
    const line = { type: 'LineString', coordinates: Array.from({ length: 17 }, (_, i) => geoInterpolate(p0, p1)(i / 16)) };
    arcs.append(s('path', { d: path(line), stroke: typeColor(a.type), 'stroke-width': (0.5 + 3.5 * a.events / maxArc).toFixed(2),
      fill: 'none', 'stroke-opacity': 0.7 }, s('title', {}, `${a.a}–${a.b}: ${a.events} events, mostly ${a.type}`)));
  }
  const places = s('g', { class: 'places' });
  const maxP = Math.max(1, ...m.places.map((p) => p.events));
  for (const p of m.places) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    places.append(s('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (1.5 + 5 * Math.sqrt(p.events / maxP)).toFixed(1) },
      s('title', {}, `${p.name}${p.country ? ' (' + p.country + ')' : ''}: ${p.events} events`)));
  }
  svg.append(arcs, places);
  status.textContent = `${m.events} events; ${m.states.length} states, ${m.arcs.length} partner arcs, ${m.places.length} places` +
    (m.unplaced ? ` (${m.unplaced} events at places the map does not know)` : '');
  put(main, h('div', { class: 'map-box' }, svg), legend(),
    h('h2', {}, 'Most active states'),
    h('ol', { class: 'states' }, m.states.slice(0, 30).map((x) => h('li', {}, h('a', { href: '/states/' + x.iso3 + search }, text(x.name)), ` ${x.events}`))));
}
