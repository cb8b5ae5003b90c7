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

/**
 * What a question is for, so behaviour never depends on its position: "copy last week's plan"
 * fills a `done` question from last week's `next` answer, and `blockers` answers other than a
 * quick answer are highlighted for the client. `null` (or absent) is a plain question.
 */
export type QuestionPurpose = 'done' | 'next' | 'blockers';
export const QUESTION_PURPOSES: readonly QuestionPurpose[] = ['done', 'next', 'blockers'];

export interface Question {
  id: string;
  prompt: string;
  required: boolean;
  maxLength: number;
  quickAnswers: string[];
  /** What the question is for; absent or null for a plain question. */
  purpose?: QuestionPurpose | null;
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

/**
 * The talent's answer where policy asks for consent: `pending` until they answer; `declined`
 * (said no before ever agreeing) and `withdrawn` (agreed, then took it back) both stop
 * scheduled prompts. `not-needed` where policy only notifies.
 */
export type Consent = 'not-needed' | 'pending' | 'given' | 'declined' | 'withdrawn';
export const CONSENTS: readonly Consent[] = ['not-needed', 'pending', 'given', 'declined', 'withdrawn'];

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
  /** When check-ins were last turned off (kept while off), so the talent sees who and when. */
  disabledAt?: string | null;
  /** Who last turned check-ins off. */
  disabledBy?: Party | null;
  /** When the talent last gave, declined or withdrew consent. */
  consentAt?: string | null;
  /** The policy in force for this contract (consent, cooldown), when the backend shares it. */
  policy?: Policy;
}

export type Health = 'on-track' | 'at-risk' | 'off-track';
export type CheckinKind = 'scheduled' | 'requested';
/**
 * `open`: asked and answerable; `late`: still open after its answer-by time (`lateAt`);
 * `missed`: never answered before the next prompt opened; `closed`: a scheduled check-in that
 * turning check-ins off, declining or withdrawing consent ended before it was answered.
 */
export type CheckinStatus = 'open' | 'answered' | 'late' | 'missed' | 'skipped' | 'closed';

/** Why a scheduled check-in was closed unanswered. */
export type ClosedReason = 'turned-off' | 'declined' | 'withdrawn';
export const CLOSED_REASONS: readonly ClosedReason[] = ['turned-off', 'declined', 'withdrawn'];

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
  /**
   * The end of the talent's day on which it was asked: after this instant an unanswered
   * check-in is `late`. Null or absent when the backend does not say.
   */
  lateAt?: string | null;
  /**
   * When the next check-in really opens, which ends this one's answer and edit window (and makes
   * an unanswered one `missed`). Null when no later prompt is scheduled (check-ins off, paused
   * without end, contract ending): then nothing closes it by time.
   */
  closesAt?: string | null;
  /** For `closed`: when, by whom and why. */
  closedAt?: string | null;
  closedBy?: Party | null;
  closedReason?: ClosedReason | null;
}

/** What an activity entry records; schedules carry only the fields that changed meaning. */
export type ActivityChange =
  | { type: 'enabled' }
  | { type: 'disabled' }
  | {
      type: 'schedule';
      from: Pick<Schedule, 'weekday' | 'time' | 'timeZone'>;
      to: Pick<Schedule, 'weekday' | 'time' | 'timeZone'>;
    }
  | { type: 'pause'; pausedUntil: string | null }
  | { type: 'skip-dates'; added: string[]; removed: string[] }
  | { type: 'questions'; prompts: string[]; previous: string[] }
  | { type: 'consent'; consent: Extract<Consent, 'given' | 'declined' | 'withdrawn'> };

export type ActivityType = ActivityChange['type'];
export const ACTIVITY_TYPES: readonly ActivityType[] = [
  'enabled',
  'disabled',
  'schedule',
  'pause',
  'skip-dates',
  'questions',
  'consent',
];

/** A change to the settings, in the history in its actor's name (the paper trail). */
export interface Activity {
  id: string;
  contractId: string;
  kind: 'activity';
  /** When the change was made. */
  at: string;
  actor: Party;
  change: ActivityChange;
}

/** One entry of a contract's history: a check-in or an activity entry. */
export type HistoryItem = Checkin | Activity;

/** True for an activity entry of the history. */
export function isActivity(item: HistoryItem): item is Activity {
  return item.kind === 'activity';
}

/** True for a check-in of the history. */
export function isCheckin(item: HistoryItem): item is Checkin {
  return item.kind !== 'activity';
}

/** The instant a history entry is ordered by (newest first). */
export function itemTime(item: HistoryItem): string {
  return isActivity(item) ? item.at : item.dueAt;
}

/** A page of results, newest first. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number | null;
}

export const HEALTH_VALUES: readonly Health[] = ['on-track', 'at-risk', 'off-track'];
export const CHECKIN_STATUSES: readonly CheckinStatus[] = ['open', 'answered', 'late', 'missed', 'skipped', 'closed'];
export const ROLES: readonly Role[] = ['client', 'talent', 'observer'];

/** The three questions every contract starts with. */
export const DEFAULT_QUESTIONS: readonly Question[] = /* @__PURE__ */ Object.freeze([
  {
    id: 'done',
    prompt: 'What did you work on this week?',
    required: true,
    maxLength: 1000,
    quickAnswers: [],
    purpose: 'done',
  },
  {
    id: 'next',
    prompt: 'What will you work on next week?',
    required: true,
    maxLength: 1000,
    quickAnswers: [],
    purpose: 'next',
  },
  {
    id: 'blockers',
    prompt: 'What might delay your planned work?',
    required: true,
    maxLength: 500,
    quickAnswers: ['None'],
    purpose: 'blockers',
  },
]);

export const DEFAULT_SCHEDULE_TIME = '09:00';
export const DEFAULT_WEEKDAY: Weekday = 5;

export type CheckinErrorCode =
  'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'rate-limited' | 'network' | 'timeout' | 'unavailable';

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

const RETRYABLE: ReadonlySet<CheckinErrorCode> = new Set(['network', 'timeout', 'unavailable', 'rate-limited']);

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
  return (error instanceof DOMException || error instanceof Error) && (error as Error).name === 'AbortError';
}
