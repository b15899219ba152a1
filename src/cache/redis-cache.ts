import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { subscribeAlways, subscriberOf } from './redis-subscription';
import { MemoryResponseCache, type CachedResponse, type CacheTicket, type ResponseCache } from './response-cache';

/** Stores a response only if nothing was evicted since its ticket was taken (KEYS: epoch, response; ARGV: ticket, payload, ttl ms, key sets…). */
const STORE = `
if (redis.call('get', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('set', KEYS[2], ARGV[2], 'PX', ARGV[3])
for i = 4, #ARGV do
  redis.call('sadd', ARGV[i], KEYS[2])
  if redis.call('pttl', ARGV[i]) < tonumber(ARGV[3]) then redis.call('pexpire', ARGV[i], ARGV[3]) end
end
return 1`;

/** Deletes every response filed under the given key sets and the sets, and advances the epoch (KEYS: epoch; ARGV: key sets…). */
const EVICT = `
for i = 1, #ARGV do
  local holders = redis.call('smembers', ARGV[i])
  for j = 1, #holders, 500 do redis.call('del', unpack(holders, j, math.min(j + 499, #holders))) end
  redis.call('del', ARGV[i])
end
return redis.call('incr', KEYS[1])`;

/** How long a mutation waits for every instance to confirm its eviction before going on regardless. */
const ACK_TIMEOUT_MS = 2_000;

/**
 * While Redis is away, answers are kept in this process only, and this long at most: a write on
 * another instance cannot reach this one to evict them.
 */
const AWAY_TTL_MS = 5_000;

interface Ticket {
  /** Redis's epoch when the answer was begun; null while Redis was away. */
  shared: string | null;
  local: CacheTicket;
}

/**
 * Responses shared by every instance through Redis, with a small in-process copy of the hottest
 * (the memory cache) in front so a hit needs no network. A mutation deletes the responses in Redis
 * and the epoch moves on in the same script, then it publishes the evicted keys; each instance drops
 * its own copies and confirms, and the mutation returns once all have, so no instance serves the old
 * answer after the write returns.
 *
 * Redis going away fails open: the service answers on, from the database and from answers this
 * process keeps for a few seconds (AWAY_TTL_MS), and every failure is reported (`log`, counted in
 * /metrics). Evictions meanwhile cannot reach Redis or the other instances, so when Redis answers
 * again the instance that finds it back empties the shared answers and tells every instance to drop
 * its own copies, before anything is read from Redis again: no answer from before a write made
 * during the outage is served after it.
 */
export class RedisResponseCache implements ResponseCache {
  private readonly local: MemoryResponseCache;
  private readonly subscriber: Redis;
  private readonly waiting = new Map<string, { confirmed: number; expected: number; done: () => void }>();
  private readonly channels: { evict: string; evicted: string };
  private away = false;
  private recovering: Promise<void> | null = null;
  private closed = false;

