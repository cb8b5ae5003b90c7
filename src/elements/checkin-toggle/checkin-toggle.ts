import { localized, msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { CheckinAdapter, CheckinEvent } from '../../adapters/adapter.js';
import type { RetryPolicy } from '../../adapters/resilient.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ConnectionController, loadViewer } from '../../controllers/connection.js';
import { ConnectivityController } from '../../controllers/connectivity.js';
import { LiveController } from '../../controllers/live.js';
import { ResumeTaskController } from '../../controllers/resume.js';
import { zoneName } from '../../format.js';
import type { ConsentPolicy } from '../../model.js';
import { timeZones } from '../../schedule/index.js';
import { baseStyles } from '../../styles.js';
import {
  headingLevel,
  renderError,
  renderLoading,
  renderNoAdapter,
  renderNoContract,
  reportError,
  toCheckinError,
} from '../shared.js';
import { readClock, viewerTerms } from '../terms.js';
import { ToggleActions } from './actions.js';
import { styles } from './checkin-toggle.styles.js';
import { ToggleStore, type Loaded } from './store.js';
import { renderCard } from './views/card.js';
import type { ViewerTerms } from './words.js';

const TAG = 'checkin-toggle';

/**
 * Weekly check-ins for one contract: the client's switch and schedule editor, the talent's
 * read-only view with consent, or an observer's summary.
 *
 * The client turns check-ins on through a confirmation that says what the talent will be asked
 * and when, in both parties' time. Every change shows at once as pending and is rolled back,
 * with an alert and an announcement, when the adapter refuses it.
 *
 * @summary Turns weekly check-ins on or off and sets their schedule, fairly to the talent.
 *
 * @fires checkin-settings-change - A change made here was confirmed by the adapter; `detail` is `{ contractId, settings, previous }`.
 * @fires checkin-error - A failure was shown (loading, saving, conflict); `detail` is `{ error, action }`.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The main heading, which names the contract (`role="heading"`, level from `heading-level`).
 * @csspart switch - The switch button (`role="switch"`).
 * @csspart switch-track - The switch's track.
 * @csspart switch-thumb - The switch's thumb.
 * @csspart switch-label - The switch's visible label.
 * @csspart status - The line that says the current state (and the polite live region).
 * @csspart ineligible - Why check-ins are not offered on this contract.
 * @csspart consent - The talent's consent state, and the talent's Accept / Decline.
 * @csspart summary - The read-only description of the schedule.
 * @csspart editor - The client's schedule form.
 * @csspart questions-editor - The client's question editor.
 * @csspart question - One question in the question editor.
 * @csspart field - One labelled field of the editor.
 * @csspart field-error - The inline error of a field.
 * @csspart chip - A skipped date in the editor.
 * @csspart next-prompts - The list of the next check-ins in both parties' time.
 * @csspart dialog - The confirmation dialog shown before turning check-ins on.
 * @csspart error - A failure (`role="alert"`).
 * @csspart conflict - The notice after someone else changed the settings while the client edited the schedule (also `error`); holds "Save my version" and "Use their version".
 * @csspart retry-button - "Try again" inside a failure.
 * @csspart loading - The placeholder while loading.
 * @csspart offline - The notice shown while the browser is offline.
 *
 * @cssproperty --checkin-color-accent - The switch when on, primary buttons, focus ring.
 * @cssproperty --checkin-color-on-accent - Text on primary buttons, and the switch's thumb.
 * @cssproperty --checkin-color-text - Text colour.
 * @cssproperty --checkin-color-text-muted - Secondary text.
 * @cssproperty --checkin-color-surface - Card and dialog background.
 * @cssproperty --checkin-color-surface-subtle - Notices, chips and the next-prompts list.
 * @cssproperty --checkin-color-border - Borders and the switch track when off.
 * @cssproperty --checkin-color-danger - Inline errors and alerts.
 * @cssproperty --checkin-color-danger-surface - Background of alerts.
 * @cssproperty --checkin-color-warning - The ineligible and consent notices.
 * @cssproperty --checkin-color-warning-surface - Background of the ineligible and consent notices.
 * @cssproperty --checkin-color-success - Unused here; a token shared by every element, so one setting styles them all.
 * @cssproperty --checkin-radius - Corner radius.
 * @cssproperty --checkin-space - Base spacing.
 * @cssproperty --checkin-font-size - Base font size (the page's font family is inherited).
 * @cssproperty --checkin-font-size-small - Hints and secondary lines.
 * @cssproperty --checkin-focus-ring - The focus outline.
 * @cssproperty --checkin-color-scheme - `light`, `dark` or `light dark` (follow the system); unset, the page's `color-scheme`.
 * @cssproperty --checkin-switch-width - Width of the switch track (default 2.75rem).
 * @cssproperty --checkin-switch-height - Height of the switch track (default 1.5rem).
 */
@localized()
export class CheckinToggle extends LitElement {
  static override styles = [baseStyles, styles];

  /** The adapter to use; wins over a provider's. */
  @property({ attribute: false }) adapter?: CheckinAdapter;

  /** The contract whose check-ins are shown; wins over a provider's. */
  @property({ attribute: 'contract-id', reflect: true }) contractId = '';

  /** Where "now" comes from for the next-prompt previews and the "your time" of the schedule (tests and demos pin it); the real clock by default. */
  @property({ attribute: false }) clock?: () => number | string | Date;

  /**
   * The backend's consent policy, for the confirmation's wording before the first switch-on,
   * used when the adapter's settings carry no `policy`; else inferred from the consent state.
   */
  @property({ attribute: 'consent-policy' }) consentPolicy?: ConsentPolicy;

  /**
   * The level of the element's main heading, 1 to 6 (default 2), so its outline fits the host
   * page; sub-headings follow one level below each.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;

  /** How long to wait for one request before giving up with a `timeout` error and a retry, in ms (default 15000, or the provider's). */
  @property({ attribute: 'request-timeout', type: Number }) requestTimeout?: number;

  /** How failed reads are retried, `{attempts, baseDelayMs, maxDelayMs}`, over the provider's and the defaults (3, 500, 4000); writes never retry by themselves. */
  @property({ attribute: false }) retryPolicy?: Partial<RetryPolicy>;

  private readonly connection = new ConnectionController(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly connectivity = new ConnectivityController(this, {
    onOnline: () => this.catchUp(true),
    onVisible: () => this.catchUp(false),
  });
  /** The settings, the client's edits and the settings write (own module: one state at a time). */
  private readonly store = new ToggleStore(this, {
    connection: this.connection,
    announcer: this.announcer,
    loaded: () => this.data.value,
    terms: () => this.terms(),
  });
  /** What each control does (own module). */
  private readonly actions = new ToggleActions(this, this.store, this.announcer, () => this.terms());
  /** A load cut short by leaving the page runs again on return. */
  private readonly resume = new ResumeTaskController(this, () => this.data);
  // The stream may have missed changes: the settings are fetched afresh (the stream stays).
  private readonly liveUpdates = new LiveController(
    this,
    (event) => this.onLiveEvent(event),
    () => {
      if (this.data.status === TaskStatus.COMPLETE && this.store.settings) void this.store.refreshSettings();
    },
  );

  private readonly data = new Task(this, {
    task: async ([adapter, contractId], { signal }): Promise<Loaded | undefined> => {
      this.resetFor();
      if (!adapter || !contractId) return undefined;
      try {
        const [viewer, contract, settings] = await Promise.all([
          // One shared request per adapter, also with the provider's (see loadViewer).
          loadViewer(adapter, signal),
          adapter.getContract(contractId, { signal }),
          adapter.getSettings(contractId, { signal }),
        ]);
        signal.throwIfAborted();
        // A live update may already have delivered a newer version.
        this.store.takeNewer(settings);
        return { viewer, contract };
      } catch (error) {
        const failure = toCheckinError(error);
        if (failure && !signal.aborted) {
          reportError(this, failure, 'load');
          throw failure;
        }
        throw error;
      }
    },
    args: () => [this.connection.adapter, this.connection.contractId] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // A load cut short reloads everything (the resume controller); otherwise a write abandoned
    // on leaving is settled by reading what is true now.
    this.store.reconnected(this.resume.resumed);
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { adapter, contractId } = this.connection;
    if (this.isConnected && adapter && contractId) this.liveUpdates.watch(adapter, contractId);
    else this.liveUpdates.clear();
  }

  /** Forgets everything about the previous contract (a late answer for it must not render). */
  private resetFor(): void {
    this.store.reset();
    for (const id of ['#enable-dialog', '#withdraw-dialog']) {
      const dialog = this.renderRoot?.querySelector<HTMLDialogElement>(id);
      if (dialog?.open) dialog.close();
    }
  }

  private onLiveEvent(event: CheckinEvent): void {
    if (event.type !== 'settings' || event.settings.contractId !== this.connection.contractId) return;
    this.store.takeNewer(event.settings);
  }

  /**
   * The viewer's locale, zone and now. A talent's zone falls back to theirs on the contract; a
   * client's and an observer's to the browser's.
   */
  private terms(): ViewerTerms {
    const loaded = this.data.value;
    const contract = loaded?.viewer.role === 'talent' ? loaded.contract : undefined;
    return { ...viewerTerms(loaded?.viewer, contract), now: readClock(this.clock) };
  }

  /**
   * The network or the page came back. A load that failed for want of a network is retried; a
   * loaded element subscribes afresh (the adapter gives no sign of a dropped subscription) and
   * refreshes its settings, which may have changed meanwhile.
   */
  private catchUp(online: boolean): void {
    if (!this.isConnected) return;
    if (this.data.status === TaskStatus.ERROR) {
      if (online && toCheckinError(this.data.error)?.retryable) void this.data.run();
      return;
    }
    if (this.data.status !== TaskStatus.COMPLETE || !this.store.settings) return;
    this.liveUpdates.renew();
    this.store.catchUp(online);
  }

  protected override render(): TemplateResult {
    // One template for every state, so the live region node survives state changes.
    return html`${this.announcer.region()}${this.renderBody()}`;
  }

  private renderBody(): unknown {
    if (!this.connection.adapter) return renderNoAdapter(TAG);
    if (!this.connection.contractId) return renderNoContract(TAG);
    const loading = () => renderLoading(msg('Loading check-in settings…'));
    return this.data.render({
      initial: loading,
      pending: loading,
      error: (error) => {
        const failure = toCheckinError(error);
        return failure ? renderError(failure, () => void this.data.run()) : loading();
      },
      complete: (loaded) => (loaded ? this.renderLoaded(loaded) : nothing),
    });
  }

  private renderLoaded({ viewer, contract }: Loaded): TemplateResult {
    const { store } = this;
    const settings = store.settings;
    if (!settings) return renderLoading(msg('Loading check-in settings…'));
    return renderCard({
      contract,
      settings,
      terms: this.terms(),
      viewerId: viewer.id,
      level: headingLevel(this.headingLevel),
      role: viewer.role,
      offline: this.connectivity.offline,
      writing: store.writing,
      edits: store.edits,
      questions: store.questions,
      zones: (locale) => this.zoneOptions(locale),
      consentPolicy: this.consentPolicy,
      changer: (latest, since) => store.changer(latest, since),
      actions: this.actions,
      resend: (write) => store.send(write),
      reload: (place) => void store.reloadAgain(place),
    });
  }

  private zoneOptionsCache?: TemplateResult[];
  private zoneOptions(locale: string | undefined): TemplateResult[] {
    // ~400 options: built once per element, not on every keystroke.
    this.zoneOptionsCache ??= timeZones().map(
      (zone) => html`<option value=${zone} label=${zoneName(zone, locale)}></option>`,
    );
    return this.zoneOptionsCache;
  }
}
