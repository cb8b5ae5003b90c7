import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { newIdempotencyKey, type CheckinAdapter, type CheckinEvent } from '../../adapters/adapter.js';
import type { RetryPolicy } from '../../adapters/resilient.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ConnectionController, abortable } from '../../controllers/connection.js';
import { ConnectivityController } from '../../controllers/connectivity.js';
import { LiveController, type Release } from '../../controllers/live.js';
import { ResumeTaskController } from '../../controllers/resume.js';
import { Epoch, WriteController } from '../../controllers/write.js';
import { CheckinReplyEvent, CheckinRequestUpdateEvent } from '../../events.js';
import { LIMITS } from '../../limits.js';
import type { Checkin, CheckinError, Page, HistoryItem, Policy, Settings } from '../../model.js';
import { localDateOf } from '../../schedule/index.js';
import { baseStyles } from '../../styles.js';
import { headingLevel, renderError, renderLoading, renderNoAdapter, renderNoContract, reportError } from '../shared.js';
import { shortText, subLevel, toCheckinError } from '../shared.js';
import { readClock, viewerTerms, type Clock } from '../terms.js';
import { styles } from './checkin-thread.styles.js';
import { cooldownHours, cooldownTick, cooldownUntil } from './cooldown.js';
import { download } from './download.js';
import { exportBlob, exportDone, exportFileName, type ExportFormat } from './export.js';
import { EMPTY_FEED, reveal, resetFeed, setSize, showNewer, showOlder, visibleItems, type Feed } from './feed.js';
import { feedMove, outsideFeed } from './feed-keys.js';
import { checkAll, checkHostItems, isValidHistory } from './host-items.js';
import { catchupNews, onLive } from './live-event.js';
import { abortError, fetchThread, fetchNewest, listPage, type Fetched } from './load.js';
import { addReply, dedupe, mergeNewest, mergePage, upsertItem } from './reconcile.js';
import { SentinelController } from './sentinels.js';
import * as S from './state.js';
import { domId, type EntryContext } from './views/entry.js';
import { renderThread, type ThreadProps } from './views/thread.js';

interface Loaded extends Fetched {
  adapter: CheckinAdapter;
  contractId: string;
  /** Applies the live events that arrived while loading on top of what was loaded. */
  release: Release;
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
  @property({ attribute: false }) clock: Clock = () => Date.now();

  /**
   * The level of the thread's heading (1-6, default 2), so that it fits the page's outline; each
   * check-in's heading is one level below.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;

  /** How long to wait for one request before giving up with a `timeout` error and a retry, in ms (default 15000, or the provider's). */
  @property({ attribute: 'request-timeout', type: Number }) requestTimeout?: number;

  /** How failed reads are retried, `{attempts, baseDelayMs, maxDelayMs}`, over the provider's and the defaults (3, 500, 4000); writes never retry by themselves. */
  @property({ attribute: false }) retryPolicy?: Partial<RetryPolicy>;

  @state() private load: S.Load = S.NOT_LOADED;
  @state() private settings?: Settings;
  @state() private feed: Feed = EMPTY_FEED;
  @state() private paging: S.Paging = S.PAGING_IDLE;
  /**
   * The article that is the feed's one Tab stop (roving tabindex): the last one focused while it
   * is rendered, else the first rendered. Its controls are reachable with Tab; other articles'
   * are not, so Tab leaves the feed instead of walking every article.
   */
  @state() private activeId: string | null = null;
  @state() private request: S.RequestPanel = S.REQUEST_CLOSED;
  @state() private exporting: S.Exporting = S.EXPORT_IDLE;

  @query('[part~="feed"]') private feedElement?: HTMLElement;

