import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ protection: { overloadLagMs: 100 } });
});
afterAll(() => t?.close());

const post = (query: string) => fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('overload shedding', () => {
  it('turns uncached work away with a fast 503 while the event loop lags, and keeps answering hits, /healthz and /metrics', async () => {
    const cached = '{ sections { name } }';
    expect((await post(cached)).headers.get('x-cache')).toBe('MISS');
    // The app runs in this process: holding the event loop here is the app lagging 400 ms. The lag
    // shows from the monitor's next sample (every half second).
    const lagged = async () => {
      const until = Date.now() + 400;
      while (Date.now() < until);
      for (let tries = 0; (await lag()) < 0.1 && tries < 200; tries += 1) await sleep(5);
    };
    const lag = async () => Number(/^masthead_event_loop_lag_seconds (\S+)$/m.exec(await (await fetch(`${t.app.url}/metrics`)).text())?.[1]);
    // One slow moment sheds nobody.
    await lagged();
    expect((await post('{ sections { id } }')).status).toBe(200);
    // The next sample lags as well: the loop is behind, not briefly busy.
    await sleep(100);
    await lagged();
    const miss = await post('{ sections { path } }');
    expect(miss.status).toBe(503);
    expect(miss.headers.get('retry-after')).toBe('1');
    const body = (await miss.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('OVERLOADED');
    const hit = await post(cached);
    expect(hit.status).toBe(200);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
    const metrics = await fetch(`${t.app.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^masthead_overload_refusals_total 1$/m);
    // Once a sample shows the loop keeping time again, the same request is served.
    await sleep(1_200);
    const later = await post('{ sections { path } }');
    expect(later.status).toBe(200);
  });
});
