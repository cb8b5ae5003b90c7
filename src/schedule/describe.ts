import type { Schedule } from '../model.js';
import { firstPrompt, parseSchedule } from './next-prompt.js';
import { formats, toMs, wallOf } from './zones.js';

/** kind 0: the weekday; 1: weekday and time; 2: weekday, time and the zone's short name. */
function formatFor(locale: string, timeZone: string, kind: 0 | 1 | 2): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'long',
      // Intl's own weekday-and-time pattern and hour cycle for the locale.
      ...(kind && {
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: kind > 1 ? 'short' : undefined,
      }),
    });
    formats.set(key, format);
  }
  return format;
}

const isoTime = (wall: number) => new Date(wall).toISOString().slice(11, 16);

/**
 * A sentence such as "Fridays at 09:00 (Thursdays at 23:00 your time)": the part in brackets
 * appears only when `options.timeZone` (the viewer's) shows the next prompt at another
 * weekday or time. English keeps the schedule's 24-hour "HH:MM"; other locales use Intl's
 * weekday-and-time pattern and name the viewer's zone instead of "your time". The viewer's
 * time is that of the first prompt at or after `options.now` (default: now), whose DST it follows.
 */
export function describeSchedule(
  schedule: Pick<Schedule, 'weekday' | 'time' | 'timeZone'>,
  options: { locale?: string; timeZone?: string; now?: string | Date | number } = {},
): string {
  const [weekday, time] = parseSchedule(schedule);
  const locale = options.locale || 'en-US';
  const english = /^en(-|$)/i.test(locale);
  // Wall values are formatted as UTC; English plurals ("Fridays") are not an Intl pattern.
  const phrase = (wall: number) =>
    english
      ? `${formatFor(locale, 'UTC', 0).format(wall)}s at ${isoTime(wall)}`
      : formatFor(locale, 'UTC', 1).format(wall);
  // 2024-01-01 was a Monday.
  let text = phrase(Date.UTC(2024, 0, weekday) + time);
  const viewer = options.timeZone;
  if (viewer != null) {
    // `now` is read (and checked) only here: without a viewer zone it changes nothing.
    const next = firstPrompt(schedule.timeZone, weekday, time, toMs(options.now ?? Date.now(), 'now'));
    let there;
    // wallOf also rejects an unknown viewer zone.
    if (next != null && (there = wallOf(next, viewer)) !== wallOf(next, schedule.timeZone)) {
      const local = english ? `${phrase(there)} your time` : formatFor(locale, viewer, 2).format(next);
      text += ` (${local})`;
    }
  }
  return text;
}
