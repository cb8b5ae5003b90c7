import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import type { CheckinAdapter, CheckinEvent } from '../../adapters/adapter.js';
import type { RetryPolicy } from '../../adapters/resilient.js';
import { ConnectionController, loadViewer } from '../../controllers/connection.js';
import { ConnectivityController } from '../../controllers/connectivity.js';
import { LiveController } from '../../controllers/live.js';
import { ResumeTaskController } from '../../controllers/resume.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { DraftController, draftKey, type DraftRecord } from '../../controllers/draft.js';
import { CheckinDraftSavedEvent, CheckinReplyEvent, CheckinSkipEvent, CheckinSubmitEvent } from '../../events.js';
import { LIMITS } from '../../limits.js';
import { formatInstant, formatRelative } from '../../format.js';
import {
  CheckinError,
  HEALTH_VALUES,
  type Checkin,
  type Contract,
  type Health,
  type Page,
  type Question,
  type Settings,
  type Viewer,
} from '../../model.js';
import { nextPrompt } from '../../schedule/index.js';
import { baseStyles } from '../../styles.js';
import {
  displayTitle,
  headingLevel,
  renderError,
  renderLoading,
  renderNoAdapter,
  renderNoContract,
  reportError,
  shortText,
  subLevel,
  toCheckinError,
} from '../shared.js';
import { styles } from './checkin-form.styles.js';
import { isQuickAnswer } from '../../questions.js';
import {
  answerByInstant,
  answersAsMessage,
  copiesPlan,
  editableUntil,
  fingerprint,
  hasText,
  isBlank,
  isEditable,
  lastWeeksPlan,
  liveCheckin,
  lengthOf,
  parseFormValue,
  pickCheckin,
  shownSettingsChanged,
  skipSentIn,
  toInput,
  standingOf,
  touchesAnswers,
  validateAnswers,
  weekEnded,
  type FieldError,
  type FormValue,
} from './form-logic.js';

const TAG = 'checkin-form';
/** How many of the newest check-ins are loaded: the open one and last week's are among them. */
const PAGE_SIZE = 10;
/** Looking up a `checkin-id` beyond the first page: 20 pages of 100, two decades of weeks. */
const FIND_PAGES = 20;
const FIND_PAGE_SIZE = 100;
const SKIP_NOTE_MAX = 500;

/** Everything one load brings; replaced as a whole when the inputs change. */
interface Loaded {
  viewer: Viewer;
  contract: Contract;
  settings: Settings;
  checkins: Checkin[];
  /** The check-in the form is about, or null when none is open. */
  target: Checkin | null;
}

/** A quick answer or last week's plan waiting for the user's choice, because the field has text. */
interface PendingFill {
  index: number;
  text: string;
}

type Done = 'submitted' | 'skipped' | null;

/** What the Task loads from: the adapter, the contract id and the `checkin-id`. */
type LoadArgs = readonly [CheckinAdapter | undefined, string, string];

/** Why "Show the latest" is offered: another check-in or new settings, or this check-in changed elsewhere. */
type Newer = 'contract' | 'checkin' | null;

/**
 * The stronger of two reasons: 'checkin' (this check-in was answered or skipped elsewhere) says
 * that submitting now would replace an answer, so a later 'contract' never hides it.
 */
function stronger(a: Newer, b: Newer): Newer {
  return a === 'checkin' || b === 'checkin' ? 'checkin' : (a ?? b);
}

/**
 * Which of the talent's views a check-in renders in (see renderTalent): the form while it is
 * open or late, else its state. Open and late are the same view (only the header differs).
 */
function viewOf(checkin: Checkin | null): string {
  if (!checkin) return 'none';
  const view = checkin.status === 'open' || checkin.status === 'late' ? 'form' : checkin.status;
  return `${view}:${checkin.id}`;
}

/**
 * Which view a load renders for the talent: a refresh that changes it must not replace unsent
 * text. A check-in that can be answered is the form whatever weekly check-ins' standing (a
 * request is answerable in every consent state); with none, the standing is the view.
 */
