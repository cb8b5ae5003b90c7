import { expect } from '@open-wc/testing';
import type { CheckinEvent } from '../src/adapters/adapter.js';
import { MemoryAdapter, MemoryStore, generateHistory, seedDemo } from '../src/adapters/memory.js';
import {
  validateCheckin,
  validateContract,
  validatePage,
  validateSettings,
  validateViewer,
  validated,
} from '../src/adapters/validate.js';
import {
  CheckinError,
  DEFAULT_QUESTIONS,
  ERROR_CODES,
  type Checkin,
  type CheckinErrorCode,
  type Contract,
  type Question,
} from '../src/model.js';
import { checkEligibility, localDateOf } from '../src/schedule/index.js';

import {
  ANSWERS,
  CLIENT,
  FIRST,
  SECOND,
  T0,
  TALENT,
  failure,
  key,
  settle,
  world,
  type World,
} from './support/memory-world.js';
import { ACCESS_MATRIX, EVERYONE } from '../src/conformance/suite-access.js';
import type { ConformanceBackend } from '../src/conformance/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function statusOf(w: World, id: string): Promise<string | undefined> {
  const page = await w.client.listCheckins('c-1', { limit: 100 });
  return page.items.find((c) => c.id === id)?.status;
}

function listen(adapter: MemoryAdapter, contractId = 'c-1'): CheckinEvent[] {
  const events: CheckinEvent[] = [];
  adapter.subscribe(contractId, (event) => events.push(event));
  return events;
}

// ---- authorization -------------------------------------------------------------------------

// The role x operation matrix is the conformance kit's; here a refused call must leave the
// whole store as it was (a snapshot), which only the memory backend can show.
describe('MemoryAdapter authorization matrix', () => {
  for (const cell of ACCESS_MATRIX) {
    for (const who of EVERYONE) {
      const allowed = cell.allowed.includes(who);
      it(`${cell.name} by the ${who}: ${allowed ? 'allowed' : 'forbidden'}`, async () => {
        const w = world(cell.world);
        await cell.prepare?.(w as unknown as ConformanceBackend);
        if (allowed) {
          await cell.call(w[who]);
        } else {
          const before = JSON.stringify(w.store.snapshot());
          const error = await failure(cell.call(w[who]));
          expect(error).to.be.instanceOf(CheckinError);
          expect(error.code).to.equal('forbidden');
          expect(error.retryable).to.equal(false);
          // A refused write leaves no trace.
          expect(JSON.stringify(w.store.snapshot())).to.equal(before);
        }
      });
    }
  }

  for (const who of EVERYONE) {
    const allowed = who !== 'stranger';
    it(`subscribe by the ${who}: ${allowed ? 'receives events' : 'receives nothing'}`, async () => {
      const w = world();
      const events = listen(w[who]);
      await w.talent.reply('c-1', FIRST, { text: 'Hello' }, { idempotencyKey: key() });
      await settle();
      expect(events.length).to.equal(allowed ? 1 : 0);
    });
  }

  it('unknown contract is not-found, for anyone', async () => {
    const w = world();
    expect((await failure(w.client.getContract('c-nope'))).code).to.equal('not-found');
    expect((await failure(w.stranger.getSettings('c-nope'))).code).to.equal('not-found');
  });

  it('unknown check-in is not-found', async () => {
    const w = world();
    const error = await failure(w.talent.submitAnswers('c-1', 'nope', { answers: ANSWERS }, { idempotencyKey: key() }));
    expect(error.code).to.equal('not-found');
    expect((await failure(w.client.acknowledge('c-1', 'nope'))).code).to.equal('not-found');
    expect((await failure(w.client.reply('c-1', 'nope', { text: 'x' }, { idempotencyKey: key() }))).code).to.equal(
      'not-found',
    );
  });

  it('getViewer reports the role in the configured contract, observer for strangers', async () => {
    const w = world();
    expect(await w.client.getViewer()).to.deep.equal({
      id: 'u-client',
      role: 'client',
      name: 'Cleo Client',
      timeZone: 'America/New_York',
      locale: 'en-US',
    });
    expect((await w.talent.getViewer()).role).to.equal('talent');
    expect((await w.observer.getViewer()).role).to.equal('observer');
    expect((await w.stranger.getViewer()).role).to.equal('observer');
    const noContract = new MemoryAdapter({ store: w.store, viewerId: 'u-talent' });
    expect((await noContract.getViewer()).role).to.equal('talent');
    const unknown = new MemoryAdapter({ store: w.store, viewerId: 'u-ghost' });
    expect((await failure(unknown.getViewer())).code).to.equal('not-found');
  });
});

// ---- settings --------------------------------------------------------------------------------

