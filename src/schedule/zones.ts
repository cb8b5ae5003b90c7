/**
 * Time-zone arithmetic on `Intl` only. A "wall" value is a local date-time read as if it were
 * UTC milliseconds, so local dates are day numbers (`dayOf`) and weekdays are plain modulo.
 */

export const DAY = 864e5;

// An instant string must carry its offset: Date.parse reads a zone-less one in the machine's zone.
const INSTANT = /(Z|[+-]\d\d:?\d\d)$/;

/** Every cached formatter, keyed by zone here and by `locale|zone|kind` in describe.ts. */
export const formats = new Map<string, Intl.DateTimeFormat>();
let zoneList: string[] | undefined;

/** A `RangeError` that names the field and the value it got. */
export const invalid = (what: string, value: unknown): RangeError =>
  new RangeError(`Invalid ${what}: ${typeof value == 'string' ? `"${value}"` : String(value)}`);

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    try {
      // en-US output is stable ("5/16/2025 AD, 09:00:00"); h23 avoids the "24:00" of hour12: false.
      format = new Intl.DateTimeFormat('en-US', {
        // As a string: `timeZone: undefined` would silently mean the machine's zone.
        timeZone: `${zone}`,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw invalid('time zone', zone);
    }
    formats.set(zone, format);
  }
  return format;
}

/** True when `Intl` knows the IANA zone. */
export function isValidTimeZone(zone: string): boolean {
  try {
    return !!formatFor(zone);
  } catch {
    return false;
  }
}

/** Throws a `RangeError` naming `zone` unless `Intl` knows it. */
export function assertTimeZone(zone: string): void {
  formatFor(zone);
}

/** Milliseconds of an instant; a `RangeError` naming `what` for anything that is not one. */
export function toMs(value: string | Date | number, what = 'instant'): number {
  const ms = new Date(typeof value == 'string' ? (INSTANT.test(value) ? value : NaN) : value).getTime();
  if (ms !== ms) throw invalid(what, value);
  return ms;
}

/** The wall clock of instant `ms` in `zone`, at whole seconds like the zone data itself. */
export function wallOf(ms: number, zone: string): number {
  // "5/16/2025 AD, 09:00:00": splitting format() is about twice as fast as formatToParts().
  const text = formatFor(zone).format(ms);
  const [month, day, y, hour, minute, second] = text.split(/\D+/);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  return (
    new Date(0).setUTCFullYear(text.includes('B') ? 1 - +y : +y, +month - 1, +day) +
    ((+hour * 60 + +minute) * 60 + +second) * 1e3
  );
}

function offsetAt(ms: number, zone: string): number {
  return wallOf(ms, zone) - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant of wall time `wall` in `zone` with Temporal's 'compatible' disambiguation,
 * and the wall time that instant really shows (later than `wall` inside a DST gap).
 */
export function resolveWall(wall: number, zone: string): [instant: number, shown: number] {
  // The offset a day before is the one in force before any transition near `wall`.
  const before = offsetAt(wall - DAY, zone);
  const early = wall - before;
  const offset = offsetAt(early, zone);
  if (offset === before) return [early, wall]; // also the earlier of two in an overlap
  const late = wall - offset;
  if (offsetAt(late, zone) === offset) return [late, wall];
  // A gap: keeping the offset from before it moves the wall clock forward by the gap.
  return [early, early + offset];
}

/** The local day number (days since 1970-01-01) of a wall value. */
export const dayOf = (wall: number): number => Math.floor(wall / DAY);

/** 'YYYY-MM-DD' of a wall value (or of a day number times DAY). */
export const isoDate = (wall: number): string => new Date(wall).toISOString().slice(0, 10);

/** ISO weekday (1 = Monday) of a day number counted from 1970-01-01, a Thursday. */
export const isoWeekday = (day: number): number => (((day % 7) + 10) % 7) + 1;

/** The local date ('YYYY-MM-DD') of an instant in `timeZone`. */
export function localDateOf(instant: string | Date | number, timeZone: string): string {
  return isoDate(wallOf(toMs(instant), timeZone));
}

/** Minutes the zone's wall clock is ahead of UTC at the instant (negative west of Greenwich). */
export function zoneOffsetMinutes(instant: string | Date | number, timeZone: string): number {
  return offsetAt(toMs(instant), timeZone) / 6e4;
}

/** Every zone `Intl` supports, plus 'UTC' (which Chromium leaves out), sorted; computed once. */
export function timeZones(): string[] {
  zoneList ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();
  return zoneList.slice();
}
