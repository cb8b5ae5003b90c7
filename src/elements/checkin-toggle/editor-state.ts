import { msg, str } from '@lit/localize';
import type { Schedule, Settings } from '../../model.js';
import {
  draftOf,
  formatLocalDate,
  skipDateProblem,
  validateDraft,
  type DraftErrors,
  type DraftField,
  type ScheduleDraft,
} from './schedule-draft.js';

export const FIELD_ORDER: readonly DraftField[] = ['weekday', 'time', 'timeZone', 'skipDates', 'pauseDate'];

/** The element id of each field of the schedule editor. */
export const FIELD_ID: Record<DraftField, string> = {
  weekday: 'weekday',
  time: 'time',
  timeZone: 'zone',
  skipDates: 'skip-date',
  pauseDate: 'pause',
};

/**
 * The notice over the client's schedule edits after a save of them met someone else's change:
 * none, or the edits kept, with the settings they were started from (`base`), whether the
 * refused write was turning check-ins on, and the other version once fetched (`theirs`).
 */
export type EditNotice = { kind: 'none' } | { kind: 'kept'; base: Settings; enabling: boolean; theirs?: Settings };

/**
 * The client's schedule edits, apart from the settings they were started from, so typing is
 * never overwritten: the draft follows confirmed settings until the client edits it, and a save
 * expects the version it was started from.
 */
export interface ScheduleEdits {
  /** The editor's field values (none before the settings load). */
  draft?: ScheduleDraft;
  /** True once the client edited the draft (a live update then leaves the draft alone). */
  dirty: boolean;
  /** The settings version the draft was started from: saving it expects that version. */
  version: number;
  /** The settings the draft was started from (a conflict says what changed since). */
  base?: Settings;
  touched: ReadonlySet<DraftField>;
  /** Every field's message, not only the touched ones' (after a save attempt). */
  showAll: boolean;
  /** The date typed in the skip-date field, not added yet. */
  skipInput: string;
  /** Why that date (or a skip date sent) can't be skipped. */
  skipError: string;
  notice: EditNotice;
}

export const NO_EDITS: ScheduleEdits = {
  dirty: false,
  version: 0,
  touched: new Set(),
  showAll: false,
  skipInput: '',
  skipError: '',
  notice: { kind: 'none' },
};

/** Confirmed settings arrived: the draft follows them unless the client is editing it (or `reset`). */
export function follow(edits: ScheduleEdits, next: Settings, locale: string | undefined, reset = false): ScheduleEdits {
  if (edits.draft && edits.dirty && !reset) return edits;
  return {
    ...edits,
    draft: draftOf(next.schedule, locale),
    version: next.version,
    base: next,
    dirty: false,
    touched: new Set(),
    showAll: false,
  };
}

/**
 * The element's own switch or consent write came right after the draft's version: the unsaved
 * edits are now made against the saved version (not a false "changed by someone else").
 */
export function followOwn(edits: ScheduleEdits, expectedVersion: number, saved: Settings): ScheduleEdits {
  const onlyThis = edits.version === expectedVersion && saved.version === expectedVersion + 1;
  return edits.dirty && onlyThis ? { ...edits, version: saved.version, base: saved } : edits;
}

/** One field changed. */
export function edit(edits: ScheduleEdits, patch: Partial<ScheduleDraft>, field: DraftField): ScheduleEdits {
  if (!edits.draft) return edits;
  return { ...edits, draft: { ...edits.draft, ...patch }, dirty: true, touched: new Set(edits.touched).add(field) };
}

/** A save was tried with bad fields: every message shows. */
export function showAll(edits: ScheduleEdits): ScheduleEdits {
  return { ...edits, showAll: true };
}

/** The skip-date field changed: its message goes. */
export function typeSkip(edits: ScheduleEdits, skipInput: string): ScheduleEdits {
  return { ...edits, skipInput, skipError: '' };
}

