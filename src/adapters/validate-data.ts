/**
 * The shapes of the data model, checked: each `validate*` returns its value typed or throws
 * `CheckinError('invalid')` naming the field. `validated` (validate.ts) applies them to every
 * adapter result. Display text (names, titles, prompts) is accepted long and shown shortened by
 * the elements; identifiers and enums are strict.
 */
import {
  ACTIVITY_TYPES,
  CHECKIN_STATUSES,
  CLOSED_REASONS,
  CONSENTS,
  HEALTH_VALUES,
  QUESTION_PURPOSES,
  ROLES,
} from '../model.js';
import type {
  Activity,
  Answer,
  Checkin,
  Contract,
  HistoryItem,
  Page,
  Party,
  Question,
  Reply,
  Schedule,
  Settings,
  Viewer,
} from '../model.js';
import type { CheckinEvent } from './adapter.js';
import {
  LOCAL_TIME,
  bool,
  id,
  instant,
  integer,
  invalid,
  list,
  localDate,
  locale,
  nullable,
  oneOf,
  optional,
  record,
  text,
  timeZone,
} from './validate-fields.js';

/** Longest accepted display text: a name, a title or a question prompt. */
export const MAX_NAME_LENGTH = 20_000;
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
const EVENT_TYPES = ['checkin', 'settings', 'reply', 'activity', 'stale'] as const;

/** An optional field: absent is fine, null is "not known", anything else is checked. */
function maybe<T>(value: unknown, path: string, check: (value: unknown, path: string) => T): void {
  if (value !== undefined) nullable(value, path, check);
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
  maybe(question.purpose, `${path}.purpose`, (v, p) => oneOf(v, p, QUESTION_PURPOSES));
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
  maybe(settings.enabledAt, `${path}.enabledAt`, instant);
  maybe(settings.enabledBy, `${path}.enabledBy`, validateParty);
  maybe(settings.disabledAt, `${path}.disabledAt`, instant);
  maybe(settings.disabledBy, `${path}.disabledBy`, validateParty);
  maybe(settings.consentAt, `${path}.consentAt`, instant);
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
  nullable(checkin.answers, `${path}.answers`, (v, p) => list(v, p, MAX_QUESTIONS, 'answers', validateAnswer));
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
  maybe(checkin.lateAt, `${path}.lateAt`, instant);
  maybe(checkin.closesAt, `${path}.closesAt`, instant);
  maybe(checkin.closedAt, `${path}.closedAt`, instant);
  maybe(checkin.closedBy, `${path}.closedBy`, validateParty);
  maybe(checkin.closedReason, `${path}.closedReason`, (v, p) => oneOf(v, p, CLOSED_REASONS));
  return checkin as unknown as Checkin;
}

const SCHEDULE_FIELDS = ['weekday', 'time', 'timeZone'] as const;

function validateScheduleSummary(value: unknown, path: string): void {
  const summary = record(value, path);
  for (const field of SCHEDULE_FIELDS) {
    if (summary[field] === undefined) invalid(`${path}.${field}`, 'present', undefined);
  }
  integer(summary.weekday, `${path}.weekday`, 1, 7);
  if (typeof summary.time !== 'string' || !LOCAL_TIME.test(summary.time)) {
    invalid(`${path}.time`, 'a time "HH:MM" from 00:00 to 23:59', summary.time);
  }
  timeZone(summary.timeZone, `${path}.timeZone`);
}

function validateChange(value: unknown, path: string): void {
  const change = record(value, path);
  const type = oneOf(change.type, `${path}.type`, ACTIVITY_TYPES);
  const strings = (v: unknown, p: string) =>
    list(v, p, MAX_QUESTIONS, 'strings', (item, q) => text(item, q, MAX_NAME_LENGTH));
  switch (type) {
    case 'schedule':
      validateScheduleSummary(change.from, `${path}.from`);
      validateScheduleSummary(change.to, `${path}.to`);
      break;
    case 'pause':
      nullable(change.pausedUntil, `${path}.pausedUntil`, instant);
      break;
    case 'skip-dates':
      list(change.added, `${path}.added`, MAX_SKIP_DATES, 'dates', localDate);
      list(change.removed, `${path}.removed`, MAX_SKIP_DATES, 'dates', localDate);
      break;
    case 'questions':
      strings(change.prompts, `${path}.prompts`);
      strings(change.previous, `${path}.previous`);
      break;
    case 'consent':
      oneOf(change.consent, `${path}.consent`, ['given', 'declined', 'withdrawn'] as const);
      break;
    case 'enabled':
    case 'disabled':
      break;
  }
}

/** Checks an `Activity` entry; throws `CheckinError('invalid')` naming the bad field. */
export function validateActivity(value: unknown, path = 'activity'): Activity {
  const activity = record(value, path);
  id(activity.id, `${path}.id`);
  id(activity.contractId, `${path}.contractId`);
  oneOf(activity.kind, `${path}.kind`, ['activity'] as const);
  instant(activity.at, `${path}.at`);
  validateParty(activity.actor, `${path}.actor`);
  validateChange(activity.change, `${path}.change`);
  return activity as unknown as Activity;
}

/** Checks one history entry: an activity entry or a check-in. */
export function validateHistoryItem(value: unknown, path = 'item'): HistoryItem {
  const item = record(value, path);
  return item.kind === 'activity' ? validateActivity(item, path) : validateCheckin(item, path);
}

function validatePageOf<T>(
  value: unknown,
  path: string,
  noun: string,
  each: (item: unknown, path: string) => T,
): Page<T> {
  const page = record(value, path);
  list(page.items, `${path}.items`, MAX_PAGE_ITEMS, noun, each);
  nullable(page.nextCursor, `${path}.nextCursor`, (v, p) => text(v, p, MAX_CURSOR_LENGTH, 1));
  nullable(page.total, `${path}.total`, (v, p) => integer(v, p, 0));
  return page as unknown as Page<T>;
}

/** Checks a `Page<Checkin>` (at most 500 items); throws `CheckinError('invalid')`. */
export function validatePage(value: unknown, path = 'page'): Page<Checkin> {
  return validatePageOf(value, path, 'check-ins', validateCheckin);
}

/** Checks a `Page<HistoryItem>` (at most 500 items); throws `CheckinError('invalid')`. */
export function validateHistoryPage(value: unknown, path = 'page'): Page<HistoryItem> {
  return validatePageOf(value, path, 'history entries', validateHistoryItem);
}

/** Checks a `subscribe` event; throws `CheckinError('invalid')` naming the bad field. */
export function validateEvent(value: unknown, path = 'event'): CheckinEvent {
  const event = record(value, path);
  const type = oneOf(event.type, `${path}.type`, EVENT_TYPES);
  if (type === 'checkin') validateCheckin(event.checkin, `${path}.checkin`);
  else if (type === 'settings') validateSettings(event.settings, `${path}.settings`);
  else if (type === 'activity') validateActivity(event.activity, `${path}.activity`);
  else if (type === 'stale') return { type };
  else {
    id(event.checkinId, `${path}.checkinId`);
    validateReply(event.reply, `${path}.reply`);
  }
  return event as unknown as CheckinEvent;
}
