/**
 * The one place where the elements' requests get a time limit, automatic retries and an end.
 * Every element talks to its adapter through this wrapper (ConnectionController builds it), so
 * the policy below is the same for the toggle, the form and the thread. No Lit, no DOM beyond
 * `navigator.onLine` and timers.
 *
 * - Every call gives up after `timeoutMs`: the adapter's signal is aborted and the call rejects
 *   with `CheckinError('timeout')`, which the element shows with a retry.
 * - Reads (`getViewer`, `getContract`, `getSettings`, `listCheckins`) that fail with `network`,
 *   `timeout` or `unavailable` are tried again, up to `attempts` tries in all, after a capped
 *   exponential backoff with jitter. `rate-limited` is never retried automatically (the backend
 *   said when to come back), and nothing is retried while the browser says it is offline (the
 *   elements retry when the `online` event fires).
 * - Writes are tried once. Only the person's own "Try again" repeats them, with the idempotency
 *   key of the first attempt, so that a write that did arrive is not applied twice.
 * - `lifetime` aborts every call, e.g. when the element leaves the page.
 */
import { CheckinError, isAbortError } from '../model.js';
import type { CheckinErrorCode } from '../model.js';
import type { CheckinAdapter } from './adapter.js';

/** How long a request may take and how reads are retried. */
export interface RequestPolicy {
  /** The longest wait for one attempt, in milliseconds. */
  timeoutMs: number;
  /** Tries of a read in all, the first one included (1 = no automatic retry). */
  attempts: number;
  /** The wait before the first retry, in milliseconds; it doubles for each further retry. */
  baseDelayMs: number;
  /** The longest wait between two tries, in milliseconds. */
  maxDelayMs: number;
}

/** The retry part of a `RequestPolicy` (what an element's `retryPolicy` property sets). */
export type RetryPolicy = Pick<RequestPolicy, 'attempts' | 'baseDelayMs' | 'maxDelayMs'>;

/** 15 s per attempt; reads tried 3 times, waiting 0.25-0.5 s, then 0.5-1 s (never over 4 s). */
export const DEFAULT_REQUEST_POLICY: Readonly<RequestPolicy> = /* @__PURE__ */ Object.freeze({
  timeoutMs: 15_000,
  attempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 4_000,
});

/** No more automatic tries than this, whatever a host sets. */
const MAX_ATTEMPTS = 10;
/** setTimeout cannot wait longer (2^31 - 1 ms); longer limits would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

const READS = new Set<keyof CheckinAdapter>(['getViewer', 'getContract', 'getSettings', 'listCheckins', 'listHistory']);
const AUTO_RETRIED = new Set<CheckinErrorCode>(['network', 'timeout', 'unavailable']);

function positive(value: unknown, max = Number.POSITIVE_INFINITY): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(value, max) : undefined;
}

function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * The policy in force: each field from the first layer that sets it to a usable value (an
 * element's own settings first, then its provider's), else the default. Nonsense values
 * (negative, zero, NaN, strings) are skipped rather than trusted.
 */
export function resolvePolicy(...layers: ReadonlyArray<Partial<RequestPolicy> | null | undefined>): RequestPolicy {
  const pick = <K extends keyof RequestPolicy>(key: K, check: (value: unknown) => number | undefined): number => {
    for (const layer of layers) {
      const value = check(layer?.[key]);
      if (value !== undefined) return value;
    }
    return DEFAULT_REQUEST_POLICY[key];
  };
  return {
    timeoutMs: pick('timeoutMs', (v) => positive(v, MAX_TIMER_MS)),
    attempts: Math.floor(pick('attempts', (v) => positive(v, MAX_ATTEMPTS))) || 1,
    baseDelayMs: pick('baseDelayMs', nonNegative),
    maxDelayMs: pick('maxDelayMs', nonNegative),
  };
}

/**
 * The wait after failed try number `attempt` (1-based): `min(maxDelayMs, baseDelayMs * 2^(attempt-1))`,
 * scaled by a jitter between 0.5 and 1 so that many pages coming back at once do not retry in
 * step. `random` returns a number in [0, 1).
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<RequestPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling * (0.5 + r / 2));
}

/** True for a failure that a read retries by itself. */
export function isAutoRetried(error: unknown): boolean {
  return error instanceof CheckinError && error.retryable && AUTO_RETRIED.has(error.code);
}

/** One retry about to happen, for hosts that log or show it. */
export interface RetryInfo {
  method: string;
  /** The try that just failed (1-based). */
  attempt: number;
  error: CheckinError;
  delayMs: number;
}

