import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { CheckinAdapter, CheckinEvent, SettingsChange } from '../../adapters/adapter.js';
import type { RetryPolicy } from '../../adapters/resilient.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ConnectionController, loadViewer } from '../../controllers/connection.js';
import { ConnectivityController } from '../../controllers/connectivity.js';
import { LiveController } from '../../controllers/live.js';
import { ResumeTaskController } from '../../controllers/resume.js';
import { Epoch, WriteController, type WriteOp } from '../../controllers/write.js';
import { CheckinSettingsChangeEvent } from '../../events.js';
import { zoneName } from '../../format.js';
import type { CheckinError, ConsentPolicy, Contract, Settings, Viewer } from '../../model.js';
import { timeZones } from '../../schedule/index.js';
import { baseStyles } from '../../styles.js';
import {
  headingLevel,
  renderError,
  renderLoading,
  renderNoAdapter,
  renderNoContract,
  reportError,
  shortText,
  toCheckinError,
} from '../shared.js';
import { readClock, viewerTerms, type Clock } from '../terms.js';
import { styles } from './checkin-toggle.styles.js';
import { changer, editorShown, keptEditsAnnouncement, switchConflictNotice, type Changer } from './conflict.js';
import * as editor from './editor-state.js';
import { refusalOf, replacingOf, rolledBackText, savedText } from './outcome.js';
import { questionsOf, type QuestionsAction } from './question-draft.js';
import { QuestionsState } from './questions-state.js';
import { draftOf, formatLocalDate, scheduleOf, todayIn, type DraftField, type ScheduleDraft } from './schedule-draft.js';
import * as write from './state.js';
import type { Place, Reload, SwitchConflict, Write, WriteState } from './state.js';
import { renderClient } from './views/client.js';
import { renderEnableDialog } from './views/dialog.js';
import { renderEditor } from './views/editor.js';
import { renderEditConflict, renderQuestionsConflict, renderSwitchConflict } from './views/notices.js';
import { ariaLevel, renderOffline } from './views/parts.js';
import { renderQuestionEditor } from './views/question-editor.js';
import { renderObserver, renderSummary } from './views/summary.js';
import { renderTalent } from './views/talent.js';
import { firstName, type ViewerTerms } from './words.js';

const TAG = 'checkin-toggle';
/** Every settings write goes one at a time, under this key. */
const SETTINGS = 'settings';

