import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { CheckinAdapter, CheckinEvent } from '../../adapters/adapter.js';
import type { RetryPolicy } from '../../adapters/resilient.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ConnectionController } from '../../controllers/connection.js';
import { ConnectivityController } from '../../controllers/connectivity.js';
import { DraftController, draftKey, type DraftRecord } from '../../controllers/draft.js';
import { LiveController } from '../../controllers/live.js';
import { ResumeTaskController } from '../../controllers/resume.js';
import { WriteController } from '../../controllers/write.js';
import { CheckinDraftSavedEvent, CheckinReplyEvent, CheckinSkipEvent, CheckinSubmitEvent } from '../../events.js';
import { HEALTH_VALUES, type Checkin, type Health, type Reply } from '../../model.js';
import { baseStyles } from '../../styles.js';
import { headingLevel, renderError, renderLoading, renderNoAdapter, renderNoContract, reportError, shortText, subLevel, toCheckinError } from '../shared.js';
import { readClock, viewerTerms, type Clock } from '../terms.js';
import { styles } from './checkin-form.styles.js';
import { fingerprint, isBlank, isEditable, parseFormValue, skipSentIn, toInput, touchesAnswers, validateAnswers, type FormValue } from './form-logic.js';
import { fetchLoaded } from './load.js';
import { decideLive, judge, reconcile, sameSubject, viewOf, type LiveDecision, type LiveInput } from './reconcile.js';
import {
  EMPTY_ENTRY, NO_LOAD, NO_OUTCOMES, NO_PROBLEMS, answersOf, askLoad, clearFailure, deferToWrite, doneOf, editStarted, fillEntry, filledText, fillsAtOnce,
  finishLoad, hasUnsent, heardTaken, heardWhileLoading, loadFailed, loadShown, startLoad, stronger, takeDeferred, valueOf, withRefocus, writeFailed, writeSent, wroteWhileLoading,
  type Entry, type LoadArgs, type LoadState, type Loaded, type Newer, type Outcomes, type Problems, type WriteAction,
} from './state.js';
import type { FormHandlers, FormView, PendingFill } from './views/props.js';
import { renderLoaded } from './views/talent.js';
import { closedSentence, newlyOpen, noteProblem, replyMessage, replyProblem, sentAnd, storageWarning } from './words.js';

const TAG = 'checkin-form';
/** The check-in's writes share one key: a submit, a skip and a message are never on their way at once. */
const WRITE = 'checkin';

