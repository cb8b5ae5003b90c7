import { expect } from '@open-wc/testing';
import type { CheckinAdapter, CheckinEvent } from '../src/adapters/adapter.js';
import {
  MAX_PAGE_ITEMS,
  validateCheckin,
  validateContract,
  validateEvent,
  validateHistoryPage,
  validatePage,
  validateReply,
  validateSettings,
  validateViewer,
  validated,
} from '../src/adapters/validate.js';
import {
  CheckinError,
  DEFAULT_QUESTIONS,
  type Checkin,
  type Contract,
  type Party,
  type Settings,
} from '../src/model.js';

const DANA: Party = { id: 'u-dana', name: 'Dana Whitfield', timeZone: 'America/New_York' };
const KOFI: Party = { id: 'u-kofi', name: 'Kofi Mensah', timeZone: 'Europe/Berlin' };

const viewer = () => ({
  id: 'u-dana',
  role: 'client',
  name: 'Dana Whitfield',
  timeZone: 'America/New_York',
  locale: 'en-US',
});
const contract = (): Contract => ({
  id: 'c-1',
  title: 'Portal rebuild',
  kind: 'hourly',
  startsAt: '2025-01-06T00:00:00.000Z',
  endsAt: null,
  milestoneCount: null,
  client: { ...DANA },
  talent: { ...KOFI },
});
const settings = (): Settings => ({
  contractId: 'c-1',
  enabled: true,
  consent: 'given',
  eligibility: { eligible: true, reason: null },
  schedule: {
    weekday: 5,
    time: '09:00',
    timeZone: 'Europe/Berlin',
    skipDates: ['2025-12-26'],
    pausedUntil: null,
  },
  questions: structuredClone(DEFAULT_QUESTIONS) as Settings['questions'],
  version: 3,
  updatedAt: '2025-01-07T10:00:00Z',
  updatedBy: { ...DANA },
});
const reply = () => ({
  id: 'r-1',
  author: { ...KOFI },
  text: 'Thanks!',
  createdAt: '2025-01-10T12:00:00.000Z',
});
const checkin = (): Checkin => ({
  id: 'ci-1',
  contractId: 'c-1',
  kind: 'scheduled',
  dueAt: '2025-01-10T08:00:00.000Z',
  status: 'answered',
  requestedBy: { ...DANA },
  answers: [
    { questionId: 'done', text: 'Login page' },
    { questionId: 'next', text: 'Billing' },
    { questionId: 'blockers', text: 'None' },
  ],
  health: 'on-track',
  answeredAt: '2025-01-10T10:00:00.000Z',
  editedAt: null,
  skipNote: null,
  acknowledgedAt: null,
  replies: [reply()],
});
const activity = () => ({
  id: 'a-1',
  contractId: 'c-1',
  kind: 'activity',
  at: '2025-01-08T10:00:00.000Z',
  actor: { ...DANA },
  change: {
    type: 'schedule',
    from: { weekday: 5, time: '09:00', timeZone: 'Europe/Berlin' },
    to: { weekday: 2, time: '09:30', timeZone: 'Europe/Berlin' },
  },
});
const page = () => ({
  items: [checkin(), { ...checkin(), id: 'ci-0', status: 'missed', answers: null }],
  nextCursor: 'abc',
  total: 12,
});

type Any = any;

/** The message of the CheckinError that `run` throws; fails the test if it does not. */
function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(CheckinError);
    expect((error as CheckinError).code).to.equal('invalid');
    expect((error as CheckinError).retryable).to.equal(false);
    return (error as CheckinError).message;
  }
  throw new Error('Expected the validator to throw');
}

async function failure(promise: Promise<unknown>): Promise<Any> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`Expected a rejection, got ${JSON.stringify(value)}`);
}

const PREFIX = 'Invalid data from the adapter: ';

