/**
 * The data model shared by the elements, the adapters and the host's backend.
 * Every shape is JSON-safe; instants are ISO-8601 UTC strings ("2026-11-27T09:00:00.000Z").
 */

export type Role = 'client' | 'talent' | 'observer';

/** One side of a contract. `timeZone` is an IANA zone such as "Europe/Berlin". */
export interface Party {
  id: string;
  name: string;
  timeZone: string;
}

/** The person looking at the page. */
export interface Viewer {
  id: string;
  role: Role;
  name: string;
  timeZone?: string;
  locale?: string;
}

export type ContractKind = 'hourly' | 'fixed';

export interface Contract {
  id: string;
  title: string;
  kind: ContractKind;
  startsAt: string;
  endsAt: string | null;
  milestoneCount: number | null;
  client: Party;
  talent: Party;
}

export interface Question {
  id: string;
  prompt: string;
  required: boolean;
  maxLength: number;
  quickAnswers: string[];
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface Schedule {
  weekday: Weekday;
  /** Local wall-clock time, "HH:MM" (24 h). */
  time: string;
  timeZone: string;
  /** Local dates ("YYYY-MM-DD", in `timeZone`) on which no prompt is sent. */
  skipDates: string[];
  /** No prompt before this instant. */
  pausedUntil: string | null;
}

export type ConsentPolicy = 'notify' | 'required';

export interface Policy {
  minContractDays: number;
  minFixedMilestones: number;
  consent: ConsentPolicy;
  requestUpdateCooldownHours: number;
}

export const DEFAULT_POLICY: Readonly<Policy> = /* @__PURE__ */ Object.freeze({
  minContractDays: 14,
  minFixedMilestones: 2,
  consent: 'notify',
  requestUpdateCooldownHours: 24,
});

export interface Eligibility {
  eligible: boolean;
  reason: string | null;
}

export type Consent = 'not-needed' | 'pending' | 'given' | 'declined';

export interface Settings {
  contractId: string;
  enabled: boolean;
  consent: Consent;
  eligibility: Eligibility;
  schedule: Schedule;
  questions: Question[];
  version: number;
  updatedAt: string;
  updatedBy: Party | null;
  /** When check-ins were last turned on (kept while on), so the talent sees who and when. */
  enabledAt?: string | null;
  /** Who last turned check-ins on. */
  enabledBy?: Party | null;
  /** The policy in force for this contract (consent, cooldown), when the backend shares it. */
  policy?: Policy;
}

export type Health = 'on-track' | 'at-risk' | 'off-track';
export type CheckinKind = 'scheduled' | 'requested';
export type CheckinStatus = 'open' | 'answered' | 'late' | 'missed' | 'skipped';

export interface Answer {
  questionId: string;
  text: string;
}

export interface Reply {
  id: string;
  author: Party;
  text: string;
  createdAt: string;
}

export interface Checkin {
  id: string;
  contractId: string;
  kind: CheckinKind;
  dueAt: string;
  status: CheckinStatus;
  requestedBy: Party;
  /** Present for requested check-ins when the client wrote a message. */
  message?: string | null;
  answers: Answer[] | null;
  health: Health | null;
  answeredAt: string | null;
  editedAt: string | null;
  skipNote: string | null;
  acknowledgedAt: string | null;
  replies: Reply[];
}

/** A page of results, newest first. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number | null;
}

export const HEALTH_VALUES: readonly Health[] = ['on-track', 'at-risk', 'off-track'];
export const CHECKIN_STATUSES: readonly CheckinStatus[] = [
  'open',
  'answered',
  'late',
  'missed',
  'skipped',
];
export const ROLES: readonly Role[] = ['client', 'talent', 'observer'];

/** The three questions every contract starts with. */
export const DEFAULT_QUESTIONS: readonly Question[] = /* @__PURE__ */ Object.freeze([
  {
    id: 'done',
    prompt: 'What did you work on this week?',
    required: true,
    maxLength: 1000,
    quickAnswers: [],
  },
  {
    id: 'next',
    prompt: 'What will you work on next week?',
    required: true,
    maxLength: 1000,
    quickAnswers: [],
  },
  {
    id: 'blockers',
    prompt: 'What might delay your planned work?',
    required: true,
    maxLength: 500,
    quickAnswers: ['None'],
  },
]);

export const DEFAULT_SCHEDULE_TIME = '09:00';
export const DEFAULT_WEEKDAY: Weekday = 5;

export type CheckinErrorCode =
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'invalid'
  | 'rate-limited'
  | 'network'
  | 'timeout'
  | 'unavailable';

export const ERROR_CODES: readonly CheckinErrorCode[] = [
  'forbidden',
  'not-found',
  'conflict',
  'invalid',
  'rate-limited',
  'network',
  'timeout',
  'unavailable',
];

const RETRYABLE: ReadonlySet<CheckinErrorCode> = new Set([
  'network',
  'timeout',
  'unavailable',
  'rate-limited',
]);

export interface CheckinErrorOptions {
  retryable?: boolean;
  /** For `rate-limited`: when the action is allowed again (instant). */
  retryAt?: string | null;
  cause?: unknown;
}

/** Every failure an adapter reports. `message` is written for people. */
export class CheckinError extends Error {
  override readonly name = 'CheckinError';
  readonly code: CheckinErrorCode;
  readonly retryable: boolean;
  readonly retryAt: string | null;

  constructor(code: CheckinErrorCode, message: string, options: CheckinErrorOptions = {}) {
    super(message);
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE.has(code);
    this.retryAt = options.retryAt ?? null;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }

  /** Wraps anything thrown (fetch errors, aborts, strings) as a `CheckinError`. */
  static from(error: unknown): CheckinError {
    if (error instanceof CheckinError) return error;
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return new CheckinError('timeout', 'The request took too long.', { cause: error });
    }
    if (error instanceof TypeError) {
      return new CheckinError('network', 'The network could not be reached.', { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new CheckinError('unavailable', message || 'Something went wrong.', { cause: error });
  }
}

/** True for the rejection an aborted signal produces. */
export function isAbortError(error: unknown): boolean {
  return (
    (error instanceof DOMException || error instanceof Error) &&
    (error as Error).name === 'AbortError'
  );
}
