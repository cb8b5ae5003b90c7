/**
 * The boundary check on everything an adapter returns. A host's backend is outside the
 * library's control, so its data is checked here once and every element can trust the types
 * afterwards: malformed data becomes `CheckinError('invalid')` with a message that names the
 * field, never a crash or a blank element.
 */
import {
  CHECKIN_STATUSES,
  CheckinError,
  ERROR_CODES,
  HEALTH_VALUES,
  ROLES,
  isAbortError,
} from '../model.js';
import type {
  Answer,
  Checkin,
  CheckinErrorCode,
  Contract,
  Page,
  Party,
  Question,
  Reply,
  Schedule,
  Settings,
  Viewer,
} from '../model.js';
import { isValidTimeZone } from '../schedule/index.js';
import type { CheckinAdapter, CheckinEvent } from './adapter.js';

/** Longest accepted name, title, id or question prompt. */
export const MAX_NAME_LENGTH = 500;
/** Longest accepted free text (answer, reply, note, message). */
export const MAX_TEXT_LENGTH = 20_000;
/** Most check-ins accepted in one page; more means a backend that ignores `limit`. */
export const MAX_PAGE_ITEMS = 500;

// Generous caps for lists that a sane backend keeps small; they stop a runaway response from
// freezing the page, not legitimate data.
const MAX_QUESTIONS = 50;
const MAX_QUICK_ANSWERS = 50;
const MAX_SKIP_DATES = 1000;
const MAX_REPLIES = 10_000;
const MAX_CURSOR_LENGTH = 10_000;

const CONTRACT_KINDS = ['hourly', 'fixed'] as const;
const CHECKIN_KINDS = ['scheduled', 'requested'] as const;
const CONSENTS = ['not-needed', 'pending', 'given', 'declined'] as const;
const EVENT_TYPES = ['checkin', 'settings', 'reply'] as const;

const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

type Json = Record<string, unknown>;

/** A short, safe rendering of a bad value for the error message. */
function show(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const text = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(text);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function invalid(path: string, expected: string, value: unknown): never {
  const detail =
    value === undefined
      ? `is missing (it must be ${expected})`
      : `must be ${expected} (got ${show(value)})`;
  throw new CheckinError('invalid', `Invalid data from the adapter: ${path} ${detail}.`, {
    retryable: false,
  });
}

function record(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(path, 'an object', value);
  }
  return value as Json;
}

function text(value: unknown, path: string, max: number, min = 0): string {
  if (typeof value !== 'string') invalid(path, 'a string', value);
  if (value.length > max) {
    throw new CheckinError(
      'invalid',
      `Invalid data from the adapter: ${path} must be at most ${max} characters long (got ${value.length}).`,
      { retryable: false },
    );
  }
  if (value.length < min) invalid(path, 'a non-empty string', value);
  return value;
}

function id(value: unknown, path: string): string {
  return text(value, path, MAX_NAME_LENGTH, 1);
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') invalid(path, 'true or false', value);
  return value;
}

function integer(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    invalid(path, `an integer ${range}`, value);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, path: string, values: readonly T[]): T {
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    invalid(path, `one of ${values.map((v) => `"${v}"`).join(', ')}`, value);
  }
  return value as T;
}

function instant(value: unknown, path: string): string {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    invalid(path, 'an ISO-8601 date-time such as "2026-05-15T09:00:00Z"', value);
  }
  return value;
}

function localDate(value: unknown, path: string): string {
  const match = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  if (match) {
    const [, y, m, d] = match.map(Number);
    const date = new Date(Date.UTC(y!, m! - 1, d!));
    // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
    if (date.getUTCMonth() === m! - 1 && date.getUTCDate() === d) return value as string;
  }
  return invalid(path, 'a date "YYYY-MM-DD"', value);
}

function timeZone(value: unknown, path: string): string {
  if (typeof value !== 'string' || !isValidTimeZone(value)) {
    invalid(path, 'an IANA time zone such as "Europe/Berlin"', value);
  }
  return value;
}

