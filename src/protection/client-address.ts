import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/**
 * The client's address for per-client budgets. X-Forwarded-For is believed only as far as
 * TRUST_PROXY allows (proxy-addr, as Express does): a list of addresses, ranges and presets
 * (loopback, linklocal, uniquelocal), or a number of proxy hops. Without it the header is ignored,
 * since any client can write it.
 */
export function clientAddressResolver(trustProxy: string | null): (req: IncomingMessage) => string {
  if (trustProxy === null) return (req) => req.socket.remoteAddress ?? 'unknown';
  const trust = /^\d+$/.test(trustProxy)
    ? (_address: string, hop: number) => hop < Number(trustProxy)
    : proxyAddr.compile(trustProxy.split(',').map((part) => part.trim()).filter(Boolean));
  return (req) => proxyAddr(req, trust);
}

/** Checks a TRUST_PROXY value at start; proxy-addr throws on an address it cannot read. */
export function validTrustProxy(value: string): boolean {
  if (/^\d+$/.test(value)) return true;
  try {
    proxyAddr.compile(value.split(',').map((part) => part.trim()).filter(Boolean));
    return true;
  } catch {
    return false;
  }
}
