import type Redis from 'ioredis';

/**
 * A connection of its own for SUBSCRIBE, resubscribed by us after each reconnection: ioredis's own
 * resubscription sends SUBSCRIBE without handling its failure, so a connection that drops again just
 * as it came back (Redis restarting, a close at shutdown) left an unhandled rejection in the process.
 */
export function subscriberOf(redis: Redis): Redis {
  return redis.duplicate({ autoResubscribe: false });
}

/** Subscribes `subscriber` (from subscriberOf) to `channels` now, and again each time it reconnects. */
export async function subscribeAlways(subscriber: Redis, channels: string[], log: (message: string, error: unknown) => void): Promise<void> {
  await subscriber.subscribe(...channels);
  subscriber.on('ready', () => {
    subscriber.subscribe(...channels).catch((error: unknown) => log('Redis: could not subscribe again after reconnecting', error));
  });
}
