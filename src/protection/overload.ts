import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * Watches how late the event loop runs. When the longest delay of each of the last two samples (a
 * second in all) passes the threshold, work the cache cannot answer is turned away with a fast 503
 * rather than queued behind the backlog; cache hits, /healthz and /metrics still answer, as they cost
 * next to nothing. Two samples, so that one slow request or one pause of a busy host sheds nobody.
 */
export class LoadMonitor {
  private readonly histogram: IntervalHistogram;
  private readonly timer: NodeJS.Timeout;
  /** The longest delay of the last sample, in milliseconds (also on /metrics). */
  lagMs = 0;
  /** The same of the sample before. */
  private earlierMs = 0;

  /** `thresholdMs`: 0 turns shedding off (the lag is still measured). */
  constructor(
    readonly thresholdMs: number,
    sampleMs = 500,
  ) {
    this.histogram = monitorEventLoopDelay({ resolution: 10 });
    this.histogram.enable();
    this.timer = setInterval(() => {
      this.earlierMs = this.lagMs;
      // The histogram counts the sampling resolution itself as delay.
      this.lagMs = Math.max(0, this.histogram.max / 1e6 - 10);
      this.histogram.reset();
    }, sampleMs);
    this.timer.unref();
  }

  get overloaded(): boolean {
    return this.thresholdMs > 0 && Math.min(this.lagMs, this.earlierMs) > this.thresholdMs;
  }

  close(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }
}
