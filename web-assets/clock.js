// Hybrid logical clock of this phone, on the wire as `<13-digit wall ms>-<6-digit counter>-<device id>`
// so that plain string order is clock order. Phone clocks are often wrong, so the wall time is
// the phone's clock plus an offset learned from the master's time in every answer.

const MAX_COUNTER = 999999;
/** Longer than any call to the master takes (api.js gives up after 15 s): a longer one is a clock jump. */
const LONGEST_CALL_MS = 60000;
const WIRE = /^(\d{13})-(\d{6})-([A-Za-z0-9_]{1,40})$/;

export function encodeHlc(wall, counter, deviceId) {
  return `${String(wall).padStart(13, '0')}-${String(counter).padStart(6, '0')}-${deviceId}`;
}

export function parseHlc(text) {
  const m = WIRE.exec(text ?? '');
  return m ? { wall: Number(m[1]), counter: Number(m[2]), deviceId: m[3] } : null;
}

export class HlcClock {
  /** state: what {@link HlcClock#state} returned before (kept in IndexedDB across reloads). */
  constructor(deviceId, state = {}, wallClock = () => Date.now()) {
    this.deviceId = deviceId;
    this.wallClock = wallClock;
    this.offset = state.offset ?? 0;
    this.lastWall = state.lastWall ?? 0;
    this.lastCounter = state.lastCounter ?? 0;
  }

  state() {
    return { offset: this.offset, lastWall: this.lastWall, lastCounter: this.lastCounter };
  }

  /** The master's idea of "now", in epoch ms. */
  physicalNow() {
    return Math.round(this.wallClock() + this.offset);
  }

  /**
   * Follows the master's clock; the answer left the master about halfway through the request. A
   * call during which the phone's own clock jumped (set by hand, or by the network) says nothing:
   * its halfway point would move the offset by half the jump.
   */
  followReference(masterTime, sentAt, receivedAt) {
    if (!Number.isFinite(masterTime) || masterTime <= 0) return;
    if (!(receivedAt >= sentAt && receivedAt - sentAt <= LONGEST_CALL_MS)) return;
    this.offset = masterTime - (sentAt + receivedAt) / 2;
  }

  /**
   * The master refused this phone's stamps as ahead of its time (the answer's time was followed
   * first): later stamps start from the master's time again, not after the refused ones.
   */
  dropFuture() {
    const wall = this.physicalNow();
    if (this.lastWall > wall) {
      this.lastWall = wall;
      this.lastCounter = 0;
    }
  }

  /** A fresh timestamp for a local edit: later than every one made or seen before. */
  now() {
    const wall = this.physicalNow();
    if (wall > this.lastWall) {
      this.lastWall = wall;
      this.lastCounter = 0;
    } else {
      this.#bump();
    }
    return encodeHlc(this.lastWall, this.lastCounter, this.deviceId);
  }

  /** Takes in a timestamp from another device so that later local edits sort after it. */
  observe(text) {
    const remote = parseHlc(text);
    if (!remote) return;
    const wall = this.physicalNow();
    const max = Math.max(wall, this.lastWall, remote.wall);
    if (max === this.lastWall && max === remote.wall) {
      this.lastCounter = Math.max(this.lastCounter, remote.counter);
      this.#bump();
    } else if (max === this.lastWall) {
      this.#bump();
    } else if (max === remote.wall) {
      this.lastWall = max;
      this.lastCounter = remote.counter;
      this.#bump();
    } else {
      this.lastWall = max;
      this.lastCounter = 0;
    }
  }

  #bump() {
    if (this.lastCounter < MAX_COUNTER) {
      this.lastCounter++;
    } else {
      // a million edits in one millisecond: borrow the next millisecond instead of overflowing
      this.lastWall++;
      this.lastCounter = 0;
    }
  }
}

/** A random (version 4) uuid; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newUuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
