import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CheckinAdapter, CheckinEvent } from '../adapters/adapter.js';

/**
 * Hands the events held by `hold` to `replay` in arrival order; later ones go to `onEvent`. A
 * no-op once its subscription was replaced or ended: what it held is dropped with it.
 */
export type Release = (replay: (event: CheckinEvent) => void) => void;

interface Subscription {
  end?: () => void;
  /** Events waiting for `release`; null once released. */
  held: CheckinEvent[] | null;
  /** A stale signal came while held: reload once released. */
  stale?: boolean;
}

/**
 * Keeps one live subscription (`adapter.subscribe`) for the host: replaced when the adapter or
 * contract changes, ended when the host leaves the page and renewed when it comes back.
 * Adapters without `subscribe` simply give no live updates. Only the current subscription is
 * heard: a replaced one's late events are dropped.
 */
export class LiveController implements ReactiveController {
  private target: { adapter: CheckinAdapter; contractId: string } | null = null;
  private sub: Subscription | null = null;

  /**
   * `onEvent` hears each event; `onStale` (when given) is called instead for `{type: 'stale'}`,
   * the adapter's word that it may have missed changes: the host loads afresh. Without it a
   * stale signal is dropped.
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly onEvent: (event: CheckinEvent) => void,
    private readonly onStale?: () => void,
  ) {
    host.addController(this);
  }

  /** Listens to `contractId` through `adapter` (a no-op when already listening to it). */
  watch(adapter: CheckinAdapter, contractId: string): void {
    const target = this.target;
    if (!this.sub || target?.adapter !== adapter || target.contractId !== contractId) {
      this.hold(adapter, contractId)(this.onEvent);
    }
  }

  /** Subscribes afresh: adapters give no sign of a dropped subscription. */
  renew(): void {
    if (this.target) this.hold(this.target.adapter, this.target.contractId)(this.onEvent);
  }

  /**
   * Subscribes afresh to `contractId`, holding its events until the returned `release`.
   * Subscribe, fetch, then release: a change made while the fetch is on its way arrives as an
   * event applied on top, so it cannot fall between the two.
   */
  hold(adapter: CheckinAdapter, contractId: string): Release {
    this.stop();
    this.target = { adapter, contractId };
    const sub: Subscription = { held: [] };
    // Current before the call: an adapter may deliver during `subscribe` itself. Without
    // `subscribe` it stays current, silent.
    this.sub = sub;
    try {
      sub.end = adapter.subscribe?.(contractId, (event) => {
        if (this.sub !== sub) return;
        if (event.type === 'stale') {
          // While a load holds the events it may have been answered before what was missed.
          if (sub.held) sub.stale = true;
          else this.onStale?.();
          return;
        }
        if (sub.held) sub.held.push(event);
        else this.onEvent(event);
      });
    } catch {
      // Live updates are a bonus: a failing subscribe leaves a working element.
      this.sub = null;
    }
    return (replay) => {
      const held = sub.held ?? [];
      // Read to the end as it grows: an event delivered during the replay keeps its place. Once
      // the subscription is replaced, what it held is dropped.
      for (let i = 0; i < held.length && this.sub === sub; i++) replay(held[i]!);
      sub.held = null;
      if (sub.stale && this.sub === sub) this.onStale?.();
    };
  }

  /** Ends the subscription and forgets what it listened to. */
  clear(): void {
    this.stop();
    this.target = null;
  }

  hostConnected(): void {
    if (!this.sub) this.renew();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    const sub = this.sub;
    this.sub = null;
    try {
      sub?.end?.();
    } catch {
      // The subscription is gone either way.
    }
  }
}