describe('validators accept good data', () => {
  it('returns the very value it was given', () => {
    const values = [viewer(), contract(), settings(), checkin(), reply(), page()];
    expect(validateViewer(values[0])).to.equal(values[0]);
    expect(validateContract(values[1])).to.equal(values[1]);
    expect(validateSettings(values[2])).to.equal(values[2]);
    expect(validateCheckin(values[3])).to.equal(values[3]);
    expect(validateReply(values[4])).to.equal(values[4]);
    expect(validatePage(values[5])).to.equal(values[5]);
  });

  it('accepts long display text: a 5,000-character name or title is shown shortened, not refused', () => {
    const long = 'N'.repeat(5000);
    expect(validateViewer({ ...viewer(), name: long }).name).to.have.length(5000);
    expect(validateContract({ ...contract(), title: long, client: { ...DANA, name: long } }).title).to.equal(long);
  });

  it('accepts closed check-ins, the new settings fields and a mixed history page', () => {
    validateCheckin({
      ...checkin(),
      status: 'closed',
      answers: null,
      answeredAt: null,
      closedAt: '2025-01-10T11:00:00Z',
      closedBy: { ...DANA },
      closedReason: 'turned-off',
      lateAt: '2025-01-10T23:00:00Z',
      closesAt: null,
    });
    validateSettings({
      ...settings(),
      consent: 'withdrawn',
      disabledAt: null,
      disabledBy: { ...DANA },
      consentAt: '2025-01-09T00:00:00Z',
    });
    const mixed = {
      items: [activity(), checkin(), { ...activity(), id: 'a-2', change: { type: 'consent', consent: 'withdrawn' } }],
      nextCursor: null,
      total: 3,
    };
    expect(validateHistoryPage(mixed)).to.equal(mixed);
    expect(() => validatePage(mixed)).to.throw(CheckinError);
  });

  it('accepts the optional and nullable forms', () => {
    validateViewer({ id: 'u', role: 'observer', name: 'Olga' });
    validateViewer({ id: 'u', role: 'talent', name: 'Olga', timeZone: null, locale: null });
    validateContract({
      ...contract(),
      kind: 'fixed',
      endsAt: '2025-03-01T00:00:00+02:00',
      milestoneCount: 3,
    });
    validateSettings({
      ...settings(),
      updatedBy: null,
      eligibility: { eligible: false, reason: 'Too short.' },
    });
    validateSettings({
      ...settings(),
      schedule: { ...settings().schedule, pausedUntil: '2025-02-01T00:00:00Z' },
    });
    validateCheckin({
      ...checkin(),
      status: 'open',
      answers: null,
      health: null,
      answeredAt: null,
      replies: [],
    });
    validateCheckin({ ...checkin(), kind: 'requested', message: 'Status?' });
    validateCheckin({ ...checkin(), kind: 'requested', message: null });
    validatePage({ items: [], nextCursor: null, total: null });
    validatePage({
      items: Array.from({ length: MAX_PAGE_ITEMS }, checkin),
      nextCursor: null,
      total: 0,
    });
  });
});

// [what, validator, malformed value, the message (exact after the prefix, or a pattern)]
type Case = [string, (value: unknown) => unknown, () => unknown, string | RegExp];
const with_ =
  <T>(make: () => T, change: (value: Any) => void) =>
  () => {
    const value = make() as Any;
    change(value);
    return value;
  };

