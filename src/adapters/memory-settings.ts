/**
 * The settings rules of the memory backend, as pure functions: who may change which field,
 * which transitions are allowed, what each change records in the history, and which open
 * check-ins it closes. The store adds versions, idempotency, storage and events around them.
 */
import { LIMITS } from '../limits.js';
import type { ActivityChange, ClosedReason, Contract, Party, Policy, Role, Schedule, Settings } from '../model.js';
import { checkEligibility, localDateOf, validateSchedule } from '../schedule/index.js';
import type { SettingsChange } from './adapter.js';
import { fail, iso } from './memory-data.js';
import { checkQuestions } from './memory-input.js';

const FIELDS = ['enabled', 'schedule', 'questions', 'consent'] as const;

/** What a change does: the settings after it, its history entries, the check-ins it closes. */
export interface SettingsOutcome {
  next: Settings;
  changes: ActivityChange[];
  /** Set when open scheduled check-ins close: check-ins turned off, consent declined or withdrawn. */
  closes: ClosedReason | null;
  /** True when the schedule changed: prompts of the new one start after now. */
  scheduleChanged: boolean;
}

export interface ChangeContext {
  contract: Contract;
  role: Role;
  actor: Party;
  policy: Policy;
  now: number;
}

/** The fields a change sets; `invalid` or `forbidden` when the role may not set them. */
export function checkChangeFields(change: SettingsChange, role: Role): string[] {
  if (role === 'observer') throw fail('forbidden', 'Observers can read check-ins but not change them.');
  if (!change || typeof change !== 'object') throw fail('invalid', 'The change must be an object.');
  const fields = Object.keys(change).filter((k) => (change as Record<string, unknown>)[k] !== undefined);
  const unknown = fields.find((f) => !(FIELDS as readonly string[]).includes(f));
  if (unknown) throw fail('invalid', `Settings have no field "${unknown}".`);
  if (!fields.length) throw fail('invalid', 'The change is empty: there is nothing to update.');
  if (role === 'talent' && fields.some((f) => f !== 'consent')) {
    throw fail('forbidden', 'Only the client can turn check-ins on or off or change their schedule and questions.');
  }
  if (role === 'client' && fields.includes('consent')) {
    throw fail('forbidden', 'Only the freelancer can give, decline or withdraw consent to check-ins.');
  }
  return fields;
}

/** Consent moves: given from pending, declined or withdrawn; declined from pending; withdrawn from given. */
const CONSENT_FROM: Record<string, readonly string[]> = {
  given: ['pending', 'declined', 'withdrawn'],
  declined: ['pending'],
  withdrawn: ['given'],
};

function checkConsent(current: Settings, consent: unknown): Settings['consent'] {
  if (consent !== 'given' && consent !== 'declined' && consent !== 'withdrawn') {
    throw fail('invalid', 'Consent can only be "given", "declined" or "withdrawn".');
  }
  if (current.consent === 'not-needed') throw fail('invalid', 'Consent is not asked for on this contract.');
  if (!CONSENT_FROM[consent]!.includes(current.consent)) {
    throw fail(
      'conflict',
      consent === 'withdrawn'
        ? 'Consent can only be withdrawn after it was given.'
        : consent === 'declined'
          ? 'Check-ins can only be declined while they wait for an answer; withdraw your consent instead.'
          : 'Consent was already given.',
    );
  }
  return consent;
}

/** Added skip dates must be prompt days from today on; at most `LIMITS.skipDates` are kept. */
function checkSkipDates(current: Schedule, next: Schedule, now: number): void {
  if (next.skipDates.length > LIMITS.skipDates) {
    throw fail('invalid', `A schedule can keep at most ${LIMITS.skipDates} skip dates.`);
  }
  const today = localDateOf(now, next.timeZone);
  for (const date of next.skipDates) {
    if (current.skipDates.includes(date)) continue;
    if (date < today) {
      throw fail('invalid', `${date} is in the past: only a coming check-in can be skipped.`);
    }
    // A plain date's weekday (1 = Monday) is the same in every zone.
    const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    if (weekday !== next.weekday) {
      throw fail('invalid', `${date} is not a check-in day: check-ins are asked on another weekday.`);
    }
  }
}

