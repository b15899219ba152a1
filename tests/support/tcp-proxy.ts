import net from 'node:net';

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
  /** What the client sent while held. */
  held: Buffer[];
  /** Dropping everything, both ways (strand). */
  stranded: boolean;
}

/**
 * A TCP proxy on 127.0.0.1 in front of a server (PostgreSQL, Redis), for fault tests: `cut()` breaks
 * every connection through it and resets new ones, as a database that goes away would; `restore()`
 * lets connections through again. `strand()` silences the open connections for good without a reset
 * (a failover, a lost NAT entry). `hold()` keeps what clients send from reaching the server until
 * `release()`, so a request can be kept in flight for as long as a test needs.
 */
export class TcpProxy {
  private readonly pairs = new Set<Pair>();
  private isCut = false;
  private holding = false;
  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const server = net.createServer((client) => proxy!.accept(client, target));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    proxy = new TcpProxy(server, (server.address() as net.AddressInfo).port);
    return proxy;
  }

  /** Open client connections. */
  get connections(): number {
    return this.pairs.size;
  }

  /** Breaks every open connection (both ends reset) and resets new ones until `restore()`. */
  cut(): void {
    this.isCut = true;
    for (const pair of this.pairs) {
      pair.client.resetAndDestroy();
      pair.upstream.resetAndDestroy();
    }
    this.pairs.clear();
  }

  restore(): void {
    this.isCut = false;
  }

  /** Silences every open connection for good, resetting none: what either end sends is dropped. New connections pass. */
  strand(): void {
    for (const pair of this.pairs) pair.stranded = true;
  }

  /** Keeps what clients send, in order, instead of passing it on (answers already under way still arrive). */
  hold(): void {
    this.holding = true;
  }

  /** Passes on everything held and forwards again. */
  release(): void {
    this.holding = false;
    for (const pair of this.pairs) {
      for (const chunk of pair.held.splice(0)) if (!pair.stranded) pair.upstream.write(chunk);
    }
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket, target: { host: string; port: number }): void {
    // A reset error on either end is the point of a cut: heard, never thrown.
    client.on('error', () => undefined);
    if (this.isCut) {
      client.resetAndDestroy();
      return;
    }
    // No Nagle delay on either leg: a database round trip is many small writes.
    client.setNoDelay(true);
    const upstream = net.connect({ port: target.port, host: target.host, noDelay: true });
    upstream.on('error', () => undefined);
    const pair: Pair = { client, upstream, held: [], stranded: false };
    this.pairs.add(pair);
    client.on('data', (chunk: Buffer) => {
      // A socket still connecting keeps what is written to it until it connects.
      if (pair.stranded) return;
      if (this.holding) pair.held.push(chunk);
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!pair.stranded) client.write(chunk);
    });
    // A side that finishes cleanly finishes the other once what it sent is through; a side that breaks breaks the other.
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    const closed = (other: net.Socket) => (hadError: boolean) => {
      if (hadError) other.destroy();
      if (client.destroyed && upstream.destroyed) this.pairs.delete(pair);
    };
    client.on('close', closed(upstream));
    upstream.on('close', closed(client));
  }
}
