import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** One event a subscriber received: its data or errors, and when it arrived. */
export interface Received<R> {
  data?: R | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  at: number;
}

/** A real graphql-ws client on the app's /graphql, with an optional token in connection_init. */
export function liveClient(url: string, token?: string): Client & { closed: Promise<{ code: number; reason: string }> } {
  let closed!: (event: { code: number; reason: string }) => void;
  const closing = new Promise<{ code: number; reason: string }>((resolve) => (closed = resolve));
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
    retryAttempts: 0,
    // A refused connection is what some tests wait for: graphql-ws would print it.
    onNonLazyError: () => undefined,
    lazy: false,
    on: { closed: (event) => closed({ code: (event as { code: number }).code, reason: (event as { reason: string }).reason }) },
  });
  return Object.assign(client, { closed: closing });
}

/** A subscription as a test reads it. */
export interface LiveSubscription<R> {
  stop: () => void;
  /** The error that ended it, if one did. */
  failure: () => unknown;
  /** The next event not skipped, waiting at most `withinMs` for it. */
  next(withinMs?: number, skip?: (event: Received<R>) => boolean): Promise<Received<R>>;
  /** Events that arrived and were not taken. */
  pending: () => number;
}

/** Subscribes; events are kept in arrival order until the test takes them. */
export function follow<R, V extends Record<string, unknown>>(client: Client, document: TypedDocumentNode<R, V>, variables: V): LiveSubscription<R> {
  const events: Received<R>[] = [];
  const waiting: ((event: Received<R>) => void)[] = [];
  let failure: unknown = null;
  const stop = client.subscribe<R>(
    { query: print(document), variables },
    {
      next: (result) => {
        const event = { data: result.data as R | null | undefined, errors: result.errors as Received<R>['errors'], at: Date.now() };
        const taker = waiting.shift();
        if (taker) taker(event);
        else events.push(event);
      },
      error: (error) => (failure = error),
      complete: () => undefined,
    },
  );
  const one = (withinMs: number): Promise<Received<R>> => {
    const queued = events.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const taker = (event: Received<R>) => {
        clearTimeout(timer);
        resolve(event);
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(taker), 1);
        reject(new Error(`no event within ${withinMs} ms`));
      }, withinMs);
      waiting.push(taker);
    });
  };
  return {
    stop,
    failure: () => failure,
    async next(withinMs = 2_000, skip = () => false) {
      const until = Date.now() + withinMs;
      for (;;) {
        const event = await one(Math.max(1, until - Date.now()));
        if (!skip(event)) return event;
      }
    },
    pending: () => events.length,
  };
}

/**
 * Waits until a subscription is live on the server (graphql-ws acknowledges no subscribe): calls
 * `trigger` (which makes a harmless change the subscription hears) until an event arrives. Events of
 * those changes that arrive later are for `skip` to recognise.
 */
export async function whenLive<R>(subscription: LiveSubscription<R>, trigger: (attempt: number) => Promise<unknown>): Promise<void> {
  for (let attempt = 1; attempt <= 30; attempt += 1) {
    await trigger(attempt);
    try {
      await subscription.next(250);
      return;
    } catch {
      // Not subscribed yet: try again.
    }
  }
  throw new Error('the subscription never went live');
}
