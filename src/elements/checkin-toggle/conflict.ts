import { msg, str } from '@lit/localize';
import type { Party, Schedule, Settings } from '../../model.js';
import { errorHeading } from '../shared.js';
import { draftOf, formatLocalDate, scheduleOf, type ScheduleDraft } from './schedule-draft.js';
import { nameOf, scheduleWords, type ViewerTerms } from './words.js';

export type { ViewerTerms } from './words.js';

/**
 * Who made the latest settings, as far as the element can tell: 'here' (a write of the element's
 * own), 'other' (the viewer, in another tab or window), 'person' (someone else, by name) or
 * 'unknown'.
 */
export type Changer = { kind: 'here' | 'other' | 'unknown' } | { kind: 'person'; party: Party };

/** Whose version a schedule conflict notice offers instead of the edits. */
type Whose = 'theirs' | 'other' | 'latest';

/**
 * Who made `latest`. `since` is the version the refused write or the edits were made against:
 * a latest version no newer than that says nothing about who changed the settings meanwhile.
 * `ownVersions` are the versions the element's own writes produced.
 */
export function changer(
  latest: Settings,
  since: number,
  ownVersions: ReadonlySet<number>,
  viewerId: string | undefined,
): Changer {
  const by = latest.updatedBy;
  if (!by || latest.version <= since) return { kind: 'unknown' };
  // The viewer's own write from here is not "another tab"; changes by others may lie between.
  if (ownVersions.has(latest.version)) return { kind: 'here' };
  if (by.id === viewerId) return { kind: 'other' };
  return { kind: 'person', party: by };
}

/**
 * The switch or consent conflict notice before what became of unsaved edits: another tab or
 * window, a named person, or "someone else" when unknown.
 */
export function switchConflictWords(who: Changer): { heading: string; text: string } {
  const again = msg('The latest version is shown. Review and try again.');
  let heading: string;
  let text = again;
  if (who.kind === 'other') heading = msg('These settings were changed in another tab or window.');
  else if (who.kind === 'person') heading = msg(str`${nameOf(who.party)} changed these settings in the meantime.`);
  else if (who.kind === 'here') heading = msg('These settings changed in the meantime.');
  else {
    heading = errorHeading('conflict');
    text = msg('These settings were changed by someone else; the latest version is shown. Review and try again.');
  }
  return { heading, text };
}

/** What is announced once a conflict on schedule edits is settled (`who` undefined while unknown). */
export function keptEditsAnnouncement(who: Changer['kind'] | undefined): string {
  return who === 'other'
    ? msg('Not saved: these settings were changed in another tab or window. Your edits are kept.')
    : who === 'here'
      ? msg('Not saved: these settings changed while you were editing. Your edits are kept.')
      : msg('Not saved: someone else changed these settings meanwhile. Your edits are kept.');
}

/** A save of schedule edits that met another change, as far as its notice needs it. */
export interface EditConflictFacts {
  /** The settings the kept edits were started from: what the other change is compared with. */
  base: Settings;
  /** The latest settings, once fetched: what "Save my version" replaces (undefined while unknown). */
  theirs?: Settings;
  /** True when the refused write was turning check-ins on with the edited schedule. */
  enabling: boolean;
}

/** The words of the schedule conflict notice; `closing` undefined when the edits can't be saved. */
export interface EditConflictWords {
  heading: string;
  /** What changed from the base to their version, one line per difference. */
  lines: string[];
  closing?: string;
  /** The label of the button that drops the edits for the version shown. */
  useLabel: string;
}

/**
 * The notice after a conflict on the client's schedule edits: who changed the settings (`who`),
 * what differs from the version the edits were started from (on/off, the talent's consent, the
 * questions, then their schedule in the viewer's terms with skipped dates and pause), and the
 * two ways on. With `canSave` false there is no closing: the element says why not.
 */
export function editConflictWords(
  facts: EditConflictFacts,
  who: Changer,
  canSave: boolean,
  talent: Party,
  terms: ViewerTerms,
): EditConflictWords {
  // Whose version the editor's alternative is: the viewer's other tab, the element's own latest
  // write (with others' changes before it), or someone else's.
  const whose: Whose = who.kind === 'other' ? 'other' : who.kind === 'here' ? 'latest' : 'theirs';
  const { base, theirs } = facts;
  const lines = theirs
    ? [...changeLines(base, theirs, talent), ...scheduleLines(theirs.schedule, base.schedule, whose, terms)]
    : [];
  return { heading: editHeading(who), lines, closing: closingOf(facts, whose, canSave), useLabel: useLabelOf(whose) };
}

function editHeading(who: Changer): string {
  if (who.kind === 'other') return msg('These settings were changed in another tab or window while you were editing.');
  if (who.kind === 'person') return msg(str`${nameOf(who.party)} changed these settings while you were editing.`);
  if (who.kind === 'here') return msg('These settings changed while you were editing.');
  return msg('Someone else changed these settings while you were editing.');
}

