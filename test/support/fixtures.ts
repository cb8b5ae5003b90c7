// Fixtures of the element tests: a pinned clock, stores seeded with the demo data, adapters on
// them, gates that hold an adapter's answer, and watchers for unhandled rejections.
import { MemoryAdapter, MemoryStore, seedDemo, type MemoryData } from '../../src/adapters/memory.js';
import type { CheckinAdapter } from '../../src/adapters/adapter.js';
import { DEFAULT_REQUEST_POLICY } from '../../src/adapters/resilient.js';
import type { Checkin } from '../../src/model.js';

/** Friday 27 November 2026, 17:00 UTC: this week's Atlas prompt (15:00 UTC) has just opened. */
export const FRIDAY = Date.parse('2026-11-27T17:00:00.000Z');
/** The open Atlas check-in at FRIDAY. */
export const OPEN_ID = 'c-atlas-20261127T150000Z';
/** Answered, not yet seen (the client's "Mark as seen" is offered). */
export const UNSEEN_ID = 'c-atlas-20261120T150000Z';
export const HOUR = 3_600_000;

/** Retries that do not wait (the policy is the default one otherwise: 3 tries). */
export const NO_WAIT = { baseDelayMs: 0 } as const;
/** Reads are tried this many times before a failure is shown: fail every one of them. */
export const EVERY_TRY = DEFAULT_REQUEST_POLICY.attempts;

/** A fresh store at `now` (a function, so a test can move the server's clock). */
export function world(now: () => number = () => FRIDAY, mutate?: (data: MemoryData) => void): MemoryStore {
  const data = structuredClone(seedDemo({ now: now() }));
  mutate?.(data);
  return new MemoryStore(data, { clock: now });
}

export function adapterFor(store: MemoryStore, viewerId: string, contractId = 'c-atlas'): MemoryAdapter {
  return new MemoryAdapter({ store, viewerId, contractId });
}

export const calls = (adapter: MemoryAdapter, method: string) => adapter.calls.filter((c) => c.method === method);
/** The options object (idempotency key, signal) of a recorded call. */
export const optionsOf = (call: { args: unknown[] }) =>
  call.args[call.args.length - 1] as { idempotencyKey?: string; signal?: AbortSignal } | undefined;
export const keyOf = (call: { args: unknown[] }) => optionsOf(call)?.idempotencyKey;

/** Collects `unhandledrejection` and `error` events until `stop()`. */
export function watchUnhandled(): { reasons: string[]; stop: () => void } {
  const reasons: string[] = [];
  const onRejection = (event: PromiseRejectionEvent) => {
    reasons.push(String((event.reason as Error)?.stack ?? event.reason));
  };
  const onError = (event: ErrorEvent) => reasons.push(String(event.message));
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
  return {
    reasons,
    stop: () => {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    },
  };
}

/** Makes `navigator.onLine` say `online` until the returned function restores it. */
export function stubOnline(online: boolean): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  return () => {
    delete (navigator as { onLine?: boolean }).onLine;
  };
}

export interface Gate {
  /** Resolves the held calls (with the real answer the adapter gives then). */
  open(): void;
  /** How many calls are being held. */
  readonly held: number;
}

type Method = (...args: unknown[]) => Promise<unknown>;
const methodOf = (adapter: MemoryAdapter, method: keyof CheckinAdapter) =>
  ((adapter as unknown as Record<string, unknown>)[method] as Method).bind(adapter);
const replace = (adapter: MemoryAdapter, method: keyof CheckinAdapter, by: Method) => {
  (adapter as unknown as Record<string, unknown>)[method] = by;
};

/**
 * Holds every call of `method` whose arguments match `when` until `gate.open()`, ignoring the
 * call's abort signal, the way a backend that does not honour aborts answers late. The call
 * reaches the adapter (and is recorded) only when the gate opens.
 */
export function hold(
  adapter: MemoryAdapter,
  method: keyof CheckinAdapter,
  when: (...args: unknown[]) => boolean = () => true,
): Gate {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  const original = methodOf(adapter, method);
  replace(adapter, method, (...args) => {
    if (!when(...args)) return original(...args);
    held++;
    // Stripped of its signal: the answer comes however the caller has moved on.
    const unsignalled = args.map((a) =>
      a && typeof a === 'object' && 'signal' in (a as object) ? { ...(a as object), signal: undefined } : a,
    );
    return opened.then(() => original(...unsignalled));
  });
  return {
    open: () => release(),
    get held() {
      return held;
    },
  };
}

/**
 * The first call of `method` reaches the adapter (its effect happens) but its answer is lost on
 * the way back: it never settles until its signal aborts, as when the network drops after the
 * request was sent. Later calls pass through.
 */
export function loseFirstAnswer(adapter: MemoryAdapter, method: keyof CheckinAdapter): { lost: Promise<void> } {
  let armed = true;
  let markLost!: () => void;
  const lost = new Promise<void>((resolve) => (markLost = resolve));
  const original = methodOf(adapter, method);
  replace(adapter, method, (...args) => {
    const answer = original(...args);
    if (!armed) return answer;
    armed = false;
    const signal = (args[args.length - 1] as { signal?: AbortSignal } | undefined)?.signal;
    return answer.then(
      () =>
        new Promise((_, reject) => {
          markLost();
          signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
        }),
    );
  });
  return { lost };
}

/** The client of the pure tables' check-ins. */
export const DANA = { id: 'u-dana', name: 'Dana Whitfield', timeZone: 'America/New_York' };

/** A check-in of contract 'c' due on 2026-11-`day` at 15:00 UTC, open unless `fields` say else. */
export function checkinOn(id: string, day: number, fields: Partial<Checkin> = {}): Checkin {
  return {
    id,
    contractId: 'c',
    kind: 'scheduled',
    dueAt: new Date(Date.UTC(2026, 10, day, 15)).toISOString(),
    status: 'open',
    requestedBy: DANA,
    answers: [],
    health: null,
    answeredAt: null,
    editedAt: null,
    skipNote: null,
    acknowledgedAt: null,
    replies: [],
    ...fields,
  } as Checkin;
}
