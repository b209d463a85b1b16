// The live socket: the master announces every new sequence number, so the phone pulls at once
// instead of polling. Reconnects with backoff; waits for the "online" event while offline.

import { Backoff } from './backoff.js';

const CONNECT_TIMEOUT_MS = 10000;
const POLICY_VIOLATION = 1008;

export class LiveChannel {
  #socket = null;
  #timer = null;
  #wanted = false;
  #backoff = new Backoff();

  /**
   * url: () => socket URL; onSeq(seq, first) (first: the master's greeting once it listens to
   * this socket); onRefresh() when the forms or the coordinator's switches
   * changed; onReceipts(through) when the team's server took or refused entries; onOpen();
   * onDown(); onRefused(reason) when the token is refused.
   */
  constructor({ url, onSeq, onRefresh, onReceipts, onOpen, onDown, onRefused }) {
    Object.assign(this, { url, onSeq, onRefresh, onReceipts, onOpen, onDown, onRefused });
  }

  get connected() {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  start() {
    this.#wanted = true;
    this.#connect();
  }

  stop() {
    this.#wanted = false;
    this.#drop();
  }

  /** After the "online" event: try now instead of waiting out the backoff. */
  reconnectNow() {
    if (!this.#wanted) return;
    this.#backoff.reset();
    this.#drop();
    this.#connect();
  }

  /** After the "offline" event: the socket is of no use until the network is back. */
  pause() {
    this.#drop();
  }

  #connect() {
    if (!this.#wanted || this.#socket || !navigator.onLine) return;
    const socket = new WebSocket(this.url());
    this.#socket = socket;
    const timeout = setTimeout(() => socket.close(), CONNECT_TIMEOUT_MS);
    let greeted = false;
    socket.onopen = () => {
      clearTimeout(timeout);
      this.#backoff.reset();
      this.onOpen();
    };
    socket.onmessage = (event) => {
      let message = null;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message?.type === 'seq' && Number.isFinite(message.seq)) {
        this.onSeq(message.seq, !greeted);
        greeted = true;
      }
      if (message?.type === 'refresh') this.onRefresh();
      if (message?.type === 'receipts' && Number.isFinite(message.seq)) this.onReceipts?.(message.seq);
    };
    socket.onclose = (event) => {
      clearTimeout(timeout);
      if (this.#socket !== socket) return;
      this.#socket = null;
      if (event.code === POLICY_VIOLATION) {
        this.#wanted = false;
        this.onRefused(event.reason);
        return;
      }
      this.onDown();
      this.#schedule();
    };
  }

  #schedule() {
    if (!this.#wanted || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#connect();
    }, this.#backoff.next());
  }

  #drop() {
    clearTimeout(this.#timer);
    this.#timer = null;
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
  }
}
