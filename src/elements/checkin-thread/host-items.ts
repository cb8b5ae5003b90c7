import { validateCheckin } from '../../adapters/validate.js';
import { CheckinError, type Checkin, type HistoryItem } from '../../model.js';
import { reportError } from '../shared.js';
import { SLICE } from './feed.js';

// A history handed over by the host (`checkins`) is checked like the adapter's data: a
// malformed item becomes an `invalid` error naming it, never a crash in the middle of rendering.

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
export function checkHostItem(item: unknown, indexOf: () => number): void {
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
 * Checking every item of a long history up front costs a frame (10,000 items: 10+ ms), so only
 * what every item needs to be kept and looked up (an object with a string id) is checked for
 * all; the rest is checked for the first window here and for later windows as they are rendered.
 */
export function checkHostItems(items: unknown): void {
  if (!Array.isArray(items)) {
    throw new CheckinError('invalid', 'Invalid data in the checkins property: it must be a list of check-ins.', {
      retryable: false,
    });
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

export function isValidHistory(items: unknown): boolean {
  try {
    checkHostItems(items);
    return true;
  } catch {
    return false;
  }
}

/** Checks `items` of the host's `list` (each once); the first failure, if any. */
export function checkAll(items: readonly HistoryItem[], list: readonly unknown[] | undefined): CheckinError | null {
  try {
    for (const item of items) checkHostItem(item, () => (list ?? []).indexOf(item));
    return null;
  } catch (error) {
    return CheckinError.from(error);
  }
}

/** The host's items of the window being rendered, checked; a malformed one is reported once. */
export class HostWindowCheck {
  /** The failure of the window last rendered, if any: shown instead of the feed. */
  error: CheckinError | null = null;
  private reported: string | null = null;

  check(visible: readonly HistoryItem[], list: readonly unknown[] | undefined, fromHost: boolean): CheckinError | null {
    return (this.error = fromHost ? checkAll(visible, list) : null);
  }

  /** After a render: reports a failure not reported yet (as a failed `load`). */
  report(host: HTMLElement): void {
    const failure = this.error;
    if (!failure || failure.message === this.reported) return;
    this.reported = failure.message;
    reportError(host, failure, 'load');
  }
}
