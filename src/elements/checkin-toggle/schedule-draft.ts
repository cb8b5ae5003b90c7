import { msg, str } from '@lit/localize';
import { formatInstant, formatWallTime, weekdayNamesOf } from '../../format.js';
import type { Schedule, Weekday } from '../../model.js';
import { isValidTimeZone, localDateOf, zoneOffsetMinutes } from '../../schedule/index.js';

/**
 * What the schedule editor holds while the client types: raw field values (a half-typed zone
 * or an emptied time field must survive re-renders), turned into a `Schedule` only when valid.
 */
export interface ScheduleDraft {
  weekday: string;
  time: string;
  timeZone: string;
  skipDates: string[];
  /** 'YYYY-MM-DD' local to the schedule's zone, or '' for no pause. */
  pauseDate: string;
}

export type DraftField = 'weekday' | 'time' | 'timeZone' | 'skipDates' | 'pauseDate';
export type DraftErrors = Partial<Record<DraftField, string>>;

const DATE = /^\d{4}-\d\d-\d\d$/;

/** True for a real calendar date in 'YYYY-MM-DD' form (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/**
 * The time a person typed, as 'HH:MM', or null: "16:00", "16.00", "4:00 PM", "4 pm", "4:00p.m."
 * (the time field is plain text, so it shows times in the viewer's hour cycle, not the
 * browser's).
 */
export function parseWallTime(text: string): string | null {
  const match = /^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*(?:([ap])\.?\s*m?\.?)?\s*$/i.exec(text);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  const half = match[3]?.toLowerCase();
  if (minutes > 59) return null;
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'p' ? 12 : 0);
  } else if (match[2] === undefined || hours > 23) {
    // "4" alone is ambiguous without AM or PM.
    return null;
  }
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The editor's starting point: the saved schedule as field values, times in `locale`'s hour cycle. */
export function draftOf(schedule: Schedule, locale?: string): ScheduleDraft {
  let pauseDate = '';
  if (schedule.pausedUntil) {
    try {
      pauseDate = localDateOf(schedule.pausedUntil, schedule.timeZone);
    } catch {
      // A zone the backend accepted but this browser does not know: the field starts empty.
      pauseDate = '';
    }
  }
  return {
    weekday: String(schedule.weekday),
    time: formatWallTime(schedule.time, locale),
    timeZone: schedule.timeZone,
    skipDates: [...schedule.skipDates].sort(),
    pauseDate,
  };
}

/**
 * Inline messages for every bad field; an empty object when the draft can be saved. Examples
 * of times are written in `locale`'s hour cycle, as the rest of the view writes times.
 */
export function validateDraft(draft: ScheduleDraft, locale?: string): DraftErrors {
  const example = formatWallTime('09:00', locale);
  const errors: DraftErrors = {};
  const weekday = Number(draft.weekday);
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
    errors.weekday = msg('Choose a day of the week.');
  }
  if (!draft.time.trim()) {
    errors.time = msg(str`Enter a time, for example ${example}.`);
  } else if (!parseWallTime(draft.time)) {
    errors.time = msg(str`"${draft.time}" is not a time. Enter hours and minutes, for example ${example}.`);
  }
  const zone = draft.timeZone.trim();
  if (!zone) {
    errors.timeZone = msg('Enter a time zone, for example Europe/Berlin.');
  } else if (!isValidTimeZone(zone)) {
    errors.timeZone = msg(
      str`"${zone}" is not a time zone this browser knows. Pick one from the list, for example Europe/Berlin.`,
    );
  }
  const badSkip = draft.skipDates.find((date) => !isIsoDate(date));
  if (badSkip !== undefined) {
    errors.skipDates = msg(str`"${badSkip}" is not a date.`);
  }
  if (draft.pauseDate && !isIsoDate(draft.pauseDate)) {
    errors.pauseDate = msg(str`"${draft.pauseDate}" is not a date.`);
  }
  return errors;
}

/** Local midnight of `date` in `zone` as an ISO instant (the start of that day there). */
export function startOfLocalDay(date: string, zone: string): string {
  const wall = Date.parse(`${date}T00:00:00Z`);
  // Two rounds settle the offset when midnight is near a DST change.
  let instant = wall - zoneOffsetMinutes(wall, zone) * 60_000;
  instant = wall - zoneOffsetMinutes(instant, zone) * 60_000;
  return new Date(instant).toISOString();
}

/** The draft as a `Schedule`, or null while any field is invalid. */
export function scheduleOf(draft: ScheduleDraft): Schedule | null {
  if (Object.keys(validateDraft(draft)).length) return null;
  const timeZone = draft.timeZone.trim();
  return {
    weekday: Number(draft.weekday) as Weekday,
    time: parseWallTime(draft.time)!,
    timeZone,
    skipDates: [...new Set(draft.skipDates)].sort(),
    pausedUntil: draft.pauseDate ? startOfLocalDay(draft.pauseDate, timeZone) : null,
  };
}

/** True when the draft would change the saved schedule. */
export function draftDiffers(draft: ScheduleDraft, saved: Schedule): boolean {
  const base = draftOf(saved);
  return (
    draft.weekday !== base.weekday ||
    parseWallTime(draft.time) !== saved.time ||
    draft.timeZone.trim() !== base.timeZone ||
    draft.pauseDate !== base.pauseDate ||
    draft.skipDates.length !== base.skipDates.length ||
    draft.skipDates.some((date, i) => date !== base.skipDates[i])
  );
}

/** A 'YYYY-MM-DD' local date for people ("Dec 25, 2026"), read as a calendar date, not an instant. */
export function formatLocalDate(date: string, locale: string | undefined): string {
  if (!isIsoDate(date)) return date;
  // Noon UTC formatted in UTC is the same calendar date everywhere.
  return formatInstant(`${date}T12:00:00Z`, { locale, timeZone: 'UTC', style: 'date' });
}

/** ISO weekday (1 = Monday) of a plain 'YYYY-MM-DD' date: the same in every zone. */
export function weekdayOfDate(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/**
 * Why a date cannot be skipped, in the words the backend uses, or '' when it can: it must be
 * a check-in day (the draft's weekday) and not before `today` (the schedule zone's date).
 */
export function skipDateProblem(date: string, weekday: number, today: string, locale?: string): string {
  if (!isIsoDate(date)) return msg('Choose a date to skip first.');
  const shown = formatLocalDate(date, locale);
  if (today && date < today) return msg(str`${shown} is in the past: only a coming check-in can be skipped.`);
  if (weekday >= 1 && weekday <= 7 && weekdayOfDate(date) !== weekday) {
    const day = weekdayNamesOf(locale)[weekday - 1] ?? '';
    return msg(str`${shown} is not a check-in day: check-ins are asked on ${day}.`);
  }
  return '';
}

/** The schedule zone's date now, or '' when the zone is not one this browser knows. */
export function todayIn(timeZone: string, now: number): string {
  try {
    return localDateOf(now, timeZone.trim());
  } catch {
    return '';
  }
}
