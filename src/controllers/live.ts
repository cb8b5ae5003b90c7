import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CheckinAdapter, CheckinEvent } from '../adapters/adapter.js';

/**
 * Keeps one live subscription (`adapter.subscribe`) for the host: replaced when the adapter or
 * contract changes, ended when the host leaves the page and renewed when it comes back.
 * Adapters without `subscribe` simply give no live updates.
 */
export class LiveController implements ReactiveController {
  private target: { adapter: CheckinAdapter; contractId: string } | null = null;
  private end: (() => void) | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly onEvent: (event: CheckinEvent) => void,
  ) {
    host.addController(this);
  }

  /** Listens to `contractId` through `adapter` (a no-op when already listening to it). */
  watch(adapter: CheckinAdapter, contractId: string): void {
    if (this.end && this.target?.adapter === adapter && this.target.contractId === contractId) return;
    this.stop();
    this.target = { adapter, contractId };
    this.start();
  }

  /** Subscribes afresh: adapters give no sign of a dropped subscription. */
  renew(): void {
    if (!this.target) return;
    this.stop();
    this.start();
  }

  /** Ends the subscription and forgets what it listened to. */
  clear(): void {
    this.stop();
    this.target = null;
  }

  hostConnected(): void {
    if (this.target && !this.end) this.start();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private start(): void {
    const { adapter, contractId } = this.target!;
    if (!adapter.subscribe) return;
    try {
      this.end = adapter.subscribe(contractId, (event) => this.onEvent(event));
    } catch {
      // Live updates are a bonus: a failing subscribe leaves a working element.
      this.end = null;
    }
  }

  private stop(): void {
    const end = this.end;
    this.end = null;
    try {
      end?.();
    } catch {
      // The subscription is gone either way.
    }
  }
}
