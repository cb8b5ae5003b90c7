/** Settings: versions, eligibility, consent, turning off, schedule changes, questions, skip dates. */
import { LIMITS } from '../limits.js';
import { DEFAULT_QUESTIONS, type Question } from '../model.js';
import { contains, equal, has, ok, rejects } from './assert.js';
import type { Kit } from './index.js';
import { change, checkin, key } from './support.js';
import { ANSWERS, CLIENT, FIRST, TALENT } from './world.js';

const required = { policy: { consent: 'required' as const } };
const questions = (): Question[] => DEFAULT_QUESTIONS.map((q) => structuredClone(q) as Question);

export function defineSettings(kit: Kit): void {
  kit.describe('settings', () => {
    versions(kit);
    turningOffAndConsent(kit);
    scheduleChanges(kit);
    questionsAndSkipDates(kit);
  });
}

/** Versions, replays and eligibility. */
function versions(kit: Kit): void {
  kit.it('a change bumps the version and says who made it; a stale version is a conflict', () =>
    kit.run({}, async (b) => {
      const saved = await b.client.updateSettings(
        'c-1',
        { enabled: false },
        { expectedVersion: 1, idempotencyKey: key() },
      );
      has(saved, { version: 2, enabled: false, updatedBy: CLIENT }, 'the saved settings');
      await rejects(
        b.client.updateSettings('c-1', { enabled: true }, { expectedVersion: 1, idempotencyKey: key() }),
        'conflict',
        'a change against version 1',
      );
      equal((await b.client.getSettings('c-1')).enabled, false, 'the settings after the conflict');
    }),
  );

  kit.it('a repeated key replays the first answer; the same key with another change is invalid', () =>
    kit.run({}, async (b) => {
      const options = { expectedVersion: 1, idempotencyKey: key() };
      const first = await b.client.updateSettings('c-1', { enabled: false }, options);
      const again = await b.client.updateSettings('c-1', { enabled: false }, options);
      equal(again, first, 'the replayed answer');
      equal((await b.client.getSettings('c-1')).version, 2, 'one effect');
      await rejects(b.client.updateSettings('c-1', { enabled: true }, options), 'invalid', 'the key reused');
    }),
  );

  kit.it('turning on an ineligible contract is invalid, with the reason', () =>
    kit.run({ settings: { enabled: false }, activeSince: null, now: '2025-01-07T12:00:00Z' }, async (b) => {
      const settings = await b.client.getSettings('c-1');
      equal(settings.eligibility.eligible, true, 'c-1 is eligible');
      const short = b.client.updateSettings(
        'c-short',
        { enabled: true },
        { expectedVersion: 1, idempotencyKey: key() },
      );
      const error = await rejects(short, 'invalid', 'turning on a one-milestone job');
      ok(error.message.length > 10, 'the refusal gives a reason');
    }),
  );
}

/** Rule 2: turning off and withdrawing consent; consent only where it is asked for. */
function turningOffAndConsent(kit: Kit): void {
  kit.it('rule 2: turning off closes the open scheduled check-in, says who and when; requests stay open', () =>
    kit.run({}, async (b) => {
      const request = await b.client.requestUpdate('c-1', {}, { idempotencyKey: key() });
      const off = await change(b.client, { enabled: false });
      has(off, { disabledBy: CLIENT }, 'the settings turned off');
      ok(typeof off.disabledAt === 'string', 'disabledAt is set');
      const closed = await checkin(b.client, FIRST);
      has(closed, { status: 'closed', closedBy: CLIENT, closedReason: 'turned-off' }, 'the open check-in');
      equal((await checkin(b.client, request.id)).status, 'open', 'the requested check-in');
      const refused = await rejects(
        b.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() }),
        'conflict',
        'answering a closed check-in',
      );
      contains(refused.message, 'reply', 'the refusal offers the reply');
      await b.talent.reply('c-1', FIRST, { text: 'Here is what I had.' }, { idempotencyKey: key() });
      has(await change(b.client, { enabled: true }), { disabledAt: null, disabledBy: null }, 'on again');
    }),
  );

  kit.it('rule 2: withdrawing consent closes it too; consent moves only from its state', () =>
    kit.run({ ...required, settings: { consent: 'given' } }, async (b) => {
      await rejects(change(b.talent, { consent: 'declined' }), 'conflict', 'declining what was given');
      equal((await change(b.talent, { consent: 'withdrawn' })).consent, 'withdrawn', 'withdrawn');
      has(
        await checkin(b.talent, FIRST),
        { status: 'closed', closedReason: 'withdrawn', closedBy: TALENT },
        'the check-in',
      );
      await rejects(change(b.talent, { consent: 'withdrawn' }), 'conflict', 'withdrawing twice');
      equal((await change(b.talent, { consent: 'given' })).consent, 'given', 'given again');
    }),
  );

  kit.it('consent is not set where it is not asked for', () =>
    kit.run({}, async (b) => {
      await rejects(change(b.talent, { consent: 'given' }), 'invalid', 'consent under a notify policy');
    }),
  );
}

