import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  newIdempotencyKey,
  type CheckinAdapter,
  type CheckinEvent,
  type ListOptions,
} from '../../adapters/adapter.js';
import type { RetryPolicy } from '../../adapters/resilient.js';
import { validateCheckin } from '../../adapters/validate.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ConnectionController, abortable, loadViewer } from '../../controllers/connection.js';
import { ConnectivityController } from '../../controllers/connectivity.js';
import { LiveController, type Release } from '../../controllers/live.js';
import { CheckinReplyEvent, CheckinRequestUpdateEvent } from '../../events.js';
import { formatInstant, formatRelative } from '../../format.js';
import {
  CheckinError,
  DEFAULT_POLICY,
  isCheckin,
  type Checkin,
  type HistoryItem,
  type Contract,
  type Page,
  type Policy,
  type Reply,
  type Settings,
  type Viewer,
} from '../../model.js';
import { localDateOf, nextPrompt } from '../../schedule/index.js';
import { LIMITS } from '../../limits.js';
import { baseStyles } from '../../styles.js';
import {
  renderError,
  renderLoading,
  renderNoAdapter,
  renderNoContract,
  displayTitle,
  headingLevel,
  reportError,
  shortText,
  subLevel,
  toCheckinError,
} from '../shared.js';
import { styles } from './checkin-thread.styles.js';
import { domId, MAX_REPLY_LENGTH, renderEntry, type EntryContext, type ReplyDraft } from './entry.js';
import { activityText } from './activity.js';
import { exportFileName, toCsv, toJson, toMarkdown } from './export.js';
import { mergeOlder, placeItem } from './reconcile.js';

/** Check-ins asked of the adapter per page. */
const PAGE_SIZE = 20;
/** Articles added to (or taken from) the rendered window in one step. */
const SLICE = 30;
/** Most articles in the DOM at once, whatever the length of the history. */
const MAX_RENDERED = 90;
const HOUR = 3_600_000;

interface Loaded {
  adapter: CheckinAdapter;
  contractId: string;
  viewer: Viewer;
  contract: Contract;
  settings: Settings;
  page: Page<HistoryItem> | null;
  /** Applies the live events that arrived while loading on top of what was loaded. */
  release: Release;
}

/** One loaded thread; async work started for it checks it is still current before applying. */
interface Session {
  adapter: CheckinAdapter;
  contractId: string;
  viewer: Viewer;
  contract: Contract;
}

type ExportFormat = 'md' | 'csv' | 'json';

/**
 * One page of the history: check-ins and activity entries where the adapter has `listHistory`
 * (the paper trail), else check-ins only.
 */
