import { msg, str } from '@lit/localize';
import { formatInstant, formatWallTime, weeklyAt, zoneName } from '../../format.js';
import type { Activity, Checkin, Party, Schedule } from '../../model.js';
import { localDateOf } from '../../schedule/index.js';
import { nextPromptOrNull } from '../terms.js';
import { shortText } from '../shared.js';

// The words of the paper trail: one line per change of the settings, in the actor's name
// (second person for the viewer's own), and the note on a check-in that a change closed. Shared
// by the thread and its exports, so that the page and the file say the same thing.

/** Who reads the words: `viewerId` makes their own changes "You …"; omit it for a neutral text (exports). */
export interface ActivityTerms {
  viewerId?: string | null;
  locale?: string;
  /** The reader's zone: times of a schedule in another zone are also given in this one. */
  timeZone: string;
}

type Slot = Pick<Schedule, 'weekday' | 'time' | 'timeZone'>;

/**
 * The schedule as the reader reads it: "Tuesdays at 09:30 Central European Time (Berlin), your
 * time 15:30" (or "your time Mondays at 23:30" when the day differs too); only the first part
 * when the reader's clock shows the same day and time. The reader's side is that of the first
 * prompt after the change, whose DST it follows.
 */
export function slotWords(slot: Slot, terms: ActivityTerms, after: string | number): string {
  const { locale } = terms;
  const plain = weeklyAt(slot.weekday, slot.time, locale);
  const zone = zoneName(slot.timeZone, locale);
  const next = nextPromptOrNull({ ...slot, skipDates: [], pausedUntil: null }, after);
  if (!next) return msg(str`${plain} ${zone}`);
  const date = localDateOf(next, terms.timeZone);
  const day = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  const wall = formatInstant(next, { locale: 'en-GB', timeZone: terms.timeZone, style: 'time' });
  const hhmm = /^\d\d:\d\d$/.test(wall) ? wall : slot.time;
  if (day === slot.weekday && hhmm === slot.time) return msg(str`${plain} ${zone}`);
  const yours = day === slot.weekday ? formatWallTime(hhmm, locale) : weeklyAt(day, hhmm, locale);
  return msg(str`${plain} ${zone}, your time ${yours}`);
}

/** "Dec 25, 2026": a schedule's local date ("YYYY-MM-DD") as a date in the reader's locale. */
function plainDate(date: string, locale: string | undefined): string {
  return /^\d{4}-\d\d-\d\d$/.test(date)
    ? formatInstant(`${date}T12:00:00.000Z`, { locale, timeZone: 'UTC', style: 'date' })
    : date;
}

const SHOWN_DATES = 5;

/** "A, B and C" in the reader's locale; past five items, "…, E and 3 more". */
function list(items: string[], locale: string | undefined): string {
  const shown = items.length > SHOWN_DATES ? items.slice(0, SHOWN_DATES) : items;
  if (items.length > SHOWN_DATES) shown.push(msg(str`${items.length - SHOWN_DATES} more`));
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(shown);
  } catch {
    return shown.join(', ');
  }
}

const quoted = (prompt: string) => `“${shortText(prompt)}”`;

function isYou(party: Party | null | undefined, terms: ActivityTerms): boolean {
  return !!party && !!terms.viewerId && party.id === terms.viewerId;
}

type Change<T extends Activity['change']['type']> = Extract<Activity['change'], { type: T }>;

/** Who did it, for each sentence: "You" when `you`, else the actor's `name`. */
interface Actor {
  you: boolean;
  name: string;
}

function scheduleText(change: Change<'schedule'>, terms: ActivityTerms, at: string, { you, name }: Actor): string {
  const { locale } = terms;
  const to = slotWords(change.to, terms, at);
  const before = weeklyAt(change.from.weekday, change.from.time, locale);
  if (change.from.weekday !== change.to.weekday) {
    return you
      ? msg(str`You changed the check-in day to ${to}. Before: ${before}.`)
      : msg(str`${name} changed the check-in day to ${to}. Before: ${before}.`);
  }
  if (change.from.time !== change.to.time) {
    return you
      ? msg(str`You changed the check-in time to ${to}. Before: ${before}.`)
      : msg(str`${name} changed the check-in time to ${to}. Before: ${before}.`);
  }
  const zoneBefore = zoneName(change.from.timeZone, locale);
  return you
    ? msg(str`You changed the check-in time zone: now ${to}. Before: ${zoneBefore}.`)
    : msg(str`${name} changed the check-in time zone: now ${to}. Before: ${zoneBefore}.`);
}

function pauseText(change: Change<'pause'>, terms: ActivityTerms, { you, name }: Actor): string {
  if (!change.pausedUntil) {
    return you ? msg('You resumed weekly check-ins.') : msg(str`${name} resumed weekly check-ins.`);
  }
  const until = formatInstant(change.pausedUntil, { locale: terms.locale, timeZone: terms.timeZone, style: 'date' });
  return you
    ? msg(str`You paused weekly check-ins until ${until}.`)
    : msg(str`${name} paused weekly check-ins until ${until}.`);
}