interface Loaded {
  viewer: Viewer;
  contract: Contract;
}

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
  @property({ attribute: false }) clock?: Clock;

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


  /** The latest settings the adapter confirmed (or a live update delivered). */
  @state() private settings?: Settings;
  /** The client's schedule edits (own module: draft, messages, skip dates, conflict notice). */
  @state() private edits: editor.ScheduleEdits = editor.NO_EDITS;
  /** The settings write: on its way, refused, conflicted (own module: one state at a time). */
  @state() private writing: WriteState = write.IDLE;

  @query('#enable-dialog') private dialog?: HTMLDialogElement;
  @query('#withdraw-dialog') private withdrawDialog?: HTMLDialogElement;
  @query('[role="switch"]') private switchButton?: HTMLButtonElement;

  /** The client's question edits (own module: draft, validation, focus after moves). */
  private readonly questions = new QuestionsState(this);
  private readonly connection = new ConnectionController(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly connectivity = new ConnectivityController(this, {
    onOnline: () => this.catchUp(true),
    onVisible: () => this.catchUp(false),
  });
  /** Advanced when the adapter or contract changes: answers for the old pair are dropped. */
  private readonly epoch = new Epoch();
  private readonly writes = new WriteController(this, this.epoch);
  /**
   * The settings versions this element wrote: the viewer being the last editor means "another
   * tab or window" only when the version is not one of these.
   */
  private readonly ownVersions = new Set<number>();
  /** A write was abandoned when the element left the page: what is true now must be fetched. */
  private refreshOnConnect = false;
  /** A load cut short by leaving the page runs again on return. */
  private readonly resume = new ResumeTaskController(this, () => this.data);
  // The stream may have missed changes: the settings are fetched afresh (the stream stays).
  private readonly liveUpdates = new LiveController(
    this,
    (event) => this.onLiveEvent(event),
    () => {
      if (this.data.status === TaskStatus.COMPLETE && this.settings) void this.refreshSettings();
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
        this.takeNewer(settings);
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
    if (this.refreshOnConnect && !this.resume.resumed) void this.refreshSettings();
    this.refreshOnConnect = false;
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
    this.epoch.advance();
    this.settings = undefined;
    this.edits = editor.NO_EDITS;
    this.writing = write.IDLE;
    this.questions.clear();
    this.ownVersions.clear();
    if (this.dialog?.open) this.dialog.close();
    if (this.withdrawDialog?.open) this.withdrawDialog.close();
  }

  private onLiveEvent(event: CheckinEvent): void {
    if (event.type !== 'settings' || event.settings.contractId !== this.connection.contractId) return;
    this.takeNewer(event.settings);
  }

  /** Takes confirmed settings; the drafts follow unless the client is editing them. */
  private applySettings(next: Settings, resetDraft = false, resetQuestions = false): void {
    this.settings = next;
    this.questions.follow(next, resetQuestions);
    this.edits = editor.follow(this.edits, next, this.terms().locale, resetDraft);
  }

  /** Takes `latest` unless the settings shown are newer. */
  private takeNewer(latest: Settings): void {
    if (!this.settings || latest.version >= this.settings.version) this.applySettings(latest);
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

  // ---- writes -------------------------------------------------------------------------------

  /** Sends one settings write; tried once: only the person's own "Try again" repeats it, with its key. */
  private send(next: Write): void {
    const adapter = this.connection.adapter;
    if (write.busy(this.writing) || !adapter) return;
    this.writing = write.start(this.writing, next);
    // Whatever the person does next is their answer to a conflict notice.
    this.edits = editor.dropNotice(this.edits);
    const op: WriteOp<Settings> = {
      action: 'update-settings',
      send: () =>
        adapter.updateSettings(next.contractId, next.change, {
          expectedVersion: next.expectedVersion,
          idempotencyKey: next.idempotencyKey,
        }),
      done: (saved) => this.saved(next, saved),
      failed: (error) => this.refused(next, error),
      abandoned: () => this.abandoned(),
    };
    if (!this.writes.pending(SETTINGS)) return void this.writes.run(SETTINGS, op);
    // The last write is settled here, but its flight closes a moment later: this one follows it.
    const current = this.epoch.mark();
    void this.writes.settled(SETTINGS).then(() => {
      if (current()) void this.writes.run(SETTINGS, op);
    });
  }

  private saved(sent: Write, saved: Settings): void {
    this.writing = write.settle(this.writing);
    this.ownVersions.add(saved.version);
    this.takeOwn(sent, saved);
    this.dispatchEvent(
      new CheckinSettingsChangeEvent({ contractId: sent.contractId, settings: saved, previous: sent.previous }),
    );
    if (sent.kind === 'withdraw') this.focusLater('#consent-text');
    this.announcer.announce(savedText(sent, saved, this.data.value?.contract.talent));
  }

  /** The element's own write confirmed: shown unless newer settings are, the drafts it did not carry kept. */
  private takeOwn(sent: Write, saved: Settings): void {
    if (this.settings && saved.version < this.settings.version) return;
    const withSchedule = sent.change.schedule !== undefined;
    const withQuestions = sent.change.questions !== undefined;
    // Only this write came between: the person's own switch or consent change must not make
    // their unsaved edits look stale (a false "changed by someone else").
    if (!withSchedule) this.edits = editor.followOwn(this.edits, sent.expectedVersion, saved);
    if (!withQuestions) this.questions.followOwn(sent.expectedVersion, saved);
    this.applySettings(saved, withSchedule, withQuestions);
  }

  private async refused(sent: Write, error: CheckinError): Promise<void> {
    const unsaved = { schedule: this.edits.dirty, questions: this.questions.dirty };
    switch (refusalOf(sent, error, unsaved)) {
      case 'keep-questions':
        return this.keepQuestionEdits(sent);
      case 'keep-edits':
        return this.keepEdits(sent);
      case 'conflict':
        return this.resolveConflict(sent);
      case 'skip-date':
        // The backend's own words, where the date was entered; the edits stay in the form.
        this.writing = write.settle(this.writing);
        return this.refuseSkip(error.message);
      case 'failed':
        this.writing = write.fail(this.writing, error);
        this.announcer.announce(rolledBackText(sent.kind));
    }
  }

  /**
   * The refused write still shows as in progress while the latest settings are fetched for
   * `place`, then settles; false when the element moved on meanwhile.
   */
  private async settleConflict(place: Place, withNotice: boolean): Promise<boolean> {
    const current = this.epoch.mark();
    this.writing = write.resolve(this.writing, place, withNotice);
    const reload = await this.reload(place, current);
    if (!current()) return false;
    this.writing = write.resolved(this.writing, reload);
    return true;
  }

  /**
   * The version written against is stale: the latest shows and the person decides again. The
   * switch or consent click is lost (and said to be); unsaved schedule edits are not. What is
   * said waits for the reload, which tells who changed the settings.
   */
  private async resolveConflict(sent: Write): Promise<void> {
    const place = write.placeOf(sent.kind);
    if (!(await this.settleConflict(place, true))) return;
    const conflict = write.conflictAt(this.writing, place);
    if (conflict) this.announcer.announce(this.switchNotice(conflict).spoken);
  }

  /** A conflict on the client's schedule edits: they stay, and a notice offers two ways on. */
  private async keepEdits(sent: Write): Promise<void> {
    this.edits = editor.keep(this.edits, sent.previous, sent.kind === 'enable');
    if (!(await this.settleConflict('editor', false))) return;
    this.announcer.announce(keptEditsAnnouncement(this.whoChanged(editor.keptOf(this.edits))));
    void this.focusConflict();
  }

  /** The schedule's conflict path, for question edits: kept, the latest fetched, a notice focused. */
  private async keepQuestionEdits(sent: Write): Promise<void> {
    this.questions.conflict = { base: this.questions.base ?? sent.previous };
    if (!(await this.settleConflict('questions', false))) return;
    this.announcer.announce(keptEditsAnnouncement(this.whoChanged(this.questions.conflict)));
    this.focusLater('#questions-conflict-title');
  }

  /** Abandoned (the element left the page): it may or may not have been applied, so what is true is fetched. */
  private abandoned(): void {
    this.writing = write.settle(this.writing);
    if (this.isConnected) void this.refreshSettings();
    else this.refreshOnConnect = true;
  }

  /** Fetches the latest settings after a conflict (or again): what is shown after, or the failure. */
  private async reload(place: Place, current = this.epoch.mark()): Promise<Reload | undefined> {
    const { adapter, contractId } = this.connection;
    if (!adapter || !contractId) return undefined;
    try {
      const latest = await adapter.getSettings(contractId);
      if (!current()) return undefined;
      this.takeLatest(place, latest);
      return { ok: true, latest: this.settings ?? latest };
    } catch (error) {
      const failure = toCheckinError(error);
      if (!failure || !current()) return undefined;
      reportError(this, failure, 'load');
      return { ok: false, error: failure };
    }
  }

  /** "Try again" after a failed reload, or back online: fetched once more. */
  private async reloadAgain(place: Place): Promise<void> {
    const reload = await this.reload(place);
    if (reload) this.writing = write.reloaded(this.writing, place, reload);
  }

  /**
   * The latest settings, fetched for `place`: shown if newer. Kept edits stay, now made against
   * this version; unsaved schedule edits after a switch or consent conflict keep their old base,
   * so saving them later meets the conflict notice instead of silently replacing a newer version.
   */
  private takeLatest(place: Place, latest: Settings): void {
    const questions = this.questions;
    const keptQuestions = place === 'questions' && !!questions.conflict && questions.dirty;
    const keptEdits = place === 'editor' && !!editor.keptOf(this.edits) && this.edits.dirty;
    if (!keptQuestions && !keptEdits) this.edits = editor.dropNotice(this.edits);
    this.takeNewer(latest);
    const theirs = this.settings ?? latest;
    if (keptQuestions) questions.keepOver(theirs);
    if (!keptEdits) return;
    this.edits = editor.keptOver(this.edits, theirs);
    // After "Try again" the retry button is gone: focus goes back to the notice.
    if (!write.busy(this.writing)) void this.focusConflict();
  }

  /**
   * Fetches the settings again and shows them if they are newer, keeping the client's unsaved
   * edits (saving them later against an older version is then a conflict, and says so). A failed
   * refresh changes nothing on screen.
   */
  private async refreshSettings(): Promise<void> {
    const { adapter, contractId } = this.connection;
    if (!adapter || !contractId || !this.settings || write.busy(this.writing)) return;
    const current = this.epoch.mark();
    try {
      const latest = await adapter.getSettings(contractId);
      if (current() && !write.busy(this.writing)) this.takeNewer(latest);
    } catch {
      // Nothing to show: the settings on screen were true when they came, and a later try
      // (coming back online, the page shown again) refreshes them.
    }
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
    if (this.data.status !== TaskStatus.COMPLETE || !this.settings) return;
    this.liveUpdates.renew();
    const state = this.writing;
    // A reload that failed offline is tried again; a failed write waits for the person.
    if (online && state.status === 'reloadFailed' && state.error.retryable) void this.reloadAgain(state.place);
    else void this.refreshSettings();
  }

  /** Who made `latest` since version `since`, told apart by this element's own writes. */
  private changer(latest: Settings, since: number): Changer {
    return changer(latest, since, this.ownVersions, this.data.value?.viewer.id);
  }

  /** Who made the version a kept-edits notice shows, once it is fetched. */
  private whoChanged(conflict?: { base: Settings; theirs?: Settings }): Changer['kind'] | undefined {
    return conflict?.theirs && this.changer(conflict.theirs, conflict.base.version).kind;
  }

  /** The switch or consent conflict notice's words. */
  private switchNotice(conflict: SwitchConflict): ReturnType<typeof switchConflictNotice> {
    const who: Changer = conflict.latest ? this.changer(conflict.latest, conflict.since) : { kind: 'unknown' };
    return switchConflictNotice(who, this.edits.dirty ? this.edits.draft : undefined, this.settings, this.terms());
  }

  /** Focus `selector` once the next render is done. */
  private focusLater(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private async focusConflict(): Promise<void> {
    await this.updateComplete;
    if (editor.keptOf(this.edits)) this.renderRoot.querySelector<HTMLElement>('#conflict-title')?.focus();
  }

  // ---- client: switch and dialog ------------------------------------------------------------

  private onSwitchClick = (): void => {
    const settings = this.settings;
    if (!settings || write.switchLocked(this.writing, settings)) return;
    if (settings.enabled) return this.send(write.newWrite('disable', settings, { enabled: false }, settings.version));
    // A half-edited schedule is part of what the client is agreeing to: it must be valid first.
    const { dirty, draft } = this.edits;
    if (dirty && draft && !scheduleOf(draft)) return this.refuseInvalid(msg('Fix the schedule before turning check-ins on.'));
    this.writing = write.cleared(this.writing);
    // The dialog is always in the template; showModal moves focus into it and makes the rest inert.
    this.dialog?.showModal();
  };

  private confirmEnable = (): void => {
    const { settings, dialog } = this;
    if (!settings || write.busy(this.writing) || !dialog?.open) return;
    const { dirty, draft, version } = this.edits;
    const schedule = dirty && draft ? scheduleOf(draft) : null;
    const change: SettingsChange = schedule ? { enabled: true, schedule } : { enabled: true };
    const next = write.newWrite('enable', settings, change, schedule ? version : settings.version);
    dialog.close('confirm');
    this.send(next);
  };

  private cancelDialog = (): void => {
    this.dialog?.close('cancel');
  };

  private onDialogClose = (): void => {
    // Chromium restores focus itself; other engines may not, and focus must land on the switch.
    // The close event comes a task later: a conflict notice may already have taken focus.
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (!active || this.dialog?.contains(active) || active === this.switchButton) this.switchButton?.focus();
  };

  // ---- client: editor -----------------------------------------------------------------------

  /** The draft changed: a conflict notice and the editor's alert are answered by it. */
  private changeDraft(next: editor.ScheduleEdits): void {
    const changed = next.draft !== this.edits.draft;
    this.edits = next;
    if (changed) this.writing = write.withoutFailure(write.withoutConflict(this.writing), 'editor');
  }

  private onEdit = (patch: Partial<ScheduleDraft>, field: DraftField): void => {
    this.changeDraft(editor.edit(this.edits, patch, field));
  };

  /** Nothing is sent with bad data: the errors say what to fix, focus goes to the first. */
  private refuseInvalid(text: string): void {
    this.edits = editor.showAll(this.edits);
    this.announcer.announce(text);
    void this.updateComplete.then(() => {
      const id = editor.firstInvalid(this.edits);
      if (id) this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
    });
  }

  /** A skip date refused, here or by the backend: said at the field, which takes focus. */
  private refuseSkip(problem: string): void {
    this.edits = editor.refuseSkip(this.edits, problem);
    this.announcer.announce(msg(str`Not saved: ${problem}`));
    this.focusLater('#skip-date');
  }

  private onSave = (event: Event): void => {
    event.preventDefault();
    this.saveDraft();
  };

  private saveDraft(): void {
    const settings = this.settings;
    const { draft, dirty, base, version } = this.edits;
    if (!settings || !draft || write.busy(this.writing)) return;
    const schedule = scheduleOf(draft);
    if (!schedule) return this.refuseInvalid(msg('The schedule was not saved. Fix the marked fields.'));
    if (!dirty) return this.announcer.announce(msg('No changes to save.'));
    // Skip dates added in this draft that the backend would refuse are said at the field,
    // nothing sent. Dates the draft started with are not the client's additions (the backend
    // may still refuse them after a conflict; that answer is shown at the field too).
    const today = todayIn(schedule.timeZone, this.terms().now);
    const problem = editor.addedSkipProblem(schedule, base ?? settings, today, this.terms().locale);
    if (problem) return this.refuseSkip(problem);
    // After a conflict the draft was moved onto the other version: this save replaces it.
    const replacing = replacingOf(this.whoChanged(editor.keptOf(this.edits)));
    this.send({ ...write.newWrite('schedule', settings, { schedule }, version), replacing });
  }

  /** "Save my version": the kept edits, written against the version the notice shows. */
  private saveMine = (): void => {
    // The notice (and this button) go away while saving: focus waits on the form's Save button,
    // which shows the progress, and an alert that follows takes it from there.
    this.renderRoot.querySelector<HTMLElement>('.editor button[type="submit"]')?.focus();
    this.saveDraft();
  };

  /**
   * "Use their version" and "Discard changes": the edits are dropped and the editor shows the
   * latest settings. Both buttons go away with the edits, so focus is put somewhere useful.
   */
  private discardEdits = async (): Promise<void> => {
    const conflicted = !!editor.keptOf(this.edits);
    if (this.settings) this.applySettings(this.settings, true);
    this.edits = editor.discarded(this.edits);
    this.writing = write.withoutFailure(this.writing, 'editor');
    this.announcer.announce(
      conflicted ? msg('Your edits were discarded. The latest version is shown.') : msg('Changes discarded'),
    );
    await this.updateComplete;
    // The first field shows the saved version; with no editor (check-ins not offered), the switch.
    (this.renderRoot.querySelector<HTMLElement>('#weekday') ?? this.switchButton)?.focus();
  };

  private onSkipInput = (value: string): void => {
    this.edits = editor.typeSkip(this.edits, value);
  };

  private addSkipDate = (): void => {
    const draft = this.edits.draft;
    if (!draft) return;
    const { now, locale } = this.terms();
    this.changeDraft(editor.addSkip(this.edits, todayIn(draft.timeZone, now), locale));
  };

  private removeSkipDate = (date: string): void => {
    if (!this.edits.draft) return;
    this.changeDraft(editor.removeSkip(this.edits, date));
    this.announcer.announce(msg(str`${formatLocalDate(date, this.terms().locale)} removed`));
    // The removed chip took focus with it: keep the person in the same place.
    this.focusLater('#skip-date');
  };

  // ---- client: questions --------------------------------------------------------------------

  private onQuestionAction = (action: QuestionsAction): void => {
    const { focus, announce } = this.questions.apply(action);
    this.writing = write.withoutFailure(this.writing, 'questions');
    if (announce) this.announcer.announce(announce);
    if (focus) this.focusLater(`#${focus}`);
  };

  private onAddQuestion = (): void => {
    if (!write.busy(this.writing)) this.onQuestionAction(this.questions.addAction());
  };

  private onSaveQuestions = (event: Event): void => {
    event.preventDefault();
    const { settings, questions: state } = this;
    if (!settings || write.busy(this.writing)) return;
    const questions = questionsOf(state.draft);
    if (!questions) {
      state.showAll = true;
      this.requestUpdate();
      this.announcer.announce(msg('The questions were not saved. Fix the marked fields.'));
      const first = state.firstInvalid();
      if (first) this.focusLater(`#${first}`);
      return;
    }
    if (!state.dirty) return this.announcer.announce(msg('No changes to save.'));
    const replacing = replacingOf(this.whoChanged(state.conflict));
    state.conflict = undefined;
    this.send({ ...write.newWrite('questions', settings, { questions }, state.version), replacing });
  };

  private discardQuestions = async (): Promise<void> => {
    const conflicted = !!this.questions.conflict;
    if (this.settings) this.questions.follow(this.settings, true);
    this.writing = write.withoutFailure(this.writing, 'questions');
    this.announcer.announce(
      conflicted ? msg('Your edits were discarded. The latest version is shown.') : msg('Changes discarded'),
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#questions-title + p + ol input')?.focus();
  };

  private saveMyQuestions = (): void => {
    this.renderRoot.querySelector<HTMLElement>('.questions-editor button[type="submit"]')?.focus();
    this.onSaveQuestions(new Event('submit'));
  };

  // ---- talent -------------------------------------------------------------------------------

  private answerConsent(consent: 'given' | 'declined' | 'withdrawn'): void {
    const settings = this.settings;
    if (!settings || write.busy(this.writing)) return;
    const kind = consent === 'given' ? 'accept' : consent === 'declined' ? 'decline' : 'withdraw';
    this.send(write.newWrite(kind, settings, { consent }, settings.version));
  }

  /** "Withdraw my consent" asks first, as turning on does: the dialog says what follows. */
  private openWithdraw = (): void => {
    if (write.busy(this.writing) || this.settings?.consent !== 'given') return;
    this.writing = write.cleared(this.writing);
    this.withdrawDialog?.showModal();
  };

  private confirmWithdraw = (): void => {
    if (!this.withdrawDialog?.open) return;
    this.withdrawDialog.close('confirm');
    this.answerConsent('withdrawn');
  };

  private onWithdrawClose = (): void => {
    // Cancel, Escape or confirm: focus goes back to the button, which shows the progress; once
    // the withdrawal is saved, focus moves to the sentence that says so (see saved()).
    this.renderRoot.querySelector<HTMLElement>('#withdraw')?.focus();
  };

  // ---- render -------------------------------------------------------------------------------

  /** The main heading's level (sub-headings follow one level below each). */
  private get level(): number {
    return headingLevel(this.headingLevel);
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
    const settings = this.settings;
    if (!settings) return renderLoading(msg('Loading check-in settings…'));
    const offline = this.connectivity.offline ? renderOffline() : nothing;
    const view = { contract, settings, terms: this.terms(), viewerId: viewer.id, level: this.level };
    if (viewer.role === 'client') return html`${offline}${this.renderClient(view)}`;
    if (viewer.role !== 'talent') return renderObserver(view);
    return html`${offline}${renderTalent({
      ...view,
      sending: write.sendingKind(this.writing),
      notice: html`${this.renderFailureAt('consent')}${this.renderConflictAt('consent')}`,
      summary: renderSummary({ ...view, as: 'talent' }),
      onAnswer: (consent) => this.answerConsent(consent),
      onWithdraw: this.openWithdraw,
      onConfirmWithdraw: this.confirmWithdraw,
      onCancelWithdraw: () => this.withdrawDialog?.close('cancel'),
      onWithdrawClose: this.onWithdrawClose,
    })}`;
  }

  private renderClient(view: View): TemplateResult {
    const { contract, settings } = view;
    const sending = write.sendingKind(this.writing);
    const kept = editor.keptOf(this.edits);
    const shown = editorShown(settings);
    return renderClient({
      ...view,
      on: write.shownOn(this.writing, settings),
      busy: sending === 'enable' || sending === 'disable',
      locked: write.switchLocked(this.writing, settings),
      notice: html`${this.renderFailureAt('switch')}${this.renderConflictAt('switch')}`,
      editor: shown ? this.renderEditor(view) : kept && !sending ? this.renderEditConflict(view, false) : nothing,
      questions: shown ? this.renderQuestions(contract) : nothing,
      dialog: renderEnableDialog({
        ...view,
        schedule: (this.edits.dirty && this.edits.draft && scheduleOf(this.edits.draft)) || settings.schedule,
        consentPolicy: this.consentPolicy,
        onConfirm: this.confirmEnable,
        onCancel: this.cancelDialog,
        onClose: this.onDialogClose,
      }),
      onSwitch: this.onSwitchClick,
    });
  }

  private renderEditor(view: View): TemplateResult {
    const { settings, terms } = view;
    const edits = this.edits;
    const draft = edits.draft ?? draftOf(settings.schedule, terms.locale);
    const sending = write.sendingKind(this.writing);
    const kept = editor.keptOf(edits);
    return renderEditor({
      ...view,
      draft,
      errors: editor.errorsShown(edits, terms.locale),
      skipInput: edits.skipInput,
      skipError: edits.skipError,
      today: todayIn(draft.timeZone, terms.now),
      on: write.shownOn(this.writing, settings),
      saving: sending === 'schedule',
      blocked: !!sending,
      dirty: edits.dirty,
      zones: this.zoneOptions(terms.locale),
      notice: html`${kept && !sending ? this.renderEditConflict(view, true) : this.renderConflictAt('editor')}${this.renderFailureAt('editor')}`,
      onEdit: this.onEdit,
      onSkipInput: this.onSkipInput,
      onAddSkip: this.addSkipDate,
      onRemoveSkip: this.removeSkipDate,
      onSave: this.onSave,
      onDiscard: () => void this.discardEdits(),
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

  /** The notice over kept schedule edits; `canSave` false when no editor is shown. */
  private renderEditConflict({ contract, terms }: View, canSave: boolean): TemplateResult | typeof nothing {
    const conflict = editor.keptOf(this.edits);
    if (!conflict) return nothing;
    const { base, theirs } = conflict;
    return renderEditConflict({
      conflict,
      who: theirs ? this.changer(theirs, base.version) : { kind: 'unknown' },
      canSave,
      talent: contract.talent,
      draft: this.edits.draft,
      terms,
      level: this.level,
      onSaveMine: this.saveMine,
      onUseTheirs: () => void this.discardEdits(),
    });
  }

  private renderQuestions(contract: Contract): TemplateResult {
    const state = this.questions;
    const sending = write.sendingKind(this.writing);
    const failure = this.renderFailureAt('questions');
    return renderQuestionEditor({
      draft: state.draft,
      errors: state.errorsShown(),
      level: ariaLevel(this.level, 1),
      title: shortText(contract.title),
      talent: firstName(contract.talent),
      saving: sending === 'questions',
      blocked: !!sending,
      dirty: state.dirty,
      notice: failure !== nothing ? failure : state.conflict && !sending ? this.renderQuestionsConflict(contract) : nothing,
      onAction: this.onQuestionAction,
      onAdd: this.onAddQuestion,
      onSave: this.onSaveQuestions,
      onDiscard: () => void this.discardQuestions(),
    });
  }

  private renderQuestionsConflict(contract: Contract): TemplateResult | typeof nothing {
    const conflict = this.questions.conflict;
    if (!conflict) return nothing;
    const { base, theirs } = conflict;
    return renderQuestionsConflict({
      base,
      theirs,
      who: theirs ? this.changer(theirs, base.version) : { kind: 'unknown' },
      talent: contract.talent,
      terms: this.terms(),
      level: this.level,
      onSaveMine: this.saveMyQuestions,
      onUseTheirs: () => void this.discardQuestions(),
    });
  }

  /** The alert at `place`; "Try again" sends the same write again, or fetches again. */
  private renderFailureAt(place: Place): TemplateResult | typeof nothing {
    const failure = write.failureAt(this.writing, place);
    if (!failure) return nothing;
    const again = failure.write;
    return renderError(failure.error, again ? () => this.send(again) : () => void this.reloadAgain(place));
  }

  private renderConflictAt(place: Place): TemplateResult | typeof nothing {
    const conflict = write.conflictAt(this.writing, place);
    return conflict ? renderSwitchConflict(this.switchNotice(conflict)) : nothing;
  }
}

/** What every card view is given. */
interface View {
  contract: Contract;
  settings: Settings;
  terms: ViewerTerms;
  viewerId: string;
  level: number;
}
