/**
 * Scheduled pieces go public at their time with no mutation to evict anything, so no cached answer
 * may outlive the next such moment. The moment is read once and kept until a mutation (which may
 * schedule something sooner) resets it, or until it passes.
 */
export class ScheduleHorizon {
  private next: Promise<number> | undefined;

  constructor(private readonly load: (now: Date) => Promise<Date | null>) {}

  /** Milliseconds since the epoch of the next scheduled publication; Infinity when none is due. */
  async until(now: number): Promise<number> {
    const pending = (this.next ??= this.read(now));
    const at = await pending;
    if (at > now) return at;
    if (this.next === pending) this.next = undefined;
    return this.until(now);
  }

  reset(): void {
    this.next = undefined;
  }

  private async read(now: number): Promise<number> {
    try {
      return (await this.load(new Date(now)))?.getTime() ?? Infinity;
    } catch (error) {
      // A failed read must not be kept: the next caller tries again.
      this.next = undefined;
      throw error;
    }
  }
}
