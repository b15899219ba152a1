import { isConnectionFailure, serviceUnavailable } from '../errors/errors';

/** Something that runs SQL for a request and can be told to stop (a request's meter). */
export interface Interruptible {
  interrupt(reason: Error): void;
}

export interface HealthOptions {
  /** One round trip to the database; rejects when it cannot be reached. */
  probe: () => Promise<void>;
  /** How long a probe may take before the database counts as unreachable. */
  timeoutMs?: number;
  /** How often the database is probed while it answers, and while it does not. */
  intervalMs?: { up: number; down: number };
  /** Hears each change of state. */
  onChange?: (up: boolean) => void;
}

/**
 * Whether the database answers, known without waiting on it: a probe runs every second (four times a
 * second while the database is away) and at once when a request meets a connection failure. While it
 * is away, /readyz fails, reads are refused at once with SERVICE_UNAVAILABLE instead of waiting on
 * connections, and requests already waiting on it are answered so; the first probe that succeeds
 * brings everything back, with no restart.
 */
export class DatabaseHealth {
  private state: 'up' | 'down' = 'up';
  private probing: Promise<boolean> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly watched = new Set<Interruptible>();
  private readonly timeoutMs: number;
  private readonly intervalMs: { up: number; down: number };

  constructor(private readonly options: HealthOptions) {
    this.timeoutMs = options.timeoutMs ?? 1_000;
    this.intervalMs = options.intervalMs ?? { up: 1_000, down: 250 };
  }

  get up(): boolean {
    return this.state === 'up';
  }

  /** Starts the regular probes. */
  start(): void {
    this.schedule();
  }

  /** Probes now (or joins the probe under way) and answers whether the database answered. */
  check(): Promise<boolean> {
    this.probing ??= this.probe().finally(() => (this.probing = null));
    return this.probing;
  }

  /** A request met `error`: if it is the connection failing, find out at once whether the database is gone. */
  report(error: unknown): void {
    if (isConnectionFailure(error)) void this.check();
  }

  /** Tells `request` to stop should the database go away while it runs. */
  watch(request: Interruptible): () => void {
    this.watched.add(request);
    return () => this.watched.delete(request);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async probe(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the database did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      await Promise.race([this.options.probe(), timeout]);
      this.set('up');
      return true;
    } catch {
      this.set('down');
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private set(state: 'up' | 'down'): void {
    if (state === this.state) return;
    this.state = state;
    if (state === 'down') {
      for (const request of this.watched) request.interrupt(serviceUnavailable());
    }
    this.options.onChange?.(state === 'up');
    this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.check().finally(() => this.schedule());
    }, this.intervalMs[this.state]);
    this.timer.unref();
  }
}
