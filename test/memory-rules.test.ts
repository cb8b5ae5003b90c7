/**
 * The rules of docs/design.md ("Consent and requests", "Turning off", "Schedule changes",
 * "The paper trail", "Due, late and missed") at the adapter level, on the reference backend.
 */
import { expect } from '@open-wc/testing';
import type { CheckinEvent } from '../src/adapters/adapter.js';
import type { MemoryAdapter } from '../src/adapters/memory.js';
import { LIMITS } from '../src/limits.js';
import {
  DEFAULT_QUESTIONS,
  isActivity,
  type Activity,
  type Checkin,
  type HistoryItem,
  type Question,
} from '../src/model.js';
import { ANSWERS, CLIENT, FIRST, TALENT, failure, key, settle, world, type World } from './support/memory-world.js';

const required = { policy: { consent: 'required' as const } };

async function checkin(w: World, id: string): Promise<Checkin> {
  const page = await w.client.listCheckins('c-1', { limit: 100 });
  const found = page.items.find((c) => c.id === id);
  if (!found) throw new Error(`no check-in ${id}`);
  return found;
}

async function settings(w: World) {
  return w.client.getSettings('c-1');
}

async function change(adapter: MemoryAdapter, value: Parameters<MemoryAdapter['updateSettings']>[1]) {
  const { version } = await adapter.getSettings('c-1');
  return adapter.updateSettings('c-1', value, { expectedVersion: version, idempotencyKey: key() });
}

function listen(adapter: MemoryAdapter): CheckinEvent[] {
  const events: CheckinEvent[] = [];
  adapter.subscribe('c-1', (event) => events.push(event));
  return events;
}

async function history(adapter: MemoryAdapter): Promise<HistoryItem[]> {
  const items: HistoryItem[] = [];
  let cursor: string | null = null;
  do {
    const page = await adapter.listHistory('c-1', { cursor, limit: 2 });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe("rule 1: a request is a message in the client's name, answerable in every consent state", () => {
  for (const [label, state] of [
    ['off', { settings: { enabled: false }, activeSince: null }],
    ['pending consent', { ...required, settings: { consent: 'pending' as const }, activeSince: null }],
    ['declined', { ...required, settings: { consent: 'declined' as const }, activeSince: null }],
    ['withdrawn', { ...required, settings: { consent: 'withdrawn' as const }, activeSince: null }],
  ] as const) {
    it(`check-ins ${label}: the client can request and the talent can answer`, async () => {
      const w = world(state);
      expect((await w.talent.listCheckins('c-1')).total).to.equal(0);
      const request = await w.client.requestUpdate('c-1', { message: 'Status?' }, { idempotencyKey: key() });
      expect(request).to.include({ kind: 'requested', status: 'open' });
      expect(request.requestedBy).to.deep.equal(CLIENT);
      const answered = await w.talent.submitAnswers('c-1', request.id, { answers: ANSWERS }, { idempotencyKey: key() });
      expect(answered.status).to.equal('answered');
    });
  }
});

describe('rule 2: off, decline and withdraw close open scheduled check-ins, not requests', () => {
  it("turning off closes the open check-in in the client's name and says who and when", async () => {
    const w = world();
    const request = await w.client.requestUpdate('c-1', {}, { idempotencyKey: key() });
    const events = listen(w.talent);
    w.at('2025-01-10T11:00:00Z');
    const off = await change(w.client, { enabled: false });
    expect(off).to.deep.include({ disabledAt: '2025-01-10T11:00:00.000Z', disabledBy: CLIENT });
    const closed = await checkin(w, FIRST);
    expect(closed).to.deep.include({
      status: 'closed',
      closedAt: '2025-01-10T11:00:00.000Z',
      closedBy: CLIENT,
      closedReason: 'turned-off',
      closesAt: null,
    });
    expect((await checkin(w, request.id)).status).to.equal('open');
    await settle();
    expect(
      events.some((e) => e.type === 'checkin' && e.checkin.id === FIRST && e.checkin.status === 'closed'),
    ).to.equal(true);
    // Nothing is silently deleted, and a typed answer can still reach the client as a reply.
    const refused = await failure(
      w.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() }),
    );
    expect(refused.code).to.equal('conflict');
    expect(refused.message).to.contain('turned off').and.contain('reply');
    expect((await failure(w.talent.skipCheckin('c-1', FIRST, { note: '' }, { idempotencyKey: key() }))).code).to.equal(
      'conflict',
    );
    const reply = await w.talent.reply(
      'c-1',
      FIRST,
      { text: 'About done: the login page.' },
      { idempotencyKey: key() },
    );
    expect(reply.author).to.deep.equal(TALENT);
    // Turning back on clears "turned off by", and the closed check-in stays closed.
    const on = await change(w.client, { enabled: true });
    expect(on).to.deep.include({ enabled: true, disabledAt: null, disabledBy: null });
    expect((await checkin(w, FIRST)).status).to.equal('closed');
  });

  it('withdrawing consent closes it with "withdrawn"; consent can be given again', async () => {
    const w = world({ ...required, settings: { consent: 'given' } });
    const withdrawn = await change(w.talent, { consent: 'withdrawn' });
    expect(withdrawn).to.include({ consent: 'withdrawn', consentAt: '2025-01-10T10:00:00.000Z' });
    expect(await checkin(w, FIRST)).to.deep.include({ status: 'closed', closedReason: 'withdrawn', closedBy: TALENT });
    w.at('2025-01-24T10:00:00Z');
    expect((await w.talent.listCheckins('c-1')).total).to.equal(1);
    const again = await change(w.talent, { consent: 'given' });
    expect(again.consent).to.equal('given');
    w.at('2025-01-31T10:00:00Z');
    const page = await w.talent.listCheckins('c-1');
    // Prompts start after consent: 31 January, not the 24th it was given on.
    expect(page.items.map((c) => c.dueAt)).to.deep.equal(['2025-01-31T08:00:00.000Z', '2025-01-10T08:00:00.000Z']);
  });

  it('each consent move is allowed only from its state', async () => {
    const pending = world({ ...required, settings: { consent: 'pending' }, activeSince: null });
    expect((await failure(change(pending.talent, { consent: 'withdrawn' }))).code).to.equal('conflict');
    expect((await change(pending.talent, { consent: 'declined' })).consent).to.equal('declined');
    expect((await failure(change(pending.talent, { consent: 'declined' }))).code).to.equal('conflict');
    const given = world({ ...required, settings: { consent: 'given' } });
    const declineGiven = await failure(change(given.talent, { consent: 'declined' }));
    expect(declineGiven.code).to.equal('conflict');
    expect(declineGiven.message).to.contain('withdraw');
    expect((await failure(change(given.talent, { consent: 'given' }))).code).to.equal('conflict');
    const notNeeded = world();
    expect((await failure(change(notNeeded.talent, { consent: 'given' }))).code).to.equal('invalid');
  });
});

