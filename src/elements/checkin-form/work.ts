import { msg } from '@lit/localize';
import type { ReactiveControllerHost } from 'lit';
import type { CheckinAdapter } from '../../adapters/adapter.js';
import { DraftController, draftKey, type DraftRecord } from '../../controllers/draft.js';
import { WriteController } from '../../controllers/write.js';
import { CheckinDraftSavedEvent } from '../../events.js';
import type { Checkin } from '../../model.js';
import {
  fingerprint,
  isBlank,
  isEditable,
  parseFormValue,
  skipSentIn,
  touchesAnswers,
  type FormValue,
} from './form-logic.js';
import {
  EMPTY_ENTRY,
  NO_OUTCOMES,
  NO_PROBLEMS,
  answersOf,
  clearFailure,
  doneOf,
  editStarted,
  fillEntry,
  filledText,
  fillsAtOnce,
  hasUnsent,
  valueOf,
  type Entry,
  type Loaded,
  type Outcomes,
  type Problems,
  type WriteAction,
} from './state.js';
import { formHandlers } from './handlers.js';
import type { Judged } from './reconcile.js';
import type { FormView, PendingFill } from './views/props.js';
import { storageWarning } from './words.js';
import { FormWrites, WRITE } from './writes.js';

/** What the talent has on screen: the check-in, their text and what their writes left. */
export interface Work {
  checkin: Checkin | null;
  entry: Entry;
  editing: boolean;
  problems: Problems;
  outcomes: Outcomes;
  previousSent: FormView['previousSent'];
  pendingFill: PendingFill | null;
  replyOpen: boolean;
  restored: FormView['restored'];
  savedAt: string | null;
}

const FRESH: Work = {
  ...{ checkin: null, entry: EMPTY_ENTRY, editing: false, problems: NO_PROBLEMS, outcomes: NO_OUTCOMES },
  ...{ previousSent: null, pendingFill: null, replyOpen: false, restored: null, savedAt: null },
};

/** What the work needs from its element. */
export interface WorkOptions {
  now(): number;
  adapter(): CheckinAdapter | undefined;
  announce(text: string): void;
  /** A write goes out: a load on its way may predate it. */
  wrote(): void;
  /** A write settled (also one dropped as stale). */
  settled(): void;
  /** The talent asked for the latest ("Show the latest", "Reload the check-in"). */
  reload(): void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The talent's work on the form: what they typed (kept in a draft that is never lost), the
 * check-in's writes (one WriteController, one key) and what each left on screen. The element
 * loads and decides what a live event does; this holds and sends.
 */
export class FormWork {
  /** Changed only as a whole (see `set`), so each render reads one snapshot. */
  state: Work = FRESH;
  /** The load on screen. */
  loaded: Loaded | null = null;
  readonly writes: WriteController;
  readonly draft: DraftController<FormValue>;
  /** Which contract and check-in the open draft belongs to (for the draft-saved event). */
  private draftOf: { contractId: string; checkinId: string } | null = null;
  private wasPersisted = true;
  /** Set while a write's key is stored with the draft: that save is not announced as "Draft saved". */
  private announcingWrite = false;

  constructor(
    readonly host: Host,
    readonly options: WorkOptions,
  ) {
    this.writes = new WriteController(host);
    this.draft = new DraftController<FormValue>(host, {
      parse: parseFormValue,
      now: options.now,
      onSave: (info) => this.onDraftSaved(info.savedAt, info.persisted),
      onExternal: (record, applied) =>
        applied && this.takeOtherTab(record, msg('This draft was updated in another tab')),
    });
  }

  set(patch: Partial<Work>): void {
    this.state = { ...this.state, ...patch };
    this.host.requestUpdate();
  }

  /** The write on its way, if any. */
  get sending(): WriteAction | undefined {
    return this.writes.action(WRITE) as WriteAction | undefined;
  }

  writing(): boolean {
    return this.writes.pending(WRITE);
  }

