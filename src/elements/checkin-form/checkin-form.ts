import { localized, msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { CheckinAdapter, CheckinEvent } from '../../adapters/adapter.js';
import type { RetryPolicy } from '../../adapters/resilient.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ConnectionController } from '../../controllers/connection.js';
import { ConnectivityController } from '../../controllers/connectivity.js';
import { LiveController } from '../../controllers/live.js';
import { ResumeTaskController } from '../../controllers/resume.js';
import type { Checkin } from '../../model.js';
import { baseStyles } from '../../styles.js';
import {
  headingLevel,
  renderError,
  renderLoading,
  renderNoAdapter,
  renderNoContract,
  reportError,
  subLevel,
  toCheckinError,
} from '../shared.js';
import { readClock, viewerTerms, type Clock } from '../terms.js';
import { styles } from './checkin-form.styles.js';
import { focusIsNowhere, hasFocus } from './focus.js';
import { fetchLoaded } from './load.js';
import { decideLive, judge, reconcile, sameSubject, viewOf, type LiveDecision, type LiveInput } from './reconcile.js';
import {
  NO_LOAD,
  askLoad,
  deferToWrite,
  finishLoad,
  heardTaken,
  heardWhileLoading,
  loadFailed,
  loadShown,
  startLoad,
  stronger,
  takeDeferred,
  withRefocus,
  wroteWhileLoading,
  type LoadArgs,
  type LoadState,
  type Loaded,
  type Newer,
} from './state.js';
import type { FormView } from './views/props.js';
import { renderLoaded } from './views/talent.js';
import { FormWork } from './work.js';
import { closedSentence, newlyOpen, sentAnd } from './words.js';

const TAG = 'checkin-form';

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

  /** A newer check-in or settings change arrived while the talent had unsent text ('contract'), or this check-in was answered or skipped elsewhere ('checkin'). */
  @state() private newer: Newer = null;

  @query('#done-heading') private doneHeading?: HTMLElement;

  private readonly connection = new ConnectionController(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly liveUpdates = new LiveController(
    this,
    (event) => this.onLive(event),
    () => this.onStale(),
  );
  private readonly connectivity = new ConnectivityController(this, {
    onOnline: () => this.onOnline(),
    onOffline: () => this.announcer.announce(msg("You're offline. Your draft stays on this device.")),
  });
  /** The talent's text, the draft and the check-in's writes (one WriteController, one key). */
  private readonly work = new FormWork(this, {
    now: () => this.now(),
    adapter: () => this.connection.adapter,
    announce: (text) => this.announcer.announce(text),
    wrote: () => void (this.load = wroteWhileLoading(this.load)),
    settled: () => this.afterWrite(),
    reload: () => this.reload(true),
  });
  private load: LoadState = NO_LOAD;

  private readonly data = new Task(this, {
    task: (args, { signal }) => this.runLoad(args, signal),
    args: () => this.loadArgs(),
  });

  constructor() {
    super();
    // A load cut short by leaving the page runs again on return.
    new ResumeTaskController(this, () => this.data);
  }

  /**
   * Validates and sends the answers. Repeated calls while a write is in flight return the same
   * promise (one adapter call); resolves when the outcome is shown.
   */
  submit(): Promise<void> {
    return this.work.submit();
  }

  /** Sends the skip; one adapter call at a time, the same key for a retry of the same note. */
  skip(): Promise<void> {
    return this.work.skip();
  }

  /**
   * Sends what was typed as a message on the check-in (`adapter.reply`), for a check-in that can
   * no longer take the answers. One write at a time; the key is stored with the draft before
   * the request leaves, and the draft is cleared only once the adapter confirms.
   */
  sendReply(): Promise<void> {
    return this.work.sendReply();
  }

  private now(): number {
    return readClock(this.clock);
  }

  private async runLoad(args: LoadArgs, signal: AbortSignal): Promise<Loaded | null> {
    const [adapter, contractId, checkinId] = args;
    if (!adapter || !contractId) return null;
    // Listen before loading, so that nothing said between the load and the subscription is
    // missed; what arrives while loading is acted on once the load is in (see onLive).
    this.liveUpdates.watch(adapter, contractId);
    const run = {};
    // "Show the latest" takes its own button away as the load starts: was the focus in here?
    this.load = startLoad(this.load, run, hasFocus(this));
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
    const writing = this.work.writing() || load.wrote;
    const decision = reconcile(shown, loaded, {
      writing,
      chosen: load.chosen,
      unsent: this.work.hasUnsent(),
      changed: load.changed,
    });
    if (shown && decision.do === 'wait-for-write') {
      this.load = deferToWrite(this.load);
      if (!this.work.writing()) queueMicrotask(() => this.afterWrite());
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
      if (this.work.hasUnsent()) this.notify(load.changed);
      else queueMicrotask(() => this.reload());
    }
    return loaded;
  }

  /** Shows a load; over a shown one, the focus and the news of what opened follow it. */
  private show(loaded: Loaded, shown: Loaded | null, refresh: boolean): void {
    const { chosen, focusAtStart } = this.load.phase === 'loading' ? this.load : { chosen: false, focusAtStart: false };
    const replaced = this.work.begin(loaded, refresh && sameSubject(this.work.loaded, loaded), shown !== null);
    if (!shown) return;
    // Read before the new view renders (begin only set state): it may remove the focused node.
    // "Show the latest" already took its own button away as the load started.
    this.load = withRefocus(this.load, hasFocus(this) || (chosen && focusAtStart && focusIsNowhere()));
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
    const loaded = this.work.loaded;
    return of && loaded && of.every((arg, i) => arg === args[i]) ? loaded : null;
  }

  /** Live updates: see `judge` and `decideLive`. */
  private onLive(event: CheckinEvent): void {
    // Replies and activity entries belong to the thread: nothing on the form changes with them.
    if (event.type === 'reply' || event.type === 'activity') return;
    const checkin = event.type === 'checkin' ? event.checkin : null;
    const here = checkin !== null && checkin.id === this.work.state.checkin?.id;
    // Judged against what is on screen, also while a load runs (only a load for the same inputs).
    const shown = this.shownFor(this.loadArgs());
    const judged = !here && shown ? judge(shown, event, this.now(), Boolean(this.checkinId.trim())) : { matters: true };
    this.work.take(judged);
    const closes = here && checkin.status === 'closed' && this.work.state.checkin?.status !== 'closed';
    const viewChanged = here && viewOf(checkin) !== viewOf(this.work.state.checkin);
    this.apply(this.decide({ here, matters: judged.matters, closes, viewChanged }), checkin);
  }

  /** The adapter may have missed changes: loaded afresh, never over what is typed or sent. */
  private onStale(): void {
    this.apply(this.decide({ here: false, matters: true, closes: false, viewChanged: false }), null);
  }

  private decide(about: Pick<LiveInput, 'here' | 'matters' | 'closes' | 'viewChanged'>): LiveDecision {
    const loading = this.load.phase === 'loading';
    return decideLive({
      ...about,
      loading,
      loaded: this.work.loaded !== null,
      writing: this.work.writing(),
      unsent: this.work.hasUnsent(),
    });
  }

  private apply(decision: LiveDecision, checkin: Checkin | null): void {
    const loaded = this.work.loaded;
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
        if (decision.do === 'close' || decision.refocus) this.load = withRefocus(this.load, hasFocus(this));
        this.work.replace(checkin, decision.do === 'close');
        if (decision.do === 'replace') return;
        // Nothing can be sent to it any more: the view says who closed it, and what was typed
        // stays to go as a message.
        this.announcer.announce(closedSentence(loaded, checkin, viewerTerms(loaded.viewer, loaded.contract)));
    }
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
    if (!this.load.afterWrite || this.work.writing()) return;
    this.load = takeDeferred(this.load);
    if (this.work.hasUnsent()) this.notify('contract');
    else this.reload();
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
    if (!hasFocus(this) && focusIsNowhere()) {
      (this.doneHeading ?? this.renderRoot.querySelector<HTMLElement>('#heading'))?.focus();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Back on the page, it loads again: a focus move meant for then would come out of nowhere.
    this.load = withRefocus(this.load, false);
  }

  /** Back online: announced, and a load that failed for want of a network is tried again. */
  private onOnline(): void {
    this.announcer.announce(msg("You're back online."));
    if (this.data.status === TaskStatus.ERROR && toCheckinError(this.data.error)?.retryable) void this.data.run();
  }

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
    const { persisted, updatedElsewhere, external } = this.work.draft;
    return {
      ...this.work.state,
      ...{
        loaded,
        now: this.now(),
        terms: viewerTerms(loaded.viewer, loaded.contract),
        newer: this.newer,
        on: this.work.on,
      },
      ...{ level: String(level), subLevel: String(subLevel(level)), sending: this.work.sending },
      ...{ offline: this.connectivity.offline, draft: { persisted, updatedElsewhere, external: external !== null } },
    };
  }
}