function listPage(adapter: CheckinAdapter, contractId: string, options: ListOptions): Promise<Page<HistoryItem>> {
  return adapter.listHistory
    ? adapter.listHistory(contractId, options)
    : adapter.listCheckins(contractId, options);
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Host items already checked: each object is validated once, when it is first rendered. */
const checkedHostItems = new WeakSet<object>();
const PLACEHOLDER = 'checkins[#]';

function hostError(error: unknown, index: number): CheckinError {
  const message = CheckinError.from(error).message;
  return new CheckinError(
    'invalid',
    message.replaceAll(PLACEHOLDER, `checkins[${index}]`).replace('from the adapter', 'in the checkins property'),
    { retryable: false },
  );
}

/**
 * Checks one item of a host's history like the adapter's data. The index is only looked up
 * when the item is malformed: finding it is a scan of the whole list.
 */
function checkHostItem(item: unknown, indexOf: () => number): void {
  if (item !== null && typeof item === 'object' && checkedHostItems.has(item)) return;
  // Unlike an adapter's, a host's answered check-in may come without its answers (a summary
  // list): it renders as answered with no text, so only the shape is checked for it.
  const c = item as Partial<Checkin> | null;
  const shape = c && c.status === 'answered' && c.answers === null ? { ...c, answers: [] } : item;
  try {
    validateCheckin(shape, PLACEHOLDER);
  } catch (error) {
    throw hostError(error, indexOf());
  }
  checkedHostItems.add(item as object);
}

/**
 * A history handed over by the host (`checkins`) is checked like the adapter's data: a malformed
 * item becomes an `invalid` error naming it, never a crash in the middle of rendering. Checking
 * every item of a long history up front costs a frame (10,000 items: 10+ ms), so only what every
 * item needs to be kept and looked up (an object with a string id) is checked for all; the rest
 * is checked for the first window here and for later windows as they are rendered.
 */
function checkHostItems(items: unknown): void {
  if (!Array.isArray(items)) {
    throw new CheckinError(
      'invalid',
      'Invalid data in the checkins property: it must be a list of check-ins.',
      { retryable: false },
    );
  }
  const seen = new Set<string>();
  let first = 0;
  for (let index = 0; index < items.length; index++) {
    const item: unknown = items[index];
    const usable = item !== null && typeof item === 'object' && typeof (item as Checkin).id === 'string';
    if (!usable) checkHostItem(item, () => index);
    // The first window is what dedupe keeps first: repeated ids are dropped.
    const id = (item as Checkin).id;
    if (first < SLICE && !seen.has(id)) {
      seen.add(id);
      first++;
      checkHostItem(item, () => index);
    }
  }
}

function isValidHistory(items: unknown): boolean {
  try {
    checkHostItems(items);
    return true;
  } catch {
    return false;
  }
}

/**
 * The history of a contract's check-ins, newest first, as an APG feed: answers, health,
 * statuses, skip notes, replies and a reply box; blockers highlighted for the client; the
 * client's "Seen" acknowledgement and "Request an update" (in the client's name, with the
 * cooldown shown); paging by cursor with a bounded number of articles in the DOM; live updates
 * through the adapter's `subscribe`; export of the whole history as Markdown and CSV.
 *
 * @summary The check-in history of a contract, with replies, acknowledgements and export.
 *
 * @fires checkin-reply - A reply was posted and confirmed by the adapter.
 * @fires checkin-request-update - The client requested an update, confirmed by the adapter.
 * @fires checkin-error - A failure was shown (loading, paging, replying, acknowledging, requesting, exporting), or a background catch-up (`refresh`) failed.
 *
 * @csspart thread - The section around the toolbar, notices and feed.
 * @csspart toolbar - The bar above the feed with the title, "Request an update" and export.
 * @csspart heading - The thread's heading, naming the contract (`role="heading"`, level from `heading-level`).
 * @csspart request-update - The "Request an update" button (client only).
 * @csspart request-panel - The form with the optional message sent with a request.
 * @csspart request-counter - The message's character count against its limit.
 * @csspart cooldown - Why "Request an update" is unavailable and until when.
 * @csspart export - The group of export buttons.
 * @csspart export-markdown - The "Export Markdown" button.
 * @csspart export-csv - The "Export CSV" button.
 * @csspart export-json - The "Export JSON" button.
 * @csspart export-status - Export progress.
 * @csspart scroller - Wraps the feed and its paging controls; scrolls when `--checkin-thread-max-height` is set.
 * @csspart feed - The `role="feed"` list of check-ins.
 * @csspart article - One entry: a check-in, or a change to the settings (then also `activity`).
 * @csspart status - A check-in's status chip (also one of the `status-*` parts below); the polite live region shares the name.
 * @csspart status-open - The status chip of an open check-in.
 * @csspart status-answered - The status chip of an answered check-in.
 * @csspart status-late - The status chip of a late check-in.
 * @csspart status-missed - The status chip of a missed check-in.
 * @csspart status-skipped - The status chip of a skipped week.
 * @csspart status-closed - The status chip of a check-in closed unanswered (check-ins turned off, declined or withdrawn).
 * @csspart closed-note - Who closed a check-in, when and why.
 * @csspart activity - A change to the settings (also an `article`): one line in its actor's name.
 * @csspart health - A check-in's health (also one of the `health-*` parts below).
 * @csspart health-on-track - "On track".
 * @csspart health-at-risk - "At risk".
 * @csspart health-off-track - "Off track".
 * @csspart answers - The `<dl>` of answers under their question prompts.
 * @csspart answer - One question and its answer.
 * @csspart blocker - The answer flagged as a blocker (client view).
 * @csspart blocker-badge - The "Blocker" badge in a check-in's header (client view).
 * @csspart edited - The "Edited" marker.
 * @csspart message - The client's message sent with a requested update.
 * @csspart skip-note - Why a check-in was skipped.
 * @csspart seen - "Seen by … on …".
 * @csspart acknowledge - The client's "Mark as seen" button.
 * @csspart replies - The list of replies of a check-in.
 * @csspart reply - One reply.
 * @csspart reply-button - The Reply button of a check-in; opens and closes its reply box (`aria-expanded`).
 * @csspart reply-box - The reply form of a check-in, rendered only while open.
 * @csspart reply-send - The reply form's send button.
 * @csspart reply-cancel - The reply form's cancel button; closes the box, keeping what was typed.
 * @csspart show-newer - The button that brings newer check-ins back into the window.
 * @csspart load-more - The "Load older" button.
 * @csspart end - The note after the oldest check-in.
 * @csspart empty - The empty state.
 * @csspart offline - The offline notice.
 * @csspart error - A failure (role="alert").
 * @csspart retry-button - The retry button of a failure.
 * @csspart loading - The loading skeleton.
 *
 * @cssproperty --checkin-thread-entry-size - Estimated height of an off-screen check-in (for `contain-intrinsic-size`), default 22rem.
 * @cssproperty --checkin-thread-max-height - Lets the feed scroll inside the element (default: none, the page scrolls).
 * @cssproperty --checkin-thread-gap - Space between check-ins.
 * @cssproperty --checkin-color-text - Text colour.
 * @cssproperty --checkin-color-text-muted - Secondary text (dates, notes, progress).
 * @cssproperty --checkin-color-surface - Background of the check-ins and fields.
 * @cssproperty --checkin-color-surface-subtle - Background of notices, quotes and replies.
 * @cssproperty --checkin-color-border - Borders.
 * @cssproperty --checkin-color-accent - Primary buttons, focus ring.
 * @cssproperty --checkin-color-on-accent - Text on primary buttons.
 * @cssproperty --checkin-color-warning - Blocker and "at risk" colour.
 * @cssproperty --checkin-color-warning-surface - Blocker background.
 * @cssproperty --checkin-color-danger - "Off track", "missed" and failure colour.
 * @cssproperty --checkin-color-danger-surface - Background of failures.
 * @cssproperty --checkin-color-success - "On track" and "answered" colour.
 * @cssproperty --checkin-radius - Corner radius.
 * @cssproperty --checkin-space - Base spacing.
 * @cssproperty --checkin-font-size - Base font size.
 * @cssproperty --checkin-font-size-small - Dates, chips and notes.
 * @cssproperty --checkin-focus-ring - The focus outline.
 * @cssproperty --checkin-color-scheme - `light`, `dark` or `light dark` (follow the system); unset, the page's `color-scheme`.
 */
@localized()
export class CheckinThread extends LitElement {
  static override styles = [baseStyles, styles];

  /** The adapter to use; wins over a provider's. */
  @property({ attribute: false }) adapter?: CheckinAdapter;

  /** The contract whose check-ins are shown; wins over a provider's. */
  @property({ attribute: 'contract-id', reflect: true }) contractId = '';

  /** An already-loaded history (newest first): shown without asking the adapter for pages. */
  @property({ attribute: false }) checkins?: Checkin[];

  /** The true number of check-ins when `checkins` holds only part of the history. */
  @property({ attribute: false }) total?: number;

  /** Policy overrides (the request cooldown), field by field over the adapter's `settings.policy`, then `DEFAULT_POLICY`. */
  @property({ attribute: false }) policy?: Partial<Policy>;

  /** The current time in ms; set it for demos and tests with a fixed date (default `Date.now`). */
  @property({ attribute: false }) clock: () => number = () => Date.now();

  /**
   * The level of the thread's heading (1-6, default 2), so that it fits the page's outline; each
   * check-in's heading is one level below.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;

  /** How long to wait for one request before giving up with a `timeout` error and a retry, in ms (default 15000, or the provider's). */
  @property({ attribute: 'request-timeout', type: Number }) requestTimeout?: number;

  /** How failed reads are retried, `{attempts, baseDelayMs, maxDelayMs}`, over the provider's and the defaults (3, 500, 4000); writes never retry by themselves. */
  @property({ attribute: false }) retryPolicy?: Partial<RetryPolicy>;

  @state() private settings?: Settings;
  @state() private items: HistoryItem[] = [];
  @state() private nextCursor: string | null = null;
  @state() private knownTotal: number | null = null;
  // The rendered window [start, end) over `items`: the DOM never holds more than MAX_RENDERED.
  @state() private winStart = 0;
  @state() private winEnd = 0;
  @state() private pageLoading = false;
  /**
   * The article that is the feed's one Tab stop (roving tabindex): the last one focused while it
   * is rendered, else the first rendered. Its controls are reachable with Tab; other articles'
   * are not, so Tab leaves the feed instead of walking every article.
   */
  @state() private activeId: string | null = null;
  @state() private pageError: CheckinError | null = null;
  @state() private requestOpen = false;
  @state() private requestText = '';
  @state() private requestSending = false;
  @state() private requestError: CheckinError | null = null;
  @state() private rateLimitedUntil: number | null = null;
  @state() private exporting: { format: ExportFormat; loaded: number } | null = null;
  @state() private exportError: { format: ExportFormat; error: CheckinError } | null = null;

  @query('[part~="feed"]') private feed?: HTMLElement;
  @query('[part~="scroller"]') private scroller?: HTMLElement;

  private readonly connection = new ConnectionController(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly connectivity = new ConnectivityController(this, {
    onOnline: () => this.onOnline(),
    onVisible: () => void this.refresh(),
  });
  private session?: Session;
  private refreshing?: Promise<void>;
  // A stale stream (the adapter missed changes) is caught up like a return online.
  private readonly liveUpdates = new LiveController(
    this,
    (event) => this.applyLive(event, true),
    () => void this.refresh(),
  );
  private pageRequest?: Promise<number>;
  private pageAbort?: AbortController;
  private opsAbort = new AbortController();
  private requestKey?: string;
  private readonly drafts = new Map<string, ReplyDraft>();
  private readonly acknowledging = new Set<string>();
  private readonly actionErrors = new Map<string, CheckinError>();
  private observer?: IntersectionObserver;
  private observed = new Set<Element>();
  /** The window last observed: after it moves, a sentinel still in view must fire again. */
  private observedWindow = '';
  /** The thread shows the host's `checkins` (checked as rendered), not the adapter's pages. */
  private fromHost = false;
  /** A malformed host item found while rendering, reported once. */
  private windowError: CheckinError | null = null;
  private reportedWindowError: string | null = null;
  /** Check-ins whose reply box is open (the boxes are rendered on demand: see renderEntry). */
  private readonly openReplies = new Set<string>();
  private cooldownTimer?: ReturnType<typeof setTimeout>;
  private resumeOnConnect = false;
  private latestRequested: { items: HistoryItem[]; at: number | null } = { items: [], at: null };

  private readonly data = new Task(this, {
    task: async ([adapter, contractId], { signal }): Promise<Loaded | undefined> => {
      this.endSession();
      if (!adapter || !contractId) return undefined;
      // Subscribed before fetching, its events held until the load is applied (see hold).
      const release = this.liveUpdates.hold(adapter, contractId);
      try {
        const hostItems = this.checkins;
        if (hostItems) checkHostItems(hostItems);
        const [viewer, contract, settings, page] = await Promise.all([
          // One shared request per adapter, also with the provider's (see loadViewer).
          loadViewer(adapter, signal),
          abortable(adapter.getContract(contractId, { signal }), signal),
          abortable(adapter.getSettings(contractId, { signal }), signal),
          hostItems
            ? null
            : abortable(listPage(adapter, contractId, { limit: PAGE_SIZE, signal }), signal),
        ]);
        if (signal.aborted) throw abortError();
        return { adapter, contractId, viewer, contract, settings, page, release };
      } catch (error) {
        // Aborted: a newer load or leaving the page took over the subscription.
        if (!signal.aborted) this.liveUpdates.clear();
        throw error;
      }
    },
    // Not the provided viewer: it comes from the same adapter (the same shared request), and
    // its late arrival must not load the whole thread a second time.
    args: () => [this.connection.adapter, this.connection.contractId] as const,
    onComplete: (loaded) => {
      if (loaded) this.startSession(loaded);
    },
    onError: (error) => {
      const failure = toCheckinError(error);
      if (failure) reportError(this, failure, 'load');
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.resumeOnConnect) {
      // Events were missed while away: load afresh rather than show a stale thread.
      this.resumeOnConnect = false;
      void this.data.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resumeOnConnect = !!this.session || this.data.status === TaskStatus.PENDING;
    this.data.abort();
    this.endSession();
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed.clear();
    this.observedWindow = '';
    clearTimeout(this.cooldownTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('checkins') &&
      this.checkins &&
      (this.data.status === TaskStatus.ERROR || (this.session && !isValidHistory(this.checkins)))
    ) {
      // A malformed history is refused by the load (which shows why); a new one after an error
      // is given its chance.
      void this.data.run();
      return;
    }
    if (this.session && (changed.has('checkins') || changed.has('total')) && this.checkins) {
      if (changed.has('checkins')) this.resetItems(this.dedupe(this.checkins), null);
      this.knownTotal = this.total ?? this.checkins.length;
    }
  }

  protected override render(): TemplateResult {
    const tag = 'checkin-thread';
    if (!this.connection.adapter) return renderNoAdapter(tag);
    if (!this.connection.contractId) return renderNoContract(tag);
    return html`${this.announcer.region()}${this.data.render({
      initial: () => renderLoading(msg('Loading check-in history…')),
      pending: () =>
        this.session ? this.renderThread(this.session) : renderLoading(msg('Loading check-in history…')),
      complete: () =>
        this.session ? this.renderThread(this.session) : renderLoading(msg('Loading check-in history…')),
      error: (error) => {
        const failure = toCheckinError(error);
        return failure
          ? renderError(failure, () => void this.data.run())
          : renderLoading(msg('Loading check-in history…'));
      },
    })}`;
  }

  protected override updated(): void {
    const failure = this.windowError;
    if (failure && failure.message !== this.reportedWindowError) {
      this.reportedWindowError = failure.message;
      reportError(this, failure, 'load');
    }
    this.observeSentinels();
    this.scheduleCooldownTick();
  }

  // ---- loading, paging, windowing ----

  private startSession(loaded: Loaded): void {
    this.session = {
      adapter: loaded.adapter,
      contractId: loaded.contractId,
      viewer: loaded.viewer,
      contract: loaded.contract,
    };
    this.settings = loaded.settings;
    this.fromHost = !loaded.page;
    if (loaded.page) {
      this.resetItems(this.dedupe(loaded.page.items), loaded.page.nextCursor);
      this.knownTotal = loaded.page.total;
    } else {
      const items = this.dedupe(this.checkins ?? []);
      this.resetItems(items, null);
      this.knownTotal = this.total ?? items.length;
    }
    // Not announced: they arrived before the thread was on screen.
    loaded.release((event) => this.applyLive(event, false));
  }

  private endSession(): void {
    this.liveUpdates.clear();
    this.pageAbort?.abort();
    this.pageAbort = undefined;
    this.pageRequest = undefined;
    this.opsAbort.abort();
    this.opsAbort = new AbortController();
    this.session = undefined;
    this.pageLoading = false;
    this.pageError = null;
    this.requestSending = false;
    this.requestError = null;
    this.rateLimitedUntil = null;
    this.exporting = null;
    this.exportError = null;
    this.acknowledging.clear();
    this.actionErrors.clear();
    // Reply drafts are keyed by check-in id and survive a reload of the same thread.
    for (const draft of this.drafts.values()) draft.sending = false;
  }

  private resetItems(items: HistoryItem[], nextCursor: string | null): void {
    this.items = items;
    this.nextCursor = nextCursor;
    this.winStart = 0;
    this.winEnd = Math.min(items.length, SLICE);
  }

  /** Drops repeated ids (a backend that pages by offset can repeat an entry). */
  private dedupe<T extends HistoryItem>(items: readonly T[]): T[] {
    const seen = new Set<string>();
    return items.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
  }

  private get setSize(): number {
    if (this.knownTotal != null) return Math.max(this.knownTotal, this.items.length);
    return this.nextCursor ? -1 : this.items.length;
  }

  private get hasOlder(): boolean {
    return this.winEnd < this.items.length || !!this.nextCursor;
  }

  /** Fetches the next page once (concurrent callers share it); resolves to how many were new. */
  private nextPage(): Promise<number> {
    const session = this.session;
    if (!session || !this.nextCursor) return Promise.resolve(0);
    if (this.pageRequest) return this.pageRequest;
    const control = new AbortController();
    this.pageAbort = control;
    this.pageLoading = true;
    this.pageError = null;
    const request = abortable(
      listPage(session.adapter, session.contractId, {
        cursor: this.nextCursor,
        limit: PAGE_SIZE,
        signal: control.signal,
      }),
      control.signal,
    )
      .then((page) => {
        if (this.session !== session) throw abortError();
        return this.mergePage(page);
      })
      .finally(() => {
        if (this.pageAbort === control) {
          this.pageAbort = undefined;
          this.pageRequest = undefined;
          this.pageLoading = false;
        }
      });
    this.pageRequest = request;
    return request;
  }

  private mergePage(page: Page<HistoryItem>): number {
    // Entries already here (arrived live meanwhile) take the fresh copy; the list stays newest first.
    const { items, added } = mergeOlder(this.items, page.items);
    const wasAtEnd = this.winEnd >= this.items.length;
    this.items = items;
    this.nextCursor = page.nextCursor;
    if (page.total != null) this.knownTotal = page.total;
    if (wasAtEnd) this.showOlder(added);
    return added;
  }

  /** Brings `count` more older articles into the window, dropping the newest beyond the cap. */
  private showOlder(count = SLICE): void {
    this.winEnd = Math.min(this.items.length, this.winEnd + count);
    if (this.winEnd - this.winStart > MAX_RENDERED) this.winStart = this.winEnd - MAX_RENDERED;
  }

  /** Brings newer articles back into the window, dropping the oldest beyond the cap. */
  private showNewer(count = SLICE): void {
    this.winStart = Math.max(0, this.winStart - count);
    if (this.winEnd - this.winStart > MAX_RENDERED) this.winEnd = this.winStart + MAX_RENDERED;
  }

  /** Makes sure the article at `index` is rendered. */
  private reveal(index: number): void {
    if (index >= this.winEnd) this.showOlder(Math.max(SLICE, index + 1 - this.winEnd));
    else if (index < this.winStart) this.showNewer(Math.max(SLICE, this.winStart - index));
  }

  private async loadOlder(): Promise<void> {
    const button = this.renderRoot.querySelector<HTMLElement>('[part~="load-more"]');
    const hadFocus = !!button && this.shadowRoot?.activeElement === button;
    const firstNew = this.winEnd;
    if (this.winEnd < this.items.length) {
      this.showOlder();
      this.announcer.announce(msg(str`Showing check-ins up to ${this.winEnd}.`));
    } else {
      if (!this.nextCursor || this.pageLoading) return;
      try {
        const added = await this.nextPage();
        this.announcer.announce(
          added ? msg(str`Loaded ${added} older check-ins.`) : msg('No older check-ins.'),
        );
      } catch (error) {
        const failure = toCheckinError(error);
        if (!failure) return;
        this.pageError = failure;
        reportError(this, failure, 'load-more');
        return;
      }
    }
    await this.updateComplete;
    // When the button went away (nothing older), keep focus in the feed, not on <body>.
    if (hadFocus && !this.renderRoot.querySelector('[part~="load-more"]')) this.articleAt(firstNew)?.focus();
  }

  private articleAt(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`article[data-index="${index}"]`);
  }

  private async focusArticle(index: number): Promise<void> {
    if (index < 0) return;
    if (index >= this.items.length) {
      if (!this.nextCursor) return;
      try {
        await this.nextPage();
      } catch (error) {
        const failure = toCheckinError(error);
        if (failure) {
          this.pageError = failure;
          reportError(this, failure, 'load-more');
        }
        return;
      }
      if (index >= this.items.length) return;
    }
    this.reveal(index);
    await this.updateComplete;
    this.articleAt(index)?.focus();
  }

  /** Focus in an article (or one of its controls) makes it the feed's Tab stop. */
  private readonly onFeedFocusin = (event: FocusEvent): void => {
    const article = (event.target as HTMLElement).closest<HTMLElement>('article[data-id]');
    const id = article?.dataset.id;
    if (id && id !== this.activeId) this.activeId = id;
  };

  private readonly onFeedKeydown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    // Text fields keep their own Page Up/Down and Ctrl+Home/End.
    if (target.matches('textarea, input')) return;
    const article = target.closest<HTMLElement>('article[data-index]');
    if (!article) return;
    const index = Number(article.dataset.index);
    if (event.key === 'PageDown' && !event.ctrlKey) {
      event.preventDefault();
      void this.focusArticle(index + 1);
    } else if (event.key === 'PageUp' && !event.ctrlKey) {
      event.preventDefault();
      void this.focusArticle(index - 1);
    } else if (event.ctrlKey && event.key === 'End') {
      event.preventDefault();
      this.leaveFeed('after');
    } else if (event.ctrlKey && event.key === 'Home') {
      event.preventDefault();
      this.leaveFeed('before');
    }
  };

  /** APG feed: Ctrl+End / Ctrl+Home move to the first focusable element after / before the feed. */
  private leaveFeed(where: 'before' | 'after'): void {
    const feed = this.feed;
    if (!feed) return;
    const focusable = [
      ...this.renderRoot.querySelectorAll<HTMLElement>(
        'button, textarea, input, select, a[href], [tabindex]:not([tabindex="-1"])',
      ),
    ].filter((el) => !feed.contains(el) && !(el as HTMLButtonElement).disabled);
    const follows = (el: HTMLElement) =>
      !!(feed.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    const target =
      where === 'after'
        ? (focusable.find(follows) ??
          this.renderRoot.querySelector<HTMLElement>('[part~="end"]'))
        : (focusable.filter((el) => !follows(el)).pop() ??
          this.renderRoot.querySelector<HTMLElement>('#title'));
    target?.focus();
  }

  // The end of the list scrolling into view loads more, but only where there is scrolling:
  // otherwise a short page would fetch the whole history at once. The button stays for both.
  private observeSentinels(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    const sentinels = [...this.renderRoot.querySelectorAll('.sentinel')];
    if (!this.observer) {
      this.observer = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting || !this.isScrolling()) continue;
          if ((entry.target as HTMLElement).dataset.edge === 'end') {
            if (this.hasOlder && !this.pageLoading && !this.pageError) void this.loadOlder();
          } else if (this.winStart > 0) {
            this.showNewer();
          }
        }
      });
    }
    for (const el of this.observed) {
      if (!sentinels.includes(el)) {
        this.observer.unobserve(el);
        this.observed.delete(el);
      }
    }
    // An observer reports a change of intersection, not a state: a sentinel that stays in view
    // while the window moves under it (a fast scroll, a short page) would never fire again and
    // the scroll would stall. Observing it afresh makes the observer report where it is now.
    const span = `${this.winStart}:${this.winEnd}:${this.items.length}`;
    const moved = span !== this.observedWindow;
    this.observedWindow = span;
    for (const el of sentinels) {
      if (!this.observed.has(el)) {
        this.observer.observe(el);
        this.observed.add(el);
      } else if (moved) {
        this.observer.unobserve(el);
        this.observer.observe(el);
      }
    }
  }

  private isScrolling(): boolean {
    const overflows = (el: Element) => el.scrollHeight > el.clientHeight + 1;
    if (this.scroller && overflows(this.scroller)) return true;
    let node: Element | null = this;
    while (node) {
      if (node === document.documentElement || node === document.body) {
        const root = document.scrollingElement ?? document.documentElement;
        return overflows(root);
      }
      const overflowY = getComputedStyle(node).overflowY;
      if ((overflowY === 'auto' || overflowY === 'scroll') && overflows(node)) return true;
      node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
    }
    return false;
  }

  // ---- live updates ----

  private applyLive(event: CheckinEvent, announce: boolean): void {
    const session = this.session;
    if (!session) return;
    switch (event.type) {
      case 'settings':
        if (event.settings.contractId === session.contractId) this.settings = event.settings;
        break;
      case 'checkin': {
        if (event.checkin.contractId !== session.contractId) return;
        const found = this.items.find((c) => c.id === event.checkin.id);
        const previous = found && isCheckin(found) ? found : undefined;
        // Not loaded and older than what is (an acknowledgement of an old one): left to paging.
        if (this.upsert(event.checkin) === 'ignore' || !announce) return;
        if (!previous) {
          this.announcer.announce(msg(str`New check-in from ${shortText(event.checkin.requestedBy.name)}.`));
        } else if (previous.status !== 'answered' && event.checkin.status === 'answered') {
          this.announcer.announce(msg(str`${shortText(session.contract.talent.name)} answered a check-in.`));
        } else if (previous.status !== 'skipped' && event.checkin.status === 'skipped') {
          this.announcer.announce(msg(str`${shortText(session.contract.talent.name)} skipped a check-in.`));
        }
        break;
      }
      case 'reply':
        if (this.addReply(event.checkinId, event.reply) && announce && event.reply.author.id !== session.viewer.id) {
          this.announcer.announce(msg(str`New reply from ${shortText(event.reply.author.name)}.`));
        }
        break;
      case 'activity': {
        // Only a history that holds activity entries shows them (adapters without listHistory
        // list check-ins only, and so does a host's `checkins`).
        if (event.activity.contractId !== session.contractId || this.fromHost || !session.adapter.listHistory) return;
        const added = this.upsert(event.activity) === 'insert';
        // The viewer's own change was announced where they made it.
        if (added && announce && event.activity.actor.id !== session.viewer.id) {
          this.announcer.announce(
            activityText(event.activity, {
              viewerId: session.viewer.id,
              locale: this.locale(session.viewer),
              timeZone: this.timeZone(session.viewer),
            }),
          );
        }
        break;
      }
    }
  }

  /** True while older entries exist that are not loaded (from the adapter, or beyond the host's part). */
  private get moreToLoad(): boolean {
    if (this.nextCursor) return true;
    return this.fromHost && this.knownTotal != null && this.knownTotal > this.items.length;
  }

  /**
   * Replaces an entry in place, inserts a genuinely new one at its place (newest first, the
   * total one more), or leaves out one older than everything loaded while older pages exist
   * (see placeItem). Returns what it did.
   */
  private upsert(item: HistoryItem): 'update' | 'insert' | 'ignore' {
    const placement = placeItem(this.items, item, this.moreToLoad);
    if (placement.action === 'ignore') return 'ignore';
    if (placement.action === 'update') {
      const items = this.items.slice();
      items[placement.index] = item;
      this.items = items;
      return 'update';
    }
    const at = placement.index;
    const wasAtEnd = this.winEnd >= this.items.length;
    this.items = [...this.items.slice(0, at), item, ...this.items.slice(at)];
    if (at < this.winStart) {
      // Above the window: the same articles stay rendered.
      this.winStart++;
      this.winEnd++;
    } else if (at < this.winEnd || (at === this.winEnd && wasAtEnd)) {
      this.winEnd++;
      if (this.winEnd - this.winStart > MAX_RENDERED) this.winEnd--;
    }
    if (this.knownTotal != null) this.knownTotal++;
    return 'insert';
  }

  /** Appends a reply unless it is already there; true when it was new. */
  private addReply(checkinId: string, reply: Reply): boolean {
    const checkin = this.items.find((c): c is Checkin => c.id === checkinId && isCheckin(c));
    if (!checkin || checkin.replies.some((r) => r.id === reply.id)) return false;
    this.upsert({ ...checkin, replies: [...checkin.replies, reply] });
    return true;
  }

  /** Coming back online: retry what failed for want of a network, and catch up. */
  private onOnline(): void {
    if (this.data.status === TaskStatus.ERROR) {
      if (toCheckinError(this.data.error)?.retryable) void this.data.run();
      return;
    }
    if (this.pageError?.retryable) {
      this.pageError = null;
      void this.loadOlder();
    }
    void this.refresh();
  }

  /**
   * Catches up after live updates may have been missed: subscribes afresh, then merges the
   * newest page by id, so nothing is shown twice and nothing is missing. The adapter gives no
   * sign of a dropped subscription, so the element does this itself whenever the browser comes
   * back online and whenever the page becomes visible again; call it when your app knows its
   * live connection was interrupted. Resolves when done (a failure is reported as
   * `checkin-error` with action `refresh` and leaves the thread as it was).
   */
  refresh(): Promise<void> {
    const session = this.session;
    if (!session || !this.isConnected) return Promise.resolve();
    this.refreshing ??= this.catchUp(session).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async catchUp(session: Session): Promise<void> {
    // Subscribed before fetching, with events held (see LiveController.hold).
    const release = this.liveUpdates.hold(session.adapter, session.contractId);
    const signal = this.opsAbort.signal;
    try {
      const [settings, page] = await Promise.all([
        abortable(session.adapter.getSettings(session.contractId, { signal }), signal),
        this.checkins
          ? null
          : abortable(listPage(session.adapter, session.contractId, { limit: PAGE_SIZE, signal }), signal),
      ]);
      if (this.session !== session) return;
      this.settings = settings;
      if (page) this.mergeNewest(page);
    } catch (error) {
      const failure = toCheckinError(error);
      if (failure && this.session === session) reportError(this, failure, 'refresh');
    } finally {
      release((event) => this.applyLive(event, true));
    }
  }

  /** Merges a fresh first page by id: changed entries replaced in place, new ones inserted. */
  private mergeNewest(page: Page<HistoryItem>): void {
    const known = new Set(this.items.map((c) => c.id));
    const fresh = this.dedupe(page.items);
    if (this.items.length && page.nextCursor && !fresh.some((c) => known.has(c.id))) {
      // More arrived than one page holds: a gap would hide entries, so start again from the
      // newest page (older ones page in as usual).
      this.resetItems(fresh, page.nextCursor);
      this.knownTotal = page.total;
      this.announcer.announce(msg('The check-in history was brought up to date.'));
      return;
    }
    let added = 0;
    for (const item of fresh) {
      if (this.upsert(item) === 'insert') added++;
    }
    // The backend's count, not ours.
    if (page.total != null) this.knownTotal = page.total;
    if (added === 1) this.announcer.announce(msg('1 new check-in.'));
    else if (added > 1) this.announcer.announce(msg(str`${added} new check-ins.`));
  }

  // ---- replies and acknowledgements ----

  private draft(checkinId: string): ReplyDraft {
    let draft = this.drafts.get(checkinId);
    if (!draft) {
      draft = { text: '', sending: false };
      this.drafts.set(checkinId, draft);
    }
    return draft;
  }

  private async toggleReply(checkin: Checkin): Promise<void> {
    if (this.openReplies.has(checkin.id)) return this.closeReply(checkin);
    this.openReplies.add(checkin.id);
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${domId('reply', checkin.id)}`)?.focus();
  }

  /** Closes a reply box (what was typed is kept) and gives focus back to its Reply button. */
  private async closeReply(checkin: Checkin): Promise<void> {
    if (!this.openReplies.delete(checkin.id)) return;
    const box = this.renderRoot.querySelector(`#${domId('reply-box', checkin.id)}`);
    const hadFocus = !!box && box.contains((this.renderRoot as ShadowRoot).activeElement);
    this.requestUpdate();
    await this.updateComplete;
    const button = this.renderRoot.querySelector<HTMLElement>(`#${domId('reply-button', checkin.id)}`);
    // Only when the box had focus: a reply confirmed later must not pull focus from elsewhere.
    if (hadFocus || !box) button?.focus();
  }

  private onReplyInput(checkin: Checkin, event: Event): void {
    const draft = this.draft(checkin.id);
    const text = (event.target as HTMLTextAreaElement).value;
    // Different words are a different write: a new key, so an edit after a failure is not
    // swallowed by the first attempt's result.
    if (text.trim() !== draft.text.trim()) draft.key = undefined;
    draft.text = text;
    if (typeof draft.error === 'string') {
      draft.error = undefined;
      this.requestUpdate();
    }
  }

  private async sendReply(checkin: Checkin, event: Event): Promise<void> {
    event.preventDefault();
    const session = this.session;
    if (!session) return;
    const draft = this.draft(checkin.id);
    if (draft.sending) return;
    const form = event.currentTarget as HTMLFormElement;
    const text = draft.text.trim();
    if (!text || text.length > MAX_REPLY_LENGTH) {
      draft.error = !text
        ? msg('Write a reply before sending.')
        : msg(str`A reply can be at most ${MAX_REPLY_LENGTH} characters; this one has ${text.length}.`);
      this.requestUpdate();
      await this.updateComplete;
      form.querySelector('textarea')?.focus();
      return;
    }
    draft.key ??= newIdempotencyKey();
    draft.sending = true;
    draft.error = undefined;
    this.requestUpdate();
    const signal = this.opsAbort.signal;
    try {
      const reply = await abortable(
        session.adapter.reply(session.contractId, checkin.id, { text }, { idempotencyKey: draft.key, signal }),
        signal,
      );
      if (this.session !== session) return;
      this.drafts.delete(checkin.id);
      void this.closeReply(checkin);
      this.addReply(checkin.id, reply);
      this.requestUpdate();
      this.dispatchEvent(new CheckinReplyEvent({ contractId: session.contractId, checkinId: checkin.id, reply }));
      this.announcer.announce(msg('Reply sent.'));
    } catch (error) {
      const failure = toCheckinError(error);
      draft.sending = false;
      if (!failure || this.session !== session) return;
      draft.error = failure;
      this.requestUpdate();
      reportError(this, failure, 'reply');
    }
  }

  private async acknowledge(checkin: Checkin): Promise<void> {
    const session = this.session;
    if (!session || this.acknowledging.has(checkin.id)) return;
    this.acknowledging.add(checkin.id);
    this.actionErrors.delete(checkin.id);
    this.requestUpdate();
    const signal = this.opsAbort.signal;
    try {
      const updated = await abortable(session.adapter.acknowledge(session.contractId, checkin.id, { signal }), signal);
      if (this.session !== session) return;
      this.upsert(updated);
      this.announcer.announce(msg('Marked as seen.'));
      await this.updateComplete;
      // The button is gone; its article keeps the focus.
      const index = this.items.findIndex((c) => c.id === checkin.id);
      this.articleAt(index)?.focus();
    } catch (error) {
      const failure = toCheckinError(error);
      if (!failure || this.session !== session) return;
      this.actionErrors.set(checkin.id, failure);
      reportError(this, failure, 'acknowledge');
    } finally {
      this.acknowledging.delete(checkin.id);
      this.requestUpdate();
    }
  }

  // ---- request an update ----

  /** When the client may request again (ms), or null when they may now. */
  private cooldownUntil(): number | null {
    if (this.latestRequested.items !== this.items) {
      let at: number | null = null;
      for (const c of this.items) {
        if (!isCheckin(c) || c.kind !== 'requested') continue;
        const due = Date.parse(c.dueAt);
        if (at === null || due > at) at = due;
      }
      this.latestRequested = { items: this.items, at };
    }
    // Field by field: the host's override, else the policy the backend enforces, else the default.
    const hours =
      this.policy?.requestUpdateCooldownHours ??
      this.settings?.policy?.requestUpdateCooldownHours ??
      DEFAULT_POLICY.requestUpdateCooldownHours;
    const fromRequest = this.latestRequested.at === null ? null : this.latestRequested.at + hours * HOUR;
    const until = Math.max(fromRequest ?? -Infinity, this.rateLimitedUntil ?? -Infinity);
    return until > this.clock() ? until : null;
  }

  private scheduleCooldownTick(): void {
    clearTimeout(this.cooldownTimer);
    const until = this.session?.viewer.role === 'client' ? this.cooldownUntil() : null;
    if (until === null) return;
    // Re-render at most once a minute so "in 5 hours" stays true and the button comes back.
    this.cooldownTimer = setTimeout(() => this.requestUpdate(), Math.min(until - this.clock() + 50, 60_000));
  }

  private toggleRequest(): void {
    if (this.cooldownUntil() !== null) return;
    this.requestOpen = !this.requestOpen;
    this.requestError = null;
    if (this.requestOpen) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('#request-message')?.focus(),
      );
    }
  }

  private async sendRequest(event: Event): Promise<void> {
    event.preventDefault();
    const session = this.session;
    if (!session || this.requestSending) return;
    if (this.requestText.length > LIMITS.message) {
      // Nothing is sent (or cut) until it fits; the field says why.
      this.renderRoot.querySelector<HTMLElement>('#request-message')?.focus();
      return;
    }
    this.requestKey ??= newIdempotencyKey();
    this.requestSending = true;
    this.requestError = null;
    // Sent as typed; a message of only white space is no message.
    const message = this.requestText.trim() ? this.requestText : '';
    const signal = this.opsAbort.signal;
    try {
      const checkin = await abortable(
        session.adapter.requestUpdate(
          session.contractId,
          message ? { message } : {},
          { idempotencyKey: this.requestKey, signal },
        ),
        signal,
      );
      if (this.session !== session) return;
      this.requestKey = undefined;
      this.requestText = '';
      this.requestOpen = false;
      this.upsert(checkin);
      this.dispatchEvent(new CheckinRequestUpdateEvent({ contractId: session.contractId, checkin }));
      this.announcer.announce(msg(str`Update requested from ${shortText(session.contract.talent.name)}.`));
      await this.focusArticle(this.items.findIndex((c) => c.id === checkin.id));
    } catch (error) {
      const failure = toCheckinError(error);
      if (!failure || this.session !== session) return;
      if (failure.code === 'rate-limited') {
        const at = failure.retryAt ? Date.parse(failure.retryAt) : NaN;
        if (!Number.isNaN(at)) this.rateLimitedUntil = at;
        this.requestKey = undefined;
      }
      this.requestError = failure;
      reportError(this, failure, 'request-update');
    } finally {
      if (this.session === session) this.requestSending = false;
    }
  }

  // ---- export ----

  private async export(format: ExportFormat): Promise<void> {
    const session = this.session;
    if (!session || this.exporting) return;
    this.exportError = null;
    this.exporting = { format, loaded: this.items.length };
    try {
      // The paper trail is the whole history: fetch every page that is not here yet.
      while (this.nextCursor) {
        await this.nextPage();
        if (this.session !== session) return;
        this.exporting = { format, loaded: this.items.length };
      }
      const zone = this.timeZone(session.viewer);
      const options = { timeZone: zone, locale: this.locale(session.viewer) };
      const questions = this.settings?.questions ?? [];
      // The host's items are checked as they are rendered; the export reads them all.
      if (this.fromHost) {
        for (const item of this.items) checkHostItem(item, () => (this.checkins ?? []).indexOf(item as Checkin));
      }
      const name = exportFileName(session.contractId, localDateOf(this.clock(), zone), format);
      // A BOM so that spreadsheets read the CSV as UTF-8.
      const blob =
        format === 'md'
          ? new Blob([toMarkdown(session.contract, questions, this.items, options)], {
              type: 'text/markdown;charset=utf-8',
            })
          : format === 'csv'
            ? new Blob(['\uFEFF', toCsv(session.contract, questions, this.items, options)], {
                type: 'text/csv;charset=utf-8',
              })
            : new Blob(
                [toJson(session.contract, questions, this.items, new Date(this.clock()).toISOString())],
                { type: 'application/json' },
              );
      this.download(blob, name);
      const checkins = this.items.filter(isCheckin).length;
      const changes = this.items.length - checkins;
      this.announcer.announce(
        changes
          ? msg(str`Downloaded ${name} with ${checkins} check-ins and ${changes} changes to the settings.`)
          : msg(str`Downloaded ${name} with ${checkins} check-ins.`),
      );
    } catch (error) {
      const failure = toCheckinError(error);
      if (!failure || this.session !== session) return;
      this.exportError = { format, error: failure };
      reportError(this, failure, 'export');
    } finally {
      if (this.session === session) this.exporting = null;
    }
  }

  private download(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    link.click();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  // ---- rendering ----

  private timeZone(viewer: Viewer): string {
    return viewer.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  private locale(viewer: Viewer): string {
    return viewer.locale || navigator.language;
  }

  /** Checks the host's items about to be rendered (each once); the first failure, if any. */
  private checkWindow(visible: readonly HistoryItem[]): CheckinError | null {
    try {
      for (const item of visible) checkHostItem(item, () => (this.checkins ?? []).indexOf(item as Checkin));
      return null;
    } catch (error) {
      return CheckinError.from(error);
    }
  }

  private renderThread(session: Session): TemplateResult {
    const { viewer } = session;
    const visible = this.items.slice(this.winStart, this.winEnd);
    this.windowError = this.fromHost ? this.checkWindow(visible) : null;
    const activeId = visible.some((c) => c.id === this.activeId) ? this.activeId : (visible[0]?.id ?? null);
    const ctx: EntryContext = {
      viewer,
      contract: session.contract,
      questions: this.settings?.questions ?? [],
      setSize: this.setSize,
      timeZone: this.timeZone(viewer),
      locale: this.locale(viewer),
      active: (id) => id === activeId,
      entryLevel: subLevel(headingLevel(this.headingLevel)),
      draft: (id) => this.drafts.get(id),
      replyOpen: (id) => this.openReplies.has(id),
      onReplyToggle: (c) => void this.toggleReply(c),
      onReplyClose: (c) => void this.closeReply(c),
      acknowledging: (id) => this.acknowledging.has(id),
      actionError: (id) => this.actionErrors.get(id),
      onReplyInput: (c, e) => this.onReplyInput(c, e),
      onReplySend: (c, e) => void this.sendReply(c, e),
      onAcknowledge: (c) => void this.acknowledge(c),
      onRetryAction: (c) => void this.acknowledge(c),
    };
    return html`<section class="thread" part="thread" aria-labelledby="title">
      ${this.renderToolbar(session)}
      ${this.connectivity.offline
        ? html`<p class="notice warning" part="offline">
            ${msg("You're offline. New check-ins will appear when you're back online.")}
          </p>`
        : nothing}
      ${!this.windowError && !this.nextCursor && !this.items.some(isCheckin) ? this.renderEmpty(session) : nothing}
      ${this.windowError
        ? renderError(this.windowError)
        : this.items.length === 0 && !this.nextCursor
        ? nothing
        : html`<div class="scroller" part="scroller">
            ${this.winStart > 0
              ? html`<div class="sentinel" data-edge="start"></div>
                  <button type="button" class="show-newer" part="show-newer" @click=${() => this.showNewer()}>
                    ${msg(str`Show newer check-ins (${this.winStart} above)`)}
                  </button>`
              : nothing}
            <div
              role="feed"
              part="feed"
              class="feed"
              aria-labelledby="title"
              aria-busy=${this.pageLoading ? 'true' : 'false'}
              @keydown=${this.onFeedKeydown}
              @focusin=${this.onFeedFocusin}
            >
              ${repeat(
                visible,
                (c) => c.id,
                (c, i) => renderEntry(c, this.winStart + i, ctx),
              )}
            </div>
            <div class="sentinel" data-edge="end"></div>
            ${this.renderFeedEnd()}
          </div>`}
    </section>`;
  }

  private renderFeedEnd(): TemplateResult {
    if (this.pageError) {
      return html`${renderError(this.pageError, () => {
        this.pageError = null;
        void this.loadOlder();
      }, msg('Try loading again'))}`;
    }
    if (this.hasOlder) {
      return html`<p class="more">
        <button
          type="button"
          part="load-more"
          aria-disabled=${this.pageLoading ? 'true' : 'false'}
          @click=${() => void this.loadOlder()}
        >
          ${this.pageLoading ? msg('Loading older check-ins…') : msg('Load older')}
        </button>
      </p>`;
    }
    return html`<p class="end muted" part="end" tabindex="-1">${msg('This is the first check-in.')}</p>`;
  }

  private renderEmpty(session: Session): TemplateResult {
    const settings = this.settings;
    const { contract, viewer } = session;
    const isTalent = viewer.id === contract.talent.id;
    let text: string;
    if (!settings?.enabled) {
      text = settings?.eligibility.eligible === false && settings.eligibility.reason
        ? msg(str`Weekly check-ins are off: ${settings.eligibility.reason}`)
        : msg('Weekly check-ins are off for this contract.');
    } else if (settings.consent === 'pending') {
      text = isTalent
        ? msg('No check-ins yet. They start once you agree to them.')
        : msg(str`No check-ins yet. They start once ${shortText(contract.talent.name)} agrees to them.`);
    } else if (settings.consent === 'declined') {
      text = isTalent
        ? msg("No check-ins: you declined weekly check-ins, so you won't be asked.")
        : msg(str`No check-ins: ${shortText(contract.talent.name)} declined weekly check-ins.`);
    } else if (settings.consent === 'withdrawn') {
      text = isTalent
        ? msg("No check-ins: you withdrew your consent to weekly check-ins, so you won't be asked.")
        : msg(str`No check-ins: ${shortText(contract.talent.name)} withdrew consent to weekly check-ins.`);
    } else {
      let next: string | null = null;
      try {
        next = nextPrompt(settings.schedule, this.clock(), contract);
      } catch {
        next = null;
      }
      text = next
        ? msg(
            str`No check-ins yet. The first one opens ${formatInstant(next, {
              locale: this.locale(viewer),
              timeZone: this.timeZone(viewer),
              style: 'long',
            })}.`,
          )
        : msg('No check-ins yet.');
    }
    return html`<p class="notice empty" part="empty">${text}</p>`;
  }

  private renderToolbar(session: Session): TemplateResult {
    const isClient = session.viewer.role === 'client';
    const cooldown = isClient ? this.cooldownUntil() : null;
    const locale = this.locale(session.viewer);
    const exporting = this.exporting;
    const panelShown = isClient && this.requestOpen && cooldown === null;
    return html`<div class="toolbar" part="toolbar">
        <div
          id="title"
          class="h2"
          part="heading"
          role="heading"
          aria-level=${headingLevel(this.headingLevel)}
          tabindex="-1"
          title=${displayTitle(session.contract.title)}
        >
          ${msg(str`Check-in history for ${shortText(session.contract.title)}`)}
        </div>
        <div class="tools">
          ${isClient
            ? html`<button
                type="button"
                part="request-update"
                class="primary"
                aria-expanded=${this.requestOpen ? 'true' : 'false'}
                aria-controls="request-panel"
                aria-disabled=${cooldown !== null ? 'true' : 'false'}
                aria-describedby=${cooldown !== null ? 'cooldown' : nothing}
                @click=${() => this.toggleRequest()}
              >
                ${msg('Request an update')}
              </button>`
            : nothing}
          <div class="export" part="export" role="group" aria-label=${msg('Export the whole history')}>
            <button
              type="button"
              part="export-markdown"
              aria-disabled=${exporting ? 'true' : 'false'}
              @click=${() => void this.export('md')}
            >
              ${msg('Export Markdown')}
            </button>
            <button
              type="button"
              part="export-csv"
              aria-disabled=${exporting ? 'true' : 'false'}
              @click=${() => void this.export('csv')}
            >
              ${msg('Export CSV')}
            </button>
            <button
              type="button"
              part="export-json"
              aria-disabled=${exporting ? 'true' : 'false'}
              @click=${() => void this.export('json')}
            >
              ${msg('Export JSON')}
            </button>
          </div>
        </div>
      </div>
      ${cooldown !== null
        ? html`<p id="cooldown" class="muted cooldown" part="cooldown">
            ${msg(
              str`You can request another update ${formatRelative(cooldown - this.clock(), locale)} (${formatInstant(
                cooldown,
                { locale, timeZone: this.timeZone(session.viewer), style: 'weekday-time' },
              )}).`,
            )}
          </p>`
        : nothing}
      ${panelShown ? this.renderRequestPanel(session) : nothing}
      ${isClient && this.requestError && !panelShown ? renderError(this.requestError) : nothing}
      ${exporting
        ? html`<p class="muted" part="export-status" role="status">
            ${this.nextCursor
              ? msg(str`Preparing the export: ${exporting.loaded} of ${this.setSize > 0 ? this.setSize : '?'} entries loaded…`)
              : msg('Preparing the export…')}
          </p>`
        : nothing}
      ${this.exportError
        ? renderError(this.exportError.error, () => void this.export(this.exportError!.format), msg('Try the export again'))
        : nothing}`;
  }

  private renderRequestPanel(session: Session): TemplateResult {
    const { contract } = session;
    // No maxlength on the field: a paste over the limit is kept whole and said to be too long
    // at the field, and nothing is sent until it fits (a silent cut would lose words).
    const length = this.requestText.length;
    const over = length - LIMITS.message;
    return html`<form id="request-panel" class="card request-panel" part="request-panel" @submit=${this.sendRequest}>
      <p>
        ${msg(
          str`${shortText(contract.talent.name)} will be asked the check-in questions now, in your name (${shortText(contract.client.name)}).`,
        )}
      </p>
      <label for="request-message">${msg('Message (optional)')}</label>
      <textarea
        id="request-message"
        rows="2"
        dir="auto"
        aria-invalid=${over > 0 ? 'true' : 'false'}
        aria-describedby=${over > 0 ? 'request-count request-too-long' : 'request-count'}
        .value=${live(this.requestText)}
        @input=${(e: Event) => {
          this.requestText = (e.target as HTMLTextAreaElement).value;
          this.requestKey = undefined;
        }}
      ></textarea>
      <p id="request-count" class="counter ${over > 0 ? 'over' : ''}" part="request-counter">
        <span aria-hidden="true">${length} / ${LIMITS.message}${over > 0 ? html` · ${msg(str`${over} too many`)}` : nothing}</span>
        <span class="visually-hidden">${msg(str`${length} of ${LIMITS.message} characters used`)}</span>
      </p>
      ${over > 0
        ? html`<p id="request-too-long" class="field-error" role="alert">
            ${msg(str`The message is ${over} characters too long: use ${LIMITS.message} characters or fewer to send it.`)}
          </p>`
        : nothing}
      ${this.requestError ? renderError(this.requestError) : nothing}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${this.requestSending ? 'true' : 'false'}>
          ${this.requestSending ? msg('Sending…') : msg('Send request')}
        </button>
        <button type="button" @click=${() => (this.requestOpen = false)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }
}
