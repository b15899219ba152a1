import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Where the metrics read live figures that other parts keep. */
export interface MetricSources {
  /** SQL statements the process has sent (StatementCounter). */
  statements: () => number;
  /** Event-loop lag of the last sample, in milliseconds (LoadMonitor). */
  lagMs: () => number;
  /** The database pool's connections: in use, idle, and requests waiting for one. */
  pool: () => { used: number; free: number; pending: number };
  /** 1 while the database answers (DatabaseHealth). */
  databaseUp: () => boolean;
}

/** Operation names are the client's choice: past this many, further ones are counted as "other". */
const MAX_OPERATION_LABELS = 200;

/**
 * The service's Prometheus metrics (prom-client), one registry per app so that two apps in one
 * process (tests) never mix their figures. Served at /metrics with Node's default process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly requestDuration = new Histogram({
    name: 'masthead_request_duration_seconds',
    help: 'GraphQL requests by operation name, cache outcome (HIT, MISS, BYPASS, NONE) and HTTP status.',
    labelNames: ['operation', 'cache', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'masthead_graphql_errors_total',
    help: 'Errors answered, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly cacheHits = new Counter({ name: 'masthead_response_cache_hits_total', help: 'Anonymous queries answered from the response cache.', registers: [this.registry] });
  readonly cacheMisses = new Counter({ name: 'masthead_response_cache_misses_total', help: 'Cacheable queries the response cache did not hold.', registers: [this.registry] });
  readonly refusals = new Counter({
    name: 'masthead_query_refusals_total',
    help: 'Queries refused before running, by the limit they were over (depth, aliases, directives, tokens, cost).',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'masthead_rate_limited_total',
    help: 'Requests refused with 429 because their client had spent its budget, by kind of client.',
    labelNames: ['client'] as const,
    registers: [this.registry],
  });
  readonly shed = new Counter({ name: 'masthead_overload_refusals_total', help: 'Uncached requests refused with 503 while the event loop lagged.', registers: [this.registry] });
  readonly deadlines = new Counter({ name: 'masthead_deadline_exceeded_total', help: 'Requests stopped at their deadline.', registers: [this.registry] });
  readonly queryExecutions = new Counter({
    name: 'masthead_query_executions_total',
    help: 'Queries executed, by how: "plan" (a compiled plan answered), "graphql-js" (no plan, or its answer held errors and graphql-js answered instead).',
    labelNames: ['by'] as const,
    registers: [this.registry],
  });
  readonly knownDocuments = new Counter({
    name: 'masthead_known_document_answers_total',
    help: 'Queries of a document Apollo had already admitted, answered by its plan without Apollo\'s request pipeline (also counted as "plan" executions).',
    registers: [this.registry],
  });
  readonly liveConnections = new Gauge({ name: 'masthead_live_connections', help: 'Open subscription WebSockets.', registers: [this.registry] });
  readonly liveSubscriptions = new Gauge({ name: 'masthead_live_subscriptions', help: 'Subscriptions running on those sockets.', registers: [this.registry] });
  readonly liveClosed = new Counter({
    name: 'masthead_live_closed_total',
    help: 'Subscription WebSockets the server closed, by why: "connections" (over the per-client limit), "slow" (too far behind), "heartbeat" (a ping unanswered), "token" (a wrong token), "failed-auth" (a token from an address that sent too many wrong ones).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly redisErrors = new Counter({ name: 'masthead_redis_errors_total', help: 'Redis failures; the cache and the rate limits carry on in memory meanwhile.', registers: [this.registry] });

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry });
    new Counter({
      name: 'masthead_sql_statements_total',
      help: 'SQL statements sent to the database.',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(sources.statements());
      },
    });
    new Gauge({
      name: 'masthead_event_loop_lag_seconds',
      help: 'The longest event-loop delay of the last half second, as overload shedding reads it.',
      registers: [this.registry],
      collect() {
        this.set(sources.lagMs() / 1000);
      },
    });
    new Gauge({
      name: 'masthead_db_pool_connections',
      help: "The database pool's connections by state (used, free), and requests waiting for one (pending).",
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = sources.pool();
        this.set({ state: 'used' }, pool.used);
        this.set({ state: 'free' }, pool.free);
        this.set({ state: 'pending' }, pool.pending);
      },
    });
    new Gauge({
      name: 'masthead_database_up',
      help: '1 while the database answers its probes, 0 while it is away.',
      registers: [this.registry],
      collect() {
        this.set(sources.databaseUp() ? 1 : 0);
      },
    });
  }

  /** The operation's name as a label: its own while few names have been seen, "other" after. */
  operationLabel(name: string | null): string {
    if (name === null) return 'unnamed';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }
}
