// Idempotency keys, versions as ETags, and the rows a write leaves, in one transaction.
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
  sleep,
  start,
  targets,
  worldData,
} from './support.mjs';

const { client, talent } = PEOPLE;

for (const target of targets(import.meta.url)) {
  describe(`idempotency and rows on ${target.name}`, { skip: target.skip }, () => {
    let db;
    let env;
    let base;
    const count = async (table, where = 'TRUE', params = []) =>
      (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n;
    const patch = (body, key, version) =>
      call(base, 'PATCH', `${C1}/settings`, { as: client, body, key, headers: { 'if-match': `"${version}"` } });

    before(async () => {
      db = await open(target);
      env = await start(db);
      base = env.base;
    });
    after(async () => {
      await env?.stop();
      await db?.close();
    });
    beforeEach(async () => {
      await env.server.reset(worldData());
      env.notifications.length = 0;
    });

    it('replays a repeated key: same status, same bytes, one effect', async () => {
      const first = await call(base, 'POST', `${checkinPath()}/replies`, {
        as: client,
        body: { text: 'Noted' },
        key: 'r-1',
      });
      const again = await call(base, 'POST', `${checkinPath()}/replies`, {
        as: client,
        body: { text: 'Noted' },
        key: 'r-1',
      });
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.equal(again.text, first.text);
      const [row] = await db.query('SELECT doc FROM checkins WHERE id = $1', [FIRST]);
      assert.equal(row.doc.replies.length, 1, 'one reply stored');
      assert.equal(await count('events'), 1, 'one event');
      // The key is the person's: another person's same key is another request.
      const talents = await call(base, 'POST', `${checkinPath()}/replies`, {
        as: talent,
        body: { text: 'Noted' },
        key: 'r-1',
      });
      assert.equal(talents.status, 201);
      assert.notEqual(talents.body.id, first.body.id);
    });

    it('answers 422 for a key used before with another request', async () => {
      assert.equal(
        (await call(base, 'PUT', `${checkinPath()}/answers`, { as: talent, body: ANSWERS_BODY, key: 'a-1' })).status,
        200,
      );
      const other = await call(base, 'PUT', `${checkinPath()}/answers`, {
        as: talent,
        body: { ...ANSWERS_BODY, health: 'at-risk' },
        key: 'a-1',
      });
      assert.equal(other.status, 422);
      assert.equal(other.body.code, 'invalid');
      const [row] = await db.query('SELECT doc FROM checkins WHERE id = $1', [FIRST]);
      assert.equal(row.doc.health, null, 'the second body had no effect');
      // The same body on another check-in (a route parameter) is another request too.
      const request = await call(base, 'POST', `${C1}/update-requests`, { as: client, body: {}, key: 'u-0' });
      assert.equal(
        (await call(base, 'POST', `${checkinPath()}/replies`, { as: talent, body: { text: 'Hi' }, key: 'r-0' })).status,
        201,
      );
      const elsewhere = await call(base, 'POST', `${checkinPath(request.body.id)}/replies`, {
        as: talent,
        body: { text: 'Hi' },
        key: 'r-0',
      });
      assert.equal(elsewhere.status, 422);
    });

    it('does not store failures: a retry after a 4xx really retries', async () => {
      const incomplete = { answers: ANSWERS_BODY.answers.slice(1) };
      assert.equal(
        (await call(base, 'PUT', `${checkinPath()}/answers`, { as: talent, body: incomplete, key: 'a-2' })).status,
        400,
      );
      assert.equal(await count('idempotency'), 0);
      const fixed = await call(base, 'PUT', `${checkinPath()}/answers`, { as: talent, body: ANSWERS_BODY, key: 'a-2' });
      assert.equal(fixed.status, 200, 'the same key with the corrected body is a new try, not 422');

      await call(base, 'POST', `${C1}/update-requests`, { as: client, body: {}, key: 'u-1' });
      assert.equal(
        (await call(base, 'POST', `${C1}/update-requests`, { as: client, body: {}, key: 'u-2' })).status,
        429,
      );
      await env.server.setClock('2025-01-11T10:00:01Z');
      assert.equal(
        (await call(base, 'POST', `${C1}/update-requests`, { as: client, body: {}, key: 'u-2' })).status,
        201,
      );
    });

    it('keeps keys 24 hours: after that the same key is a new request', async () => {
      const first = await call(base, 'POST', `${checkinPath()}/replies`, {
        as: client,
        body: { text: 'One' },
        key: 'r-2',
      });
      await env.server.setClock('2025-01-11T09:59:00Z');
      assert.equal(
        (await call(base, 'POST', `${checkinPath()}/replies`, { as: client, body: { text: 'Two' }, key: 'r-2' }))
          .status,
        422,
      );
      await env.server.setClock('2025-01-11T10:00:01Z');
      const later = await call(base, 'POST', `${checkinPath()}/replies`, {
        as: client,
        body: { text: 'Two' },
        key: 'r-2',
      });
      assert.equal(later.status, 201);
      assert.notEqual(later.body.id, first.body.id);
    });

    it('guards settings by version: 428 without If-Match, 412 when stale, a retried PATCH replays its answer', async () => {
      const missing = await call(base, 'PATCH', `${C1}/settings`, { as: client, body: { enabled: false }, key: 's-0' });
      assert.equal(missing.status, 428);
      const first = await patch({ enabled: false }, 's-1', 1);
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('etag'), '"2"');
      // The same request again (its answer was lost): replayed, not 412, though version 1 is stale now.
      const retried = await patch({ enabled: false }, 's-1', 1);
      assert.equal(retried.status, 200);
      assert.equal(retried.headers.get('etag'), '"2"');
      assert.equal(retried.text, first.text);
      const stale = await patch({ enabled: true }, 's-2', 1);
      assert.equal(stale.status, 412);
      assert.equal(stale.body.code, 'conflict');
      assert.equal(await count('activity'), 1, 'one change recorded');
      // A 412 is not stored: with the fresh version the same key goes through.
      const fresh = await patch({ enabled: true }, 's-2', 2);
      assert.equal(fresh.status, 200);
      assert.equal(fresh.headers.get('etag'), '"3"');
      // The ETag of a read is the version the next change must name.
      const read = await call(base, 'GET', `${C1}/settings`, { as: client });
      assert.equal(read.headers.get('etag'), '"3"');
    });

    it('answers 409 for the same key while the first request is still running, with one effect', async () => {
      // Hold the contract's row so the first request waits inside its transaction.
      let release;
      const gate = new Promise((resolve) => (release = resolve));
      let locked;
      const isLocked = new Promise((resolve) => (locked = resolve));
      const holder = db.transaction(async (tx) => {
        await tx.query("SELECT 1 FROM contract_state WHERE contract_id = 'c-1' FOR UPDATE");
        locked();
        await gate;
      });
      await isLocked;
      const send = () =>
        call(base, 'POST', `${checkinPath()}/replies`, { as: client, body: { text: 'Once' }, key: 'r-3' });
      const first = send();
      await sleep(300);
      // Without the in-flight check the second would wait for the lock: it must not.
      const second = await Promise.race([send(), sleep(3000).then(() => ({ status: 'still waiting' }))]);
      release();
      await holder;
      assert.equal(second.status, 409);
      assert.equal(second.body.code, 'conflict');
      assert.equal((await first).status, 201);
      const third = await send();
      assert.equal(third.status, 201, 'after the first finished, a repeat replays it');
      assert.equal(third.text, (await first).text);
      const [row] = await db.query('SELECT doc FROM checkins WHERE id = $1', [FIRST]);
      assert.equal(row.doc.replies.length, 1);
    });

    it('stores the answer, its idempotency record, its event and its notification together', async () => {
      const answered = await call(base, 'PUT', `${checkinPath()}/answers`, {
        as: talent,
        body: ANSWERS_BODY,
        key: 'a-3',
      });
      assert.equal(answered.status, 200);
      const [checkin] = await db.query('SELECT doc FROM checkins WHERE contract_id = $1 AND id = $2', ['c-1', FIRST]);
      assert.deepEqual(checkin.doc.answers, ANSWERS_BODY.answers);
      assert.equal(checkin.doc.status, 'answered');

      const [record] = await db.query(
        "SELECT status, body, etag, fingerprint, created_at::text AS at FROM idempotency WHERE user_id = $1 AND method = 'submitAnswers' AND key = 'a-3'",
        [talent],
      );
      assert.equal(record.status, 200);
      assert.deepEqual(record.body, answered.body);
      assert.equal(record.etag, null);
      assert.ok(record.fingerprint.length > 0);

      const events = await db.query('SELECT seq::float8 AS seq, contract_id, payload FROM events ORDER BY seq');
      assert.equal(events.length, 1);
      assert.equal(events[0].contract_id, 'c-1');
      assert.deepEqual(events[0].payload, { type: 'checkin', checkin: answered.body });

      const notes = await db.query(
        'SELECT kind, checkin_id, recipient_id, actor, payload, created_at::text AS at FROM notifications',
      );
      assert.equal(notes.length, 1);
      assert.deepEqual(
        { kind: notes[0].kind, checkin: notes[0].checkin_id, to: notes[0].recipient_id, from: notes[0].actor.id },
        { kind: 'answered', checkin: FIRST, to: client, from: talent },
      );
      assert.equal(notes[0].at, record.at, 'written at the same instant, in the same transaction');
      await sleep(50);
      assert.deepEqual(
        env.notifications.map((n) => [n.kind, n.recipient.id, n.actor.id]),
        [['answered', client, talent]],
      );

      // A failing write leaves none of them.
      const before = await Promise.all(['idempotency', 'events', 'notifications'].map((t) => count(t)));
      assert.equal(
        (await call(base, 'POST', `${checkinPath()}/skip`, { as: talent, body: { note: '' }, key: 'k-4' })).status,
        409,
      );
      assert.deepEqual(await Promise.all(['idempotency', 'events', 'notifications'].map((t) => count(t))), before);
    });

    it("writes the outbox in the client's name for requests and opened prompts, once each", async () => {
      const request = await call(base, 'POST', `${C1}/update-requests`, {
        as: client,
        body: { message: 'Status?' },
        key: 'u-3',
      });
      assert.equal(request.status, 201);
      // The next prompt opens: two reads and the timer see it at once; one row, one notification.
      let now = Date.parse('2025-01-10T10:00:00Z');
      const other = await start(db, { testing: false, clock: () => now });
      try {
        now = Date.parse('2025-01-17T08:00:30Z');
        await Promise.all([
          call(other.base, 'GET', `${C1}/checkins`, { as: client }),
          call(other.base, 'GET', `${C1}/history`, { as: talent }),
          other.server.tick(),
        ]);
        await sleep(50);
      } finally {
        await other.stop();
      }
      assert.equal(await count('checkins', 'id = $1', [SECOND]), 1);
      const notes = await db.query('SELECT kind, checkin_id, recipient_id, actor FROM notifications ORDER BY id');
      assert.deepEqual(
        notes.map((n) => [n.kind, n.checkin_id, n.recipient_id, n.actor.id]),
        [
          ['update-requested', request.body.id, talent, client],
          ['prompt-opened', SECOND, talent, client],
        ],
      );
      const opened = await db.query("SELECT payload FROM events WHERE payload->'checkin'->>'id' = $1", [SECOND]);
      assert.equal(opened.length, 1, 'one event for the prompt that opened');
      const delivered = [...env.notifications, ...other.notifications];
      assert.deepEqual(
        delivered.map((n) => n.kind),
        ['update-requested', 'prompt-opened'],
      );
      assert.equal(delivered[0].payload.message, 'Status?');
      assert.equal(delivered[1].recipient.name, 'Tariq Talent');
    });
  });
}
