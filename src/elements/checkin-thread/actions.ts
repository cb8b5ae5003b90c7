import { msg } from '@lit/localize';
import type { LitElement } from 'lit';
import { newIdempotencyKey } from '../../adapters/adapter.js';
import { abortable } from '../../controllers/connection.js';
import { CheckinReplyEvent } from '../../events.js';
import type { Checkin, CheckinError } from '../../model.js';
import type { FeedPager } from './pager.js';
import { addReply, upsertItem } from './reconcile.js';
import * as S from './state.js';
import { domId, type EntryContext } from './views/article.js';

/** What the article of a check-in offers from the element. */
export type CheckinActionContext = Pick<
  EntryContext,
  | 'draft'
  | 'replySending'
  | 'replyOpen'
  | 'onReplyToggle'
  | 'onReplyClose'
  | 'onReplyInput'
  | 'onReplySend'
  | 'acknowledging'
  | 'actionError'
  | 'onAcknowledge'
>;

/**
 * What the viewer does on one check-in: reply (the box opened on demand, the draft kept outside
 * the DOM) and mark as seen. Each write goes through the host's write controller, one at a time
 * per check-in.
 */
export class CheckinActions {
  /** Reply drafts by check-in id: they survive windowing and a reload of the same thread. */
  private readonly drafts = new Map<string, S.ReplyDraft>();
  /** Check-ins whose reply box is open (the boxes are rendered on demand: see renderReplyArea). */
  private readonly open = new Set<string>();
  private readonly ackErrors = new Map<string, CheckinError>();

  constructor(
    private readonly host: LitElement,
    private readonly options: S.ThreadContext,
    private readonly pager: FeedPager,
  ) {}

  /** Another thread: failures of "Mark as seen" go; drafts stay (keyed by check-in id). */
  reset(): void {
    this.ackErrors.clear();
  }

  /** The article's side of the entry context. */
  context(): CheckinActionContext {
    const { writes } = this.options;
    return {
      draft: (id) => this.drafts.get(id),
      replySending: (id) => writes.pending(`reply:${id}`),
      replyOpen: (id) => this.open.has(id),
      onReplyToggle: (c) => void this.toggleReply(c),
      onReplyClose: (c) => void this.closeReply(c),
      onReplyInput: (c, e) => this.onReplyInput(c, e),
      onReplySend: (c, e) => void this.sendReply(c, e),
      acknowledging: (id) => writes.pending(`ack:${id}`),
      actionError: (id) => this.ackErrors.get(id),
      onAcknowledge: (c) => void this.acknowledge(c),
    };
  }

  private find<T extends Element>(selector: string): T | null {
    return this.host.renderRoot.querySelector<T>(selector);
  }

  private async toggleReply(checkin: Checkin): Promise<void> {
    if (this.open.has(checkin.id)) return this.closeReply(checkin);
    this.open.add(checkin.id);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.find<HTMLElement>(`#${domId('reply', checkin.id)}`)?.focus();
  }

  /** Closes a reply box (what was typed is kept) and gives focus back to its Reply button. */
  private async closeReply(checkin: Checkin): Promise<void> {
    if (!this.open.delete(checkin.id)) return;
    const box = this.find(`#${domId('reply-box', checkin.id)}`);
    const hadFocus = !!box && box.contains((this.host.renderRoot as ShadowRoot).activeElement);
    this.host.requestUpdate();
    await this.host.updateComplete;
    const button = this.find<HTMLElement>(`#${domId('reply-button', checkin.id)}`);
    // Only when the box had focus: a reply confirmed later must not pull focus from elsewhere.
    if (hadFocus || !box) button?.focus();
  }

  private onReplyInput(checkin: Checkin, event: Event): void {
    const draft = this.drafts.get(checkin.id) ?? S.EMPTY_DRAFT;
    this.drafts.set(checkin.id, S.draftTyped(draft, (event.target as HTMLTextAreaElement).value));
    if (typeof draft.error === 'string') this.host.requestUpdate();
  }

  private async sendReply(checkin: Checkin, event: Event): Promise<void> {
    event.preventDefault();
    const key = `reply:${checkin.id}`;
    const thread = this.options.thread();
    if (!thread || this.options.writes.pending(key)) return;
    const form = event.currentTarget as HTMLFormElement;
    const draft = this.drafts.get(checkin.id) ?? S.EMPTY_DRAFT;
    const problem = S.replyProblem(draft.text);
    if (problem) {
      this.drafts.set(checkin.id, S.draftInvalid(draft, problem));
      this.host.requestUpdate();
      await this.host.updateComplete;
      return form.querySelector('textarea')?.focus();
    }
    const sending = S.draftSending(draft, draft.key ?? newIdempotencyKey());
    this.drafts.set(checkin.id, sending);
    const { adapter, contractId, fromHost } = thread;
    const signal = this.options.signal();
    const options = { idempotencyKey: sending.key!, signal };
    await this.options.writes.run(key, {
      action: 'reply',
      send: () => abortable(adapter.reply(contractId, checkin.id, { text: draft.text.trim() }, options), signal),
      done: (reply) => {
        this.drafts.delete(checkin.id);
        void this.closeReply(checkin);
        const { pager } = this;
        pager.feed = addReply(pager.feed, checkin.id, reply, fromHost).feed;
        this.host.dispatchEvent(new CheckinReplyEvent({ contractId, checkinId: checkin.id, reply }));
        this.options.announce(msg('Reply sent.'));
      },
      failed: (error) => void this.drafts.set(checkin.id, S.draftFailed(this.drafts.get(checkin.id) ?? sending, error)),
    });
  }

  private async acknowledge(checkin: Checkin): Promise<void> {
    const key = `ack:${checkin.id}`;
    const thread = this.options.thread();
    if (!thread || this.options.writes.pending(key)) return;
    const { adapter, contractId, fromHost } = thread;
    const { pager } = this;
    this.ackErrors.delete(checkin.id);
    const signal = this.options.signal();
    await this.options.writes.run(key, {
      action: 'acknowledge',
      send: () => abortable(adapter.acknowledge(contractId, checkin.id, { signal }), signal),
      done: async (updated) => {
        pager.feed = upsertItem(pager.feed, updated, fromHost).feed;
        this.options.announce(msg('Marked as seen.'));
        await this.host.updateComplete;
        // The button is gone; its article keeps the focus.
        pager.articleAt(pager.feed.items.findIndex((c) => c.id === checkin.id))?.focus();
      },
      failed: (error) => void this.ackErrors.set(checkin.id, error),
    });
  }
}
