import { msg, str } from '@lit/localize';
import type { AnswersInput } from '../../adapters/adapter.js';
import { HEALTH_VALUES, type Checkin, type Contract, type Health, type Question, type Settings } from '../../model.js';
import { nextPromptOrNull } from '../terms.js';
import { questionFor } from '../../questions.js';

/** The "not working this week" panel as the draft keeps it: the note, and whether it was open. */
export interface SkipDraft {
  note: string;
  open: boolean;
}

/** What the form's draft holds: the text of each answer by question id, the health value and the skip panel. */
export interface FormValue {
  answers: Record<string, string>;
  health: Health | null;
  /** Absent in drafts saved before the skip note was kept (they still load) and in a check-in's own answers. */
  skip?: SkipDraft;
  /**
   * The message the answers are being sent as, once the talent edited it, when the check-in
   * can no longer take them (it closed, or its window ended): absent while it is still the
   * answers as written.
   */
  reply?: string;
}

/**
 * Checks a stored draft value (another version of the library, or a hand-edited one). Fields
 * added later are optional, so a draft written by an older version still loads; a malformed
 * `skip` is dropped rather than costing the answers.
 */
export function parseFormValue(value: unknown): FormValue | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<Record<keyof FormValue, unknown>>;
  if (!v.answers || typeof v.answers !== 'object' || Array.isArray(v.answers)) return null;
  const answers: Record<string, string> = {};
  for (const [id, text] of Object.entries(v.answers)) {
    if (typeof text === 'string') answers[id] = text;
  }
  const health = HEALTH_VALUES.includes(v.health as Health) ? (v.health as Health) : null;
  const parsed: FormValue = { answers, health };
  const skip = v.skip as Partial<SkipDraft> | null | undefined;
  if (skip && typeof skip === 'object' && typeof skip.note === 'string') {
    parsed.skip = { note: skip.note, open: skip.open === true };
  }
  if (typeof v.reply === 'string') parsed.reply = v.reply;
  return parsed;
}

/** True when a draft holds anything typed: an answer, a skip note or a message. */
export function hasText(value: FormValue): boolean {
  return (
    Object.values(value.answers).some((text) => !isBlank(text)) || !isBlank(value.skip?.note) || !isBlank(value.reply)
  );
}

/**
 * The answers of a draft as one message (for a check-in that can no longer take them): each
 * answered question's prompt and answer, in question order, then answers to questions no longer
 * asked, then `extra` lines (health, the skip note). Nothing typed is left out.
 */
export function answersAsMessage(
  questions: readonly Question[],
  value: FormValue,
  extra: readonly (string | null)[] = [],
): string {
  const asked = new Set(questions.map((q) => q.id));
  const parts: string[] = [];
  for (const question of questions) {
    const text = value.answers[question.id];
    if (!isBlank(text)) parts.push(`${question.prompt}\n${text!.trim()}`);
  }
  for (const [id, text] of Object.entries(value.answers)) {
    if (!asked.has(id) && !isBlank(text)) parts.push(text.trim());
  }
  for (const line of extra) if (line && !isBlank(line)) parts.push(line);
  return parts.join('\n\n');
}

/** True when a draft holds work on the answers (text, even erased, or a health value), not only a skip note. */
export function touchesAnswers(value: FormValue): boolean {
  return Object.keys(value.answers).length > 0 || value.health !== null;
}

/**
 * The note of the skip a draft was sending for `checkinId` (its idempotency key's request, see
 * `fingerprint`), or null when the draft's key was made for something else.
 */
export function skipSentIn(keyFor: string | null, checkinId: string): string | null {
  if (!keyFor) return null;
  try {
    const [kind, id, note] = JSON.parse(keyFor) as unknown[];
    return kind === 'skip' && id === checkinId && typeof note === 'string' ? note : null;
  } catch {
    return null;
  }
}

// What a person cannot see: white space, control characters and default-ignorable code points
// (zero-width space and joiners, BOM, soft hyphen, bidi marks, word joiner, fillers).
const INVISIBLE_ONLY = /^[\s\p{Cc}\p{Default_Ignorable_Code_Point}]*$/u;

/** Text with nothing visible in it (white space, zero-width and control characters) counts as empty. */
export function isBlank(text: string | undefined): boolean {
  return !text || INVISIBLE_ONLY.test(text);
}

/** The length a limit is checked against: UTF-16 units, as the backend and `maxlength` count. */
export function lengthOf(text: string | undefined): number {
  return text?.length ?? 0;
}

