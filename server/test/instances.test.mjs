// Several server instances on one PostgreSQL: an event written through one reaches a stream
// held by the other (rows + NOTIFY carrying only the contract id), and one idempotency key sent
// to both at once has one effect. PostgreSQL only: PGlite is one process's database.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ANSWERS_BODY,
  PEOPLE,
  call,
  checkinPath,
  open,
  openStream,
  sleep,
  start,
  targets,
  worldData,
} from './support.mjs';

const { client, talent } = PEOPLE;
const target = targets(import.meta.url).find((t) => t.name === 'PostgreSQL');

describe('two server instances on one PostgreSQL', { skip: target.skip }, () => {
  let dbs = [];
  let envs = [];

  before(async () => {
    dbs = [await open(target), await open(target)];
    envs = [await start(dbs[0]), await start(dbs[1])];
  });
  after(async () => {
    await Promise.all(envs.map((env) => env.stop()));
    await Promise.all(dbs.map((db) => db.close()));
  });

  it('a reply written through one instance reaches a stream held by the other', async () => {
    const [a, b] = envs;
    await a.server.reset(worldData());
    const stream = await openStream(b.base, 'c-1', { as: client });
    try {
      assert.equal((await stream.next()).retry, '2000');
      const sent = await call(a.base, 'POST', `${checkinPath()}/replies`, {
        as: talent,
        body: { text: 'Via A' },
        key: 'multi-1',
      });
      assert.equal(sent.status, 201);
      // Instance B may first stream what the reset brought up to date; the reply follows.
      const end = Date.now() + 5000;
      let event = null;
      while (!event && Date.now() < end) {
        const frame = await Promise.race([stream.next(), sleep(end - Date.now()).then(() => null)]);
        if (!frame) break;
        const data = frame.data ? JSON.parse(frame.data) : null;
        if (data?.type === 'reply') event = data;
      }
      assert.ok(event, 'instance B streamed no reply within 5 s');
      assert.deepEqual(event.reply, sent.body);
    } finally {
      await stream.close();
    }
  });

  it('one idempotency key sent to both instances at once has one effect', async () => {
    const [a, b] = envs;
    const world = worldData();
    await a.server.reset(world);
    // Each instance has its own (testing) clock: both at the world's.
    await b.server.setClock(world.now);
    const put = (env) =>
      call(env.base, 'PUT', `${checkinPath()}/answers`, { as: talent, body: ANSWERS_BODY, key: 'multi-2' });
    const answers = await Promise.all([put(a), put(b)]);
    const ok = answers.filter((r) => r.status === 200);
    assert.ok(ok.length >= 1, `statuses: ${answers.map((r) => r.status)}`);
    // The other one replays the first (or is told it is in flight).
    for (const r of answers) assert.ok(r.status === 200 || r.status === 409, `status ${r.status}`);
    if (ok.length === 2) assert.equal(ok[0].text, ok[1].text);
    const list = await call(b.base, 'GET', '/v1/contracts/c-1/checkins', { as: client });
    assert.equal(list.status, 200, list.text);
    const first = list.body.items.find((c) => c.id === checkinPath().split('/').pop());
    assert.ok(first, JSON.stringify(list.body.items.map((c) => c.id)));
    assert.equal(first.status, 'answered');
    assert.equal(first.editedAt, null, 'answered once, not answered and edited');
  });
});