  /** True while the talent has text on screen the adapter has not confirmed (see `hasUnsent`). */
  hasUnsent(): boolean {
    const { editing, checkin, replyOpen, outcomes, entry } = this.state;
    return hasUnsent({ editing, status: checkin?.status, replyOpen, replySent: outcomes.reply.kind === 'sent', entry });
  }

  /**
   * Shows a fresh load and restores the draft of its check-in, if any; `keep` (a refresh of the
   * check-in on screen) only swaps the data. What was on its way for the data replaced no
   * longer belongs on screen. With `carry` (a reload of what is on screen), a confirmation that
   * went with the old view stays as a line above the new one, and is returned.
   */
  begin(loaded: Loaded, keep: boolean, carry: boolean): Work['previousSent'] {
    const { outcomes, checkin } = this.state;
    const done = doneOf(outcomes);
    this.loaded = loaded;
    this.writes.epoch.advance();
    if (keep) {
      this.set({ checkin: loaded.target });
      return null;
    }
    this.set({ ...FRESH, checkin: loaded.target });
    this.openDraft(loaded);
    // The confirmation went within a moment of appearing: the new view still says the write
    // went through (in words and in a line that stays), or it may be sent again.
    const previousSent = carry && done && checkin ? { what: done, dueAt: checkin.dueAt } : null;
    if (previousSent) this.set({ previousSent });
    return previousSent;
  }

  private openDraft({ viewer, contract, settings, target }: Loaded): void {
    if (viewer.role !== 'talent' || !target) {
      this.draft.close();
      this.draftOf = null;
      return;
    }
    this.draftOf = { contractId: contract.id, checkinId: target.id };
    const key = draftKey(contract.id, target.id, viewer.id);
    let record = this.draft.open(key);
    const skipSent = record ? skipSentIn(record.keyFor, target.id) : null;
    if (skipSent !== null && target.status === 'skipped' && (target.skipNote ?? '') === skipSent) {
      // The skip this draft was sending arrived though its answer did not: it is done.
      this.draft.clear(key);
      record = null;
    }
    if (!record) return void (target.answers && this.fill(answersOf(target)));
    this.fill(record.value);
    const touched = touchesAnswers(record.value);
    const what = touched ? 'answers' : isBlank(record.value.skip?.note) ? null : 'note';
    // A draft of an answered (or skipped) check-in is an edit in progress while it can still be
    // sent; a draft with only a skip note in it is no edit.
    const editing =
      touched &&
      (target.status === 'answered' || target.status === 'skipped') &&
      isEditable(target, settings, contract, this.options.now());
    this.set({ restored: what && { at: record.savedAt, what }, editing });
  }

  /** What a live event changed in the loaded data, applied in place (see `judge`). */
  take({ settings, checkins }: Judged): void {
    const loaded = this.loaded;
    if (loaded && settings) loaded.settings = settings;
    if (loaded && checkins) {
      loaded.checkins = checkins;
      this.host.requestUpdate();
    }
  }

  /** The check-in on screen changed elsewhere; `closed`: nothing can be sent to it any more. */
  replace(checkin: Checkin, closed: boolean): void {
    if (this.loaded) this.loaded.target = checkin;
    if (!closed) return this.set({ checkin });
    this.set({ checkin, editing: false, pendingFill: null, problems: { ...this.state.problems, answers: [] } });
  }

  private fill(value: FormValue): void {
    this.set({ entry: fillEntry(this.state.entry, value) });
  }

  /** Changes what the talent typed, and saves it. */
  edit(patch: Partial<Entry>): void {
    this.set({ entry: { ...this.state.entry, ...patch } });
    this.draft.set(valueOf(this.state.entry));
  }

  private onDraftSaved(savedAt: string, persisted: boolean): void {
    this.set({ savedAt });
    if (!this.announcingWrite) {
      if (persisted) this.options.announce(msg('Draft saved'));
      // Said once when drafts stop being saved; the visible notice stays while it lasts.
      else if (this.wasPersisted) this.options.announce(storageWarning());
    }
    this.wasPersisted = persisted;
    const of = this.draftOf;
    if (of) this.host.dispatchEvent(new CheckinDraftSavedEvent({ ...of, savedAt, persisted }));
  }

