import { deadlineExceeded, serviceUnavailable } from '../errors/errors';
import type { DatabaseHealth } from '../database/health';
import type { Payer, RateState } from './rate-limit';

/**
 * One request's account, kept by the HTTP layer and filled in as the request runs: who pays, what its
 * query costs, what it spent and has left, how many SQL statements it sent, and the error codes it
 * answered with; the request's log line and metrics are read off it. While the request runs uncached
 * (`begin`), it also carries the request's deadline: past it, or when the database goes away, the
 * request sends no more SQL and is answered at once.
 */
export class RequestMeter {
  operation: string | null = null;
  cost: number | null = null;
  rate: RateState | null = null;
  cache: 'HIT' | 'MISS' | 'BYPASS' | null = null;
  statements = 0;
  /** The operation's admission (Admission), once asked for. */
  admission: Promise<void> | null = null;
  /** A known document's plan answered with errors: graphql-js answers instead (KnownDocuments). */
  planFailed = false;
  readonly codes: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private unwatch: (() => void) | null = null;
  private health: DatabaseHealth | null = null;
  /** What is told when the request stops (SqlReader cuts PostgreSQL statements in flight); null until it runs uncached. */
  private listeners: Set<(reason: Error) => void> | null = null;
  /** Why the request stopped, once it has. */
  private reason: Error | null = null;
  private settle: ((reason: Error) => void) | null = null;

  constructor(
    readonly requestId: string,
    readonly payer: Payer,
    readonly address: string,
  ) {}

  /**
   * Starts the deadline and the watch on the database, for a request that will run; settles with the
   * error to answer with once the request is stopped. A set of listeners and a promise, not an
   * AbortController: an EventTarget per request, with Node's listener warning to lift, for what a Set does.
   */
  begin(deadlineMs: number, health: DatabaseHealth): Promise<Error> {
    this.listeners = new Set();
    this.health = health;
    const stop = new Promise<Error>((resolve) => (this.settle = resolve));
    this.timer = setTimeout(() => this.interrupt(deadlineExceeded(deadlineMs)), deadlineMs);
    this.unwatch = health.watch(this);
    return stop;
  }

  /** Stops the request: every later read refuses, and the HTTP layer answers with `reason`. */
  interrupt(reason: Error): void {
    if (!this.listeners || this.reason) return;
    this.reason = reason;
    this.settle!(reason);
    for (const listener of this.listeners) listener(reason);
    this.listeners.clear();
  }

  /** Tells `listener` when the request stops, until the returned function is called; null when the request never stops (not begun). */
  onStop(listener: (reason: Error) => void): (() => void) | null {
    const listeners = this.listeners;
    if (!listeners) return null;
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Called before each SQL statement: throws once the request is stopped or the database is away. */
  check(): void {
    if (this.reason) throw this.reason;
    if (this.health && !this.health.up) throw serviceUnavailable();
  }

  statement(): void {
    this.statements += 1;
  }

  /** A statement failed: the database may be going away. */
  failed(error: unknown): void {
    this.health?.report(error);
  }

  finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.unwatch?.();
  }
}