/** Options of `resilient`. */
export interface ResilienceOptions {
  /** The policy, read at every call (so that a changed attribute applies to the next request). */
  policy?: () => Partial<RequestPolicy> | undefined;
  /** A signal that aborts every call made while it is current (the element's time on the page). */
  lifetime?: () => AbortSignal | undefined;
  /** Waits between tries; tests inject one that records the delay and resolves at once. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The jitter's source, [0, 1) (default `Math.random`). */
  random?: () => number;
  /** False while the browser is offline (default: `navigator.onLine`); no retry then. */
  online?: () => boolean;
  /** Told before each automatic retry. */
  onRetry?: (info: RetryInfo) => void;
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} milliseconds`;
  const s = Math.round(ms / 100) / 10;
  return s === 1 ? '1 second' : `${s} seconds`;
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function defaultOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/** One signal that aborts when any of `signals` does (AbortSignal.any, without needing it). */
function anySignal(signals: ReadonlyArray<AbortSignal | undefined>): {
  signal: AbortSignal;
  dispose: () => void;
} {
  const controller = new AbortController();
  const present = signals.filter((s): s is AbortSignal => !!s);
  const onAbort = () => controller.abort();
  for (const s of present) {
    if (s.aborted) {
      controller.abort();
      break;
    }
    s.addEventListener('abort', onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    dispose: () => present.forEach((s) => s.removeEventListener('abort', onAbort)),
  };
}

/**
 * One try: the adapter gets its own signal, aborted when `outer` aborts or the time is up.
 * The returned promise settles then, whether or not the adapter honours its signal.
 */
function attempt<T>(run: (signal: AbortSignal) => Promise<T>, outer: AbortSignal, timeoutMs: number): Promise<T> {
  if (outer.aborted) return Promise.reject(abortError());
  const inner = new AbortController();
  return new Promise<T>((resolve, reject) => {
    // eslint-disable-next-line prefer-const -- assigned below, after `finish`, which clears it
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      clearTimeout(timer);
      outer.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      inner.abort(abortError());
      reject(abortError());
    };
    outer.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(() => {
      finish();
      inner.abort(new DOMException('The request took too long.', 'TimeoutError'));
      reject(new CheckinError('timeout', `No answer within ${duration(timeoutMs)}, so the request was stopped.`));
    }, timeoutMs);
    let pending: Promise<T>;
    try {
      pending = run(inner.signal);
    } catch (error) {
      pending = Promise.reject(error);
    }
    // Whatever the adapter does after the timeout or abort is ignored (and never unhandled).
    pending.then(
      (value) => {
        finish();
        resolve(value);
      },
      (error) => {
        finish();
        reject(isAbortError(error) && !outer.aborted && !inner.signal.aborted ? CheckinError.from(error) : error);
      },
    );
  });
}

const bases = new WeakMap<CheckinAdapter, { adapter: CheckinAdapter; options: ResilienceOptions }>();

/** The adapter and options a `resilient` wrapper was made from, or undefined for any other adapter. */
export function unwrapResilient(
  adapter: CheckinAdapter,
): { adapter: CheckinAdapter; options: ResilienceOptions } | undefined {
  return bases.get(adapter);
}

type MethodName = Exclude<keyof CheckinAdapter, 'subscribe'>;

/** Where each method takes its options object (the one that carries `signal`). */
const OPTIONS_AT: Record<MethodName, number> = {
  getViewer: 0,
  getContract: 1,
  getSettings: 1,
  updateSettings: 2,
  listCheckins: 1,
  listHistory: 1,
  submitAnswers: 3,
  skipCheckin: 3,
  acknowledge: 2,
  requestUpdate: 2,
  reply: 3,
};

/**
 * Wraps `adapter` (normally the `validated` one) with the time limit, retry and lifetime rules
 * described at the top of this module. `subscribe` passes through unchanged.
 */
export function resilient(adapter: CheckinAdapter, options: ResilienceOptions = {}): CheckinAdapter {
  const wrapper = {} as CheckinAdapter;
  for (const name of Object.keys(OPTIONS_AT) as MethodName[]) {
    // Optional methods stay absent when the host's adapter lacks them, so callers can tell.
    if (name === 'listHistory' && typeof adapter.listHistory !== 'function') continue;
    (wrapper as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => call(adapter, options, name, args);
  }
  if (typeof adapter.subscribe === 'function') {
    wrapper.subscribe = (contractId, listener) => adapter.subscribe!(contractId, listener);
  }
  bases.set(wrapper, { adapter, options });
  return wrapper;
}

/** One call of `name`: timed, retried when it is a read and the failure is transient. */
async function call(
  adapter: CheckinAdapter,
  options: ResilienceOptions,
  name: MethodName,
  args: unknown[],
): Promise<unknown> {
  const wait = options.sleep ?? sleep;
  const online = options.online ?? defaultOnline;
  const at = OPTIONS_AT[name];
  const given = (args[at] ?? {}) as { signal?: AbortSignal };
  const outer = anySignal([given.signal, options.lifetime?.()]);
  const method = (adapter as unknown as Record<string, unknown>)[name];
  const once = (signal: AbortSignal) => {
    const copy = args.slice();
    copy[at] = { ...given, signal };
    return (method as (...a: unknown[]) => Promise<unknown>).apply(adapter, copy);
  };
  try {
    if (typeof method !== 'function') {
      throw new CheckinError('unavailable', `The adapter has no ${name} method.`, { retryable: false });
    }
    for (let tried = 1; ; tried++) {
      const policy = resolvePolicy(options.policy?.());
      try {
        return await attempt(once, outer.signal, policy.timeoutMs);
      } catch (error) {
        if (outer.signal.aborted || isAbortError(error)) throw error;
        const failure = CheckinError.from(error);
        if (!READS.has(name) || !isAutoRetried(failure) || tried >= policy.attempts || !online()) throw failure;
        const delayMs = backoffDelay(tried, policy, options.random);
        options.onRetry?.({ method: name, attempt: tried, error: failure, delayMs });
        await wait(delayMs, outer.signal);
      }
    }
  } finally {
    outer.dispose();
  }
}