  /** Shows another tab's draft: its answers, health and skip note (see `fillEntry`). */
  takeOtherTab(record: DraftRecord<FormValue>, announcement: string): void {
    this.fill(record.value);
    this.set({ savedAt: record.savedAt });
    // A tab of an older version writes drafts without the skip panel: the note kept here is
    // written back with its answers, so that it is still in the draft after a reload.
    if (!record.value.skip && !isBlank(this.state.entry.skip.note)) this.draft.set(valueOf(this.state.entry));
    this.options.announce(announcement);
  }

  /** A helper fills an empty field at once; typed text is never replaced without asking. */
  offerFill(index: number, text: string): void {
    const question = this.loaded?.settings.questions[index];
    if (this.sending === 'submit' || !question) return;
    if (fillsAtOnce(this.state.entry.answers[question.id] ?? '', text)) return this.applyFill(index, text, 'replace');
    this.set({ pendingFill: { index, text } });
    void this.focusLater(`#fill-${index} button`);
  }

  applyFill(index: number, text: string, how: 'replace' | 'append'): void {
    const question = this.loaded?.settings.questions[index];
    this.set({ pendingFill: null });
    if (!question) return;
    const next = filledText(this.state.entry.answers[question.id] ?? '', text, how);
    this.edit({ answers: { ...this.state.entry.answers, [question.id]: next } });
    void this.host.updateComplete.then(() => {
      const field = this.field(index);
      field?.focus();
      field?.setSelectionRange(next.length, next.length);
    });
  }

  field(index: number): HTMLTextAreaElement | null {
    return this.host.renderRoot.querySelector<HTMLTextAreaElement>(`#q-${index}`);
  }

  focusLater(selector: string): Promise<void> {
    return this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  startEdit(): void {
    const { checkin, outcomes, problems } = this.state;
    if (!checkin) return;
    this.fill(answersOf(checkin));
    this.set({ editing: true, outcomes: editStarted(outcomes), problems: { ...problems, answers: [] } });
    void this.host.updateComplete.then(() => this.field(0)?.focus());
  }

  cancelEdit(): void {
    this.draft.clear();
    const { outcomes, problems, checkin } = this.state;
    const cleared = { problems: { ...problems, answers: [] }, outcomes: clearFailure(outcomes, 'submit') };
    this.set({ ...cleared, editing: false, pendingFill: null, restored: null, savedAt: null });
    if (checkin) this.fill(answersOf(checkin));
    void this.focusLater('[part~="edit"]');
  }

  toggleSkip(): void {
    const { entry, outcomes, problems } = this.state;
    const skip = { ...entry.skip, open: !entry.skip.open };
    this.set({
      entry: { ...entry, skip },
      outcomes: clearFailure(outcomes, 'skip'),
      problems: { ...problems, note: null },
    });
    // With a note in it, whether the panel is open is kept too: a reload shows it as it was.
    if (!isBlank(skip.note)) this.draft.set(valueOf(this.state.entry));
    if (skip.open) void this.focusLater('#skip-note');
  }

  /** What the talent can do on the form, but reload (the element's). */
  readonly on = formHandlers(this);

  /** The check-in's writes: the answers, the skip and a message. */
  readonly sends = new FormWrites(this);

  /**
   * The key of a write, stored with the draft before the request leaves: a retry, even after a
   * reload, is the same write; a changed request is a new one. The draft keeps one key, for the
   * last write tried: the check-in's writes are never on their way at once.
   */
  keyFor(action: WriteAction, checkin: Checkin, payload: unknown): string {
    this.announcingWrite = true;
    const key = this.draft.keyFor(fingerprint(action, checkin.id, payload), valueOf(this.state.entry));
    this.announcingWrite = false;
    this.options.wrote();
    return key;
  }
}
