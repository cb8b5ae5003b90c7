/**
 * The check-in rules of the memory backend, pure: when a check-in counts as late, until when
 * it can be answered or edited, and its status at an instant. Documented in docs/design.md
 * ("Due, late and missed").
 */
import type { Checkin, CheckinStatus, Contract, Settings } from '../model.js';
import { nextPrompt } from '../schedule/index.js';
import { DAY, dayOf, resolveWall, wallOf } from '../schedule/zones.js';
import { isActive, iso, ms } from './memory-data.js';

/** What the clock decides about one check-in. */
export interface Derived {
  status: CheckinStatus;
  lateAt: string;
  closesAt: string | null;
}

/** The instant the local day `days` after the one of `instant` ends in `zone`. */
export function endOfLocalDay(instant: number, zone: string, days = 0): number {
  const midnight = (dayOf(wallOf(instant, zone)) + 1 + days) * DAY;
  return resolveWall(midnight, zone)[0];
}

/**
 * Status, grace and edit window of every check-in of a contract (`list` newest first) at
 * `now`. A check-in closes (`closesAt`) when the next scheduled check-in opens: a later one
 * that exists, else the next prompt of the current schedule while prompts are due, else never
 * (null). It is late from the end of the talent's day it was asked on (a request: the day
 * after, since a request comes at any hour), at the latest when it closes. Answered, skipped
 * and closed stick; otherwise missed once it has closed, late after `lateAt`, else open.
 */
export function deriveCheckins(
  list: readonly Checkin[],
  contract: Contract,
  settings: Settings | undefined,
  now: number,
): Map<string, Derived> {
  const zone = contract.talent.timeZone;
  const result = new Map<string, Derived>();
  const coming = settings && isActive(settings) ? nextPrompt(settings.schedule, now, contract) : null;
  let laterScheduled: string | null = null;
  for (const checkin of list) {
    const due = ms(checkin.dueAt);
    const closesAt = laterScheduled ?? coming;
    const endOfDay = endOfLocalDay(due, zone, checkin.kind === 'requested' ? 1 : 0);
    const lateAt = iso(closesAt ? Math.min(endOfDay, ms(closesAt)) : endOfDay);
    let status: CheckinStatus;
    if (checkin.answers !== null) status = 'answered';
    else if (checkin.status === 'skipped' || checkin.status === 'closed') status = checkin.status;
    else if (laterScheduled) status = 'missed';
    else status = now >= ms(lateAt) ? 'late' : 'open';
    result.set(checkin.id, { status, lateAt, closesAt });
    if (checkin.kind === 'scheduled') laterScheduled = checkin.dueAt;
  }
  return result;
}
