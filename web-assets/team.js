// Which of the team's masters this phone may talk to. Every master names its team (`teamId`) and
// its epoch: a laptop that takes over as the team's master when the old one is lost keeps the
// team id and counts the epoch up by one (protocol.md, "Take-over"). The phone remembers the
// highest epoch it has seen and sends it with every call, so that a former master learns it was
// replaced. A master of the same team with a higher epoch is the new master: its changes feed
// numbers entries its own way, so the phone reads it from the start (merging what it already
// holds changes nothing). One with a lower epoch is the former master: the phone sends it nothing.

/** The master this phone reached is the team's former master (a newer one took over). */
export class FormerMaster extends Error {
  constructor() {
    super("This is the team's former master laptop; ask your coordinator for the new address.");
  }
}

/** What a master's team and epoch mean to this phone. */
export const Verdict = Object.freeze({
  /** The phone knew no team yet (joined before masters named one) or the master names none. */
  UNKNOWN: 'unknown',
  SAME: 'same',
  /** The same team under a newer master: read its feed from the start. */
  NEWER: 'newer',
  /** The same team's former master: send nothing there. */
  FORMER: 'former',
  /** Another team altogether. */
  OTHER: 'other',
});

export class TeamWatch {
  /** `known`: `{ teamId, epoch }` as stored (meta `team`), or null. */
  constructor(known = null) {
    this.known = known?.teamId && Number.isInteger(known.epoch) ? known : null;
  }

  /** The highest epoch this phone has seen; 0 when none. */
  get epoch() {
    return this.known?.epoch ?? 0;
  }

  /** What a master naming `teamId` and `epoch` (from /info or its answer's headers) is to this phone. */
  judge(teamId, epoch) {
    if (!teamId || !Number.isInteger(epoch) || !this.known) return Verdict.UNKNOWN;
    if (teamId !== this.known.teamId) return Verdict.OTHER;
    if (epoch > this.known.epoch) return Verdict.NEWER;
    return epoch < this.known.epoch ? Verdict.FORMER : Verdict.SAME;
  }

  /** Takes the team and epoch of the master this phone now syncs with; the value to store, or null when nothing changed. */
  learn(teamId, epoch) {
    if (!teamId || !Number.isInteger(epoch)) return null;
    if (this.known?.teamId === teamId && this.known.epoch >= epoch) return null;
    this.known = { teamId, epoch };
    return this.known;
  }
}
