import type { Contract, Schedule } from '../model.js';
import { DAY, assertTimeZone, dayOf, invalid, isoDate, isoWeekday, resolveWall, toMs, wallOf } from './zones.js';

type Bounds = Pick<Contract, 'startsAt' | 'endsAt'> | null;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** [weekday, ms after local midnight] of a schedule; `RangeError` on a bad zone, weekday, time. */
export function parseSchedule({
  weekday,
  time,
  timeZone,
}: Pick<Schedule, 'weekday' | 'time' | 'timeZone'>): [number, number] {
  assertTimeZone(timeZone);
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw invalid('weekday', weekday);
  const hhmm = typeof time == 'string' && TIME.exec(time);
  if (!hhmm) throw invalid('time', time);
  return [weekday, (+hhmm[1] * 60 + +hhmm[2]) * 6e4];
}

/**
 * The first prompt at or after `from` and at or before `until` (ms), or null.
 * `skip` holds local dates; a local date the zone never had (a date-line jump) is not prompted.
 */
export function firstPrompt(
  zone: string,
  weekday: number,
  time: number,
  from: number,
  until = Infinity,
  skip?: ReadonlySet<string>,
): number | null {
  // Start a day early: a DST gap can push a late-evening prompt past midnight into `from`'s day.
  let day = dayOf(wallOf(from, zone)) - 1;
  day += (weekday - isoWeekday(day) + 7) % 7;
  // Laps pass only skipped or vanished dates and at most two early candidates; twenty years of
  // consecutive skipped weeks may as well be never.
  for (let lap = 0; lap < 1e3; lap++, day += 7) {
    const [at, shown] = resolveWall(day * DAY + time, zone);
    if (at > until) return null;
    if (
      at < from ||
      skip?.has(isoDate(day * DAY)) ||
      // Shown on a later date: either a gap over midnight or a date the zone skipped entirely.
      (dayOf(shown) !== day && dayOf(resolveWall(day * DAY, zone)[1]) !== day)
    ) {
      continue;
    }
    return at;
  }
  return null;
}

/**
 * The first prompt instant (ISO UTC) strictly after `after`, honouring skip dates, the pause
 * (prompts at or after `pausedUntil` are allowed) and the contract's start and end (prompts
 * exactly at either are allowed); null when the contract ends first.
 */
export function nextPrompt(schedule: Schedule, after: string | Date | number, contract?: Bounds): string | null {
  return upcomingPrompts(schedule, after, 1, contract)[0] ?? null;
}

/** The next `count` prompt instants (ISO UTC) after `after`; fewer when the contract ends. */
export function upcomingPrompts(
  schedule: Schedule,
  after: string | Date | number,
  count: number,
  contract?: Bounds,
): string[] {
  let at: number | null = toMs(after, 'after');
  if (!Number.isInteger(count) || count < 0) throw invalid('count', count);
  const zone = schedule.timeZone;
  const [weekday, time] = parseSchedule(schedule);
  const skip = schedule.skipDates?.length ? new Set(schedule.skipDates) : undefined;
  const floor = Math.max(
    schedule.pausedUntil == null ? -Infinity : toMs(schedule.pausedUntil, 'pausedUntil'),
    contract ? toMs(contract.startsAt, 'startsAt') : -Infinity,
  );
  const until = contract?.endsAt == null ? Infinity : toMs(contract.endsAt, 'endsAt');
  const out: string[] = [];
  // Strictly after the previous one: instants are whole milliseconds.
  while (out.length < count && (at = firstPrompt(zone, weekday, time, Math.max(at + 1, floor), until, skip)) != null) {
    out.push(new Date(at).toISOString());
  }
  return out;
}

/** The value as a `Schedule`, or a `RangeError` naming the first bad field. */
export function validateSchedule(schedule: unknown): Schedule {
  if (!schedule || typeof schedule != 'object') throw invalid('schedule', schedule);
  const { weekday, time, timeZone, skipDates = [], pausedUntil = null } = schedule as Schedule;
  parseSchedule(schedule as Schedule);
  if (!Array.isArray(skipDates)) throw invalid('skipDates', skipDates);
  for (const date of skipDates) {
    // The round trip rejects other formats and 2025-02-30, which Date.parse reads as March 2nd.
    if (isoDate(Date.parse(date) || 0) !== date) {
      throw invalid('skipDates', date);
    }
  }
  if (pausedUntil !== null) {
    if (typeof pausedUntil != 'string') throw invalid('pausedUntil', pausedUntil);
    toMs(pausedUntil, 'pausedUntil');
  }
  return { weekday, time, timeZone, skipDates, pausedUntil };
}