/** A skip date refused, here or by the backend: said at the skip-date field. */
export function refuseSkip(edits: ScheduleEdits, skipError: string): ScheduleEdits {
  return { ...edits, skipError };
}

/**
 * "Add date": the typed date, checked as the backend checks it (what was typed stays when it is
 * refused), joins the skipped dates. `today` is the schedule zone's date.
 */
export function addSkip(edits: ScheduleEdits, today: string, locale: string | undefined): ScheduleEdits {
  const { draft, skipInput: date } = edits;
  if (!draft) return edits;
  const problem = skipDateProblem(date, Number(draft.weekday), today, locale);
  if (problem) return refuseSkip(edits, problem);
  if (draft.skipDates.includes(date)) {
    return refuseSkip(edits, msg(str`${formatLocalDate(date, locale)} is already skipped.`));
  }
  return edit(
    { ...edits, skipInput: '', skipError: '' },
    { skipDates: [...draft.skipDates, date].sort() },
    'skipDates',
  );
}

/** A skipped date removed. */
export function removeSkip(edits: ScheduleEdits, date: string): ScheduleEdits {
  if (!edits.draft) return edits;
  return { ...edit(edits, { skipDates: edits.draft.skipDates.filter((d) => d !== date) }, 'skipDates'), skipError: '' };
}

/** "Discard changes" / "Use their version", once the draft follows the saved settings again. */
export function discarded(edits: ScheduleEdits): ScheduleEdits {
  return { ...edits, skipInput: '', skipError: '', notice: { kind: 'none' } };
}

/** A save of the edits met a conflict: they stay, and the notice says so. */
export function keep(edits: ScheduleEdits, previous: Settings, enabling: boolean): ScheduleEdits {
  return { ...edits, notice: { kind: 'kept', base: edits.base ?? previous, enabling } };
}

/**
 * The other version was fetched: the kept edits are now made against it, so saving them
 * replaces exactly what the notice shows and nothing newer.
 */
export function keptOver(edits: ScheduleEdits, theirs: Settings): ScheduleEdits {
  if (edits.notice.kind !== 'kept') return edits;
  return { ...edits, version: theirs.version, base: theirs, notice: { ...edits.notice, theirs } };
}

/** The kept edits' conflict, if a notice is up. */
export function keptOf(edits: ScheduleEdits): Extract<EditNotice, { kind: 'kept' }> | undefined {
  return edits.notice.kind === 'kept' ? edits.notice : undefined;
}

/** The notice goes: whatever the person does next is their answer to it. */
export function dropNotice(edits: ScheduleEdits): ScheduleEdits {
  return edits.notice.kind === 'none' ? edits : { ...edits, notice: { kind: 'none' } };
}

/**
 * Why a skip date added since `saved` would be refused (a day that is no longer the prompt
 * weekday, or one now past), or '' when none would be. `today` is the schedule zone's date.
 */
export function addedSkipProblem(
  schedule: Schedule,
  saved: Settings,
  today: string,
  locale: string | undefined,
): string {
  return (
    schedule.skipDates
      .filter((d) => !saved.schedule.skipDates.includes(d))
      .map((d) => skipDateProblem(d, schedule.weekday, today, locale))
      .find(Boolean) ?? ''
  );
}

/** The messages shown: fields the client touched, or every one after a save attempt. */
export function errorsShown(edits: ScheduleEdits, locale: string | undefined): DraftErrors {
  if (!edits.draft) return {};
  const all = validateDraft(edits.draft, locale);
  if (edits.showAll) return all;
  const shown: DraftErrors = {};
  for (const field of FIELD_ORDER) {
    if (all[field] && edits.touched.has(field)) shown[field] = all[field];
  }
  return shown;
}

/** The element id of the first field with a message, in the order they are shown. */
export function firstInvalid(edits: ScheduleEdits): string | undefined {
  const errors = edits.draft ? validateDraft(edits.draft) : {};
  const field = FIELD_ORDER.find((f) => errors[f]);
  return field && FIELD_ID[field];
}
