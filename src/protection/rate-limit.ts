import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../errors/errors';

export interface RateLimitConfig {
  enabled: boolean;
  /** The budget refills at the end of each window of this many seconds (RATE_LIMIT_WINDOW_S). */
  windowSeconds: number;
  /** Points a client address may spend in a window without a token (RATE_LIMIT_ANONYMOUS). */
  anonymousPoints: number;
  /** Points each API token may spend in a window (RATE_LIMIT_TOKEN). */
  tokenPoints: number;
}

/** Wrong or revoked tokens an address may send in a window before its requests with a token are refused. */
export const FAILED_AUTH_PER_WINDOW = 30;

/** Who pays for a request: a token (by its hash) or, without one, the client's address. */
export interface Payer {
  kind: 'anonymous' | 'token';
  id: string;
}

/** Who pays for a request or a subscription: its token (by a hash, never the token itself), or its client's address. */
export function payerOf(authorization: string | undefined, address: string): Payer {
  if (authorization === undefined) return { kind: 'anonymous', id: address };
  return { kind: 'token', id: createHash('sha256').update(authorization).digest('base64url').slice(0, 22) };
}

/** The outcome of a charge: the budget's state, and whether the request was refused for it (429). */
export interface Charge {
  state: RateState;
  refused: boolean;
}

/** What the RateLimit-* headers say after a charge. */
export interface RateState {
  limit: number;
  remaining: number;
  resetSeconds: number;
  windowSeconds: number;
}

/**
 * Budgets of points per client, counted by rate-limiter-flexible: in memory, or in Redis when one is
 * configured so that every instance draws on one budget. A request costs its query's cost, a cache hit
 * one point. When Redis fails, each instance counts in memory until it is back (the library's
 * insurance limiter), so the service keeps answering and every client stays limited.
 */
export class Budgets {
  private readonly limiters: Record<Payer['kind'], RateLimiterAbstract>;
  private readonly failedAuth: RateLimiterAbstract;

  private constructor(
    private readonly config: RateLimitConfig,
    private readonly redis: Redis | null,
    prefix: string,
  ) {
    const limiter = (name: string, points: number): RateLimiterAbstract => {
      const options = { points, duration: config.windowSeconds, keyPrefix: `${prefix}rate:${name}` };
      if (!redis) return new RateLimiterMemory(options);
      return new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) });
    };
    this.limiters = { anonymous: limiter('anonymous', config.anonymousPoints), token: limiter('token', config.tokenPoints) };
    this.failedAuth = limiter('failed-auth', FAILED_AUTH_PER_WINDOW);
  }

  /** `redis`: share the budgets through it; `onRedisError` hears each failure (the budgets go on in memory). */
  static async create(config: RateLimitConfig, redis: { url: string; prefix: string } | null, onRedisError: (error: unknown) => void): Promise<Budgets> {
    if (!config.enabled || !redis) return new Budgets(config, null, '');
    const { default: Client } = require('ioredis') as typeof import('ioredis');
    const client = new Client(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    client.on('error', onRedisError);
    await client.connect();
    return new Budgets(config, client, redis.prefix);
  }

  get enabled(): boolean {
    return this.config.enabled;
  }

  /** Takes `points` from the payer's budget; null when rate limits are off. */
  async charge(payer: Payer, points: number): Promise<Charge | null> {
    if (!this.config.enabled) return null;
    const limiter = this.limiters[payer.kind];
    try {
      return { state: this.state(limiter, await limiter.consume(payer.id, Math.max(1, Math.ceil(points)))), refused: false };
    } catch (refusal) {
      return this.refused(limiter, refusal);
    }
  }

  /** Counts a wrong or revoked token against its address. */
  async failedAuthentication(address: string): Promise<void> {
    if (this.config.enabled) await this.failedAuth.consume(address).catch(() => undefined);
  }

  /** A refusal for a request with a token from an address that sent too many wrong ones; else null. */
  async admitAuthentication(address: string): Promise<Charge | null> {
    if (!this.config.enabled) return null;
    const spent = await this.failedAuth.get(address).catch(() => null);
    return spent && spent.consumedPoints >= this.failedAuth.points ? this.refused(this.failedAuth, spent) : null;
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }

  private state(limiter: RateLimiterAbstract, result: RateLimiterRes): RateState {
    return {
      limit: limiter.points,
      remaining: Math.max(0, result.remainingPoints),
      resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
      windowSeconds: limiter.duration,
    };
  }

  private refused(limiter: RateLimiterAbstract, refusal: unknown): Charge {
    // The library rejects with its result when the budget is spent, and with an Error only when
    // neither Redis nor the memory insurance could count: that must not turn into a 5xx.
    const wait = refusal instanceof RateLimiterRes ? Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) : 1;
    return { state: { limit: limiter.points, remaining: 0, resetSeconds: wait, windowSeconds: limiter.duration }, refused: true };
  }
}

/** A refused charge as the error Apollo answers with. */
export function refusalError({ state }: Charge) {
  return rateLimited(state.resetSeconds, state.limit, state.windowSeconds, rateLimitHeaders(state));
}

/** The RateLimit-* headers (IETF httpapi draft) for a state, as name/value pairs. */
export function rateLimitHeaders(state: RateState): [string, string][] {
  return [
    ['ratelimit-limit', String(state.limit)],
    ['ratelimit-remaining', String(state.remaining)],
    ['ratelimit-reset', String(state.resetSeconds)],
    ['ratelimit-policy', `${state.limit};w=${state.windowSeconds}`],
  ];
}
