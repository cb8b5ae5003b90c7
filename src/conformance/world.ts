/**
 * The world every conformance run starts from, as `MemoryData`: one hourly contract `c-1`
 * (from Monday 6 January 2025, prompts on Fridays 09:00 Berlin, 08:00Z in winter), a short
 * fixed-price contract, an observer and a stranger. A target loads it into its backend.
 */
import type { MemoryData } from '../adapters/memory-data.js';
import { DEFAULT_POLICY, DEFAULT_QUESTIONS } from '../model.js';
import type { Checkin, Contract, Party, Policy, Question, Settings } from '../model.js';

export const CLIENT: Party = { id: 'u-client', name: 'Cleo Client', timeZone: 'America/New_York' };
export const TALENT: Party = { id: 'u-talent', name: 'Tariq Talent', timeZone: 'Europe/Berlin' };
/** The contract's start. */
export const T0 = '2025-01-06T00:00:00.000Z';
/** The first scheduled check-in (Friday 10 January, 09:00 Berlin) and the second. */
export const FIRST = 'c-1-20250110T080000Z';
export const SECOND = 'c-1-20250117T080000Z';
export const ANSWERS = DEFAULT_QUESTIONS.map((q) => ({ questionId: q.id, text: `About ${q.id}` }));

/** What a test changes in the world. */
export interface WorldOptions {
  /** The backend's clock at the start (default Friday 10 January, 10:00Z: FIRST is open). */
  now?: string;
  policy?: Partial<Policy>;
  settings?: Partial<Settings>;
  /** Since when prompts are due (default the contract's start; null: none are). */
  activeSince?: string | null;
  checkins?: Checkin[];
}

/** The world's data, to load into a backend. */
export function worldData(options: WorldOptions = {}): MemoryData & { now: string } {
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
    schedule: { weekday: 5, time: '09:00', timeZone: 'Europe/Berlin', skipDates: [], pausedUntil: null },
    questions: structuredClone(DEFAULT_QUESTIONS) as Question[],
    version: 1,
    updatedAt: T0,
    updatedBy: CLIENT,
    ...options.settings,
  };
  return {
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
    now: new Date(options.now ?? '2025-01-10T10:00:00Z').toISOString(),
  };
}

/** The user ids of the world's four people. */
export const PEOPLE = {
  client: 'u-client',
  talent: 'u-talent',
  observer: 'u-obs',
  stranger: 'u-stranger',
} as const;
