/**
 * `checkin-elements/adapters/memory`: the reference adapter. It keeps everything in memory
 * (a `MemoryStore`, shareable between a client's and a talent's adapter), enforces the same
 * rules as a real backend, and lets tests inject latency and failures. No Lit, no DOM.
 */
import { CheckinError } from '../model.js';
import type { Checkin, CheckinErrorCode, Contract, HistoryItem, Page, Reply, Settings, Viewer } from '../model.js';
import type {
  AnswersInput,
  CheckinAdapter,
  CheckinEvent,
  ListOptions,
  ReadOptions,
  SettingsChange,
  UpdateSettingsOptions,
  WriteOptions,
} from './adapter.js';
import { MemoryStore } from './memory-store.js';
import type { MemorySession } from './memory-store.js';

export { MemoryStore, defaultSettings } from './memory-store.js';
export type {
  MemoryData,
  MemoryIdempotencyRecord,
  MemorySession,
  MemoryStoreOptions,
  MemoryUser,
} from './memory-store.js';
export { seedDemo } from './memory-seed.js';
export { generateHistory } from './memory-generate.js';

/** Options of `MemoryAdapter`. */
export interface MemoryAdapterOptions {
  /** The shared backend; a fresh `seedDemo()` store when omitted. */
  store?: MemoryStore;
  /** Who is signed in. */
  viewerId: string;
  /** The contract whose role `getViewer()` reports (else the first one the user is party to). */
  contractId?: string;
  /** Delay before every answer, in milliseconds (default 0; results are async regardless). */
  latencyMs?: number;
}

type Method = keyof CheckinAdapter;

const MAX_CALLS = 1000;

type Fault =
  | { kind: 'fail'; code: CheckinErrorCode; message?: string }
  | { kind: 'hang' }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test's mutation takes and returns any shape
  | { kind: 'corrupt'; mutate: (result: any) => any };

