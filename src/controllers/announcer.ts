import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A polite live region that exists before its text changes (screen readers ignore regions
 * inserted together with their text). Render `announcer.region()` once in the template.
 */
export class AnnouncerController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private text = '';
  private clearTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.clearTimer);
  }

  /** The current message (also handy in tests). */
  get message(): string {
    return this.text;
  }

  /** Says `text` politely. Repeating the same message is announced again. */
  announce(text: string): void {
    clearTimeout(this.clearTimer);
    // A repeated identical string is not re-read by screen readers; blank it for a tick first.
    if (text === this.text) {
      this.text = '';
      this.host.requestUpdate();
      this.clearTimer = setTimeout(() => this.announce(text), 50);
      return;
    }
    this.text = text;
    this.host.requestUpdate();
  }

  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" part="status">${this.text}</div>`;
  }
}