describe('rule 3: a schedule change never rewrites the past', () => {
  it('Monday 09:30 set on a Wednesday creates no check-in before the change and keeps the open one', async () => {
    const w = world({ now: '2025-01-15T12:00:00Z' });
    const before = await checkin(w, FIRST);
    expect(before).to.include({ status: 'late', closesAt: '2025-01-17T08:00:00.000Z' });
    await change(w.client, { schedule: { ...(await settings(w)).schedule, weekday: 1, time: '09:30' } });
    const after = await w.client.listCheckins('c-1');
    expect(after.total).to.equal(1);
    // The edit window follows the prompts that really exist: the new first one, Monday the 20th.
    expect(after.items[0]).to.include({ id: FIRST, status: 'late', closesAt: '2025-01-20T08:30:00.000Z' });
    w.at('2025-01-20T08:31:00Z');
    const later = await w.client.listCheckins('c-1');
    expect(later.items.map((c) => [c.dueAt, c.status])).to.deep.equal([
      ['2025-01-20T08:30:00.000Z', 'open'],
      ['2025-01-10T08:00:00.000Z', 'missed'],
    ]);
  });

  it("lifting a pause midweek does not create the paused week's prompt", async () => {
    const w = world({
      now: '2025-01-22T12:00:00Z',
      settings: {
        schedule: {
          weekday: 5,
          time: '09:00',
          timeZone: 'Europe/Berlin',
          skipDates: [],
          pausedUntil: '2025-01-30T00:00:00.000Z',
        },
      },
      checkins: [],
      activeSince: '2025-01-13T00:00:00.000Z',
    });
    expect((await w.client.listCheckins('c-1')).total).to.equal(0);
    await change(w.client, { schedule: { ...(await settings(w)).schedule, pausedUntil: null } });
    expect((await w.client.listCheckins('c-1')).total).to.equal(0);
    w.at('2025-01-24T08:01:00Z');
    expect((await w.client.listCheckins('c-1')).items.map((c) => c.dueAt)).to.deep.equal(['2025-01-24T08:00:00.000Z']);
  });
});

