import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CheckinAdapter } from '../adapters/adapter.js';
import { validated } from '../adapters/validate.js';
import { adapterContext, contractIdContext } from '../context.js';
import type { Viewer } from '../model.js';

export interface ConnectedHost extends ReactiveControllerHost, HTMLElement {
  adapter?: CheckinAdapter;
  contractId: string;
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

/**
 * Resolves what an element talks to: its own `adapter` / `contract-id` win over the ones a
 * `<checkin-provider>` gives through context. The adapter is wrapped so that malformed data
 * becomes a `CheckinError('invalid')` at the boundary.
 */
export class ConnectionController implements ReactiveController {
  private readonly host: ConnectedHost;
  private readonly adapterConsumer: ContextConsumer<typeof adapterContext, ConnectedHost>;
  private readonly contractConsumer: ContextConsumer<typeof contractIdContext, ConnectedHost>;

  constructor(host: ConnectedHost) {
    this.host = host;
    host.addController(this);
    this.adapterConsumer = new ContextConsumer(host, { context: adapterContext, subscribe: true });
    this.contractConsumer = new ContextConsumer(host, {
      context: contractIdContext,
      subscribe: true,
    });
  }

  hostConnected(): void {}

  /** The raw adapter in force, or undefined when none was given. */
  get rawAdapter(): CheckinAdapter | undefined {
    return this.host.adapter ?? this.adapterConsumer.value;
  }

  /** The validating adapter in force, or undefined when none was given. */
  get adapter(): CheckinAdapter | undefined {
    const raw = this.rawAdapter;
    return raw ? safeAdapter(raw) : undefined;
  }

  get contractId(): string {
    return (this.host.contractId || this.contractConsumer.value || '').trim();
  }

}

// Several elements on one page ask for the same viewer at once: one request per adapter.
const viewers = new WeakMap<CheckinAdapter, Promise<Viewer>>();

/** The viewer of `adapter`, fetched once and shared; a failure is not cached (retry works). */
export function loadViewer(adapter: CheckinAdapter, signal?: AbortSignal): Promise<Viewer> {
  let pending = viewers.get(adapter);
  if (!pending) {
    pending = adapter.getViewer();
    viewers.set(adapter, pending);
    pending.catch(() => viewers.delete(adapter));
  }
  return signal ? abortable(pending, signal) : pending;
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
