// The event stream (live, resume, reset, heartbeats, access) and the server's shutdown.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  ANSWERS_BODY,
  C1,
  PEOPLE,
  SECOND,
  call,
  checkinPath,
  open,
  openStream,
  sleep,
  start,
  targets,
  worldData,
} from './support.mjs';

const { client, talent, stranger } = PEOPLE;
const reply = (base, text, key) => call(base, 'POST', `${checkinPath()}/replies`, { as: talent, body: { text }, key });

for (const target of targets(import.meta.url)) {
  describe(`the event stream on ${target.name}`, { skip: target.skip }, () => {
    let db;
    let env;
    let base;
    const streams = [];
    const watch = async (options) => {
      const stream = await openStream(base, 'c-1', { as: client, ...options });
      streams.push(stream);
      return stream;
    };

    before(async () => {
      db = await open(target);
      env = await start(db);
      base = env.base;
    });
    after(async () => {
      await Promise.all(streams.map((s) => s.close()));
      await env?.stop();
      await db?.close();
    });
    beforeEach(async () => {
      await Promise.all(streams.splice(0).map((s) => s.close()));
      await env.server.reset(worldData());
    });

    it('sends retry and the newest id first, then each event live with an increasing id and the event as one JSON line', async () => {
      const stream = await watch();
      assert.equal(stream.status, 200);
      assert.match(stream.headers.get('content-type'), /^text\/event-stream/);
      // The newest id gives the client a resume point even before any event arrives.
      assert.deepEqual(await stream.next(), { retry: '2000', id: '0' });
      const answered = await call(base, 'PUT', `${checkinPath()}/answers`, {
        as: talent,
        body: ANSWERS_BODY,
        key: 'a',
      });
      const first = await stream.next();
      assert.deepEqual(JSON.parse(first.data), { type: 'checkin', checkin: answered.body });
      await reply(base, 'Done', 'r');
      const second = await stream.next();
      assert.equal(JSON.parse(second.data).type, 'reply');
      assert.ok(Number(second.id) > Number(first.id) && Number(first.id) > 0);
      // The clock opening the next prompt is news too.
      await env.server.setClock('2025-01-17T08:00:30Z');
      const opened = JSON.parse((await stream.next()).data);
      assert.equal(opened.checkin.id, SECOND);
      assert.equal(opened.checkin.status, 'open');
    });

    it('resumes from Last-Event-ID (or ?after=) with exactly the events missed, then live ones', async () => {
      const stream = await watch();
      await stream.next();
      await reply(base, 'one', 'r1');
      const seen = await stream.next();
      await stream.close();
      await reply(base, 'two', 'r2');
      await reply(base, 'three', 'r3');

      const resumed = await watch({ lastEventId: seen.id });
      assert.deepEqual(await resumed.next(), { retry: '2000' });
      const missed = [await resumed.next(), await resumed.next()];
      assert.deepEqual(
        missed.map((f) => JSON.parse(f.data).reply.text),
        ['two', 'three'],
      );
      assert.deepEqual(
        missed.map((f) => Number(f.id)),
        [Number(seen.id) + 1, Number(seen.id) + 2],
      );
      await reply(base, 'four', 'r4');
      assert.equal(JSON.parse((await resumed.next()).data).reply.text, 'four');
      await sleep(100);
      assert.deepEqual(resumed.drain(), [], 'nothing twice');

      const byQuery = await watch({ after: missed[0].id });
      await byQuery.next();
      assert.deepEqual(
        [JSON.parse((await byQuery.next()).data).reply.text, JSON.parse((await byQuery.next()).data).reply.text],
        ['three', 'four'],
      );
    });

    it("sends only its own contract's events", async () => {
      await env.server.reset(worldData({ policy: { minContractDays: 1, minFixedMilestones: 1 } }));
      const other = await openStream(base, 'c-short', { as: client });
      streams.push(other);
      await other.next();
      await reply(base, 'on c-1', 'r1');
      const patched = await call(base, 'PATCH', '/v1/contracts/c-short/settings', {
        as: client,
        body: { enabled: true },
        key: 's1',
        headers: { 'if-match': '"1"' },
      });
      assert.equal(patched.status, 200);
      const types = [JSON.parse((await other.next()).data).type, JSON.parse((await other.next()).data).type];
      assert.deepEqual(types.sort(), ['activity', 'settings']);
      await sleep(100);
      assert.deepEqual(other.drain(), []);
    });

    it('sends event: reset when it cannot resume: a seq it never gave, or one older than it keeps', async () => {
      await reply(base, 'one', 'r1');
      const beyond = await watch({ lastEventId: 999 });
      await beyond.next();
      const reset = await beyond.next();
      assert.equal(reset.event, 'reset');
      assert.equal(reset.data, '{}');
      await reply(base, 'two', 'r2');
      assert.equal(JSON.parse((await beyond.next()).data).reply.text, 'two', 'then live events');
      const garbage = await watch({ lastEventId: 'yesterday' });
      await garbage.next();
      assert.equal((await garbage.next()).event, 'reset');

      // Eight days on, the first events are pruned: a client that last saw none of them cannot resume.
      await env.server.setClock('2025-01-18T10:00:00Z');
      const old = await watch({ lastEventId: 0 });
      await old.next();
      assert.equal((await old.next()).event, 'reset');
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM events WHERE seq <= 2');
      assert.equal(n, 0, 'pruned');
      const current = await watch({ lastEventId: 2 });
      await current.next();
      const next = await current.next();
      assert.notEqual(next.event, 'reset', 'a client that saw every pruned event resumes');
      assert.equal(JSON.parse(next.data).type, 'checkin');
    });

    it('refuses a stranger with 403 and a request without a person with 401 before any stream starts', async () => {
      const refused = await openStream(base, 'c-1', { as: stranger });
      assert.equal(refused.status, 403);
      assert.equal((await refused.json()).code, 'forbidden');
      const anonymous = await openStream(base, 'c-1', {});
      assert.equal(anonymous.status, 401);
      await anonymous.ended;
      const unknown = await openStream(base, 'c-nope', { as: client });
      assert.equal(unknown.status, 404);
      await unknown.ended;
      assert.equal(env.server.streams, 0);
    });

    it('sends a ": ping" comment between events', async () => {
      const chatty = await start(db, { heartbeatMs: 50 });
      try {
        const stream = await openStream(chatty.base, 'c-1', { as: client });
        await stream.next();
        assert.deepEqual(await stream.next({ pings: true, timeout: 1000 }), { comment: 'ping' });
        await stream.close();
      } finally {
        await chatty.stop();
      }
    });

    it('ends open streams on close(), and answers 503 with Retry-After afterwards and when storage is down', async () => {
      let down = false;
      const failing =
        (q) =>
        async (...args) => {
          if (down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
          return q(...args);
        };
      const flaky = {
        ...db,
        query: failing(db.query),
        transaction: failing(db.transaction),
        kind: db.kind,
        namespace: `${db.namespace}_flaky`,
      };
      const doomed = await start(flaky, {
        heartbeatMs: 60_000,
        testing: false,
        clock: () => Date.parse('2025-01-10T10:00:00Z'),
      });
      const one = await openStream(doomed.base, 'c-1', { as: client });
      const two = await openStream(doomed.base, 'c-1', { as: talent, lastEventId: 0 });
      await one.next();
      await two.next();
      assert.equal(doomed.server.streams, 2);

      down = true;
      const unavailable = await call(doomed.base, 'GET', C1, { as: client });
      assert.equal(unavailable.status, 503);
      assert.equal(unavailable.body.code, 'unavailable');
      assert.equal(unavailable.headers.get('retry-after'), '5');
      down = false;

      const closing = doomed.server.close();
      await Promise.all([one.ended, two.ended]);
      assert.equal(await one.next(), null, 'the stream ended');
      await closing;
      assert.equal(doomed.server.streams, 0);
      const late = await doomed.server.fetch(
        new Request('http://x/v1/contracts/c-1', { headers: { authorization: `Bearer ${client}` } }),
      );
      assert.equal(late.status, 503);
      assert.equal(late.headers.get('retry-after'), '5');
      await doomed.stop();
      // The shared database is still open for the next test file's work.
      assert.equal((await call(base, 'GET', C1, { as: client })).status, 200);
    });
  });
}
