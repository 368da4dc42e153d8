// The network of states: nodes sized by their events, edges weighted by
// the events of the pair and coloured by its dominant type, drawn on a
// canvas by cytoscape. Click a state for its profile, an edge for the
// events of the pair. The pairs are listed below the graph as links too
// (for keyboards and screen readers).
import cytoscape from 'cytoscape';
import { h, text, typeColor, legend, put } from '../dom.js';
import { get } from '../api.js';
import * as filters from '../filters.js';

// Cytoscape writes a <style> element into the page unless an element with
// this id exists; the policy forbids inline styles, so the rule it wants
// is in style.css and this marker stands in for its element.
const CY_STYLE = '__________cytoscape_stylesheet';

export async function render(main, { navigate, isCurrent }) {
  if (!document.getElementById(CY_STYLE)) document.head.append(h('meta', { id: CY_STYLE }));
  const f = filters.current();
  const search = filters.toSearch(f);
  const box = h('div', { id: 'graph', class: 'graph', role: 'img', 'aria-label': 'network of states' });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  put(main, h('h1', {}, 'Network of states'),
    filters.bar((next) => navigate('/network' + filters.toSearch(next))), status, box, legend());
  const g = await get('/api/graph', f);
  if (!isCurrent()) return;
  box.dataset.nodes = g.nodes.length;
  box.dataset.edges = g.edges.length;
  status.textContent = `${g.events} events, ${g.nodes.length} states, ${g.edges.length} pairs` +
    (g.truncated ? ' (the heaviest pairs only)' : '');
  const maxN = Math.max(1, ...g.nodes.map((n) => n.events));
  const maxE = Math.max(1, ...g.edges.map((e) => e.events));
  const elements = [
    ...g.nodes.map((n) => ({ data: { id: n.id, label: n.id, name: n.name, size: 14 + 36 * Math.sqrt(n.events / maxN), events: n.events } })),
    ...g.edges.map((e) => ({ data: { id: e.source + '-' + e.target, source: e.source, target: e.target, events: e.events,
      width: 1 + 9 * (e.events / maxE), color: typeColor(e.type), type: e.type } })),
  ];
  if (g.nodes.length) {
    performance.mark('graph-layout-start');
    const cy = cytoscape({
      container: box,
      elements,
      // drawn at once in rings (the busiest states in the middle), then laid
      // out by forces without blocking the first picture
      layout: { name: 'concentric', concentric: (n) => n.data('events'), levelWidth: () => maxN / 6, minNodeSpacing: 4, padding: 12 },
      style: [
        { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)',
          'background-color': '#5b6770', color: '#111', 'font-size': 13, 'font-weight': 600, 'text-valign': 'center', 'text-halign': 'center',
          'text-outline-color': '#fff', 'text-outline-width': 2 } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(color)', opacity: 0.75, 'curve-style': 'haystack' } },
        { selector: 'node:active, node:selected', style: { 'background-color': '#c0392b' } },
      ],
      wheelSensitivity: 0.3,
      textureOnViewport: true,
      hideEdgesOnViewport: g.edges.length > 2000,
      pixelRatio: 1,
    });
    performance.measure('graph-drawn', 'graph-layout-start');
    // after the first picture is painted
    requestAnimationFrame(() => setTimeout(() => {
      if (cy.destroyed()) return;
      const forces = cy.layout({ name: 'cose', animate: false, randomize: false, padding: 12, componentSpacing: 24,
        nodeRepulsion: () => 2200, idealEdgeLength: () => 28, edgeElasticity: () => 40, gravity: 40,
        // cooler and shorter than cytoscape's defaults: ~150 rounds, a good picture in a fraction of the time
        initialTemp: 250, coolingFactor: 0.965, minTemp: 1, numIter: 400 });
      forces.one('layoutstop', () => {
        box.dataset.layout = 'done';
        performance.measure('graph-layout', 'graph-layout-start');
      });
      forces.run();
    }, 30));
    cy.on('tap', 'node', (ev) => navigate('/states/' + ev.target.id() + search));
    cy.on('tap', 'edge', (ev) => {
      const d = ev.target.data();
      navigate('/events' + filters.toSearch({ ...f, country: [d.source, d.target] }));
    });
  } else {
    box.append(h('p', { class: 'empty' }, 'No event matches these filters.'));
  }
  put(main, h('h2', {}, 'Pairs'), h('table', { class: 'pairs' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Pair'), h('th', {}, 'Events'), h('th', {}, 'Mostly'), h('th', {}, 'Latest'))),
    h('tbody', {}, g.edges.slice(0, 100).map((e) => h('tr', {},
      h('td', {}, h('a', { href: '/events' + filters.toSearch({ ...f, country: [e.source, e.target] }), class: 'pair' },
        text(e.source), '–', text(e.target))),
      h('td', { class: 'num' }, String(e.events)),
      h('td', {}, h('span', { class: 'swatch', style: { background: typeColor(e.type) } }), e.type),
      h('td', {}, e.last || ''))))));
  put(main, h('h2', {}, 'States'), h('ul', { class: 'states' }, g.nodes.slice(0, 100).map((n) =>
    h('li', {}, h('a', { href: '/states/' + n.id + search }, text(n.name)), ` ${n.events}`))));
}
