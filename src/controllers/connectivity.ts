import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a host does when the network or the page comes back. */
export interface ConnectivityOptions {
  /** The browser is back online: retry what failed for want of a network, catch up. */
  onOnline?: () => void;
  /** The browser went offline. */
  onOffline?: () => void;
  /** The page became visible again (tab switched back, laptop woke up): catch up. */
  onVisible?: () => void;
}

/**
 * Follows `navigator.onLine` (re-rendering the host when it changes) and tells the host when the
 * network or the page comes back, the moments when a dropped request or live subscription is
 * worth trying again. Listeners exist only while the host is on the page.
 */
export class ConnectivityController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: ConnectivityOptions;

  /** True while the browser says it is offline. */
  offline = false;

  constructor(host: ReactiveControllerHost, options: ConnectivityOptions = {}) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    globalThis.addEventListener?.('online', this.onOnline);
    globalThis.addEventListener?.('offline', this.onOffline);
    globalThis.document?.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
    globalThis.removeEventListener?.('offline', this.onOffline);
    globalThis.document?.removeEventListener('visibilitychange', this.onVisibility);
  }

  private readonly onOnline = (): void => {
    this.offline = false;
    this.host.requestUpdate();
    this.options.onOnline?.();
  };

  private readonly onOffline = (): void => {
    this.offline = true;
    this.host.requestUpdate();
    this.options.onOffline?.();
  };

  private readonly onVisibility = (): void => {
    if (globalThis.document?.visibilityState === 'visible') this.options.onVisible?.();
  };
}