export interface FieldError {
  index: number;
  questionId: string;
  /** Next to the field. */
  inline: string;
  /** In the error summary: names the question, because it is read out of context. */
  summary: string;
}

/** Required and length checks, in question order. */
export function validateAnswers(questions: readonly Question[], value: FormValue): FieldError[] {
  const errors: FieldError[] = [];
  questions.forEach((question, index) => {
    const text = value.answers[question.id] ?? '';
    if (question.required && isBlank(text)) {
      errors.push({
        index,
        questionId: question.id,
        inline: msg('Answer this question.'),
        summary: msg(str`Answer “${question.prompt}”`),
      });
      return;
    }
    const over = lengthOf(text.trim()) - question.maxLength;
    if (over > 0) {
      errors.push({
        index,
        questionId: question.id,
        inline: msg(str`Use ${question.maxLength} characters or fewer (${over} too many).`),
        summary: msg(str`“${question.prompt}” is ${over} characters too long`),
      });
    }
  });
  return errors;
}

/**
 * What is sent: trimmed text in question order; an optional question left blank is left out.
 * (Trimmed because trailing newlines and spaces are never meant, and the limits apply to it.)
 */
export function toInput(questions: readonly Question[], value: FormValue): AnswersInput {
  return {
    answers: questions
      .map((q) => ({ questionId: q.id, text: (value.answers[q.id] ?? '').trim() }))
      .filter((a, i) => !isBlank(a.text) || questions[i]!.required),
    health: value.health,
  };
}

/** The same request always gives the same fingerprint (for reusing its idempotency key). */
export function fingerprint(kind: string, checkinId: string, payload: unknown): string {
  return JSON.stringify([kind, checkinId, payload]);
}

/**
 * When an answer to `checkin` can no longer be changed: the next check-in that really opens,
 * as the backend says in `closesAt` (null: none is scheduled, so nothing closes it by time). A
 * backend that does not say gets the next prompt of the schedule while weekly check-ins are
 * asked, and none while they are not (a date computed then would name a prompt that never opens).
 */
export function editableUntil(checkin: Checkin, settings: Settings, contract: Contract): string | null {
  if (checkin.closesAt !== undefined) return checkin.closesAt;
  return standingOf(settings) === 'active' ? nextPromptOrNull(settings.schedule, checkin.dueAt, contract) : null;
}

/**
 * True once the week a check-in asks about has ended: it is late or missed, or its answer-by
 * time (`lateAt`) has passed on this clock. "Not working this week" is not offered then.
 */
export function weekEnded(checkin: Checkin, now: number): boolean {
  if (checkin.status === 'late' || checkin.status === 'missed') return true;
  const lateAt = checkin.lateAt ? Date.parse(checkin.lateAt) : Number.NaN;
  return !Number.isNaN(lateAt) && now >= lateAt;
}

const midnight = new Map<string, Intl.DateTimeFormat>();
const CLOCK_TIME = { hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' } as const;

/**
 * The instant to print for an answer-by time: an end of day at exactly local midnight reads as
 * the last minute of that day ("Fri 27 Nov, 23:59", not "Sat 28 Nov, 00:00").
 */
export function answerByInstant(lateAt: string, timeZone?: string): string {
  const at = Date.parse(lateAt);
  if (Number.isNaN(at)) return lateAt;
  const key = timeZone ?? '';
  let f = midnight.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { ...CLOCK_TIME, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en-US', CLOCK_TIME);
    }
    midnight.set(key, f);
  }
  const parts = f.formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const atMidnight = value('hour') === 0 && value('minute') === 0 && value('second') === 0 && at % 1000 === 0;
  return atMidnight ? new Date(at - 60_000).toISOString() : lateAt;
}

/** True while the answer to `checkin` may still be changed. */
export function isEditable(checkin: Checkin, settings: Settings, contract: Contract, now: number): boolean {
  const until = editableUntil(checkin, settings, contract);
  return until === null || now < Date.parse(until);
}

/**
 * The check-in the form is about when no `checkin-id` is given: the newest open or late one;
 * else the newest check-in when it is answered or skipped and still editable (before the next
 * prompt), or closed; else none.
 */