/**
 * The talent answers the open check-in (or edits the last answer until the next prompt), with a
 * draft that is never lost; the client and observers see the check-in's state instead.
 *
 * @summary Answer this week's check-in, or see where it stands.
 *
 * @fires checkin-submit - Answers were submitted or edited and the adapter confirmed them. `detail: {contractId, checkin}`.
 * @fires checkin-skip - The talent marked the week as not working and the adapter confirmed it. `detail: {contractId, checkin}`.
 * @fires checkin-draft-saved - The draft was saved locally (at most once per pause in typing). `detail: {contractId, checkinId, savedAt, persisted}`.
 * @fires checkin-reply - Answers a check-in could no longer take (it closed) were sent as a message on it, and the adapter confirmed it. `detail: {contractId, checkinId, reply}`.
 * @fires checkin-error - A load, submit, skip or message failed; the failure is also shown. `detail: {error, action}`.
 *
 * @csspart checkin - The card around the whole element.
 * @csspart header - Who asks, when it is due, and the client's message.
 * @csspart heading - The main heading, naming the contract (`role="heading"`, level from `heading-level`).
 * @csspart newer - The notice that a newer check-in or settings change arrived, or this check-in was answered, skipped or closed, while typing.
 * @csspart due - When the check-in was asked (on this page's clock) and its answer-by time.
 * @csspart standing - Where weekly check-ins stand (off, awaiting consent, declined, withdrawn) above a check-in that is shown anyway, such as a request for an update.
 * @csspart message - The client's message on a requested check-in.
 * @csspart error-summary - The list of problems shown when the answers can't be sent.
 * @csspart form - The form with the questions.
 * @csspart question - One question: label, error, text field, counter and helpers.
 * @csspart label - A question's label.
 * @csspart field-error - A field's inline error.
 * @csspart textarea - A text field (answers and the skip note).
 * @csspart counter - A field's character count.
 * @csspart quick-answer - A button that fills a field with a quick answer such as "None".
 * @csspart copy-plan - The button that copies last week's plan into the first answer.
 * @csspart fill-confirm - The choice shown before a helper would replace typed text.
 * @csspart health - The optional health radio group.
 * @csspart submit - The submit button.
 * @csspart cancel-edit - The "Cancel editing" button while submitted answers are being edited.
 * @csspart offline - The notice shown while the browser is offline.
 * @csspart draft-status - "Draft saved", "Draft restored" and the storage warnings.
 * @csspart skip - The "Not working this week" button.
 * @csspart skip-panel - The note and confirmation of the skip.
 * @csspart skip-note - The optional note sent with a skip (also `textarea`).
 * @csspart skip-confirm - The button that confirms the skip.
 * @csspart skip-cancel - The button that closes the skip panel without skipping.
 * @csspart answers - The submitted answers, read-only.
 * @csspart edit - The "Edit answer" button.
 * @csspart offer-reply - The button, after a submit the backend refused, that offers to send what was written as a message instead.
 * @csspart reply-panel - The message that carries answers a check-in can no longer take (it closed): text field, count and send button.
 * @csspart reply-text - The message's text field (also `textarea`).
 * @csspart send-reply - The button that sends that message.
 * @csspart state - The check-in's state in words (client, observer, and the talent when nothing is open).
 * @csspart error - A failure (role="alert").
 * @csspart retry-button - The retry button inside a failure.
 * @csspart loading - The loading placeholder.
 * @csspart previous-sent - The line above a newly opened check-in saying the last answers (or skip) went through, when the new check-in replaced their confirmation.
 * @csspart status - The polite live region for "Draft saved" and "Submitted" (visually hidden).
 *
 * @cssproperty --checkin-color-text - Text colour.
 * @cssproperty --checkin-color-text-muted - Secondary text (counts, hints).
 * @cssproperty --checkin-color-surface - Background of the card and fields.
 * @cssproperty --checkin-color-surface-subtle - Background of notices and quotes.
 * @cssproperty --checkin-color-border - Borders.
 * @cssproperty --checkin-color-accent - Primary button, focus ring, links.
 * @cssproperty --checkin-color-on-accent - Text on the primary button.
 * @cssproperty --checkin-color-danger - Errors.
 * @cssproperty --checkin-color-danger-surface - Background of error notices.
 * @cssproperty --checkin-color-warning - "Late" and storage warnings.
 * @cssproperty --checkin-color-warning-surface - Background of warnings.
 * @cssproperty --checkin-color-success - "Submitted".
 * @cssproperty --checkin-radius - Corner radius.
 * @cssproperty --checkin-space - Base spacing.
 * @cssproperty --checkin-font-size - Base font size.
 * @cssproperty --checkin-font-size-small - Counts and hints.
 * @cssproperty --checkin-focus-ring - The focus outline.
 * @cssproperty --checkin-color-scheme - `light`, `dark` or `light dark` (follow the system); unset, the page's `color-scheme`.
 * @cssproperty --checkin-form-field-min-height - Minimum height of an answer field.
 */
@localized()
export class CheckinForm extends LitElement {
  static override styles = [baseStyles, styles];

  /** The adapter to use; wins over a provider's. */
  @property({ attribute: false }) adapter?: CheckinAdapter;

  /** The contract whose check-in is shown; wins over a provider's. */
  @property({ attribute: 'contract-id', reflect: true }) contractId = '';

  /**
   * The level of the element's main heading, 1 to 6 (default 2), so its outline fits the host
   * page; sub-headings ("Submitted", "There is a problem") are one level below.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;

  /** A specific check-in; without it, the open one (or the last answer while still editable). */
  @property({ attribute: 'checkin-id', reflect: true }) checkinId = '';

  /** Returns the current time (ms, ISO string or Date); pin it in tests and demos. Defaults to the real time. */
  @property({ attribute: false }) clock?: Clock;

  /** How long to wait for one request before giving up with a `timeout` error and a retry, in ms (default 15000, or the provider's). */
  @property({ attribute: 'request-timeout', type: Number }) requestTimeout?: number;

  /** How failed reads are retried, `{attempts, baseDelayMs, maxDelayMs}`, over the provider's and the defaults (3, 500, 4000); writes never retry by themselves. */
  @property({ attribute: false }) retryPolicy?: Partial<RetryPolicy>;

