/**
 * Reference implementation of `nextPrompt` on Temporal (temporal-polyfill), written to be
 * obviously right rather than fast: the shipped helper is checked against it, never built on it.
 */
import { Temporal } from 'temporal-polyfill';
import type { Contract, Schedule } from '../src/model.js';

const instantOf = (value: string | Date | number) => Temporal.Instant.fromEpochMilliseconds(new Date(value).getTime());

/** Oracle for `nextPrompt(schedule, after, contract?)`; skip dates and pause are optional. */
export function oracleNextPrompt(
  schedule: Pick<Schedule, 'weekday' | 'time' | 'timeZone'> & Partial<Schedule>,
  after: string | Date | number,
  contract?: Pick<Contract, 'startsAt' | 'endsAt'> | null,
): string | null {
  const { weekday, time, timeZone, skipDates = [], pausedUntil = null } = schedule;
  const plainTime = Temporal.PlainTime.from(time);
  const strictlyAfter = instantOf(after);
  // Prompts at pausedUntil or at startsAt are allowed, so they are lower bounds inclusive.
  const atOrAfter = [pausedUntil, contract?.startsAt].filter((v) => v != null).map(instantOf);
  const end = contract?.endsAt == null ? null : instantOf(contract.endsAt);
  const earliest = [strictlyAfter, ...atOrAfter].sort(Temporal.Instant.compare).at(-1)!;
  // A week before the local date of the latest bound is safely early; walk forward weekly.
  let date = earliest.toZonedDateTimeISO(timeZone).toPlainDate().subtract({ days: 7 });
  date = date.add({ days: (weekday - date.dayOfWeek + 7) % 7 });
  for (let week = 0; week < 1000; week++, date = date.add({ weeks: 1 })) {
    // DESIGN: a local date the zone never had (Pacific/Apia, 2011-12-30) is not prompted.
    // Temporal alone would move such a prompt 24 h forward onto the next date.
    if (!date.toZonedDateTime(timeZone).toPlainDate().equals(date)) continue;
    const prompt = date.toZonedDateTime({ timeZone, plainTime }).toInstant(); // 'compatible'
    if (Temporal.Instant.compare(prompt, strictlyAfter) <= 0) continue;
    if (atOrAfter.some((bound) => Temporal.Instant.compare(prompt, bound) < 0)) continue;
    if (end && Temporal.Instant.compare(prompt, end) > 0) return null;
    // A skip date names the scheduled date, even when a DST gap moves the prompt past midnight.
    if (skipDates.includes(date.toString())) continue;
    return new Date(prompt.epochMilliseconds).toISOString();
  }
  return null;
}
