/**
 * The conformance kit against the real wire: HttpAdapter in this browser, the reference
 * server (PGlite in memory) behind the test runner's /v1, over a real socket on loopback.
 */
import { HttpAdapter } from '../src/adapters/http.js';
import { PEOPLE, defineConformance, worldData } from '../src/conformance/index.js';
import { checkedFetch, type OpenApiLog } from './support/openapi-check.js';

// Every response of the run is checked against openapi.json: the server and the document
// cannot drift apart.
const log: OpenApiLog = { checked: 0, violations: [] };
const fetchChecked = checkedFetch(log);

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
}

const as = (userId: string) =>
  new HttpAdapter({
    baseUrl: '',
    contractId: 'c-1',
    fetch: fetchChecked,
    headers: { Authorization: `Bearer ${userId}` },
  });

after(() => {
  console.log(`openapi.json: ${log.checked} responses checked, ${log.violations.length} violations`);
  if (log.violations.length) {
    throw new Error(`Responses that break openapi.json:\n${[...new Set(log.violations)].join('\n')}`);
  }
});

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