const CASES: Case[] = [
  ['viewer: null', validateViewer, () => null, 'viewer must be an object (got null).'],
  ['viewer: a list', validateViewer, () => [], 'viewer must be an object (got a list of 0).'],
  [
    'viewer: missing id',
    validateViewer,
    with_(viewer, (v) => delete v.id),
    'viewer.id is missing (it must be a string).',
  ],
  [
    'viewer: empty id',
    validateViewer,
    with_(viewer, (v) => (v.id = '')),
    'viewer.id must be a non-empty string (got "").',
  ],
  [
    'viewer: unknown role',
    validateViewer,
    with_(viewer, (v) => (v.role = 'admin')),
    'viewer.role must be one of "client", "talent", "observer" (got "admin").',
  ],
  [
    'viewer: huge name',
    validateViewer,
    with_(viewer, (v) => (v.name = 'x'.repeat(20_001))),
    'viewer.name must be at most 20000 characters long (got 20001).',
  ],
  [
    'viewer: bad zone',
    validateViewer,
    with_(viewer, (v) => (v.timeZone = 'Nowhere/City')),
    'viewer.timeZone must be an IANA time zone such as "Europe/Berlin" (got "Nowhere/City").',
  ],
  [
    'viewer: bad locale',
    validateViewer,
    with_(viewer, (v) => (v.locale = 'not a locale!!')),
    /^viewer\.locale must be a BCP 47 language tag/,
  ],
  [
    'contract: unknown kind',
    validateContract,
    with_(contract, (c) => (c.kind = 'monthly')),
    'contract.kind must be one of "hourly", "fixed" (got "monthly").',
  ],
  [
    'contract: words for an instant',
    validateContract,
    with_(contract, (c) => (c.startsAt = 'yesterday')),
    'contract.startsAt must be an ISO-8601 date-time such as "2026-05-15T09:00:00Z" (got "yesterday").',
  ],
  [
    'contract: month 13',
    validateContract,
    with_(contract, (c) => (c.startsAt = '2025-13-01T00:00:00Z')),
    /^contract\.startsAt must be an ISO-8601/,
  ],
  [
    'contract: date without time',
    validateContract,
    with_(contract, (c) => (c.startsAt = '2025-01-06')),
    /^contract\.startsAt must be an ISO-8601/,
  ],
  [
    'contract: epoch number',
    validateContract,
    with_(contract, (c) => (c.endsAt = 1736121600000)),
    /^contract\.endsAt must be an ISO-8601 .* \(got 1736121600000\)\.$/,
  ],
  [
    'contract: negative milestones',
    validateContract,
    with_(contract, (c) => (c.milestoneCount = -1)),
    'contract.milestoneCount must be an integer of at least 0 (got -1).',
  ],
  [
    'contract: fractional milestones',
    validateContract,
    with_(contract, (c) => (c.milestoneCount = 1.5)),
    /^contract\.milestoneCount must be an integer/,
  ],
  [
    'contract: missing client',
    validateContract,
    with_(contract, (c) => delete c.client),
    'contract.client is missing (it must be an object).',
  ],
  [
    'contract: talent zone',
    validateContract,
    with_(contract, (c) => (c.talent.timeZone = 'Mars/Base')),
    /^contract\.talent\.timeZone must be an IANA time zone/,
  ],
  [
    'contract: huge title',
    validateContract,
    with_(contract, (c) => (c.title = 'x'.repeat(20_600))),
    'contract.title must be at most 20000 characters long (got 20600).',
  ],
  [
    'settings: weekday as a word',
    validateSettings,
    with_(settings, (s) => (s.schedule.weekday = 'Friday')),
    'settings.schedule.weekday must be an integer from 1 to 7 (got "Friday").',
  ],
  [
    'settings: weekday 0',
    validateSettings,
    with_(settings, (s) => (s.schedule.weekday = 0)),
    'settings.schedule.weekday must be an integer from 1 to 7 (got 0).',
  ],
  [
    'settings: time without leading zero',
    validateSettings,
    with_(settings, (s) => (s.schedule.time = '9:00')),
    'settings.schedule.time must be a time "HH:MM" from 00:00 to 23:59 (got "9:00").',
  ],
  [
    'settings: bad schedule zone',
    validateSettings,
    with_(settings, (s) => (s.schedule.timeZone = 'Europe/Atlantis')),
    /^settings\.schedule\.timeZone must be an IANA/,
  ],
  [
    'settings: impossible skip date',
    validateSettings,
    with_(settings, (s) => (s.schedule.skipDates = ['2025-02-30'])),
    'settings.schedule.skipDates[0] must be a date "YYYY-MM-DD" (got "2025-02-30").',
  ],
  [
    'settings: skip dates not a list',
    validateSettings,
    with_(settings, (s) => (s.schedule.skipDates = 'none')),
    'settings.schedule.skipDates must be a list of dates (got "none").',
  ],
  [
    'settings: pausedUntil words',
    validateSettings,
    with_(settings, (s) => (s.schedule.pausedUntil = 'soon')),
    /^settings\.schedule\.pausedUntil must be an ISO-8601/,
  ],
  [
    'settings: unknown consent',
    validateSettings,
    with_(settings, (s) => (s.consent = 'maybe')),
    'settings.consent must be one of "not-needed", "pending", "given", "declined", "withdrawn" (got "maybe").',
  ],
  [
    'settings: missing eligibility',
    validateSettings,
    with_(settings, (s) => delete s.eligibility),
    'settings.eligibility is missing (it must be an object).',
  ],
  [
    'settings: enabled as a string',
    validateSettings,
    with_(settings, (s) => (s.enabled = 'yes')),
    'settings.enabled must be true or false (got "yes").',
  ],
  [
    'settings: maxLength 0',
    validateSettings,
    with_(settings, (s) => (s.questions[1].maxLength = 0)),
    'settings.questions[1].maxLength must be an integer from 1 to 20000 (got 0).',
  ],
  [
    'settings: quick answer number',
    validateSettings,
    with_(settings, (s) => (s.questions[0].quickAnswers = [1])),
    'settings.questions[0].quickAnswers[0] must be a string (got 1).',
  ],
  [
    'settings: negative version',
    validateSettings,
    with_(settings, (s) => (s.version = -1)),
    'settings.version must be an integer of at least 0 (got -1).',
  ],
  [
    'settings: half a party',
    validateSettings,
    with_(settings, (s) => (s.updatedBy = { id: 'x' })),
    'settings.updatedBy.name is missing (it must be a string).',
  ],
  [
    'settings: questions an object',
    validateSettings,
    with_(settings, (s) => (s.questions = {})),
    'settings.questions must be a list of questions (got an object).',
  ],
  [
    'checkin: unknown status',
    validateCheckin,
    with_(checkin, (c) => (c.status = 'done')),
    'checkin.status must be one of "open", "answered", "late", "missed", "skipped", "closed" (got "done").',
  ],
  [
    'checkin: unknown kind',
    validateCheckin,
    with_(checkin, (c) => (c.kind = 'adhoc')),
    /^checkin\.kind must be one of "scheduled", "requested"/,
  ],
  ['checkin: missing dueAt', validateCheckin, with_(checkin, (c) => delete c.dueAt), /^checkin\.dueAt is missing/],
  [
    'checkin: unknown health',
    validateCheckin,
    with_(checkin, (c) => (c.health = 'fine')),
    'checkin.health must be one of "on-track", "at-risk", "off-track" (got "fine").',
  ],
  [
    'checkin: huge answer',
    validateCheckin,
    with_(checkin, (c) => (c.answers[0].text = 'x'.repeat(20_001))),
    'checkin.answers[0].text must be at most 20000 characters long (got 20001).',
  ],
  [
    'checkin: answer without question',
    validateCheckin,
    with_(checkin, (c) => delete c.answers[2].questionId),
    'checkin.answers[2].questionId is missing (it must be a string).',
  ],
  [
    'checkin: answered without answers',
    validateCheckin,
    with_(checkin, (c) => (c.answers = null)),
    'checkin.answers must be a list of answers for an answered check-in (got null).',
  ],
  [
    'checkin: reply date',
    validateCheckin,
    with_(checkin, (c) => (c.replies[0].createdAt = 'now')),
    /^checkin\.replies\[0\]\.createdAt must be an ISO-8601/,
  ],
  [
    'checkin: missing replies',
    validateCheckin,
    with_(checkin, (c) => delete c.replies),
    'checkin.replies is missing (it must be a list of replies).',
  ],
  [
    'checkin: requester zone',
    validateCheckin,
    with_(checkin, (c) => (c.requestedBy.timeZone = '')),
    /^checkin\.requestedBy\.timeZone must be an IANA/,
  ],
  [
    'checkin: numeric message',
    validateCheckin,
    with_(checkin, (c) => (c.message = 5)),
    'checkin.message must be a string (got 5).',
  ],
  [
    'checkin: acknowledgedAt true',
    validateCheckin,
    with_(checkin, (c) => (c.acknowledgedAt = true)),
    /^checkin\.acknowledgedAt must be an ISO-8601 .* \(got true\)\.$/,
  ],
  [
    'reply: missing author',
    validateReply,
    with_(reply, (r) => delete r.author),
    'reply.author is missing (it must be an object).',
  ],
  ['reply: numeric text', validateReply, with_(reply, (r) => (r.text = 42)), 'reply.text must be a string (got 42).'],
  [
    'page: too many items',
    validatePage,
    () => ({ items: Array.from({ length: 501 }, checkin), nextCursor: null, total: 501 }),
    'page.items must be a list of at most 500 check-ins (got a list of 501).',
  ],
  [
    'page: numeric cursor',
    validatePage,
    with_(page, (p) => (p.nextCursor = 5)),
    'page.nextCursor must be a string (got 5).',
  ],
  [
    'page: empty cursor',
    validatePage,
    with_(page, (p) => (p.nextCursor = '')),
    'page.nextCursor must be a non-empty string (got "").',
  ],
  ['page: missing cursor', validatePage, with_(page, (p) => delete p.nextCursor), /^page\.nextCursor is missing/],
  [
    'page: negative total',
    validatePage,
    with_(page, (p) => (p.total = -1)),
    'page.total must be an integer of at least 0 (got -1).',
  ],
  [
    'page: total as text',
    validatePage,
    with_(page, (p) => (p.total = '3')),
    'page.total must be an integer of at least 0 (got "3").',
  ],
  [
    'page: bad item',
    validatePage,
    with_(page, (p) => (p.items[1].status = 'gone')),
    /^page\.items\[1\]\.status must be one of/,
  ],
  [
    'event: unknown type',
    validateEvent,
    () => ({ type: 'deleted' }),
    'event.type must be one of "checkin", "settings", "reply", "activity", "stale" (got "deleted").',
  ],
  [
    'event: activity with an unknown change',
    validateEvent,
    () => ({ type: 'activity', activity: { ...activity(), change: { type: 'renamed' } } }),
    'event.activity.change.type must be one of "enabled", "disabled", "schedule", "pause", "skip-dates", "questions", "consent" (got "renamed").',
  ],
  [
    'event: activity schedule without a zone',
    validateEvent,
    () => ({
      type: 'activity',
      activity: {
        ...activity(),
        change: {
          type: 'schedule',
          from: { weekday: 5, time: '09:00', timeZone: 'UTC' },
          to: { weekday: 2, time: '09:30' },
        },
      },
    }),
    'event.activity.change.to.timeZone is missing (it must be present).',
  ],
  [
    'checkin: unknown closed reason',
    validateCheckin,
    with_(checkin, (c) => ((c as Record<string, unknown>).closedReason = 'bored')),
    'checkin.closedReason must be one of "turned-off", "declined", "withdrawn" (got "bored").',
  ],
  [
    'event: bad check-in',
    validateEvent,
    () => ({ type: 'checkin', checkin: { ...checkin(), dueAt: 'later' } }),
    /^event\.checkin\.dueAt must be/,
  ],
  [
    'event: reply without check-in id',
    validateEvent,
    () => ({ type: 'reply', reply: reply() }),
    'event.checkinId is missing (it must be a string).',
  ],
  [
    'event: bad settings',
    validateEvent,
    () => ({ type: 'settings', settings: { ...settings(), version: 'v2' } }),
    /^event\.settings\.version must be an integer/,
  ],
];

