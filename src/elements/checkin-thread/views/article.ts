import { html, nothing, type TemplateResult } from 'lit';
import { formatInstant, type DateStyle } from '../../../format.js';
import type { Checkin, CheckinError, Contract, HistoryItem, Question, Viewer } from '../../../model.js';
import type { ReplyDraft } from '../state.js';

/** Everything the articles of the feed need from the element. */
export interface EntryContext {
  viewer: Viewer;
  contract: Contract;
  questions: readonly Question[];
  /** The true number of check-ins (-1 when unknown). */
  setSize: number;
  timeZone: string;
  locale?: string;
  /** The aria-level of each check-in's heading (one below the thread's). */
  entryLevel: number;
  /** Whether the entry is the feed's one Tab stop; other entries' controls are out of the Tab order. */
  active(id: string): boolean;
  draft(checkinId: string): ReplyDraft | undefined;
  /** Whether the reply of a check-in is on its way. */
  replySending(checkinId: string): boolean;
  /** Whether the reply box of a check-in is open. */
  replyOpen(checkinId: string): boolean;
  onReplyToggle(checkin: Checkin): void;
  onReplyClose(checkin: Checkin): void;
  acknowledging(checkinId: string): boolean;
  actionError(checkinId: string): CheckinError | undefined;
  onReplyInput(checkin: Checkin, event: Event): void;
  onReplySend(checkin: Checkin, event: Event): void;
  onAcknowledge(checkin: Checkin): void;
}

/** One entry at its place in the feed. */
export interface EntryProps<T extends HistoryItem = HistoryItem> {
  item: T;
  index: number;
  ctx: EntryContext;
}

/** An id usable in IDREFs, injective over check-in ids (which come from the host's backend). */
export function domId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}_`)}`;
}

/** A control's tabindex: in the Tab order only inside the feed's active entry. */
export function tabStop(checkin: Checkin, ctx: EntryContext): '-1' | typeof nothing {
  return ctx.active(checkin.id) ? nothing : '-1';
}

export function when(instant: string, ctx: EntryContext, style: DateStyle = 'datetime'): string {
  return formatInstant(instant, { locale: ctx.locale, timeZone: ctx.timeZone, style });
}

/** The words of the paper trail as the viewer reads them. */
export const termsOf = (ctx: EntryContext) => ({ viewerId: ctx.viewer.id, locale: ctx.locale, timeZone: ctx.timeZone });

/** The article around one entry: its place in the feed, its Tab stop, what names and describes it. */
export function renderArticle({
  item,
  index,
  ctx,
  part,
  classes,
  change,
  content,
}: EntryProps & {
  part: string;
  classes: string;
  /** A change's type (`data-change`). */
  change?: string;
  content: TemplateResult;
}): TemplateResult {
  return html`<article
    part=${part}
    class=${classes}
    tabindex=${ctx.active(item.id) ? '0' : '-1'}
    data-index=${index}
    data-id=${item.id}
    data-change=${change ?? nothing}
    aria-posinset=${index + 1}
    aria-setsize=${ctx.setSize}
    aria-labelledby=${domId('h', item.id)}
    aria-describedby=${domId('m', item.id)}
  >
    ${content}
  </article>`;
}