describe('MemoryAdapter settings', () => {
  it('a successful change bumps the version and records who and when', async () => {
    const w = world();
    const settings = await w.client.updateSettings(
      'c-1',
      { enabled: false },
      { expectedVersion: 1, idempotencyKey: key() },
    );
    expect(settings.version).to.equal(2);
    expect(settings.enabled).to.equal(false);
    expect(settings.updatedAt).to.equal('2025-01-10T10:00:00.000Z');
    expect(settings.updatedBy).to.deep.equal(CLIENT);
    expect((await w.talent.getSettings('c-1')).version).to.equal(2);
  });

  it('a stale expectedVersion is a conflict and changes nothing', async () => {
    const w = world();
    await w.client.updateSettings('c-1', { enabled: false }, { expectedVersion: 1, idempotencyKey: key() });
    const error = await failure(
      w.client.updateSettings('c-1', { enabled: true }, { expectedVersion: 1, idempotencyKey: key() }),
    );
    expect(error.code).to.equal('conflict');
    expect(error.message).to.contain('changed by someone else');
    const settings = await w.client.getSettings('c-1');
    expect(settings.enabled).to.equal(false);
    expect(settings.version).to.equal(2);
  });

  it('enabling an ineligible contract is invalid, with the eligibility reason', async () => {
    const w = world();
    const settings = await w.client.getSettings('c-short');
    expect(settings.eligibility.eligible).to.equal(false);
    const error = await failure(
      w.client.updateSettings(
        'c-short',
        { enabled: true },
        { expectedVersion: settings.version, idempotencyKey: key() },
      ),
    );
    expect(error.code).to.equal('invalid');
    expect(error.message).to.equal(settings.eligibility.reason);
    expect((await w.client.getSettings('c-short')).enabled).to.equal(false);
  });

  const badChanges: Array<[string, Record<string, unknown>, RegExp]> = [
    [
      'an unknown weekday',
      {
        schedule: {
          weekday: 9,
          time: '09:00',
          timeZone: 'Europe/Berlin',
          skipDates: [],
          pausedUntil: null,
        },
      },
      /weekday/,
    ],
    [
      'a bad time',
      {
        schedule: {
          weekday: 5,
          time: '25:00',
          timeZone: 'Europe/Berlin',
          skipDates: [],
          pausedUntil: null,
        },
      },
      /time/,
    ],
    [
      'an unknown zone',
      {
        schedule: {
          weekday: 5,
          time: '09:00',
          timeZone: 'Mars/Olympus',
          skipDates: [],
          pausedUntil: null,
        },
      },
      /Mars\/Olympus|zone/i,
    ],
    ['no questions', { questions: [] }, /between 1 and 10/],
    [
      'eleven questions',
      {
        questions: Array.from({ length: 11 }, (_, i) => ({
          id: `q${i}`,
          prompt: 'Q',
          required: false,
          maxLength: 10,
          quickAnswers: [],
        })),
      },
      /between 1 and 10/,
    ],
    [
      'an empty prompt',
      { questions: [{ id: 'q', prompt: '  ', required: true, maxLength: 10, quickAnswers: [] }] },
      /prompt of 1 to 200/,
    ],
    [
      'a 201-character prompt',
      {
        questions: [{ id: 'q', prompt: 'x'.repeat(201), required: true, maxLength: 10, quickAnswers: [] }],
      },
      /prompt of 1 to 200/,
    ],
    [
      'maxLength 0',
      { questions: [{ id: 'q', prompt: 'Q', required: true, maxLength: 0, quickAnswers: [] }] },
      /1 to 5000/,
    ],
    [
      'maxLength 5001',
      { questions: [{ id: 'q', prompt: 'Q', required: true, maxLength: 5001, quickAnswers: [] }] },
      /1 to 5000/,
    ],
    [
      'duplicate ids',
      {
        questions: [
          { id: 'q', prompt: 'A', required: true, maxLength: 9, quickAnswers: [] },
          { id: 'q', prompt: 'B', required: true, maxLength: 9, quickAnswers: [] },
        ],
      },
      /unique/,
    ],
    ['an unknown field', { colour: 'red' }, /colour/],
    ['an empty change', {}, /empty/],
    ['a non-boolean enabled', { enabled: 'yes' }, /true or false/],
  ];
  for (const [what, change, message] of badChanges) {
    it(`rejects ${what} as invalid`, async () => {
      const w = world();
      const error = await failure(
        w.client.updateSettings('c-1', change, { expectedVersion: 1, idempotencyKey: key() }),
      );
      expect(error.code).to.equal('invalid');
      expect(error.message).to.match(message);
      expect((await w.client.getSettings('c-1')).version).to.equal(1);
    });
  }

  it('turning check-ins off keeps the history and stops prompts', async () => {
    const w = world({ now: '2025-01-17T09:00:00Z' });
    expect((await w.client.listCheckins('c-1')).total).to.equal(2);
    await w.client.updateSettings('c-1', { enabled: false }, { expectedVersion: 1, idempotencyKey: key() });
    w.at('2025-02-28T09:00:00Z');
    const page = await w.client.listCheckins('c-1');
    expect(page.items.map((c) => c.id)).to.deep.equal([SECOND, FIRST]);
  });
});

// ---- consent -------------------------------------------------------------------------------

describe('MemoryAdapter consent', () => {
  const required = {
    policy: { consent: 'required' as const },
    settings: { enabled: false },
    activeSince: null,
    now: '2025-01-07T12:00:00Z',
  };

  it('required: turning on waits for consent; no prompt until it is given, and no backlog', async () => {
    const w = world(required);
    const on = await w.client.updateSettings('c-1', { enabled: true }, { expectedVersion: 1, idempotencyKey: key() });
    expect(on.consent).to.equal('pending');
    w.at('2025-01-14T12:00:00Z');
    expect((await w.talent.listCheckins('c-1')).total).to.equal(0);
    const given = await w.talent.updateSettings(
      'c-1',
      { consent: 'given' },
      { expectedVersion: 2, idempotencyKey: key() },
    );
    expect(given.consent).to.equal('given');
    expect(given.updatedBy).to.deep.equal(TALENT);
    expect((await w.talent.listCheckins('c-1')).total).to.equal(0);
    w.at('2025-01-17T08:00:00Z');
    const page = await w.talent.listCheckins('c-1');
    expect(page.items.map((c) => c.id)).to.deep.equal([SECOND]);
    expect(page.items[0]!.requestedBy).to.deep.equal(CLIENT);
  });

  it('required: declined means no prompts at all', async () => {
    const w = world(required);
    await w.client.updateSettings('c-1', { enabled: true }, { expectedVersion: 1, idempotencyKey: key() });
    const declined = await w.talent.updateSettings(
      'c-1',
      { consent: 'declined' },
      { expectedVersion: 2, idempotencyKey: key() },
    );
    expect(declined.consent).to.equal('declined');
    w.at('2025-03-01T12:00:00Z');
    expect((await w.client.listCheckins('c-1')).total).to.equal(0);
    expect(w.store.advanceToNextPrompt('c-1')).to.equal(null);
  });

  it('required: withdrawing consent stops further prompts', async () => {
    const w = world({
      ...required,
      settings: { enabled: true, consent: 'given' },
      activeSince: T0,
      now: '2025-01-10T10:00:00Z',
    });
    expect((await w.talent.listCheckins('c-1')).total).to.equal(1);
    await w.talent.updateSettings('c-1', { consent: 'withdrawn' }, { expectedVersion: 1, idempotencyKey: key() });
    w.at('2025-02-10T10:00:00Z');
    expect((await w.talent.listCheckins('c-1')).total).to.equal(1);
  });

  it('notify: turning on needs no consent and prompts start at the next scheduled time', async () => {
    const w = world({
      settings: { enabled: false },
      activeSince: null,
      now: '2025-01-07T12:00:00Z',
    });
    const on = await w.client.updateSettings('c-1', { enabled: true }, { expectedVersion: 1, idempotencyKey: key() });
    expect(on.consent).to.equal('not-needed');
    w.at('2025-01-10T08:00:00Z');
    expect((await w.talent.listCheckins('c-1')).items.map((c) => c.id)).to.deep.equal([FIRST]);
  });

  it('consent cannot be set where it is not asked for', async () => {
    const w = world();
    const error = await failure(
      w.talent.updateSettings('c-1', { consent: 'declined' }, { expectedVersion: 1, idempotencyKey: key() }),
    );
    expect(error.code).to.equal('invalid');
    expect(error.message).to.match(/not asked for/);
  });
});

