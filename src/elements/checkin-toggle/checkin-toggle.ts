import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  newIdempotencyKey,
  type CheckinAdapter,
  type CheckinEvent,
  type SettingsChange,
} from '../../adapters/adapter.js';
import type { RetryPolicy } from '../../adapters/resilient.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ConnectionController, loadViewer } from '../../controllers/connection.js';
import { ConnectivityController } from '../../controllers/connectivity.js';
import { LiveController } from '../../controllers/live.js';
import { ResumeTaskController } from '../../controllers/resume.js';
import { CheckinSettingsChangeEvent } from '../../events.js';
import { formatRelative, formatWallTime, zoneName } from '../../format.js';
import type {
  CheckinError,
  ConsentPolicy,
  Contract,
  Party,
  Schedule,
  Settings,
  Viewer,
} from '../../model.js';
import { isValidTimeZone, timeZones, upcomingPrompts } from '../../schedule/index.js';
import { baseStyles } from '../../styles.js';
import {
  displayTitle,
  headingLevel,
  renderError,
  shortText,
  subLevel,
  renderLoading,
  renderNoAdapter,
  renderNoContract,
  reportError,
  toCheckinError,
} from '../shared.js';
import { styles } from './checkin-toggle.styles.js';
import {
  changer,
  editConflictWords,
  keptEditsAnnouncement,
  scheduleText,
  switchConflictWords,
  type Changer,
  type EditConflictFacts,
  type ViewerTerms,
} from './conflict.js';
import {
  draftOf,
  formatLocalDate,
  parseWallTime,
  scheduleOf,
  skipDateProblem,
  todayIn,
  validateDraft,
  weekdayNamesOf,
  type DraftErrors,
  type DraftField,
  type ScheduleDraft,
} from './schedule-draft.js';
import { firstName, nameOf, onDate, scheduleWords, when } from './words.js';
import { questionsOf, type QuestionsAction } from './question-draft.js';
import { renderQuestionEditor } from './question-editor.js';
import { QuestionsState } from './questions-state.js';

const TAG = 'checkin-toggle';

type WriteKind = 'enable' | 'disable' | 'schedule' | 'questions' | 'accept' | 'decline' | 'withdraw';

/** One settings write: kept as is for a retry, so the retry reuses its idempotency key. */
interface Write {
  kind: WriteKind;
  contractId: string;
  change: SettingsChange;
  expectedVersion: number;
  idempotencyKey: string;
  previous: Settings;
  /**
   * A schedule saved over another version after a conflict (said so when it is saved): 'theirs'
   * when someone else made it, 'other' when it came from the viewer's own other tab or window.
   */
  replacing?: 'theirs' | 'other';
}

/** A switch or consent change refused because the settings had changed meanwhile. */
interface SwitchConflict {
  /** Which control the notice sits next to. */
  place: Failure['place'];
  /** The version the refused write was made against. */
  since: number;
  /** The latest settings once fetched: who changed them is said from these. */
  latest?: Settings;
}

/** A failure on screen, where it happened, and what "Try again" does. */
interface Failure {
  error: CheckinError;
  /** Which control the alert sits next to. */
  place: 'switch' | 'editor' | 'consent' | 'questions';
  retry: () => void;
  /** True when what failed was reloading the settings (not a write). */
  reload?: boolean;
}

/**
 * A save of the client's schedule edits that met someone else's change. The edits stay in the
 * editor; the person chooses between saving them over the other version and using it.
 */
type EditConflict = EditConflictFacts;

interface Loaded {
  viewer: Viewer;
  contract: Contract;
}

