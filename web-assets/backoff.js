// Exponential backoff with jitter for retries while the master is unreachable: 1 s, 2 s, 4 s ...
// capped at 30 s, each delay drawn from its upper half so many phones do not retry in step.

export class Backoff {
  constructor({ firstMs = 1000, maxMs = 30000 } = {}) {
    this.firstMs = firstMs;
    this.maxMs = maxMs;
    this.attempt = 0;
  }

  next() {
    const ceiling = Math.min(this.maxMs, this.firstMs * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  reset() {
    this.attempt = 0;
  }
}