export function pickCheckin(
  items: readonly Checkin[],
  settings: Settings,
  contract: Contract,
  now: number,
): Checkin | null {
  const open = items.find((c) => c.status === 'open' || c.status === 'late');
  if (open) return open;
  const newest = items[0];
  if (
    newest &&
    (newest.status === 'answered' || newest.status === 'skipped') &&
    isEditable(newest, settings, contract, now)
  ) {
    return newest;
  }
  // The newest closed one: the talent is told who closed it and why, and a draft typed for it
  // can still be sent as a message.
  if (newest?.status === 'closed') return newest;
  return null;
}

/**
 * Last week's plan: the latest earlier answer to the question whose purpose is `next` ("What
 * will you work on next week?"), wherever the client put it, if any. Offered on the `done`
 * question only (see `copiesPlan`).
 */
export function lastWeeksPlan(
  items: readonly Checkin[],
  target: Checkin,
  questions: readonly Question[],
): string | null {
  const planQuestion = questionFor(questions, 'next');
  if (!planQuestion || !questionFor(questions, 'done')) return null;
  const start = items.indexOf(target);
  const older = start === -1 ? items.filter((c) => c.dueAt < target.dueAt) : items.slice(start + 1);
  for (const checkin of older) {
    if (!checkin.answers) continue;
    const text = checkin.answers.find((a) => a.questionId === planQuestion.id)?.text;
    if (!isBlank(text)) return text!.trim();
  }
  return null;
}

/**
 * Where weekly (scheduled) check-ins stand: `active` while they are on and agreed to (or no
 * agreement is needed); else why none will be asked. Requests for an update are answerable in
 * every standing: consent governs only the scheduled prompts.
 */
export type Standing = 'active' | 'off' | 'pending' | 'declined' | 'withdrawn';

export function standingOf(settings: Settings): Standing {
  if (!settings.enabled) return 'off';
  switch (settings.consent) {
    case 'pending':
    case 'declined':
    case 'withdrawn':
      return settings.consent;
    default:
      return 'active';
  }
}

/** True for the question last week's plan is copied into: the one whose purpose is `done`. */
export function copiesPlan(questions: readonly Question[], question: Question): boolean {
  return questionFor(questions, 'done') === question;
}

/**
 * The loaded check-ins with `checkin` in its place (newest first): replaced when loaded, added
 * when newer than the oldest loaded one; null for an older check-in the form never loaded (an
 * acknowledgement of an old week, say), which it has no use for.
 */
export function placeCheckin(items: readonly Checkin[], checkin: Checkin): Checkin[] | null {
  const at = items.findIndex((c) => c.id === checkin.id);
  if (at >= 0) return items.map((c, i) => (i === at ? checkin : c));
  const due = Date.parse(checkin.dueAt);
  const oldest = items[items.length - 1];
  if (oldest && due < Date.parse(oldest.dueAt)) return null;
  const next = items.slice();
  const before = next.findIndex((c) => Date.parse(c.dueAt) < due);
  next.splice(before === -1 ? next.length : before, 0, checkin);
  return next;
}

/** What the form has loaded, as far as a live event is judged against it. */
export interface Shown {
  checkins: Checkin[];
  settings: Settings;
  contract: Contract;
  target: Checkin | null;
}

/**
 * A live event about a check-in other than the one on screen: `reload` only when it changes
 * which check-in the form is about (a request opened, this week's prompt came); otherwise the
 * loaded list with it in place (`checkins`), at no request. With `fixed` (a `checkin-id`), no
 * other check-in ever changes the form.
 */
export function liveCheckin(
  shown: Shown,
  checkin: Checkin,
  now: number,
  fixed: boolean,
): { reload: boolean; checkins: Checkin[] } {
  const placed = placeCheckin(shown.checkins, checkin);
  if (!placed) return { reload: false, checkins: shown.checkins };
  if (fixed) return { reload: false, checkins: placed };
  const next = pickCheckin(placed, shown.settings, shown.contract, now);
  return { reload: (next?.id ?? null) !== (shown.target?.id ?? null), checkins: placed };
}

/**
 * True when new settings change what the form shows: the questions, whether weekly check-ins
 * are asked (on/off, consent, who turned them off and when) or the schedule (the next prompt,
 * the edit window). A new version with none of these changed (another field, a repeat) is not.
 */
export function shownSettingsChanged(before: Settings, after: Settings): boolean {
  const shown = (s: Settings) =>
    JSON.stringify([
      s.enabled,
      s.consent,
      s.questions,
      s.schedule,
      s.disabledAt ?? null,
      s.disabledBy?.id ?? null,
      s.disabledBy?.name ?? null,
    ]);
  return shown(before) !== shown(after);
}