// ---- idempotency ---------------------------------------------------------------------------

describe('MemoryAdapter idempotency', () => {
  it('updateSettings: same key and input returns the first result, one effect, one event', async () => {
    const w = world();
    const events = listen(w.talent);
    const k = key();
    const first = await w.client.updateSettings('c-1', { enabled: false }, { expectedVersion: 1, idempotencyKey: k });
    const again = await w.client.updateSettings('c-1', { enabled: false }, { expectedVersion: 1, idempotencyKey: k });
    expect(again).to.deep.equal(first);
    expect((await w.client.getSettings('c-1')).version).to.equal(2);
    await settle();
    expect(events.filter((e) => e.type === 'settings')).to.have.length(1);
  });

  it('same key with a different input is invalid', async () => {
    const w = world();
    const k = key();
    await w.client.updateSettings('c-1', { enabled: false }, { expectedVersion: 1, idempotencyKey: k });
    const error = await failure(
      w.client.updateSettings('c-1', { enabled: true }, { expectedVersion: 2, idempotencyKey: k }),
    );
    expect(error.code).to.equal('invalid');
    expect(error.message).to.equal('This idempotency key was already used for a different request.');
  });

  it('submitAnswers: a repeat is one answer (no edit stamp, one event)', async () => {
    const w = world();
    const events = listen(w.client);
    const k = key();
    const first = await w.talent.submitAnswers(
      'c-1',
      FIRST,
      { answers: ANSWERS, health: 'on-track' },
      { idempotencyKey: k },
    );
    w.at('2025-01-10T11:00:00Z');
    const again = await w.talent.submitAnswers(
      'c-1',
      FIRST,
      { answers: ANSWERS, health: 'on-track' },
      { idempotencyKey: k },
    );
    expect(again).to.deep.equal(first);
    expect(again.editedAt).to.equal(null);
    await settle();
    expect(events).to.have.length(1);
    const other = await failure(
      w.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS, health: 'at-risk' }, { idempotencyKey: k }),
    );
    expect(other.message).to.match(/already used/);
  });

  it('skipCheckin: a repeat returns the same skip', async () => {
    const w = world();
    const k = key();
    const first = await w.talent.skipCheckin('c-1', FIRST, { note: 'Holiday' }, { idempotencyKey: k });
    const again = await w.talent.skipCheckin('c-1', FIRST, { note: 'Holiday' }, { idempotencyKey: k });
    expect(again).to.deep.equal(first);
    expect(first.status).to.equal('skipped');
    expect(first.skipNote).to.equal('Holiday');
  });

  it('requestUpdate: a repeat is not rate-limited and creates one check-in', async () => {
    const w = world();
    const k = key();
    const first = await w.client.requestUpdate('c-1', { message: 'Status?' }, { idempotencyKey: k });
    const again = await w.client.requestUpdate('c-1', { message: 'Status?' }, { idempotencyKey: k });
    expect(again.id).to.equal(first.id);
    const page = await w.client.listCheckins('c-1');
    expect(page.items.filter((c) => c.kind === 'requested')).to.have.length(1);
  });

  it('reply: a repeat adds one reply', async () => {
    const w = world();
    const k = key();
    const first = await w.client.reply('c-1', FIRST, { text: 'Hi' }, { idempotencyKey: k });
    const again = await w.client.reply('c-1', FIRST, { text: 'Hi' }, { idempotencyKey: k });
    expect(again).to.deep.equal(first);
    const page = await w.client.listCheckins('c-1');
    expect(page.items[0]!.replies).to.have.length(1);
  });

  it('keys are scoped per viewer and per method', async () => {
    const w = world();
    await w.client.reply('c-1', FIRST, { text: 'From the client' }, { idempotencyKey: 'shared' });
    await w.talent.reply('c-1', FIRST, { text: 'From the talent' }, { idempotencyKey: 'shared' });
    await w.client.requestUpdate('c-1', {}, { idempotencyKey: 'shared' });
    const page = await w.client.listCheckins('c-1');
    const first = page.items.find((c) => c.id === FIRST)!;
    expect(first.replies.map((r) => r.text)).to.deep.equal(['From the client', 'From the talent']);
    expect(page.items.filter((c) => c.kind === 'requested')).to.have.length(1);
  });

  it('a failed attempt does not use up its key', async () => {
    const w = world();
    const k = key();
    w.client.faults.failNext('reply', 'network');
    expect((await failure(w.client.reply('c-1', FIRST, { text: 'Hi' }, { idempotencyKey: k }))).code).to.equal(
      'network',
    );
    const conflict = await failure(
      w.client.updateSettings('c-1', { enabled: false }, { expectedVersion: 9, idempotencyKey: 'v' }),
    );
    expect(conflict.code).to.equal('conflict');
    await w.client.reply('c-1', FIRST, { text: 'Hi' }, { idempotencyKey: k });
    await w.client.updateSettings('c-1', { enabled: false }, { expectedVersion: 1, idempotencyKey: 'v' });
    const page = await w.client.listCheckins('c-1');
    expect(page.items[0]!.replies).to.have.length(1);
  });

  const writes: Array<[string, (w: World, k: any) => Promise<unknown>]> = [
    [
      'updateSettings',
      (w, k) => w.client.updateSettings('c-1', { enabled: false }, { expectedVersion: 1, idempotencyKey: k }),
    ],
    ['submitAnswers', (w, k) => w.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: k })],
    ['skipCheckin', (w, k) => w.talent.skipCheckin('c-1', FIRST, { note: '' }, { idempotencyKey: k })],
    ['requestUpdate', (w, k) => w.client.requestUpdate('c-1', {}, { idempotencyKey: k })],
    ['reply', (w, k) => w.client.reply('c-1', FIRST, { text: 'Hi' }, { idempotencyKey: k })],
  ];
  for (const [method, write] of writes) {
    it(`${method} without an idempotency key is invalid`, async () => {
      const w = world();
      const before = JSON.stringify(w.store.snapshot());
      for (const missing of [undefined, '', '   ']) {
        const error = await failure(write(w, missing));
        expect(error.code).to.equal('invalid');
        expect(error.message).to.match(/idempotency key/);
      }
      expect(JSON.stringify(w.store.snapshot())).to.equal(before);
    });
  }
});

