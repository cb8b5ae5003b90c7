/** Check-ins: requests, answers and edits, statuses over time, idempotency, cooldown, text. */
import { LIMITS } from '../limits.js';
import { contains, equal, has, ok, rejects } from './assert.js';
import type { Kit } from './index.js';
import { checkin, key } from './support.js';
import { ANSWERS, CLIENT, FIRST, TALENT, type WorldOptions } from './world.js';

const required = { policy: { consent: 'required' as const } };
const STATES: Array<[string, WorldOptions]> = [
  ['off', { settings: { enabled: false }, activeSince: null }],
  ['waiting for consent', { ...required, settings: { consent: 'pending' }, activeSince: null }],
  ['declined', { ...required, settings: { consent: 'declined' }, activeSince: null }],
];

export function defineCheckins(kit: Kit): void {
  kit.describe('check-ins', () => {
    requestsInEveryState(kit);
    answersAndEdits(kit);
    storedText(kit);
    repliesAndSkips(kit);
    requestCooldown(kit);
    statusesOverTime(kit);
  });
}

/** Rule 1: a request in every consent state, answerable by the talent. */
function requestsInEveryState(kit: Kit): void {
  for (const [label, world] of STATES) {
    kit.it(`rule 1: with check-ins ${label}, a request is allowed and the talent can answer it`, () =>
      kit.run(world, async (b) => {
        equal((await b.talent.listCheckins('c-1')).total, 0, 'no scheduled check-in');
        const request = await b.client.requestUpdate('c-1', { message: 'Status?' }, { idempotencyKey: key() });
        has(request, { kind: 'requested', status: 'open', requestedBy: CLIENT, message: 'Status?' }, 'the request');
        const answered = await b.talent.submitAnswers(
          'c-1',
          request.id,
          { answers: ANSWERS },
          { idempotencyKey: key() },
        );
        equal(answered.status, 'answered', 'the answered request');
      }),
    );
  }
}

/** Answers, edits, "seen", and what makes an answer invalid. */
function answersAndEdits(kit: Kit): void {
  kit.it('an answer, a repeat with its key (one effect), an edit, and "seen"', () =>
    kit.run({}, async (b) => {
      const options = { idempotencyKey: key() };
      const first = await b.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS, health: 'at-risk' }, options);
      has(first, { status: 'answered', health: 'at-risk', editedAt: null }, 'the answer');
      equal(
        await b.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS, health: 'at-risk' }, options),
        first,
        'the replay',
      );
      const seen = await b.client.acknowledge('c-1', FIRST);
      ok(typeof seen.acknowledgedAt === 'string', 'acknowledged');
      const edited = await b.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() });
      ok(typeof edited.editedAt === 'string', 'an edit is stamped');
      equal(edited.acknowledgedAt, null, '"seen" does not vouch for the new text');
    }),
  );

  kit.it('a required answer left blank and an over-long answer are invalid', () =>
    kit.run({}, async (b) => {
      const blank = ANSWERS.map((a, i) => (i === 0 ? { ...a, text: '   ' } : a));
      await rejects(
        b.talent.submitAnswers('c-1', FIRST, { answers: blank }, { idempotencyKey: key() }),
        'invalid',
        'a blank answer',
      );
      const long = ANSWERS.map((a, i) => (i === 0 ? { ...a, text: 'x'.repeat(1001) } : a));
      await rejects(
        b.talent.submitAnswers('c-1', FIRST, { answers: long }, { idempotencyKey: key() }),
        'invalid',
        'an answer over 1,000',
      );
    }),
  );
}

/** Text is stored as typed. */
function storedText(kit: Kit): void {
  kit.it('text is stored as typed', () =>
    kit.run({}, async (b) => {
      const text = '\t=1+1\uFEFF';
      const saved = await b.talent.submitAnswers(
        'c-1',
        FIRST,
        { answers: ANSWERS.map((a) => ({ ...a, text })) },
        { idempotencyKey: key() },
      );
      equal(
        saved.answers!.map((a) => a.text),
        [text, text, text],
        'the stored answers',
      );
      equal((await b.client.reply('c-1', FIRST, { text }, { idempotencyKey: key() })).text, text, 'the stored reply');
    }),
  );
}

