/**
 * Idempotent writes of the memory backend: a write runs once per (viewer, method, key); a
 * repeat with the same input returns the first result without a second effect, a repeat with
 * other input is refused. Failures are not stored, so a retry after a failure really retries.
 */
import { LIMITS } from '../limits.js';
import { fail, iso, type MemoryIdempotencyRecord } from './memory-data.js';
import { fingerprint } from './memory-paging.js';

// Old records are dropped past this count; a retry comes within minutes, not weeks.
const MAX_RECORDS = 1000;

export function runIdempotent<T>(
  records: Record<string, MemoryIdempotencyRecord>,
  slot: { viewerId: string; method: string; key: unknown; input: unknown; now: number },
  write: () => T,
): T {
  const { key } = slot;
  if (typeof key !== 'string' || !key.trim() || key.length > LIMITS.idempotencyKey) {
    throw fail('invalid', `This change needs an idempotency key of 1 to ${LIMITS.idempotencyKey} characters.`);
  }
  const name = JSON.stringify([slot.viewerId, slot.method, key]);
  const print = fingerprint(slot.input);
  const prior = records[name];
  if (prior) {
    if (prior.fingerprint !== print) {
      throw fail('invalid', 'This idempotency key was already used for a different request.');
    }
    return structuredClone(prior.result) as T;
  }
  const result = write();
  records[name] = { fingerprint: print, result: structuredClone(result), at: iso(slot.now) };
  const names = Object.keys(records);
  for (const old of names.slice(0, Math.max(0, names.length - MAX_RECORDS))) delete records[old];
  return result;
}
