import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CheckinAdapter } from '../adapters/adapter.js';
import {
  resilient,
  resolvePolicy,
  unwrapResilient,
  type RequestPolicy,
  type RetryPolicy,
} from '../adapters/resilient.js';
import { validated } from '../adapters/validate.js';
import { adapterContext, contractIdContext, requestPolicyContext } from '../context.js';
import type { Viewer } from '../model.js';

export interface ConnectedHost extends ReactiveControllerHost, HTMLElement {
  adapter?: CheckinAdapter;
  contractId: string;
  /** The element's own time limit per request (ms); wins over the provider's. */
  requestTimeout?: number;
  /** The element's own retry settings; each field wins over the provider's. */
  retryPolicy?: Partial<RetryPolicy>;
}

// One validating wrapper per raw adapter, shared by every element on the page (so that the
// viewer cache below serves the provider and every element inside it).
const wrapped = new WeakMap<CheckinAdapter, CheckinAdapter>();

/** `adapter` wrapped so that malformed data becomes `CheckinError('invalid')`. */
export function safeAdapter(adapter: CheckinAdapter): CheckinAdapter {
  let safe = wrapped.get(adapter);
  if (!safe) {
    safe = validated(adapter);
    wrapped.set(adapter, safe);
  }
  return safe;
}

/** An element's (or provider's) own policy settings, as one layer for `resolvePolicy`. */
export function ownPolicy(host: {
  requestTimeout?: number;
  retryPolicy?: Partial<RetryPolicy>;
}): Partial<RequestPolicy> {
  return { ...host.retryPolicy, timeoutMs: host.requestTimeout };
}

/**
 * Resolves what an element talks to: its own `adapter` / `contract-id` win over the ones a
 * `<checkin-provider>` gives through context. The adapter is wrapped twice: `validated`, so that
 * malformed data becomes a `CheckinError('invalid')` at the boundary, then `resilient`, so that
 * every call has the element's time limit and retry policy (its own `request-timeout` /
 * `retryPolicy` first, then the provider's) and is aborted when the element leaves the page.
 */
export class ConnectionController implements ReactiveController {
  private readonly host: ConnectedHost;
  private readonly adapterConsumer: ContextConsumer<typeof adapterContext, ConnectedHost>;
  private readonly contractConsumer: ContextConsumer<typeof contractIdContext, ConnectedHost>;
  private readonly policyConsumer: ContextConsumer<typeof requestPolicyContext, ConnectedHost>;
  /** Aborted when the host leaves the page: every request it made then is abandoned. */
  private lifetime = new AbortController();
  private cached?: { raw: CheckinAdapter; adapter: CheckinAdapter };

  constructor(host: ConnectedHost) {
    this.host = host;
    host.addController(this);
    this.adapterConsumer = new ContextConsumer(host, { context: adapterContext, subscribe: true });
    this.contractConsumer = new ContextConsumer(host, {
      context: contractIdContext,
      subscribe: true,
    });
    this.policyConsumer = new ContextConsumer(host, {
      context: requestPolicyContext,
      subscribe: true,
    });
  }

  hostConnected(): void {
    if (this.lifetime.signal.aborted) this.lifetime = new AbortController();
  }

  hostDisconnected(): void {
    // Nobody is left to show an answer to; the work itself survives where it matters (the
    // form's draft and key in storage, the thread's reply drafts), so a retry is one write.
    // Checked a microtask later: an element moved within the page (removed and put back in the
    // same task) keeps its requests.
    const lifetime = this.lifetime;
    queueMicrotask(() => {
      if (!this.host.isConnected) lifetime.abort();
    });
  }

  /** The time limit and retry policy in force for the host's requests. */
  get policy(): RequestPolicy {
    return resolvePolicy(ownPolicy(this.host), this.policyConsumer.value);
  }

  /** The raw adapter in force, or undefined when none was given. */
  get rawAdapter(): CheckinAdapter | undefined {
    return this.host.adapter ?? this.adapterConsumer.value;
  }

  /**
   * The adapter in force, validating and resilient, or undefined when none was given. The same
   * object while the raw adapter is the same (it is a Task argument).
   */
  get adapter(): CheckinAdapter | undefined {
    const raw = this.rawAdapter;
    if (!raw) return undefined;
    if (this.cached?.raw !== raw) {
      this.cached = {
        raw,
        adapter: resilient(safeAdapter(raw), {
          policy: () => this.policy,
          lifetime: () => this.lifetime.signal,
        }),
      };
    }
    return this.cached.adapter;
  }

  get contractId(): string {
    return (this.host.contractId || this.contractConsumer.value || '').trim();
  }
}

// Several elements on one page ask for the same viewer at once: one request per adapter.
interface SharedViewer {
  promise: Promise<Viewer>;
  controller: AbortController;
  waiters: number;
  /** True when a caller without a signal joined: nobody can end the request then. */
  pinned: boolean;
  settled: boolean;
}
const viewers = new WeakMap<CheckinAdapter, SharedViewer>();

/**
 * The viewer of `adapter`, fetched once and shared; a failure is not cached (retry works).
 * `adapter` may be an element's resilient wrapper: the request is shared by everything on the
 * same underlying adapter, made with the first asker's time limit and retry policy but not its
 * lifetime, and aborted only when every asker has given up (left the page, changed contract).
 */
export function loadViewer(adapter: CheckinAdapter, signal?: AbortSignal): Promise<Viewer> {
  const base = unwrapResilient(adapter);
  const key = base?.adapter ?? adapter;
  let shared = viewers.get(key);
  if (!shared) {
    const controller = new AbortController();
    const source = base ? resilient(base.adapter, { ...base.options, lifetime: undefined }) : adapter;
    const entry: SharedViewer = {
      promise: source.getViewer({ signal: controller.signal }),
      controller,
      waiters: 0,
      pinned: false,
      settled: false,
    };
    entry.promise.then(
      () => (entry.settled = true),
      () => {
        entry.settled = true;
        if (viewers.get(key) === entry) viewers.delete(key);
      },
    );
    viewers.set(key, entry);
    shared = entry;
  }
  if (!signal) {
    shared.pinned = true;
    return shared.promise;
  }
  const entry = shared;
  entry.waiters++;
  signal.addEventListener(
    'abort',
    () => {
      entry.waiters--;
      if (entry.waiters > 0 || entry.pinned || entry.settled) return;
      entry.controller.abort();
      if (viewers.get(key) === entry) viewers.delete(key);
    },
    { once: true },
  );
  return abortable(entry.promise, signal);
}

/** Rejects with an AbortError as soon as `signal` aborts, whatever `promise` does. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason ?? abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}