describe('validators name the bad field', () => {
  for (const [what, validate, make, expected] of CASES) {
    it(what, () => {
      const message = messageOf(() => validate(make()));
      expect(message.startsWith(PREFIX), message).to.equal(true);
      if (typeof expected === 'string') expect(message).to.equal(PREFIX + expected);
      else expect(message.slice(PREFIX.length)).to.match(expected);
    });
  }

  it('shortens long bad values in the message', () => {
    const message = messageOf(() => validateContract({ ...contract(), kind: 'k'.repeat(300) }));
    expect(message.length).to.be.below(200);
    expect(message).to.contain('…');
  });
});

// ---- validated(adapter) ----------------------------------------------------------------------

/** A host adapter whose every method answers the given values (plain objects, like a JS host). */
function host(overrides: Partial<Record<keyof CheckinAdapter, unknown>>): CheckinAdapter {
  const base: Record<string, unknown> = {
    getViewer: async () => viewer(),
    getContract: async () => contract(),
    getSettings: async () => settings(),
    updateSettings: async () => settings(),
    listCheckins: async () => page(),
    submitAnswers: async () => checkin(),
    skipCheckin: async () => checkin(),
    acknowledge: async () => checkin(),
    requestUpdate: async () => checkin(),
    reply: async () => reply(),
  };
  return { ...base, ...overrides } as unknown as CheckinAdapter;
}

