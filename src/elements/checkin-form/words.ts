import { msg, str } from '@lit/localize';
import { formatInstant } from '../../format.js';
import { LIMITS } from '../../limits.js';
import type { Checkin, Question } from '../../model.js';
import { healthLabel } from '../shared.js';
import { shortText } from '../shared.js';
import type { Terms } from '../terms.js';
import { answersAsMessage, editableUntil, isBlank, lengthOf, standingOf, type FormValue } from './form-logic.js';
import type { Loaded } from './state.js';

/** An instant as the form writes it: weekday and time, in the viewer's terms. */
export function when(terms: Terms, instant: string): string {
  return formatInstant(instant, { ...terms, style: 'weekday-time' });
}

export function storageWarning(): string {
  return msg("Drafts can't be saved on this device right now; keep this tab open until you submit.");
}

/**
 * Who closed a check-in and why, addressing the viewer in the second person when it was them:
 * "Dana Whitfield turned weekly check-ins off on Thu 3 Dec, 10:00, so this check-in closed."
 */
export function closedSentence(loaded: Loaded, checkin: Checkin, terms: Terms): string {
  const { closedBy: by, closedAt: at, closedReason: reason } = checkin;
  if (!at) return msg('This check-in closed before it was answered.');
  const date = when(terms, at);
  if (!by || !reason) return msg(str`This check-in closed on ${date}, before it was answered.`);
  const you = by.id === loaded.viewer.id;
  const name = shortText(by.name);
  switch (reason) {
    case 'turned-off':
      return you
        ? msg(str`You turned weekly check-ins off on ${date}, so this check-in closed.`)
        : msg(str`${name} turned weekly check-ins off on ${date}, so this check-in closed.`);
    case 'declined':
      return you
        ? msg(str`You declined weekly check-ins on ${date}, so this check-in closed.`)
        : msg(str`${name} declined weekly check-ins on ${date}, so this check-in closed.`);
    case 'withdrawn':
      return you
        ? msg(str`You withdrew your consent to weekly check-ins on ${date}, so this check-in closed.`)
        : msg(str`${name} withdrew their consent to weekly check-ins on ${date}, so this check-in closed.`);
  }
}

/**
 * Where weekly check-ins stand for the talent, when they are not being asked: exactly what
 * will not happen, and that a request for an update still can, and is answered here. Null
 * while they are on.
 */
export function standingText(loaded: Loaded, terms: Terms): string | null {
  const { settings, contract } = loaded;
  const client = shortText(contract.client.name);
  switch (standingOf(settings)) {
    case 'active':
      return null;
    case 'pending':
      return msg(
        str`${client} wants weekly check-ins on this contract. They start once you agree to them in the check-in settings. ${client} can still ask you for an update, and you can answer it here.`,
      );
    case 'declined':
      return msg(
        str`You declined weekly check-ins, so you won't be asked each week. ${client} can still ask you for an update, and you can answer it here.`,
      );
    case 'withdrawn':
      return msg(
        str`You withdrew your consent to weekly check-ins, so you won't be asked each week. ${client} can still ask you for an update, and you can answer it here.`,
      );
    case 'off': {
      const by = settings.disabledBy;
      const at = settings.disabledAt;
      return by && at
        ? msg(
            str`${shortText(by.name)} turned weekly check-ins off on ${when(terms, at)}, so you won't be asked each week. ${client} can still ask you for an update, and you can answer it here.`,
          )
        : msg(
            str`Weekly check-ins are off for this contract, so you won't be asked each week. ${client} can still ask you for an update, and you can answer it here.`,
          );
    }
  }
}

/** Until when the answer can change: the next check-in that really opens, never a guessed one. */
export function editWindow(loaded: Loaded, checkin: Checkin, terms: Terms): string {
  const until = editableUntil(checkin, loaded.settings, loaded.contract);
  if (until) {
    return msg(str`You can change your answer until the next check-in opens, ${when(terms, until)}.`);
  }
  return standingOf(loaded.settings) === 'active'
    ? msg('You can change your answer until the next check-in opens.')
    : msg('No weekly check-ins are being asked, so you can change your answer as long as no new check-in has opened.');
}

export function closedText(loaded: Loaded, checkin: Checkin, terms: Terms): string {
  const until = editableUntil(checkin, loaded.settings, loaded.contract);
  return until
    ? msg(str`The edit window closed on ${when(terms, until)}, when the next check-in opened.`)
    : msg('The edit window has closed.');
}

/**
 * What to say when a reload brings the talent a check-in that was not on screen and can be
 * answered: who asked for it, or that this week's opened. Null for anything else.
 */
export function newlyOpen(loaded: Loaded, shown: Loaded): string | null {
  const target = loaded.target;
  if (loaded.viewer.role !== 'talent' || !target) return null;
  if (target.id === shown.target?.id || (target.status !== 'open' && target.status !== 'late')) return null;
  return target.kind === 'requested'
    ? msg(str`A new check-in is open: ${shortText(target.requestedBy.name)} asked for an update.`)
    : msg("This week's check-in is open.");
}

/** "Your answers were sent." (or the skip's words) before the news of what opened. */
export function sentAnd(what: 'submitted' | 'skipped', opened: string): string {
  return what === 'submitted'
    ? msg(str`Your answers were sent. ${opened}`)
    : msg(str`Marked as not working this week. ${opened}`);
}

/** The message text: as the talent edited it (`reply`), else the answers (and note) as written. */
export function replyMessage(questions: readonly Question[], value: FormValue): string {
  if (value.reply !== undefined) return value.reply;
  const note = value.skip?.note ?? '';
  return answersAsMessage(questions, value, [
    value.health ? `${msg('How is the work going?')}\n${healthLabel(value.health)}` : null,
    isBlank(note) ? null : `${msg('Not working this week')}\n${note.trim()}`,
  ]);
}

/** What keeps a message from being sent: nothing written, or too long. Null when it can go. */
export function replyProblem(text: string): string | null {
  if (isBlank(text)) return msg('Write a message first.');
  const over = lengthOf(text) - LIMITS.reply;
  return over > 0 ? msg(str`Use ${LIMITS.reply} characters or fewer (${over} too many).`) : null;
}

/** What keeps a skip note from being sent (too long), or null. */
export function noteProblem(note: string): string | null {
  const over = lengthOf(note) - LIMITS.note;
  return over > 0 ? msg(str`Use ${LIMITS.note} characters or fewer (${over} too many).`) : null;
}