function scheduleChanges(from: Schedule, to: Schedule): ActivityChange[] {
  const changes: ActivityChange[] = [];
  const slot = (s: Schedule) => ({ weekday: s.weekday, time: s.time, timeZone: s.timeZone });
  if (from.weekday !== to.weekday || from.time !== to.time || from.timeZone !== to.timeZone) {
    changes.push({ type: 'schedule', from: slot(from), to: slot(to) });
  }
  if (from.pausedUntil !== to.pausedUntil) changes.push({ type: 'pause', pausedUntil: to.pausedUntil });
  const added = to.skipDates.filter((d) => !from.skipDates.includes(d));
  const removed = from.skipDates.filter((d) => !to.skipDates.includes(d));
  if (added.length || removed.length) changes.push({ type: 'skip-dates', added, removed });
  return changes;
}

/**
 * Turns check-ins on or off in `next` (a copy of `current`), noting the change; returns the
 * reason open scheduled check-ins close, if they do.
 */
function switchTo(
  enabled: unknown,
  current: Settings,
  next: Settings,
  changes: ActivityChange[],
  { contract, actor, policy, now }: ChangeContext,
): ClosedReason | null {
  if (typeof enabled !== 'boolean') throw fail('invalid', '"enabled" must be true or false.');
  let closes: ClosedReason | null = null;
  if (enabled && !current.enabled) {
    const eligibility = checkEligibility(contract, policy, now);
    if (!eligibility.eligible) {
      throw fail('invalid', eligibility.reason ?? 'Check-ins are not offered for this contract.');
    }
    // Each switch-on is announced afresh; where policy requires it, the talent agrees anew.
    next.consent = policy.consent === 'required' ? 'pending' : 'not-needed';
    next.enabledAt = iso(now);
    next.enabledBy = actor;
    next.disabledAt = null;
    next.disabledBy = null;
    changes.push({ type: 'enabled' });
  } else if (!enabled && current.enabled) {
    next.disabledAt = iso(now);
    next.disabledBy = actor;
    closes = 'turned-off';
    changes.push({ type: 'disabled' });
  }
  next.enabled = enabled;
  return closes;
}

/** Applies `change` to `current` (already version-checked); throws when a rule refuses it. */
export function applySettingsChange(
  current: Settings,
  change: SettingsChange,
  context: ChangeContext,
): SettingsOutcome {
  const { now } = context;
  const next = structuredClone(current);
  const changes: ActivityChange[] = [];
  let closes: ClosedReason | null = null;
  let scheduleChanged = false;
  if (change.enabled !== undefined) closes = switchTo(change.enabled, current, next, changes, context);
  if (change.schedule !== undefined) {
    try {
      next.schedule = validateSchedule(change.schedule);
    } catch (error) {
      throw fail('invalid', error instanceof Error ? error.message : String(error));
    }
    checkSkipDates(current.schedule, next.schedule, now);
    const found = scheduleChanges(current.schedule, next.schedule);
    scheduleChanged = found.length > 0;
    changes.push(...found);
  }
  if (change.questions !== undefined) {
    next.questions = checkQuestions(change.questions);
    if (JSON.stringify(next.questions) !== JSON.stringify(current.questions)) {
      changes.push({
        type: 'questions',
        prompts: next.questions.map((q) => q.prompt),
        previous: current.questions.map((q) => q.prompt),
      });
    }
  }
  if (change.consent !== undefined) {
    const consent = checkConsent(current, change.consent);
    next.consent = consent;
    next.consentAt = iso(now);
    if (consent !== 'given') closes ??= consent as ClosedReason;
    changes.push({ type: 'consent', consent: consent as 'given' | 'declined' | 'withdrawn' });
  }
  return { next, changes, closes, scheduleChanged };
}