  private readonly connection = new ConnectionController(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly connectivity = new ConnectivityController(this, {
    onOnline: () => this.onOnline(),
    onVisible: () => void this.refresh(),
  });
  /** What the load, the pages, the catch-ups and the writes are about: advanced by each new load. */
  private readonly epoch = new Epoch();
  private readonly writes = new WriteController(this, this.epoch);
  // A stale stream (the adapter missed changes) is caught up like a return online.
  private readonly liveUpdates = new LiveController(
    this,
    (event) => this.applyLive(event, true),
    () => void this.refresh(),
  );
  // Events were missed while away: a thread on screen is loaded afresh on return.
  private readonly resume = new ResumeTaskController(this, () => this.data, {
    staleWhileAway: () => this.load.state === 'ready',
  });
  // Scrolling to either end of the window moves it (only where there is scrolling).
  protected readonly sentinels = new SentinelController(this, {
    span: () => `${this.feed.start}:${this.feed.end}:${this.feed.items.length}`,
    onEnd: () => {
      if (this.paging.state === 'idle' && (this.feed.end < this.feed.items.length || this.feed.nextCursor)) {
        void this.loadOlder();
      }
    },
    onStart: () => {
      if (this.feed.start > 0) this.feed = showNewer(this.feed);
    },
  });
  private pageRequest?: Promise<number>;
  private opsAbort = new AbortController();
  /** Reply drafts by check-in id: they survive windowing and a reload of the same thread. */
  private readonly drafts = new Map<string, S.ReplyDraft>();
  /** Check-ins whose reply box is open (the boxes are rendered on demand: see renderReplyArea). */
  private readonly openReplies = new Set<string>();
  private readonly ackErrors = new Map<string, CheckinError>();
  /** A malformed host item found while rendering, reported once. */
  private windowError: CheckinError | null = null;
  private reportedWindowError: string | null = null;
  private cooldownTimer?: ReturnType<typeof setTimeout>;

  private readonly data = new Task(this, {
    task: async ([adapter, contractId], { signal }): Promise<Loaded | undefined> => {
      this.endSession();
      if (!adapter || !contractId) return undefined;
      // Subscribed before fetching, its events held until the load is applied (see hold).
      const release = this.liveUpdates.hold(adapter, contractId);
      try {
        if (this.checkins) checkHostItems(this.checkins);
        const fetched = await fetchThread(adapter, contractId, !!this.checkins, signal);
        return { ...fetched, adapter, contractId, release };
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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.data.abort();
    this.endSession();
    clearTimeout(this.cooldownTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const ready = this.load.state === 'ready';
    if (
      changed.has('checkins') &&
      this.checkins &&
      (this.data.status === TaskStatus.ERROR || (ready && !isValidHistory(this.checkins)))
    ) {
      // A malformed history is refused by the load (which shows why); a new one after an error
      // is given its chance.
      void this.data.run();
      return;
    }
    if (ready && (changed.has('checkins') || changed.has('total')) && this.checkins) {
      const feed = changed.has('checkins') ? resetFeed(dedupe(this.checkins), null, null) : this.feed;
      this.feed = { ...feed, total: this.total ?? this.checkins.length };
    }
  }

  protected override render(): TemplateResult {
    const tag = 'checkin-thread';
    if (!this.connection.adapter) return renderNoAdapter(tag);
    if (!this.connection.contractId) return renderNoContract(tag);
    const loading = () => renderLoading(msg('Loading check-in history…'));
    const shown = () => (this.load.state === 'ready' ? renderThread(this.threadProps(this.load.thread)) : loading());
    return html`${this.announcer.region()}${this.data.render({
      initial: loading,
      pending: shown,
      complete: shown,
      error: (error) => {
        const failure = toCheckinError(error);
        return failure ? renderError(failure, () => void this.data.run()) : loading();
      },
    })}`;
  }

  protected override updated(): void {
    const failure = this.windowError;
    if (failure && failure.message !== this.reportedWindowError) {
      this.reportedWindowError = failure.message;
      reportError(this, failure, 'load');
    }
    this.scheduleCooldownTick();
  }

  // ---- loading and paging ----

  private startSession({ adapter, contractId, viewer, contract, settings, page, release }: Loaded): void {
    this.load = { state: 'ready', thread: { adapter, contractId, viewer, contract, fromHost: !page } };
    this.settings = settings;
    const items = dedupe(page ? page.items : (this.checkins ?? []));
    this.feed = page ? resetFeed(items, page.nextCursor, page.total) : resetFeed(items, null, this.total ?? items.length);
    // Not announced: they arrived before the thread was on screen.
    release((event) => this.applyLive(event, false));
  }

  private endSession(): void {
    this.liveUpdates.clear();
    // Every page, catch-up and write started for the thread shown until now is dropped.
    this.epoch.advance();
    this.opsAbort.abort();
    this.opsAbort = new AbortController();
    this.pageRequest = undefined;
    this.load = S.NOT_LOADED;
    this.paging = S.PAGING_IDLE;
    this.request = S.requestReset(this.request);
    this.exporting = S.EXPORT_IDLE;
    this.ackErrors.clear();
  }

  /** Fetches the next page once (concurrent callers share it); resolves to how many were new. */
  private nextPage(): Promise<number> {
    const { load, feed } = this;
    if (load.state !== 'ready' || !feed.nextCursor) return Promise.resolve(0);
    if (this.pageRequest) return this.pageRequest;
    const current = this.epoch.mark();
    this.paging = { state: 'loading' };
    const signal = this.opsAbort.signal;
    const request = listPage(load.thread.adapter, load.thread.contractId, { cursor: feed.nextCursor, signal })
      .then((page) => {
        if (!current()) throw abortError();
        // Entries already here (arrived live meanwhile) take the fresh copy; newest first.
        const merged = mergePage(this.feed, page);
        this.feed = merged.feed;
        return merged.added;
      })
      .finally(() => {
        if (this.pageRequest !== request) return;
        this.pageRequest = undefined;
        this.paging = S.PAGING_IDLE;
      });
    this.pageRequest = request;
    return request;
  }

  /** The next page; null when it failed (shown at the end of the feed, and reported). */
  private async pageIn(): Promise<number | null> {
    try {
      return await this.nextPage();
    } catch (error) {
      const failure = toCheckinError(error);
      if (failure) {
        this.paging = { state: 'failed', error: failure };
        reportError(this, failure, 'load-more');
      }
      return null;
    }
  }

  private async loadOlder(): Promise<void> {
    const button = this.renderRoot.querySelector<HTMLElement>('[part~="load-more"]');
    const hadFocus = !!button && this.shadowRoot?.activeElement === button;
    const firstNew = this.feed.end;
    if (this.feed.end < this.feed.items.length) {
      this.feed = showOlder(this.feed);
      this.announcer.announce(msg(str`Showing check-ins up to ${this.feed.end}.`));
    } else {
      if (!this.feed.nextCursor || this.paging.state === 'loading') return;
      const added = await this.pageIn();
      if (added === null) return;
      this.announcer.announce(added ? msg(str`Loaded ${added} older check-ins.`) : msg('No older check-ins.'));
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
    if (index >= this.feed.items.length) {
      if (!this.feed.nextCursor || (await this.pageIn()) === null) return;
      if (index >= this.feed.items.length) return;
    }
    this.feed = reveal(this.feed, index);
    await this.updateComplete;
    this.articleAt(index)?.focus();
  }

  /** Focus in an article (or one of its controls) makes it the feed's Tab stop. */
  private readonly onFeedFocusin = (event: FocusEvent): void => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('article[data-id]')?.dataset.id;
    if (id && id !== this.activeId) this.activeId = id;
  };

  private readonly onFeedKeydown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    // Text fields keep their own Page Up/Down and Ctrl+Home/End.
    if (target.matches('textarea, input')) return;
    const article = target.closest<HTMLElement>('article[data-index]');
    const move = article ? feedMove(event.key, event.ctrlKey, Number(article.dataset.index)) : null;
    if (!move) return;
    event.preventDefault();
    if (move.to === 'article') void this.focusArticle(move.index);
    else if (this.feedElement) outsideFeed(this.renderRoot, this.feedElement, move.where)?.focus();
  };

  // ---- live updates and catching up ----

  private applyLive(event: CheckinEvent, announce: boolean): void {
    if (this.load.state !== 'ready') return;
    const { thread } = this.load;
    const withActivity = !!thread.adapter.listHistory;
    const outcome = onLive({ feed: this.feed, thread, withActivity, terms: viewerTerms(thread.viewer), announce }, event);
    if (outcome.feed) this.feed = outcome.feed;
    if (outcome.settings) this.settings = outcome.settings;
    if (outcome.say) this.announcer.announce(outcome.say);
  }

  /** Coming back online: retry what failed for want of a network, and catch up. */
  private onOnline(): void {
    if (this.data.status === TaskStatus.ERROR) {
      if (toCheckinError(this.data.error)?.retryable) void this.data.run();
      return;
    }
    if (this.paging.state === 'failed' && this.paging.error.retryable) {
      this.paging = S.PAGING_IDLE;
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
    const { load } = this;
    if (load.state !== 'ready' || !this.isConnected) return Promise.resolve();
    return this.resume.catchUp(() => this.catchUp(load.thread));
  }

  private async catchUp({ adapter, contractId, fromHost }: S.Thread): Promise<void> {
    // Subscribed before fetching, with events held (see LiveController.hold).
    const release = this.liveUpdates.hold(adapter, contractId);
    const current = this.epoch.mark();
    try {
      const [settings, page] = await fetchNewest(adapter, contractId, !!this.checkins, this.opsAbort.signal);
      if (!current()) return;
      this.settings = settings;
      if (page) this.mergeNewest(page, fromHost);
    } catch (error) {
      const failure = toCheckinError(error);
      if (failure && current()) reportError(this, failure, 'refresh');
    } finally {
      release((event) => this.applyLive(event, true));
    }
  }

  private mergeNewest(page: Page<HistoryItem>, fromHost: boolean): void {
    const result = mergeNewest(this.feed, page, fromHost);
    this.feed = result.feed;
    const news = catchupNews(result);
    if (news) this.announcer.announce(news);
  }

  // ---- replies and acknowledgements ----

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
    const draft = this.drafts.get(checkin.id) ?? S.EMPTY_DRAFT;
    this.drafts.set(checkin.id, S.draftTyped(draft, (event.target as HTMLTextAreaElement).value));
    if (typeof draft.error === 'string') this.requestUpdate();
  }

  private async sendReply(checkin: Checkin, event: Event): Promise<void> {
    event.preventDefault();
    const key = `reply:${checkin.id}`;
    if (this.load.state !== 'ready' || this.writes.pending(key)) return;
    const { adapter, contractId, fromHost } = this.load.thread;
    const form = event.currentTarget as HTMLFormElement;
    const draft = this.drafts.get(checkin.id) ?? S.EMPTY_DRAFT;
    const problem = S.replyProblem(draft.text);
    if (problem) {
      this.drafts.set(checkin.id, S.draftInvalid(draft, problem));
      this.requestUpdate();
      await this.updateComplete;
      return form.querySelector('textarea')?.focus();
    }
    const sending = S.draftSending(draft, draft.key ?? newIdempotencyKey());
    this.drafts.set(checkin.id, sending);
    const signal = this.opsAbort.signal;
    const options = { idempotencyKey: sending.key!, signal };
    await this.writes.run(key, {
      action: 'reply',
      send: () => abortable(adapter.reply(contractId, checkin.id, { text: draft.text.trim() }, options), signal),
      done: (reply) => {
        this.drafts.delete(checkin.id);
        void this.closeReply(checkin);
        this.feed = addReply(this.feed, checkin.id, reply, fromHost).feed;
        this.dispatchEvent(new CheckinReplyEvent({ contractId, checkinId: checkin.id, reply }));
        this.announcer.announce(msg('Reply sent.'));
      },
      failed: (failure) => void this.drafts.set(checkin.id, S.draftFailed(this.drafts.get(checkin.id) ?? sending, failure)),
    });
  }

  private async acknowledge(checkin: Checkin): Promise<void> {
    const key = `ack:${checkin.id}`;
    if (this.load.state !== 'ready' || this.writes.pending(key)) return;
    const { adapter, contractId, fromHost } = this.load.thread;
    this.ackErrors.delete(checkin.id);
    const signal = this.opsAbort.signal;
    await this.writes.run(key, {
      action: 'acknowledge',
      send: () => abortable(adapter.acknowledge(contractId, checkin.id, { signal }), signal),
      done: async (updated) => {
        this.feed = upsertItem(this.feed, updated, fromHost).feed;
        this.announcer.announce(msg('Marked as seen.'));
        await this.updateComplete;
        // The button is gone; its article keeps the focus.
        this.articleAt(this.feed.items.findIndex((c) => c.id === checkin.id))?.focus();
      },
      failed: (failure) => void this.ackErrors.set(checkin.id, failure),
    });
  }

  // ---- request an update ----

  /** When the client may request again (ms), or null when they may now. */
  private cooldownUntil(): number | null {
    const hours = cooldownHours(this.policy, this.settings);
    const { rateLimitedUntil } = this.request;
    return cooldownUntil({ items: this.feed.items, hours, rateLimitedUntil, now: readClock(this.clock) });
  }

  private scheduleCooldownTick(): void {
    clearTimeout(this.cooldownTimer);
    const client = this.load.state === 'ready' && this.load.thread.viewer.role === 'client';
    const until = client ? this.cooldownUntil() : null;
    if (until === null) return;
    // Re-render at most once a minute so "in 5 hours" stays true and the button comes back.
    this.cooldownTimer = setTimeout(() => this.requestUpdate(), cooldownTick(until, readClock(this.clock)));
  }

  private focusRequestField(): void {
    this.renderRoot.querySelector<HTMLElement>('#request-message')?.focus();
  }

  private toggleRequest(): void {
    if (this.cooldownUntil() !== null) return;
    this.request = S.requestToggled(this.request);
    if (this.request.open) void this.updateComplete.then(() => this.focusRequestField());
  }

  private async sendRequest(event: Event): Promise<void> {
    event.preventDefault();
    if (this.load.state !== 'ready' || this.writes.pending('request')) return;
    const session = this.load.thread;
    // Nothing is sent (or cut) until it fits; the field says why.
    if (this.request.text.length > LIMITS.message) return this.focusRequestField();
    this.request = S.requestSending(this.request, this.request.key ?? newIdempotencyKey());
    // Sent as typed; a message of only white space is no message.
    const { text, key } = this.request;
    const change = text.trim() ? { message: text } : {};
    const signal = this.opsAbort.signal;
    await this.writes.run('request', {
      action: 'request-update',
      send: () => abortable(session.adapter.requestUpdate(session.contractId, change, { idempotencyKey: key!, signal }), signal),
      done: async (checkin) => {
        this.request = S.requestSent(this.request);
        this.feed = upsertItem(this.feed, checkin, session.fromHost).feed;
        this.dispatchEvent(new CheckinRequestUpdateEvent({ contractId: session.contractId, checkin }));
        this.announcer.announce(msg(str`Update requested from ${shortText(session.contract.talent.name)}.`));
        await this.focusArticle(this.feed.items.findIndex((c) => c.id === checkin.id));
      },
      failed: (failure) => void (this.request = S.requestFailed(this.request, failure)),
    });
  }

  // ---- export ----

  private async export(format: ExportFormat): Promise<void> {
    if (this.load.state !== 'ready' || this.exporting.state === 'exporting') return;
    const { thread } = this.load;
    const current = this.epoch.mark();
    this.exporting = { state: 'exporting', format, loaded: this.feed.items.length };
    try {
      // The paper trail is the whole history: fetch every page that is not here yet.
      while (this.feed.nextCursor) {
        await this.nextPage();
        if (!current()) return;
        this.exporting = { state: 'exporting', format, loaded: this.feed.items.length };
      }
      this.download(format, thread);
      this.exporting = S.EXPORT_IDLE;
    } catch (error) {
      if (!current()) return;
      const failure = toCheckinError(error);
      this.exporting = failure ? { state: 'failed', format, error: failure } : S.EXPORT_IDLE;
      if (failure) reportError(this, failure, 'export');
    }
  }

  private download(format: ExportFormat, { contractId, contract, viewer, fromHost }: S.Thread): void {
    const items = this.feed.items;
    // The host's items are checked as they are rendered; the export reads them all.
    const malformed = fromHost ? checkAll(items, this.checkins) : null;
    if (malformed) throw malformed;
    const options = viewerTerms(viewer);
    const now = readClock(this.clock);
    const name = exportFileName(contractId, localDateOf(now, options.timeZone), format);
    const questions = this.settings?.questions ?? [];
    download(exportBlob({ format, contract, questions, items, options, exportedAt: new Date(now).toISOString() }), name);
    this.announcer.announce(exportDone(name, items));
  }

  // ---- rendering ----

  private entryContext({ viewer, contract }: S.Thread, visible: readonly HistoryItem[]): EntryContext {
    const activeId = visible.some((c) => c.id === this.activeId) ? this.activeId : (visible[0]?.id ?? null);
    return {
      viewer,
      contract,
      questions: this.settings?.questions ?? [],
      setSize: setSize(this.feed),
      ...viewerTerms(viewer),
      active: (id) => id === activeId,
      entryLevel: subLevel(headingLevel(this.headingLevel)),
      draft: (id) => this.drafts.get(id),
      replySending: (id) => this.writes.pending(`reply:${id}`),
      replyOpen: (id) => this.openReplies.has(id),
      onReplyToggle: (c) => void this.toggleReply(c),
      onReplyClose: (c) => void this.closeReply(c),
      acknowledging: (id) => this.writes.pending(`ack:${id}`),
      actionError: (id) => this.ackErrors.get(id),
      onReplyInput: (c, e) => this.onReplyInput(c, e),
      onReplySend: (c, e) => void this.sendReply(c, e),
      onAcknowledge: (c) => void this.acknowledge(c),
    };
  }

  private threadProps(thread: S.Thread): ThreadProps {
    const { viewer, contract } = thread;
    const visible = visibleItems(this.feed);
    this.windowError = thread.fromHost ? checkAll(visible, this.checkins) : null;
    const terms = viewerTerms(viewer);
    const now = readClock(this.clock);
    const isClient = viewer.role === 'client';
    const request = {
      contract,
      request: this.request,
      sending: this.writes.pending('request'),
      onInput: (text: string) => (this.request = S.requestTyped(this.request, text)),
      onSend: (e: Event) => void this.sendRequest(e),
      onCancel: () => (this.request = S.requestClosed(this.request)),
    };
    return {
      feed: this.feed,
      entry: this.entryContext(thread, visible),
      toolbar: {
        contract,
        headingLevel: headingLevel(this.headingLevel),
        isClient,
        cooldown: isClient ? this.cooldownUntil() : null,
        now,
        terms,
        request,
        exporting: this.exporting,
        moreToExport: !!this.feed.nextCursor,
        setSize: setSize(this.feed),
        onToggleRequest: () => this.toggleRequest(),
        onExport: (format) => void this.export(format),
      },
      empty: { settings: this.settings, contract, viewer, now, terms },
      offline: this.connectivity.offline,
      windowError: this.windowError,
      paging: this.paging,
      onShowNewer: () => (this.feed = showNewer(this.feed)),
      onLoadOlder: () => void this.loadOlder(),
      onRetryPage: () => {
        this.paging = S.PAGING_IDLE;
        void this.loadOlder();
      },
      onFeedKeydown: this.onFeedKeydown,
      onFeedFocusin: this.onFeedFocusin,
    };
  }
}
