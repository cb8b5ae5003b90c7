// Dates and times for people: cached Intl formatters per (locale, zone, style), because
// constructing a DateTimeFormat costs far more than formatting with one.
import type { Schedule } from './model.js';
import { describeSchedule } from './schedule/describe.js';

const cache = new Map<string, Intl.DateTimeFormat>();

export type DateStyle = 'datetime' | 'date' | 'weekday-time' | 'time' | 'long';

const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  'weekday-time': { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  time: { timeStyle: 'short' },
  // Zones as people read them ("Eastern Time", "Central European Time"), not "EST" or "GMT+4".
  long: {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'longGeneric',
  },
};

function formatter(style: DateStyle, locale?: string, timeZone?: string): Intl.DateTimeFormat {
  const key = `${style}|${locale ?? ''}|${timeZone ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    } catch {
      // A bad locale or zone from the host must not blank the element: fall back to defaults.
      f = new Intl.DateTimeFormat(undefined, STYLES[style]);
    }
    cache.set(key, f);
  }
  return f;
}

/** Formats an ISO instant for a viewer; an unparseable instant is shown as given. */
export function formatInstant(
  instant: string | number | Date,
  options: { locale?: string; timeZone?: string; style?: DateStyle } = {},
): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return formatter(options.style ?? 'datetime', options.locale, options.timeZone).format(date);
}

const relativeCache = new Map<string, Intl.RelativeTimeFormat>();

/** "in 3 hours", "2 days ago": the largest unit that fits. */
export function formatRelative(ms: number, locale?: string): string {
  let f = relativeCache.get(locale ?? '');
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeCache.set(locale ?? '', f);
  }
  const abs = Math.abs(ms);
  const sign = Math.sign(ms) || 1;
  if (abs < 3_600_000) return f.format(sign * Math.max(1, Math.round(abs / 60_000)), 'minute');
  if (abs < 86_400_000) return f.format(sign * Math.round(abs / 3_600_000), 'hour');
  return f.format(sign * Math.round(abs / 86_400_000), 'day');
}

/**
 * A schedule's wall-clock "HH:MM" in the viewer's locale and hour cycle ("09:30", "9:30 AM"),
 * the same way every view writes times. An unparseable value is shown as given.
 */
export function formatWallTime(hhmm: string, locale?: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return hhmm;
  // Any fixed day in UTC carries the wall time unchanged.
  const date = new Date(Date.UTC(2000, 0, 3, Number(match[1]), Number(match[2])));
  return formatter('time', locale, 'UTC').format(date);
}

/** True when the locale writes times on a 12-hour clock ("9:30 AM"). */
export function usesTwelveHours(locale?: string): boolean {
  return formatter('time', locale, 'UTC').resolvedOptions().hourCycle?.startsWith('h1') ?? false;
}

const zoneNames = new Map<string, string>();

/**
 * A time zone as people read it: "Central European Time (Berlin)", "Pacific Time (Los
 * Angeles)"; the IANA id's city alone when `Intl` has no generic name; "UTC" for UTC.
 */
export function zoneName(timeZone: string, locale?: string): string {
  const key = `${locale ?? ''}|${timeZone}`;
  let name = zoneNames.get(key);
  if (name) return name;
  const city = timeZone.includes('/') ? timeZone.slice(timeZone.lastIndexOf('/') + 1).replace(/_/g, ' ') : '';
  let generic: string;
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(
      new Date(Date.UTC(2026, 0, 15)),
    );
    generic = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    generic = '';
  }
  // "GMT+05:45"-style names say nothing a person recognises; the city does.
  const meaningful = generic && !/^(GMT|UTC)[+−-]/.test(generic);
  if (/^(Etc\/)?(UTC|GMT|Universal|Zulu)$/i.test(timeZone)) name = 'UTC';
  else if (meaningful && city && !generic.includes(city)) name = `${generic} (${city})`;
  else name = meaningful ? generic : city || timeZone;
  zoneNames.set(key, name);
  return name;
}

const weekdayNames = new Map<string, string[]>();

/** Monday-first weekday names in `locale` ("Monday" ... "Sunday"), cached per locale and width. */
export function weekdayNamesOf(locale: string | undefined, width: 'long' | 'short' = 'long'): string[] {
  const key = `${locale ?? ''}|${width}`;
  let names = weekdayNames.get(key);
  if (!names) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat(undefined, { weekday: width, timeZone: 'UTC' });
    }
    // 2024-01-01 was a Monday.
    names = Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2024, 0, 1 + i)));
    weekdayNames.set(key, names);
  }
  return names;
}

const english = (locale: string | undefined) => /^en(-|$)/i.test(locale || 'en-US');

/**
 * "Fridays at 4:00 PM" (en-US), "Fridays at 16:00" (en-GB), "Freitag, 16:00" (de): a weekday
 * and a wall time in the viewer's locale and hour cycle, the one time format of every view.
 */
export function weeklyAt(weekday: number, time: string, locale: string | undefined): string {
  if (!english(locale)) {
    try {
      // Intl's own weekday-and-time pattern (and hour cycle) for the locale.
      return describeSchedule({ weekday: weekday as Schedule['weekday'], time, timeZone: 'UTC' }, { locale });
    } catch {
      return time;
    }
  }
  // English plurals ("Fridays") are not an Intl pattern.
  const day = weekdayNamesOf(locale)[weekday - 1] ?? '';
  return `${day}s at ${formatWallTime(time, locale)}`;
}