  @state() private checkin: Checkin | null = null;
  @state() private entry: Entry = EMPTY_ENTRY;
  @state() private editing = false;
  @state() private problems: Problems = NO_PROBLEMS;
  @state() private outcomes: Outcomes = NO_OUTCOMES;
  @state() private previousSent: FormView['previousSent'] = null;
  @state() private pendingFill: PendingFill | null = null;
  @state() private replyOpen = false;
  @state() private restored: FormView['restored'] = null;
  @state() private savedAt: string | null = null;
  /** A newer check-in or settings change arrived while the talent had unsent text ('contract'), or this check-in was answered or skipped elsewhere ('checkin'). */
  @state() private newer: Newer = null;

  @query('.error-summary') private summaryEl?: HTMLElement;
  @query('#done-heading') private doneHeading?: HTMLElement;

  private readonly connection = new ConnectionController(this);
  private readonly announcer = new AnnouncerController(this);
  /** Every write; its epoch advances when the data on screen is replaced (a write's outcome then no longer belongs). */
  private readonly writes = new WriteController(this);
  private readonly liveUpdates = new LiveController(this, (event) => this.onLive(event), () => this.onStale());
  private readonly connectivity = new ConnectivityController(this, {
    onOnline: () => this.onOnline(),
    onOffline: () => this.announcer.announce(msg("You're offline. Your draft stays on this device.")),
  });
  private readonly draft = new DraftController<FormValue>(this, {
    parse: parseFormValue,
    now: () => this.now(),
    onSave: (info) => this.onDraftSaved(info.savedAt, info.persisted),
    onExternal: (record, applied) => this.onOtherTab(record, applied),
  });

  /** The last completed load (what is on screen). */
  private loaded: Loaded | null = null;
  private load: LoadState = NO_LOAD;
  /** Which contract and check-in the open draft belongs to (for the draft-saved event). */
  private draftOf: { contractId: string; checkinId: string } | null = null;
  private wasPersisted = true;
  /** Set while a write's key is stored with the draft: that save is not announced as "Draft saved". */
  private announcingWrite = false;

  private readonly data = new Task(this, {
    task: (args, { signal }) => this.runLoad(args, signal),
    args: () => this.loadArgs(),
  });

  constructor() {
    super();
    // A load cut short by leaving the page runs again on return.
    new ResumeTaskController(this, () => this.data);
  }

  // ---- loading -----------------------------------------------------------------------------

  private async runLoad(args: LoadArgs, signal: AbortSignal): Promise<Loaded | null> {
    const [adapter, contractId, checkinId] = args;
    if (!adapter || !contractId) return null;
    // Listen before loading, so that nothing said between the load and the subscription is
    // missed; what arrives while loading is acted on once the load is in (see onLive).
    this.liveUpdates.watch(adapter, contractId);
    const run = {};
    // "Show the latest" takes its own button away as the load starts: was the focus in here?
    this.load = startLoad(this.load, run, this.hasFocus());
    try {
      const loaded = await fetchLoaded(adapter, contractId, checkinId, () => this.now(), signal);
      signal.throwIfAborted();
      return this.arrive(args, loaded);
    } catch (error) {
      const failure = toCheckinError(error);
      if (!failure || signal.aborted) throw error;
      this.load = loadFailed(this.load);
      reportError(this, failure, 'load');
      throw failure;
    } finally {
      this.load = finishLoad(this.load, run);
    }
  }

  /** Applies a fresh load as `reconcile` decides; returns what is on screen after it. */
  private arrive(args: LoadArgs, loaded: Loaded): Loaded {
    const load = this.load;
    if (load.phase !== 'loading') return loaded;
    const shown = this.shownFor(args);
    const writing = this.writing() || load.wrote;
    const decision = reconcile(shown, loaded, { writing, chosen: load.chosen, unsent: this.hasUnsent(), changed: load.changed });
    if (shown && decision.do === 'wait-for-write') {
      this.load = deferToWrite(this.load);
      if (!this.writing()) queueMicrotask(() => this.afterWrite());
      return shown;
    }
    if (shown && decision.do === 'keep') {
      this.notify(decision.reason);
      this.load = heardTaken(this.load);
      return shown;
    }
    this.show(loaded, shown, decision.do === 'show' && decision.refresh);
    this.load = loadShown(this.load, args);
    if (load.changed) {
      this.load = heardTaken(this.load);
      if (this.hasUnsent()) this.notify(load.changed);
      else queueMicrotask(() => this.reload());
    }
    return loaded;
  }