function nullable<T>(
  value: unknown,
  path: string,
  check: (value: unknown, path: string) => T,
): T | null {
  return value === null ? null : check(value, path);
}

function list<T>(
  value: unknown,
  path: string,
  max: number,
  noun: string,
  each: (item: unknown, path: string) => T,
): T[] {
  if (!Array.isArray(value)) invalid(path, `a list of ${noun}`, value);
  if (value.length > max) invalid(path, `a list of at most ${max} ${noun}`, value);
  value.forEach((item, index) => each(item, `${path}[${index}]`));
  return value as T[];
}

/** The optional viewer fields: absent and null both mean "not known". */
function optional<T>(
  value: unknown,
  path: string,
  check: (value: unknown, path: string) => T,
): T | undefined {
  return value === undefined || value === null ? undefined : check(value, path);
}

function locale(value: unknown, path: string): string {
  const tag = text(value, path, 100, 1);
  try {
    Intl.getCanonicalLocales(tag);
  } catch {
    invalid(path, 'a BCP 47 language tag such as "en-GB"', value);
  }
  return tag;
}

function validateParty(value: unknown, path: string): Party {
  const party = record(value, path);
  id(party.id, `${path}.id`);
  text(party.name, `${path}.name`, MAX_NAME_LENGTH, 1);
  timeZone(party.timeZone, `${path}.timeZone`);
  return party as unknown as Party;
}

/** Checks a `Viewer`; throws `CheckinError('invalid')` naming the bad field. */
export function validateViewer(value: unknown, path = 'viewer'): Viewer {
  const viewer = record(value, path);
  id(viewer.id, `${path}.id`);
  oneOf(viewer.role, `${path}.role`, ROLES);
  text(viewer.name, `${path}.name`, MAX_NAME_LENGTH, 1);
  optional(viewer.timeZone, `${path}.timeZone`, timeZone);
  optional(viewer.locale, `${path}.locale`, locale);
  return viewer as unknown as Viewer;
}

/** Checks a `Contract`; throws `CheckinError('invalid')` naming the bad field. */
export function validateContract(value: unknown, path = 'contract'): Contract {
  const contract = record(value, path);
  id(contract.id, `${path}.id`);
  text(contract.title, `${path}.title`, MAX_NAME_LENGTH, 1);
  oneOf(contract.kind, `${path}.kind`, CONTRACT_KINDS);
  instant(contract.startsAt, `${path}.startsAt`);
  nullable(contract.endsAt, `${path}.endsAt`, instant);
  nullable(contract.milestoneCount, `${path}.milestoneCount`, (v, p) => integer(v, p, 0));
  validateParty(contract.client, `${path}.client`);
  validateParty(contract.talent, `${path}.talent`);
  return contract as unknown as Contract;
}

function validateQuestion(value: unknown, path: string): Question {
  const question = record(value, path);
  id(question.id, `${path}.id`);
  text(question.prompt, `${path}.prompt`, MAX_NAME_LENGTH, 1);
  bool(question.required, `${path}.required`);
  integer(question.maxLength, `${path}.maxLength`, 1, MAX_TEXT_LENGTH);
  list(question.quickAnswers, `${path}.quickAnswers`, MAX_QUICK_ANSWERS, 'strings', (v, p) =>
    text(v, p, MAX_NAME_LENGTH, 1),
  );
  return question as unknown as Question;
}

function validateSchedule(value: unknown, path: string): Schedule {
  const schedule = record(value, path);
  integer(schedule.weekday, `${path}.weekday`, 1, 7);
  if (typeof schedule.time !== 'string' || !LOCAL_TIME.test(schedule.time)) {
    invalid(`${path}.time`, 'a time "HH:MM" from 00:00 to 23:59', schedule.time);
  }
  timeZone(schedule.timeZone, `${path}.timeZone`);
  list(schedule.skipDates, `${path}.skipDates`, MAX_SKIP_DATES, 'dates', localDate);
  nullable(schedule.pausedUntil, `${path}.pausedUntil`, instant);
  return schedule as unknown as Schedule;
}