const FIELD_ORDER: DraftField[] = ['weekday', 'time', 'timeZone', 'skipDates', 'pauseDate'];
const FIELD_ID: Record<DraftField, string> = {
  weekday: 'weekday',
  time: 'time',
  timeZone: 'zone',
  skipDates: 'skip-date',
  pauseDate: 'pause',
};

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
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

  /** The latest settings the adapter confirmed (or a live update delivered). */
  @state() private settings?: Settings;
  /** The editor's field values; separate from `settings` so typing is never overwritten. */
  @state() private draft?: ScheduleDraft;
  /** True once the client edited the draft (a live update then leaves the draft alone). */
  @state() private draftDirty = false;
  /** The settings version the draft was started from: saving it expects that version. */
  private draftVersion = 0;
  /** The settings the draft was started from (a conflict says what changed since). */
  private draftBase?: Settings;
  /**
   * The settings versions this element wrote: the viewer being the last editor means "another
   * tab or window" only when the version is not one of these.
   */
  private readonly ownVersions = new Set<number>();
  @state() private touched = new Set<DraftField>();
  @state() private showAllErrors = false;
  @state() private skipInput = '';
  @state() private skipError = '';
  @state() private pending?: Write;
  @state() private failure?: Failure;
  /** The "changed in the meantime" notice after a switch or consent conflict. */
  @state() private conflict?: SwitchConflict;
  /** A schedule save refused by a conflict, with the client's edits kept. */
  @state() private editConflict?: EditConflict;
  @state() private dialogOpen = false;

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
  /** Bumped when the adapter or contract changes: answers for the old pair are dropped. */
  private generation = 0;
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
        if (!this.settings || settings.version >= this.settings.version) this.applySettings(settings);
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
    args: () =>
      [this.connection.adapter, this.connection.contractId] as const,
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
    this.syncSubscription();
  }

  /** Forgets everything about the previous contract (a late answer for it must not render). */
  private resetFor(): void {
    this.generation++;
    this.settings = undefined;
    this.draft = undefined;
    this.draftDirty = false;
    this.touched = new Set();
    this.showAllErrors = false;
    this.skipInput = '';
    this.skipError = '';
    this.pending = undefined;
    this.failure = undefined;
    this.conflict = undefined;
    this.editConflict = undefined;
    this.draftBase = undefined;
    this.questions.clear();
    this.ownVersions.clear();
    if (this.dialog?.open) this.dialog.close();
    if (this.withdrawDialog?.open) this.withdrawDialog.close();
    this.dialogOpen = false;
  }

  private syncSubscription(): void {
    const adapter = this.connection.adapter;
    const contractId = this.connection.contractId;
    if (this.isConnected && adapter && contractId) this.liveUpdates.watch(adapter, contractId);
    else this.liveUpdates.clear();
  }

  private onLiveEvent(event: CheckinEvent): void {
    if (event.type !== 'settings') return;
    const next = event.settings;
    if (next.contractId !== this.connection.contractId) return;
    if (this.settings && next.version < this.settings.version) return;
    this.applySettings(next);
  }

  /** Takes confirmed settings; the draft follows unless the client is editing it. */
  private applySettings(next: Settings, resetDraft = false, resetQuestions = false): void {
    this.settings = next;
    this.questions.follow(next, resetQuestions);
    if (!this.draft || !this.draftDirty || resetDraft) {
      this.draft = draftOf(next.schedule, this.locale());
      this.draftVersion = next.version;
      this.draftBase = next;
      this.draftDirty = false;
      this.touched = new Set();
      this.showAllErrors = false;
    }
  }

  private now(): number {
    const value = this.clock?.();
    const ms = value === undefined ? Date.now() : new Date(value).getTime();
    return Number.isNaN(ms) ? Date.now() : ms;
  }

  // ---- writes -------------------------------------------------------------------------------

  private async write(write: Write): Promise<void> {
    const adapter = this.connection.adapter;
    if (this.pending || !adapter) return;
    const generation = this.generation;
    // Writes are tried once: only the person's own "Try again" repeats this one, with its key.
    this.pending = write;
    this.failure = undefined;
    this.conflict = undefined;
    // Whatever the person does next is their answer to a conflict notice.
    this.editConflict = undefined;
    try {
      const saved = await adapter.updateSettings(write.contractId, write.change, {
        expectedVersion: write.expectedVersion,
        idempotencyKey: write.idempotencyKey,
      });
      if (generation !== this.generation) return;
      this.pending = undefined;
      this.ownVersions.add(saved.version);
      if (!this.settings || saved.version >= this.settings.version) {
        const withSchedule = write.change.schedule !== undefined;
        if (
          !withSchedule &&
          this.draftDirty &&
          this.draftVersion === write.expectedVersion &&
          saved.version === write.expectedVersion + 1
        ) {
          // Only this write came between: the person's own switch or consent change must not
          // make their unsaved schedule edits look stale (a false "changed by someone else").
          this.draftVersion = saved.version;
          this.draftBase = saved;
        }
        const withQuestions = write.change.questions !== undefined;
        if (!withQuestions) this.questions.followOwn(write.expectedVersion, saved);
        this.applySettings(saved, withSchedule, withQuestions);
      }
      this.dispatchEvent(
        new CheckinSettingsChangeEvent({
          contractId: write.contractId,
          settings: saved,
          previous: write.previous,
        }),
      );
      if (write.kind === 'withdraw') {
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#consent-text')?.focus());
      }
      this.announcer.announce(
        write.kind === 'questions' && write.replacing
          ? msg('Questions saved: your version replaced the latest one.')
          : write.replacing === 'other'
          ? msg('Schedule saved: your version replaced the other one.')
          : write.replacing === 'theirs'
            ? msg('Schedule saved: your version replaced theirs.')
            : this.doneText(write.kind, saved),
      );
    } catch (error) {
      const failure = toCheckinError(error);
      if (generation !== this.generation) return;
      const conflicted = failure?.code === 'conflict';
      // Schedule edits refused by a conflict are the client's work: they are kept.
      const keepEdits = conflicted && write.change.schedule !== undefined && this.draftDirty;
      const keepQuestions = conflicted && write.change.questions !== undefined && this.questions.dirty;
      // A conflict shows as in progress until the latest version (and who made it) is fetched.
      if (!conflicted) this.pending = undefined;
      if (!failure) {
        // Abandoned because the element left the page; it may or may not have been applied,
        // so what is true is fetched (now, or when the element is back).
        if (this.isConnected) void this.refreshSettings();
        else this.refreshOnConnect = true;
        return;
      }
      reportError(this, failure, 'update-settings');
      const place =
        write.kind === 'schedule' ? 'editor'
        : write.kind === 'questions' ? 'questions'
        : write.kind === 'enable' || write.kind === 'disable' ? 'switch'
        : 'consent';
      if (keepQuestions) {
        await this.keepQuestionEdits(write, generation);
      } else if (keepEdits) {
        await this.keepEdits(write, generation);
      } else if (conflicted) {
        // The version we wrote against is stale: show the latest and let the person decide again.
        // The switch or consent click is lost (and said to be); unsaved schedule edits are not:
        // reload() leaves a dirty draft alone. What is said waits for the reload, which tells
        // who changed the settings and whether the edits are still in a form.
        this.conflict = { place, since: write.expectedVersion };
        await this.reload(place, generation);
        if (generation !== this.generation) return;
        this.pending = undefined;
        if (this.conflict) this.announcer.announce(this.conflictWords(this.conflict).spoken);
      } else if (this.skipDateRefusal(write, failure)) {
        // The backend's own words, where the date was entered; the edits stay in the form.
        this.skipError = failure.message;
        this.announcer.announce(msg(str`Not saved: ${failure.message}`));
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#skip-date')?.focus());
      } else {
        this.failure = { error: failure, place, retry: () => void this.write(write) };
        this.announcer.announce(this.rolledBackText(write.kind));
      }
    }
  }

  /**
   * After a conflict on the client's schedule edits: the edits stay in the editor, the other
   * version is fetched (the save still shows as in progress meanwhile), and a notice says what
   * changed and offers "Save my version" / "Use their version".
   */
  private async keepEdits(write: Write, generation: number): Promise<void> {
    this.editConflict = { base: this.draftBase ?? write.previous, enabling: write.kind === 'enable' };
    await this.reload('editor', generation);
    if (generation !== this.generation) return;
    this.pending = undefined;
    const conflict = this.editConflict;
    const who = conflict?.theirs && this.changer(conflict.theirs, conflict.base.version).kind;
    this.announcer.announce(keptEditsAnnouncement(who));
    void this.focusConflict();
  }

  /** The schedule's conflict path, for question edits: kept, the latest fetched, a notice focused. */
  private async keepQuestionEdits(write: Write, generation: number): Promise<void> {
    this.questions.conflict = { base: this.questions.base ?? write.previous };
    await this.reload('questions', generation);
    if (generation !== this.generation) return;
    this.pending = undefined;
    const conflict = this.questions.conflict;
    const who = conflict?.theirs && this.changer(conflict.theirs, conflict.base.version).kind;
    this.announcer.announce(keptEditsAnnouncement(who));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#questions-conflict-title')?.focus();
  }

  private async focusConflict(): Promise<void> {
    await this.updateComplete;
    if (this.editConflict) this.renderRoot.querySelector<HTMLElement>('#conflict-title')?.focus();
  }

  private async reload(place: Failure['place'], generation = this.generation): Promise<void> {
    const adapter = this.connection.adapter;
    const contractId = this.connection.contractId;
    if (!adapter || !contractId) return;
    try {
      const latest = await adapter.getSettings(contractId);
      if (generation !== this.generation) return;
      this.failure = undefined;
      const conflict = place === 'editor' ? this.editConflict : undefined;
      const questions = this.questions;
      if (place === 'questions' && questions.conflict && questions.dirty) {
        // As for the schedule: the edits stay, now made against this version.
        if (!this.settings || latest.version >= this.settings.version) this.applySettings(latest);
        const theirs = this.settings ?? latest;
        questions.version = theirs.version;
        questions.base = theirs;
        questions.conflict = { ...questions.conflict, theirs };
      } else if (conflict && this.draftDirty) {
        // The edits stay (applySettings leaves a dirty draft alone); they are now made against
        // this version, so saving them replaces exactly what the notice shows and nothing newer.
        if (!this.settings || latest.version >= this.settings.version) this.applySettings(latest);
        const theirs = this.settings ?? latest;
        this.draftVersion = theirs.version;
        this.draftBase = theirs;
        this.editConflict = { ...conflict, theirs };
        // After "Try again" the retry button is gone: focus goes back to the notice.
        if (!this.pending) void this.focusConflict();
      } else {
        this.editConflict = undefined;
        // A switch or consent conflict: the latest settings show, but unsaved schedule edits stay
        // in the form with their old base version, so saving them later meets the conflict notice
        // (which says what changed) instead of silently replacing the newer version.
        if (!this.settings || latest.version >= this.settings.version) this.applySettings(latest);
        if (this.conflict?.place === place) this.conflict = { ...this.conflict, latest: this.settings ?? latest };
      }
    } catch (error) {
      const failure = toCheckinError(error);
      if (!failure || generation !== this.generation) return;
      reportError(this, failure, 'load');
      this.failure = { error: failure, place, retry: () => void this.reload(place), reload: true };
    }
  }

  /**
   * Fetches the settings again and shows them if they are newer, keeping the client's unsaved
   * edits (saving them later against an older version is then a conflict, and says so). A failed
   * refresh changes nothing on screen.
   */
  private async refreshSettings(): Promise<void> {
    const adapter = this.connection.adapter;
    const contractId = this.connection.contractId;
    if (!adapter || !contractId || !this.settings || this.pending) return;
    const generation = this.generation;
    try {
      const latest = await adapter.getSettings(contractId);
      if (generation !== this.generation || this.pending) return;
      if (!this.settings || latest.version >= this.settings.version) this.applySettings(latest);
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
    const failure = this.failure;
    if (online && failure?.reload && failure.error.retryable && !this.pending) {
      // A reload that failed offline is tried again; a failed write waits for the person.
      void this.reload(failure.place);
      return;
    }
    void this.refreshSettings();
  }

  private newWrite(kind: WriteKind, change: SettingsChange, expectedVersion: number): Write | undefined {
    const settings = this.settings;
    if (!settings) return undefined;
    return {
      kind,
      contractId: settings.contractId,
      change,
      expectedVersion,
      // Created once, before the first attempt; "Try again" sends the same write.
      idempotencyKey: newIdempotencyKey(),
      previous: settings,
    };
  }

  private doneText(kind: WriteKind, saved: Settings): string {
    switch (kind) {
      case 'enable':
        return saved.consent === 'pending'
          ? msg(str`Check-ins turned on. They start once ${this.talentName()} accepts.`)
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

  private rolledBackText(kind: WriteKind): string {
    switch (kind) {
      case 'enable':
        return msg('Not saved: check-ins are still off.');
      case 'disable':
        return msg('Not saved: check-ins are still on.');
      case 'schedule':
        return msg('Not saved: the schedule is unchanged. Your edits are still in the form.');
      case 'questions':
        return msg('Not saved: the questions are unchanged. Your edits are still in the form.');
      case 'accept':
      case 'decline':
      case 'withdraw':
        return msg('Not saved: your answer was not recorded.');
    }
  }

  /**
   * The switch or consent conflict notice, said the way the schedule conflict notice says it:
   * another tab or window, a named person, or "someone else" when unknown; then what became of
   * unsaved schedule edits, judged on the settings now shown (the reload can hide the form).
   */
  private conflictWords(conflict: SwitchConflict): { heading: string; text: string; spoken: string } {
    const who: Changer = conflict.latest ? this.changer(conflict.latest, conflict.since) : { kind: 'unknown' };
    const words = switchConflictWords(who);
    const heading = words.heading;
    let text = words.text;
    const settings = this.settings;
    if (this.draftDirty && settings) {
      const edits = this.editorShown(settings)
        ? msg('Your unsaved schedule edits are still in the form.')
        : this.cantSaveText(settings);
      text = `${text} ${edits}`;
    }
    // "Someone else" is already in the text; the other headings say who, so they are spoken too.
    return { heading, text, spoken: who.kind === 'unknown' ? text : `${heading} ${text}` };
  }

  /** Who made `latest` since version `since`, told apart by this element's own writes. */
  private changer(latest: Settings, since: number): Changer {
    return changer(latest, since, this.ownVersions, this.viewer?.id);
  }

  /** True when the schedule editor is shown: check-ins offered, or on (they can be switched off). */
  private editorShown(settings: Settings): boolean {
    return settings.eligibility.eligible || settings.enabled;
  }

  /** Kept edits with no form to save them from: why, and what they were (so they are not lost). */
  private cantSaveText(settings: Settings): string {
    const mine = this.draft && scheduleOf(this.draft);
    const reason = settings.eligibility.reason ?? '';
    return mine
      ? msg(
          str`Check-ins are off and not offered for this contract, so your edits can't be saved. ${reason} Your edits were: ${this.scheduleText(mine)}.`,
        )
      : msg(str`Check-ins are off and not offered for this contract, so your edits can't be saved. ${reason}`);
  }

  // ---- client: switch and dialog ------------------------------------------------------------

  private get shownEnabled(): boolean {
    const pending = this.pending;
    if (pending?.kind === 'enable') return true;
    if (pending?.kind === 'disable') return false;
    return !!this.settings?.enabled;
  }

  private switchLocked(settings: Settings): boolean {
    // An ineligible contract can still be switched off (eligibility may change after enabling).
    return !!this.pending || (!settings.eligibility.eligible && !settings.enabled);
  }

  private onSwitchClick = (): void => {
    const settings = this.settings;
    if (!settings || this.switchLocked(settings)) return;
    if (settings.enabled) {
      const write = this.newWrite('disable', { enabled: false }, settings.version);
      if (write) void this.write(write);
      return;
    }
    // A half-edited schedule is part of what the client is agreeing to: it must be valid first.
    if (this.draftDirty && this.draft && !scheduleOf(this.draft)) {
      this.showAllErrors = true;
      this.announcer.announce(msg('Fix the schedule before turning check-ins on.'));
      void this.updateComplete.then(() => this.focusFirstInvalid());
      return;
    }
    this.failure = undefined;
    this.conflict = undefined;
    this.dialogOpen = true;
    // The dialog is always in the template; showModal moves focus into it and makes the rest inert.
    this.dialog?.showModal();
  };

  private confirmEnable = (): void => {
    const settings = this.settings;
    if (!settings || this.pending || !this.dialogOpen) return;
    const schedule = this.draftDirty && this.draft ? scheduleOf(this.draft) : null;
    const change: SettingsChange = schedule ? { enabled: true, schedule } : { enabled: true };
    const write = this.newWrite('enable', change, schedule ? this.draftVersion : settings.version);
    this.dialog?.close('confirm');
    if (write) void this.write(write);
  };

  private cancelDialog = (): void => {
    this.dialog?.close('cancel');
  };

  private onDialogClose = (): void => {
    this.dialogOpen = false;
    // Chromium restores focus itself; other engines may not, and focus must land on the switch.
    // The close event comes a task later: a conflict notice may already have taken focus.
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (!active || this.dialog?.contains(active) || active === this.switchButton) this.switchButton?.focus();
  };

  // ---- client: editor -----------------------------------------------------------------------

  private edit(patch: Partial<ScheduleDraft>, field: DraftField): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...patch };
    this.draftDirty = true;
    if (this.conflict) this.conflict = undefined;
    if (this.failure?.place === 'editor') this.failure = undefined;
    this.touched = new Set(this.touched).add(field);
  }

  private errorsShown(): DraftErrors {
    if (!this.draft) return {};
    const all = validateDraft(this.draft, this.locale());
    if (this.showAllErrors) return all;
    const shown: DraftErrors = {};
    for (const field of FIELD_ORDER) {
      if (all[field] && this.touched.has(field)) shown[field] = all[field];
    }
    return shown;
  }

  private focusFirstInvalid(): void {
    const errors = this.draft ? validateDraft(this.draft) : {};
    const field = FIELD_ORDER.find((f) => errors[f]);
    if (field) this.renderRoot.querySelector<HTMLElement>(`#${FIELD_ID[field]}`)?.focus();
  }

  private onSave = (event: Event): void => {
    event.preventDefault();
    this.saveDraft();
  };

  private saveDraft(): void {
    const settings = this.settings;
    if (!settings || !this.draft || this.pending) return;
    const schedule = scheduleOf(this.draft);
    if (!schedule) {
      // Nothing is sent with bad data: the errors say what to fix, focus goes to the first.
      this.showAllErrors = true;
      this.announcer.announce(msg('The schedule was not saved. Fix the marked fields.'));
      void this.updateComplete.then(() => this.focusFirstInvalid());
      return;
    }
    if (!this.draftDirty) {
      this.announcer.announce(msg('No changes to save.'));
      return;
    }
    // Dates the draft started with are not the client's additions (the backend may still refuse
    // them after a conflict; that answer is shown at the field too).
    if (this.refuseSkipDates(schedule, this.draftBase ?? settings)) return;
    const write = this.newWrite('schedule', { schedule }, this.draftVersion);
    if (!write) return;
    // After a conflict the draft was moved onto the other version: this save replaces it (when
    // the latest version was this element's own, it is a plain save).
    const conflict = this.editConflict;
    const who = conflict?.theirs && this.changer(conflict.theirs, conflict.base.version).kind;
    if (who && who !== 'here') write.replacing = who === 'other' ? 'other' : 'theirs';
    void this.write(write);
  }

  /**
   * Skip dates added in this draft that the backend would refuse (a day that is no longer the
   * prompt weekday, or one now past): said at the skip-date field, nothing sent.
   */
  private refuseSkipDates(schedule: Schedule, settings: Settings): boolean {
    const today = todayIn(schedule.timeZone, this.now());
    const problem = schedule.skipDates
      .filter((d) => !settings.schedule.skipDates.includes(d))
      .map((d) => skipDateProblem(d, schedule.weekday, today, this.locale()))
      .find(Boolean);
    if (!problem) return false;
    this.skipError = problem;
    this.announcer.announce(msg(str`Not saved: ${problem}`));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#skip-date')?.focus());
    return true;
  }

  /** A refusal that names a skip date added in `write` belongs at the skip-date field. */
  private skipDateRefusal(write: Write, error: CheckinError): boolean {
    const sent = write.change.schedule?.skipDates;
    if (error.code !== 'invalid' || !sent) return false;
    const added = sent.filter((d) => !write.previous.schedule.skipDates.includes(d));
    return added.some((d) => error.message.includes(d));
  }

  private discard = (): void => {
    if (this.settings) this.applySettings(this.settings, true);
    this.skipInput = '';
    this.skipError = '';
    this.editConflict = undefined;
    if (this.failure?.place === 'editor') this.failure = undefined;
  };

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
    const conflicted = !!this.editConflict;
    this.discard();
    this.announcer.announce(
      conflicted ? msg('Your edits were discarded. The latest version is shown.') : msg('Changes discarded'),
    );
    await this.updateComplete;
    // The first field shows the saved version; with no editor (check-ins not offered), the switch.
    (this.renderRoot.querySelector<HTMLElement>('#weekday') ?? this.switchButton)?.focus();
  };

  private addSkipDate = (): void => {
    if (!this.draft) return;
    const date = this.skipInput;
    // Checked here as the backend checks it, so the client learns before a round trip; what was
    // typed stays in the field.
    const problem = skipDateProblem(date, Number(this.draft.weekday), todayIn(this.draft.timeZone, this.now()), this.locale());
    if (problem) {
      this.skipError = problem;
      return;
    }
    if (this.draft.skipDates.includes(date)) {
      this.skipError = msg(str`${formatLocalDate(date, this.locale())} is already skipped.`);
      return;
    }
    this.skipError = '';
    this.skipInput = '';
    this.edit({ skipDates: [...this.draft.skipDates, date].sort() }, 'skipDates');
  };

  private removeSkipDate(date: string): void {
    if (!this.draft) return;
    this.edit({ skipDates: this.draft.skipDates.filter((d) => d !== date) }, 'skipDates');
    this.skipError = '';
    this.announcer.announce(msg(str`${formatLocalDate(date, this.locale())} removed`));
    // The removed chip took focus with it: keep the person in the same place.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#skip-date')?.focus());
  }

  // ---- client: questions --------------------------------------------------------------------

  private onQuestionAction = (action: QuestionsAction): void => {
    const { focus, announce } = this.questions.apply(action);
    if (this.failure?.place === 'questions') this.failure = undefined;
    if (announce) this.announcer.announce(announce);
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${focus}`)?.focus());
  };

  private onAddQuestion = (): void => {
    if (!this.pending) this.onQuestionAction(this.questions.addAction());
  };

  private onSaveQuestions = (event: Event): void => {
    event.preventDefault();
    const settings = this.settings;
    const state = this.questions;
    if (!settings || this.pending) return;
    const questions = questionsOf(state.draft);
    if (!questions) {
      state.showAll = true;
      this.requestUpdate();
      this.announcer.announce(msg('The questions were not saved. Fix the marked fields.'));
      const first = state.firstInvalid();
      if (first) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus());
      return;
    }
    if (!state.dirty) {
      this.announcer.announce(msg('No changes to save.'));
      return;
    }
    const write = this.newWrite('questions', { questions }, state.version);
    if (!write) return;
    const conflict = state.conflict;
    const who = conflict?.theirs && this.changer(conflict.theirs, conflict.base.version).kind;
    if (who && who !== 'here') write.replacing = who === 'other' ? 'other' : 'theirs';
    state.conflict = undefined;
    void this.write(write);
  };

  private discardQuestions = async (): Promise<void> => {
    const conflicted = !!this.questions.conflict;
    if (this.settings) this.questions.follow(this.settings, true);
    if (this.failure?.place === 'questions') this.failure = undefined;
    this.announcer.announce(
      conflicted ? msg('Your edits were discarded. The latest version is shown.') : msg('Changes discarded'),
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#questions-title + p + ol input')?.focus();
  };

  private renderQuestions(contract: Contract): TemplateResult {
    const state = this.questions;
    const saving = this.pending?.kind === 'questions';
    let notice: TemplateResult | typeof nothing = nothing;
    if (this.failure?.place === 'questions') notice = this.renderFailure(this.failure);
    else if (state.conflict && !this.pending) notice = this.renderQuestionsConflict(state.conflict);
    return renderQuestionEditor({
      draft: state.draft,
      errors: state.errorsShown(),
      level: this.level(1),
      title: this.contractTitle(contract),
      talent: firstName(contract.talent),
      saving,
      blocked: !!this.pending,
      dirty: state.dirty,
      notice,
      onAction: this.onQuestionAction,
      onAdd: this.onAddQuestion,
      onSave: this.onSaveQuestions,
      onDiscard: () => void this.discardQuestions(),
    });
  }

  /** After a conflict on question edits: who changed the settings, their questions, two ways on. */
  private renderQuestionsConflict({ base, theirs }: NonNullable<QuestionsState['conflict']>): TemplateResult {
    const who: Changer = theirs ? this.changer(theirs, base.version) : { kind: 'unknown' };
    const { heading } = editConflictWords({ base, theirs, enabling: false }, who, true, this.data.value!.contract.talent, this.terms());
    const changed = theirs && JSON.stringify(theirs.questions) !== JSON.stringify(base.questions);
    return html`<div class="notice error conflict" role="alert" part="error conflict" data-code="conflict" aria-labelledby="questions-conflict-title">
      <div id="questions-conflict-title" class="h4" role="heading" aria-level=${this.level(2)} tabindex="-1">${heading}</div>
      ${!theirs
        ? html`<p>${msg('Your edits are kept below. Their version could not be loaded yet.')}</p>`
        : html`<p>
              ${changed
                ? msg(str`The questions now are: ${theirs.questions.map((q, i) => `${i + 1}. ${q.prompt}`).join(' ')}`)
                : msg('The questions were not changed; other settings were.')}
            </p>
            <p>${msg('Your edits are kept below; save to replace the questions shown here, or discard your edits.')}</p>
            <div class="actions">
              <button type="button" class="primary" @click=${this.saveMyQuestions}>${msg('Save my questions')}</button>
              <button type="button" @click=${() => void this.discardQuestions()}>${msg('Use the latest questions')}</button>
            </div>`}
    </div>`;
  }

  private saveMyQuestions = (): void => {
    this.renderRoot.querySelector<HTMLElement>('.questions-editor button[type="submit"]')?.focus();
    this.onSaveQuestions(new Event('submit'));
  };

  // ---- talent -------------------------------------------------------------------------------

  private answerConsent(consent: 'given' | 'declined' | 'withdrawn'): void {
    const settings = this.settings;
    if (!settings || this.pending) return;
    const kind = consent === 'given' ? 'accept' : consent === 'declined' ? 'decline' : 'withdraw';
    const write = this.newWrite(kind, { consent }, settings.version);
    if (write) void this.write(write);
  }

  /** "Withdraw my consent" asks first, as turning on does: the dialog says what follows. */
  private openWithdraw = (): void => {
    if (this.pending || this.settings?.consent !== 'given') return;
    this.failure = undefined;
    this.conflict = undefined;
    this.withdrawDialog?.showModal();
  };

  private confirmWithdraw = (): void => {
    if (!this.withdrawDialog?.open) return;
    this.withdrawDialog.close('confirm');
    this.answerConsent('withdrawn');
  };

  private onWithdrawClose = (): void => {
    // Cancel, Escape or confirm: focus goes back to the button, which shows the progress; once
    // the withdrawal is saved, focus moves to the sentence that says so (see write()).
    this.renderRoot.querySelector<HTMLElement>('#withdraw')?.focus();
  };

  // ---- render -------------------------------------------------------------------------------

  /** The loaded viewer (its locale and zone format every date). */
  private get viewer(): Viewer | undefined {
    return this.data.value?.viewer;
  }

  private locale(): string | undefined {
    return this.viewer?.locale || undefined;
  }

  private viewerZone(): string {
    return this.viewer?.timeZone || browserZone();
  }

  protected override render(): TemplateResult {
    // One template for every state, so the live region node survives state changes.
    return html`${this.announcer.region()}${this.renderBody()}`;
  }

  private renderBody(): unknown {
    if (!this.connection.adapter) return renderNoAdapter(TAG);
    if (!this.connection.contractId) return renderNoContract(TAG);
    return this.data.render({
      initial: () => renderLoading(msg('Loading check-in settings…')),
      pending: () => renderLoading(msg('Loading check-in settings…')),
      error: (error) => {
        const failure = toCheckinError(error);
        return failure
          ? renderError(failure, () => void this.data.run())
          : renderLoading(msg('Loading check-in settings…'));
      },
      complete: (loaded) => (loaded ? this.renderLoaded(loaded) : nothing),
    });
  }

  private renderLoaded({ viewer, contract }: Loaded): TemplateResult | typeof nothing {
    const settings = this.settings;
    if (!settings) return renderLoading(msg('Loading check-in settings…'));
    switch (viewer.role) {
      case 'client':
        return html`${this.renderOffline()}${this.renderClient(contract, settings)}`;
      case 'talent':
        return html`${this.renderOffline()}${this.renderTalent(contract, settings)}`;
      default:
        return this.renderObserver(contract, settings);
    }
  }

  private renderOffline(): TemplateResult | typeof nothing {
    return this.connectivity.offline
      ? html`<p class="notice warning" part="offline">
          ${msg("You're offline. Nothing was lost; changes can be saved once you're back online.")}
        </p>`
      : nothing;
  }

  private renderClient(contract: Contract, settings: Settings): TemplateResult {
    const on = this.shownEnabled;
    const busy = this.pending?.kind === 'enable' || this.pending?.kind === 'disable';
    const ineligible = !settings.eligibility.eligible;
    const locked = this.switchLocked(settings);
    const talent = contract.talent;
    const describedBy = ['switch-status', ineligible ? 'ineligible-reason' : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="card" part="base">
      ${this.renderHeading(contract)}
      <div class="switch-row">
        <button
          type="button"
          class="switch"
          role="switch"
          part="switch"
          aria-checked=${on ? 'true' : 'false'}
          aria-busy=${busy ? 'true' : 'false'}
          aria-disabled=${locked ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @click=${this.onSwitchClick}
        >
          <span class="switch-label" part="switch-label">${msg('Weekly check-ins')}</span>
          <span class="track" part="switch-track" aria-hidden="true"
            ><span class="thumb" part="switch-thumb"></span
          ></span>
          <span class="state" aria-hidden="true">${on ? msg('On') : msg('Off')}</span>
        </button>
        <span id="switch-status" class="status-text" part="status"
          >${this.clientStatus(contract, settings, on, busy)}</span
        >
      </div>
      ${ineligible
        ? html`<p id="ineligible-reason" class="notice warning" part="ineligible">
            <strong>${msg('Weekly check-ins are not offered for this contract.')}</strong>
            ${settings.eligibility.reason ?? ''}
          </p>`
        : nothing}
      ${settings.enabled && !busy ? this.renderClientConsent(talent, settings) : nothing}
      ${this.failure?.place === 'switch' ? this.renderFailure(this.failure) : nothing}
      ${this.conflict?.place === 'switch' && !this.pending ? this.renderConflict(this.conflict) : nothing}
      ${this.editorShown(settings)
        ? this.renderEditor(contract, settings)
        : this.editConflict && !this.pending
          ? this.renderEditConflict(this.editConflict, contract, false)
          : nothing}
      ${this.editorShown(settings) ? this.renderQuestions(contract) : nothing}
      ${this.renderDialog(contract, settings)}
    </div>`;
  }

  private clientStatus(contract: Contract, settings: Settings, on: boolean, busy: boolean): string {
    if (busy) return msg('Saving…');
    // The switch says "On" or "Off" already: the status says what that means, without repeating it.
    if (!on) {
      // An ineligible contract's reason is right below.
      if (!settings.eligibility.eligible) return '';
      const off = msg(str`${nameOf(contract.talent)} gets no weekly check-ins; you can still request an update.`);
      const by = settings.disabledBy;
      if (!by || !settings.disabledAt) return off;
      const date = onDate(settings.disabledAt, this.locale(), this.viewerZone());
      const who =
        by.id === this.viewer?.id
          ? msg(str`You turned weekly check-ins off on ${date}.`)
          : msg(str`${nameOf(by)} turned weekly check-ins off on ${date}.`);
      return `${who} ${off}`;
    }
    return this.describe(settings.schedule, this.viewerZone());
  }

  private renderClientConsent(talent: Party, settings: Settings): TemplateResult | typeof nothing {
    const first = firstName(talent);
    // Consent governs scheduled prompts only: a request for an update is the client's own message.
    if (settings.consent === 'pending') {
      return html`<p class="notice warning" part="consent">
        ${msg(str`Waiting for ${nameOf(talent)} to accept.`)}
        ${msg(str`No weekly check-in is sent until then; you can still request an update, which ${first} can answer.`)}
      </p>`;
    }
    if (settings.consent === 'declined' || settings.consent === 'withdrawn') {
      const at = settings.consentAt;
      const date = at ? onDate(at, this.locale(), this.viewerZone()) : '';
      return html`<p class="notice warning" part="consent">
        ${settings.consent === 'declined'
          ? msg(str`${nameOf(talent)} declined weekly check-ins.`)
          : date
            ? msg(str`${nameOf(talent)} withdrew consent to weekly check-ins on ${date}.`)
            : msg(str`${nameOf(talent)} withdrew consent to weekly check-ins.`)}
        ${msg(str`No weekly check-in is sent; you can still request an update, which ${first} can answer, or turn check-ins off.`)}
      </p>`;
    }
    return nothing;
  }

  /** Shown once the refused write is settled (the reload says who changed the settings). */
  private renderConflict(conflict: SwitchConflict): TemplateResult {
    const { heading, text } = this.conflictWords(conflict);
    return html`<div class="notice error" role="alert" part="error" data-code="conflict">
      <strong>${heading}</strong>
      <p>${text}</p>
    </div>`;
  }

  /**
   * The notice after a conflict on the client's schedule edits: who changed the settings, their
   * version in the viewer's terms, and the two ways on. The edits stay in the fields meanwhile.
   */
  private renderEditConflict(
    conflict: EditConflict,
    contract: Contract,
    canSave: boolean,
  ): TemplateResult {
    const { base, theirs } = conflict;
    const who: Changer = theirs ? this.changer(theirs, base.version) : { kind: 'unknown' };
    const { heading, lines, closing, useLabel } = editConflictWords(conflict, who, canSave, contract.talent, this.terms());
    return html`<div
      class="notice error conflict"
      role="alert"
      part="error conflict"
      data-code="conflict"
      aria-labelledby="conflict-title"
    >
      <div id="conflict-title" class="h4" role="heading" aria-level=${this.level(canSave ? 2 : 1)} tabindex="-1">
        ${heading}
      </div>
      ${lines.map((line) => html`<p>${line}</p>`)}
      <p>${closing ?? (theirs && this.cantSaveText(theirs))}</p>
      ${theirs
        ? html`<div class="actions">
            ${canSave
              ? html`<button type="button" class="primary" @click=${this.saveMine}>
                  ${msg('Save my version')}
                </button>`
              : nothing}
            <button type="button" @click=${this.discardEdits}>
              ${useLabel}
            </button>
          </div>`
        : nothing}
    </div>`;
  }

  /** The viewer's locale, zone and now, for schedule texts. */
  private terms(): ViewerTerms {
    return { locale: this.locale(), timeZone: this.viewerZone(), now: this.now() };
  }

  /** "Tuesdays at 10:30 Europe/Berlin time (Tuesdays at 04:30 your time)" */
  private scheduleText(schedule: Schedule): string {
    return scheduleText(schedule, this.terms());
  }

  private renderFailure(failure: Failure): TemplateResult {
    return renderError(failure.error, failure.retry);
  }

  private renderDialog(contract: Contract, settings: Settings): TemplateResult {
    const talent = contract.talent;
    const first = firstName(talent);
    const schedule = (this.draftDirty && this.draft && scheduleOf(this.draft)) || settings.schedule;
    const locale = this.locale();
    const weekday = weekdayNamesOf(locale)[schedule.weekday - 1] ?? '';
    const time = formatWallTime(schedule.time, locale);
    const zone = zoneName(schedule.timeZone, locale);
    const count = settings.questions.length;
    const [next] = this.upcoming(schedule, contract, 1);
    // 'not-needed' is also what a never-enabled contract reports, whatever the policy: prefer
    // the policy the backend shares, then the host's attribute, then the consent state.
    const policy = settings.policy?.consent ?? this.consentPolicy;
    const consentNeeded = policy ? policy === 'required' : settings.consent !== 'not-needed';
    return html`<dialog
      id="enable-dialog"
      part="dialog"
      aria-labelledby="dialog-title"
      aria-describedby="dialog-summary"
      @close=${this.onDialogClose}
    >
      <div id="dialog-title" class="h2" role="heading" aria-level=${this.level(0)}>
        ${msg('Turn on weekly check-ins?')}
      </div>
      <p id="dialog-summary">
        ${count === 1
          ? msg(str`${nameOf(talent)} will be asked 1 short question every ${weekday} at ${time}, ${zone}.`)
          : msg(str`${nameOf(talent)} will be asked ${count} short questions every ${weekday} at ${time}, ${zone}.`)}
      </p>
      <p class="first-prompt">
        ${next
          ? msg(str`First check-in: ${this.pairText(next, talent, contract)}.`)
          : msg('No check-in fits before the contract ends.')}
      </p>
      <p>
        ${msg(
          str`The request is sent in your name. ${first} is told before the first one and can see this schedule.`,
        )}
      </p>
      ${consentNeeded
        ? html`<p class="notice warning" part="consent">
            ${msg(str`Weekly check-ins start only after ${first} accepts. Until then you can still request an update, which ${first} can answer.`)}
          </p>`
        : nothing}
      <div id="dialog-questions" class="h3" role="heading" aria-level=${this.level(1)}>
        ${msg('The questions')}
      </div>
      <ol aria-labelledby="dialog-questions">
        ${settings.questions.map((q) => html`<li dir="auto">${q.prompt}</li>`)}
      </ol>
      <div class="actions">
        <button type="button" class="primary" autofocus @click=${this.confirmEnable}>
          ${msg('Turn on check-ins')}
        </button>
        <button type="button" @click=${this.cancelDialog}>${msg('Cancel')}</button>
      </div>
    </dialog>`;
  }

  /** "Fri, Dec 4, 4:00 PM Kofi's time (Central European Time (Berlin)) — Fri, Dec 4, 10:00 AM your time" */
  private pairText(instant: string, talent: Party, contract: Contract): string {
    const locale = this.locale();
    const theirs = when(instant, locale, talent.timeZone);
    const zone = zoneName(talent.timeZone, locale);
    const viewer = this.viewer;
    if (viewer?.role === 'observer') {
      const client = contract.client;
      if (client.timeZone === talent.timeZone) return msg(str`${theirs}, ${zone}`);
      const clients = when(instant, locale, client.timeZone);
      return msg(
        str`${theirs} ${firstName(talent)}'s time (${zone}) — ${clients} ${firstName(client)}'s time (${zoneName(client.timeZone, locale)})`,
      );
    }
    const yours = when(instant, locale, this.viewerZone());
    if (yours === theirs) return msg(str`${theirs}, your time and ${firstName(talent)}'s`);
    return msg(str`${theirs} ${firstName(talent)}'s time (${zone}) — ${yours} your time`);
  }

  private upcoming(schedule: Schedule, contract: Contract, count: number): string[] {
    try {
      return upcomingPrompts(schedule, this.now(), count, contract);
    } catch {
      return [];
    }
  }

  private describe(schedule: Schedule, timeZone: string): string {
    return scheduleWords(schedule, { locale: this.locale(), timeZone, now: this.now() });
  }

  /** The aria-level `depth` levels below the main heading (0 = the main heading). */
  private level(depth: number): string {
    let level = headingLevel(this.headingLevel);
    for (let i = 0; i < depth; i++) level = subLevel(level);
    return String(level);
  }

  /** The contract's title as shown: shortened when long, the full text in a tooltip. */
  private contractTitle(contract: Contract): string {
    return shortText(contract.title);
  }

  /** The main heading, naming the contract: two toggles on a page are told apart by it. */
  private renderHeading(contract: Contract): TemplateResult {
    return html`<div
      id="toggle-title"
      class="h2 title"
      part="heading"
      role="heading"
      aria-level=${this.level(0)}
      title=${displayTitle(contract.title)}
    >
      ${msg(str`Weekly check-ins for ${this.contractTitle(contract)}`)}
    </div>`;
  }

  private talentName(): string {
    const talent = this.data.value?.contract.talent;
    return talent ? nameOf(talent) : msg('the talent');
  }

  private renderEditor(contract: Contract, settings: Settings): TemplateResult {
    const draft = this.draft ?? draftOf(settings.schedule, this.locale());
    const errors = this.errorsShown();
    const locale = this.locale();
    const names = weekdayNamesOf(locale);
    const saving = this.pending?.kind === 'schedule';
    const blocked = !!this.pending;
    const talent = contract.talent;
    const describedBy = (...ids: (string | false | undefined)[]) =>
      ids.filter(Boolean).join(' ') || nothing;
    return html`<form
      class="editor"
      part="editor"
      novalidate
      aria-label=${msg(str`Schedule for ${this.contractTitle(contract)}`)}
      aria-busy=${saving ? 'true' : 'false'}
      @submit=${this.onSave}
    >
      <div id="editor-title" class="h3" role="heading" aria-level=${this.level(1)}>${msg('Schedule')}</div>
      <p class="muted" id="editor-hint">
        ${msg(
          str`When ${nameOf(talent)} is asked. ${firstName(talent)}'s time zone is ${zoneName(talent.timeZone, locale)}.`,
        )}
      </p>
      <div class="fields">
        <div class="field" part="field">
          <label for="weekday">${msg('Day')}</label>
          <select
            id="weekday"
            .value=${live(draft.weekday)}
            aria-invalid=${errors.weekday ? 'true' : 'false'}
            aria-describedby=${describedBy(errors.weekday && 'weekday-error')}
            @change=${(e: Event) =>
              this.edit({ weekday: (e.target as HTMLSelectElement).value }, 'weekday')}
          >
            ${names.map(
              (name, i) =>
                html`<option value=${String(i + 1)} ?selected=${draft.weekday === String(i + 1)}>
                  ${name}
                </option>`,
            )}
          </select>
          ${this.fieldError('weekday-error', errors.weekday)}
        </div>
        <div class="field" part="field">
          <label for="time">${msg('Time')}</label>
          <!-- Text, not type=time: a native time field shows the browser's hour cycle, and the
               view writes every time in the viewer's ("16:00" or "4:00 PM"). -->
          <input
            id="time"
            type="text"
            autocomplete="off"
            spellcheck="false"
            size="8"
            required
            .value=${live(draft.time)}
            aria-invalid=${errors.time ? 'true' : 'false'}
            aria-describedby=${describedBy('time-hint', errors.time && 'time-error')}
            @input=${(e: Event) => this.edit({ time: (e.target as HTMLInputElement).value }, 'time')}
          />
          <span id="time-hint" class="hint muted"
            >${parseWallTime(draft.time)
              ? msg(str`${formatWallTime(parseWallTime(draft.time)!, locale)} in the chosen time zone.`)
              : msg('Local time in the chosen time zone.')}</span
          >
          ${this.fieldError('time-error', errors.time)}
        </div>
        <div class="field" part="field">
          <label for="zone">${msg('Time zone')}</label>
          <input
            id="zone"
            type="text"
            list="zones"
            autocomplete="off"
            spellcheck="false"
            required
            .value=${live(draft.timeZone)}
            aria-invalid=${errors.timeZone ? 'true' : 'false'}
            aria-describedby=${describedBy('zone-hint', errors.timeZone && 'zone-error')}
            @input=${(e: Event) =>
              this.edit({ timeZone: (e.target as HTMLInputElement).value }, 'timeZone')}
          />
          <datalist id="zones">${this.zoneOptions()}</datalist>
          <span id="zone-hint" class="hint muted"
            >${isValidTimeZone(draft.timeZone.trim())
              ? msg(str`${zoneName(draft.timeZone.trim(), locale)}. Type a region and city to change it, e.g. Europe/Berlin.`)
              : msg('A region and city, e.g. Europe/Berlin.')}</span
          >
          ${this.fieldError('zone-error', errors.timeZone)}
        </div>
        <div class="field" part="field">
          <label for="pause">${msg('Pause until')}</label>
          <input
            id="pause"
            type="date"
            .value=${live(draft.pauseDate)}
            aria-invalid=${errors.pauseDate ? 'true' : 'false'}
            aria-describedby=${describedBy('pause-hint', errors.pauseDate && 'pause-error')}
            @input=${(e: Event) =>
              this.edit({ pauseDate: (e.target as HTMLInputElement).value }, 'pauseDate')}
          />
          <span id="pause-hint" class="hint muted"
            >${msg('No check-ins before this date. Leave empty for no pause.')}</span
          >
          ${this.fieldError('pause-error', errors.pauseDate)}
        </div>
      </div>
      <fieldset class="field skip" part="field">
        <legend>${msg('Skipped dates')}</legend>
        ${draft.skipDates.length
          ? html`<ul class="chips" aria-label=${msg('Skipped dates')}>
              ${draft.skipDates.map((date) => {
                const shown = formatLocalDate(date, locale);
                return html`<li class="chip" part="chip">
                  <span>${shown}</span>
                  <button
                    type="button"
                    class="chip-remove"
                    aria-label=${msg(str`Remove ${shown}`)}
                    @click=${() => this.removeSkipDate(date)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>`;
              })}
            </ul>`
          : html`<p class="muted">${msg('No dates are skipped.')}</p>`}
        <div class="skip-add">
          <label for="skip-date">${msg('Date to skip')}</label>
          <input
            id="skip-date"
            type="date"
            min=${todayIn(draft.timeZone, this.now()) || nothing}
            .value=${live(this.skipInput)}
            aria-invalid=${this.skipError || errors.skipDates ? 'true' : 'false'}
            aria-describedby=${describedBy(
              this.skipError && 'skip-add-error',
              errors.skipDates && 'skip-error',
            )}
            @input=${(e: Event) => {
              this.skipInput = (e.target as HTMLInputElement).value;
              this.skipError = '';
            }}
            @keydown=${(e: KeyboardEvent) => {
              // Enter adds the date instead of saving the whole form.
              if (e.key === 'Enter') {
                e.preventDefault();
                this.addSkipDate();
              }
            }}
          />
          <button type="button" @click=${this.addSkipDate}>${msg('Add date')}</button>
        </div>
        ${this.fieldError('skip-add-error', this.skipError)}
        ${this.fieldError('skip-error', errors.skipDates)}
      </fieldset>
      ${this.renderNextPrompts(contract, settings, draft)}
      ${this.editConflict && !this.pending
        ? this.renderEditConflict(this.editConflict, contract, true)
        : this.conflict?.place === 'editor' && !this.pending
          ? this.renderConflict(this.conflict)
          : nothing}
      ${this.failure?.place === 'editor' ? this.renderFailure(this.failure) : nothing}
      <div class="actions">
        <button
          type="submit"
          class="primary"
          aria-disabled=${blocked ? 'true' : 'false'}
          aria-describedby=${describedBy(saving && 'editor-saving')}
        >
          ${saving ? msg('Saving…') : msg('Save schedule')}
        </button>
        ${this.draftDirty && !saving
          ? html`<button type="button" @click=${this.discardEdits}>${msg('Discard changes')}</button>`
          : nothing}
        ${saving ? html`<span id="editor-saving" class="muted" part="status">${msg('Saving…')}</span>` : nothing}
      </div>
    </form>`;
  }

  private zoneOptionsCache?: TemplateResult[];
  private zoneOptions(): TemplateResult[] {
    // ~400 options: built once per element, not on every keystroke.
    const locale = this.locale();
    this.zoneOptionsCache ??= timeZones().map(
      (zone) => html`<option value=${zone} label=${zoneName(zone, locale)}></option>`,
    );
    return this.zoneOptionsCache;
  }

  private fieldError(id: string, text: string | undefined): TemplateResult | typeof nothing {
    return text
      ? html`<p id=${id} class="field-error" part="field-error">${text}</p>`
      : nothing;
  }

  private renderNextPrompts(
    contract: Contract,
    settings: Settings,
    draft: ScheduleDraft,
  ): TemplateResult {
    const schedule = scheduleOf(draft);
    const talent = contract.talent;
    const on = this.shownEnabled;
    let heading: string;
    if (!on) heading = msg('If turned on, the next check-ins would be');
    else if (settings.consent === 'pending') heading = msg(str`Once ${firstName(talent)} accepts, the next check-ins would be`);
    else if (settings.consent === 'declined' || settings.consent === 'withdrawn')
      heading = msg(str`If ${firstName(talent)} accepts later, the next check-ins would be`);
    else heading = msg('Next check-ins');
    const prompts = schedule ? this.upcoming(schedule, contract, 3) : [];
    return html`<div class="next" part="next-prompts" role="group" aria-labelledby="next-title">
      <div id="next-title" class="h4" role="heading" aria-level=${this.level(2)}>${heading}</div>
      ${!schedule
        ? html`<p class="muted">${msg('Fix the schedule above to see the next check-ins.')}</p>`
        : prompts.length
          ? html`<ol>
              ${prompts.map((p) => html`<li>${this.pairText(p, talent, contract)}</li>`)}
            </ol>`
          : html`<p class="muted">${msg('No check-in fits before the contract ends.')}</p>`}
    </div>`;
  }

  private renderTalent(contract: Contract, settings: Settings): TemplateResult {
    const client = contract.client;
    const zone = this.viewer?.timeZone || contract.talent.timeZone;
    const locale = this.locale();
    // Rule 1: consent and "off" govern scheduled prompts only; a request is the client's message.
    const requests = msg(str`${nameOf(client)} can still request an update from you, which you can answer.`);
    if (!settings.enabled) {
      return html`<div class="card" part="base">
      ${this.renderHeading(contract)}
        <p class="status-text" part="status">${this.offText(settings, zone)}</p>
        <p class="muted">${msg('You are not asked weekly check-ins.')} ${requests}</p>
      </div>`;
    }
    // enabledBy/enabledAt say who switched check-ins on; updatedBy is only the last change.
    const by = settings.enabledBy ?? settings.updatedBy;
    const at = settings.enabledAt ?? settings.updatedAt;
    const on = at ? onDate(at, locale, zone) : '';
    const consentOn = settings.consentAt ? onDate(settings.consentAt, locale, zone) : on;
    let who: string;
    if (by && by.id === client.id && on) {
      who = msg(str`${nameOf(by)} turned on weekly check-ins on ${on}.`);
    } else if (by && by.id === contract.talent.id && on) {
      who =
        settings.consent === 'declined'
          ? msg(str`${nameOf(client)} turned on weekly check-ins. You declined on ${consentOn}.`)
          : settings.consent === 'withdrawn'
            ? msg(str`${nameOf(client)} turned on weekly check-ins.`)
            : msg(str`${nameOf(client)} turned on weekly check-ins. You accepted on ${consentOn}.`);
    } else {
      who = msg(str`${nameOf(client)} turned on weekly check-ins.`);
    }
    const busy = this.pending?.kind === 'accept' || this.pending?.kind === 'decline' || this.pending?.kind === 'withdraw';
    const acceptButton = (label: string) => html`<button
      type="button"
      class="primary"
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${() => this.answerConsent('given')}
    >
      ${this.pending?.kind === 'accept' ? msg('Saving…') : label}
    </button>`;
    let consent: TemplateResult | typeof nothing = nothing;
    if (settings.consent === 'pending') {
      consent = html`<div class="notice warning consent" part="consent" role="group" aria-labelledby="consent-text">
        <p id="consent-text">
          ${msg(
            str`${nameOf(client)} would like weekly check-ins on this contract. They start once you agree to them; you can see the schedule below first.`,
          )}
          ${msg('Until then you are not asked weekly check-ins.')} ${requests}
        </p>
        <div class="actions">
          ${acceptButton(msg('Accept'))}
          <button
            type="button"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${() => this.answerConsent('declined')}
          >
            ${this.pending?.kind === 'decline' ? msg('Saving…') : msg('Decline')}
          </button>
        </div>
      </div>`;
    } else if (settings.consent === 'declined' || settings.consent === 'withdrawn') {
      const said =
        settings.consent === 'declined'
          ? msg("You declined weekly check-ins, so you won't be asked.")
          : settings.consentAt
            ? msg(str`You withdrew your consent to weekly check-ins on ${onDate(settings.consentAt, locale, zone)}, so you won't be asked.`)
            : msg("You withdrew your consent to weekly check-ins, so you won't be asked.");
      consent = html`<div class="notice" part="consent">
        <p id="consent-text" tabindex="-1">
          ${said} ${msg(str`${nameOf(client)} can see this.`)} ${requests}
        </p>
        <div class="actions">${acceptButton(msg('Accept after all'))}</div>
      </div>`;
    } else if (settings.consent === 'given') {
      consent = this.renderWithdraw(client, busy);
    }
    return html`<div class="card" part="base">
      ${this.renderHeading(contract)}
      <p class="status-text" part="status">${who}</p>
      ${consent}
      ${this.failure?.place === 'consent' ? this.renderFailure(this.failure) : nothing}
      ${this.conflict?.place === 'consent' && !this.pending ? this.renderConflict(this.conflict) : nothing}
      ${this.renderSummary(contract, settings, zone, 'talent')}
    </div>`;
  }

  /** The talent's way to withdraw consent, confirmed first as turning on is. */
  private renderWithdraw(client: Party, busy: boolean): TemplateResult {
    return html`<div class="actions" part="consent">
        <!-- The talent's consent is theirs to withdraw, as it was theirs to give. -->
        <button
          type="button"
          id="withdraw"
          aria-disabled=${busy ? 'true' : 'false'}
          aria-haspopup="dialog"
          @click=${this.openWithdraw}
        >
          ${this.pending?.kind === 'withdraw' ? msg('Saving…') : msg('Withdraw my consent')}
        </button>
      </div>
      <dialog
        id="withdraw-dialog"
        part="dialog"
        aria-labelledby="withdraw-title"
        aria-describedby="withdraw-summary"
        @close=${this.onWithdrawClose}
      >
        <div id="withdraw-title" class="h2" role="heading" aria-level=${this.level(0)}>
          ${msg('Withdraw your consent to weekly check-ins?')}
        </div>
        <p id="withdraw-summary">
          ${msg("You won't be asked weekly check-ins any more, and an open weekly check-in is closed. What you already sent stays in the history.")}
        </p>
        <p>
          ${msg(str`${nameOf(client)} sees that you withdrew, and can still request an update from you, which you can answer. You can accept again later.`)}
        </p>
        <div class="actions">
          <button type="button" class="primary" @click=${this.confirmWithdraw}>${msg('Withdraw consent')}</button>
          <button type="button" autofocus @click=${() => this.withdrawDialog?.close('cancel')}>${msg('Cancel')}</button>
        </div>
      </dialog>`;
  }

  /** "Dana Whitfield turned weekly check-ins off on 2 Dec 2026.", or that they are off. */
  private offText(settings: Settings, zone: string): string {
    const by = settings.disabledBy;
    if (!by || !settings.disabledAt) return msg('Weekly check-ins are off for this contract.');
    const date = onDate(settings.disabledAt, this.locale(), zone);
    return by.id === this.viewer?.id
      ? msg(str`You turned weekly check-ins off on ${date}.`)
      : msg(str`${nameOf(by)} turned weekly check-ins off on ${date}.`);
  }

  private renderObserver(contract: Contract, settings: Settings): TemplateResult {
    const talent = contract.talent;
    let status: string;
    if (!settings.enabled) status = this.offText(settings, this.viewerZone());
    else if (settings.consent === 'pending') status = msg(str`Weekly check-ins are on, waiting for ${nameOf(talent)} to accept.`);
    else if (settings.consent === 'declined') status = msg(str`Weekly check-ins are on, but ${nameOf(talent)} declined them.`);
    else if (settings.consent === 'withdrawn') status = msg(str`Weekly check-ins are on, but ${nameOf(talent)} withdrew consent.`);
    else status = msg('Weekly check-ins are on.');
    return html`<div class="card" part="base">
      ${this.renderHeading(contract)}
      <p class="status-text" part="status">${status}</p>
      ${settings.enabled ? this.renderSummary(contract, settings, this.viewerZone(), 'observer') : nothing}
    </div>`;
  }

  /** The read-only description shared by the talent and observer views. */
  private renderSummary(
    contract: Contract,
    settings: Settings,
    zone: string,
    as: 'talent' | 'observer',
  ): TemplateResult {
    const locale = this.locale();
    const schedule = settings.schedule;
    const now = this.now();
    const stopped = settings.consent === 'declined' || settings.consent === 'withdrawn';
    const [next] = stopped ? [] : this.upcoming(schedule, contract, 1);
    const count = settings.questions.length;
    const paused = schedule.pausedUntil && Date.parse(schedule.pausedUntil) > now ? schedule.pausedUntil : null;
    const starts = Date.parse(contract.startsAt) > now ? onDate(contract.startsAt, locale, zone) : '';
    let none: string;
    if (settings.consent === 'declined') none = as === 'talent' ? msg('None: you declined weekly check-ins.') : msg('None: check-ins were declined.');
    else if (settings.consent === 'withdrawn') none = as === 'talent' ? msg('None: you withdrew your consent.') : msg('None: consent was withdrawn.');
    else none = msg('None before the contract ends.');
    return html`<dl class="summary" part="summary">
      <div>
        <dt>${msg('When')}</dt>
        <dd>${this.describe(schedule, zone)}</dd>
      </div>
      ${starts
        ? html`<div>
            <dt>${msg('Contract starts')}</dt>
            <dd>${starts}</dd>
          </div>`
        : nothing}
      <div>
        <dt>
          ${as === 'talent' && settings.consent === 'pending'
            ? msg('First check-in, if you accept')
            : msg('Next check-in')}
        </dt>
        <dd class="next-one">
          ${next
            ? as === 'talent'
              ? msg(str`${when(next, locale, zone)}, your time (${formatRelative(Date.parse(next) - now, locale)})`)
              : msg(str`${this.pairText(next, contract.talent, contract)} (${formatRelative(Date.parse(next) - now, locale)})`)
            : none}
        </dd>
      </div>
      <div>
        <dt>${msg('Questions')}</dt>
        <dd>
          ${count === 1 ? msg('1 short question') : msg(str`${count} short questions`)}
          <ol class="questions">
            ${settings.questions.map((q) => html`<li dir="auto">${q.prompt}</li>`)}
          </ol>
        </dd>
      </div>
      ${schedule.skipDates.length
        ? html`<div>
            <dt>${msg('Skipped dates')}</dt>
            <dd>${schedule.skipDates.map((d) => formatLocalDate(d, locale)).join(', ')}</dd>
          </div>`
        : nothing}
      ${paused
        ? html`<div>
            <dt>${msg('Paused')}</dt>
            <dd>${msg(str`Until ${onDate(paused, locale, zone)}`)}</dd>
          </div>`
        : nothing}
    </dl>`;
  }
}