const DEFAULT_MESSAGES: Record<CheckinErrorCode, string> = {
  forbidden: 'You are not allowed to do this.',
  'not-found': 'This could not be found.',
  conflict: 'Someone else changed this at the same time.',
  invalid: 'The request was not valid.',
  'rate-limited': 'Too many requests. Try again in a minute.',
  network: 'The network could not be reached.',
  timeout: 'The request took too long.',
  unavailable: 'The service is unavailable. Try again in a moment.',
};

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Resolves after `ms` (at once for 0); rejects with an AbortError when `signal` aborts. */
function wait(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (!(ms > 0)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    // Infinity means "hang": no timer, only the abort ends the wait.
    const timer = Number.isFinite(ms)
      ? setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, ms)
      : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Failures, hangs, latency and malformed data on demand, one call at a time. */
export class MemoryFaults {
  /** Delay before every answer, in milliseconds (honours abort). */
  latencyMs: number;
  private readonly queued = new Map<Method, Fault[]>();
  private readonly drop: () => void;

  /** Made by `MemoryAdapter`; `drop` ends its live subscriptions. */
  constructor(latencyMs: number, drop: () => void) {
    this.latencyMs = latencyMs;
    this.drop = drop;
  }

  /**
   * The next call of `method` rejects with a `CheckinError` of `code` (retryable per code;
   * `rate-limited` carries a `retryAt` a minute ahead); the next `times` calls with `times`.
   * For `subscribe` the call throws.
   */
  failNext(method: Method, code: CheckinErrorCode, message?: string, times = 1): void {
    for (let i = 0; i < times; i++) this.queue(method, { kind: 'fail', code, message });
  }

  /**
   * The next call of `method` (the next `times` calls) never settles until its signal aborts
   * (then: AbortError).
   */
  hangNext(method: Method, times = 1): void {
    for (let i = 0; i < times; i++) this.queue(method, { kind: 'hang' });
  }

  /** The next call of `method` answers `mutate(result)` (or the mutated result): bad data. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test's mutation takes and returns any shape
  corruptNext(method: Method, mutate: (result: any) => any): void {
    this.queue(method, { kind: 'corrupt', mutate });
  }

  /** Ends every live subscription of the adapter silently, as a dropped socket would. */
  dropSubscriptions(): void {
    this.drop();
  }

  /** The fault waiting for this call of `method`, if any (it is used up). */
  take(method: Method): Fault | undefined {
    return this.queued.get(method)?.shift();
  }

  private queue(method: Method, fault: Fault): void {
    const list = this.queued.get(method) ?? [];
    list.push(fault);
    this.queued.set(method, list);
  }
}

/**
 * The in-memory `CheckinAdapter` for one signed-in user. Every call is recorded in `calls`,
 * waits `faults.latencyMs`, honours its signal and answers deep copies.
 */
export class MemoryAdapter implements CheckinAdapter {
  /** The backend this adapter talks to. */
  readonly store: MemoryStore;
  /**
   * The latest calls, in order, with their arguments (for tests): at most the last 1,000, and
   * a subscription without its listener, so an adapter reused across many mounts (a demo,
   * Storybook) keeps no removed element alive.
   */
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  /** Fault injection: latency, failures, hangs, malformed data, dropped subscriptions. */
  readonly faults: MemoryFaults;
  private readonly contractId?: string;
  private readonly server: MemorySession;
  private readonly live = new Set<() => void>();

  /** An adapter signed in as `options.viewerId` on `options.store` (or a fresh demo store). */
  constructor(options: MemoryAdapterOptions) {
    this.store = options.store ?? new MemoryStore();
    this.contractId = options.contractId;
    this.server = this.store.session(options.viewerId);
    this.faults = new MemoryFaults(options.latencyMs ?? 0, () => {
      for (const end of [...this.live]) end();
    });
  }

  /** The signed-in user, with their role in `options.contractId`. */
  getViewer(options?: ReadOptions): Promise<Viewer> {
    return this.run('getViewer', [options], options?.signal, () => this.server.getViewer(this.contractId));
  }

  /** The contract, for anyone who may read it. */
  getContract(contractId: string, options?: ReadOptions): Promise<Contract> {
    return this.run('getContract', [contractId, options], options?.signal, () => this.server.getContract(contractId));
  }

  /** The check-in settings, with eligibility computed now. */
  getSettings(contractId: string, options?: ReadOptions): Promise<Settings> {
    return this.run('getSettings', [contractId, options], options?.signal, () => this.server.getSettings(contractId));
  }

  /** Check-ins and activity entries (who changed what), newest first, by opaque cursor. */
  listHistory(contractId: string, options?: ListOptions): Promise<Page<HistoryItem>> {
    return this.run('listHistory', [contractId, options], options?.signal, () =>
      this.server.listHistory(contractId, options),
    );
  }

  /** Client: on/off, schedule, questions; talent: consent. Versioned and idempotent. */
  updateSettings(contractId: string, change: SettingsChange, options: UpdateSettingsOptions): Promise<Settings> {
    return this.run('updateSettings', [contractId, change, options], options?.signal, () =>
      this.server.updateSettings(contractId, change, options),
    );
  }

  /** A page of check-ins, newest first, by opaque cursor. */
  listCheckins(contractId: string, options?: ListOptions): Promise<Page<Checkin>> {
    return this.run('listCheckins', [contractId, options], options?.signal, () =>
      this.server.listCheckins(contractId, options),
    );
  }

  /** Talent: answers a check-in, or edits the answer until the next prompt. */
  submitAnswers(contractId: string, checkinId: string, input: AnswersInput, options: WriteOptions): Promise<Checkin> {
    return this.run('submitAnswers', [contractId, checkinId, input, options], options?.signal, () =>
      this.server.submitAnswers(contractId, checkinId, input, options),
    );
  }

  /** Talent: "not working this week", with a note (`''` when there is none). */
  skipCheckin(contractId: string, checkinId: string, input: { note: string }, options: WriteOptions): Promise<Checkin> {
    return this.run('skipCheckin', [contractId, checkinId, input, options], options?.signal, () =>
      this.server.skipCheckin(contractId, checkinId, input, options),
    );
  }

  /** Client: marks an answered check-in as seen (the first time stands). */
  acknowledge(contractId: string, checkinId: string, options?: ReadOptions): Promise<Checkin> {
    return this.run('acknowledge', [contractId, checkinId, options], options?.signal, () =>
      this.server.acknowledge(contractId, checkinId),
    );
  }

  /** Client: asks for an update now, at most once per cooldown. */
  requestUpdate(contractId: string, input: { message?: string }, options: WriteOptions): Promise<Checkin> {
    return this.run('requestUpdate', [contractId, input, options], options?.signal, () =>
      this.server.requestUpdate(contractId, input, options),
    );
  }

  /** Client or talent: replies on a check-in's thread. */
  reply(contractId: string, checkinId: string, input: { text: string }, options: WriteOptions): Promise<Reply> {
    return this.run('reply', [contractId, checkinId, input, options], options?.signal, () =>
      this.server.reply(contractId, checkinId, input, options),
    );
  }

  /** Live events about `contractId` from every adapter on the same store; returns unsubscribe. */
  subscribe(contractId: string, listener: (event: CheckinEvent) => void): () => void {
    this.record('subscribe', [contractId]);
    const fault = this.faults.take('subscribe');
    if (fault?.kind === 'fail') {
      throw new CheckinError(fault.code, fault.message ?? DEFAULT_MESSAGES[fault.code]);
    }
    const stop = this.server.subscribe(contractId, listener);
    const end = () => {
      stop();
      this.live.delete(end);
    };
    this.live.add(end);
    return end;
  }

  private record(method: string, args: unknown[]): void {
    this.calls.push({ method, args });
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
  }

  /**
   * One request's life: recorded, faults applied, latency waited (abortable), then served.
   * The effect happens only after the wait, so an abort during latency leaves no trace.
   */
  private async run<T>(method: Method, args: unknown[], signal: AbortSignal | undefined, serve: () => T): Promise<T> {
    this.record(method, args);
    const fault = this.faults.take(method);
    if (signal?.aborted) throw abortError();
    if (fault?.kind === 'hang') await wait(Number.POSITIVE_INFINITY, signal);
    await wait(this.faults.latencyMs, signal);
    // The caller may abort in the same tick it called; nothing has been applied yet.
    if (signal?.aborted) throw abortError();
    if (fault?.kind === 'fail') {
      const retryAt = fault.code === 'rate-limited' ? new Date(this.store.now() + 60_000).toISOString() : undefined;
      throw new CheckinError(fault.code, fault.message ?? DEFAULT_MESSAGES[fault.code], {
        retryAt,
      });
    }
    const result = serve();
    if (fault?.kind === 'corrupt') {
      const mutated = fault.mutate(result);
      return (mutated === undefined ? result : mutated) as T;
    }
    return result;
  }
}
