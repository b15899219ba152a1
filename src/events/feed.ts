import type { EventBus, LiveEvent } from './live-events';

/** Events a subscriber may fall behind by before it is dropped rather than buffered without bound. */
export const MAX_QUEUED_EVENTS = 100;

/**
 * One subscription's events, as graphql-js pulls them: those `accept` takes, in order, each let
 * through only once `deliverable` (which renews the subscriber's request context and checks what
 * this viewer may see) says so. A subscriber whose socket stops draining stops pulling, its queue
 * fills, and it is cut off through `overflow` rather than held in memory. `return()` (the client
 * completed, or went away) unsubscribes at once, even while a pull is waiting.
 */
export class LiveFeed<E extends LiveEvent> implements AsyncIterableIterator<E> {
  private readonly queue: E[] = [];
  private waiting: ((result: IteratorResult<E>) => void) | null = null;
  private done = false;
  private readonly unlisten: () => void;

  constructor(
    bus: EventBus,
    accept: (event: LiveEvent) => event is E,
    private readonly deliverable: (event: E) => Promise<boolean>,
    private readonly overflow: () => void,
  ) {
    this.unlisten = bus.listen((event) => {
      if (this.done || !accept(event)) return;
      if (this.queue.length >= MAX_QUEUED_EVENTS) {
        void this.return();
        this.overflow();
        return;
      }
      this.queue.push(event);
      this.wake();
    });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<E>> {
    for (;;) {
      if (this.done) return { done: true, value: undefined };
      const event = this.queue.shift() ?? (await this.arrival());
      if (event === undefined) return { done: true, value: undefined };
      if (await this.deliverable(event)) return { done: false, value: event };
    }
  }

  async return(): Promise<IteratorResult<E>> {
    if (!this.done) {
      this.done = true;
      this.unlisten();
      this.queue.length = 0;
      this.wake();
    }
    return { done: true, value: undefined };
  }

  private arrival(): Promise<E | undefined> {
    return new Promise((resolve) => {
      this.waiting = (result) => resolve(result.done ? undefined : result.value);
    });
  }

  private wake(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = null;
    const event = this.queue.shift();
    waiting(event === undefined ? { done: true, value: undefined } : { done: false, value: event });
  }
}

/**
 * What every subscriber reads for one event, read once: the instant and the loaders (which answer
 * whatever the viewer; services decide what each viewer may see). A thousand subscribers to one
 * liveblog then cost one read of the new entry, not a thousand. Kept while the event is.
 */
export class SharedReads<T> {
  private readonly byEvent = new WeakMap<LiveEvent, T>();

  for(event: LiveEvent, create: () => T): T {
    let reads = this.byEvent.get(event);
    if (reads === undefined) this.byEvent.set(event, (reads = create()));
    return reads;
  }
}
