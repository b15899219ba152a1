/** One stored answer, with what the HTTP layer needs to serve it again without running anything. */
export interface CachedResponse {
  body: Buffer;
  contentType: string;
  etag: string;
  /** The cache keys the response depends on (CacheScope): evicting any of them drops it. */
  keys: string[];
  /** `keys` as the Surrogate-Key header sends them, joined once rather than on every hit. */
  surrogateKey: string;
  /** Milliseconds since the epoch after which the response is no longer served. */
  expiresAt: number;
  /** The operation's name, for the log line and metrics of each hit. */
  operation: string | null;
}

/** Taken before a miss is computed: a response computed while something was evicted is not stored. */
export type CacheTicket = unknown;

export interface ResponseCache {
  get(key: string): CachedResponse | undefined | Promise<CachedResponse | undefined>;
  begin(): CacheTicket | Promise<CacheTicket>;
  set(key: string, response: CachedResponse, ticket: CacheTicket): void | Promise<void>;
  /** Drops every response holding any of `keys`, everywhere it is kept, before it resolves. */
  evict(keys: string[]): Promise<void>;
  close(): Promise<void>;
}

/** Bookkeeping per stored response: its key lists also make up most of its size. */
const ENTRY_OVERHEAD_BYTES = 200;

/**
 * In-process LRU bounded by bytes, with an index from each cache key to the responses holding it so
 * an eviction touches exactly those. Every eviction advances `epoch`: a response computed across an
 * eviction may hold what was just changed, so set() drops it.
 */
export class MemoryResponseCache implements ResponseCache {
  private readonly entries = new Map<string, { response: CachedResponse; size: number }>();
  private readonly holders = new Map<string, Set<string>>();
  private bytes = 0;
  private epoch = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.response.expiresAt <= Date.now()) {
      this.remove(key);
      return undefined;
    }
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.response;
  }

  begin(): number {
    return this.epoch;
  }

  set(key: string, response: CachedResponse, ticket: CacheTicket): void {
    if (ticket !== this.epoch) return;
    const size = response.body.length + response.keys.reduce((sum, name) => sum + name.length, 0) + ENTRY_OVERHEAD_BYTES;
    // One answer may not crowd out the rest.
    if (size > this.maxBytes / 4) return;
    this.remove(key);
    this.entries.set(key, { response, size });
    this.bytes += size;
    for (const name of response.keys) {
      const holders = this.holders.get(name);
      if (holders) holders.add(key);
      else this.holders.set(name, new Set([key]));
    }
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  async evict(keys: string[]): Promise<void> {
    this.evictNow(keys);
  }

  /** The synchronous eviction, for callers that learn of a change from elsewhere (Redis pub/sub). */
  evictNow(keys: string[]): void {
    this.epoch += 1;
    for (const name of keys) {
      for (const key of this.holders.get(name) ?? []) this.remove(key);
      this.holders.delete(name);
    }
  }

  /** Drops every answer, and any being computed meanwhile. */
  clear(): void {
    this.epoch += 1;
    this.entries.clear();
    this.holders.clear();
    this.bytes = 0;
  }

  async close(): Promise<void> {
    this.clear();
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
    for (const name of entry.response.keys) {
      const holders = this.holders.get(name);
      holders?.delete(key);
      if (holders?.size === 0) this.holders.delete(name);
    }
  }
}
