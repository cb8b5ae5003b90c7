import type { CheckinAdapter } from '../../adapters/adapter.js';
import type { Checkin, CheckinError, Contract, Health, Settings, Viewer } from '../../model.js';
import { isQuickAnswer } from '../../questions.js';
import { hasText, isBlank, type FieldError, type FormValue, type SkipDraft } from './form-logic.js';

/** Everything one load brings; replaced as a whole when the inputs change. */
export interface Loaded {
  viewer: Viewer;
  contract: Contract;
  settings: Settings;
  checkins: Checkin[];
  /** The check-in the form is about, or null when none is open. */
  target: Checkin | null;
}

/** What the Task loads from: the adapter, the contract id and the `checkin-id`. */
export type LoadArgs = readonly [CheckinAdapter | undefined, string, string];

/** Why "Show the latest" is offered: another check-in or new settings, or this check-in changed elsewhere. */
export type Newer = 'contract' | 'checkin' | null;

/**
 * The stronger of two reasons: 'checkin' (this check-in was answered or skipped elsewhere) says
 * that submitting now would replace an answer, so a later 'contract' never hides it.
 */
export function stronger(a: Newer, b: Newer): Newer {
  return a === 'checkin' || b === 'checkin' ? 'checkin' : (a ?? b);
}

// ---- the load ------------------------------------------------------------------------------

interface LoadBase {
  /** The inputs the data on screen was loaded for; null before the first load and after a failure. */
  of: LoadArgs | null;
  /** The talent asked for the next load ("Show the latest"): it replaces what is on screen. */
  asked: boolean;
  /** A refresh (or a live event calling for one) was set aside for a write: load again after it. */
  afterWrite: boolean;
  /**
   * A reload (or a live change of the check-in) is rendering while the focus was in the element:
   * it goes to the new heading if the focused node went with the old view.
   */
  refocus: boolean;
}

/**
 * The form's load. `loading` lasts until the load's function returns (not the Task's status:
 * that still says pending for a few microtasks after the load applied its result, and an event
 * heard then must be acted on, not left for a load that is over).
 */
export type LoadState =
  | (LoadBase & { phase: 'idle' })
  | (LoadBase & {
      phase: 'loading';
      /** This run (a later run, for other inputs, has its own). */
      run: object;
      /** The talent asked for this load. */
      chosen: boolean;
      /** The focus was in the element as the load started. */
      focusAtStart: boolean;
      /** A live event arrived while loading (the load may predate it), and what it says. */
      changed: Newer;
      /** A write went out while loading: the load may predate it. */
      wrote: boolean;
    });

export const NO_LOAD: LoadState = { phase: 'idle', of: null, asked: false, afterWrite: false, refocus: false };

/** Asks for the next load; `chosen` when the talent asked for it. */
export function askLoad(state: LoadState, chosen: boolean): LoadState {
  return { ...state, asked: chosen };
}

/** A load starts: whether it was asked for is taken from the state. */
export function startLoad(state: LoadState, run: object, focusAtStart: boolean): LoadState {
  const { of, asked, afterWrite, refocus } = state;
  return {
    phase: 'loading',
    of,
    asked: false,
    afterWrite,
    refocus,
    run,
    chosen: asked,
    focusAtStart,
    changed: null,
    wrote: false,
  };
}

/** A live event (or a stale signal) came while loading: acted on once the load is in. */
export function heardWhileLoading(state: LoadState, reason: Newer): LoadState {
  return state.phase === 'loading' ? { ...state, changed: stronger(state.changed, reason) } : state;
}

/** A write went out: a load on its way may predate it. */
export function wroteWhileLoading(state: LoadState): LoadState {
  return state.phase === 'loading' ? { ...state, wrote: true } : state;
}

/** A refresh waits for the write on its way (what the load heard goes with it). */
export function deferToWrite(state: LoadState): LoadState {
  return state.phase === 'loading' ? { ...state, afterWrite: true, changed: null } : { ...state, afterWrite: true };
}

/** The refresh set aside for a write is taken up. */
export function takeDeferred(state: LoadState): LoadState {
  return { ...state, afterWrite: false };
}

/** What the load heard was dealt with. */
export function heardTaken(state: LoadState): LoadState {
  return state.phase === 'loading' ? { ...state, changed: null } : state;
}

/** The data for `args` is on screen. */
export function loadShown(state: LoadState, args: LoadArgs): LoadState {
  return { ...state, of: args };
}

/** The load failed: its failure replaces the form, so the next load starts from the placeholder. */
export function loadFailed(state: LoadState): LoadState {
  return { ...state, of: null };
}

/** The load's function returned (a later run's state is its own). */
export function finishLoad(state: LoadState, run: object): LoadState {
  if (state.phase !== 'loading' || state.run !== run) return state;
  const { of, asked, afterWrite, refocus } = state;
  return { phase: 'idle', of, asked, afterWrite, refocus };
}

/** Whether the next render moves the focus to the new view's heading. */
export function withRefocus(state: LoadState, refocus: boolean): LoadState {
  return { ...state, refocus };
}

// ---- the writes ----------------------------------------------------------------------------

/** The check-in's writes; never two on their way at once (they share one key). */
export type WriteAction = 'submit' | 'skip' | 'reply';

/** What a write left on screen: nothing yet, its confirmation, or its failure. */
export type Outcome = { kind: 'none' } | { kind: 'sent' } | { kind: 'failed'; error: CheckinError };

