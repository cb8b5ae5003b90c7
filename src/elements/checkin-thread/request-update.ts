import { msg, str } from '@lit/localize';
import type { LitElement } from 'lit';
import { newIdempotencyKey } from '../../adapters/adapter.js';
import { abortable } from '../../controllers/connection.js';
import { CheckinRequestUpdateEvent } from '../../events.js';
import { LIMITS } from '../../limits.js';
import type { Contract } from '../../model.js';
import { shortText } from '../shared.js';
import { cooldownTick, cooldownUntil } from './cooldown.js';
import type { FeedPager } from './pager.js';
import { upsertItem } from './reconcile.js';
import * as S from './state.js';
import type { RequestProps } from './views/request.js';

/**
 * The client's "Request an update": the panel with its optional message, the write (through the
 * host's write controller) and the cooldown, drawn again as it runs out.
 */
export class RequestUpdate {
  private value: S.RequestPanel = S.REQUEST_CLOSED;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: LitElement,
    private readonly options: S.ThreadContext,
    private readonly pager: FeedPager,
    /** The cooldown between requests, in hours (see cooldownHours). */
    private readonly hours: () => number,
  ) {}

  get state(): S.RequestPanel {
    return this.value;
  }

  private set state(state: S.RequestPanel) {
    this.value = state;
    this.host.requestUpdate();
  }

  /** Another thread: the last outcome and the backend's cooldown go; the panel and message stay. */
  reset(): void {
    this.state = S.requestReset(this.state);
  }

  /** When the client may request again (ms), or null when they may now. */
  cooldownUntil(): number | null {
    const { rateLimitedUntil } = this.state;
    const { items } = this.pager.feed;
    return cooldownUntil({ items, hours: this.hours(), rateLimitedUntil, now: this.options.now() });
  }

  /** After a render: while a cooldown is shown, render again at most a minute later (or when it ends). */
  scheduleTick(): void {
    this.stopTick();
    const until = this.options.thread()?.viewer.role === 'client' ? this.cooldownUntil() : null;
    if (until === null) return;
    this.timer = setTimeout(() => this.host.requestUpdate(), cooldownTick(until, this.options.now()));
  }

  stopTick(): void {
    clearTimeout(this.timer);
  }

  private focusField(): void {
    this.host.renderRoot.querySelector<HTMLElement>('#request-message')?.focus();
  }

  toggle(): void {
    if (this.cooldownUntil() !== null) return;
    this.state = S.requestToggled(this.state);
    if (this.state.open) void this.host.updateComplete.then(() => this.focusField());
  }

  /** The panel's view props. */
  props(contract: Contract): RequestProps {
    return {
      contract,
      request: this.state,
      sending: this.options.writes.pending('request'),
      onInput: (text) => (this.state = S.requestTyped(this.state, text)),
      onSend: (event) => void this.send(event),
      onCancel: () => (this.state = S.requestClosed(this.state)),
    };
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const { writes } = this.options;
    const { pager } = this;
    const session = this.options.thread();
    if (!session || writes.pending('request')) return;
    // Nothing is sent (or cut) until it fits; the field says why.
    if (this.state.text.length > LIMITS.message) return this.focusField();
    this.state = S.requestSending(this.state, this.state.key ?? newIdempotencyKey());
    // Sent as typed; a message of only white space is no message.
    const { text, key } = this.state;
    const change = text.trim() ? { message: text } : {};
    const signal = this.options.signal();
    await writes.run('request', {
      action: 'request-update',
      send: () =>
        abortable(session.adapter.requestUpdate(session.contractId, change, { idempotencyKey: key!, signal }), signal),
      done: async (checkin) => {
        this.state = S.requestSent(this.state);
        pager.feed = upsertItem(pager.feed, checkin, session.fromHost).feed;
        this.host.dispatchEvent(new CheckinRequestUpdateEvent({ contractId: session.contractId, checkin }));
        this.options.announce(msg(str`Update requested from ${shortText(session.contract.talent.name)}.`));
        await pager.focusArticle(pager.feed.items.findIndex((c) => c.id === checkin.id));
      },
      failed: (error) => void (this.state = S.requestFailed(this.state, error)),
    });
  }
}
