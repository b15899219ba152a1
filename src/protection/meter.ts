import { setMaxListeners } from 'node:events';
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
  private controller: AbortController | null = null;
  private timer: NodeJS.Timeout | null = null;
  private unwatch: (() => void) | null = null;
  private health: DatabaseHealth | null = null;
  /** Settles with the error to answer with once the request is stopped. */
  private stop: Promise<Error> | null = null;

  constructor(
    readonly requestId: string,
    readonly payer: Payer,
    readonly address: string,
  ) {}

  /** Starts the deadline and the watch on the database, for a request that will run. */
  begin(deadlineMs: number, health: DatabaseHealth): Promise<Error> {
    const controller = (this.controller = new AbortController());
    // Each PostgreSQL statement in flight listens, to cut its connection (SqlReader), and removes its
    // listener when answered: a big query's wave holds more than Node's warning threshold of ten.
    setMaxListeners(0, controller.signal);
    this.health = health;
    this.stop = new Promise<Error>((resolve) => controller.signal.addEventListener('abort', () => resolve(controller.signal.reason as Error), { once: true }));
    this.timer = setTimeout(() => this.interrupt(deadlineExceeded(deadlineMs)), deadlineMs);
    this.unwatch = health.watch(this);
    return this.stop;
  }

  /** Stops the request: every later read refuses, and the HTTP layer answers with `reason`. */
  interrupt(reason: Error): void {
    this.controller?.abort(reason);
  }

  get stopped(): boolean {
    return this.controller?.signal.aborted ?? false;
  }

  /** Aborts when the request stops; null until it runs uncached. */
  get signal(): AbortSignal | null {
    return this.controller?.signal ?? null;
  }

  /** Called before each SQL statement: throws once the request is stopped or the database is away. */
  check(): void {
    if (this.controller?.signal.aborted) throw this.controller.signal.reason;
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