// ---- status derivation and editing ---------------------------------------------------------

describe('MemoryAdapter status derivation', () => {
  it('no check-in before the first prompt', async () => {
    const w = world({ now: '2025-01-10T07:59:59Z' });
    expect((await w.talent.listCheckins('c-1')).total).to.equal(0);
  });

  it("open on the due day in the talent's zone, late after it, missed once the next prompt passes", async () => {
    const w = world({ now: '2025-01-10T08:00:00Z' });
    expect(await statusOf(w, FIRST)).to.equal('open');
    // 23:30 on Friday in Berlin (17:30 in New York): still the due day for the talent.
    w.at('2025-01-10T22:30:00Z');
    expect(await statusOf(w, FIRST)).to.equal('open');
    // 00:30 on Saturday in Berlin, though still Friday for the client.
    w.at('2025-01-10T23:30:00Z');
    expect(await statusOf(w, FIRST)).to.equal('late');
    w.at('2025-01-17T08:00:00Z');
    expect(await statusOf(w, FIRST)).to.equal('missed');
    expect(await statusOf(w, SECOND)).to.equal('open');
  });

  it('answered and skipped stick after the next prompt', async () => {
    const w = world({ now: '2025-01-17T09:00:00Z' });
    // FIRST is missed by now; use SECOND and the following week.
    await w.talent.submitAnswers('c-1', SECOND, { answers: ANSWERS }, { idempotencyKey: key() });
    w.at('2025-01-24T09:00:00Z');
    await w.talent.skipCheckin('c-1', 'c-1-20250124T080000Z', { note: 'Off' }, { idempotencyKey: key() });
    w.at('2025-02-07T09:00:00Z');
    expect(await statusOf(w, SECOND)).to.equal('answered');
    expect(await statusOf(w, 'c-1-20250124T080000Z')).to.equal('skipped');
    expect(await statusOf(w, 'c-1-20250131T080000Z')).to.equal('missed');
    expect(await statusOf(w, 'c-1-20250207T080000Z')).to.equal('open');
  });

  it("a requested check-in is due now, stored as typed, and goes late after the talent's next day", async () => {
    const w = world();
    const requested = await w.client.requestUpdate('c-1', { message: '  Quick status?  ' }, { idempotencyKey: key() });
    expect(requested).to.include({
      kind: 'requested',
      dueAt: '2025-01-10T10:00:00.000Z',
      status: 'open',
      message: '  Quick status?  ',
      // The end of Saturday 11 January in Berlin: a request can come at any hour.
      lateAt: '2025-01-11T23:00:00.000Z',
    });
    expect(requested.requestedBy).to.deep.equal(CLIENT);
    w.at('2025-01-11T22:59:00Z');
    expect(await statusOf(w, requested.id)).to.equal('open');
    w.at('2025-01-11T23:00:00Z');
    expect(await statusOf(w, requested.id)).to.equal('late');
  });

  it('an answer can be edited until the next prompt, then it is a conflict', async () => {
    const w = world();
    const answered = await w.talent.submitAnswers(
      'c-1',
      FIRST,
      { answers: ANSWERS, health: 'at-risk' },
      { idempotencyKey: key() },
    );
    expect(answered).to.include({
      status: 'answered',
      answeredAt: '2025-01-10T10:00:00.000Z',
      editedAt: null,
      health: 'at-risk',
    });
    await w.client.acknowledge('c-1', FIRST);
    w.at('2025-01-16T12:00:00Z');
    const edited = await w.talent.submitAnswers(
      'c-1',
      FIRST,
      { answers: ANSWERS.map((a) => ({ ...a, text: `${a.text}, edited` })) },
      { idempotencyKey: key() },
    );
    expect(edited).to.include({
      answeredAt: '2025-01-10T10:00:00.000Z',
      editedAt: '2025-01-16T12:00:00.000Z',
      health: null,
    });
    expect(edited.answers![0]!.text).to.equal('About done, edited');
    // "Seen" vouched for the old text, so it is cleared.
    expect(edited.acknowledgedAt).to.equal(null);
    w.at('2025-01-17T08:00:01Z');
    const error = await failure(w.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() }));
    expect(error.code).to.equal('conflict');
    expect(error.message).to.equal('This check-in can no longer be edited: the next one has opened.');
  });

  it('a missed check-in cannot be answered; a skip can be replaced by answers before the next prompt', async () => {
    const w = world();
    await w.talent.skipCheckin('c-1', FIRST, { note: 'Off' }, { idempotencyKey: key() });
    const replaced = await w.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() });
    expect(replaced).to.include({ status: 'answered', skipNote: null });
    w.at('2025-01-24T09:00:00Z');
    const error = await failure(w.talent.submitAnswers('c-1', SECOND, { answers: ANSWERS }, { idempotencyKey: key() }));
    expect(error.code).to.equal('conflict');
    expect(error.message).to.match(/missed/);
  });

  const badAnswers: Array<[string, unknown, RegExp]> = [
    ['an unknown question', { answers: [...ANSWERS, { questionId: 'ghost', text: 'x' }] }, /no question "ghost"/],
    [
      'a blank required answer',
      { answers: [ANSWERS[0], ANSWERS[1], { questionId: 'blockers', text: '   ' }] },
      /Please answer "What might delay your planned work\?"/,
    ],
    ['a missing required answer', { answers: [ANSWERS[0]] }, /Please answer "What will you work on next week\?"/],
    [
      'a too long answer',
      { answers: [ANSWERS[0], ANSWERS[1], { questionId: 'blockers', text: 'x'.repeat(501) }] },
      /longer than 500/,
    ],
    ['an unknown health', { answers: ANSWERS, health: 'great' }, /health/],
    ['a duplicated answer', { answers: [...ANSWERS, ANSWERS[0]] }, /twice/],
    ['answers that are not a list', { answers: 'done' }, /list/],
  ];
  for (const [what, input, message] of badAnswers) {
    it(`submitAnswers rejects ${what}`, async () => {
      const w = world();
      const error = await failure(w.talent.submitAnswers('c-1', FIRST, input as never, { idempotencyKey: key() }));
      expect(error.code).to.equal('invalid');
      expect(error.message).to.match(message);
      expect(await statusOf(w, FIRST)).to.equal('open');
    });
  }

  it('optional questions may be left out; answers are stored as typed in question order', async () => {
    const questions: Question[] = [
      { id: 'a', prompt: 'A?', required: true, maxLength: 50, quickAnswers: [] },
      { id: 'b', prompt: 'B?', required: false, maxLength: 50, quickAnswers: ['None'] },
    ];
    const w = world({ settings: { questions } });
    const result = await w.talent.submitAnswers(
      'c-1',
      FIRST,
      { answers: [{ questionId: 'a', text: '  yes  ' }] },
      { idempotencyKey: key() },
    );
    expect(result.answers).to.deep.equal([{ questionId: 'a', text: '  yes  ' }]);
  });

  it('skipCheckin: note of at most 500 characters, only on open or late check-ins', async () => {
    const w = world();
    const long = await failure(
      w.talent.skipCheckin('c-1', FIRST, { note: 'x'.repeat(501) }, { idempotencyKey: key() }),
    );
    expect(long.code).to.equal('invalid');
    const skipped = await w.talent.skipCheckin('c-1', FIRST, { note: '' }, { idempotencyKey: key() });
    expect(skipped).to.include({ status: 'skipped', skipNote: null });
    const twice = await failure(w.talent.skipCheckin('c-1', FIRST, { note: 'again' }, { idempotencyKey: key() }));
    expect(twice.code).to.equal('conflict');
  });

  it('acknowledge: only answered check-ins, and the first "seen" stands', async () => {
    const w = world();
    expect((await failure(w.client.acknowledge('c-1', FIRST))).code).to.equal('conflict');
    await w.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() });
    const events = listen(w.talent);
    const first = await w.client.acknowledge('c-1', FIRST);
    expect(first.acknowledgedAt).to.equal('2025-01-10T10:00:00.000Z');
    w.at('2025-01-11T10:00:00Z');
    const again = await w.client.acknowledge('c-1', FIRST);
    expect(again.acknowledgedAt).to.equal('2025-01-10T10:00:00.000Z');
    await settle();
    expect(events).to.have.length(1);
  });

  it('reply: 1 to 2000 characters, not blank, stored as typed, authored by the caller', async () => {
    const w = world();
    expect((await failure(w.talent.reply('c-1', FIRST, { text: '   ' }, { idempotencyKey: key() }))).code).to.equal(
      'invalid',
    );
    expect(
      (await failure(w.talent.reply('c-1', FIRST, { text: 'x'.repeat(2001) }, { idempotencyKey: key() }))).code,
    ).to.equal('invalid');
    const reply = await w.talent.reply('c-1', FIRST, { text: ' Done! ' }, { idempotencyKey: key() });
    expect(reply).to.deep.include({
      text: ' Done! ',
      author: TALENT,
      createdAt: '2025-01-10T10:00:00.000Z',
    });
  });
});