/** Checks `Settings`; throws `CheckinError('invalid')` naming the bad field. */
export function validateSettings(value: unknown, path = 'settings'): Settings {
  const settings = record(value, path);
  id(settings.contractId, `${path}.contractId`);
  bool(settings.enabled, `${path}.enabled`);
  oneOf(settings.consent, `${path}.consent`, CONSENTS);
  const eligibility = record(settings.eligibility, `${path}.eligibility`);
  bool(eligibility.eligible, `${path}.eligibility.eligible`);
  nullable(eligibility.reason, `${path}.eligibility.reason`, (v, p) => text(v, p, MAX_TEXT_LENGTH));
  validateSchedule(settings.schedule, `${path}.schedule`);
  list(settings.questions, `${path}.questions`, MAX_QUESTIONS, 'questions', validateQuestion);
  integer(settings.version, `${path}.version`, 0);
  instant(settings.updatedAt, `${path}.updatedAt`);
  nullable(settings.updatedBy, `${path}.updatedBy`, validateParty);
  if (settings.enabledAt !== undefined) nullable(settings.enabledAt, `${path}.enabledAt`, instant);
  if (settings.enabledBy !== undefined) nullable(settings.enabledBy, `${path}.enabledBy`, validateParty);
  if (settings.policy !== undefined) validatePolicy(settings.policy, `${path}.policy`);
  return settings as unknown as Settings;
}

function validatePolicy(value: unknown, path: string): void {
  const policy = record(value, path);
  integer(policy.minContractDays, `${path}.minContractDays`, 0);
  integer(policy.minFixedMilestones, `${path}.minFixedMilestones`, 0);
  oneOf(policy.consent, `${path}.consent`, ['notify', 'required']);
  const hours = policy.requestUpdateCooldownHours;
  if (typeof hours !== 'number' || !(hours >= 0)) {
    invalid(`${path}.requestUpdateCooldownHours`, 'a number of hours, 0 or more', hours);
  }
}

function validateAnswer(value: unknown, path: string): Answer {
  const answer = record(value, path);
  id(answer.questionId, `${path}.questionId`);
  text(answer.text, `${path}.text`, MAX_TEXT_LENGTH);
  return answer as unknown as Answer;
}

/** Checks a `Reply`; throws `CheckinError('invalid')` naming the bad field. */
export function validateReply(value: unknown, path = 'reply'): Reply {
  const reply = record(value, path);
  id(reply.id, `${path}.id`);
  validateParty(reply.author, `${path}.author`);
  text(reply.text, `${path}.text`, MAX_TEXT_LENGTH);
  instant(reply.createdAt, `${path}.createdAt`);
  return reply as unknown as Reply;
}

/** Checks a `Checkin`; throws `CheckinError('invalid')` naming the bad field. */
export function validateCheckin(value: unknown, path = 'checkin'): Checkin {
  const checkin = record(value, path);
  id(checkin.id, `${path}.id`);
  id(checkin.contractId, `${path}.contractId`);
  oneOf(checkin.kind, `${path}.kind`, CHECKIN_KINDS);
  instant(checkin.dueAt, `${path}.dueAt`);
  const status = oneOf(checkin.status, `${path}.status`, CHECKIN_STATUSES);
  validateParty(checkin.requestedBy, `${path}.requestedBy`);
  if (checkin.message !== undefined) {
    nullable(checkin.message, `${path}.message`, (v, p) => text(v, p, MAX_TEXT_LENGTH));
  }
  nullable(checkin.answers, `${path}.answers`, (v, p) =>
    list(v, p, MAX_QUESTIONS, 'answers', validateAnswer),
  );
  // The thread renders the answers of an answered check-in; without them it would be blank.
  if (status === 'answered' && checkin.answers === null) {
    invalid(`${path}.answers`, 'a list of answers for an answered check-in', null);
  }
  nullable(checkin.health, `${path}.health`, (v, p) => oneOf(v, p, HEALTH_VALUES));
  nullable(checkin.answeredAt, `${path}.answeredAt`, instant);
  nullable(checkin.editedAt, `${path}.editedAt`, instant);
  nullable(checkin.skipNote, `${path}.skipNote`, (v, p) => text(v, p, MAX_TEXT_LENGTH));
  nullable(checkin.acknowledgedAt, `${path}.acknowledgedAt`, instant);
  list(checkin.replies, `${path}.replies`, MAX_REPLIES, 'replies', validateReply);
  return checkin as unknown as Checkin;
}

