/**
 * What the memory backend stores, as JSON-safe data a demo can persist and restore, and the
 * defaults of a contract never configured. Shared by the store, its rules and the seed.
 */
import { CheckinError, DEFAULT_QUESTIONS, DEFAULT_SCHEDULE_TIME, DEFAULT_WEEKDAY } from '../model.js';
import type { Activity, Checkin, Contract, Policy, Question, Settings } from '../model.js';

/** A person the memory backend knows. */
export interface MemoryUser {
  id: string;
  name: string;
  timeZone: string;
  locale?: string;
}

/** An idempotent write as stored: what was asked (fingerprint) and what it returned. */
export interface MemoryIdempotencyRecord {
  fingerprint: string;
  result: unknown;
  at: string;
}

/** JSON-safe snapshot of a store, so a demo can persist and restore it. */
export interface MemoryData {
  users: MemoryUser[];
  contracts: Contract[];
  /** contractId -> ids of users who may read it. */
  observers: Record<string, string[]>;
  /** contractId -> settings. */
  settings: Record<string, Settings>;
  /** contractId -> check-ins, newest first. */
  checkins: Record<string, Checkin[]>;
  /** contractId -> instant of the last "request an update". */
  lastRequestAt: Record<string, string>;
  policy: Policy;
  /** Frozen clock instant, if set (the demo's "jump to next prompt"). */
  now?: string | null;
  /**
   * contractId -> instant since which prompts are due (enabled, and consent not pending,
   * declined or withdrawn), or null. Prompts before it are never created: turning check-ins
   * on, or consenting, does not produce a backlog of instantly missed check-ins.
   */
  activeSince?: Record<string, string | null>;
  /**
   * contractId -> instant of the last schedule change. Prompts of the new schedule start
   * after it: a change never creates a check-in dated before it was made.
   */
  scheduleChangedAt?: Record<string, string>;
  /** contractId -> activity entries (who changed what in the settings), newest first. */
  activity?: Record<string, Activity[]>;
  /** Results of idempotent writes, keyed by viewer, method and key (kept across reloads). */
  idempotency?: Record<string, MemoryIdempotencyRecord>;
}

/** `MemoryData` with every optional map present, as the store keeps it. */
export type StoreData = Required<Omit<MemoryData, 'now'>> & { now?: string | null };

export const HOUR = 3_600_000;

export const ms = (instant: string): number => Date.parse(instant);
export const iso = (time: number): string => new Date(time).toISOString();

export const fail = (
  code: ConstructorParameters<typeof CheckinError>[0],
  message: string,
  retryAt?: string,
): CheckinError => new CheckinError(code, message, { retryAt });

/** Settings of a contract never configured: off, Fridays 09:00 in the talent's zone. */
export function defaultSettings(contract: Contract): Settings {
  return {
    contractId: contract.id,
    enabled: false,
    consent: 'not-needed',
    eligibility: { eligible: true, reason: null },
    schedule: {
      weekday: DEFAULT_WEEKDAY,
      time: DEFAULT_SCHEDULE_TIME,
      timeZone: contract.talent.timeZone,
      skipDates: [],
      pausedUntil: null,
    },
    questions: structuredClone(DEFAULT_QUESTIONS) as Question[],
    version: 1,
    updatedAt: contract.startsAt,
    updatedBy: null,
    enabledAt: null,
    enabledBy: null,
    disabledAt: null,
    disabledBy: null,
    consentAt: null,
  };
}

/** Prompts are due only while check-ins are on and the talent has not withheld consent. */
export function isActive(settings: Settings): boolean {
  return settings.enabled && (settings.consent === 'not-needed' || settings.consent === 'given');
}

/** Sorts newest first by `time`; the id breaks ties so paging is total. */
export function sortNewestFirst<T extends { id: string }>(list: T[], time: (item: T) => string): void {
  // Each instant is parsed once, not once per comparison: seeds of 10,000 check-ins exist.
  const at = new Map(list.map((item) => [item, ms(time(item))]));
  list.sort((a, b) => at.get(b)! - at.get(a)! || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** A check-in just opened for `contract`: nothing answered, skipped, seen or replied to yet. */
export function openCheckin(
  contract: Contract,
  { id, kind, dueAt, message }: { id: string; kind: Checkin['kind']; dueAt: string; message?: string | null },
): Checkin {
  return {
    id,
    contractId: contract.id,
    kind,
    dueAt,
    status: 'open',
    requestedBy: structuredClone(contract.client),
    ...(kind === 'requested' ? { message } : {}),
    answers: null,
    health: null,
    answeredAt: null,
    editedAt: null,
    skipNote: null,
    acknowledgedAt: null,
    replies: [],
  };
}
