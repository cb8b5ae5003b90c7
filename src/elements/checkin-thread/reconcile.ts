import { isCheckin, itemTime, type Checkin, type HistoryItem, type Page, type Reply } from '../../model.js';
import { insertAt, moreToLoad, resetFeed, showOlder, type Feed } from './feed.js';

// What the thread does with an entry it hears about (a live event, a fresh first page) or pages
// in: pure decisions over the list on screen, so the thread shows the backend's history and not
// its own guesses. The list is newest first in the backend's order: by time, ids breaking ties
// (the order keyset paging follows), so a position can be decided without asking the backend.

/** The ordering of the history: negative when `a` comes before (is newer than) `b`. */
export function compareItems(a: HistoryItem, b: HistoryItem): number {
  const ta = Date.parse(itemTime(a));
  const tb = Date.parse(itemTime(b));
  if (ta !== tb) return tb - ta;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

/** What to do with one entry heard about. */
export type Placement =
  /** Already loaded: replace it where it is; the total stays. */
  | { action: 'update'; index: number }
  /** Genuinely new to the thread: insert it at `index`; the total grows by one. */
  | { action: 'insert'; index: number }
  /**
   * Older than the oldest loaded entry while older pages exist: not loaded yet, so not shown
   * (it comes with its page, as the backend has it); the total stays.
   */
  | { action: 'ignore' };

/**
 * Where `item` belongs in `items` (newest first). `hasMore`: older entries exist that are not
 * loaded. An entry not loaded but inside the loaded span (or anywhere, once everything is
 * loaded) is new since the load: keyset pages leave no gaps, so the backend would have sent it.
 */
export function placeItem(items: readonly HistoryItem[], item: HistoryItem, hasMore: boolean): Placement {
  const index = items.findIndex((c) => c.id === item.id);
  if (index >= 0) return { action: 'update', index };
  const last = items[items.length - 1];
  if (hasMore && (!last || compareItems(item, last) > 0)) return { action: 'ignore' };
  let at = items.findIndex((c) => compareItems(item, c) < 0);
  if (at < 0) at = items.length;
  return { action: 'insert', index: at };
}

/**
 * An older page merged into the list: entries already here take their fresh copy in place,
 * new ones are appended, and the result is newest first even if the backend's page overlaps
 * what arrived live. `added` counts the entries that were not here.
 */
export function mergeOlder(
  items: readonly HistoryItem[],
  page: readonly HistoryItem[],
): { items: HistoryItem[]; added: number } {
  const at = new Map(items.map((c, i) => [c.id, i]));
  const merged = items.slice();
  let added = 0;
  for (const item of page) {
    const i = at.get(item.id);
    if (i === undefined) {
      at.set(item.id, merged.length);
      merged.push(item);
      added++;
    } else {
      merged[i] = item;
    }
  }
  let sorted = true;
  for (let i = 1; i < merged.length && sorted; i++) sorted = compareItems(merged[i - 1]!, merged[i]!) <= 0;
  if (!sorted) merged.sort(compareItems);
  return { items: merged, added };
}

/** Drops repeated ids, the first kept (a backend that pages by offset can repeat an entry). */
export function dedupe<T extends HistoryItem>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

/**
 * One entry heard about, applied to the feed where `placeItem` says: replaced in place, inserted
 * (the total one more), or left to paging (the feed unchanged).
 */
export function upsertItem(
  feed: Feed,
  item: HistoryItem,
  fromHost: boolean,
): { feed: Feed; action: Placement['action'] } {
  const placement = placeItem(feed.items, item, moreToLoad(feed, fromHost));
  if (placement.action === 'ignore') return { feed, action: 'ignore' };
  if (placement.action === 'insert') return { feed: insertAt(feed, item, placement.index), action: 'insert' };
  const items = feed.items.slice();
  items[placement.index] = item;
  return { feed: { ...feed, items }, action: 'update' };
}

/** A reply appended to its check-in unless it is already there (or the check-in is not loaded). */
export function addReply(
  feed: Feed,
  checkinId: string,
  reply: Reply,
  fromHost: boolean,
): { feed: Feed; added: boolean } {
  const checkin = feed.items.find((c): c is Checkin => c.id === checkinId && isCheckin(c));
  if (!checkin || checkin.replies.some((r) => r.id === reply.id)) return { feed, added: false };
  return { feed: upsertItem(feed, { ...checkin, replies: [...checkin.replies, reply] }, fromHost).feed, added: true };
}

/**
 * An older page merged in (see mergeOlder); the window takes the new entries when it reached
 * the end of the list. `added` counts the entries that were not here.
 */
export function mergePage(feed: Feed, page: Page<HistoryItem>): { feed: Feed; added: number } {
  const { items, added } = mergeOlder(feed.items, page.items);
  const wasAtEnd = feed.end >= feed.items.length;
  const merged: Feed = {
    ...feed,
    items,
    nextCursor: page.nextCursor,
    total: page.total != null ? page.total : feed.total,
  };
  return { feed: wasAtEnd ? showOlder(merged, added) : merged, added };
}

/** What a fresh first page (a catch-up) does to the feed on screen. */
export type Catchup =
  /** More arrived than one page holds: a gap would hide entries, so the list starts again from it. */
  | { action: 'reset'; feed: Feed }
  /** Changed entries replaced in place, `added` new ones inserted, the total the backend's. */
  | { action: 'merge'; feed: Feed; added: number };

/** Reconciles a fresh first page with what is on screen, by id: nothing twice, nothing missing. */
export function mergeNewest(feed: Feed, page: Page<HistoryItem>, fromHost: boolean): Catchup {
  const known = new Set(feed.items.map((c) => c.id));
  const fresh = dedupe(page.items);
  if (feed.items.length && page.nextCursor && !fresh.some((c) => known.has(c.id))) {
    return { action: 'reset', feed: resetFeed(fresh, page.nextCursor, page.total) };
  }
  let next = feed;
  let added = 0;
  for (const item of fresh) {
    const result = upsertItem(next, item, fromHost);
    next = result.feed;
    if (result.action === 'insert') added++;
  }
  // The backend's count, not ours.
  if (page.total != null) next = { ...next, total: page.total };
  return { action: 'merge', feed: next, added };
}