/** Checks a `Page<Checkin>` (at most 500 items); throws `CheckinError('invalid')`. */
export function validatePage(value: unknown, path = 'page'): Page<Checkin> {
  const page = record(value, path);
  list(page.items, `${path}.items`, MAX_PAGE_ITEMS, 'check-ins', validateCheckin);
  nullable(page.nextCursor, `${path}.nextCursor`, (v, p) => text(v, p, MAX_CURSOR_LENGTH, 1));
  nullable(page.total, `${path}.total`, (v, p) => integer(v, p, 0));
  return page as unknown as Page<Checkin>;
}

/** Checks a `subscribe` event; throws `CheckinError('invalid')` naming the bad field. */
export function validateEvent(value: unknown, path = 'event'): CheckinEvent {
  const event = record(value, path);
  const type = oneOf(event.type, `${path}.type`, EVENT_TYPES);
  if (type === 'checkin') validateCheckin(event.checkin, `${path}.checkin`);
  else if (type === 'settings') validateSettings(event.settings, `${path}.settings`);
  else {
    id(event.checkinId, `${path}.checkinId`);
    validateReply(event.reply, `${path}.reply`);
  }
  return event as unknown as CheckinEvent;
}

/** A result about another contract or check-in than the one asked for is wrong data too. */
function expectSame(actual: string, expected: string, path: string, what: string): void {
  if (actual !== expected) {
    invalid(path, `"${expected}", the ${what} that was asked for`, actual);
  }
}

function checkinOf(contractId: string, checkinId?: string) {
  return (value: unknown): Checkin => {
    const checkin = validateCheckin(value);
    expectSame(checkin.contractId, contractId, 'checkin.contractId', 'contract');
    if (checkinId !== undefined) expectSame(checkin.id, checkinId, 'checkin.id', 'check-in');
    return checkin;
  };
}

function settingsOf(contractId: string) {
  return (value: unknown): Settings => {
    const settings = validateSettings(value);
    expectSame(settings.contractId, contractId, 'settings.contractId', 'contract');
    return settings;
  };
}

/**
 * A `CheckinError` thrown by another copy of this library (say the bundle on the host's side
 * and the ESM build on the elements' side) fails `instanceof`; keep its code instead of
 * flattening it to `unavailable`.
 */
function toCheckinError(error: unknown): CheckinError {
  if (error instanceof CheckinError) return error;
  const like = error as Partial<CheckinError> | null;
  if (
    like &&
    typeof like === 'object' &&
    like.name === 'CheckinError' &&
    ERROR_CODES.includes(like.code as CheckinErrorCode) &&
    typeof like.message === 'string'
  ) {
    return new CheckinError(like.code as CheckinErrorCode, like.message, {
      retryable: typeof like.retryable === 'boolean' ? like.retryable : undefined,
      retryAt: typeof like.retryAt === 'string' ? like.retryAt : null,
      cause: error,
    });
  }
  return CheckinError.from(error);
}

type MethodName = Exclude<keyof CheckinAdapter, 'subscribe'>;

