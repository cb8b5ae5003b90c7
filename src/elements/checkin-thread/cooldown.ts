import { DEFAULT_POLICY, isCheckin, type HistoryItem, type Policy, type Settings } from '../../model.js';

// When the client may request another update: the cooldown after the latest requested check-in
// (the policy's hours), or the backend's own `retryAt` after it refused as rate-limited. Pure.

const HOUR = 3_600_000;
/** A cooldown shown re-renders at least this often, so that "in 5 hours" stays true. */
const TICK = 60_000;

const latest = new WeakMap<readonly HistoryItem[], number | null>();

/** The latest due time of a requested check-in in `items` (ms), or null; computed once per list. */
export function latestRequest(items: readonly HistoryItem[]): number | null {
  if (latest.has(items)) return latest.get(items)!;
  let at: number | null = null;
  for (const c of items) {
    if (!isCheckin(c) || c.kind !== 'requested') continue;
    const due = Date.parse(c.dueAt);
    if (at === null || due > at) at = due;
  }
  latest.set(items, at);
  return at;
}

/** Field by field: the host's override, else the policy the backend enforces, else the default. */
export function cooldownHours(policy?: Partial<Policy>, settings?: Settings): number {
  return (
    policy?.requestUpdateCooldownHours ??
    settings?.policy?.requestUpdateCooldownHours ??
    DEFAULT_POLICY.requestUpdateCooldownHours
  );
}

export interface CooldownInput {
  items: readonly HistoryItem[];
  hours: number;
  /** Until when the backend refused as rate-limited, if it did. */
  rateLimitedUntil: number | null;
  now: number;
}

/** When the client may request again (ms), or null when they may now. */
export function cooldownUntil({ items, hours, rateLimitedUntil, now }: CooldownInput): number | null {
  const requested = latestRequest(items);
  const fromRequest = requested === null ? null : requested + hours * HOUR;
  const until = Math.max(fromRequest ?? -Infinity, rateLimitedUntil ?? -Infinity);
  return until > now ? until : null;
}

/** How long until the cooldown shown should be drawn again: its end, or a minute at most. */
export const cooldownTick = (until: number, now: number): number => Math.min(until - now + 50, TICK);
