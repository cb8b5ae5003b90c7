import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { isCheckin, type CheckinError } from '../../../model.js';
import { renderError } from '../../shared.js';
import { hasOlder, visibleItems, type Feed } from '../feed.js';
import type { Paging } from '../state.js';
import { renderEmpty, type EmptyProps } from './empty.js';
import { renderEntry, type EntryContext } from './entry.js';
import { renderToolbar, type ToolbarProps } from './toolbar.js';

export interface ThreadProps {
  feed: Feed;
  entry: EntryContext;
  toolbar: ToolbarProps;
  empty: EmptyProps;
  offline: boolean;
  /** A malformed item of the host's history about to be rendered: shown instead of the feed. */
  windowError: CheckinError | null;
  paging: Paging;
  onShowNewer(): void;
  onLoadOlder(): void;
  onRetryPage(): void;
  onFeedKeydown(event: KeyboardEvent): void;
  onFeedFocusin(event: FocusEvent): void;
}

/** After the feed: a paging failure, "Load older", or the note that this is the first check-in. */
function renderFeedEnd({ feed, paging, onLoadOlder, onRetryPage }: ThreadProps): TemplateResult {
  if (paging.state === 'failed') return html`${renderError(paging.error, onRetryPage, msg('Try loading again'))}`;
  if (!hasOlder(feed))
    return html`<p class="end muted" part="end" tabindex="-1">${msg('This is the first check-in.')}</p>`;
  const loading = paging.state === 'loading';
  return html`<p class="more">
    <button type="button" part="load-more" aria-disabled=${loading ? 'true' : 'false'} @click=${onLoadOlder}>
      ${loading ? msg('Loading older check-ins…') : msg('Load older')}
    </button>
  </p>`;
}

/** The feed in its scroller, with "Show newer" above the window and the paging controls below. */
function renderScroller(props: ThreadProps): TemplateResult {
  const { feed, entry, onShowNewer } = props;
  return html`<div class="scroller" part="scroller">
    ${
      feed.start > 0
        ? html`<div class="sentinel" data-edge="start"></div>
          <button type="button" class="show-newer" part="show-newer" @click=${onShowNewer}>
            ${msg(str`Show newer check-ins (${feed.start} above)`)}
          </button>`
        : nothing
    }
    <div role="feed" part="feed" class="feed" aria-labelledby="title" aria-busy=${props.paging.state === 'loading' ? 'true' : 'false'}
      @keydown=${props.onFeedKeydown} @focusin=${props.onFeedFocusin}>
      ${repeat(
        visibleItems(feed),
        (c) => c.id,
        (item, i) => renderEntry({ item, index: feed.start + i, ctx: entry }),
      )}
    </div>
    <div class="sentinel" data-edge="end"></div>
    ${renderFeedEnd(props)}
  </div>`;
}

/** The thread: toolbar, notices and the feed. */
export function renderThread(props: ThreadProps): TemplateResult {
  const { feed, windowError } = props;
  const empty = !windowError && !feed.nextCursor && !feed.items.some(isCheckin);
  return html`<section class="thread" part="thread" aria-labelledby="title">
    ${renderToolbar(props.toolbar)}
    ${
      props.offline
        ? html`<p class="notice warning" part="offline">
          ${msg("You're offline. New check-ins will appear when you're back online.")}
        </p>`
        : nothing
    }
    ${empty ? renderEmpty(props.empty) : nothing}
    ${
      windowError
        ? renderError(windowError)
        : feed.items.length === 0 && !feed.nextCursor
          ? nothing
          : renderScroller(props)
    }
  </section>`;
}
