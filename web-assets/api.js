// Wire protocol v1 (protocol.md) from the phone: JSON over fetch with a timeout. Every answer
// carries the master's time, which is handed to `onTime` so the phone's clock can follow it, and
// names the master's team and epoch in its headers: every call sends the highest epoch this
// phone knows, and an answer from the team's former master is not taken (team.js).
// Entries travel in the compact form (wire.js) to a master that says it reads it, gzipped where
// the browser can; pulls ask for the compact form and read either.

import { FormerMaster, TeamWatch, Verdict } from './team.js';
import { fromWire, toCompact } from './wire.js';

const TIMEOUT_MS = 15000;

/** The master answered with an error: `status`, `error` and `detail` come from its JSON. */
export class ApiError extends Error {
  constructor(status, body, retryAfter) {
    super(body?.detail || body?.error || `the master answered ${status}`);
    this.status = status;
    this.error = body?.error ?? `http_${status}`;
    this.detail = body?.detail ?? '';
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

/** The master could not be reached (no network, out of range, master closed, timeout). */
export class Unreachable extends Error {}

export class Api {
  /**
   * getToken: () => token or null; onTime: (masterTime, sentAt, receivedAt) => void;
   * getBase: () => the master's address when it moved away from the one this page came from
   * (like "http://192.168.1.23:8377"), else '' (the page's own); timeoutMs: how long one call
   * may take before the master counts as unreachable; team: what this phone knows of its team's
   * masters (a TeamWatch); onNewerMaster: an answer came from the team's newer master.
   */
  constructor({ getToken, onTime, getBase = () => '', timeoutMs = TIMEOUT_MS, team = new TeamWatch(), onNewerMaster = () => {} }) {
    this.getToken = getToken;
    this.onTime = onTime;
    this.getBase = getBase;
    this.timeoutMs = timeoutMs;
    this.team = team;
    this.onNewerMaster = onNewerMaster;
    // whether the master reads the compact form and gzip bodies: known once /info answered
    this.compact = false;
  }

  async info() {
    const info = await this.#call('GET', '/api/v1/info');
    this.compact = info?.wire >= 2;
    return info;
  }

  pair(code, name) {
    return this.#call('POST', '/api/v1/pair', { code, name, kind: 'phone' });
  }

  forms() {
    return this.#call('GET', '/api/v1/forms');
  }

  /** The results of a push; a batch the master refused as a whole (422) still carries them. */
  async push(entries) {
    const compact = this.compact;
    try {
      return await this.#call('POST', '/api/v1/sync/push', { entries: compact ? entries.map(toCompact) : entries }, compact);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && Array.isArray(e.body?.results)) return e.body;
      throw e;
    }
  }

  /** The names of the team's devices by device id (protocol.md, `GET /api/v1/team/names`); null from an older master. */
  async teamNames() {
    try {
      return (await this.#call('GET', '/api/v1/team/names')).names ?? {};
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  /** The master's counts and the coordinator's current choices for devices. */
  status() {
    return this.#call('GET', '/api/v1/status');
  }

  /** A page of the changes feed, every entry as v1 (entries.js), whichever form the master sent. */
  async pull(since, limit) {
    const answer = await this.#call('GET', `/api/v1/sync/pull?since=${since}&limit=${limit}&format=2`);
    return { ...answer, entries: answer.entries.map(fromWire) };
  }

  /** How much of photo `name` the master holds from this device: `{ received, complete }`. */
  attachmentUpload(name) {
    return this.#call('GET', `/api/v1/attachments/${encodeURIComponent(name)}/upload`);
  }

  /** Sends `chunk` (a Blob) of photo `name` (`size` bytes in all) from byte `offset`: `{ received, complete }`. */
  attachmentChunk(name, offset, size, chunk) {
    return this.#call('PUT', `/api/v1/attachments/${encodeURIComponent(name)}?offset=${offset}&size=${size}`,
      undefined, false, chunk);
  }

  liveUrl() {
    const master = new URL(this.getBase() || location.origin);
    const scheme = master.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${master.host}/api/v1/sync/live?token=${encodeURIComponent(this.getToken() ?? '')}`;
  }

  /** `body` is sent as JSON; `bytes` (a Blob), when given, as it is. */
  async #call(method, path, body, gzip = false, bytes = undefined) {
    const headers = { Accept: 'application/json' };
    const token = this.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (this.team.epoch > 0) headers['Lankit-Epoch'] = String(this.team.epoch);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (bytes !== undefined) headers['Content-Type'] = 'application/octet-stream';
    let payload = bytes ?? (body === undefined ? undefined : JSON.stringify(body));
    if (gzip && typeof CompressionStream === 'function') {
      payload = await gzipped(payload);
      headers['Content-Encoding'] = 'gzip';
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    const sentAt = Date.now();
    let response;
    let json;
    try {
      response = await fetch(this.getBase() + path, {
        method, headers, body: payload,
        signal: abort.signal, cache: 'no-store',
      });
      json = await response.json().catch(() => null);
    } catch (e) {
      throw new Unreachable(abort.signal.aborted ? 'the master did not answer in time' : 'the master cannot be reached');
    } finally {
      clearTimeout(timer);
    }
    if (typeof json?.time === 'number') this.onTime(json.time, sentAt, Date.now());
    this.#judgeMaster(response, json);
    if (response.status >= 500 || (!response.ok && json === null)) {
      throw new Unreachable(`the master is not ready (${response.status})`);
    }
    if (!response.ok) {
      throw new ApiError(response.status, json, Number(response.headers.get('Retry-After')) || 0);
    }
    return json;
  }

  /** Refuses the answer of the team's former master; tells of the team's newer one. */
  #judgeMaster(response, json) {
    if (response.status === 409 && json?.error === 'superseded') throw new FormerMaster();
    const epoch = Number(response.headers.get('Lankit-Epoch'));
    switch (this.team.judge(response.headers.get('Lankit-Team'), Number.isInteger(epoch) ? epoch : null)) {
      case Verdict.FORMER:
        throw new FormerMaster();
      case Verdict.NEWER:
        this.onNewerMaster();
        break;
      case Verdict.UNKNOWN:
      case Verdict.SAME:
      case Verdict.OTHER:
        break;
      default:
        throw new Error('an unknown verdict on the master');
    }
  }
}

/** The text gzipped, whole: browsers send a streamed request body only over HTTP/2. */
function gzipped(text) {
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
}

/**
 * The master's address as typed ("192.168.1.23:8377", "http://192.168.1.23:8377/"), as an origin
 * like "http://192.168.1.23:8377"; null when it is no address. On a secure page (`page` is https)
 * only the typed host counts: the browser lets a secure page call the master only securely, and the
 * master keeps its secure port at every address, so the answer is that host at this page's port.
 */
export function masterOrigin(typed, page = location) {
  const text = (typed ?? '').trim();
  // browsers differ in what they take as a host ("192.168.1.23 port 8377" passes in Chrome)
  if (!text || /\s/.test(text)) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(text) ? text : `http://${text}`);
    if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return null;
    if (page.protocol !== 'https:') return url.origin;
    const secure = new URL(page.origin);
    secure.hostname = url.hostname;
    return secure.origin;
  } catch {
    return null;
  }
}
