import { localized, msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { CheckinAdapter } from '../../adapters/adapter.js';
import type { RetryPolicy } from '../../adapters/resilient.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ConnectionController } from '../../controllers/connection.js';
import { ConnectivityController } from '../../controllers/connectivity.js';
import { LiveController } from '../../controllers/live.js';
import { ResumeTaskController } from '../../controllers/resume.js';
import { baseStyles } from '../../styles.js';
import {
  headingLevel,
  renderError,
  renderLoading,
  renderNoAdapter,
  renderNoContract,
  subLevel,
  toCheckinError,
} from '../shared.js';
import { readClock, viewerTerms } from '../terms.js';
import { styles } from './checkin-form.styles.js';
import { focusIsNowhere, hasFocus } from './focus.js';
import { FormLoader } from './loader.js';
import type { LoadArgs, Loaded } from './state.js';
import type { FormView } from './views/props.js';
import { renderLoaded } from './views/talent.js';
import { FormWork } from './work.js';

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
  @property({ attribute: false }) clock?: () => number | string | Date;

  /** How long to wait for one request before giving up with a `timeout` error and a retry, in ms (default 15000, or the provider's). */
  @property({ attribute: 'request-timeout', type: Number }) requestTimeout?: number;

  /** How failed reads are retried, `{attempts, baseDelayMs, maxDelayMs}`, over the provider's and the defaults (3, 500, 4000); writes never retry by themselves. */
  @property({ attribute: false }) retryPolicy?: Partial<RetryPolicy>;

  @query('#done-heading') private doneHeading?: HTMLElement;

  private readonly connection = new ConnectionController(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly liveUpdates = new LiveController(
    this,
    (event) => this.loader.onLive(event),
    () => this.loader.onStale(),
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
    wrote: () => this.loader.wrote(),
    settled: () => this.loader.afterWrite(),
    reload: () => this.loader.reload(true),
  });
  /** The loads and the live updates (one LoadState). */
  private readonly loader = new FormLoader(this, this.work, {
    now: () => this.now(),
    args: () => this.loadArgs(),
    watch: (adapter, contractId) => this.liveUpdates.watch(adapter, contractId),
    announce: (text) => this.announcer.announce(text),
    run: () => void this.data.run(),
  });

  private readonly data = new Task(this, {
    task: (args, { signal }) => this.loader.runLoad(args, signal),
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
    return this.work.sends.submit();
  }

  /** Sends the skip; one adapter call at a time, the same key for a retry of the same note. */
  skip(): Promise<void> {
    return this.work.sends.skip();
  }

  /**
   * Sends what was typed as a message on the check-in (`adapter.reply`), for a check-in that can
   * no longer take the answers. One write at a time; the key is stored with the draft before
   * the request leaves, and the draft is cleared only once the adapter confirms.
   */
  sendReply(): Promise<void> {
    return this.work.sends.sendReply();
  }

  private now(): number {
    return readClock(this.clock);
  }

  private loadArgs(): LoadArgs {
    return [this.connection.adapter, this.connection.contractId, this.checkinId.trim()];
  }

  /**
   * After a reload (or a live change of the check-in) while the focus was in the element, when
   * the focused node went with the old view: the focus goes to the new view's heading, so a
   * keyboard or screen-reader user is not dropped at the top of the page. Focus the person has
   * since taken elsewhere is never taken back.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.loader.takeRefocus()) return;
    if (!hasFocus(this) && focusIsNowhere()) {
      (this.doneHeading ?? this.renderRoot.querySelector<HTMLElement>('#heading'))?.focus();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Back on the page, it loads again: a focus move meant for then would come out of nowhere.
    this.loader.takeRefocus();
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
        const shown = this.loader.shown();
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
        newer: this.loader.newer,
        on: this.work.on,
      },
      ...{ level: String(level), subLevel: String(subLevel(level)), sending: this.work.sending },
      ...{ offline: this.connectivity.offline, draft: { persisted, updatedElsewhere, external: external !== null } },
    };
  }
}
