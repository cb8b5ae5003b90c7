import { localized, msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CheckinAdapter, CheckinEvent } from '../../adapters/adapter.js';
import type { RetryPolicy } from '../../adapters/resilient.js';
import { AnnouncerController } from '../../controllers/announcer.js';
import { ConnectionController } from '../../controllers/connection.js';
import { ConnectivityController } from '../../controllers/connectivity.js';
import { LiveController } from '../../controllers/live.js';
import { ResumeTaskController } from '../../controllers/resume.js';
import { Epoch, WriteController } from '../../controllers/write.js';
import type { Checkin, Policy, Settings } from '../../model.js';
import { baseStyles } from '../../styles.js';
import { headingLevel, renderError, renderLoading, renderNoAdapter, renderNoContract } from '../shared.js';
import { reportError, subLevel, toCheckinError } from '../shared.js';
import { readClock, viewerTerms } from '../terms.js';
import { CheckinActions } from './actions.js';
import { styles } from './checkin-thread.styles.js';
import { cooldownHours } from './cooldown.js';
import { Exporter } from './exporter.js';
import { resetFeed, setSize, visibleItems } from './feed.js';
import { checkHostItems, HostWindowCheck, isValidHistory } from './host-items.js';
import { catchupNews, onLive } from './live-event.js';
import { fetchNewest, fetchThread, type Loaded } from './load.js';
import { FeedPager } from './pager.js';
import { dedupe, mergeNewest } from './reconcile.js';
import { RequestUpdate } from './request-update.js';
import * as S from './state.js';
import { renderThread, type ThreadProps } from './views/thread.js';

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
  @property({ attribute: false }) clock: () => number | string | Date = () => Date.now();

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
  private opsAbort = new AbortController();
  private readonly ctx: S.ThreadContext = {
    thread: () => (this.load.state === 'ready' ? this.load.thread : undefined),
    writes: this.writes,
    epoch: this.epoch,
    signal: () => this.opsAbort.signal,
    announce: (text) => this.announcer.announce(text),
    now: () => readClock(this.clock),
  };
  private readonly pager = new FeedPager(this, this.ctx);
  private readonly actions = new CheckinActions(this, this.ctx, this.pager);
  private readonly requests = new RequestUpdate(this, this.ctx, this.pager, () =>
    cooldownHours(this.policy, this.settings),
  );
  private readonly exporter = new Exporter(this, this.ctx, this.pager, {
    questions: () => this.settings?.questions ?? [],
    hostItems: () => this.checkins,
  });
  /** The host's items about to be rendered, checked (a malformed one reported once). */
  private readonly hostWindow = new HostWindowCheck();

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
    this.requests.stopTick();
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
      const feed = changed.has('checkins') ? resetFeed(dedupe(this.checkins), null, null) : this.pager.feed;
      this.pager.feed = { ...feed, total: this.total ?? this.checkins.length };
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
    this.hostWindow.report(this);
    this.requests.scheduleTick();
  }

  private startSession({ adapter, contractId, viewer, contract, settings, page, release }: Loaded): void {
    this.load = { state: 'ready', thread: { adapter, contractId, viewer, contract, fromHost: !page } };
    this.settings = settings;
    const items = dedupe(page ? page.items : (this.checkins ?? []));
    this.pager.feed = page
      ? resetFeed(items, page.nextCursor, page.total)
      : resetFeed(items, null, this.total ?? items.length);
    // Not announced: they arrived before the thread was on screen.
    release((event) => this.applyLive(event, false));
  }

  private endSession(): void {
    this.liveUpdates.clear();
    // Every page, catch-up and write started for the thread shown until now is dropped.
    this.epoch.advance();
    this.opsAbort.abort();
    this.opsAbort = new AbortController();
    this.load = S.NOT_LOADED;
    this.pager.reset();
    this.requests.reset();
    this.actions.reset();
    this.exporter.reset();
  }

  private applyLive(event: CheckinEvent, announce: boolean): void {
    if (this.load.state !== 'ready') return;
    const { thread } = this.load;
    const scene = { feed: this.pager.feed, thread, withActivity: !!thread.adapter.listHistory, announce };
    const outcome = onLive({ ...scene, terms: viewerTerms(thread.viewer, thread.contract) }, event);
    if (outcome.feed) this.pager.feed = outcome.feed;
    if (outcome.settings) this.settings = outcome.settings;
    if (outcome.say) this.announcer.announce(outcome.say);
  }

  /** Coming back online: retry what failed for want of a network, and catch up. */
  private onOnline(): void {
    if (this.data.status === TaskStatus.ERROR) {
      if (toCheckinError(this.data.error)?.retryable) void this.data.run();
      return;
    }
    const { paging } = this.pager;
    if (paging.state === 'failed' && paging.error.retryable) this.pager.retry();
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
      const result = page && mergeNewest(this.pager.feed, page, fromHost);
      if (result) this.pager.feed = result.feed;
      const news = result && catchupNews(result);
      if (news) this.announcer.announce(news);
    } catch (error) {
      const failure = toCheckinError(error);
      if (failure && current()) reportError(this, failure, 'refresh');
    } finally {
      release((event) => this.applyLive(event, true));
    }
  }

  private threadProps(thread: S.Thread): ThreadProps {
    const { viewer, contract } = thread;
    const { feed, paging } = this.pager;
    const visible = visibleItems(feed);
    const activeId = this.pager.activeId(visible);
    const terms = viewerTerms(viewer, contract);
    const now = readClock(this.clock);
    const isClient = viewer.role === 'client';
    const questions = this.settings?.questions ?? [];
    const entryLevel = subLevel(headingLevel(this.headingLevel));
    return {
      feed,
      entry: {
        viewer,
        contract,
        questions,
        setSize: setSize(feed),
        ...terms,
        entryLevel,
        ...this.actions.context(),
        active: (id) => id === activeId,
      },
      toolbar: {
        contract,
        headingLevel: headingLevel(this.headingLevel),
        isClient,
        cooldown: isClient ? this.requests.cooldownUntil() : null,
        now,
        terms,
        request: this.requests.props(contract),
        exporting: this.exporter.state,
        moreToExport: !!feed.nextCursor,
        setSize: setSize(feed),
        onToggleRequest: () => this.requests.toggle(),
        onExport: (format) => void this.exporter.run(format),
      },
      empty: { settings: this.settings, contract, viewer, now, terms },
      offline: this.connectivity.offline,
      windowError: this.hostWindow.check(visible, this.checkins, thread.fromHost),
      paging,
      onShowNewer: () => this.pager.showNewer(),
      onLoadOlder: () => void this.pager.loadOlder(),
      onRetryPage: () => this.pager.retry(),
      onFeedKeydown: this.pager.onKeydown,
      onFeedFocusin: this.pager.onFocusin,
    };
  }
}
