/**
 * Bulk deterministic history for stories and performance checks: `generateHistory` gives the
 * same check-ins for the same contract, count, now and seed.
 */
import type { Checkin, Contract } from '../model.js';
import { openCheckin } from './memory-data.js';
import { DAY, HOUR, WEEK, answers, iso } from './memory-seed.js';

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const WORK = [
  'Built the search results page',
  'Refactored the API client',
  'Fixed the flaky checkout tests',
  'Wrote the migration for the new billing tables',
  'Reviewed the design changes and updated the components',
  'Added keyboard support to the date picker',
  'Profiled and sped up the dashboard load',
  'Paired with QA on the release candidate',
];
const NEXT = [
  'Finish the filters and start on saved searches.',
  'Error states and loading skeletons.',
  'Release checklist and handover notes.',
  'Start the reporting module.',
  'Accessibility fixes from the audit.',
];
const BLOCKERS = [
  'Waiting on the final copy from marketing.',
  'Staging is down half the time; builds are slow.',
  'Need a decision on the pricing table layout.',
];
const REPLIES = [
  'Thanks, looks good.',
  'Can we talk about this on Monday?',
  'Noted, I will follow up.',
  'Great progress!',
];

/**
 * `count` weekly check-ins for `contract`, newest first, one week apart (Fridays 15:00 UTC up
 * to `now`): the newest open, the rest mostly answered (some with blockers), a few missed,
 * skipped or requested. The same contract, count, now and seed give the same result.
 */
export function generateHistory(
  contract: Contract,
  count: number,
  options: { now?: number; seed?: number } = {},
): Checkin[] {
  const now = options.now ?? Date.now();
  const next = random(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  // The latest Friday 15:00 UTC at or before now.
  const anchor = new Date(now);
  let latest = Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate(), 15);
  while (new Date(latest).getUTCDay() !== 5 || latest > now) latest -= DAY;

  const result: Checkin[] = [];
  for (let i = 0; i < Math.max(0, Math.floor(count)); i++) {
    result.push(generatedWeek(contract, { index: i, count, due: latest - i * WEEK }, next, pick));
  }
  return result;
}

/** The `index`-th generated check-in (0 = newest, left open), due at `due`. */
function generatedWeek(
  contract: Contract,
  at: { index: number; count: number; due: number },
  next: () => number,
  pick: <T>(items: readonly T[]) => T,
): Checkin {
  const { index: i, count, due } = at;
  const dueAt = iso(due);
  const roll = next();
  const requested = i > 0 && roll > 0.95;
  const kind: Checkin['kind'] = requested ? 'requested' : 'scheduled';
  const id = `${contract.id}-g${count - i}`;
  const base = openCheckin(contract, {
    id,
    kind,
    dueAt: requested ? iso(due - 2 * DAY) : dueAt,
    message: 'Could you send a short status before the review?',
  });
  if (i > 0 && roll < 0.08) {
    base.status = 'missed';
  } else if (i > 0 && roll < 0.14) {
    base.status = 'skipped';
    base.skipNote = 'Not working this week.';
  } else if (i > 0) {
    answer(base, contract, i > 1, next, pick);
  }
  return base;
}

/**
 * Fills `base` in as answered a while after its prompt, sometimes with blockers and replies;
 * seen by the client when `acknowledged`.
 */
function answer(
  base: Checkin,
  contract: Contract,
  acknowledged: boolean,
  next: () => number,
  pick: <T>(items: readonly T[]) => T,
): void {
  const blocked = next() < 0.25;
  base.status = 'answered';
  base.answers = answers(`${pick(WORK)}.`, pick(NEXT), blocked ? pick(BLOCKERS) : 'None');
  base.health = blocked ? (next() < 0.5 ? 'at-risk' : 'off-track') : 'on-track';
  base.answeredAt = iso(Date.parse(base.dueAt) + Math.floor(next() * 48) * HOUR);
  if (acknowledged) base.acknowledgedAt = iso(Date.parse(base.answeredAt) + 6 * HOUR);
  const replies = Math.floor(next() * 3);
  for (let r = 0; r < replies; r++) {
    const author = r % 2 === 0 ? contract.client : contract.talent;
    base.replies.push({
      id: `${base.id}-re${r + 1}`,
      author,
      text: pick(REPLIES),
      createdAt: iso(Date.parse(base.answeredAt) + (r + 1) * 3 * HOUR),
    });
  }
}
