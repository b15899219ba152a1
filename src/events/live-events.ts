import { subscribeAlways, subscriberOf } from '../cache/redis-subscription';

/**
 * What a committed mutation tells subscribers (src/events/feed.ts): which object changed and how,
 * never its content. Each subscriber reads the object itself, as its own viewer, so an event can
 * never carry to one reader what only another may see.
 */
export type LiveEvent =
  | { kind: 'entry'; articleId: number; entryId: number; change: EntryChange }
  /**
   * An article saved; `published` when the save made it public (publishArticle now), `goesPublicAt`
   * (ms since the epoch) when it left the piece scheduled or under embargo, for every instance's
   * publication clock.
   */
  | { kind: 'article'; articleId: number; published: boolean; goesPublicAt?: number };

export enum EntryChange {
  ADDED = 'ADDED',
  UPDATED = 'UPDATED',
  REMOVED = 'REMOVED',
}

/** Hands events to every subscriber of every instance, after the commit that made them. */
export interface EventBus {
  publish(events: readonly LiveEvent[]): Promise<void>;
  /** Calls `listener` with each event published from now on, on any instance; returns the unsubscribe. */
  listen(listener: (event: LiveEvent) => void): () => void;
  /** Hands events to this instance's listeners alone (what every instance learns for itself). */
  deliverHere(events: readonly LiveEvent[]): void;
  close(): Promise<void>;
}

/** One process: events go straight to its listeners. */
export class MemoryEventBus implements EventBus {
  private readonly listeners = new Set<(event: LiveEvent) => void>();

  async publish(events: readonly LiveEvent[]): Promise<void> {
    this.deliverHere(events);
  }

  deliverHere(events: readonly LiveEvent[]): void {
    for (const event of events) for (const listener of this.listeners) listener(event);
  }

  listen(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/**
 * Every instance sharing a Redis: events go out on one channel, and each instance (the publisher
 * too) hands what it hears to its own listeners. Redis pub/sub keeps no history: an instance that is
 * cut off misses what was published meanwhile, as a reader's app does when offline.
 */
export class RedisEventBus implements EventBus {
  private readonly local = new MemoryEventBus();

  private constructor(
    private readonly redis: import('ioredis').default,
    private readonly subscriber: import('ioredis').default,
    private readonly channel: string,
  ) {}

  static async connect(options: { url: string; prefix: string; log: (message: string, error?: unknown) => void }): Promise<RedisEventBus> {
    // ioredis is loaded only when a Redis is configured.
    const { default: Client } = require('ioredis') as typeof import('ioredis');
    const redis = new Client(options.url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    const subscriber = subscriberOf(redis);
    for (const [name, client] of [['publisher', redis], ['subscriber', subscriber]] as const) {
      client.on('error', (error: unknown) => options.log(`live events: Redis ${name} connection failed`, error));
    }
    const bus = new RedisEventBus(redis, subscriber, `${options.prefix}live-events`);
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === bus.channel) bus.local.deliverHere(JSON.parse(message) as LiveEvent[]);
    });
    try {
      await redis.connect();
      await subscriber.connect();
      await subscribeAlways(subscriber, [bus.channel], options.log);
    } catch (error) {
      redis.disconnect();
      subscriber.disconnect();
      throw error;
    }
    return bus;
  }

  async publish(events: readonly LiveEvent[]): Promise<void> {
    if (events.length) await this.redis.publish(this.channel, JSON.stringify(events));
  }

  listen(listener: (event: LiveEvent) => void): () => void {
    return this.local.listen(listener);
  }

  deliverHere(events: readonly LiveEvent[]): void {
    this.local.deliverHere(events);
  }

  async close(): Promise<void> {
    await this.local.close();
    this.subscriber.disconnect();
    this.redis.disconnect();
  }
}