// ---- request an update ---------------------------------------------------------------------

describe('MemoryAdapter requestUpdate cooldown', () => {
  it('at most once per cooldown: rate-limited with retryAt, allowed again after it', async () => {
    const w = world();
    await w.client.requestUpdate('c-1', {}, { idempotencyKey: key() });
    w.at('2025-01-11T09:59:00Z');
    const error = await failure(w.client.requestUpdate('c-1', { message: 'Again?' }, { idempotencyKey: key() }));
    expect(error.code).to.equal('rate-limited');
    expect(error.retryable).to.equal(true);
    expect(error.retryAt).to.equal('2025-01-11T10:00:00.000Z');
    // The time is given in the client's zone (New York: 05:00).
    expect(error.message).to.match(/ask again after Jan 11, 2025, 5:00/);
    w.at('2025-01-11T10:00:00Z');
    await w.client.requestUpdate('c-1', { message: 'Again?' }, { idempotencyKey: key() });
    expect((await w.client.listCheckins('c-1')).items.filter((c) => c.kind === 'requested')).to.have.length(2);
  });

  it('follows the policy cooldown', async () => {
    const w = world({ policy: { requestUpdateCooldownHours: 2 } });
    await w.client.requestUpdate('c-1', {}, { idempotencyKey: key() });
    w.at('2025-01-10T12:00:00Z');
    await w.client.requestUpdate('c-1', {}, { idempotencyKey: key() });
  });

  it('is allowed while check-ins are off, not after the contract ended, and the message is capped', async () => {
    const w = world({ settings: { enabled: false }, activeSince: null });
    const requested = await w.client.requestUpdate('c-1', {}, { idempotencyKey: key() });
    expect(requested.message).to.equal(null);
    const long = await failure(w.client.requestUpdate('c-1', { message: 'x'.repeat(501) }, { idempotencyKey: key() }));
    expect(long.code).to.equal('invalid');
    w.at('2025-01-20T00:00:00Z');
    const ended = await failure(w.client.requestUpdate('c-short', {}, { idempotencyKey: key() }));
    expect(ended.code).to.equal('conflict');
  });
});

// ---- paging ----------------------------------------------------------------------------------