/** Rule 3: a schedule change never rewrites the past. */
function scheduleChanges(kit: Kit): void {
  if (kit.capabilities.clock) {
    kit.it('rule 3: a schedule change creates no check-in before it and keeps existing statuses', () =>
      kit.run({ now: '2025-01-15T12:00:00Z' }, async (b) => {
        has(await checkin(b.client, FIRST), { status: 'late', closesAt: '2025-01-17T08:00:00.000Z' }, 'before');
        const { schedule } = await b.client.getSettings('c-1');
        await change(b.client, { schedule: { ...schedule, weekday: 1, time: '09:30' } });
        const page = await b.client.listCheckins('c-1');
        equal(page.total, 1, 'no check-in created for Monday the 13th');
        has(page.items[0], { id: FIRST, status: 'late', closesAt: '2025-01-20T08:30:00.000Z' }, 'after');
        await b.setClock!('2025-01-20T08:31:00Z');
        const later = await b.client.listCheckins('c-1');
        equal(
          later.items.map((c) => [c.dueAt, c.status]),
          [
            ['2025-01-20T08:30:00.000Z', 'open'],
            ['2025-01-10T08:00:00.000Z', 'missed'],
          ],
          'the new schedule',
        );
      }),
    );
  }
}

/** Rules 5 and 7: questions within the limits, skip dates on coming prompt days. */
function questionsAndSkipDates(kit: Kit): void {
  const bad: Array<[string, (qs: Question[]) => unknown[]]> = [
    ['no question', () => []],
    ['eleven questions', (qs) => Array.from({ length: 11 }, (_, i) => ({ ...qs[0], id: `q${i}`, purpose: null }))],
    ['a blank prompt', (qs) => [{ ...qs[0], prompt: '  ' }]],
    ['an answer limit over 5,000', (qs) => [{ ...qs[0], maxLength: LIMITS.answer + 1 }]],
    ['six quick answers', (qs) => [{ ...qs[0], quickAnswers: ['a', 'b', 'c', 'd', 'e', 'f'] }]],
    ['two questions with one purpose', (qs) => [qs[2], { ...qs[1], purpose: 'blockers' }]],
    ['two questions with one id', (qs) => [qs[0], { ...qs[1], id: qs[0]!.id }]],
  ];
  for (const [label, make] of bad) {
    kit.it(`rule 5: questions with ${label} are invalid`, () =>
      kit.run({}, async (b) => {
        await rejects(change(b.client, { questions: make(questions()) as Question[] }), 'invalid', label);
      }),
    );
  }

  kit.it('rule 5: edited, reordered questions are stored with their purposes', () =>
    kit.run({}, async (b) => {
      const [done, next, blockers] = questions();
      const edited = [
        { ...blockers!, prompt: 'Anything in your way?' },
        { ...done!, required: false },
        { ...next!, purpose: null },
      ];
      equal((await change(b.client, { questions: edited })).questions, edited, 'the stored questions');
    }),
  );

  kit.it('rule 7: a skip date must be a coming prompt day', () =>
    kit.run({ now: '2025-01-15T12:00:00Z' }, async (b) => {
      const { schedule } = await b.client.getSettings('c-1');
      const thursday = await rejects(
        change(b.client, { schedule: { ...schedule, skipDates: ['2025-01-23'] } }),
        'invalid',
        'a Thursday',
      );
      contains(thursday.message, '2025-01-23', 'the message names the date');
      const past = await rejects(
        change(b.client, { schedule: { ...schedule, skipDates: ['2025-01-10'] } }),
        'invalid',
        'a past Friday',
      );
      contains(past.message, '2025-01-10', 'the message names the date');
      const saved = await change(b.client, { schedule: { ...schedule, skipDates: ['2025-01-24'] } });
      equal(saved.schedule.skipDates, ['2025-01-24'], 'a coming Friday');
    }),
  );
}