/** Replies and skips. */
function repliesAndSkips(kit: Kit): void {
  kit.it('a reply: authored by the caller, one per key, not blank, at most 2,000 characters', () =>
    kit.run({}, async (b) => {
      const options = { idempotencyKey: key() };
      const reply = await b.talent.reply('c-1', FIRST, { text: 'Done!' }, options);
      has(reply, { author: TALENT, text: 'Done!' }, 'the reply');
      equal(await b.talent.reply('c-1', FIRST, { text: 'Done!' }, options), reply, 'the replay');
      equal((await checkin(b.client, FIRST)).replies.length, 1, 'one reply');
      await rejects(
        b.talent.reply('c-1', FIRST, { text: '  ' }, { idempotencyKey: key() }),
        'invalid',
        'a blank reply',
      );
      await rejects(
        b.talent.reply('c-1', FIRST, { text: 'x'.repeat(LIMITS.reply + 1) }, { idempotencyKey: key() }),
        'invalid',
        'a long reply',
      );
    }),
  );

  kit.it('a skip, once; a skip note over 500 characters is invalid', () =>
    kit.run({}, async (b) => {
      await rejects(
        b.talent.skipCheckin('c-1', FIRST, { note: 'x'.repeat(LIMITS.note + 1) }, { idempotencyKey: key() }),
        'invalid',
        'a long note',
      );
      has(
        await b.talent.skipCheckin('c-1', FIRST, { note: '' }, { idempotencyKey: key() }),
        { status: 'skipped', skipNote: null },
        'the skip',
      );
      await rejects(
        b.talent.skipCheckin('c-1', FIRST, { note: '' }, { idempotencyKey: key() }),
        'conflict',
        'a second skip',
      );
    }),
  );
}

/** Update requests: one per cooldown, a repeat key replays. */
function requestCooldown(kit: Kit): void {
  kit.it('requests: at most one per cooldown (rate-limited with retryAt), a repeat key is not', () =>
    kit.run({}, async (b) => {
      const options = { idempotencyKey: key() };
      const first = await b.client.requestUpdate('c-1', {}, options);
      equal(await b.client.requestUpdate('c-1', {}, options), first, 'the replay');
      const limited = await rejects(
        b.client.requestUpdate('c-1', {}, { idempotencyKey: key() }),
        'rate-limited',
        'a second request',
      );
      ok(
        typeof limited.retryAt === 'string' && Date.parse(limited.retryAt) > Date.parse(first.dueAt),
        'retryAt is after the request',
      );
      const long = b.client.requestUpdate(
        'c-1',
        { message: 'x'.repeat(LIMITS.message + 1) },
        { idempotencyKey: key() },
      );
      contains(
        (await rejects(long, 'invalid', 'a long message')).message,
        String(LIMITS.message),
        'the limit is named',
      );
    }),
  );
}

/** Rule 8 and the edit window, on the clock. */
function statusesOverTime(kit: Kit): void {
  if (kit.capabilities.clock) {
    kit.it("rule 8: open until the end of the talent's day, then late, then missed", () =>
      kit.run({ now: '2025-01-10T08:01:00Z' }, async (b) => {
        has(
          await checkin(b.client, FIRST),
          {
            status: 'open',
            lateAt: '2025-01-10T23:00:00.000Z',
            closesAt: '2025-01-17T08:00:00.000Z',
          },
          'just opened',
        );
        await b.setClock!('2025-01-10T23:00:00Z');
        equal((await checkin(b.client, FIRST)).status, 'late', 'after the day');
        await b.setClock!('2025-01-17T08:00:01Z');
        equal((await checkin(b.client, FIRST)).status, 'missed', 'after the next prompt');
        await rejects(
          b.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() }),
          'conflict',
          'answering a missed one',
        );
      }),
    );

    kit.it('an answer can be edited until the next check-in opens', () =>
      kit.run({}, async (b) => {
        await b.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() });
        await b.setClock!('2025-01-17T08:00:01Z');
        equal((await checkin(b.client, FIRST)).status, 'answered', 'answered sticks');
        await rejects(
          b.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() }),
          'conflict',
          'an edit too late',
        );
      }),
    );
  }
}
