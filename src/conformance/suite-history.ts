/** Paging, the paper trail (listHistory) and live events. */
import { isActivity } from '../model.js';
import type { HistoryItem } from '../model.js';
import { equal, ok, rejects } from './assert.js';
import type { Kit } from './index.js';
import { change, key, listen, until } from './support.js';
import { ANSWERS, CLIENT, FIRST, TALENT } from './world.js';

/** Fifteen weekly check-ins: the world with its clock in mid-April. */
const LONG = { now: '2025-04-20T12:00:00Z' };

export function defineHistory(kit: Kit): void {
  kit.describe('paging and history', () => {
    paging(kit);
    paperTrail(kit);
    liveEvents(kit);
  });
}

/** Cursor paging: every check-in once, stable under inserts, strict about input. */
function paging(kit: Kit): void {
  kit.it('a cursor round trip lists every check-in once, newest first, with the total', () =>
    kit.run(LONG, async (b) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let total: number | null;
      do {
        const page = await b.observer.listCheckins('c-1', { cursor, limit: 4 });
        ok(page.items.length <= 4, 'a page holds at most the limit');
        seen.push(...page.items.map((c) => c.dueAt));
        total = page.total;
        cursor = page.nextCursor;
      } while (cursor);
      equal(seen.length, 15, 'every check-in');
      equal(new Set(seen).size, 15, 'none twice');
      equal([...seen].sort().reverse(), seen, 'newest first');
      equal(total, 15, 'the total');
    }),
  );

  kit.it('a check-in created between pages does not shift later pages', () =>
    kit.run(LONG, async (b) => {
      const first = await b.client.listCheckins('c-1', { limit: 5 });
      await b.client.requestUpdate('c-1', {}, { idempotencyKey: key() });
      const second = await b.client.listCheckins('c-1', { limit: 5, cursor: first.nextCursor });
      const ids = new Set(first.items.map((c) => c.id));
      ok(
        second.items.every((c) => !ids.has(c.id)),
        'no check-in repeated',
      );
      ok(Date.parse(second.items[0]!.dueAt) < Date.parse(first.items.at(-1)!.dueAt), 'the next older one follows');
    }),
  );

  kit.it('a garbage cursor or a bad limit is invalid; the page size is capped', () =>
    kit.run(LONG, async (b) => {
      await rejects(b.client.listCheckins('c-1', { cursor: 'garbage!' }), 'invalid', 'a garbage cursor');
      await rejects(b.client.listCheckins('c-1', { limit: 0 }), 'invalid', 'a limit of 0');
      ok((await b.client.listCheckins('c-1', { limit: 1000 })).items.length <= 100, 'at most 100 a page');
    }),
  );
}

/** Rule 4: the paper trail in listHistory. */
function paperTrail(kit: Kit): void {
  if (kit.capabilities.history) {
    kit.it("rule 4: every changed aspect is an entry in the actor's name, with the check-ins", () =>
      kit.run({ policy: { consent: 'required' }, settings: { consent: 'given' } }, async (b) => {
        const { schedule } = await b.client.getSettings('c-1');
        await change(b.client, { schedule: { ...schedule, weekday: 2, time: '09:30' } });
        await change(b.talent, { consent: 'withdrawn' });
        await change(b.client, { enabled: false });
        const items: HistoryItem[] = [];
        let cursor: string | null = null;
        do {
          const page = await b.client.listHistory!('c-1', { cursor, limit: 2 });
          items.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        const entries = items.filter(isActivity);
        equal(
          entries.map((a) => [a.change.type, a.actor.id]),
          [
            ['disabled', CLIENT.id],
            ['consent', TALENT.id],
            ['schedule', CLIENT.id],
          ],
          'the entries, newest first',
        );
        equal(items.at(-1)!.id, FIRST, 'the check-in is there too, oldest');
        equal(new Set(items.map((i) => i.id)).size, items.length, 'nothing twice across pages');
        const unchanged = await b.observer.listHistory!('c-1');
        equal(unchanged.total, items.length, 'the total counts both');
      }),
    );
  }
}

/** Live events reach the parties, in order, and nobody else. */
function liveEvents(kit: Kit): void {
  if (kit.capabilities.subscribe) {
    kit.it('live: a write by one person reaches the other, in order; a stranger hears nothing', () =>
      kit.run({}, async (b) => {
        const client = listen(b.client);
        const stranger = listen(b.stranger);
        try {
          // As the elements do: a read after subscribing marks where the stream must start,
          // so a stream still connecting misses nothing written after the read.
          await b.client.getSettings('c-1');
          await b.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() });
          await b.talent.reply('c-1', FIRST, { text: 'Any questions?' }, { idempotencyKey: key() });
          await change(b.client, { enabled: false });
          await until(() => client.events.some((e) => e.type === 'settings'), 'the settings event');
          const types = client.events.map((e) => e.type);
          ok(types.indexOf('checkin') < types.indexOf('reply'), 'the answer before the reply');
          ok(types.includes('reply') && types.includes('settings'), 'the reply and the settings');
          equal(stranger.events.length, 0, 'the stranger heard nothing');
        } finally {
          client.stop();
          stranger.stop();
        }
      }),
    );
  }
}