const WRITE = { idempotencyKey: 'k' };

describe('validated(adapter)', () => {
  it('passes good results and the arguments through', async () => {
    const seen: unknown[][] = [];
    const value = checkin();
    const safe = validated(
      host({
        submitAnswers: async (...args: unknown[]) => {
          seen.push(args);
          return value;
        },
      }),
    );
    const input = { answers: [] };
    expect(await safe.submitAnswers('c-1', 'ci-1', input, WRITE)).to.equal(value);
    expect(seen).to.deep.equal([['c-1', 'ci-1', input, WRITE]]);
    await safe.getViewer();
    await safe.getContract('c-1');
    await safe.getSettings('c-1');
    await safe.updateSettings('c-1', { enabled: true }, { ...WRITE, expectedVersion: 3 });
    await safe.listCheckins('c-1');
    await safe.skipCheckin('c-1', 'ci-1', { note: '' }, WRITE);
    await safe.acknowledge('c-1', 'ci-1');
    await safe.requestUpdate('c-1', {}, WRITE);
    await safe.reply('c-1', 'ci-1', { text: 'x' }, WRITE);
  });

  it('a missing method is a clear unavailable error, not a TypeError', async () => {
    const safe = validated({ getViewer: async () => viewer() } as unknown as CheckinAdapter);
    const error = await failure(safe.updateSettings('c-1', {}, { ...WRITE, expectedVersion: 1 }));
    expect(error).to.be.instanceOf(CheckinError);
    expect(error.code).to.equal('unavailable');
    expect(error.message).to.equal('The adapter has no updateSettings method.');
    expect(error.retryable).to.equal(false);
    expect((await failure(validated(null as unknown as CheckinAdapter).getViewer())).message).to.equal(
      'The adapter has no getViewer method.',
    );
  });

  const thrown: Array<[string, () => unknown, string, string?]> = [
    ['a TypeError (fetch failed)', () => new TypeError('Failed to fetch'), 'network'],
    ['a TimeoutError', () => new DOMException('slow', 'TimeoutError'), 'timeout'],
    ['a plain Error', () => new Error('Backend exploded'), 'unavailable', 'Backend exploded'],
    ['a string', () => 'nope', 'unavailable', 'nope'],
    [
      'a CheckinError from another copy of the library',
      () => ({
        name: 'CheckinError',
        code: 'conflict',
        message: 'Changed elsewhere',
        retryable: false,
        retryAt: null,
      }),
      'conflict',
      'Changed elsewhere',
    ],
  ];
  for (const [what, make, code, message] of thrown) {
    it(`converts ${what} into CheckinError(${code})`, async () => {
      const safe = validated(host({ getSettings: async () => Promise.reject(make()) }));
      const error = await failure(safe.getSettings('c-1'));
      expect(error).to.be.instanceOf(CheckinError);
      expect(error.code).to.equal(code);
      if (message) expect(error.message).to.equal(message);
    });
  }

  it('keeps a CheckinError as it is, and converts a synchronous throw', async () => {
    const original = new CheckinError('rate-limited', 'Slow down', {
      retryAt: '2025-01-01T00:00:00Z',
    });
    const safe = validated(
      host({
        requestUpdate: async () => Promise.reject(original),
        reply: () => {
          throw new Error('sync');
        },
      }),
    );
    expect(await failure(safe.requestUpdate('c-1', {}, WRITE))).to.equal(original);
    expect((await failure(safe.reply('c-1', 'ci-1', { text: 'x' }, WRITE))).code).to.equal('unavailable');
  });

  it('lets an abort through untouched', async () => {
    const abort = new DOMException('Aborted', 'AbortError');
    const safe = validated(host({ listCheckins: async () => Promise.reject(abort) }));
    expect(await failure(safe.listCheckins('c-1'))).to.equal(abort);
  });

  it('rejects malformed results as invalid', async () => {
    const safe = validated(host({ getViewer: async () => ({ ...viewer(), role: 'boss' }) }));
    const error = await failure(safe.getViewer());
    expect(error.code).to.equal('invalid');
    expect(error.message).to.match(/viewer\.role/);
    const empty = validated(host({ getContract: async () => undefined }));
    expect((await failure(empty.getContract('c-1'))).message).to.equal(
      'Invalid data from the adapter: contract is missing (it must be an object).',
    );
  });

  it('rejects results about another contract or check-in than the one asked for', async () => {
    const safe = validated(
      host({
        getContract: async () => ({ ...contract(), id: 'c-2' }),
        getSettings: async () => ({ ...settings(), contractId: 'c-2' }),
        listCheckins: async () => ({ ...page(), items: [{ ...checkin(), contractId: 'c-2' }] }),
        acknowledge: async () => ({ ...checkin(), id: 'ci-9' }),
      }),
    );
    expect((await failure(safe.getContract('c-1'))).message).to.equal(
      'Invalid data from the adapter: contract.id must be "c-1", the contract that was asked for (got "c-2").',
    );
    expect((await failure(safe.getSettings('c-1'))).message).to.match(/settings\.contractId must be "c-1"/);
    expect((await failure(safe.listCheckins('c-1'))).message).to.match(/page\.items\[0\]\.contractId/);
    expect((await failure(safe.acknowledge('c-1', 'ci-1'))).message).to.match(/checkin\.id must be "ci-1"/);
  });

  it('has no subscribe when the host adapter has none', () => {
    expect(validated(host({})).subscribe).to.equal(undefined);
  });

  it('subscribe: good events pass, malformed ones are dropped and reported', () => {
    let emit: (event: unknown) => void = () => {};
    let ended = 0;
    const safe = validated(
      host({
        subscribe: (_id: string, listener: (event: unknown) => void) => {
          emit = listener;
          return () => ended++;
        },
      }),
      { onInvalid: (error) => reported.push(error) },
    );
    const reported: CheckinError[] = [];
    const received: CheckinEvent[] = [];
    const stop = safe.subscribe!('c-1', (event) => received.push(event));
    emit({ type: 'checkin', checkin: checkin() });
    emit({ type: 'reply', checkinId: 'ci-1', reply: reply() });
    emit({ type: 'settings', settings: settings() });
    emit({ type: 'checkin', checkin: { ...checkin(), status: 'exploded' } });
    emit({ type: 'settings', settings: { ...settings(), contractId: 'c-other' } });
    emit('garbage');
    expect(received.map((e) => e.type)).to.deep.equal(['checkin', 'reply', 'settings']);
    expect(reported.map((e) => e.code)).to.deep.equal(['invalid', 'invalid', 'invalid']);
    expect(reported[0]!.message).to.match(/event\.checkin\.status/);
    expect(reported[1]!.message).to.match(/event\.settings\.contractId must be "c-1"/);
    stop();
    stop();
    expect(ended).to.equal(1);
    // A host that keeps calling after unsubscribe is not heard.
    emit({ type: 'checkin', checkin: checkin() });
    expect(received).to.have.length(3);
  });

  it('subscribe: a host subscribe that throws is reported, not thrown', () => {
    const reported: CheckinError[] = [];
    const safe = validated(
      host({
        subscribe: () => {
          throw new Error('socket refused');
        },
      }),
      { onInvalid: (error) => reported.push(error) },
    );
    const stop = safe.subscribe!('c-1', () => {});
    expect(stop).to.be.a('function');
    stop();
    expect(reported).to.have.length(1);
    expect(reported[0]!.message).to.equal('socket refused');
  });
});
