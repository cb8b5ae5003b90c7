/**
 * A small memory-backend world with an injected clock, for adapter-level tests.
 * c-1: hourly, from Monday 2025-01-06; prompts on Fridays 09:00 Berlin (08:00Z in winter).
 */
import { MemoryAdapter, MemoryStore, type MemoryData } from '../../src/adapters/memory.js';
import {
  DEFAULT_POLICY,
  DEFAULT_QUESTIONS,
  type CheckinError,
  type Checkin,
  type Contract,
  type Party,
  type Policy,
  type Question,
  type Settings,
} from '../../src/model.js';

export const CLIENT: Party = { id: 'u-client', name: 'Cleo Client', timeZone: 'America/New_York' };
export const TALENT: Party = { id: 'u-talent', name: 'Tariq Talent', timeZone: 'Europe/Berlin' };
export const T0 = '2025-01-06T00:00:00.000Z';
export const FIRST = 'c-1-20250110T080000Z';
export const SECOND = 'c-1-20250117T080000Z';
export const ANSWERS = DEFAULT_QUESTIONS.map((q) => ({ questionId: q.id, text: `About ${q.id}` }));

export interface WorldOptions {
  now?: string;
  policy?: Partial<Policy>;
  settings?: Partial<Settings>;
  activeSince?: string | null;
  checkins?: Checkin[];
  /** Extra data merged over the world's (activity, scheduleChangedAt, ...). */
  data?: Partial<MemoryData>;
}

export function world(options: WorldOptions = {}) {
  const clock = { now: Date.parse(options.now ?? '2025-01-10T10:00:00Z') };
  const contract: Contract = {
    id: 'c-1',
    title: 'Website rebuild',
    kind: 'hourly',
    startsAt: T0,
    endsAt: null,
    milestoneCount: null,
    client: CLIENT,
    talent: TALENT,
  };
  const short: Contract = {
    ...contract,
    id: 'c-short',
    title: 'Logo',
    kind: 'fixed',
    endsAt: '2025-01-16T00:00:00.000Z',
    milestoneCount: 1,
  };
  const settings: Settings = {
    contractId: 'c-1',
    enabled: true,
    consent: 'not-needed',
    eligibility: { eligible: true, reason: null },
    schedule: {
      weekday: 5,
      time: '09:00',
      timeZone: 'Europe/Berlin',
      skipDates: [],
      pausedUntil: null,
    },
    questions: structuredClone(DEFAULT_QUESTIONS) as Question[],
    version: 1,
    updatedAt: T0,
    updatedBy: CLIENT,
    ...options.settings,
  };
  const data: MemoryData = {
    users: [
      { ...CLIENT, locale: 'en-US' },
      TALENT,
      { id: 'u-obs', name: 'Olga Observer', timeZone: 'UTC' },
      { id: 'u-stranger', name: 'Sam Stranger', timeZone: 'UTC' },
    ],
    contracts: [contract, short],
    observers: { 'c-1': ['u-obs'] },
    settings: { 'c-1': settings },
    checkins: { 'c-1': options.checkins ?? [] },
    lastRequestAt: {},
    policy: { ...DEFAULT_POLICY, ...options.policy },
    activeSince: { 'c-1': options.activeSince === undefined ? T0 : options.activeSince },
    ...options.data,
  };
  const store = new MemoryStore(data, { clock: () => clock.now });
  const as = (viewerId: string) => new MemoryAdapter({ store, viewerId, contractId: 'c-1' });
  return {
    store,
    client: as('u-client'),
    talent: as('u-talent'),
    observer: as('u-obs'),
    stranger: as('u-stranger'),
    as,
    at(instant: string) {
      clock.now = Date.parse(instant);
    },
  };
}
export type World = ReturnType<typeof world>;

export let keys = 0;
export const key = () => `key-${++keys}`;

/** The rejection of `promise`; fails the test if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<CheckinError> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error as CheckinError;
  }
  throw new Error(`Expected a rejection, got ${JSON.stringify(value)}`);
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
