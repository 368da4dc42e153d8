// The API client: reads are plain GETs; writes carry the X-Pactwatch
// header the server requires, the token when the analyst gave one, and a
// JSON body.

export class APIError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function answer(res) {
  const type = res.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new APIError(res.status, (body && body.error) || res.statusText);
  return body;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '') continue;
    for (const x of Array.isArray(v) ? v : [v]) q.append(k, String(x));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

// early holds answers asked for before the view that needs them loaded
// (the first page's data, fetched beside the app's own start).
const early = new Map();

export function prefetch(path, params) {
  const url = path + query(params);
  early.set(url, fetch(url, { headers: { Accept: 'application/json' } }).then(answer));
}

export async function get(path, params) {
  const url = path + query(params);
  if (early.has(url)) {
    const p = early.get(url);
    early.delete(url);
    return p;
  }
  return answer(await fetch(url, { headers: { Accept: 'application/json' } }));
}

export function settings() {
  return {
    reviewer: localStorage.getItem('pactwatch.reviewer') || '',
    token: sessionStorage.getItem('pactwatch.token') || '',
  };
}

export function saveSettings({ reviewer, token }) {
  localStorage.setItem('pactwatch.reviewer', reviewer || '');
  sessionStorage.setItem('pactwatch.token', token || '');
}

export async function send(method, path, body) {
  const headers = { 'X-Pactwatch': '1', Accept: 'application/json' };
  const { token, reviewer } = settings();
  if (token) headers.Authorization = 'Bearer ' + token;
  const init = { method, headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    if (reviewer && body && typeof body === 'object' && !('reviewer' in body) && path !== '/api/ingest') {
      body = { ...body, reviewer };
    }
    init.body = JSON.stringify(body);
  }
  return answer(await fetch(path, init));
}

export const post = (path, body) => send('POST', path, body);
export const del = (path) => send('DELETE', path);
