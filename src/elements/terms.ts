import type { Contract, Schedule, Viewer } from '../model.js';
import { nextPrompt } from '../schedule/index.js';

/** Where an element's "now" comes from (tests and demos pin it); the real clock by default. */
export type Clock = () => number | string | Date;

/** The clock's now in ms; the real clock when there is none or it gives no valid instant. */
export function readClock(clock?: Clock): number {
  const value = clock?.();
  const ms = value === undefined ? Date.now() : new Date(value).getTime();
  return Number.isNaN(ms) ? Date.now() : ms;
}

/** The locale and zone every date an element shows is written in. */
export interface Terms {
  locale?: string;
  timeZone: string;
}

/** The browser's zone (UTC where it names none, as on some servers). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The viewer's terms, resolved one way for every element: the viewer's own locale, else the
 * browser's; the viewer's own zone, else their party's on the contract, else the browser's.
 */
export function viewerTerms(viewer: Viewer | undefined, contract?: Contract): Terms {
  const party = viewer?.role === 'talent' ? contract?.talent : viewer?.role === 'client' ? contract?.client : undefined;
  return {
    locale: viewer?.locale || (typeof navigator === 'undefined' ? undefined : navigator.language),
    timeZone: viewer?.timeZone || party?.timeZone || browserZone(),
  };
}

/**
 * The next prompt after `from`, or null where there is none or the schedule cannot say (a zone
 * the browser does not know, from a host's data): the views then name no date.
 */
export function nextPromptOrNull(
  schedule: Schedule,
  from: number | string,
  contract?: Pick<Contract, 'startsAt' | 'endsAt'>,
): string | null {
  try {
    return nextPrompt(schedule, from, contract);
  } catch {
    return null;
  }
}