describe('MemoryAdapter paging', () => {
  const NOW = Date.parse('2025-06-06T18:00:00Z');
  const history = (count: number) =>
    world({
      now: new Date(NOW).toISOString(),
      settings: { enabled: false },
      activeSince: null,
      checkins: generateHistory({ id: 'c-1', client: CLIENT, talent: TALENT } as Contract, count, {
        now: NOW,
      }),
    });

  it('a cursor round trip covers every item exactly once, newest first, with the total', async () => {
    const w = history(45);
    const seen: Checkin[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await w.observer.listCheckins('c-1', { cursor, limit: 10 });
      expect(page.total).to.equal(45);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).to.equal(5);
    expect(new Set(seen.map((c) => c.id)).size).to.equal(45);
    const dues = seen.map((c) => Date.parse(c.dueAt));
    expect(dues).to.deep.equal([...dues].sort((a, b) => b - a));
  });

  it('check-ins created between pages do not shift later pages', async () => {
    const w = history(30);
    const first = await w.client.listCheckins('c-1', { limit: 10 });
    await w.client.requestUpdate('c-1', {}, { idempotencyKey: key() });
    const second = await w.client.listCheckins('c-1', { limit: 10, cursor: first.nextCursor });
    expect(second.total).to.equal(31);
    const ids = new Set(first.items.map((c) => c.id));
    expect(second.items.some((c) => ids.has(c.id))).to.equal(false);
    expect(Date.parse(second.items[0]!.dueAt)).to.be.below(Date.parse(first.items[9]!.dueAt));
  });

  it('limit defaults to 20 and is capped at 100', async () => {
    const w = history(150);
    expect((await w.client.listCheckins('c-1')).items).to.have.length(20);
    expect((await w.client.listCheckins('c-1', { limit: 500 })).items).to.have.length(100);
  });

  it('a garbage cursor or a bad limit is invalid', async () => {
    const w = history(5);
    for (const cursor of ['garbage!', 'eyJ4IjoxfQ', btoa('[1,2]')]) {
      const error = await failure(w.client.listCheckins('c-1', { cursor }));
      expect(error.code, cursor).to.equal('invalid');
      expect(error.message).to.match(/cursor/);
    }
    for (const limit of [0, -1, 1.5]) {
      expect((await failure(w.client.listCheckins('c-1', { limit }))).code).to.equal('invalid');
    }
  });
});

// ---- live updates ----------------------------------------------------------------------------

describe('MemoryAdapter subscribe', () => {
  it("a talent's write reaches a client's subscription on the same store", async () => {
    const w = world();
    const events = listen(w.client);
    const settingsEvents = listen(w.talent);
    await w.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() });
    const reply = await w.talent.reply('c-1', FIRST, { text: 'Any questions?' }, { idempotencyKey: key() });
    await w.client.updateSettings('c-1', { enabled: false }, { expectedVersion: 1, idempotencyKey: key() });
    await settle();
    expect(events.map((e) => e.type)).to.deep.equal(['checkin', 'reply', 'activity', 'settings']);
    expect(events[0]).to.deep.nested.include({ 'checkin.id': FIRST, 'checkin.status': 'answered' });
    expect(events[1]).to.deep.equal({ type: 'reply', checkinId: FIRST, reply });
    expect(settingsEvents.at(-1)).to.deep.nested.include({
      'settings.enabled': false,
      'settings.version': 2,
    });
  });

  it('delivers asynchronously, a copy per listener, and stops on unsubscribe', async () => {
    const w = world();
    const a: CheckinEvent[] = [];
    const b: CheckinEvent[] = [];
    const stopA = w.client.subscribe('c-1', (e) => a.push(e));
    w.observer.subscribe('c-1', (e) => b.push(e));
    w.store.session('u-talent').reply('c-1', FIRST, { text: 'x' }, { idempotencyKey: key() });
    expect(a).to.have.length(0);
    await settle();
    expect(a).to.have.length(1);
    expect(a[0]).to.not.equal(b[0]);
    (a[0] as Extract<CheckinEvent, { type: 'reply' }>).reply.text = 'mutated';
    expect((b[0] as Extract<CheckinEvent, { type: 'reply' }>).reply.text).to.equal('x');
    stopA();
    await w.talent.reply('c-1', FIRST, { text: 'y' }, { idempotencyKey: key() });
    await settle();
    expect(a).to.have.length(1);
    expect(b).to.have.length(2);
  });

  it('time passing (setNow) creates the due check-in and reports the missed one', async () => {
    // A frozen clock from the start: without it the store would catch up to real time.
    const store = new MemoryStore({
      ...seedDemo({ now: '2025-06-04T12:00:00Z' }),
      now: '2025-06-04T12:00:00Z',
    });
    const client = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
    const before = await client.listCheckins('c-atlas');
    const open = before.items.find((c) => c.kind === 'scheduled')!;
    expect(open.status).to.equal('late');
    const events = listen(client, 'c-atlas');
    const changes: number[] = [];
    store.onChange(() => changes.push(1));
    const prompt = store.advanceToNextPrompt('c-atlas');
    // Fridays 16:00 in Berlin (summer time): 14:00Z.
    expect(prompt).to.equal('2025-06-06T14:00:00.000Z');
    expect(store.now()).to.equal(Date.parse(prompt!) + 1000);
    await settle();
    const byId = new Map(events.map((e) => (e.type === 'checkin' ? [e.checkin.id, e.checkin.status] : ['', ''])));
    expect(byId.get('c-atlas-20250606T140000Z')).to.equal('open');
    expect(byId.get(open.id)).to.equal('missed');
    expect(changes.length).to.be.greaterThan(0);
    expect(store.snapshot().now).to.equal('2025-06-06T14:00:01.000Z');
    store.setNow(null);
    expect(Math.abs(store.now() - Date.now())).to.be.below(1000);
  });

  it('dropSubscriptions ends live subscriptions silently; a new one works', async () => {
    const w = world();
    const events = listen(w.client);
    w.client.faults.dropSubscriptions();
    await w.talent.reply('c-1', FIRST, { text: 'lost' }, { idempotencyKey: key() });
    await settle();
    expect(events).to.have.length(0);
    const again = listen(w.client);
    await w.talent.reply('c-1', FIRST, { text: 'heard' }, { idempotencyKey: key() });
    await settle();
    expect(again).to.have.length(1);
  });
});

