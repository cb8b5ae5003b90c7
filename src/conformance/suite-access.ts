/** Who may do what: the role x operation matrix, unknown ids, the viewer's role. */
import type { CheckinAdapter } from '../adapters/adapter.js';
import type { Question } from '../model.js';
import { equal, rejects } from './assert.js';
import type { ConformanceBackend, Kit } from './index.js';
import { key } from './support.js';
import { ANSWERS, FIRST, type WorldOptions } from './world.js';

export type Who = 'client' | 'talent' | 'observer' | 'stranger';
export const EVERYONE: Who[] = ['client', 'talent', 'observer', 'stranger'];

/** One operation of the matrix: who may call it, in which world, after what. */
export interface AccessCell {
  name: string;
  allowed: Who[];
  world?: WorldOptions;
  prepare?: (b: ConformanceBackend) => Promise<unknown>;
  call: (a: CheckinAdapter) => Promise<unknown>;
}

const QUESTION: Question = { id: 'q', prompt: 'How was it?', required: true, maxLength: 100, quickAnswers: [] };
const pending: WorldOptions = { policy: { consent: 'required' }, settings: { consent: 'pending' }, activeSince: null };

/** The role x operation matrix (the memory adapter's own tests reuse it with a stricter trace check). */
export const ACCESS_MATRIX: AccessCell[] = [
  { name: 'getViewer', allowed: EVERYONE, call: (a) => a.getViewer() },
  { name: 'getContract', allowed: ['client', 'talent', 'observer'], call: (a) => a.getContract('c-1') },
  { name: 'getSettings', allowed: ['client', 'talent', 'observer'], call: (a) => a.getSettings('c-1') },
  { name: 'listCheckins', allowed: ['client', 'talent', 'observer'], call: (a) => a.listCheckins('c-1') },
  { name: 'listHistory', allowed: ['client', 'talent', 'observer'], call: (a) => a.listHistory!('c-1') },
  {
    name: 'updateSettings (enabled)',
    allowed: ['client'],
    call: (a) => a.updateSettings('c-1', { enabled: false }, { expectedVersion: 1, idempotencyKey: key() }),
  },
  {
    name: 'updateSettings (schedule)',
    allowed: ['client'],
    call: (a) =>
      a.updateSettings(
        'c-1',
        { schedule: { weekday: 1, time: '10:00', timeZone: 'Europe/Berlin', skipDates: [], pausedUntil: null } },
        { expectedVersion: 1, idempotencyKey: key() },
      ),
  },
  {
    name: 'updateSettings (questions)',
    allowed: ['client'],
    call: (a) => a.updateSettings('c-1', { questions: [QUESTION] }, { expectedVersion: 1, idempotencyKey: key() }),
  },
  {
    name: 'updateSettings (consent)',
    allowed: ['talent'],
    world: pending,
    call: (a) => a.updateSettings('c-1', { consent: 'given' }, { expectedVersion: 1, idempotencyKey: key() }),
  },
  {
    name: 'updateSettings (enabled and consent at once)',
    allowed: [],
    world: pending,
    call: (a) =>
      a.updateSettings('c-1', { enabled: true, consent: 'given' }, { expectedVersion: 1, idempotencyKey: key() }),
  },
  {
    name: 'submitAnswers',
    allowed: ['talent'],
    call: (a) => a.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() }),
  },
  {
    name: 'skipCheckin',
    allowed: ['talent'],
    call: (a) => a.skipCheckin('c-1', FIRST, { note: 'Off' }, { idempotencyKey: key() }),
  },
  {
    name: 'acknowledge',
    allowed: ['client'],
    prepare: (b) => b.talent.submitAnswers('c-1', FIRST, { answers: ANSWERS }, { idempotencyKey: key() }),
    call: (a) => a.acknowledge('c-1', FIRST),
  },
  {
    name: 'requestUpdate',
    allowed: ['client'],
    call: (a) => a.requestUpdate('c-1', { message: 'How is it going?' }, { idempotencyKey: key() }),
  },
  {
    name: 'reply',
    allowed: ['client', 'talent'],
    call: (a) => a.reply('c-1', FIRST, { text: 'Thanks' }, { idempotencyKey: key() }),
  },
];

/** What a refused write could have touched, to prove it left no trace. */
async function state(b: ConformanceBackend): Promise<string> {
  const [settings, page] = await Promise.all([
    b.client.getSettings('c-1'),
    b.client.listCheckins('c-1', { limit: 100 }),
  ]);
  return JSON.stringify([settings, page.items]);
}

export function defineAccess(kit: Kit): void {
  kit.describe('access', () => {
    matrix(kit);
    unknownsAndRoles(kit);
  });
}

/** Every cell of the access matrix, for everyone. */
function matrix(kit: Kit): void {
  for (const cell of ACCESS_MATRIX) {
    for (const who of EVERYONE) {
      const allowed = cell.allowed.includes(who);
      kit.it(`${cell.name} by the ${who}: ${allowed ? 'allowed' : 'forbidden, no trace'}`, () =>
        kit.run(cell.world ?? {}, async (b) => {
          await cell.prepare?.(b);
          if (allowed) {
            await cell.call(b[who]);
            return;
          }
          const before = await state(b);
          const error = await rejects(cell.call(b[who]), 'forbidden', `${cell.name} by the ${who}`);
          equal(error.retryable, false, 'a forbidden call is not retryable');
          equal(await state(b), before, 'the state after a refused call');
        }),
      );
    }
  }
}

/** Unknown ids and the viewer's role. */
function unknownsAndRoles(kit: Kit): void {
  kit.it('an unknown contract or check-in is not-found', () =>
    kit.run({}, async (b) => {
      await rejects(b.client.getSettings('c-nope'), 'not-found', 'an unknown contract');
      await rejects(
        b.talent.submitAnswers('c-1', 'c-1-nope', { answers: ANSWERS }, { idempotencyKey: key() }),
        'not-found',
        'an unknown check-in',
      );
    }),
  );

  kit.it("getViewer reports each person's role in the contract", () =>
    kit.run({}, async (b) => {
      equal((await b.client.getViewer()).role, 'client', "the client's role");
      equal((await b.talent.getViewer()).role, 'talent', "the talent's role");
      equal((await b.observer.getViewer()).role, 'observer', "the observer's role");
    }),
  );
}