  /** Shows a load; over a shown one, the focus and the news of what opened follow it. */
  private show(loaded: Loaded, shown: Loaded | null, refresh: boolean): void {
    // "Submitted" (or the skip's confirmation) on screen: begin may replace it with another check-in.
    const done = doneOf(this.outcomes);
    const sent = done && this.checkin ? { what: done, dueAt: this.checkin.dueAt } : null;
    const { chosen, focusAtStart } = this.load.phase === 'loading' ? this.load : { chosen: false, focusAtStart: false };
    this.begin(loaded, refresh);
    if (!shown) return;
    // Read before the new view renders (begin only set state): it may remove the focused node.
    // "Show the latest" already took its own button away as the load started.
    this.load = withRefocus(this.load, this.hasFocus() || (chosen && focusAtStart && this.focusIsNowhere()));
    // The confirmation went within a moment of appearing: the new view still says the write
    // went through (in words and in a line that stays), or it may be sent again.
    const replaced = sent && doneOf(this.outcomes) === null ? sent : null;
    if (replaced) this.previousSent = replaced;
    // Said wherever the focus is; after begin, whose flush of the old draft says "Draft saved".
    const opened = newlyOpen(loaded, shown);
    if (opened) this.announcer.announce(replaced ? sentAnd(replaced.what, opened) : opened);
  }

  private loadArgs(): LoadArgs {
    return [this.connection.adapter, this.connection.contractId, this.checkinId.trim()];
  }

  /** The last load, while it is for `args` (what a refresh keeps on screen), else null. */
  private shownFor(args: LoadArgs): Loaded | null {
    const of = this.load.of;
    return of && this.loaded && of.every((arg, i) => arg === args[i]) ? this.loaded : null;
  }

  /**
   * Resets the form for a fresh load and restores the draft of its check-in, if any. A `refresh`
   * of the check-in already on screen only swaps the data (see `sameSubject`).
   */
  private begin(loaded: Loaded, refresh = false): void {
    const previous = this.loaded;
    this.loaded = loaded;
    this.checkin = loaded.target;
    this.writes.epoch.advance();
    if (refresh && sameSubject(previous, loaded)) return;
    this.entry = EMPTY_ENTRY;
    this.editing = false;
    this.problems = NO_PROBLEMS;
    this.outcomes = NO_OUTCOMES;
    this.previousSent = null;
    this.pendingFill = null;
    this.replyOpen = false;
    this.restored = null;
    this.savedAt = null;
    this.openDraft(loaded);
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
    this.restored = what && { at: record.savedAt, what };
    // A draft of an answered (or skipped) check-in is an edit in progress while it can still be
    // sent; a draft with only a skip note in it is no edit.
    this.editing =
      touched && (target.status === 'answered' || target.status === 'skipped') && isEditable(target, settings, contract, this.now());
  }

  private hasUnsent(): boolean {
    const { editing, replyOpen, entry } = this;
    return hasUnsent({ editing, status: this.checkin?.status, replyOpen, replySent: this.outcomes.reply.kind === 'sent', entry });
  }

  /** Live updates: see `judge` and `decideLive`. */
  private onLive(event: CheckinEvent): void {
    // Replies and activity entries belong to the thread: nothing on the form changes with them.
    if (event.type === 'reply' || event.type === 'activity') return;
    const checkin = event.type === 'checkin' ? event.checkin : null;
    const here = checkin !== null && checkin.id === this.checkin?.id;
    // Judged against what is on screen, also while a load runs (only a load for the same inputs).
    const shown = this.shownFor(this.loadArgs());
    const judged = !here && shown ? judge(shown, event, this.now(), Boolean(this.checkinId.trim())) : { matters: true };
    if (shown && judged.settings) shown.settings = judged.settings;
    if (shown && judged.checkins) {
      shown.checkins = judged.checkins;
      this.requestUpdate();
    }
    const closes = here && checkin.status === 'closed' && this.checkin?.status !== 'closed';
    const viewChanged = here && viewOf(checkin) !== viewOf(this.checkin);
    this.apply(this.decide({ here, matters: judged.matters, closes, viewChanged }), checkin);
  }

  /** The adapter may have missed changes: loaded afresh, never over what is typed or sent. */
  private onStale(): void {
    this.apply(this.decide({ here: false, matters: true, closes: false, viewChanged: false }), null);
  }

  private decide(about: Pick<LiveInput, 'here' | 'matters' | 'closes' | 'viewChanged'>): LiveDecision {
    const loading = this.load.phase === 'loading';
    return decideLive({ ...about, loading, loaded: this.loaded !== null, writing: this.writing(), unsent: this.hasUnsent() });
  }