/** What changed besides the schedule: on/off, the talent's consent, the questions. */
function changeLines(base: Settings, theirs: Settings, talent: Party): string[] {
  const lines: string[] = [];
  const turnedOn = !base.enabled && theirs.enabled;
  if (base.enabled && !theirs.enabled) lines.push(msg('Check-ins are now off.'));
  else if (turnedOn) {
    lines.push(
      theirs.consent === 'pending'
        ? msg(str`Check-ins are now on, waiting for ${nameOf(talent)} to accept.`)
        : msg('Check-ins are now on.'),
    );
  }
  // The talent's answer matters even when check-ins went off afterwards; a switch-on resets
  // consent, and the line above already says so.
  if (!turnedOn && theirs.consent !== base.consent) {
    if (theirs.consent === 'given') lines.push(msg(str`${nameOf(talent)} accepted weekly check-ins.`));
    else if (theirs.consent === 'declined') lines.push(msg(str`${nameOf(talent)} declined weekly check-ins.`));
    else if (theirs.consent === 'withdrawn')
      lines.push(msg(str`${nameOf(talent)} withdrew consent to weekly check-ins.`));
    else if (theirs.consent === 'pending') lines.push(msg(str`Check-ins now wait for ${nameOf(talent)} to accept.`));
  }
  if (JSON.stringify(theirs.questions) !== JSON.stringify(base.questions)) {
    lines.push(msg('The questions were changed too; saving your schedule leaves them as they are.'));
  }
  return lines;
}

/** The notice's last words: what saving does; undefined when the edits can't be saved here. */
function closingOf({ base, theirs, enabling }: EditConflictFacts, whose: Whose, canSave: boolean): string | undefined {
  if (!theirs) return msg('Your edits are kept below. Their version could not be loaded yet.');
  if (!canSave) return undefined;
  const parts: string[] = [];
  // When the other version turned them on, the lines above say so: that is what was wanted.
  if (enabling && !theirs.enabled) parts.push(msg('Check-ins were not turned on.'));
  if (base.enabled && !theirs.enabled) {
    parts.push(
      msg(
        'While check-ins are off nobody is asked anything; saving your version sets the schedule for when they are turned on.',
      ),
    );
  }
  parts.push(
    whose === 'other'
      ? msg('Your edits are kept below; save to replace the other version, or discard your edits.')
      : whose === 'latest'
        ? msg('Your edits are kept below; save to replace the latest version, or discard your edits.')
        : msg('Your edits are kept below; save to replace theirs, or discard your edits.'),
  );
  return parts.join(' ');
}

function useLabelOf(whose: Whose): string {
  if (whose === 'other') return msg('Use the other version');
  if (whose === 'latest') return msg('Use the latest version');
  return msg('Use their version');
}

/**
 * The switch or consent conflict notice, said the way the schedule conflict notice says it:
 * another tab or window, a named person, or "someone else" when unknown; then what became of
 * unsaved schedule edits (`unsaved`), judged on the settings now shown (the reload can hide the
 * form).
 */
export function switchConflictNotice(
  who: Changer,
  unsaved: ScheduleDraft | undefined,
  settings: Settings | undefined,
  terms: ViewerTerms,
): { heading: string; text: string; spoken: string } {
  const { heading, text: words } = switchConflictWords(who);
  let text = words;
  if (unsaved && settings) {
    const edits = editorShown(settings)
      ? msg('Your unsaved schedule edits are still in the form.')
      : cantSaveText(settings, unsaved, terms);
    text = `${text} ${edits}`;
  }
  // "Someone else" is already in the text; the other headings say who, so they are spoken too.
  return { heading, text, spoken: who.kind === 'unknown' ? text : `${heading} ${text}` };
}

/** True when the schedule editor is shown: check-ins offered, or on (they can be switched off). */
export function editorShown(settings: Settings): boolean {
  return settings.eligibility.eligible || settings.enabled;
}

/** Kept edits with no form to save them from: why, and what they were (so they are not lost). */
export function cantSaveText(settings: Settings, draft: ScheduleDraft | undefined, terms: ViewerTerms): string {
  const mine = draft && scheduleOf(draft);
  const reason = settings.eligibility.reason ?? '';
  return mine
    ? msg(
        str`Check-ins are off and not offered for this contract, so your edits can't be saved. ${reason} Your edits were: ${scheduleText(mine, terms)}.`,
      )
    : msg(str`Check-ins are off and not offered for this contract, so your edits can't be saved. ${reason}`);
}

/** Their schedule, in the viewer's terms, and what else the editor edits (skips, pause). */
function scheduleLines(schedule: Schedule, base: Schedule, whose: Whose, terms: ViewerTerms): string[] {
  const locale = terms.locale;
  const when = scheduleText(schedule, terms);
  const lines = [
    whose === 'other'
      ? msg(str`The other version: ${when}.`)
      : whose === 'latest'
        ? msg(str`The latest version: ${when}.`)
        : msg(str`Their version: ${when}.`),
  ];
  const shown = draftOf(schedule);
  const was = draftOf(base);
  if (shown.skipDates.length) {
    const dates = shown.skipDates.map((d) => formatLocalDate(d, locale)).join(', ');
    lines.push(msg(str`Skipped dates: ${dates}.`));
  } else if (was.skipDates.length) {
    lines.push(msg('No dates are skipped.'));
  }
  // The pause as the editor's date field shows it: a date in the schedule's zone.
  if (shown.pauseDate) {
    lines.push(msg(str`Paused until ${formatLocalDate(shown.pauseDate, locale)}.`));
  } else if (was.pauseDate) {
    lines.push(msg('No pause.'));
  }
  return lines;
}

/** "Tuesdays at 10:30 Central European Time (Berlin), Tuesdays at 4:30 AM your time" */
export function scheduleText(schedule: Schedule, terms: ViewerTerms): string {
  return scheduleWords(schedule, terms);
}