// ---- transport: abort, latency, faults, copies ---------------------------------------------

describe('MemoryAdapter transport', () => {
  it('an already aborted signal rejects at once with an AbortError and no effect', async () => {
    const w = world();
    const controller = new AbortController();
    controller.abort();
    const error = (await failure(
      w.client.reply('c-1', FIRST, { text: 'x' }, { idempotencyKey: key(), signal: controller.signal }),
    )) as unknown as DOMException;
    expect(error).to.be.instanceOf(DOMException);
    expect(error.name).to.equal('AbortError');
    expect((await w.client.listCheckins('c-1')).items[0]!.replies).to.have.length(0);
  });

  it('an abort during latency rejects and applies nothing', async () => {
    const w = world();
    w.client.faults.latencyMs = 60;
    const controller = new AbortController();
    const pending = w.client.reply('c-1', FIRST, { text: 'x' }, { idempotencyKey: key(), signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = (await failure(pending)) as unknown as DOMException;
    expect(error.name).to.equal('AbortError');
    await sleep(100);
    w.client.faults.latencyMs = 0;
    expect((await w.client.listCheckins('c-1')).items[0]!.replies).to.have.length(0);
  });

  it('latency delays every answer; results are async even without it', async () => {
    const w = world();
    let done = false;
    const quick = w.client.getContract('c-1').then(() => (done = true));
    expect(done).to.equal(false);
    await quick;
    const slow = new MemoryAdapter({ store: w.store, viewerId: 'u-client', latencyMs: 50 });
    const started = performance.now();
    await slow.getContract('c-1');
    expect(performance.now() - started).to.be.at.least(45);
  });

  for (const code of ERROR_CODES) {
    it(`failNext(${code}) rejects once with that code, retryable per code, no effect`, async () => {
      const w = world();
      w.talent.faults.failNext('reply', code as CheckinErrorCode, code === 'conflict' ? 'Custom text' : undefined);
      const error = await failure(w.talent.reply('c-1', FIRST, { text: 'x' }, { idempotencyKey: key() }));
      expect(error).to.be.instanceOf(CheckinError);
      expect(error.code).to.equal(code);
      expect(error.retryable).to.equal(['network', 'timeout', 'unavailable', 'rate-limited'].includes(code));
      if (code === 'rate-limited') expect(error.retryAt).to.be.a('string');
      if (code === 'conflict') expect(error.message).to.equal('Custom text');
      expect((await w.client.listCheckins('c-1')).items[0]!.replies).to.have.length(0);
      await w.talent.reply('c-1', FIRST, { text: 'x' }, { idempotencyKey: key() });
    });
  }

  it('hangNext never settles until the signal aborts', async () => {
    const w = world();
    w.client.faults.hangNext('getSettings');
    const controller = new AbortController();
    let settled = false;
    const pending = w.client.getSettings('c-1', { signal: controller.signal }).finally(() => (settled = true));
    await sleep(50);
    expect(settled).to.equal(false);
    controller.abort();
    const error = (await failure(pending)) as unknown as DOMException;
    expect(error.name).to.equal('AbortError');
    await w.client.getSettings('c-1');
  });

  it('corruptNext returns malformed data once, which validated() turns into invalid', async () => {
    const w = world();
    const safe = validated(w.client);
    w.client.faults.corruptNext('getSettings', (s) => {
      s.schedule.weekday = 'Friday';
    });
    const error = await failure(safe.getSettings('c-1'));
    expect(error.code).to.equal('invalid');
    expect(error.message).to.equal(
      'Invalid data from the adapter: settings.schedule.weekday must be an integer from 1 to 7 (got "Friday").',
    );
    w.client.faults.corruptNext('listCheckins', () => ({ items: 'nope' }));
    expect((await failure(safe.listCheckins('c-1'))).message).to.match(/page\.items must be a list/);
    expect((await safe.getSettings('c-1')).schedule.weekday).to.equal(5);
  });

  it('records every call in order', async () => {
    const w = world();
    const options = { limit: 5 };
    await w.client.getViewer();
    await w.client.listCheckins('c-1', options);
    w.client.subscribe('c-1', () => {});
    expect(w.client.calls.map((c) => c.method)).to.deep.equal(['getViewer', 'listCheckins', 'subscribe']);
    expect(w.client.calls[1]!.args).to.deep.equal(['c-1', options]);
  });

  it('results are deep copies: mutating them does not touch the store', async () => {
    const w = world();
    const settings = await w.client.getSettings('c-1');
    settings.questions[0]!.prompt = 'hacked';
    settings.enabled = false;
    const page = await w.client.listCheckins('c-1');
    page.items[0]!.replies.push({ id: 'r', author: CLIENT, text: 'x', createdAt: T0 });
    const again = await w.client.getSettings('c-1');
    expect(again.questions[0]!.prompt).to.equal(DEFAULT_QUESTIONS[0]!.prompt);
    expect(again.enabled).to.equal(true);
    expect((await w.client.listCheckins('c-1')).items[0]!.replies).to.have.length(0);
  });
});

// ---- seed data -------------------------------------------------------------------------------

describe('seedDemo and generateHistory', () => {
  const NOW = '2025-06-04T12:00:00Z';

  it('seedDemo passes the validator through validated(MemoryAdapter)', async () => {
    const store = new MemoryStore(seedDemo({ now: NOW }), { clock: () => Date.parse(NOW) });
    for (const [viewerId, role] of [
      ['u-dana', 'client'],
      ['u-kofi', 'talent'],
      ['u-omar', 'observer'],
      ['u-eve', 'observer'],
    ]) {
      const adapter = validated(new MemoryAdapter({ store, viewerId: viewerId!, contractId: 'c-atlas' }));
      expect((await adapter.getViewer()).role).to.equal(role);
    }
    const dana = validated(new MemoryAdapter({ store, viewerId: 'u-dana' }));
    for (const id of ['c-atlas', 'c-logo', 'c-nova']) {
      await dana.getContract(id);
      await dana.getSettings(id);
      await dana.listCheckins(id, { limit: 100 });
    }
  });

  it('seedDemo tells the Atlas story', async () => {
    const store = new MemoryStore(seedDemo({ now: NOW }), { clock: () => Date.parse(NOW) });
    const dana = new MemoryAdapter({ store, viewerId: 'u-dana' });
    const contract = await dana.getContract('c-atlas');
    expect(contract.client.name).to.equal('Dana Whitfield');
    expect(contract.talent).to.deep.include({ name: 'Kofi Mensah', timeZone: 'Europe/Berlin' });
    expect(Date.parse(NOW) - Date.parse(contract.startsAt)).to.be.within(62 * 864e5, 64 * 864e5);
    const settings = await dana.getSettings('c-atlas');
    expect(settings).to.include({ enabled: true, consent: 'given' });
    expect(settings.updatedBy!.id).to.equal('u-dana');
    const { items } = await dana.listCheckins('c-atlas', { limit: 100 });
    const statuses = items.map((c) => c.status);
    expect(items.length).to.be.within(8, 10);
    expect(statuses[0]).to.be.oneOf(['open', 'late']);
    expect(statuses.filter((s) => s === 'missed')).to.have.length(1);
    expect(statuses.filter((s) => s === 'skipped')).to.have.length(1);
    expect(items.find((c) => c.status === 'skipped')!.skipNote).to.be.a('string');
    expect(items.filter((c) => c.kind === 'requested')).to.have.length(1);
    const answered = items.filter((c) => c.status === 'answered');
    expect(answered.length).to.be.at.least(5);
    expect(answered.some((c) => c.answers!.find((a) => a.questionId === 'blockers')!.text === 'None')).to.equal(true);
    expect(answered.some((c) => c.answers!.find((a) => a.questionId === 'blockers')!.text !== 'None')).to.equal(true);
    expect(answered.some((c) => c.replies.length > 0)).to.equal(true);
    expect(answered.some((c) => c.acknowledgedAt)).to.equal(true);
    expect(answered.some((c) => !c.acknowledgedAt)).to.equal(true);
    const zone = contract.talent.timeZone;
    expect(answered.some((c) => localDateOf(c.answeredAt!, zone) > localDateOf(c.dueAt, zone))).to.equal(true);
    for (const c of items) expect(Date.parse(c.answeredAt ?? c.dueAt)).to.be.at.most(Date.parse(NOW));
  });

  it('seedDemo: c-logo is ineligible, c-nova is off and would need consent, u-eve sees nothing', async () => {
    const store = new MemoryStore(seedDemo({ now: NOW }), { clock: () => Date.parse(NOW) });
    const dana = new MemoryAdapter({ store, viewerId: 'u-dana' });
    const logo = await dana.getSettings('c-logo');
    expect(logo.eligibility.eligible).to.equal(false);
    expect(logo.eligibility.reason).to.equal(
      checkEligibility(await dana.getContract('c-logo'), store.snapshot().policy, Date.parse(NOW)).reason,
    );
    const nova = await dana.getSettings('c-nova');
    expect(nova).to.include({ enabled: false });
    expect(nova.eligibility.eligible).to.equal(true);
    const on = await dana.updateSettings(
      'c-nova',
      { enabled: true },
      { expectedVersion: nova.version, idempotencyKey: key() },
    );
    expect(on.consent).to.equal('pending');
    const eve = new MemoryAdapter({ store, viewerId: 'u-eve' });
    expect((await failure(eve.listCheckins('c-atlas'))).code).to.equal('forbidden');
  });

  it('seedDemo is deterministic and its snapshot survives JSON', () => {
    expect(seedDemo({ now: NOW })).to.deep.equal(seedDemo({ now: NOW }));
    const store = new MemoryStore(seedDemo({ now: NOW }), { clock: () => Date.parse(NOW) });
    const snapshot = store.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).to.deep.equal(snapshot);
    for (const weeks of [1, 3, 12]) {
      const data = seedDemo({ now: NOW, weeks });
      for (const c of data.checkins['c-atlas']!) validateCheckin(c);
      expect(data.checkins['c-atlas']!.length).to.be.within(weeks, weeks + 3);
    }
  });

  it('the default store is seeded at its clock', async () => {
    const store = new MemoryStore(undefined, { clock: () => Date.parse(NOW) });
    const adapter = new MemoryAdapter({ store, viewerId: 'u-kofi', contractId: 'c-atlas' });
    expect((await adapter.getViewer()).role).to.equal('talent');
    const fresh = new MemoryAdapter({ viewerId: 'u-kofi' });
    expect((await fresh.listCheckins('c-atlas')).total).to.be.greaterThan(5);
  });

  it('generateHistory: N weekly check-ins, newest first, valid and deterministic', () => {
    const contract = seedDemo({ now: NOW }).contracts[0]!;
    const now = Date.parse(NOW);
    const items = generateHistory(contract, 200, { now, seed: 7 });
    expect(items).to.have.length(200);
    expect(new Set(items.map((c) => c.id)).size).to.equal(200);
    const dues = items.map((c) => Date.parse(c.dueAt));
    expect(dues).to.deep.equal([...dues].sort((a, b) => b - a));
    expect(dues[0]).to.be.at.most(now);
    validatePage({ items, nextCursor: null, total: items.length });
    expect(items[0]!.status).to.equal('open');
    const statuses = new Set(items.map((c) => c.status));
    for (const s of ['answered', 'missed', 'skipped']) expect(statuses.has(s as never), s).to.equal(true);
    expect(generateHistory(contract, 200, { now, seed: 7 })).to.deep.equal(items);
    expect(generateHistory(contract, 200, { now, seed: 8 })).to.not.deep.equal(items);
    expect(generateHistory(contract, 0, { now })).to.deep.equal([]);
  });

  it('the seeded contracts, settings and viewers pass the individual validators', () => {
    const data = seedDemo({ now: NOW });
    for (const c of data.contracts) validateContract(c);
    for (const s of Object.values(data.settings)) validateSettings(s);
    for (const u of data.users) validateViewer({ ...u, role: 'observer' });
  });
});
