import type { Checkin, Question } from '../../../model.js';
import type { Terms } from '../../terms.js';
import type { Entry, Loaded, Newer, Outcomes, Problems, WriteAction } from '../state.js';

/** A quick answer or last week's plan waiting for the talent's choice, because the field has text. */
export interface PendingFill {
  index: number;
  text: string;
}

/** What the talent can do on the form; the element sends, validates and saves. */
export interface FormHandlers {
  submit(event: Event): void;
  retrySubmit(): void;
  keydown(event: KeyboardEvent): void;
  input(question: Question, event: Event): void;
  health(value: string): void;
  offerFill(index: number, text: string): void;
  applyFill(index: number, text: string, how: 'replace' | 'append'): void;
  cancelFill(index: number): void;
  focusField(event: Event, index: number): void;
  startEdit(): void;
  cancelEdit(): void;
  toggleSkip(): void;
  skipInput(event: Event): void;
  skip(): void;
  openReply(): void;
  replyInput(event: Event): void;
  sendReply(): void;
  /** "Show the latest" and the other reload buttons. */
  reload(): void;
  loadOtherTab(): void;
  keepThisDraft(): void;
}

/** Everything the form's views read: one object, built by the element at each render. */
export interface FormView {
  loaded: Loaded;
  /** The check-in on screen (live changes apply to it in place). */
  checkin: Checkin | null;
  now: number;
  terms: Terms;
  /** The `aria-level` of the main heading, and of the headings below it. */
  level: string;
  subLevel: string;
  entry: Entry;
  editing: boolean;
  problems: Problems;
  outcomes: Outcomes;
  /** A write's confirmation that a reload replaced with a new check-in: what was sent, for the check-in due when. */
  previousSent: { what: 'submitted' | 'skipped'; dueAt: string } | null;
  pendingFill: PendingFill | null;
  /** After a refused submit: the talent chose to send what they wrote as a message instead. */
  replyOpen: boolean;
  /** A draft was restored when the check-in loaded: when it was saved, and what it holds. */
  restored: { at: string; what: 'answers' | 'note' } | null;
  savedAt: string | null;
  newer: Newer;
  /** The write on its way, if any. */
  sending: WriteAction | undefined;
  offline: boolean;
  draft: { persisted: boolean; updatedElsewhere: boolean; external: boolean };
  on: FormHandlers;
}
