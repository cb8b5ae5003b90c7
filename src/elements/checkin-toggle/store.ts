import { msg, str } from '@lit/localize';
import type { LitElement } from 'lit';
import type { AnnouncerController } from '../../controllers/announcer.js';
import type { ConnectionController } from '../../controllers/connection.js';
import { Epoch, WriteController, type WriteOp } from '../../controllers/write.js';
import { CheckinSettingsChangeEvent } from '../../events.js';
import type { CheckinError, Contract, Settings, Viewer } from '../../model.js';
import { reportError, toCheckinError } from '../shared.js';
import { changer, keptEditsAnnouncement, switchConflictNotice, type Changer } from './conflict.js';
import * as editor from './editor-state.js';
import { refusalOf, rolledBackText, savedText } from './outcome.js';
import { QuestionsState } from './questions-state.js';
import * as write from './state.js';
import type { Place, Reload, SwitchConflict, Write, WriteState } from './state.js';
import type { ViewerTerms } from './words.js';

/** Every settings write goes one at a time, under this key. */
const SETTINGS = 'settings';

/** What the element loaded for its contract. */
export interface Loaded {
  viewer: Viewer;
  contract: Contract;
}

/** What the store asks of the element. */
export interface StoreParts {
  connection: ConnectionController;
  announcer: AnnouncerController;
  /** What is loaded (the viewer, the contract), once it is. */
  loaded: () => Loaded | undefined;
  /** The viewer's locale, zone and now. */
  terms: () => ViewerTerms;
}

/**
 * What `<checkin-toggle>` holds about its contract's settings and how it changes them: the
 * confirmed settings, the client's schedule and question edits, and the settings write (one
 * state at a time, see state.ts), sent through the WriteController under one key and dropped
 * with the element's epoch when the adapter or contract changes. Each outcome is a small step:
 * the decisions are pure (outcome.ts, editor-state.ts, state.ts).
 */
export class ToggleStore {
  /** Advanced when the adapter or contract changes: answers for the old pair are dropped. */
  readonly epoch = new Epoch();
  /** The client's question edits (own module: draft, validation, focus after moves). */
  readonly questions: QuestionsState;
  private readonly writes: WriteController;
  /**
   * The settings versions this element wrote: the viewer being the last editor means "another
   * tab or window" only when the version is not one of these.
   */
  private readonly ownVersions = new Set<number>();
  /** A write was abandoned when the element left the page: what is true now must be fetched. */
  private refreshOnConnect = false;
  private current = {
    settings: undefined as Settings | undefined,
    edits: editor.NO_EDITS,
    writing: write.IDLE,
  };

  constructor(
    private readonly host: LitElement,
    private readonly parts: StoreParts,
  ) {
    this.questions = new QuestionsState(host);
    this.writes = new WriteController(host, this.epoch);
  }

  /** The latest settings the adapter confirmed (or a live update delivered). */
  get settings(): Settings | undefined {
    return this.current.settings;
  }

  /** The client's schedule edits (draft, messages, skip dates, conflict notice). */
  get edits(): editor.ScheduleEdits {
    return this.current.edits;
  }

  set edits(edits: editor.ScheduleEdits) {
    this.set({ edits });
  }

  /** The settings write: on its way, refused, conflicted. */
  get writing(): WriteState {
    return this.current.writing;
  }

  set writing(writing: WriteState) {
    this.set({ writing });
  }

  private set(patch: Partial<ToggleStore['current']>): void {
    this.current = { ...this.current, ...patch };
    this.host.requestUpdate();
  }

  /** Forgets everything about the previous contract (a late answer for it must not land). */
  reset(): void {
    this.epoch.advance();
    this.set({ settings: undefined, edits: editor.NO_EDITS, writing: write.IDLE });
    this.questions.clear();
    this.ownVersions.clear();
  }

  /** Back on the page: a write abandoned on leaving is settled by reading what is true now. */
  reconnected(reloading: boolean): void {
    if (this.refreshOnConnect && !reloading) void this.refreshSettings();
    this.refreshOnConnect = false;
  }

  /** Takes confirmed settings; the drafts follow unless the client is editing them. */
  applySettings(next: Settings, resetDraft = false, resetQuestions = false): void {
    this.set({ settings: next });
    this.questions.follow(next, resetQuestions);
    this.edits = editor.follow(this.edits, next, this.parts.terms().locale, resetDraft);
  }

  /** Takes `latest` unless the settings shown are newer. */
  takeNewer(latest: Settings): void {
    if (!this.settings || latest.version >= this.settings.version) this.applySettings(latest);
  }

  /** Sends one settings write; tried once: only the person's own "Try again" repeats it, with its key. */
  send(next: Write | undefined): void {
    const adapter = this.parts.connection.adapter;
    if (!next || write.busy(this.writing) || !adapter) return;
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
    // The last write may still be closing its flight: the controller sends this one after it.
    void this.writes.run(SETTINGS, op);
  }