  private apply(decision: LiveDecision, checkin: Checkin | null): void {
    const loaded = this.loaded;
    switch (decision.do) {
      case 'defer':
        return void (this.load = heardWhileLoading(this.load, decision.reason));
      case 'notify':
        return this.notify(decision.reason);
      case 'after-write':
        return void (this.load = deferToWrite(this.load));
      case 'reload':
        return this.reload();
      case 'close':
      case 'replace':
        if (!checkin || !loaded) return;
        if (decision.do === 'close' || decision.refocus) this.load = withRefocus(this.load, this.hasFocus());
        this.checkin = loaded.target = checkin;
        if (decision.do === 'replace') return;
        // Nothing can be sent to it any more: the view says who closed it, and what was typed
        // stays to go as a message.
        this.editing = false;
        this.pendingFill = null;
        this.problems = { ...this.problems, answers: [] };
        this.announcer.announce(closedSentence(loaded, checkin, viewerTerms(loaded.viewer, loaded.contract)));
    }
  }

  /** True while a submit, skip or message is on its way (one write at a time). */
  private writing(): boolean {
    return this.writes.pending(WRITE);
  }

  /** Offers "Show the latest" for `reason`; never lets a weaker reason replace a stronger one. */
  private notify(reason: 'contract' | 'checkin'): void {
    this.newer = stronger(this.newer, reason);
  }

  /** Loads again; `chosen` when the talent asked for it (the result then replaces the form). */
  private reload(chosen = false): void {
    this.newer = null;
    this.load = askLoad(this.load, chosen);
    void this.data.run();
  }

  /** A refresh set aside for a write runs once it is done, or is offered when its text is still unsent. */
  private afterWrite(): void {
    if (!this.load.afterWrite || this.writing()) return;
    this.load = takeDeferred(this.load);
    if (this.hasUnsent()) this.notify('contract');
    else this.reload();
  }

  private hasFocus(): boolean {
    return Boolean(this.shadowRoot?.activeElement) || document.activeElement === this;
  }

  /** True while nothing on the page has the focus (a focused node was removed, say). */
  private focusIsNowhere(): boolean {
    const active = document.activeElement;
    return !active || active === document.body || active === document.documentElement;
  }

  /**
   * After a reload (or a live change of the check-in) while the focus was in the element, when
   * the focused node went with the old view: the focus goes to the new view's heading, so a
   * keyboard or screen-reader user is not dropped at the top of the page. Focus the person has
   * since taken elsewhere is never taken back.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.load.refocus) return;
    this.load = withRefocus(this.load, false);
    if (!this.hasFocus() && this.focusIsNowhere()) {
      (this.doneHeading ?? this.renderRoot.querySelector<HTMLElement>('#heading'))?.focus();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Back on the page, it loads again: a focus move meant for then would come out of nowhere.
    this.load = withRefocus(this.load, false);
  }

  // ---- drafts and fields ---------------------------------------------------------------------

  private now(): number {
    return readClock(this.clock);
  }

  private fill(value: FormValue): void {
    this.entry = fillEntry(this.entry, value);
  }

  /** Changes what the talent typed, and saves it. */
  private edit(patch: Partial<Entry>): void {
    this.entry = { ...this.entry, ...patch };
    this.draft.set(valueOf(this.entry));
  }

  private onDraftSaved(savedAt: string, persisted: boolean): void {
    this.savedAt = savedAt;
    if (!this.announcingWrite) {
      if (persisted) this.announcer.announce(msg('Draft saved'));
      // Said once when drafts stop being saved; the visible notice stays while it lasts.
      else if (this.wasPersisted) this.announcer.announce(storageWarning());
    }
    this.wasPersisted = persisted;
    const of = this.draftOf;
    if (of) this.dispatchEvent(new CheckinDraftSavedEvent({ ...of, savedAt, persisted }));
  }

  private onOtherTab(record: DraftRecord<FormValue>, applied: boolean): void {
    if (!applied) return;
    this.takeOtherTab(record);
    this.announcer.announce(msg('This draft was updated in another tab'));
  }

  /** Shows another tab's draft: its answers, health and skip note (see `fillEntry`). */
  private takeOtherTab(record: DraftRecord<FormValue>): void {
    this.fill(record.value);
    this.savedAt = record.savedAt;
    // A tab of an older version writes drafts without the skip panel: the note kept here is
    // written back with its answers, so that it is still in the draft after a reload.
    if (!record.value.skip && !isBlank(this.entry.skip.note)) this.draft.set(valueOf(this.entry));
  }