describe("rule 4: the paper trail includes what changed, in the actor's name", () => {
  it('every aspect of a change is an entry, listed with the check-ins newest first and sent live', async () => {
    const w = world({ ...required, settings: { consent: 'given' } });
    const events = listen(w.talent);
    const schedule = (await settings(w)).schedule;
    w.at('2025-01-10T11:00:00Z');
    await change(w.client, { schedule: { ...schedule, weekday: 2, time: '09:30', skipDates: ['2025-01-21'] } });
    w.at('2025-01-10T12:00:00Z');
    const questions = DEFAULT_QUESTIONS.slice(0, 2).map((q) => ({ ...q })) as Question[];
    await change(w.client, { questions });
    w.at('2025-01-10T13:00:00Z');
    await change(w.talent, { consent: 'withdrawn' });
    w.at('2025-01-10T14:00:00Z');
    await change(w.client, { enabled: false });
    const items = await history(w.client);
    const entries = items.filter(isActivity);
    expect(entries.map((a) => [a.change.type, a.actor.id])).to.deep.equal([
      ['disabled', CLIENT.id],
      ['consent', TALENT.id],
      ['questions', CLIENT.id],
      // One change, two entries at one instant: the later-recorded first.
      ['skip-dates', CLIENT.id],
      ['schedule', CLIENT.id],
    ]);
    expect(entries.find((a) => a.change.type === 'schedule')!.change).to.deep.equal({
      type: 'schedule',
      from: { weekday: 5, time: '09:00', timeZone: 'Europe/Berlin' },
      to: { weekday: 2, time: '09:30', timeZone: 'Europe/Berlin' },
    });
    expect(entries.find((a) => a.change.type === 'questions')!.change).to.deep.include({
      prompts: questions.map((q) => q.prompt),
      previous: DEFAULT_QUESTIONS.map((q) => q.prompt),
    });
    // Check-ins and entries share one newest-first order; paging by two loses and repeats nothing.
    expect(items.map((i) => i.id)).to.have.length(6);
    expect(new Set(items.map((i) => i.id)).size).to.equal(6);
    expect(items[items.length - 1]!.id).to.equal(FIRST);
    expect((await w.client.listHistory('c-1')).total).to.equal(6);
    expect((await w.client.listCheckins('c-1')).items.every((c) => c.kind !== ('activity' as never))).to.equal(true);
    await settle();
    const live = events.filter((e): e is { type: 'activity'; activity: Activity } => e.type === 'activity');
    expect(live.map((e) => e.activity.change.type)).to.deep.equal([
      'schedule',
      'skip-dates',
      'questions',
      'consent',
      'disabled',
    ]);
  });

  it('an unchanged aspect records nothing; the observer reads the trail but a stranger cannot', async () => {
    const w = world();
    const current = await settings(w);
    await change(w.client, { schedule: current.schedule, questions: current.questions });
    expect((await w.client.listHistory('c-1')).items.filter(isActivity)).to.have.length(0);
    await change(w.client, { enabled: false });
    expect((await w.observer.listHistory('c-1')).items.filter(isActivity)).to.have.length(1);
    expect((await failure(w.stranger.listHistory('c-1'))).code).to.equal('forbidden');
  });
});

describe('rule 5: questions within documented limits, semantics by purpose', () => {
  const base = (): Question[] => DEFAULT_QUESTIONS.map((q) => structuredClone(q) as Question);
  const cases: Array<[string, (qs: Question[]) => unknown, string]> = [
    ['no question', () => [], 'between 1 and 10'],
    [
      'eleven questions',
      (qs) => Array.from({ length: 11 }, (_, i) => ({ ...qs[0], id: `q${i}`, purpose: null })),
      'between 1 and 10',
    ],
    ['a blank prompt', (qs) => [{ ...qs[0], prompt: '   ' }], 'prompt of 1 to 200'],
    ['a 201-character prompt', (qs) => [{ ...qs[0], prompt: 'x'.repeat(201) }], 'prompt of 1 to 200'],
    ['a limit of 5,001', (qs) => [{ ...qs[0], maxLength: 5001 }], 'from 1 to 5000'],
    [
      'six quick answers',
      (qs) => [{ ...qs[0], quickAnswers: ['a', 'b', 'c', 'd', 'e', 'f'] }],
      'up to 5 quick answers',
    ],
    ['a 61-character quick answer', (qs) => [{ ...qs[0], quickAnswers: ['x'.repeat(61)] }], 'of 1 to 60'],
    [
      'two "blockers"',
      (qs) =>
        [qs[0], { ...qs[2], id: 'b2' }, qs[2]].map((q) => ({ ...q, purpose: q.id === 'done' ? 'done' : 'blockers' })),
      'Only one question',
    ],
    ['an unknown purpose', (qs) => [{ ...qs[0], purpose: 'mood' }], 'purpose of question 1'],
    ['duplicate ids', (qs) => [qs[0], { ...qs[1], id: 'done' }], 'ids must be unique'],
  ];
  for (const [label, make, words] of cases) {
    it(`refuses ${label}`, async () => {
      const w = world();
      const error = await failure(change(w.client, { questions: make(base()) as Question[] }));
      expect(error.code).to.equal('invalid');
      expect(error.message).to.contain(words);
    });
  }

  it('stores reordered, edited questions with their purposes as sent', async () => {
    const w = world();
    const [done, next, blockers] = base();
    const edited = [
      { ...blockers!, prompt: 'Anything in your way?', quickAnswers: ['None', 'N/A'] },
      { ...done!, required: false, maxLength: LIMITS.answer },
      { ...next!, purpose: null },
    ];
    const saved = await change(w.client, { questions: edited });
    expect(saved.questions).to.deep.equal(edited);
  });
});

