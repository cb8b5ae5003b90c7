// Every route and every status/code row of the wire contract, over real HTTP on loopback.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  ANSWERS_BODY,
  C1,
  FIRST,
  PEOPLE,
  SECOND,
  call,
  checkinPath,
  open,
  start,
  targets,
  worldData,
} from './support.mjs';

const { client, talent, observer, stranger } = PEOPLE;
const JSON_TYPE = 'application/json; charset=utf-8';

/** Asserts a problem response: status, code, the RFC 9457 shape and its content type. */
function assertProblem(response, status, code) {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${response.text}`);
  assert.equal(response.type, 'application/problem+json');
  const { type, title, detail } = response.body;
  assert.deepEqual(
    { type, status: response.body.status, code: response.body.code },
    { type: 'about:blank', status, code },
  );
  assert.equal(typeof title, 'string');
  assert.ok(detail.length > 0, 'a problem says what went wrong');
}

for (const target of targets(import.meta.url)) {
  describe(`the wire on ${target.name}`, { skip: target.skip }, () => {
    let db;
    let env;
    let production;
    let base;
    const reset = (options) => env.server.reset(worldData(options));

    before(async () => {
      db = await open(target);
      env = await start(db);
      // A server for production on the same rows, at the world's time.
      production = await start(db, { testing: false, clock: () => Date.parse('2025-01-10T10:00:00Z') });
      base = env.base;
    });
    after(async () => {
      await production?.stop();
      await env?.stop();
      await db?.close();
    });
    beforeEach(() => reset());

    it('answers every read with 200 JSON (settings with their version as ETag)', async () => {
      const viewer = await call(base, 'GET', '/v1/viewer?contract=c-1', { as: talent });
      assert.equal(viewer.status, 200);
      assert.equal(viewer.type, JSON_TYPE);
      assert.deepEqual(viewer.body, { id: talent, role: 'talent', name: 'Tariq Talent', timeZone: 'Europe/Berlin' });
      assert.equal((await call(base, 'GET', '/v1/viewer?contract=c-1', { as: observer })).body.role, 'observer');
      // Without a contract: the first contract the person is a party of.
      assert.equal((await call(base, 'GET', '/v1/viewer', { as: client })).body.role, 'client');

      const contract = await call(base, 'GET', C1, { as: observer });
      assert.equal(contract.status, 200);
      assert.equal(contract.body.title, 'Website rebuild');

      const settings = await call(base, 'GET', `${C1}/settings`, { as: client });
      assert.equal(settings.status, 200);
      assert.equal(settings.headers.get('etag'), '"1"');
      assert.equal(settings.body.version, 1);

      const list = await call(base, 'GET', `${C1}/checkins`, { as: client });
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.items.map((c) => [c.id, c.status]),
        [[FIRST, 'open']],
      );
      assert.equal(list.body.nextCursor, null);

      const history = await call(base, 'GET', `${C1}/history`, { as: talent });
      assert.equal(history.status, 200);
      assert.deepEqual(
        history.body.items.map((i) => i.id),
        [FIRST],
      );
    });

    it('answers writes with 200 (answers, skip, acknowledgement, settings) and 201 (replies, update requests)', async () => {
      const answered = await call(base, 'PUT', `${checkinPath()}/answers`, {
        as: talent,
        body: ANSWERS_BODY,
        key: 'a1',
      });
      assert.equal(answered.status, 200);
      assert.equal(answered.type, JSON_TYPE);
      assert.equal(answered.body.status, 'answered');

      const seen = await call(base, 'PUT', `${checkinPath()}/acknowledgement`, { as: client });
      assert.equal(seen.status, 200);
      assert.ok(seen.body.acknowledgedAt);

      const reply = await call(base, 'POST', `${checkinPath()}/replies`, {
        as: client,
        body: { text: 'Thanks!' },
        key: 'r1',
      });
      assert.equal(reply.status, 201);
      assert.equal(reply.body.text, 'Thanks!');
      assert.equal(reply.body.author.id, client);

      const request = await call(base, 'POST', `${C1}/update-requests`, {
        as: client,
        body: { message: 'Status?' },
        key: 'u1',
      });
      assert.equal(request.status, 201);
      assert.equal(request.body.kind, 'requested');
      assert.equal(request.body.message, 'Status?');

      const patched = await call(base, 'PATCH', `${C1}/settings`, {
        as: client,
        body: { enabled: false },
        key: 's1',
        headers: { 'if-match': '"1"' },
      });
      assert.equal(patched.status, 200);
      assert.equal(patched.headers.get('etag'), '"2"');
      assert.equal(patched.body.enabled, false);
    });

    it('answers a skip with 200, and an update request without a body with 201', async () => {
      const skipped = await call(base, 'POST', `${checkinPath()}/skip`, {
        as: talent,
        body: { note: 'Away' },
        key: 'k1',
      });
      assert.equal(skipped.status, 200);
      assert.equal(skipped.body.status, 'skipped');
      assert.equal(skipped.body.skipNote, 'Away');
      const request = await call(base, 'POST', `${C1}/update-requests`, { as: client, key: 'k2' });
      assert.equal(request.status, 201);
    });

    it('refuses a request without a person with 401 forbidden', async () => {
      assertProblem(await call(base, 'GET', C1), 401, 'forbidden');
      assertProblem(
        await call(base, 'GET', '/v1/viewer', { headers: { authorization: 'Basic abc' } }),
        401,
        'forbidden',
      );
      assertProblem(
        await call(base, 'PUT', `${checkinPath()}/answers`, { body: ANSWERS_BODY, key: 'k' }),
        401,
        'forbidden',
      );
    });

    it('refuses a person who is not a party with 403 (not 404), and roles that may not act with 403', async () => {
      assertProblem(await call(base, 'GET', C1, { as: stranger }), 403, 'forbidden');
      assertProblem(await call(base, 'GET', `${C1}/checkins`, { as: stranger }), 403, 'forbidden');
      assertProblem(
        await call(base, 'PUT', `${checkinPath()}/answers`, { as: client, body: ANSWERS_BODY, key: 'k' }),
        403,
        'forbidden',
      );
      assertProblem(
        await call(base, 'POST', `${checkinPath()}/replies`, { as: observer, body: { text: 'Hi' }, key: 'k' }),
        403,
        'forbidden',
      );
      const talentPatch = await call(base, 'PATCH', `${C1}/settings`, {
        as: talent,
        body: { enabled: false },
        key: 'k',
        headers: { 'if-match': '"1"' },
      });
      assertProblem(talentPatch, 403, 'forbidden');
    });

    it('answers 404 not-found for an unknown contract, check-in or route', async () => {
      assertProblem(await call(base, 'GET', '/v1/contracts/c-nope', { as: client }), 404, 'not-found');
      assertProblem(
        await call(base, 'PUT', `${checkinPath('c-1-nope')}/answers`, { as: talent, body: ANSWERS_BODY, key: 'k' }),
        404,
        'not-found',
      );
      assertProblem(await call(base, 'GET', '/v1/nothing-here', { as: client }), 404, 'not-found');
    });

    it('refuses bad input with 400 invalid: a rule, an unknown field, a body that is not an object, bad JSON', async () => {
      const missing = await call(base, 'PUT', `${checkinPath()}/answers`, {
        as: talent,
        body: { answers: ANSWERS_BODY.answers.slice(1) },
        key: 'k1',
      });
      assertProblem(missing, 400, 'invalid');
      const unknown = await call(base, 'POST', `${checkinPath()}/replies`, {
        as: client,
        body: { text: 'Hi', role: 'talent' },
        key: 'k2',
      });
      assertProblem(unknown, 400, 'invalid');
      assert.match(unknown.body.detail, /"role"/);
      const nested = await call(base, 'PUT', `${checkinPath()}/answers`, {
        as: talent,
        body: { answers: ANSWERS_BODY.answers.map((a) => ({ ...a, extra: 1 })) },
        key: 'k3',
      });
      assertProblem(nested, 400, 'invalid');
      assert.match(nested.body.detail, /answers\[0\]\.extra/);
      const settingsField = await call(base, 'PATCH', `${C1}/settings`, {
        as: client,
        body: { enabled: false, version: 9 },
        key: 'k4',
        headers: { 'if-match': '"1"' },
      });
      assertProblem(settingsField, 400, 'invalid');
      assertProblem(
        await call(base, 'POST', `${checkinPath()}/replies`, { as: client, body: ['Hi'], key: 'k5' }),
        400,
        'invalid',
      );
      const broken = await call(base, 'POST', `${checkinPath()}/replies`, {
        as: client,
        raw: '{"text": ',
        key: 'k6',
        headers: { 'content-type': 'application/json' },
      });
      assertProblem(broken, 400, 'invalid');
    });

    it('refuses a bad cursor or limit with 400, caps a large limit, and pages by cursor', async () => {
      await reset({ now: '2025-02-21T10:00:00Z' });
      const first = await call(base, 'GET', `${C1}/checkins?limit=3`, { as: client });
      assert.equal(first.status, 200);
      assert.equal(first.body.items.length, 3);
      assert.ok(first.body.nextCursor);
      const second = await call(
        base,
        'GET',
        `${C1}/checkins?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`,
        { as: client },
      );
      const ids = [...first.body.items, ...second.body.items].map((c) => c.id);
      assert.equal(new Set(ids).size, 6, 'no check-in twice across pages');
      assert.ok(first.body.items.at(-1).dueAt > second.body.items[0].dueAt, 'newest first across pages');
      const all = await call(base, 'GET', `${C1}/checkins?limit=1000`, { as: client });
      assert.equal(all.status, 200);
      assert.equal(all.body.items.length, all.body.total);
      assertProblem(await call(base, 'GET', `${C1}/checkins?cursor=not-a-cursor`, { as: client }), 400, 'invalid');
      assertProblem(await call(base, 'GET', `${C1}/history?limit=0`, { as: client }), 400, 'invalid');
      assertProblem(await call(base, 'GET', `${C1}/checkins?limit=ten`, { as: client }), 400, 'invalid');
      assertProblem(await call(base, 'GET', `${C1}/checkins?limit=-1`, { as: client }), 400, 'invalid');
    });

    it('refuses a write without an Idempotency-Key with 400, and a settings change without If-Match with 428', async () => {
      const noKey = await call(base, 'POST', `${checkinPath()}/replies`, { as: client, body: { text: 'Hi' } });
      assertProblem(noKey, 400, 'invalid');
      assert.match(noKey.body.detail, /Idempotency-Key/);
      const noMatch = await call(base, 'PATCH', `${C1}/settings`, { as: client, body: { enabled: false }, key: 'k' });
      assertProblem(noMatch, 428, 'invalid');
      assert.equal((await call(base, 'GET', `${C1}/settings`, { as: client })).body.enabled, true, 'nothing changed');
    });

    it('answers rule conflicts with 409: answering a missed check-in, a consent move not allowed', async () => {
      await reset({ now: '2025-01-17T10:00:00Z' });
      const missed = await call(base, 'PUT', `${checkinPath(FIRST)}/answers`, {
        as: talent,
        body: ANSWERS_BODY,
        key: 'k1',
      });
      assertProblem(missed, 409, 'conflict');
      assert.equal(
        (await call(base, 'PUT', `${checkinPath(SECOND)}/answers`, { as: talent, body: ANSWERS_BODY, key: 'k2' }))
          .status,
        200,
      );

      await reset({ policy: { consent: 'required' }, settings: { consent: 'pending' } });
      const withdraw = await call(base, 'PATCH', `${C1}/settings`, {
        as: talent,
        body: { consent: 'withdrawn' },
        key: 'k3',
        headers: { 'if-match': '"1"' },
      });
      assertProblem(withdraw, 409, 'conflict');
    });

    it('refuses a body over 64 KiB with 413 and a body that is not JSON with 415', async () => {
      const big = await call(base, 'POST', `${checkinPath()}/replies`, {
        as: client,
        body: { text: 'x'.repeat(65 * 1024) },
        key: 'k1',
      });
      assertProblem(big, 413, 'invalid');
      const text = await call(base, 'POST', `${checkinPath()}/replies`, {
        as: client,
        raw: 'text=Hi',
        key: 'k2',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assertProblem(text, 415, 'invalid');
      const untyped = await call(base, 'POST', `${checkinPath()}/replies`, {
        as: client,
        raw: new Blob(['{"text":"Hi"}']),
        key: 'k3',
      });
      assertProblem(untyped, 415, 'invalid');
      // Just under the limit is the rules' to judge (a reply over 2,000 characters: 400).
      const under = await call(base, 'POST', `${checkinPath()}/replies`, {
        as: client,
        body: { text: 'x'.repeat(60 * 1024) },
        key: 'k4',
      });
      assertProblem(under, 400, 'invalid');
    });

    it('answers a request inside the cooldown with 429, Retry-After in seconds and retryAt', async () => {
      assert.equal(
        (await call(base, 'POST', `${C1}/update-requests`, { as: client, body: {}, key: 'k1' })).status,
        201,
      );
      const again = await call(base, 'POST', `${C1}/update-requests`, { as: client, body: {}, key: 'k2' });
      assertProblem(again, 429, 'rate-limited');
      assert.equal(again.body.retryAt, '2025-01-11T10:00:00.000Z');
      assert.equal(again.headers.get('retry-after'), String(24 * 3600));
    });

    it('has the testing routes only on a server started for testing (404 otherwise)', async () => {
      for (const path of ['/v1/_testing/reset', '/v1/_testing/clock']) {
        assertProblem(
          await call(production.base, 'POST', path, { body: { now: '2025-01-17T10:00:00Z' } }),
          404,
          'not-found',
        );
        assertProblem(await call(production.base, 'POST', path, { as: client, body: worldData() }), 404, 'not-found');
      }
      // The production server is otherwise the same wire on the same rows.
      assert.equal((await call(production.base, 'GET', C1, { as: client })).status, 200);

      const moved = await call(base, 'POST', '/v1/_testing/clock', { body: { now: '2025-01-17T10:00:00Z' } });
      assert.equal(moved.status, 204);
      const list = await call(base, 'GET', `${C1}/checkins`, { as: client });
      assert.deepEqual(
        list.body.items.map((c) => c.id),
        [SECOND, FIRST],
      );
      const seeded = await call(base, 'POST', '/v1/_testing/reset', {
        body: worldData({ now: '2025-01-10T10:00:00Z' }),
      });
      assert.equal(seeded.status, 204);
      assert.equal((await call(base, 'GET', `${C1}/checkins`, { as: client })).body.items.length, 1);
      assertProblem(await call(base, 'POST', '/v1/_testing/clock', { body: { now: 'soon' } }), 400, 'invalid');
    });
  });
}
