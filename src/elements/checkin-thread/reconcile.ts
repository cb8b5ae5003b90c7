import { itemTime, type HistoryItem } from '../../model.js';

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