describe('rule 7: skip dates are coming prompt days', () => {
  it('refuses a day that is not a prompt day and one in the past, naming the date', async () => {
    const w = world({ now: '2025-01-15T12:00:00Z' });
    const schedule = (await settings(w)).schedule;
    const thursday = await failure(change(w.client, { schedule: { ...schedule, skipDates: ['2025-01-23'] } }));
    expect(thursday.code).to.equal('invalid');
    expect(thursday.message).to.contain('2025-01-23').and.contain('not a check-in day');
    const past = await failure(change(w.client, { schedule: { ...schedule, skipDates: ['2025-01-10'] } }));
    expect(past.message).to.contain('2025-01-10').and.contain('in the past');
    const many = Array.from({ length: 101 }, (_, i) =>
      new Date(Date.UTC(2025, 0, 17 + 7 * i)).toISOString().slice(0, 10),
    );
    expect((await failure(change(w.client, { schedule: { ...schedule, skipDates: many } }))).message).to.contain(
      'at most 100',
    );
    const ok = await change(w.client, { schedule: { ...schedule, skipDates: ['2025-01-24', '2025-01-17'] } });
    expect(ok.schedule.skipDates).to.deep.equal(['2025-01-24', '2025-01-17']);
    // Dates already kept are not checked again when the day passes.
    w.at('2025-01-30T12:00:00Z');
    const kept = await change(w.client, { schedule: { ...ok.schedule, time: '10:00' } });
    expect(kept.schedule.skipDates).to.deep.equal(['2025-01-24', '2025-01-17']);
  });
});

describe('rule 8: due means due', () => {
  it("a prompt that just opened is open until the end of the talent's day, then late, then missed", async () => {
    const w = world({ now: '2025-01-10T08:01:00Z' });
    expect(await checkin(w, FIRST)).to.include({
      status: 'open',
      lateAt: '2025-01-10T23:00:00.000Z',
      closesAt: '2025-01-17T08:00:00.000Z',
    });
    w.at('2025-01-10T22:59:59Z');
    expect((await checkin(w, FIRST)).status).to.equal('open');
    w.at('2025-01-10T23:00:00Z');
    expect((await checkin(w, FIRST)).status).to.equal('late');
    w.at('2025-01-17T08:00:00Z');
    expect((await checkin(w, FIRST)).status).to.equal('missed');
  });

  it('with check-ins off an answered check-in has no closing prompt', async () => {
    const w = world();
    await w.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() });
    await change(w.client, { enabled: false });
    expect(await checkin(w, FIRST)).to.include({ status: 'answered', closesAt: null });
  });
});

describe('text is stored as typed', () => {
  it('keeps leading tabs, formula-like text and a trailing U+FEFF', async () => {
    const w = world();
    const text = '\t=1+1\uFEFF';
    const answers = ANSWERS.map((a) => ({ ...a, text }));
    const saved = await w.talent.submitAnswers('c-1', FIRST, { answers }, { idempotencyKey: key() });
    expect(saved.answers!.map((a) => a.text)).to.deep.equal([text, text, text]);
    const reply = await w.client.reply('c-1', FIRST, { text }, { idempotencyKey: key() });
    expect(reply.text).to.equal(text);
  });

  it('a message over the limit is refused, not cut', async () => {
    const w = world();
    const error = await failure(
      w.client.requestUpdate('c-1', { message: 'x'.repeat(LIMITS.message + 1) }, { idempotencyKey: key() }),
    );
    expect(error.code).to.equal('invalid');
    expect(error.message).to.contain(String(LIMITS.message));
  });
});

describe('the call log', () => {
  it('keeps the last 1,000 calls and no subscription listener', async () => {
    const w = world();
    const stop = w.client.subscribe('c-1', () => {});
    expect(w.client.calls.at(-1)).to.deep.equal({ method: 'subscribe', args: ['c-1'] });
    stop();
    for (let i = 0; i < 1100; i++) await w.client.getViewer();
    expect(w.client.calls).to.have.length(1000);
    expect(w.store.subscriberCount).to.equal(0);
  });
});
