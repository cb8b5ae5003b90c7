import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CheckinErrorEvent } from '../events.js';
import { CheckinError, isAbortError } from '../model.js';

/**
 * What an element's asynchronous work is about: the adapter, contract and viewer it was started
 * for. `advance()` when any of those change (or the host is emptied); a `mark()` taken before
 * says whether its result still belongs on screen. One epoch per element, shared by its load
 * and its writes.
 */
export class Epoch {
  private value = 0;

  /** Everything started before now is stale. */
  advance(): void {
    this.value++;
  }

  /** True until the next `advance()`. */
  mark(): () => boolean {
    const value = this.value;
    return () => value === this.value;
  }
}

/** One write: how to send it and what to do with each outcome. */
export interface WriteOp<T> {
  /** Names the write in `checkin-error` events (`submit`, `skip`, `update-settings`, …). */
  action: string;
  send(): Promise<T>;
  /** The adapter confirmed. */
  done(result: T): void | Promise<void>;
  /** The adapter refused or failed; the `checkin-error` event has already been dispatched. */
  failed?(error: CheckinError): void | Promise<void>;
  /** The write was aborted: it may or may not have been applied. */
  abandoned?(): void | Promise<void>;
  /** After any outcome, even one dropped as stale. */
  settled?(): void;
}

interface Flight {
  action: string;
  promise: Promise<void>;
  current: () => boolean;
  /** The adapter answered: the outcome handlers are running. */
  answered: boolean;
}

/**
 * The one way an element sends a change. Single flight per key: while a write for `key` is on
 * its way, `run(key, …)` returns that write (a second click is the same intent, never a second
 * request); once the adapter has answered and the outcome handlers are running (the write still
 * pending), a new `run` is a new intent and is sent right after them, unless the epoch advanced. Anything thrown becomes a `CheckinError`, reported as `checkin-error` from the host
 * before `failed` hears it. Outcomes arriving after the epoch advanced are dropped: neither
 * `done` nor `failed` runs (work due on success whatever is on screen, such as clearing a stored
 * draft, belongs in `send`), and a stale write no longer counts as pending. The host re-renders when a write starts and when it settles, so
 * views read `pending()` instead of keeping flags of their own.
 */
export class WriteController implements ReactiveController {
  private readonly flights = new Map<string, Flight>();

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    readonly epoch: Epoch = new Epoch(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether a write is on its way: for `key`, or for any key when none is given. */
  pending(key?: string): boolean {
    if (key !== undefined) return this.flight(key) !== undefined;
    return [...this.flights.values()].some((flight) => flight.current());
  }

  /** The action of the write on its way for `key`, if any. */
  action(key: string): string | undefined {
    return this.flight(key)?.action;
  }

  /** The promise of the write on its way for `key` (resolved when there is none). */
  settled(key: string): Promise<void> {
    return this.flight(key)?.promise ?? Promise.resolve();
  }

  private flight(key: string): Flight | undefined {
    const flight = this.flights.get(key);
    return flight?.current() ? flight : undefined;
  }

  /** Sends `op` unless a write for `key` is on its way (then returns that one, or follows it). */
  run<T>(key: string, op: WriteOp<T>): Promise<void> {
    const current = this.epoch.mark();
    const flight = this.flight(key);
    if (flight && !flight.answered) return flight.promise;
    if (flight) return flight.promise.then(() => (current() ? this.run(key, op) : undefined));
    const started: Flight = { action: op.action, promise: Promise.resolve(), current, answered: false };
    const promise = this.fly(op, started).finally(() => {
      if (this.flights.get(key) === started) this.flights.delete(key);
      this.host.requestUpdate();
      op.settled?.();
    });
    started.promise = promise;
    this.flights.set(key, started);
    this.host.requestUpdate();
    return promise;
  }

  private async fly<T>(op: WriteOp<T>, flight: Flight): Promise<void> {
    const { current } = flight;
    let result: T;
    try {
      result = await op.send();
    } catch (error) {
      flight.answered = true;
      if (!current()) return;
      if (isAbortError(error)) return void (await op.abandoned?.());
      const failure = CheckinError.from(error);
      this.host.dispatchEvent(new CheckinErrorEvent({ error: failure, action: op.action }));
      return void (await op.failed?.(failure));
    }
    flight.answered = true;
    if (current()) await op.done(result);
  }
}
