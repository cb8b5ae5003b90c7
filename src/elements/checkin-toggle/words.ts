import { msg, str } from '@lit/localize';
import { formatInstant, weeklyAt, zoneName } from '../../format.js';
import type { Contract, Party, Schedule, Settings } from '../../model.js';
import { localDateOf, nextPrompt, upcomingPrompts } from '../../schedule/index.js';
import { shortText } from '../shared.js';
import type { Terms } from '../terms.js';

/** The viewer's terms for a schedule: locale and zone to say it in, and the clock's now. */
export interface ViewerTerms extends Terms {
  now: number;
}

/**
 * A schedule in the viewer's words: "Fridays at 16:00 your time" when the viewer's clock shows
 * the prompt at that weekday and time, else "Fridays at 4:00 PM Central European Time (Berlin),
 * Fridays at 10:00 AM your time". The viewer's side follows the next prompt's DST. A schedule
 * the browser cannot read is said as stored.
 */
export function scheduleWords(schedule: Pick<Schedule, 'weekday' | 'time' | 'timeZone'>, terms: ViewerTerms): string {
  const { locale } = terms;
  const plain = weeklyAt(schedule.weekday, schedule.time, locale);
  let yours = '';
  try {
    const next = nextPrompt({ ...schedule, skipDates: [], pausedUntil: null }, terms.now);
    if (next) yours = viewerWeekly(next, terms);
  } catch {
    return msg(str`${plain} ${zoneName(schedule.timeZone, locale)}`);
  }
  if (!yours || yours === plain) return msg(str`${plain} your time`);
  return msg(str`${plain} ${zoneName(schedule.timeZone, locale)}, ${yours} your time`);
}

/** The weekday and time of `instant` on the viewer's clock, as `weeklyAt` says them. */
function viewerWeekly(instant: string, terms: ViewerTerms): string {
  const date = localDateOf(instant, terms.timeZone);
  const day = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  const wall = formatInstant(instant, { locale: 'en-GB', timeZone: terms.timeZone, style: 'time' });
  return weeklyAt(day, /^\d\d:\d\d$/.test(wall) ? wall : '00:00', terms.locale);
}

/** "Fri, Dec 4, 4:00 PM": one instant in the viewer's locale, in `timeZone`. */
export function when(instant: string, locale: string | undefined, timeZone: string): string {
  return formatInstant(instant, { locale, timeZone, style: 'weekday-time' });
}

/** "Dec 2, 2026" / "2 Dec 2026": the date style of every view. */
export function onDate(instant: string, locale: string | undefined, timeZone: string): string {
  return formatInstant(instant, { locale, timeZone, style: 'date' });
}

/** A party's name as shown in sentences: shortened past the display limit. */
export const nameOf = (party: Party): string => shortText(party.name);

/** The first word of a party's name ("Kofi"), shortened like any display text. */
export function firstName(party: Party): string {
  return shortText(party.name.trim().split(/\s+/)[0] || party.name);
}

/** The next `count` check-ins of `schedule` from `now`, none when the schedule can't be read. */
export function upcoming(schedule: Schedule, contract: Contract, now: number, count: number): string[] {
  try {
    return upcomingPrompts(schedule, now, count, contract);
  } catch {
    return [];
  }
}

/**
 * "Fri, Dec 4, 4:00 PM Kofi's time (Central European Time (Berlin)) — Fri, Dec 4, 10:00 AM your
 * time": one check-in in the talent's time and the viewer's (an `observer`: the client's).
 */
export function pairText(instant: string, contract: Contract, terms: Terms, observer: boolean): string {
  const { locale } = terms;
  const talent = contract.talent;
  const theirs = when(instant, locale, talent.timeZone);
  const zone = zoneName(talent.timeZone, locale);
  if (observer) {
    const client = contract.client;
    if (client.timeZone === talent.timeZone) return msg(str`${theirs}, ${zone}`);
    const clients = when(instant, locale, client.timeZone);
    return msg(
      str`${theirs} ${firstName(talent)}'s time (${zone}) — ${clients} ${firstName(client)}'s time (${zoneName(client.timeZone, locale)})`,
    );
  }
  const yours = when(instant, locale, terms.timeZone);
  if (yours === theirs) return msg(str`${theirs}, your time and ${firstName(talent)}'s`);
  return msg(str`${theirs} ${firstName(talent)}'s time (${zone}) — ${yours} your time`);
}

/** "You turned weekly check-ins off on 2 Dec 2026." (or who did), '' when nobody is known to. */
export function turnedOffText(settings: Settings, viewerId: string | undefined, terms: Terms): string {
  const by = settings.disabledBy;
  if (!by || !settings.disabledAt) return '';
  const date = onDate(settings.disabledAt, terms.locale, terms.timeZone);
  return by.id === viewerId
    ? msg(str`You turned weekly check-ins off on ${date}.`)
    : msg(str`${nameOf(by)} turned weekly check-ins off on ${date}.`);
}

/** "Dana Whitfield turned weekly check-ins off on 2 Dec 2026.", or that they are off. */
export function offText(settings: Settings, viewerId: string | undefined, terms: Terms): string {
  return turnedOffText(settings, viewerId, terms) || msg('Weekly check-ins are off for this contract.');
}
