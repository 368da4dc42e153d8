// What the app keeps between views: the server's vocabularies and the
// events that watches flag as new.
import { get } from './api.js';

let metaData = null;
let newEvents = new Set();

export async function loadMeta() {
  metaData = await get('/api/meta');
  return metaData;
}

export function meta() {
  return metaData;
}

export function stateName(iso3) {
  const s = metaData && metaData.states.find((x) => x.iso3 === iso3);
  return s ? s.name : iso3;
}

export async function loadWatchFlags() {
  try {
    const { watches } = await get('/api/watches');
    newEvents = new Set(watches.flatMap((w) => w.new_events));
    return watches;
  } catch {
    newEvents = new Set();
    return [];
  }
}

export function isNew(id) {
  return newEvents.has(id);
}

export function newCount() {
  return newEvents.size;
}