function loadedView(loaded: Loaded): string {
  const target = loaded.target;
  return `${loaded.viewer.role}|${target ? viewOf(target) : `none:${standingOf(loaded.settings)}`}`;
}

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

  @state() private checkin: Checkin | null = null;
  @state() private editing = false;
  @state() private values: Record<string, string> = {};
  @state() private health: Health | null = null;
  @state() private errors: FieldError[] = [];
  @state() private submitting = false;
  @state() private submitError: CheckinError | null = null;
  @state() private done: Done = null;
  /**
   * A write's confirmation that a reload replaced with a new check-in: what was sent, for the
   * check-in due when. Shown above the new one until the next write or load, so nobody sends it again.
   */
  @state() private previousSent: { what: 'submitted' | 'skipped'; dueAt: string } | null = null;
  @state() private pendingFill: PendingFill | null = null;
  @state() private skipOpen = false;
  @state() private skipNote = '';
  @state() private skipNoteError: string | null = null;
  @state() private skipping = false;
  @state() private skipError: CheckinError | null = null;
  /** After a refused submit: the talent chose to send what they wrote as a message instead. */
  @state() private replyOpen = false;
  /** The message as the talent edited it; null while it is still the answers as written. */
  @state() private replyText: string | null = null;
  @state() private replying = false;
  @state() private replyError: CheckinError | null = null;
  @state() private replyFieldError: string | null = null;
  /** The answers went as a message on the check-in (it could no longer take them). */
  @state() private replySent = false;
  /** A draft was restored when the check-in loaded: when it was saved, and what it holds. */
  @state() private restored: { at: string; what: 'answers' | 'note' } | null = null;
  @state() private savedAt: string | null = null;
  /** A newer check-in or settings change arrived while the talent had unsent text ('contract'), or this check-in was answered or skipped elsewhere ('checkin'). */
  @state() private newerArrived: Newer = null;
  /** A live event arrived while the check-in was loading (the load may predate it), and what it says. */
  private changedWhileLoading: Newer = null;
  /**
   * The load running now, until its function returns. Not the Task's status: that still says
   * pending for a few microtasks after the load applied its result, and an event heard then
   * must be acted on, not left for a load that is over.
   */
  private loading: object | null = null;

  @query('.error-summary') private summaryEl?: HTMLElement;
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
  private readonly draft = new DraftController<FormValue>(this, {
    parse: parseFormValue,
    now: () => this.now(),
    onSave: (info) => this.onDraftSaved(info.savedAt, info.persisted),
    onExternal: (record, applied) => this.onOtherTab(record, applied),
  });

  /** The last completed load; a write's result is only shown if it still belongs to it. */
  private loaded: Loaded | null = null;
  /** Which contract and check-in the open draft belongs to (for the draft-saved event). */
  private draftOf: { contractId: string; checkinId: string } | null = null;
  private inFlight: Promise<void> | null = null;
  private skipInFlight: Promise<void> | null = null;
  private replyInFlight: Promise<void> | null = null;
  private wasPersisted = true;
  /** Set while a write's key is stored with the draft: that save is not announced as "Draft saved". */
  private announcingWrite = false;
  /** The inputs `loaded` was loaded for; null after a failed load (nothing is on screen then). */
  private loadedArgs: LoadArgs | null = null;
  /** Counts submits and skips sent, so that a load can tell whether one started while it ran. */
  private writes = 0;
  /** A refresh (or a live event calling for one) was set aside for a write; load again when it is done. */
  private reloadAfterWrite = false;
  /** The talent asked for the next load ("Show the latest"): it replaces what is on screen. */
  private userReload = false;
  /**
   * A reload (or a live change of the check-in) is rendering while the focus was in the element:
   * it goes to the new heading if the focused node went with the old view (see updated).
   */
  private refocus = false;

  private readonly data = new Task(this, {
    task: async ([adapter, contractId, checkinId], { signal }) => {
      if (!adapter || !contractId) return null;
      // Listen before loading, so that nothing said between the load and the subscription is
      // missed; what arrives while loading is acted on once the load is in (see onLive).
      this.liveUpdates.watch(adapter, contractId);
      this.changedWhileLoading = null;
      const run = {};
      this.loading = run;
      const chosen = this.userReload;
      this.userReload = false;
      const writes = this.writes;
      // "Show the latest" takes its own button away as the load starts: was the focus in here?
      const focusAtStart = this.hasFocus();
      try {
        const [viewer, contract, settings, page] = await Promise.all([
          // One shared request per adapter, also with the provider's (see loadViewer).
          loadViewer(adapter, signal),
          adapter.getContract(contractId, { signal }),
          adapter.getSettings(contractId, { signal }),
          adapter.listCheckins(contractId, { limit: PAGE_SIZE, signal }),
        ]);
        // An older run resuming after the inputs changed must not touch the form.
        signal.throwIfAborted();
        let target: Checkin | null;
        if (checkinId) {
          target = await this.findCheckin(adapter, contractId, checkinId, page, signal);
          if (!target) {
            throw new CheckinError(
              'not-found',
              msg(str`There is no check-in "${checkinId}" on this contract.`),
            );
          }
        } else {
          target = pickCheckin(page.items, settings, contract, this.now());
        }
        const loaded: Loaded = { viewer, contract, settings, checkins: page.items, target };
        // A refresh of what is on screen (a live update) never takes away what the talent is doing.
        const shown = this.shownFor([adapter, contractId, checkinId]);
        if (shown && (this.writing() || this.writes !== writes)) {
          // A submit or skip went out while this load was on its way: the load may predate it,
          // and replacing the form now would drop the write's outcome (and show its answers as
          // unsent, to be sent again). Load again after it, also when the talent asked for this
          // load ("Show the latest" is not offered during a write, but a load may already be out).
          this.changedWhileLoading = null;
          this.reloadAfterWrite = true;
          if (!this.writing()) queueMicrotask(() => this.afterWrite());
          return shown;
        }
        if (shown && !chosen && this.hasUnsent()) {
          const sameCheckin = loaded.target?.id === shown.target?.id;
          if (!sameCheckin || loadedView(loaded) !== loadedView(shown)) {
            // Typed into the form while the refresh loaded, and it brings another check-in, or
            // this one answered or skipped elsewhere (the form would give way to its state): the
            // text stays on screen and the talent chooses when to move on, as for a live update.
            // Another check-in may have opened because this one was answered elsewhere: that is
            // the stronger news.
            const onScreen = shown.target && loaded.checkins.find((c) => c.id === shown.target!.id);
            const elsewhere = sameCheckin || (onScreen && viewOf(onScreen) !== viewOf(shown.target));
            this.notify(elsewhere || this.changedWhileLoading === 'checkin' ? 'checkin' : 'contract');
            this.changedWhileLoading = null;
            return shown;
          }
        }
        // "Submitted" (or the skip's confirmation) on screen: begin may replace it with another check-in.
        const sent = this.done && this.checkin ? { what: this.done, dueAt: this.checkin.dueAt } : null;
        this.begin(loaded, shown !== null && !chosen);
        if (shown) {
          // Read before the new view renders (begin only set state): it may remove the focused
          // node. "Show the latest" already took its own button away as the load started.
          this.refocus = this.hasFocus() || (chosen && focusAtStart && this.focusIsNowhere());
          // The confirmation went within a moment of appearing: the new view still says the
          // write went through (in words and in a line that stays), or it may be sent again.
          const replaced = sent && this.done === null ? sent : null;
          if (replaced) this.previousSent = replaced;
          // Said wherever the focus is (the person may be elsewhere on the page); after begin,
          // whose flush of the old draft says "Draft saved", which this news outranks.
          const opened = this.newlyOpen(loaded, shown);
          if (opened) this.announcer.announce(replaced ? this.sentAnd(replaced.what, opened) : opened);
        }
        this.loadedArgs = [adapter, contractId, checkinId];
        const changed = this.changedWhileLoading;
        if (changed) {
          this.changedWhileLoading = null;
          if (this.hasUnsent()) this.notify(changed);
          else queueMicrotask(() => this.reload());
        }
        return loaded;
      } catch (error) {
        const failure = toCheckinError(error);
        if (!failure || signal.aborted) throw error;
        // The failure replaces the form, so the next load starts from the placeholder again.
        this.loadedArgs = null;
        reportError(this, failure, 'load');
        throw failure;
      } finally {
        // A later run (the inputs changed) has its own.
        if (this.loading === run) this.loading = null;
      }
    },
    args: () => this.loadArgs(),
  });

  constructor() {
    super();
    // A load cut short by leaving the page runs again on return.
    new ResumeTaskController(this, () => this.data);
  }

  // ---- loading -----------------------------------------------------------------------------

  private loadArgs(): LoadArgs {
    return [this.connection.adapter, this.connection.contractId, this.checkinId.trim()];
  }

  /** The last load, while it is for `args` (what a refresh keeps on screen), else null. */
  private shownFor(args: LoadArgs): Loaded | null {
    const of = this.loadedArgs;
    return of && this.loaded && of.every((arg, i) => arg === args[i]) ? this.loaded : null;
  }

  /**
   * Resets the form for a fresh load and restores the draft of its check-in, if any. A `refresh`
   * of the check-in already on screen only swaps the data: the talent's text, an open skip
   * panel, focus and the "Submitted" confirmation stay as they are.
   */
  private begin(loaded: Loaded, refresh = false): void {
    const previous = this.loaded;
    this.loaded = loaded;
    this.checkin = loaded.target;
    if (
      refresh &&
      loaded.target &&
      previous?.target?.id === loaded.target.id &&
      previous.contract.id === loaded.contract.id &&
      previous.viewer.id === loaded.viewer.id
    ) {
      return;
    }
    this.errors = [];
    this.submitError = null;
    this.done = null;
    this.previousSent = null;
    this.pendingFill = null;
    this.skipOpen = false;
    this.skipNote = '';
    this.skipNoteError = null;
    this.skipError = null;
    this.replyOpen = false;
    this.replyText = null;
    this.replyError = null;
    this.replyFieldError = null;
    this.replySent = false;
    this.restored = null;
    this.savedAt = null;
    this.editing = false;
    this.values = {};
    this.health = null;

    const { viewer, contract, target } = loaded;
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
      // The skip this draft was sending arrived though its answer did not (the network dropped,
      // the page reloaded): it is done, and its draft goes as after a confirmed skip.
      this.draft.clear(key);
      record = null;
    }
    if (record) {
      this.fill(record.value);
      const what = touchesAnswers(record.value) ? 'answers' : isBlank(record.value.skip?.note) ? null : 'note';
      this.restored = what && { at: record.savedAt, what };
      // A draft of an answered (or skipped) check-in is an edit in progress, while it can still
      // be sent; after the window closes it stays stored but is not offered (it would conflict).
      // A draft with only a skip note in it is no edit: the skip panel is not shown then.
      this.editing =
        touchesAnswers(record.value) &&
        (target.status === 'answered' || target.status === 'skipped') &&
        isEditable(target, loaded.settings, contract, this.now());
    } else if (target.answers) {
      this.fill(this.answersOf(target));
    }
  }

  /**
   * The check-in named by `checkin-id`: in the first page, else in older pages (a link to an old
   * check-in must work), at most FIND_PAGES pages of FIND_PAGE_SIZE so a typo cannot page forever.
   */
  private async findCheckin(
    adapter: CheckinAdapter,
    contractId: string,
    checkinId: string,
    first: Page<Checkin>,
    signal: AbortSignal,
  ): Promise<Checkin | null> {
    let page = first;
    for (let pages = 0; ; pages++) {
      const found = page.items.find((c) => c.id === checkinId);
      if (found) return found;
      if (!page.nextCursor || pages >= FIND_PAGES) return null;
      page = await adapter.listCheckins(contractId, {
        cursor: page.nextCursor,
        limit: FIND_PAGE_SIZE,
        signal,
      });
      signal.throwIfAborted();
    }
  }

  /**
   * True while the talent has text on screen (answers, or a note in the open skip panel) that the
   * adapter has not confirmed. A note whose panel was closed ("Cancel") is set aside: it stays in
   * the draft for when the panel opens again, but holds back no live update.
   */
  private hasUnsent(): boolean {
    if (this.editing) return true;
    const status = this.checkin?.status;
    // Answers a closed check-in kept, or a message being written from them, until sent.
    if ((status === 'closed' || this.replyOpen) && !this.replySent && hasText(this.formValue)) return true;
    return (
      (status === 'open' || status === 'late') &&
      (Object.values(this.values).some((text) => text.trim() !== '') ||
        (this.skipOpen && !isBlank(this.skipNote)))
    );
  }

  /**
   * Live updates: the shown check-in changing elsewhere updates in place; a new check-in or a
   * settings change reloads the form, unless the talent is typing (then they are told, and
   * choose when to load it; their text stays in its draft either way) or a submit or skip is on
   * its way (then it waits for the write, see afterWrite).
   */
  private onLive(event: CheckinEvent): void {
    // Replies and activity entries belong to the thread: nothing on the form changes with them.
    if (event.type === 'reply' || event.type === 'activity') return;
    const changedHere = event.type === 'checkin' && event.checkin.id === this.checkin?.id;
    // An event that changes nothing shown costs no request (over HTTP, a burst of them would be
    // a burst of requests), also while a load runs: it is judged against what is on screen.
    // (Only against a load for the same contract and check-in: after the inputs changed, the new
    // load decides.)
    const shown = this.shownFor(this.loadArgs());
    if (!changedHere && shown && !this.matters(shown, event)) return;
    if (this.loading) {
      // The load may predate the event: acted on once it is in (see the load).
      const elsewhere = changedHere && viewOf(event.checkin) !== viewOf(this.checkin);
      this.changedWhileLoading = stronger(this.changedWhileLoading, elsewhere ? 'checkin' : 'contract');
      return;
    }
    const loaded = this.loaded;
    if (!loaded) return;
    const writing = this.writing();
    if (changedHere) {
      // During a write this is its echo (or a write from elsewhere it races): its outcome says.
      if (writing) return;
      if (event.checkin.status === 'closed' && this.checkin?.status !== 'closed') {
        // Closed (check-ins off, consent declined or withdrawn): nothing can be sent to it any
        // more, so the view says who closed it, and what was typed stays to go as a message.
        this.refocus = this.hasFocus();
        this.checkin = event.checkin;
        loaded.target = event.checkin;
        this.editing = false;
        this.pendingFill = null;
        this.errors = [];
        this.announcer.announce(this.closedSentence(loaded, event.checkin));
        return;
      }
      if (this.hasUnsent()) {
        // Answered or skipped elsewhere (the talent's other device or tab): the form would give
        // way to that state, so the text stays and the talent is told; they choose when to look.
        if (viewOf(event.checkin) !== viewOf(this.checkin)) this.notify('checkin');
        return;
      }
      // Answered or skipped elsewhere, or closed: the view changes under the focus too.
      if (viewOf(event.checkin) !== viewOf(this.checkin)) this.refocus = this.hasFocus();
      this.checkin = event.checkin;
      loaded.target = event.checkin;
      return;
    }
    // A load now would set the write's outcome aside: it is due once the write is done.
    if (writing) this.reloadAfterWrite = true;
    else if (this.hasUnsent()) this.notify('contract');
    else this.reload();
  }

  /**
   * The adapter may have missed changes (its stream could not resume): loaded afresh like after
   * a change to the contract, but never over what the talent is typing or sending.
   */
  private onStale(): void {
    if (this.loading) this.changedWhileLoading = stronger(this.changedWhileLoading, 'contract');
    else if (!this.loaded) return;
    else if (this.writing()) this.reloadAfterWrite = true;
    else if (this.hasUnsent()) this.notify('contract');
    else this.reload();
  }

  /**
   * True when a live event (not about the check-in on screen) changes what the form shows, so
   * that a load is due. One that does not is applied to the loaded data in place: the settings
   * as they now are, a loaded check-in as it now is (last week's plan comes from them).
   */
  private matters(loaded: Loaded, event: CheckinEvent): boolean {
    if (event.type === 'settings') {
      if (shownSettingsChanged(loaded.settings, event.settings)) return true;
      loaded.settings = event.settings;
      return false;
    }
    if (event.type !== 'checkin') return false;
    const { reload, checkins } = liveCheckin(loaded, event.checkin, this.now(), Boolean(this.checkinId.trim()));
    if (reload) return true;
    if (checkins !== loaded.checkins) {
      loaded.checkins = checkins;
      this.requestUpdate();
    }
    return false;
  }

  /** The aria-level `depth` levels below the main heading (0 = the main heading). */
  private level(depth: number): string {
    let level = headingLevel(this.headingLevel);
    for (let i = 0; i < depth; i++) level = subLevel(level);
    return String(level);
  }

  /** True while a submit, skip or message is on its way (one write at a time). */
  private writing(): boolean {
    return this.inFlight !== null || this.skipInFlight !== null || this.replyInFlight !== null;
  }

  /** Offers "Show the latest" for `reason`; never lets a weaker reason replace a stronger one. */
  private notify(reason: 'contract' | 'checkin'): void {
    this.newerArrived = stronger(this.newerArrived, reason);
  }

  /** Loads again; `chosen` when the talent asked for it (the result then replaces the form). */
  private reload(chosen = false): void {
    this.newerArrived = null;
    this.userReload = chosen;
    void this.data.run();
  }

  /** True while the focus is in this element (in its shadow root, or on the host itself). */
  private hasFocus(): boolean {
    return Boolean(this.shadowRoot?.activeElement) || document.activeElement === this;
  }

  /** True while nothing on the page has the focus (a focused node was removed, say). */
  private focusIsNowhere(): boolean {
    const active = document.activeElement;
    return !active || active === document.body || active === document.documentElement;
  }

  /**
   * What to say when a reload brings the talent a check-in that was not on screen and can be
   * answered: who asked for it, or that this week's opened. Null for anything else.
   */
  private newlyOpen(loaded: Loaded, shown: Loaded): string | null {
    const target = loaded.target;
    if (loaded.viewer.role !== 'talent' || !target) return null;
    if (target.id === shown.target?.id || (target.status !== 'open' && target.status !== 'late')) return null;
    return target.kind === 'requested'
      ? msg(str`A new check-in is open: ${shortText(target.requestedBy.name)} asked for an update.`)
      : msg("This week's check-in is open.");
  }

  /** "Your answers were sent." (or the skip's words) before the news of what opened. */
  private sentAnd(what: 'submitted' | 'skipped', opened: string): string {
    return what === 'submitted'
      ? msg(str`Your answers were sent. ${opened}`)
      : msg(str`Marked as not working this week. ${opened}`);
  }

  private renderPreviousSent(loaded: Loaded): TemplateResult | typeof nothing {
    const sent = this.previousSent;
    if (!sent) return nothing;
    const due = this.when(loaded, sent.dueAt);
    // Plain text, no role: the announcement already said it; this stays for whoever looks later.
    return html`<p class="muted" part="previous-sent">
      ${sent.what === 'submitted'
        ? msg(str`Your answers to the check-in due ${due} were sent.`)
        : msg(str`The check-in due ${due} was marked as not working this week.`)}
    </p>`;
  }

  /**
   * After a reload (or a live change of the check-in) while the focus was in the element, when
   * the focused node went with the old view: the focus goes to the new view's heading (as after
   * a submit), so a keyboard or screen-reader user is not dropped at the top of the page, and
   * hears the context first. Focus the person has since taken elsewhere is never taken back.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Set once the new view is in the state, so this render shows it (the Task may still say
    // pending for a few microtasks; a reload chained right after must not hold the focus back).
    if (!this.refocus) return;
    this.refocus = false;
    if (!this.hasFocus() && this.focusIsNowhere()) {
      (this.doneHeading ?? this.renderRoot.querySelector<HTMLElement>('#heading'))?.focus();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Back on the page, it loads again: a focus move meant for then would come out of nowhere.
    this.refocus = false;
  }

  /**
   * A refresh set aside for a write (see the load and onLive) runs once the write is done, or
   * is offered when the write failed and its text is still unsent.
   */
  private afterWrite(): void {
    if (!this.reloadAfterWrite || this.writing()) return;
    this.reloadAfterWrite = false;
    if (this.hasUnsent()) this.notify('contract');
    else this.reload();
  }

  private renderNewerArrived(): TemplateResult | typeof nothing {
    if (!this.newerArrived) return nothing;
    return html`<div class="notice" part="newer" role="status">
      ${this.newerArrived === 'checkin'
        ? msg('While you were typing, this check-in was answered or skipped elsewhere, or it closed. What you typed is kept.')
        : msg('Something changed on this contract while you were typing (a new check-in or new settings).')}
      ${this.reloadButton(msg('Show the latest'))}
    </div>`;
  }

  /**
   * "Show the latest" / "Reload the check-in": replaces the form with a fresh load. Not offered
   * while a submit or skip is on its way (disabled, still focusable and announced): a load then
   * would set the write's outcome aside, and its answers would look unsent.
   */
  private reloadButton(label: string, part?: string): TemplateResult {
    const writing = this.submitting || this.skipping;
    return html`<button
      type="button"
      part=${part ?? nothing}
      aria-disabled=${writing ? 'true' : 'false'}
      @click=${() => {
        if (!this.writing()) this.reload(true);
      }}
    >
      ${label}
    </button>`;
  }

  private answersOf(checkin: Checkin): FormValue {
    const answers: Record<string, string> = {};
    for (const a of checkin.answers ?? []) answers[a.questionId] = a.text;
    return { answers, health: checkin.health };
  }

  private fill(value: FormValue): void {
    this.values = { ...value.answers };
    this.health = value.health;
    // A value without the panel (a check-in's own answers, an older version's draft from another
    // tab) says nothing about it: the panel and its note stay as they are.
    if (value.skip) {
      this.skipNote = value.skip.note;
      this.skipOpen = value.skip.open;
    }
    if (value.reply !== undefined) this.replyText = value.reply;
  }

  private get formValue(): FormValue {
    const value: FormValue = {
      answers: this.values,
      health: this.health,
      skip: { note: this.skipNote, open: this.skipOpen },
    };
    if (this.replyText !== null) value.reply = this.replyText;
    return value;
  }

  // ---- time and words ------------------------------------------------------------------------

  private now(): number {
    const value = this.clock?.();
    const ms = value === undefined ? Date.now() : new Date(value).getTime();
    return Number.isNaN(ms) ? Date.now() : ms;
  }

  private zoneOf(loaded: Loaded): { locale?: string; timeZone?: string } {
    const { viewer, contract } = loaded;
    const party =
      viewer.role === 'talent' ? contract.talent : viewer.role === 'client' ? contract.client : undefined;
    return {
      locale: viewer.locale ?? (typeof navigator !== 'undefined' ? navigator.language : undefined),
      timeZone: viewer.timeZone ?? party?.timeZone,
    };
  }

  private when(loaded: Loaded, instant: string): string {
    return formatInstant(instant, { ...this.zoneOf(loaded), style: 'weekday-time' });
  }

  private storageWarning(): string {
    return msg("Drafts can't be saved on this device right now; keep this tab open until you submit.");
  }

  // ---- drafts --------------------------------------------------------------------------------

  private saveDraft(): void {
    this.draft.set(this.formValue);
  }

  private onDraftSaved(savedAt: string, persisted: boolean): void {
    this.savedAt = savedAt;
    if (!this.announcingWrite) {
      if (persisted) this.announcer.announce(msg('Draft saved'));
      // Said once when drafts stop being saved; the visible notice stays while it lasts.
      else if (this.wasPersisted) this.announcer.announce(this.storageWarning());
    }
    this.wasPersisted = persisted;
    const of = this.draftOf;
    if (of) {
      this.dispatchEvent(
        new CheckinDraftSavedEvent({ contractId: of.contractId, checkinId: of.checkinId, savedAt, persisted }),
      );
    }
  }

  private onOtherTab(record: DraftRecord<FormValue>, applied: boolean): void {
    if (applied) {
      this.takeOtherTab(record);
      this.announcer.announce(msg('This draft was updated in another tab'));
    }
  }

  private loadOtherTab(): void {
    const record = this.draft.acceptExternal();
    if (!record) return;
    this.takeOtherTab(record);
    this.announcer.announce(msg("Loaded the other tab's draft"));
  }

  /** Shows another tab's draft: its answers, health and skip note (see `fill`). */
  private takeOtherTab(record: DraftRecord<FormValue>): void {
    this.fill(record.value);
    this.savedAt = record.savedAt;
    // A tab of an older version writes drafts without the skip panel: the note kept here is
    // written back with its answers, so that it is still in the draft after a reload.
    if (!record.value.skip && !isBlank(this.skipNote)) this.saveDraft();
  }

  // ---- field helpers -------------------------------------------------------------------------

  private onInput(question: Question, event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.values = { ...this.values, [question.id]: value };
    this.saveDraft();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      // A held-down shortcut repeats keydown: one press is one submit, and a failed submit is
      // never sent again by a key that is still down.
      if (event.repeat) return;
      void this.submit();
    }
  }

  private setHealth(value: string): void {
    // Nothing changes while the answer is on its way (the radio springs back on re-render).
    if (this.submitting) return this.requestUpdate();
    this.health = (HEALTH_VALUES as readonly string[]).includes(value) ? (value as Health) : null;
    this.saveDraft();
  }

  /** A helper fills an empty field at once; typed text is never replaced without asking. */
  private offerFill(index: number, text: string): void {
    if (this.submitting) return;
    const question = this.loaded?.settings.questions[index];
    if (!question) return;
    const current = this.values[question.id] ?? '';
    // "none." already in the field is the quick answer "None": filling it replaces nothing.
    if (isBlank(current) || current.trim() === text.trim() || isQuickAnswer(current, [text])) {
      this.applyFill(index, text, 'replace');
    } else {
      this.pendingFill = { index, text };
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`#fill-${index} button`)?.focus(),
      );
    }
  }

  private applyFill(index: number, text: string, how: 'replace' | 'append'): void {
    const question = this.loaded?.settings.questions[index];
    this.pendingFill = null;
    if (!question) return;
    const current = (this.values[question.id] ?? '').replace(/\s+$/, '');
    const next = how === 'append' && current ? `${current}\n\n${text}` : text;
    this.values = { ...this.values, [question.id]: next };
    this.saveDraft();
    void this.updateComplete.then(() => {
      const field = this.field(index);
      field?.focus();
      field?.setSelectionRange(next.length, next.length);
    });
  }

  private field(index: number): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector<HTMLTextAreaElement>(`#q-${index}`);
  }

  private focusField(event: Event, index: number): void {
    // A fragment link inside a shadow root neither scrolls nor focuses (and would change the
    // page's URL), so the summary's links move focus themselves.
    event.preventDefault();
    const field = this.field(index);
    field?.focus();
    field?.scrollIntoView?.({ block: 'center' });
  }

  // ---- submit --------------------------------------------------------------------------------

  /**
   * Validates and sends the answers. Repeated calls while a submit is in flight return the same
   * promise (one adapter call); resolves when the outcome is shown.
   */
  submit(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    // One write at a time: answers sent while the skip is out would race it (and take its key).
    if (this.skipInFlight) return this.skipInFlight;
    const loaded = this.loaded;
    const checkin = this.checkin;
    const adapter = this.connection.adapter;
    if (!loaded || !checkin || !adapter || loaded.viewer.role !== 'talent') return Promise.resolve();
    const questions = loaded.settings.questions;
    this.errors = validateAnswers(questions, this.formValue);
    if (this.errors.length) {
      this.submitError = null;
      return this.updateComplete.then(() => {
        this.summaryEl?.focus();
      });
    }
    this.inFlight = this.send(adapter, loaded, checkin).finally(() => {
      this.inFlight = null;
      this.afterWrite();
    });
    return this.inFlight;
  }

  private async send(adapter: CheckinAdapter, loaded: Loaded, checkin: Checkin): Promise<void> {
    const input = toInput(loaded.settings.questions, this.formValue);
    const key = draftKey(loaded.contract.id, checkin.id, loaded.viewer.id);
    // The key is stored with the draft before the request leaves: a retry, even after a
    // reload, is the same write. Changed answers are a new request and get a new key.
    this.announcingWrite = true;
    const idempotencyKey = this.draft.keyFor(fingerprint('submit', checkin.id, input), this.formValue);
    this.announcingWrite = false;
    this.writes++;
    this.previousSent = null;
    this.submitting = true;
    this.submitError = null;
    this.announcer.announce(msg('Submitting…'));
    try {
      const result = await adapter.submitAnswers(loaded.contract.id, checkin.id, input, { idempotencyKey });
      this.draft.clear(key);
      if (this.loaded !== loaded) return;
      this.checkin = result;
      this.editing = false;
      this.done = 'submitted';
      // The draft (a skip note typed on the way included) went with the confirmed answer.
      this.skipOpen = false;
      this.skipNote = '';
      this.restored = null;
      this.savedAt = null;
      this.announcer.announce(msg('Submitted'));
      this.dispatchEvent(new CheckinSubmitEvent({ contractId: loaded.contract.id, checkin: result }));
      await this.updateComplete;
      this.doneHeading?.focus();
    } catch (error) {
      const failure = toCheckinError(error);
      // Whatever happened, the typed text stays in the fields and in the draft.
      this.draft.flush();
      // No failure means abandoned because the element left the page: the draft and its key
      // are stored, so sending again later is still one write.
      if (this.loaded !== loaded || !failure) return;
      this.submitError = failure;
      reportError(this, failure, 'submit');
    } finally {
      this.submitting = false;
    }
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.submit();
  }

  private startEdit(): void {
    const checkin = this.checkin;
    if (!checkin) return;
    this.fill(this.answersOf(checkin));
    this.editing = true;
    this.done = null;
    this.errors = [];
    this.submitError = null;
    void this.updateComplete.then(() => this.field(0)?.focus());
  }

  private cancelEdit(): void {
    this.draft.clear();
    this.editing = false;
    this.errors = [];
    this.submitError = null;
    this.pendingFill = null;
    this.restored = null;
    this.savedAt = null;
    if (this.checkin) this.fill(this.answersOf(this.checkin));
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part~="edit"]')?.focus(),
    );
  }

  // ---- skip ----------------------------------------------------------------------------------

  private toggleSkip(): void {
    this.skipOpen = !this.skipOpen;
    this.skipError = null;
    this.skipNoteError = null;
    // With a note in it, whether the panel is open is kept too: a reload shows it as it was.
    if (!isBlank(this.skipNote)) this.saveDraft();
    if (this.skipOpen) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLTextAreaElement>('#skip-note')?.focus(),
      );
    }
  }

  /** Sends the skip; one adapter call at a time, the same key for a retry of the same note. */
  skip(): Promise<void> {
    if (this.skipInFlight) return this.skipInFlight;
    // One write at a time: a skip sent while the answers are out would race them (and take their key).
    if (this.inFlight) return this.inFlight;
    const loaded = this.loaded;
    const checkin = this.checkin;
    const adapter = this.connection.adapter;
    if (!loaded || !checkin || !adapter) return Promise.resolve();
    const note = this.skipNote.trim();
    if (lengthOf(note) > SKIP_NOTE_MAX) {
      this.skipNoteError = msg(
        str`Use ${SKIP_NOTE_MAX} characters or fewer (${lengthOf(note) - SKIP_NOTE_MAX} too many).`,
      );
      return this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLTextAreaElement>('#skip-note')?.focus(),
      );
    }
    this.skipNoteError = null;
    // As for answers, the key is stored with the draft (the note in it) before the request
    // leaves: a retry, even after a reload, is the same write; a changed note is a new one. The
    // draft keeps one key, for the last write tried: a submit and a skip are never on their way
    // at once (each waits for the other), so the key of the one out is never replaced. Turning
    // from a failed submit to a skip (or back) is another request, with a new key.
    this.announcingWrite = true;
    const idempotencyKey = this.draft.keyFor(fingerprint('skip', checkin.id, note), this.formValue);
    this.announcingWrite = false;
    this.writes++;
    this.previousSent = null;
    this.skipInFlight = (async () => {
      this.skipping = true;
      this.skipError = null;
      try {
        const result = await adapter.skipCheckin(loaded.contract.id, checkin.id, { note }, { idempotencyKey });
        // Answers typed before choosing to skip have nowhere to go now.
        this.draft.clear(draftKey(loaded.contract.id, checkin.id, loaded.viewer.id));
        if (this.loaded !== loaded) return;
        this.checkin = result;
        this.skipOpen = false;
        this.skipNote = '';
        this.restored = null;
        this.savedAt = null;
        this.done = 'skipped';
        this.editing = false;
        this.announcer.announce(msg('Marked as not working this week'));
        this.dispatchEvent(new CheckinSkipEvent({ contractId: loaded.contract.id, checkin: result }));
        await this.updateComplete;
        this.doneHeading?.focus();
      } catch (error) {
        const failure = toCheckinError(error);
        if (this.loaded !== loaded || !failure) return;
        this.skipError = failure;
        reportError(this, failure, 'skip');
      } finally {
        this.skipping = false;
        this.skipInFlight = null;
        this.afterWrite();
      }
    })();
    return this.skipInFlight;
  }

  private openReply(): void {
    this.replyOpen = true;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLTextAreaElement>('#reply-text')?.focus(),
    );
  }

  /**
   * Sends what was typed as a message on the check-in (`adapter.reply`), for a check-in that can
   * no longer take the answers. One write at a time; the key is stored with the draft before
   * the request leaves, and the draft is cleared only once the adapter confirms.
   */
  sendReply(): Promise<void> {
    if (this.replyInFlight) return this.replyInFlight;
    if (this.inFlight) return this.inFlight;
    if (this.skipInFlight) return this.skipInFlight;
    const loaded = this.loaded;
    const checkin = this.checkin;
    const adapter = this.connection.adapter;
    if (!loaded || !checkin || !adapter || loaded.viewer.role !== 'talent') return Promise.resolve();
    const text = this.replyMessage(loaded);
    const focusField = () =>
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('#reply-text')?.focus());
    if (isBlank(text)) {
      this.replyFieldError = msg('Write a message first.');
      return focusField();
    }
    if (lengthOf(text) > LIMITS.reply) {
      this.replyFieldError = msg(
        str`Use ${LIMITS.reply} characters or fewer (${lengthOf(text) - LIMITS.reply} too many).`,
      );
      return focusField();
    }
    this.replyFieldError = null;
    this.announcingWrite = true;
    const idempotencyKey = this.draft.keyFor(fingerprint('reply', checkin.id, text), this.formValue);
    this.announcingWrite = false;
    this.writes++;
    const client = shortText(loaded.contract.client.name);
    this.replyInFlight = (async () => {
      this.replying = true;
      this.replyError = null;
      try {
        const reply = await adapter.reply(loaded.contract.id, checkin.id, { text }, { idempotencyKey });
        this.draft.clear(draftKey(loaded.contract.id, checkin.id, loaded.viewer.id));
        if (this.loaded !== loaded) return;
        this.values = {};
        this.health = null;
        this.skipNote = '';
        this.skipOpen = false;
        this.replyText = null;
        this.replyOpen = false;
        this.submitError = null;
        this.errors = [];
        this.restored = null;
        this.savedAt = null;
        this.replySent = true;
        this.announcer.announce(msg(str`Sent to ${client} as a message.`));
        this.dispatchEvent(new CheckinReplyEvent({ contractId: loaded.contract.id, checkinId: checkin.id, reply }));
        await this.updateComplete;
        this.doneHeading?.focus();
      } catch (error) {
        const failure = toCheckinError(error);
        this.draft.flush();
        if (this.loaded !== loaded || !failure) return;
        this.replyError = failure;
        reportError(this, failure, 'reply');
      } finally {
        this.replying = false;
        this.replyInFlight = null;
        this.afterWrite();
      }
    })();
    return this.replyInFlight;
  }

  /** Back online: announced, and a load that failed for want of a network is tried again. */
  private onOnline(): void {
    this.announcer.announce(msg("You're back online."));
    if (this.data.status === TaskStatus.ERROR && toCheckinError(this.data.error)?.retryable) {
      void this.data.run();
    }
  }

  // ---- rendering -----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`${this.renderBody()}${this.announcer.region()}`;
  }

  private renderBody(): unknown {
    if (!this.connection.adapter) return renderNoAdapter(TAG);
    if (!this.connection.contractId) return renderNoContract(TAG);
    return this.data.render({
      initial: () => renderLoading(msg('Loading the check-in…')),
      // A refresh (a live update, a retry) keeps what is on screen, marked busy, rather than
      // flashing the placeholder; the first load, and one for other inputs, show the placeholder.
      pending: () => {
        const shown = this.shownFor(this.loadArgs());
        return shown ? this.renderLoaded(shown, true) : renderLoading(msg('Loading the check-in…'));
      },
      complete: (loaded) => (loaded ? this.renderLoaded(loaded) : nothing),
      error: (error) => {
        // An abort (the element left the page) is no failure: it loads again on return.
        const failure = toCheckinError(error);
        return failure
          ? renderError(failure, () => void this.data.run())
          : renderLoading(msg('Loading the check-in…'));
      },
    });
  }

  private renderLoaded(loaded: Loaded, busy = false): TemplateResult {
    const content = loaded.viewer.role === 'talent' ? this.renderTalent(loaded) : this.renderWatcher(loaded);
    return html`<section
      class="card form-card"
      part="checkin"
      aria-labelledby="heading"
      aria-busy=${busy ? 'true' : nothing}
    >
      <div
        id="heading"
        class="h2"
        part="heading"
        role="heading"
        aria-level=${this.level(0)}
        tabindex="-1"
        title=${displayTitle(loaded.contract.title)}
      >
        ${msg(str`Check-in for ${shortText(loaded.contract.title)}`)}
      </div>
      ${this.renderNewerArrived()}${loaded.viewer.role === 'talent' ? this.renderPreviousSent(loaded) : nothing}${content}
    </section>`;
  }

  /** "No check-in is open. The next one opens Fri, 4 Dec, 09:00 (in 3 days)". */
  private renderNoneOpen(loaded: Loaded): TemplateResult {
    const now = this.now();
    let next: string | null = null;
    try {
      next = nextPrompt(loaded.settings.schedule, now, loaded.contract);
    } catch {
      next = null;
    }
    const { locale } = this.zoneOf(loaded);
    const text = next
      ? msg(
          str`No check-in is open. The next one opens ${this.when(loaded, next)} (${formatRelative(Date.parse(next) - now, locale)})`,
        )
      : msg('No check-in is open, and none is scheduled before the contract ends.');
    return html`<p class="state" part="state" data-state="none">${text}</p>`;
  }

  private renderTalent(loaded: Loaded): TemplateResult {
    const checkin = this.checkin;
    const standing = standingOf(loaded.settings);
    const said = this.standingText(loaded);
    if (!checkin) {
      if (!said) return this.renderNoneOpen(loaded);
      return html`<p class="state" part="state" data-state=${standing === 'pending' ? 'consent' : standing}>
        ${said}
      </p>`;
    }
    // A check-in on screen while weekly ones are not asked (a request for an update, or the one
    // that closed): the standing is said above it, and the check-in stays answerable if open.
    const note = said
      ? html`<p class="muted" part="standing" data-standing=${standing}>${said}</p>`
      : nothing;
    if (this.replySent) return html`${note}${this.renderReplySent(loaded, checkin)}`;
    const answerable = checkin.status === 'open' || checkin.status === 'late';
    if (answerable || this.editing) return html`${note}${this.renderForm(loaded, checkin)}`;
    switch (checkin.status) {
      case 'closed':
        return html`${note}${this.renderClosed(loaded, checkin)}`;
      case 'answered':
        return html`${note}${this.renderAnswered(loaded, checkin)}`;
      case 'skipped':
        return html`${note}${this.renderSkipped(loaded, checkin)}`;
      default:
        return html`${note}${this.renderMissed(loaded, checkin)}`;
    }
  }

  /**
   * Who closed a check-in and why, addressing the viewer in the second person when it was them:
   * "Dana Whitfield turned weekly check-ins off on Thu 3 Dec, 10:00, so this check-in closed."
   */
  private closedSentence(loaded: Loaded, checkin: Checkin): string {
    const { closedBy: by, closedAt: at, closedReason: reason } = checkin;
    if (!at) return msg('This check-in closed before it was answered.');
    const when = this.when(loaded, at);
    if (!by || !reason) return msg(str`This check-in closed on ${when}, before it was answered.`);
    const you = by.id === loaded.viewer.id;
    const name = shortText(by.name);
    switch (reason) {
      case 'turned-off':
        return you
          ? msg(str`You turned weekly check-ins off on ${when}, so this check-in closed.`)
          : msg(str`${name} turned weekly check-ins off on ${when}, so this check-in closed.`);
      case 'declined':
        return you
          ? msg(str`You declined weekly check-ins on ${when}, so this check-in closed.`)
          : msg(str`${name} declined weekly check-ins on ${when}, so this check-in closed.`);
      case 'withdrawn':
        return you
          ? msg(str`You withdrew your consent to weekly check-ins on ${when}, so this check-in closed.`)
          : msg(str`${name} withdrew their consent to weekly check-ins on ${when}, so this check-in closed.`);
    }
  }

  /** A closed check-in: who closed it and why, and what was typed for it, to send as a message. */
  private renderClosed(loaded: Loaded, checkin: Checkin): TemplateResult {
    return html`<div class="section" data-state="closed-checkin">
      <div id="done-heading" tabindex="-1" class="h3 state" role="heading" aria-level=${this.level(1)}>
        ${msg('This check-in closed')}
      </div>
      <p part="state">${this.closedSentence(loaded, checkin)}</p>
      ${hasText(this.formValue) ? this.renderReplyPanel(loaded, checkin) : nothing}
    </div>`;
  }

  /** The message text: as the talent edited it, else the answers (and note) as written. */
  private replyMessage(loaded: Loaded): string {
    if (this.replyText !== null) return this.replyText;
    const health: Record<Health, string> = {
      'on-track': msg('On track'),
      'at-risk': msg('At risk'),
      'off-track': msg('Off track'),
    };
    return answersAsMessage(loaded.settings.questions, this.formValue, [
      this.health ? `${msg('How is the work going?')}\n${health[this.health]}` : null,
      isBlank(this.skipNote) ? null : `${msg('Not working this week')}\n${this.skipNote.trim()}`,
    ]);
  }

  /**
   * What was typed for a check-in that can no longer take it, as a message on that check-in
   * (`adapter.reply`): shown for a closed check-in, and after a refused submit on request. The
   * draft stays until the adapter confirms the message.
   */
  private renderReplyPanel(loaded: Loaded, checkin: Checkin): TemplateResult {
    const client = shortText(loaded.contract.client.name);
    const text = this.replyMessage(loaded);
    const length = lengthOf(text);
    const over = length - LIMITS.reply;
    const error = this.replyFieldError;
    return html`<div class="section" part="reply-panel">
      <p>
        ${checkin.status === 'closed'
          ? msg(str`Your answers were not sent. They are kept on this device, and you can send them to ${client} as a message on this check-in.`)
          : msg(str`You can send what you wrote to ${client} as a message on this check-in.`)}
      </p>
      <label for="reply-text">${msg(str`Message to ${client}`)}</label>
      ${error
        ? html`<p class="field-error" id="reply-err" part="field-error">
            <span class="visually-hidden">${msg('Error:')}</span> ${error}
          </p>`
        : nothing}
      <textarea
        id="reply-text"
        part="textarea reply-text"
        rows="8"
        dir="auto"
        aria-describedby=${error ? 'reply-count reply-err' : 'reply-count'}
        aria-invalid=${error ? 'true' : 'false'}
        ?readonly=${this.replying}
        .value=${live(text)}
        @input=${(e: Event) => {
          this.replyText = (e.target as HTMLTextAreaElement).value;
          this.replyFieldError = null;
          this.saveDraft();
        }}
      ></textarea>
      <p id="reply-count" class=${classMap({ counter: true, over: over > 0 })} part="counter">
        <span aria-hidden="true" class="count">${length} / ${LIMITS.reply}${over > 0
            ? html` · ${msg(str`${over} too many`)}`
            : nothing}</span>
        <span class="visually-hidden">${msg(str`${length} of ${LIMITS.reply} characters used`)}</span>
      </p>
      ${this.replyError ? renderError(this.replyError, () => void this.sendReply(), msg('Retry')) : nothing}
      <div class="actions">
        <button
          type="button"
          class="primary"
          part="send-reply"
          aria-disabled=${this.writing() ? 'true' : 'false'}
          @click=${() => void this.sendReply()}
        >
          ${this.replying ? msg('Sending…') : msg(str`Send to ${client}`)}
        </button>
      </div>
    </div>`;
  }

  /** After the answers went as a message: said, and where to find it. */
  private renderReplySent(loaded: Loaded, checkin: Checkin): TemplateResult {
    const client = shortText(loaded.contract.client.name);
    return html`<div class="section" data-state="replied">
      <div id="done-heading" tabindex="-1" class="h3 state done" role="heading" aria-level=${this.level(1)}>
        ${msg('Sent as a message')}
      </div>
      <p part="state">
        ${msg(str`What you wrote went to ${client} as a message on this check-in; it is in the check-in history.`)}
        ${checkin.status === 'closed' ? this.closedSentence(loaded, checkin) : nothing}
      </p>
      ${checkin.status === 'closed' ? nothing : this.reloadButton(msg('Show the check-in as it is now'))}
    </div>`;
  }

  /**
   * Where weekly check-ins stand for the talent, when they are not being asked: exactly what
   * will not happen, and that a request for an update still can, and is answered here. Null
   * while they are on.
   */
  private standingText(loaded: Loaded): string | null {
    const { settings, contract } = loaded;
    const client = shortText(contract.client.name);
    switch (standingOf(settings)) {
      case 'active':
        return null;
      case 'pending':
        return msg(
          str`${client} wants weekly check-ins on this contract. They start once you agree to them in the check-in settings. ${client} can still ask you for an update, and you can answer it here.`,
        );
      case 'declined':
        return msg(
          str`You declined weekly check-ins, so you won't be asked each week. ${client} can still ask you for an update, and you can answer it here.`,
        );
      case 'withdrawn':
        return msg(
          str`You withdrew your consent to weekly check-ins, so you won't be asked each week. ${client} can still ask you for an update, and you can answer it here.`,
        );
      case 'off': {
        const by = settings.disabledBy;
        const at = settings.disabledAt;
        return by && at
          ? msg(
              str`${shortText(by.name)} turned weekly check-ins off on ${this.when(loaded, at)}, so you won't be asked each week. ${client} can still ask you for an update, and you can answer it here.`,
            )
          : msg(
              str`Weekly check-ins are off for this contract, so you won't be asked each week. ${client} can still ask you for an update, and you can answer it here.`,
            );
      }
    }
  }

  private renderHeader(loaded: Loaded, checkin: Checkin): TemplateResult {
    const client = shortText(checkin.requestedBy.name);
    const ask =
      checkin.kind === 'requested'
        ? msg(str`${client} asked for an update`)
        : msg(str`${client} asks for this week's check-in`);
    // "Late" only once the backend says so: a check-in that just opened is asked, not overdue.
    return html`<header part="header">
      <p class="asker">
        ${ask}${checkin.status === 'late'
          ? html` <span class="badge" data-status="late">${msg('Late')}</span>`
          : nothing}
      </p>
      ${this.renderDue(loaded, checkin)}
      ${checkin.kind === 'requested' && checkin.message
        ? html`<blockquote part="message" dir="auto" aria-label=${msg(str`Message from ${client}`)}>${checkin.message}</blockquote>`
        : nothing}
    </header>`;
  }

  /**
   * "Asked 1 minute ago · answer by Fri 27 Nov, 23:59": when it was asked, on this page's clock,
   * and the answer-by time the backend gives (`lateAt`). The adapter's clock may differ (skew):
   * a check-in asked "in the future" here is named by its date instead.
   */
  private renderDue(loaded: Loaded, checkin: Checkin): TemplateResult {
    const due = Date.parse(checkin.dueAt);
    const now = this.now();
    const { locale, timeZone } = this.zoneOf(loaded);
    const asked =
      Number.isNaN(due) || due > now
        ? msg(str`Asked ${this.when(loaded, checkin.dueAt)}`)
        : now - due < 60_000
          ? msg('Asked just now')
          : msg(str`Asked ${formatRelative(due - now, locale)}`);
    const by = checkin.lateAt ? this.when(loaded, answerByInstant(checkin.lateAt, timeZone)) : null;
    return html`<p class="muted due-relative" part="due">
      ${by
        ? checkin.status === 'late'
          ? msg(str`${asked} · the answer was due by ${by}`)
          : msg(str`${asked} · answer by ${by}`)
        : asked}
    </p>`;
  }

  private renderDraftStatus(loaded: Loaded): TemplateResult {
    const parts: TemplateResult[] = [];
    if (!this.draft.persisted) {
      parts.push(html`<div class="notice warning" part="draft-status" data-draft="memory">
        ${this.storageWarning()}
      </div>`);
    }
    if (this.draft.updatedElsewhere) {
      parts.push(html`<div class="notice" part="draft-status" data-draft="other-tab">
        <p>${msg('This draft was updated in another tab.')}</p>
        ${this.draft.external
          ? html`<p class="muted">${msg('Loading it replaces what you typed here.')}</p>
              <button type="button" @click=${this.loadOtherTab}>${msg("Load the other tab's draft")}</button>
              <button type="button" @click=${() => this.draft.dismissExternal()}>
                ${msg('Keep this one')}
              </button>`
          : nothing}
      </div>`);
    }
    const restored = this.restored;
    if (restored && !this.draft.updatedElsewhere) {
      const when = this.when(loaded, restored.at);
      parts.push(html`<p class="draft-status" part="draft-status" data-draft="restored">
        ${restored.what === 'answers'
          ? msg(str`Restored your unsent answers from ${when}.`)
          : msg(str`Restored your unsent note for ${shortText(loaded.contract.client.name)} from ${when}.`)}
      </p>`);
    }
    return html`${parts}`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    if (!this.errors.length) return nothing;
    return html`<div
      class="error-summary"
      part="error-summary"
      role="alert"
      tabindex="-1"
      aria-labelledby="summary-title"
    >
      <div id="summary-title" class="h3" role="heading" aria-level=${this.level(1)}>${msg('There is a problem')}</div>
      <ul>
        ${this.errors.map(
          (e) => html`<li>
            <a href="#q-${e.index}" @click=${(ev: Event) => this.focusField(ev, e.index)}>${e.summary}</a>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderSubmitError(): TemplateResult | typeof nothing {
    const error = this.submitError;
    if (!error) return nothing;
    if (error.code === 'conflict') {
      return html`<div class="notice error" role="alert" part="error" data-code="conflict">
        <strong>${msg('This check-in can no longer be changed.')}</strong>
        <p class="error-message">${error.message}</p>
        <p>${msg('Your text is still in the fields below, so you can copy it or send it as a message.')}</p>
        ${this.replyOpen
          ? nothing
          : html`<button type="button" part="offer-reply" @click=${this.openReply}>
              ${msg(str`Send it to ${shortText(this.loaded?.contract.client.name ?? '')} as a message`)}
            </button>`}
        ${this.reloadButton(msg('Reload the check-in'), 'retry-button')}
      </div>`;
    }
    return renderError(error, () => void this.submit(), msg('Retry'));
  }

  private renderQuestion(loaded: Loaded, question: Question, index: number): TemplateResult {
    const text = this.values[question.id] ?? '';
    const length = lengthOf(text.trim());
    const over = length - question.maxLength;
    const error = this.errors.find((e) => e.index === index);
    const questions = loaded.settings.questions;
    const plan =
      this.checkin && copiesPlan(questions, question) ? lastWeeksPlan(loaded.checkins, this.checkin, questions) : null;
    const fill = this.pendingFill?.index === index ? this.pendingFill : null;
    const describedBy = [`count-${index}`, error ? `err-${index}` : ''].filter(Boolean).join(' ');
    return html`<div class=${classMap({ question: true, invalid: !!error })} part="question" data-question=${question.id}>
      <label for="q-${index}" part="label">
        <span dir="auto">${question.prompt}</span>
        <span class="marker">${question.required ? msg('(required)') : msg('(optional)')}</span>
      </label>
      ${error
        ? html`<p class="field-error" id="err-${index}" part="field-error">
            <span class="visually-hidden">${msg('Error:')}</span> ${error.inline}
          </p>`
        : nothing}
      <textarea
        id="q-${index}"
        part="textarea"
        rows="4"
        dir="auto"
        aria-describedby=${describedBy}
        aria-invalid=${error ? 'true' : 'false'}
        aria-required=${question.required ? 'true' : 'false'}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        ?readonly=${this.submitting}
        .value=${live(text)}
        @input=${(e: Event) => this.onInput(question, e)}
        @keydown=${this.onKeydown}
      ></textarea>
      <div class="tools">
        <p id="count-${index}" class=${classMap({ counter: true, over: over > 0 })} part="counter">
          <span aria-hidden="true" class="count">${length} / ${question.maxLength}${over > 0
              ? html` · ${msg(str`${over} too many`)}`
              : nothing}</span>
          <span class="visually-hidden"
            >${msg(str`${length} of ${question.maxLength} characters used`)}</span
          >
        </p>
        ${question.quickAnswers.length
          ? html`<div class="quick" role="group" aria-label=${msg(str`Quick answers for “${question.prompt}”`)}>
              ${question.quickAnswers.map(
                (answer) => html`<button type="button" part="quick-answer" dir="auto" @click=${() => this.offerFill(index, answer)}>
                  ${answer}
                </button>`,
              )}
            </div>`
          : nothing}
        ${plan
          ? html`<button type="button" part="copy-plan" @click=${() => this.offerFill(index, plan)}>
              ${msg("Copy last week's plan")}
            </button>`
          : nothing}
      </div>
      ${fill
        ? html`<div class="fill-confirm" part="fill-confirm" id="fill-${index}" role="group" aria-labelledby="fill-text-${index}">
            <p id="fill-text-${index}">${msg('This answer already has text. What should happen to it?')}</p>
            <button type="button" data-fill="append" @click=${() => this.applyFill(index, fill.text, 'append')}>
              ${msg('Add below it')}
            </button>
            <button type="button" data-fill="replace" @click=${() => this.applyFill(index, fill.text, 'replace')}>
              ${msg('Replace it')}
            </button>
            <button type="button" data-fill="cancel" @click=${() => {
              this.pendingFill = null;
              this.field(index)?.focus();
            }}>
              ${msg('Cancel')}
            </button>
          </div>`
        : nothing}
    </div>`;
  }

  private renderHealth(): TemplateResult {
    const options: Array<[string, string]> = [
      ['', msg('Not set')],
      ['on-track', msg('On track')],
      ['at-risk', msg('At risk')],
      ['off-track', msg('Off track')],
    ];
    return html`<fieldset part="health">
      <legend>${msg('How is the work going?')} <span class="marker">${msg('(optional)')}</span></legend>
      <div class="radios">
        ${options.map(
          ([value, label]) => html`<label>
            <input
              type="radio"
              name="health"
              .value=${value}
              .checked=${live((this.health ?? '') === value)}
              @change=${() => this.setHealth(value)}
            />
            ${label}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderForm(loaded: Loaded, checkin: Checkin): TemplateResult {
    const questions = loaded.settings.questions;
    const editing = checkin.status !== 'open' && checkin.status !== 'late';
    const label = this.submitting
      ? msg('Submitting…')
      : checkin.status === 'answered'
        ? msg('Save changes')
        : msg('Submit check-in');
    return html`${editing
        ? html`<p class="muted">${this.editWindow(loaded, checkin)}</p>`
        : this.renderHeader(loaded, checkin)}
      ${this.renderErrorSummary()} ${this.renderSubmitError()}
      ${this.replyOpen ? this.renderReplyPanel(loaded, checkin) : nothing}
      ${this.connectivity.offline
        ? html`<div class="notice warning" part="offline">
            ${msg("You're offline. Your answers stay on this device; submit when you're back online.")}
          </div>`
        : nothing}
      ${this.renderDraftStatus(loaded)}
      <form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="heading">
        ${questions.map((q, i) => this.renderQuestion(loaded, q, i))} ${this.renderHealth()}
        <div class="actions">
          <button
            type="submit"
            class="primary"
            part="submit"
            aria-disabled=${this.submitting || this.skipping ? 'true' : 'false'}
          >
            ${label}
          </button>
          ${editing
            ? html`<button type="button" part="cancel-edit" @click=${this.cancelEdit}>${msg('Cancel editing')}</button>`
            : nothing}
          ${this.savedAt
            ? html`<span class="draft-status" part="draft-status" data-draft="saved">
                ${this.draft.persisted
                  ? msg(str`Draft saved ${formatInstant(this.savedAt, { ...this.zoneOf(loaded), style: 'time' })}`)
                  : msg('Draft kept in this tab only')}
              </span>`
            : nothing}
        </div>
        <p class="hint">${msg('Tip: Ctrl+Enter (⌘+Enter on a Mac) submits from any answer.')}</p>
      </form>
      ${editing || weekEnded(checkin, this.now()) ? nothing : this.renderSkip(loaded)}`;
  }

  private renderSkip(loaded: Loaded): TemplateResult {
    const note = this.skipNote;
    const length = lengthOf(note.trim());
    return html`<div class="skip">
      <button
        type="button"
        part="skip"
        aria-expanded=${this.skipOpen ? 'true' : 'false'}
        aria-controls="skip-panel"
        @click=${this.toggleSkip}
      >
        ${msg('Not working this week')}
      </button>
      <div id="skip-panel" class="section" part="skip-panel" ?hidden=${!this.skipOpen}>
        ${this.skipOpen
          ? html`<label for="skip-note">
                ${msg(str`Note for ${shortText(loaded.contract.client.name)}`)}
                <span class="marker">${msg('(optional)')}</span>
              </label>
              ${this.skipNoteError
                ? html`<p class="field-error" id="skip-err" part="field-error">
                    <span class="visually-hidden">${msg('Error:')}</span> ${this.skipNoteError}
                  </p>`
                : nothing}
              <textarea
                id="skip-note"
                part="textarea skip-note"
                rows="3"
                dir="auto"
                aria-describedby=${this.skipNoteError ? 'skip-count skip-err' : 'skip-count'}
                aria-invalid=${this.skipNoteError ? 'true' : 'false'}
                .value=${live(note)}
                @input=${(e: Event) => {
                  this.skipNote = (e.target as HTMLTextAreaElement).value;
                  this.saveDraft();
                }}
              ></textarea>
              <p id="skip-count" class=${classMap({ counter: true, over: length > SKIP_NOTE_MAX })} part="counter">
                <span aria-hidden="true" class="count">${length} / ${SKIP_NOTE_MAX}</span>
                <span class="visually-hidden">${msg(str`${length} of ${SKIP_NOTE_MAX} characters used`)}</span>
              </p>
              ${this.skipError ? renderError(this.skipError, () => void this.skip(), msg('Retry')) : nothing}
              <div class="actions">
                <button
                  type="button"
                  class="primary"
                  part="skip-confirm"
                  aria-disabled=${this.skipping || this.submitting ? 'true' : 'false'}
                  @click=${() => void this.skip()}
                >
                  ${this.skipping ? msg('Sending…') : msg('Confirm: not working this week')}
                </button>
                <button type="button" part="skip-cancel" @click=${this.toggleSkip}>${msg('Cancel')}</button>
              </div>`
          : nothing}
      </div>
    </div>`;
  }

  /** Until when the answer can change: the next check-in that really opens, never a guessed one. */
  private editWindow(loaded: Loaded, checkin: Checkin): string {
    const until = editableUntil(checkin, loaded.settings, loaded.contract);
    if (until) {
      return msg(str`You can change your answer until the next check-in opens, ${this.when(loaded, until)}.`);
    }
    return standingOf(loaded.settings) === 'active'
      ? msg('You can change your answer until the next check-in opens.')
      : msg('No weekly check-ins are being asked, so you can change your answer as long as no new check-in has opened.');
  }

  private renderAnswers(loaded: Loaded, checkin: Checkin): TemplateResult {
    const questions = loaded.settings.questions;
    const answers = checkin.answers ?? [];
    const prompt = (id: string) => questions.find((q) => q.id === id)?.prompt ?? msg('Earlier question');
    const healthLabel: Record<Health, string> = {
      'on-track': msg('On track'),
      'at-risk': msg('At risk'),
      'off-track': msg('Off track'),
    };
    return html`<dl class="answers" part="answers">
      ${answers.map((a) => html`<div><dt dir="auto">${prompt(a.questionId)}</dt><dd dir="auto">${a.text}</dd></div>`)}
      ${checkin.health
        ? html`<div><dt>${msg('How is the work going?')}</dt><dd>${healthLabel[checkin.health]}</dd></div>`
        : nothing}
    </dl>`;
  }

  private renderAnswered(loaded: Loaded, checkin: Checkin): TemplateResult {
    const editable = isEditable(checkin, loaded.settings, loaded.contract, this.now());
    const answeredAt = checkin.editedAt ?? checkin.answeredAt;
    return html`<div class="section" data-state=${editable ? 'answered' : 'closed'}>
      <div
        id="done-heading"
        tabindex="-1"
        class=${classMap({ h3: true, state: true, done: this.done === 'submitted' })}
        role="heading"
        aria-level=${this.level(1)}
      >
        ${this.done === 'submitted' ? msg('Submitted') : msg('Your answer')}
      </div>
      <p part="state">
        ${answeredAt
          ? checkin.editedAt
            ? msg(str`Edited on ${this.when(loaded, answeredAt)}.`)
            : msg(str`Answered on ${this.when(loaded, answeredAt)}.`)
          : nothing}
        ${editable ? this.editWindow(loaded, checkin) : this.closedText(loaded, checkin)}
      </p>
      ${this.renderAnswers(loaded, checkin)}
      ${editable
        ? html`<div class="actions">
            <button type="button" part="edit" @click=${this.startEdit}>${msg('Edit answer')}</button>
          </div>`
        : nothing}
    </div>`;
  }

  private closedText(loaded: Loaded, checkin: Checkin): string {
    const until = editableUntil(checkin, loaded.settings, loaded.contract);
    return until
      ? msg(str`The edit window closed on ${this.when(loaded, until)}, when the next check-in opened.`)
      : msg('The edit window has closed.');
  }

  private renderSkipped(loaded: Loaded, checkin: Checkin): TemplateResult {
    const editable = isEditable(checkin, loaded.settings, loaded.contract, this.now());
    return html`<div class="section" data-state="skipped">
      <div id="done-heading" tabindex="-1" class="h3 state" role="heading" aria-level=${this.level(1)}>
        ${msg('Not working this week')}
      </div>
      <p part="state">
        ${msg(str`You told ${shortText(loaded.contract.client.name)} you're not working this week.`)}
      </p>
      ${checkin.skipNote
        ? html`<blockquote part="message" dir="auto" aria-label=${msg('Your note')}>${checkin.skipNote}</blockquote>`
        : nothing}
      ${editable
        ? html`<div class="actions">
            <button type="button" part="edit" @click=${this.startEdit}>${msg('Answer after all')}</button>
          </div>`
        : nothing}
    </div>`;
  }

  private renderMissed(loaded: Loaded, checkin: Checkin): TemplateResult {
    return html`<div class="section" data-state="missed">
      <p class="state missed" part="state">
        ${msg(str`This check-in (asked ${this.when(loaded, checkin.dueAt)}) was missed: the next one opened before it was answered.`)}
      </p>
    </div>`;
  }

  /** Client and observer: where the check-in stands, no inputs. */
  private renderWatcher(loaded: Loaded): TemplateResult {
    const { settings, contract, viewer } = loaded;
    const checkin = this.checkin;
    const talent = shortText(contract.talent.name);
    const standing = standingOf(settings);
    let text: string;
    let kind: string = checkin?.status ?? 'none';
    // A request for an update is answerable whatever the consent state: its state is shown.
    if (standing === 'pending' && checkin?.kind !== 'requested') {
      text = msg(str`Waiting for ${talent} to accept weekly check-ins.`);
      kind = 'consent';
    } else if (!checkin) {
      if (standing === 'off') {
        return html`<p class="state" part="state" data-state="off">
          ${msg('Weekly check-ins are off for this contract.')}
        </p>`;
      }
      if (standing === 'declined' || standing === 'withdrawn') {
        return html`<p class="state" part="state" data-state=${standing}>
          ${standing === 'declined'
            ? msg(str`${talent} declined weekly check-ins.`)
            : msg(str`${talent} withdrew their consent to weekly check-ins.`)}
        </p>`;
      }
      return this.renderNoneOpen(loaded);
    } else {
      const due = this.when(loaded, checkin.dueAt);
      const lateAt = checkin.lateAt;
      const by = lateAt ? this.when(loaded, answerByInstant(lateAt, this.zoneOf(loaded).timeZone)) : null;
      switch (checkin.status) {
        case 'open':
          text = by
            ? msg(str`Waiting for ${talent}'s answer · asked ${due}, answer by ${by}`)
            : msg(str`Waiting for ${talent}'s answer · asked ${due}`);
          break;
        case 'late':
          text = msg(str`Late: ${talent}'s answer was due by ${by ?? due}`);
          break;
        case 'answered': {
          const at = checkin.answeredAt ? this.when(loaded, checkin.answeredAt) : due;
          text = checkin.editedAt
            ? msg(str`Answered on ${at} · edited ${this.when(loaded, checkin.editedAt)}`)
            : msg(str`Answered on ${at}`);
          break;
        }
        case 'skipped':
          text = msg(str`${talent} isn't working this week`);
          break;
        case 'missed':
          text = msg(str`Missed: no answer before the next check-in (was due ${due})`);
          break;
        case 'closed':
          text = this.closedSentence(loaded, checkin);
          break;
      }
    }
    return html`${checkin && kind !== 'consent' && checkin.kind === 'requested'
        ? html`<p class="muted">
            ${checkin.requestedBy.id === viewer.id
              ? msg('You asked for an update')
              : msg(str`${shortText(checkin.requestedBy.name)} asked for an update`)}
          </p>`
        : nothing}
      <p class=${classMap({ state: true, [kind]: true })} part="state" data-state=${kind}>${text}</p>
      ${checkin?.status === 'skipped' && checkin.skipNote
        ? html`<blockquote part="message" dir="auto" aria-label=${msg(str`Note from ${talent}`)}>${checkin.skipNote}</blockquote>`
        : nothing}`;
  }
}