  private constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    maxBytes: number,
    private readonly onEvicted: () => void,
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    this.local = new MemoryResponseCache(maxBytes);
    this.subscriber = subscriberOf(redis);
    this.channels = { evict: `${prefix}evict`, evicted: `${prefix}evicted` };
  }

  static async connect(options: {
    url: string;
    prefix: string;
    maxBytes: number;
    onEvicted: () => void;
    log: (message: string, error?: unknown) => void;
  }): Promise<RedisResponseCache> {
    // ioredis is loaded only when a Redis is configured: a start without one does not pay for it.
    const { default: Client } = require('ioredis') as typeof import('ioredis');
    const redis = new Client(options.url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    await redis.connect();
    const cache = new RedisResponseCache(redis, options.prefix, options.maxBytes, options.onEvicted, options.log);
    await cache.listen();
    return cache;
  }

  private async listen(): Promise<void> {
    for (const [name, client] of [['commands', this.redis], ['subscriber', this.subscriber]] as const) {
      // Each failed reconnection says so; without a listener ioredis prints to stderr instead.
      client.on('error', (error: unknown) => this.lost(`response cache: Redis ${name} connection failed`, error));
      client.on('close', () => this.lost(`response cache: Redis ${name} connection closed`));
      client.on('ready', () => void this.recover());
    }
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channels.evict) {
        const { id, keys, all } = JSON.parse(message) as { id: string; keys: string[]; all?: boolean };
        if (all) this.local.clear();
        else this.local.evictNow(keys);
        this.onEvicted();
        if (id) this.redis.publish(this.channels.evicted, id).catch((error: unknown) => this.lost('could not confirm a cache eviction', error));
      } else if (channel === this.channels.evicted) {
        const wait = this.waiting.get(message);
        if (wait && ++wait.confirmed >= wait.expected) wait.done();
      }
    });
    await this.subscriber.connect();
    await subscribeAlways(this.subscriber, [this.channels.evict, this.channels.evicted], (message, error) => this.lost(message, error));
  }

  /** Redis failed: answer from this process alone until it is back (recover). */
  private lost(message: string, error?: unknown): void {
    if (this.closed) return;
    this.log(message, error);
    if (this.away) return;
    this.away = true;
    // Evictions may already have been missed: nothing kept from before can be trusted.
    this.local.clear();
    this.onEvicted();
  }

  /** Once both connections are back, empties what every instance shares, then uses Redis again. */
  private recover(): Promise<void> {
    if (!this.away || this.closed || this.redis.status !== 'ready' || this.subscriber.status !== 'ready') return Promise.resolve();
    this.recovering ??= (async () => {
      try {
        let cursor = '0';
        do {
          const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 500);
          const stale = keys.filter((key) => key.startsWith(this.responseKey('')) || key.startsWith(this.holdersKey('')));
          if (stale.length) await this.redis.unlink(...stale);
          cursor = next;
        } while (cursor !== '0');
        await this.redis.incr(this.epochKey());
        await this.redis.publish(this.channels.evict, JSON.stringify({ id: '', keys: [], all: true }));
        this.local.clear();
        this.onEvicted();
        this.away = false;
        this.log('response cache: Redis is back; shared answers from before were dropped');
      } catch (error) {
        this.log('response cache: Redis is not back yet', error);
      } finally {
        this.recovering = null;
      }
    })();
    return this.recovering;
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const near = this.local.get(key);
    if (near || this.away) return near;
    const ticket = this.local.begin();
    try {
      const stored = await this.redis.get(this.responseKey(key));
      if (stored === null) return undefined;
      const { body, ...rest } = JSON.parse(stored) as Omit<CachedResponse, 'body'> & { body: string };
      const response: CachedResponse = { ...rest, body: Buffer.from(body, 'utf8') };
      if (response.expiresAt <= Date.now()) return undefined;
      this.local.set(key, response, ticket);
      return response;
    } catch (error) {
      this.lost('response cache unavailable (read)', error);
      return undefined;
    }
  }

  async begin(): Promise<Ticket> {
    const local = this.local.begin();
    if (this.away) return { shared: null, local };
    try {
      return { shared: (await this.redis.get(this.epochKey())) ?? '0', local };
    } catch (error) {
      this.lost('response cache unavailable (begin)', error);
      return { shared: null, local };
    }
  }

  async set(key: string, response: CachedResponse, ticket: CacheTicket): Promise<void> {
    const { shared, local } = ticket as Ticket;
    if (shared === null || this.away) {
      this.local.set(key, { ...response, expiresAt: Math.min(response.expiresAt, Date.now() + AWAY_TTL_MS) }, local);
      return;
    }
    const ttl = response.expiresAt - Date.now();
    if (ttl <= 0) return;
    const payload = JSON.stringify({ ...response, body: response.body.toString('utf8') });
    try {
      const stored = await this.redis.eval(STORE, 2, this.epochKey(), this.responseKey(key), shared, payload, ttl, ...response.keys.map((name) => this.holdersKey(name)));
      if (stored === 1) this.local.set(key, response, local);
    } catch (error) {
      this.lost('response cache unavailable (write)', error);
    }
  }

  async evict(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    this.local.evictNow(keys);
    // While Redis is away, what it holds is emptied when it is back (recover).
    if (this.away) return;
    try {
      await this.redis.eval(EVICT, 1, this.epochKey(), ...keys.map((name) => this.holdersKey(name)));
    } catch (error) {
      this.lost('response cache: could not evict cached answers after a write', error);
      return;
    }
    const id = randomUUID();
    const confirmed = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        this.log(`cache eviction not confirmed by every instance within ${ACK_TIMEOUT_MS} ms`);
        resolve();
      }, ACK_TIMEOUT_MS);
      this.waiting.set(id, {
        confirmed: 0,
        // Known once PUBLISH answers; confirmations may arrive before that.
        expected: Infinity,
        done: () => {
          clearTimeout(timer);
          this.waiting.delete(id);
          resolve();
        },
      });
    });
    let receivers: number;
    try {
      // PUBLISH answers how many subscribers (this instance included) received the message.
      receivers = await this.redis.publish(this.channels.evict, JSON.stringify({ id, keys }));
    } catch (error) {
      this.waiting.get(id)?.done();
      this.lost('response cache: could not announce an eviction', error);
      return;
    }
    const wait = this.waiting.get(id);
    if (wait) {
      wait.expected = receivers;
      if (wait.confirmed >= receivers) wait.done();
    }
    await confirmed;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.local.close();
    this.subscriber.disconnect();
    this.redis.disconnect();
  }

  private epochKey(): string {
    return `${this.prefix}epoch`;
  }
  private responseKey(key: string): string {
    return `${this.prefix}response:${key}`;
  }
  private holdersKey(name: string): string {
    return `${this.prefix}key:${name}`;
  }
}
