import type { ReactiveController, ReactiveElement } from 'lit';
import { isScrolling } from './feed-keys.js';

export interface SentinelOptions {
  /** The window and list, as a string: after it changes, a sentinel still in view fires again. */
  span(): string;
  /** The end of the list scrolled into view. */
  onEnd(): void;
  /** The start of the rendered window scrolled into view. */
  onStart(): void;
}

/**
 * The end of the list scrolling into view loads more, but only where there is scrolling:
 * otherwise a short page would fetch the whole history at once (the buttons stay for both).
 * Watches the `.sentinel` elements of the host's shadow root after every update.
 */
export class SentinelController implements ReactiveController {
  private observer?: IntersectionObserver;
  private readonly observed = new Set<Element>();
  /** The window last observed. */
  private span = '';

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: SentinelOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    const root = this.host.renderRoot;
    const sentinels = [...root.querySelectorAll('.sentinel')];
    const observer = (this.observer ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting || !isScrolling(this.host, root.querySelector('[part~="scroller"]'))) continue;
        if ((entry.target as HTMLElement).dataset.edge === 'end') this.options.onEnd();
        else this.options.onStart();
      }
    }));
    for (const el of this.observed) {
      if (sentinels.includes(el)) continue;
      observer.unobserve(el);
      this.observed.delete(el);
    }
    // An observer reports a change of intersection, not a state: a sentinel that stays in view
    // while the window moves under it (a fast scroll, a short page) would never fire again and
    // the scroll would stall. Observing it afresh makes the observer report where it is now.
    const span = this.options.span();
    const moved = span !== this.span;
    this.span = span;
    for (const el of sentinels) {
      if (this.observed.has(el) && !moved) continue;
      if (this.observed.has(el)) observer.unobserve(el);
      observer.observe(el);
      this.observed.add(el);
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed.clear();
    this.span = '';
  }
}