export type Outcomes = Readonly<Record<WriteAction, Outcome>>;

const NONE: Outcome = { kind: 'none' };
const SENT: Outcome = { kind: 'sent' };
export const NO_OUTCOMES: Outcomes = { submit: NONE, skip: NONE, reply: NONE };

/** The failure of `action` goes (a retry, a new start); a confirmation stays. */
export function clearFailure(outcomes: Outcomes, action: WriteAction): Outcomes {
  return outcomes[action].kind === 'failed' ? { ...outcomes, [action]: NONE } : outcomes;
}

/** The adapter confirmed `action`. A message sent instead of the answers ends their failure too. */
export function writeSent(outcomes: Outcomes, action: WriteAction): Outcomes {
  const next: Outcomes = { ...outcomes, [action]: SENT };
  if (action === 'reply') return clearFailure(next, 'submit');
  // One confirmation at a time: the answers' replaces the skip's, and the other way round.
  const other = action === 'submit' ? 'skip' : 'submit';
  return next[other].kind === 'sent' ? { ...next, [other]: NONE } : next;
}

export function writeFailed(outcomes: Outcomes, action: WriteAction, error: CheckinError): Outcomes {
  return { ...outcomes, [action]: { kind: 'failed', error } };
}

/** Editing the answer again: "Submitted" (or the skip's confirmation) and the submit's failure go. */
export function editStarted(outcomes: Outcomes): Outcomes {
  return { ...outcomes, submit: NONE, skip: outcomes.skip.kind === 'sent' ? NONE : outcomes.skip };
}

/** The confirmation on screen, if the answers or the skip went through. */
export function doneOf(outcomes: Outcomes): 'submitted' | 'skipped' | null {
  if (outcomes.submit.kind === 'sent') return 'submitted';
  return outcomes.skip.kind === 'sent' ? 'skipped' : null;
}

export function failureOf(outcomes: Outcomes, action: WriteAction): CheckinError | null {
  const outcome = outcomes[action];
  return outcome.kind === 'failed' ? outcome.error : null;
}

// ---- what the talent typed -----------------------------------------------------------------

/** The talent's text on screen: the answers, health, the skip panel and the message. */
export interface Entry {
  answers: Record<string, string>;
  health: Health | null;
  skip: SkipDraft;
  /** The message as the talent edited it; null while it is still the answers as written. */
  reply: string | null;
}

export const EMPTY_ENTRY: Entry = { answers: {}, health: null, skip: { note: '', open: false }, reply: null };

/**
 * Shows a draft's (or a check-in's) value. A value without the panel (a check-in's own answers,
 * an older version's draft from another tab) says nothing about it: the panel and its note stay.
 */
export function fillEntry(entry: Entry, value: FormValue): Entry {
  return {
    answers: { ...value.answers },
    health: value.health,
    skip: value.skip ? { ...value.skip } : entry.skip,
    reply: value.reply !== undefined ? value.reply : entry.reply,
  };
}

/** The entry as the draft stores it. */
export function valueOf(entry: Entry): FormValue {
  const value: FormValue = { answers: entry.answers, health: entry.health, skip: entry.skip };
  if (entry.reply !== null) value.reply = entry.reply;
  return value;
}

/** Field errors: the answers' (in question order), the skip note's and the message's. */
export interface Problems {
  answers: FieldError[];
  note: string | null;
  reply: string | null;
}

export const NO_PROBLEMS: Problems = { answers: [], note: null, reply: null };

/** What `hasUnsent` looks at. */
export interface UnsentInput {
  editing: boolean;
  status: Checkin['status'] | undefined;
  replyOpen: boolean;
  replySent: boolean;
  entry: Entry;
}

/**
 * True while the talent has text on screen (answers, or a note in the open skip panel) that the
 * adapter has not confirmed. A note whose panel was closed ("Cancel") is set aside: it stays in
 * the draft for when the panel opens again, but holds back no live update.
 */
export function hasUnsent({ editing, status, replyOpen, replySent, entry }: UnsentInput): boolean {
  if (editing) return true;
  // Answers a closed check-in kept, or a message being written from them, until sent.
  if ((status === 'closed' || replyOpen) && !replySent && hasText(valueOf(entry))) return true;
  return (
    (status === 'open' || status === 'late') &&
    (Object.values(entry.answers).some((text) => text.trim() !== '') || (entry.skip.open && !isBlank(entry.skip.note)))
  );
}

/** The check-in's own answers as a form value. */
export function answersOf(checkin: Checkin): FormValue {
  const answers: Record<string, string> = {};
  for (const a of checkin.answers ?? []) answers[a.questionId] = a.text;
  return { answers, health: checkin.health };
}

/**
 * True when a helper (a quick answer, last week's plan) may fill a field at once: it is empty,
 * or already says the same ("none." already in the field is the quick answer "None"). Typed
 * text is never replaced without asking.
 */
export function fillsAtOnce(current: string, text: string): boolean {
  return isBlank(current) || current.trim() === text.trim() || isQuickAnswer(current, [text]);
}

/** A field's text after a helper filled it: `text` in place of it, or below it. */
export function filledText(current: string, text: string, how: 'replace' | 'append'): string {
  const kept = current.replace(/\s+$/, '');
  return how === 'append' && kept ? `${kept}\n\n${text}` : text;
}
