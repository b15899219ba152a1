import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
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

interface Ticket {
  shared: string;
  local: CacheTicket;
}

/**
 * Responses shared by every instance through Redis, with a small in-process copy of the hottest
 * (the memory cache) in front so a hit needs no network. A mutation deletes the responses in Redis
 * and the epoch moves on in the same script, then it publishes the evicted keys; each instance drops
 * its own copies and confirms, and the mutation returns once all have, so no instance serves the old
 * answer after the write returns.
 */
export class RedisResponseCache implements ResponseCache {
  private readonly local: MemoryResponseCache;
  private readonly subscriber: Redis;
  private readonly waiting = new Map<string, { confirmed: number; expected: number; done: () => void }>();
  private readonly channels: { evict: string; evicted: string };

  private constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    maxBytes: number,
    private readonly onEvicted: () => void,
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    this.local = new MemoryResponseCache(maxBytes);
    this.subscriber = redis.duplicate();
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
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channels.evict) {
        const { id, keys } = JSON.parse(message) as { id: string; keys: string[] };
        this.local.evictNow(keys);
        this.onEvicted();
        this.redis.publish(this.channels.evicted, id).catch((error: unknown) => this.log('could not confirm a cache eviction', error));
      } else if (channel === this.channels.evicted) {
        const wait = this.waiting.get(message);
        if (wait && ++wait.confirmed >= wait.expected) wait.done();
      }
    });
    await this.subscriber.connect();
    await this.subscriber.subscribe(this.channels.evict, this.channels.evicted);
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const near = this.local.get(key);
    if (near) return near;
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
      // Redis down: answer from the database rather than fail the reader.
      this.log('response cache unavailable (read)', error);
      return undefined;
    }
  }

  async begin(): Promise<Ticket | null> {
    const local = this.local.begin();
    try {
      return { shared: (await this.redis.get(this.epochKey())) ?? '0', local };
    } catch (error) {
      this.log('response cache unavailable (begin)', error);
      return null;
    }
  }

  async set(key: string, response: CachedResponse, ticket: CacheTicket): Promise<void> {
    if (ticket === null) return;
    const { shared, local } = ticket as Ticket;
    const ttl = response.expiresAt - Date.now();
    if (ttl <= 0) return;
    const payload = JSON.stringify({ ...response, body: response.body.toString('utf8') });
    try {
      const stored = await this.redis.eval(STORE, 2, this.epochKey(), this.responseKey(key), shared, payload, ttl, ...response.keys.map((name) => this.holdersKey(name)));
      if (stored === 1) this.local.set(key, response, local);
    } catch (error) {
      this.log('response cache unavailable (write)', error);
    }
  }

  async evict(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    this.local.evictNow(keys);
    await this.redis.eval(EVICT, 1, this.epochKey(), ...keys.map((name) => this.holdersKey(name)));
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
    // PUBLISH answers how many subscribers (this instance included) received the message.
    const receivers = await this.redis.publish(this.channels.evict, JSON.stringify({ id, keys }));
    const wait = this.waiting.get(id);
    if (wait) {
      wait.expected = receivers;
      if (wait.confirmed >= receivers) wait.done();
    }
    await confirmed;
  }

  async close(): Promise<void> {
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