function skipDatesText(change: Change<'skip-dates'>, locale: string | undefined, { you, name }: Actor): string {
  const added = list(
    change.added.map((d) => plainDate(d, locale)),
    locale,
  );
  const removed = list(
    change.removed.map((d) => plainDate(d, locale)),
    locale,
  );
  if (change.added.length && change.removed.length) {
    return you
      ? msg(str`You cancelled the check-ins of ${added} and brought back those of ${removed}.`)
      : msg(str`${name} cancelled the check-ins of ${added} and brought back those of ${removed}.`);
  }
  if (change.removed.length) {
    return you
      ? msg(str`You brought back the check-ins of ${removed}.`)
      : msg(str`${name} brought back the check-ins of ${removed}.`);
  }
  return you
    ? msg(str`You cancelled the check-ins of ${added}.`)
    : msg(str`${name} cancelled the check-ins of ${added}.`);
}

function questionsText(change: Change<'questions'>, locale: string | undefined, { you, name }: Actor): string {
  const added = change.prompts.filter((p) => !change.previous.includes(p));
  const removed = change.previous.filter((p) => !change.prompts.includes(p));
  if (!added.length && !removed.length) {
    const reordered = change.prompts.some((p, i) => change.previous[i] !== p);
    if (reordered) {
      return you ? msg('You reordered the questions.') : msg(str`${name} reordered the questions.`);
    }
    return you
      ? msg('You changed how the questions are answered (required, length or quick answers).')
      : msg(str`${name} changed how the questions are answered (required, length or quick answers).`);
  }
  const parts: string[] = [];
  if (added.length) parts.push(msg(str`added ${list(added.map(quoted), locale)}`));
  if (removed.length) parts.push(msg(str`removed ${list(removed.map(quoted), locale)}`));
  const what = parts.join('; ');
  return you ? msg(str`You changed the questions: ${what}.`) : msg(str`${name} changed the questions: ${what}.`);
}

function consentText(change: Change<'consent'>, { you, name }: Actor): string {
  switch (change.consent) {
    case 'given':
      return you ? msg('You agreed to weekly check-ins.') : msg(str`${name} agreed to weekly check-ins.`);
    case 'declined':
      return you ? msg('You declined weekly check-ins.') : msg(str`${name} declined weekly check-ins.`);
    case 'withdrawn':
      return you
        ? msg('You withdrew your consent to weekly check-ins.')
        : msg(str`${name} withdrew consent to weekly check-ins.`);
  }
}

/** The change in words, as a sentence in its actor's name ("You …" for the reader's own). */
export function activityText(activity: Activity, terms: ActivityTerms, name = shortText(activity.actor.name)): string {
  const actor: Actor = { you: isYou(activity.actor, terms), name };
  const { you } = actor;
  const change = activity.change;
  switch (change.type) {
    case 'enabled':
      return you ? msg('You turned weekly check-ins on.') : msg(str`${name} turned weekly check-ins on.`);
    case 'disabled':
      return you ? msg('You turned weekly check-ins off.') : msg(str`${name} turned weekly check-ins off.`);
    case 'schedule':
      return scheduleText(change, terms, activity.at, actor);
    case 'pause':
      return pauseText(change, terms, actor);
    case 'skip-dates':
      return skipDatesText(change, terms.locale, actor);
    case 'questions':
      return questionsText(change, terms.locale, actor);
    case 'consent':
      return consentText(change, actor);
  }
}

/**
 * Why a closed check-in closed, or null when it is not closed: "Closed: Dana Whitfield turned
 * weekly check-ins off on Dec 2, 2026." ("you" for the reader's own act).
 */
export function closedText(checkin: Checkin, terms: ActivityTerms, full = false): string | null {
  if (checkin.status !== 'closed') return null;
  const by = checkin.closedBy ?? null;
  const you = isYou(by, terms);
  const name = by ? (full ? by.name : shortText(by.name)) : '';
  const on = checkin.closedAt
    ? formatInstant(checkin.closedAt, { locale: terms.locale, timeZone: terms.timeZone, style: 'date' })
    : null;
  switch (checkin.closedReason) {
    case 'turned-off':
      if (!by)
        return on
          ? msg(str`Closed: weekly check-ins were turned off on ${on}.`)
          : msg('Closed: weekly check-ins were turned off.');
      if (you)
        return on
          ? msg(str`Closed: you turned weekly check-ins off on ${on}.`)
          : msg('Closed: you turned weekly check-ins off.');
      return on
        ? msg(str`Closed: ${name} turned weekly check-ins off on ${on}.`)
        : msg(str`Closed: ${name} turned weekly check-ins off.`);
    case 'declined':
      if (!by)
        return on
          ? msg(str`Closed: weekly check-ins were declined on ${on}.`)
          : msg('Closed: weekly check-ins were declined.');
      if (you)
        return on
          ? msg(str`Closed: you declined weekly check-ins on ${on}.`)
          : msg('Closed: you declined weekly check-ins.');
      return on
        ? msg(str`Closed: ${name} declined weekly check-ins on ${on}.`)
        : msg(str`Closed: ${name} declined weekly check-ins.`);
    case 'withdrawn':
      if (!by)
        return on
          ? msg(str`Closed: consent to weekly check-ins was withdrawn on ${on}.`)
          : msg('Closed: consent to weekly check-ins was withdrawn.');
      if (you)
        return on
          ? msg(str`Closed: you withdrew your consent to weekly check-ins on ${on}.`)
          : msg('Closed: you withdrew your consent to weekly check-ins.');
      return on
        ? msg(str`Closed: ${name} withdrew consent to weekly check-ins on ${on}.`)
        : msg(str`Closed: ${name} withdrew consent to weekly check-ins.`);
    default:
      return on ? msg(str`Closed on ${on}.`) : msg('Closed.');
  }
}
