import type { HistoryItem } from '../../model.js';

// The feed on screen: the history loaded so far (newest first), where paging goes on, the
// backend's count, and the window of it that is rendered. The DOM never holds more than
// MAX_RENDERED articles, whatever the length of the history. Pure functions over one value.

/** Articles added to (or taken from) the rendered window in one step. */
export const SLICE = 30;
/** Most articles in the DOM at once. */
export const MAX_RENDERED = 90;

export interface Feed {
  readonly items: readonly HistoryItem[];
  /** Where the next older page starts; null once everything is loaded. */
  readonly nextCursor: string | null;
  /** The backend's (or the host's) count of entries, when known. */
  readonly total: number | null;
  /** The rendered window [start, end) over `items`. */
  readonly start: number;
  readonly end: number;
}

export const EMPTY_FEED: Feed = { items: [], nextCursor: null, total: null, start: 0, end: 0 };

/** A fresh list, its window at the newest entries. */
export function resetFeed(items: readonly HistoryItem[], nextCursor: string | null, total: number | null): Feed {
  return { items, nextCursor, total, start: 0, end: Math.min(items.length, SLICE) };
}

/** Brings `count` more older articles into the window, dropping the newest beyond the cap. */
export function showOlder(feed: Feed, count = SLICE): Feed {
  const end = Math.min(feed.items.length, feed.end + count);
  return { ...feed, end, start: end - feed.start > MAX_RENDERED ? end - MAX_RENDERED : feed.start };
}

/** Brings newer articles back into the window, dropping the oldest beyond the cap. */
export function showNewer(feed: Feed, count = SLICE): Feed {
  const start = Math.max(0, feed.start - count);
  return { ...feed, start, end: feed.end - start > MAX_RENDERED ? start + MAX_RENDERED : feed.end };
}

/** The window moved so that the article at `index` is rendered. */
export function reveal(feed: Feed, index: number): Feed {
  if (index >= feed.end) return showOlder(feed, Math.max(SLICE, index + 1 - feed.end));
  if (index < feed.start) return showNewer(feed, Math.max(SLICE, feed.start - index));
  return feed;
}

/**
 * `item` inserted at `at`: above the window the same articles stay rendered; inside it (or
 * just after it when the window reaches the end) the window grows, up to the cap.
 */
export function insertAt(feed: Feed, item: HistoryItem, at: number): Feed {
  const wasAtEnd = feed.end >= feed.items.length;
  const items = [...feed.items.slice(0, at), item, ...feed.items.slice(at)];
  let { start, end } = feed;
  if (at < start) {
    start++;
    end++;
  } else if (at < end || (at === end && wasAtEnd)) {
    if (end + 1 - start <= MAX_RENDERED) end++;
  }
  return { ...feed, items, start, end, total: feed.total == null ? null : feed.total + 1 };
}

/** The entries rendered now. */
export const visibleItems = (feed: Feed): readonly HistoryItem[] => feed.items.slice(feed.start, feed.end);

/** `aria-setsize`: the true number of entries, -1 while unknown. */
export function setSize(feed: Feed): number {
  if (feed.total != null) return Math.max(feed.total, feed.items.length);
  return feed.nextCursor ? -1 : feed.items.length;
}

/** Older entries exist beyond the window: rendered later, or on a page not loaded yet. */
export const hasOlder = (feed: Feed): boolean => feed.end < feed.items.length || !!feed.nextCursor;

/** Older entries exist that are not loaded (from the adapter, or beyond the host's part). */
export function moreToLoad(feed: Feed, fromHost: boolean): boolean {
  if (feed.nextCursor) return true;
  return fromHost && feed.total != null && feed.total > feed.items.length;
}
