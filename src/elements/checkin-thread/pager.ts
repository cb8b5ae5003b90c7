import { msg, str } from '@lit/localize';
import type { LitElement, ReactiveController } from 'lit';
import { reportError, toCheckinError } from '../shared.js';
import { EMPTY_FEED, hasOlder, reveal, showNewer, showOlder, type Feed } from './feed.js';
import { feedMove, outsideFeed } from './feed-keys.js';
import { abortError, listPage } from './load.js';
import { mergePage } from './reconcile.js';
import { SentinelController } from './sentinels.js';
import { PAGING_IDLE, type Paging, type ThreadContext } from './state.js';

/**
 * The feed of a thread on screen: the list, paging by cursor (one page request at a time), the
 * rendered window (moved by the buttons, the sentinels and the APG feed keys) and the feed's one
 * Tab stop. The host renders `feed` and `paging`; everything that changes the list sets `feed`.
 */
export class FeedPager implements ReactiveController {
  private value: Feed = EMPTY_FEED;
  private pagingValue: Paging = PAGING_IDLE;
  private request?: Promise<number>;
  /**
   * The article that is the feed's one Tab stop (roving tabindex): the last one focused while it
   * is rendered, else the first rendered. Its controls are reachable with Tab; other articles'
   * are not, so Tab leaves the feed instead of walking every article.
   */
  private focused: string | null = null;

  constructor(
    private readonly host: LitElement,
    private readonly options: ThreadContext,
  ) {
    host.addController(this);
    // Scrolling to either end of the window moves it (only where there is scrolling).
    new SentinelController(host, {
      span: () => `${this.feed.start}:${this.feed.end}:${this.feed.items.length}`,
      onEnd: () => {
        if (this.paging.state === 'idle' && hasOlder(this.feed)) void this.loadOlder();
      },
      onStart: () => {
        if (this.feed.start > 0) this.showNewer();
      },
    });
  }

  hostConnected(): void {}

  get feed(): Feed {
    return this.value;
  }

  set feed(feed: Feed) {
    this.value = feed;
    this.host.requestUpdate();
  }

  get paging(): Paging {
    return this.pagingValue;
  }

  private set paging(paging: Paging) {
    this.pagingValue = paging;
    this.host.requestUpdate();
  }

  /** The id of the feed's Tab stop among `visible`. */
  activeId(visible: readonly { id: string }[]): string | null {
    return visible.some((c) => c.id === this.focused) ? this.focused : (visible[0]?.id ?? null);
  }

  /** Another thread: the page on its way (aborted with the signal) and its failure are forgotten. */
  reset(): void {
    this.request = undefined;
    this.paging = PAGING_IDLE;
  }

  /** Fetches the next page once (concurrent callers share it); resolves to how many were new. */
  nextPage(): Promise<number> {
    const thread = this.options.thread();
    const cursor = this.feed.nextCursor;
    if (!thread || !cursor) return Promise.resolve(0);
    if (this.request) return this.request;
    const current = this.options.epoch.mark();
    this.paging = { state: 'loading' };
    const request = listPage(thread.adapter, thread.contractId, { cursor, signal: this.options.signal() })
      .then((page) => {
        if (!current()) throw abortError();
        // Entries already here (arrived live meanwhile) take the fresh copy; newest first.
        const merged = mergePage(this.feed, page);
        this.feed = merged.feed;
        return merged.added;
      })
      .finally(() => {
        if (this.request !== request) return;
        this.request = undefined;
        this.paging = PAGING_IDLE;
      });
    this.request = request;
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
        reportError(this.host, failure, 'load-more');
      }
      return null;
    }
  }

  async loadOlder(): Promise<void> {
    const root = this.host.renderRoot as ShadowRoot;
    const button = root.querySelector<HTMLElement>('[part~="load-more"]');
    const hadFocus = !!button && root.activeElement === button;
    const firstNew = this.feed.end;
    if (this.feed.end < this.feed.items.length) {
      this.feed = showOlder(this.feed);
      this.options.announce(msg(str`Showing check-ins up to ${this.feed.end}.`));
    } else {
      if (!this.feed.nextCursor || this.paging.state === 'loading') return;
      const added = await this.pageIn();
      if (added === null) return;
      this.options.announce(added ? msg(str`Loaded ${added} older check-ins.`) : msg('No older check-ins.'));
    }
    await this.host.updateComplete;
    // When the button went away (nothing older), keep focus in the feed, not on <body>.
    if (hadFocus && !root.querySelector('[part~="load-more"]')) this.articleAt(firstNew)?.focus();
  }

  /** Tries the page that failed again. */
  retry(): void {
    this.paging = PAGING_IDLE;
    void this.loadOlder();
  }

  showNewer(): void {
    this.feed = showNewer(this.feed);
  }

  articleAt(index: number): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`article[data-index="${index}"]`);
  }

  /** Focuses the article at `index`, paging it in and rendering it first when needed. */
  async focusArticle(index: number): Promise<void> {
    if (index < 0) return;
    if (index >= this.feed.items.length) {
      if (!this.feed.nextCursor || (await this.pageIn()) === null) return;
      if (index >= this.feed.items.length) return;
    }
    this.feed = reveal(this.feed, index);
    await this.host.updateComplete;
    this.articleAt(index)?.focus();
  }

  /** Focus in an article (or one of its controls) makes it the feed's Tab stop. */
  readonly onFocusin = (event: FocusEvent): void => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('article[data-id]')?.dataset.id;
    if (id && id !== this.focused) {
      this.focused = id;
      this.host.requestUpdate();
    }
  };

  readonly onKeydown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    // Text fields keep their own Page Up/Down and Ctrl+Home/End.
    if (target.matches('textarea, input')) return;
    const article = target.closest<HTMLElement>('article[data-index]');
    const move = article ? feedMove(event.key, event.ctrlKey, Number(article.dataset.index)) : null;
    if (!move) return;
    event.preventDefault();
    const feed = this.host.renderRoot.querySelector<HTMLElement>('[part~="feed"]');
    if (move.to === 'article') void this.focusArticle(move.index);
    else if (feed) outsideFeed(this.host.renderRoot, feed, move.where)?.focus();
  };
}
