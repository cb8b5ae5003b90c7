// The conformance kit under node:test, as a host's Node test suite would run it: HttpAdapter
// in Node (its global fetch) against the reference server on loopback, PGlite in memory.
import { after, before, describe, it } from 'node:test';
import { HttpAdapter } from '../dist/http-adapter.js';
import { PEOPLE, defineConformance } from '../dist/conformance.js';
import { open, start, targets } from './support.mjs';

const target = targets(import.meta.url)[0];
let db;
let env;

before(async () => {
  db = await open(target);
  env = await start(db);
});
after(async () => {
  await env?.stop();
  await db?.close();
});

const as = (userId) =>
  new HttpAdapter({ baseUrl: env.base, contractId: 'c-1', headers: { Authorization: `Bearer ${userId}` } });

defineConformance(
  { describe, it: (title, body) => it(title, body) },
  {
    name: 'HttpAdapter in Node + reference server (node:test)',
    async open(options) {
      const { worldData } = await import('../dist/conformance.js');
      await env.server.reset(worldData(options));
      const adapters = {
        client: as(PEOPLE.client),
        talent: as(PEOPLE.talent),
        observer: as(PEOPLE.observer),
        stranger: as(PEOPLE.stranger),
      };
      return { ...adapters, setClock: (instant) => env.server.setClock(instant) };
    },
  },
);