  private saved(sent: Write, saved: Settings): void {
    this.writing = write.settle(this.writing);
    this.ownVersions.add(saved.version);
    this.takeOwn(sent, saved);
    this.host.dispatchEvent(
      new CheckinSettingsChangeEvent({ contractId: sent.contractId, settings: saved, previous: sent.previous }),
    );
    if (sent.kind === 'withdraw') this.focusLater('#consent-text');
    this.parts.announcer.announce(savedText(sent, saved, this.parts.loaded()?.contract.talent));
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
        this.parts.announcer.announce(rolledBackText(sent.kind));
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
    if (conflict) this.parts.announcer.announce(this.switchNotice(conflict).spoken);
  }

  /** A conflict on the client's schedule edits: they stay, and a notice offers two ways on. */
  private async keepEdits(sent: Write): Promise<void> {
    this.edits = editor.keep(this.edits, sent.previous, sent.kind === 'enable');
    if (!(await this.settleConflict('editor', false))) return;
    this.parts.announcer.announce(keptEditsAnnouncement(this.whoChanged(editor.keptOf(this.edits))));
    void this.focusConflict();
  }

  /** The schedule's conflict path, for question edits: kept, the latest fetched, a notice focused. */
  private async keepQuestionEdits(sent: Write): Promise<void> {
    this.questions.conflict = { base: this.questions.base ?? sent.previous };
    if (!(await this.settleConflict('questions', false))) return;
    this.parts.announcer.announce(keptEditsAnnouncement(this.whoChanged(this.questions.conflict)));
    this.focusLater('#questions-conflict-title');
  }

  /** Abandoned (the element left the page): it may or may not have been applied, so what is true is fetched. */
  private abandoned(): void {
    this.writing = write.settle(this.writing);
    if (this.host.isConnected) void this.refreshSettings();
    else this.refreshOnConnect = true;
  }

  /** Fetches the latest settings after a conflict (or again): what is shown after, or the failure. */
  private async reload(place: Place, current = this.epoch.mark()): Promise<Reload | undefined> {
    const { adapter, contractId } = this.parts.connection;
    if (!adapter || !contractId) return undefined;
    try {
      const latest = await adapter.getSettings(contractId);
      if (!current()) return undefined;
      this.takeLatest(place, latest);
      return { ok: true, latest: this.settings ?? latest };
    } catch (error) {
      const failure = toCheckinError(error);
      if (!failure || !current()) return undefined;
      reportError(this.host, failure, 'load');
      return { ok: false, error: failure };
    }
  }

  /** "Try again" after a failed reload, or back online: fetched once more. */
  async reloadAgain(place: Place): Promise<void> {
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
  async refreshSettings(): Promise<void> {
    const { adapter, contractId } = this.parts.connection;
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

  /** Back online or shown again, loaded: a reload that failed offline is tried again, else the settings are refreshed. */
  catchUp(online: boolean): void {
    const state = this.writing;
    // A reload that failed offline is tried again; a failed write waits for the person.
    if (online && state.status === 'reloadFailed' && state.error.retryable) void this.reloadAgain(state.place);
    else void this.refreshSettings();
  }

  /** Who made `latest` since version `since`, told apart by this element's own writes. */
  changer(latest: Settings, since: number): Changer {
    return changer(latest, since, this.ownVersions, this.parts.loaded()?.viewer.id);
  }

  /** Who made the version a kept-edits notice shows, once it is fetched. */
  whoChanged(conflict?: { base: Settings; theirs?: Settings }): Changer['kind'] | undefined {
    return conflict?.theirs && this.changer(conflict.theirs, conflict.base.version).kind;
  }

  /** The switch or consent conflict notice's words. */
  switchNotice(conflict: SwitchConflict): ReturnType<typeof switchConflictNotice> {
    const who: Changer = conflict.latest ? this.changer(conflict.latest, conflict.since) : { kind: 'unknown' };
    return switchConflictNotice(
      who,
      this.edits.dirty ? this.edits.draft : undefined,
      this.settings,
      this.parts.terms(),
    );
  }

  /** A skip date refused, here or by the backend: said at the field, which takes focus. */
  refuseSkip(problem: string): void {
    this.edits = editor.refuseSkip(this.edits, problem);
    this.parts.announcer.announce(msg(str`Not saved: ${problem}`));
    this.focusLater('#skip-date');
  }

  /** Focus `selector` once the next render is done. */
  focusLater(selector: string): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private async focusConflict(): Promise<void> {
    await this.host.updateComplete;
    if (editor.keptOf(this.edits)) this.host.renderRoot.querySelector<HTMLElement>('#conflict-title')?.focus();
  }
}