async function call<T>(
  adapter: CheckinAdapter,
  name: MethodName,
  args: unknown[],
  check: (value: unknown) => T,
): Promise<T> {
  // Plain-JS hosts hand over objects that may lack a method; say so instead of a TypeError.
  const method = (adapter as unknown as Record<string, unknown> | null | undefined)?.[name];
  if (typeof method !== 'function') {
    throw new CheckinError('unavailable', `The adapter has no ${name} method.`, {
      retryable: false,
    });
  }
  let value: unknown;
  try {
    value = await (method as (...a: unknown[]) => unknown).apply(adapter, args);
  } catch (error) {
    // An abort is the caller's own doing, not a failure to show: keep it recognisable.
    if (isAbortError(error)) throw error;
    throw toCheckinError(error);
  }
  return check(value);
}

/** Options of `validated`. */
export interface ValidatedOptions {
  /**
   * Receives each `subscribe` event dropped as malformed, and the error of a `subscribe` call
   * that threw (the subscription then delivers nothing instead of breaking the element).
   */
  onInvalid?: (error: CheckinError) => void;
}

/**
 * Wraps `adapter` so that every result is checked and every failure is a `CheckinError`
 * (aborts pass through untouched). `subscribe` exists on the wrapper only when the host's
 * adapter has it, so "no live updates" stays detectable.
 */
export function validated(adapter: CheckinAdapter, options: ValidatedOptions = {}): CheckinAdapter {
  const report = (error: unknown) => options.onInvalid?.(toCheckinError(error));
  const safe: CheckinAdapter = {
    getViewer: (o) => call(adapter, 'getViewer', [o], (v) => validateViewer(v)),
    getContract: (contractId, o) =>
      call(adapter, 'getContract', [contractId, o], (v) => {
        const contract = validateContract(v);
        expectSame(contract.id, contractId, 'contract.id', 'contract');
        return contract;
      }),
    getSettings: (contractId, o) =>
      call(adapter, 'getSettings', [contractId, o], settingsOf(contractId)),
    updateSettings: (contractId, change, o) =>
      call(adapter, 'updateSettings', [contractId, change, o], settingsOf(contractId)),
    listCheckins: (contractId, o) =>
      call(adapter, 'listCheckins', [contractId, o], (v) => {
        const page = validatePage(v);
        page.items.forEach((item, index) =>
          expectSame(item.contractId, contractId, `page.items[${index}].contractId`, 'contract'),
        );
        return page;
      }),
    submitAnswers: (contractId, checkinId, input, o) =>
      call(
        adapter,
        'submitAnswers',
        [contractId, checkinId, input, o],
        checkinOf(contractId, checkinId),
      ),
    skipCheckin: (contractId, checkinId, input, o) =>
      call(
        adapter,
        'skipCheckin',
        [contractId, checkinId, input, o],
        checkinOf(contractId, checkinId),
      ),
    acknowledge: (contractId, checkinId, o) =>
      call(adapter, 'acknowledge', [contractId, checkinId, o], checkinOf(contractId, checkinId)),
    requestUpdate: (contractId, input, o) =>
      call(adapter, 'requestUpdate', [contractId, input, o], checkinOf(contractId)),
    reply: (contractId, checkinId, input, o) =>
      call(adapter, 'reply', [contractId, checkinId, input, o], (v) => validateReply(v)),
  };
  if (typeof adapter?.subscribe === 'function') {
    safe.subscribe = (contractId, listener) => {
      // The host's adapter may keep calling after unsubscribe; the element must not hear it.
      let live = true;
      let end: unknown;
      try {
        end = adapter.subscribe!(contractId, (event) => {
          if (!live) return;
          let checked: CheckinEvent;
          try {
            checked = validateEvent(event);
            const about =
              checked.type === 'checkin'
                ? { actual: checked.checkin.contractId, path: 'event.checkin.contractId' }
                : checked.type === 'settings'
                  ? { actual: checked.settings.contractId, path: 'event.settings.contractId' }
                  : null;
            if (about) expectSame(about.actual, contractId, about.path, 'contract');
          } catch (error) {
            report(error);
            return;
          }
          listener(checked);
        });
      } catch (error) {
        report(error);
      }
      return () => {
        if (!live) return;
        live = false;
        if (typeof end === 'function') end();
      };
    };
  }
  return safe;
}
