/**
 * The conformance kit against the real wire: HttpAdapter in this browser, the reference
 * server (PGlite in memory) behind the test runner's /v1, over a real socket on loopback.
 */
import { HttpAdapter } from '../src/adapters/http.js';
import { PEOPLE, defineConformance, worldData } from '../src/conformance/index.js';

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
}

const as = (userId: string) =>
  new HttpAdapter({ baseUrl: '', contractId: 'c-1', headers: { Authorization: `Bearer ${userId}` } });

// The first request starts the server: PGlite's cold start takes seconds (more on a busy machine).
before(async function () {
  this.timeout(120_000);
  await post('/v1/_testing/reset', worldData());
});

defineConformance(
  { describe, it: (title, body) => it(title, body).timeout(20000) },
  {
    name: 'HttpAdapter + reference server on PGlite',
    async open(options) {
      await post('/v1/_testing/reset', worldData(options));
      const adapters = {
        client: as(PEOPLE.client),
        talent: as(PEOPLE.talent),
        observer: as(PEOPLE.observer),
        stranger: as(PEOPLE.stranger),
      };
      return { ...adapters, setClock: (now) => post('/v1/_testing/clock', { now }) };
    },
  },
);
