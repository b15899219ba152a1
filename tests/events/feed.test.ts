import { describe, expect, it } from 'vitest';
import { LiveFeed, MAX_QUEUED_EVENTS } from '../../src/events/feed';
import { EntryChange, MemoryEventBus, type LiveEvent } from '../../src/events/live-events';

type EntryEvent = Extract<LiveEvent, { kind: 'entry' }>;
const entry = (entryId: number, articleId = 1): EntryEvent => ({ kind: 'entry', articleId, entryId, change: EntryChange.ADDED });
const ofArticle = (articleId: number) => (event: LiveEvent): event is EntryEvent => event.kind === 'entry' && event.articleId === articleId;

describe("a subscription's feed of events", () => {
  it('delivers the events it takes, in order, and only those its viewer may see', async () => {
    const bus = new MemoryEventBus();
    const feed = new LiveFeed(bus, ofArticle(1), async (event) => event.entryId !== 2, () => undefined);
    await bus.publish([entry(1), entry(2), entry(9, 2), entry(3)]);
    expect((await feed.next()).value).toEqual(entry(1));
    expect((await feed.next()).value).toEqual(entry(3));
    const waiting = feed.next();
    await bus.publish([entry(4)]);
    expect((await waiting).value).toEqual(entry(4));
  });

  it('cuts off a subscriber that falls too far behind rather than queueing without bound', async () => {
    const bus = new MemoryEventBus();
    let dropped = 0;
    const feed = new LiveFeed(bus, ofArticle(1), async () => true, () => (dropped += 1));
    await bus.publish(Array.from({ length: MAX_QUEUED_EVENTS + 5 }, (_, index) => entry(index + 1)));
    expect(dropped).toBe(1);
    expect(await feed.next()).toEqual({ done: true, value: undefined });
  });

  it('stops at once when the subscriber leaves, even while it waits for an event, and hears nothing after', async () => {
    const bus = new MemoryEventBus();
    const seen: number[] = [];
    const feed = new LiveFeed(bus, ofArticle(1), async (event) => (seen.push(event.entryId), true), () => undefined);
    const waiting = feed.next();
    await feed.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    await bus.publish([entry(1)]);
    expect(seen).toEqual([]);
  });
});
