import type { LiveEvent } from './live-events';

export interface PublicationClockOptions {
  /** When the next scheduled (or embargoed) piece goes public, or null. */
  next: (now: Date) => Promise<Date | null>;
  /** The scheduled pieces whose time came in (from, to]. */
  due: (from: Date, to: Date) => Promise<number[]>;
  /** Hands events to this instance's subscribers alone. */
  deliver: (events: LiveEvent[]) => void;
  /** Writes what came due by `now` into the sync feed (once, whichever instance gets there first). */
  record: (now: Date) => Promise<void>;
  log: (message: string, error: unknown) => void;
  /** The longest wait before looking again, whatever is scheduled (a timer cannot wait for weeks). */
  maxWaitMs?: number;
}

/**
 * Scheduled and embargoed pieces go public at their time with no mutation, so nothing publishes an
 * event for them: this clock does. It waits for the next such moment (read from the database), then
 * tells this instance's subscribers of each piece that came due since it last looked. Every instance
 * runs its own clock for its own subscribers, so none of it goes through Redis, and no subscriber
 * hears it twice. A save that schedules a piece sooner, on any instance, says when (`expect`), so the
 * clock reads the database only when something comes due (and once a minute at most otherwise).
 */
export class PublicationClock {
  private timer: NodeJS.Timeout | null = null;
  /** When the timer fires (ms since the epoch). */
  private armedFor = Infinity;
  /** The soonest time a save said a piece goes public, not yet looked at. */
  private expected = Infinity;
  private since = new Date();
  private closed = false;
  /** One look at a time, so no piece is told of twice; a wake meanwhile looks again after it. */
  private ticking = false;
  private again = false;

  constructor(private readonly options: PublicationClockOptions) {}

  /** Catches the sync feed up on what came due while no instance ran, then waits for the next. */
  async start(): Promise<void> {
    try {
      await this.options.record(this.since);
    } catch (error) {
      this.options.log('publication clock: could not write what came due into the sync feed', error);
    }
    return this.arm();
  }

  /** A piece goes public at `at`: wake then, if that is sooner than the clock would. */
  expect(at: Date): void {
    this.expected = Math.min(this.expected, at.getTime());
    if (!this.closed && at.getTime() < this.armedFor) this.wake(at.getTime());
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Sets the timer for the next publication the database knows of (or what a save said, if sooner). */
  private async arm(): Promise<void> {
    let at: Date | null = null;
    try {
      at = await this.options.next(new Date());
    } catch (error) {
      this.options.log('publication clock: could not read the next scheduled publication', error);
    }
    if (this.closed) return;
    this.wake(Math.min(Date.now() + (this.options.maxWaitMs ?? 60_000), at?.getTime() ?? Infinity, this.expected));
  }

  private wake(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.armedFor = at;
    this.timer = setTimeout(() => void this.tick(), Math.max(0, at - Date.now()));
    // A clock alone keeps no process alive.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = true;
    const now = new Date();
    // What comes due by now is read below; what a save says from here on is newer.
    if (this.expected <= now.getTime()) this.expected = Infinity;
    this.armedFor = Infinity;
    try {
      await this.options.record(now);
      const ids = await this.options.due(this.since, now);
      this.since = now;
      if (ids.length) this.options.deliver(ids.map((articleId) => ({ kind: 'article', articleId, published: true })));
    } catch (error) {
      this.options.log('publication clock: could not read the pieces that came due', error);
    }
    this.ticking = false;
    if (this.again) {
      this.again = false;
      return this.tick();
    }
    if (!this.closed) await this.arm();
  }
}
