/**
 * The flooding client of bench/run.ts's Flood scenario, in a process of its own so that its event
 * loop, busy sending as fast as the server answers, does not delay the measured reader's. autocannon
 * sends one request over and over from one client address (X-Forwarded-For, which the server believes
 * under TRUST_PROXY=loopback). run.ts passes the options as JSON, says 'go' when the reader starts too,
 * and gets the figures back.
 */
import autocannon from 'autocannon';

interface FloodOptions {
  url: string;
  body: string;
  address: string;
  connections: number;
  duration: number;
}

export interface FloodResult {
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** Connection errors and timeouts (no answer at all). */
  errors: number;
  timeouts: number;
  /** CPU time of this process while it flooded, in seconds. */
  cpuSeconds: number;
}

const options = JSON.parse(process.argv[2]) as FloodOptions;

process.on('message', (message) => {
  if (message !== 'go') return;
  const cpu = process.cpuUsage();
  autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': options.address },
    body: options.body,
    connections: options.connections,
    duration: options.duration,
  }).then(
    (result) => {
      const used = process.cpuUsage(cpu);
      const statuses: Record<string, number> = {};
      for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[status] = stats.count ?? 0;
      const figures: FloodResult = {
        requests: result.requests.total,
        reqPerSec: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        statuses,
        errors: result.errors,
        timeouts: result.timeouts,
        cpuSeconds: (used.user + used.system) / 1e6,
      };
      process.send!(figures, () => process.exit(0));
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
});
process.send!('ready');
