/**
 * Keyset paging and request fingerprints of the memory backend: pure, JSON in and out.
 */
import { LIMITS } from '../limits.js';
import type { Page } from '../model.js';
import type { ListOptions } from './adapter.js';
import { fail, ms } from './memory-data.js';

interface Position {
  d: number;
  i: string;
}

/** JSON with sorted keys: two equal inputs give the same fingerprint whatever their key order. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function encodeCursor(position: Position): string {
  const bytes = new TextEncoder().encode(JSON.stringify(position));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): Position {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const position = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (typeof position?.d === 'number' && Number.isFinite(position.d) && typeof position.i === 'string') {
      return position;
    }
  } catch {
    // Falls through to the error below: any garbage is the same mistake to the caller.
  }
  throw fail('invalid', 'The page cursor is not valid. Start again from the first page.');
}

/**
 * One page of `all` (sorted newest first by `time`, ids breaking ties). Keyset paging: a page
 * starts after the last item seen, so items created meanwhile at the top never shift later
 * pages (no duplicates, no gaps).
 */
export function pageOf<T extends { id: string }>(
  all: readonly T[],
  time: (item: T) => string,
  options: ListOptions = {},
): Page<T> {
  const limit = options.limit ?? LIMITS.pageSize;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw fail('invalid', 'The page size must be a whole number of at least 1.');
  }
  const size = Math.min(limit, LIMITS.maxPageSize);
  let start = 0;
  if (options.cursor !== undefined && options.cursor !== null) {
    if (typeof options.cursor !== 'string') throw fail('invalid', 'The page cursor is not valid.');
    const { d, i } = decodeCursor(options.cursor);
    start = all.findIndex((item) => ms(time(item)) < d || (ms(time(item)) === d && item.id < i));
    if (start < 0) start = all.length;
  }
  const items = all.slice(start, start + size);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: start + size < all.length && last ? encodeCursor({ d: ms(time(last)), i: last.id }) : null,
    total: all.length,
  };
}