  /** A helper fills an empty field at once; typed text is never replaced without asking. */
  private offerFill(index: number, text: string): void {
    const question = this.loaded?.settings.questions[index];
    if (this.writes.action(WRITE) === 'submit' || !question) return;
    if (fillsAtOnce(this.entry.answers[question.id] ?? '', text)) return this.applyFill(index, text, 'replace');
    this.pendingFill = { index, text };
    void this.focusLater(`#fill-${index} button`);
  }

  private applyFill(index: number, text: string, how: 'replace' | 'append'): void {
    const question = this.loaded?.settings.questions[index];
    this.pendingFill = null;
    if (!question) return;
    const next = filledText(this.entry.answers[question.id] ?? '', text, how);
    this.edit({ answers: { ...this.entry.answers, [question.id]: next } });
    void this.updateComplete.then(() => {
      const field = this.field(index);
      field?.focus();
      field?.setSelectionRange(next.length, next.length);
    });
  }

  private field(index: number): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector<HTMLTextAreaElement>(`#q-${index}`);
  }

  private focusLater(selector: string): Promise<void> {
    return this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private startEdit(): void {
    if (!this.checkin) return;
    this.fill(answersOf(this.checkin));
    this.editing = true;
    this.outcomes = editStarted(this.outcomes);
    this.problems = { ...this.problems, answers: [] };
    void this.updateComplete.then(() => this.field(0)?.focus());
  }

  private cancelEdit(): void {
    this.draft.clear();
    this.editing = false;
    this.problems = { ...this.problems, answers: [] };
    this.outcomes = clearFailure(this.outcomes, 'submit');
    this.pendingFill = null;
    this.restored = null;
    this.savedAt = null;
    if (this.checkin) this.fill(answersOf(this.checkin));
    void this.focusLater('[part~="edit"]');
  }

  private toggleSkip(): void {
    const skip = { ...this.entry.skip, open: !this.entry.skip.open };
    this.entry = { ...this.entry, skip };
    this.outcomes = clearFailure(this.outcomes, 'skip');
    this.problems = { ...this.problems, note: null };
    // With a note in it, whether the panel is open is kept too: a reload shows it as it was.
    if (!isBlank(skip.note)) this.draft.set(valueOf(this.entry));
    if (skip.open) void this.focusLater('#skip-note');
  }

  private readonly on: FormHandlers = {
    submit: (event) => {
      event.preventDefault();
      void this.submit();
    },
    retrySubmit: () => void this.submit(),
    keydown: (event) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      // A held-down shortcut repeats keydown: one press is one submit.
      if (!event.repeat) void this.submit();
    },
    input: (question, event) => this.edit({ answers: { ...this.entry.answers, [question.id]: textOf(event) } }),
    health: (value) => {
      // Nothing changes while the answer is on its way (the radio springs back on re-render).
      if (this.writes.action(WRITE) === 'submit') return this.requestUpdate();
      this.edit({ health: (HEALTH_VALUES as readonly string[]).includes(value) ? (value as Health) : null });
    },
    offerFill: (index, text) => this.offerFill(index, text),
    applyFill: (index, text, how) => this.applyFill(index, text, how),
    cancelFill: (index) => {
      this.pendingFill = null;
      this.field(index)?.focus();
    },
    focusField: (event, index) => {
      // A fragment link inside a shadow root neither scrolls nor focuses (and would change the
      // page's URL), so the summary's links move focus themselves.
      event.preventDefault();
      this.field(index)?.focus();
      this.field(index)?.scrollIntoView?.({ block: 'center' });
    },
    startEdit: () => this.startEdit(),
    cancelEdit: () => this.cancelEdit(),
    toggleSkip: () => this.toggleSkip(),
    skipInput: (event) => this.edit({ skip: { ...this.entry.skip, note: textOf(event) } }),
    skip: () => void this.skip(),
    openReply: () => {
      this.replyOpen = true;
      void this.focusLater('#reply-text');
    },
    replyInput: (event) => {
      this.problems = { ...this.problems, reply: null };
      this.edit({ reply: textOf(event) });
    },
    sendReply: () => void this.sendReply(),
    reload: () => {
      if (!this.writing()) this.reload(true);
    },
    loadOtherTab: () => {
      const record = this.draft.acceptExternal();
      if (!record) return;
      this.takeOtherTab(record);
      this.announcer.announce(msg("Loaded the other tab's draft"));
    },
    keepThisDraft: () => this.draft.dismissExternal(),
  };

  // ---- writes --------------------------------------------------------------------------------

  /** What a write is about, when one can go: the load on screen, the check-in and the adapter. */
  private target(talentOnly: boolean): { loaded: Loaded; checkin: Checkin; adapter: CheckinAdapter } | null {
    const { loaded, checkin } = this;
    const adapter = this.connection.adapter;
    if (!loaded || !checkin || !adapter || (talentOnly && loaded.viewer.role !== 'talent')) return null;
    return { loaded, checkin, adapter };
  }

  /**
   * The key of a write, stored with the draft before the request leaves: a retry, even after a
   * reload, is the same write; a changed request is a new one. The draft keeps one key, for the
   * last write tried: the check-in's writes are never on their way at once.
   */
  private keyFor(action: WriteAction, checkin: Checkin, payload: unknown): string {
    this.announcingWrite = true;
    const key = this.draft.keyFor(fingerprint(action, checkin.id, payload), valueOf(this.entry));
    this.announcingWrite = false;
    this.load = wroteWhileLoading(this.load);
    return key;
  }

  /** Sends a write of the check-in (see WriteController): its failure is kept on screen. */
  private send<T>(action: WriteAction, send: () => Promise<T>, done: (result: T) => Promise<void>): Promise<void> {
    this.outcomes = clearFailure(this.outcomes, action);
    return this.writes.run(WRITE, {
      action,
      send,
      done,
      failed: (error) => void (this.outcomes = writeFailed(this.outcomes, action, error)),
      settled: () => this.afterWrite(),
    });
  }

  /** The adapter's answer: the draft goes on success whatever is on screen; kept (flushed) on failure. */
  private async confirm<T>(draft: string, request: () => Promise<T>, flush = true): Promise<T> {
    try {
      const result = await request();
      this.draft.clear(draft);
      return result;
    } catch (error) {
      if (flush) this.draft.flush();
      throw error;
    }
  }

  /** The write went through: its confirmation takes the focus. */
  private async confirmed(announcement: string, event: Event): Promise<void> {
    this.restored = null;
    this.savedAt = null;
    this.editing = false;
    this.announcer.announce(announcement);
    this.dispatchEvent(event);
    await this.updateComplete;
    this.doneHeading?.focus();
  }

  /**
   * Validates and sends the answers. Repeated calls while a write is in flight return the same
   * promise (one adapter call); resolves when the outcome is shown.
   */
  submit(): Promise<void> {
    // One write at a time: answers sent while the skip is out would race it (and take its key).
    if (this.writing()) return this.writes.settled(WRITE);
    const to = this.target(true);
    if (!to) return Promise.resolve();
    const { loaded, checkin, adapter } = to;
    const questions = loaded.settings.questions;
    this.problems = { ...this.problems, answers: validateAnswers(questions, valueOf(this.entry)) };
    if (this.problems.answers.length) {
      this.outcomes = clearFailure(this.outcomes, 'submit');
      return this.updateComplete.then(() => this.summaryEl?.focus());
    }
    const input = toInput(questions, valueOf(this.entry));
    const idempotencyKey = this.keyFor('submit', checkin, input);
    const contractId = loaded.contract.id;
    this.previousSent = null;
    this.announcer.announce(msg('Submitting…'));
    const request = () => adapter.submitAnswers(contractId, checkin.id, input, { idempotencyKey });
    return this.send('submit', () => this.confirm(this.draftKeyOf(to), request), (result) => {
      this.checkin = result;
      this.outcomes = writeSent(this.outcomes, 'submit');
      // The draft (a skip note typed on the way included) went with the confirmed answer.
      this.entry = { ...this.entry, skip: { note: '', open: false } };
      return this.confirmed(msg('Submitted'), new CheckinSubmitEvent({ contractId, checkin: result }));
    });
  }

  /** Sends the skip; one adapter call at a time, the same key for a retry of the same note. */
  skip(): Promise<void> {
    if (this.writing()) return this.writes.settled(WRITE);
    const to = this.target(false);
    if (!to) return Promise.resolve();
    const { loaded, checkin, adapter } = to;
    const note = this.entry.skip.note.trim();
    this.problems = { ...this.problems, note: noteProblem(note) };
    if (this.problems.note) return this.focusLater('#skip-note');
    const idempotencyKey = this.keyFor('skip', checkin, note);
    const contractId = loaded.contract.id;
    this.previousSent = null;
    const request = () => adapter.skipCheckin(contractId, checkin.id, { note }, { idempotencyKey });
    // Answers typed before choosing to skip have nowhere to go once it is confirmed.
    return this.send('skip', () => this.confirm(this.draftKeyOf(to), request, false), (result) => {
      this.checkin = result;
      this.entry = { ...this.entry, skip: { note: '', open: false } };
      this.outcomes = writeSent(this.outcomes, 'skip');
      return this.confirmed(msg('Marked as not working this week'), new CheckinSkipEvent({ contractId, checkin: result }));
    });
  }

  /**
   * Sends what was typed as a message on the check-in (`adapter.reply`), for a check-in that can
   * no longer take the answers. One write at a time; the key is stored with the draft before
   * the request leaves, and the draft is cleared only once the adapter confirms.
   */
  sendReply(): Promise<void> {
    if (this.writing()) return this.writes.settled(WRITE);
    const to = this.target(true);
    if (!to) return Promise.resolve();
    const { loaded, checkin, adapter } = to;
    const text = replyMessage(loaded.settings.questions, valueOf(this.entry));
    this.problems = { ...this.problems, reply: replyProblem(text) };
    if (this.problems.reply) return this.focusLater('#reply-text');
    const idempotencyKey = this.keyFor('reply', checkin, text);
    const contractId = loaded.contract.id;
    const client = shortText(loaded.contract.client.name);
    const request = () => adapter.reply(contractId, checkin.id, { text }, { idempotencyKey });
    return this.send('reply', () => this.confirm(this.draftKeyOf(to), request), (reply: Reply) => {
      this.entry = EMPTY_ENTRY;
      this.replyOpen = false;
      this.outcomes = writeSent(this.outcomes, 'reply');
      this.problems = { ...this.problems, answers: [] };
      const event = new CheckinReplyEvent({ contractId, checkinId: checkin.id, reply });
      return this.confirmed(msg(str`Sent to ${client} as a message.`), event);
    });
  }

  private draftKeyOf({ loaded, checkin }: { loaded: Loaded; checkin: Checkin }): string {
    return draftKey(loaded.contract.id, checkin.id, loaded.viewer.id);
  }

  /** Back online: announced, and a load that failed for want of a network is tried again. */
  private onOnline(): void {
    this.announcer.announce(msg("You're back online."));
    if (this.data.status === TaskStatus.ERROR && toCheckinError(this.data.error)?.retryable) void this.data.run();
  }

  // ---- rendering -----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`${this.renderBody()}${this.announcer.region()}`;
  }

  private renderBody(): unknown {
    if (!this.connection.adapter) return renderNoAdapter(TAG);
    if (!this.connection.contractId) return renderNoContract(TAG);
    const placeholder = () => renderLoading(msg('Loading the check-in…'));
    return this.data.render({
      initial: placeholder,
      // A refresh (a live update, a retry) keeps what is on screen, marked busy, rather than
      // flashing the placeholder; the first load, and one for other inputs, show the placeholder.
      pending: () => {
        const shown = this.shownFor(this.loadArgs());
        return shown ? renderLoaded({ view: this.view(shown), busy: true }) : placeholder();
      },
      complete: (loaded) => (loaded ? renderLoaded({ view: this.view(loaded), busy: false }) : nothing),
      // An abort (the element left the page) is no failure: it loads again on return.
      error: (error) => {
        const failure = toCheckinError(error);
        return failure ? renderError(failure, () => void this.data.run()) : placeholder();
      },
    });
  }

  private view(loaded: Loaded): FormView {
    const level = headingLevel(this.headingLevel);
    const { checkin, entry, editing, problems, outcomes, previousSent, pendingFill, replyOpen, restored, savedAt, newer, draft } = this;
    return {
      ...{ loaded, checkin, entry, editing, problems, outcomes, previousSent, pendingFill, replyOpen, restored, savedAt, newer },
      now: this.now(),
      terms: viewerTerms(loaded.viewer, loaded.contract),
      level: String(level),
      subLevel: String(subLevel(level)),
      sending: this.writes.action(WRITE) as WriteAction | undefined,
      offline: this.connectivity.offline,
      draft: { persisted: draft.persisted, updatedElsewhere: draft.updatedElsewhere, external: draft.external !== null },
      on: this.on,
    };
  }
}

function textOf(event: Event): string {
  return (event.target as HTMLTextAreaElement).value;
}
