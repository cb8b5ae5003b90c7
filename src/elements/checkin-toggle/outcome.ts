import { msg, str } from '@lit/localize';
import type { CheckinError, Party, Settings } from '../../model.js';
import type { Changer } from './conflict.js';
import type { Write, WriteKind } from './state.js';
import { nameOf } from './words.js';

/**
 * What a refused write comes to: question or schedule edits kept over a conflict (they are the
 * client's work), a conflict notice after the latest settings are fetched, the backend's words
 * at the skip-date field, or an alert with "Try again".
 */
export type Refusal = 'keep-questions' | 'keep-edits' | 'conflict' | 'skip-date' | 'failed';

/** Which edits are unsaved when the refusal comes. */
export interface Unsaved {
  schedule: boolean;
  questions: boolean;
}

export function refusalOf(write: Write, error: CheckinError, unsaved: Unsaved): Refusal {
  if (error.code === 'conflict') {
    if (write.change.questions !== undefined && unsaved.questions) return 'keep-questions';
    if (write.change.schedule !== undefined && unsaved.schedule) return 'keep-edits';
    return 'conflict';
  }
  return skipDateRefusal(write, error) ? 'skip-date' : 'failed';
}

/** A refusal that names a skip date added in `write` belongs at the skip-date field. */
export function skipDateRefusal(write: Write, error: CheckinError): boolean {
  const sent = write.change.schedule?.skipDates;
  if (error.code !== 'invalid' || !sent) return false;
  const added = sent.filter((d) => !write.previous.schedule.skipDates.includes(d));
  return added.some((d) => error.message.includes(d));
}

/**
 * A save after a conflict notice replaces the version it showed: said so once it is saved. When
 * the latest version was this element's own (`here`), it is a plain save.
 */
export function replacingOf(who: Changer['kind'] | undefined): Write['replacing'] {
  if (!who || who === 'here') return undefined;
  return who === 'other' ? 'other' : 'theirs';
}

/** What is announced once a write is confirmed. */
export function savedText(write: Write, saved: Settings, talent: Party | undefined): string {
  if (write.kind === 'questions' && write.replacing)
    return msg('Questions saved: your version replaced the latest one.');
  if (write.replacing === 'other') return msg('Schedule saved: your version replaced the other one.');
  if (write.replacing === 'theirs') return msg('Schedule saved: your version replaced theirs.');
  return doneText(write.kind, saved, talent);
}

function doneText(kind: WriteKind, saved: Settings, talent: Party | undefined): string {
  switch (kind) {
    case 'enable':
      return saved.consent === 'pending'
        ? msg(str`Check-ins turned on. They start once ${talentName(talent)} accepts.`)
        : msg('Check-ins turned on');
    case 'disable':
      return msg('Check-ins turned off');
    case 'schedule':
      return msg('Schedule saved');
    case 'questions':
      return msg('Questions saved');
    case 'accept':
      return msg('You accepted weekly check-ins');
    case 'decline':
      return msg('You declined weekly check-ins');
    case 'withdraw':
      return msg('You withdrew your consent to weekly check-ins');
  }
}

const talentName = (talent: Party | undefined): string => (talent ? nameOf(talent) : msg('the talent'));

/** What is announced when a write is refused and rolled back. */
export function rolledBackText(kind: WriteKind): string {
  if (kind === 'enable') return msg('Not saved: check-ins are still off.');
  if (kind === 'disable') return msg('Not saved: check-ins are still on.');
  if (kind === 'schedule') return msg('Not saved: the schedule is unchanged. Your edits are still in the form.');
  if (kind === 'questions') return msg('Not saved: the questions are unchanged. Your edits are still in the form.');
  return msg('Not saved: your answer was not recorded.');
}
