import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatInstant, type DateStyle } from '../../format.js';
import {
  isActivity,
  type Activity,
  type Checkin,
  type CheckinError,
  type Contract,
  type HistoryItem,
  type Question,
  type Reply,
  type Viewer,
} from '../../model.js';
import { displayTitle, renderError, shortText } from '../shared.js';
import { activityText, closedText } from './activity.js';
import { hasBlocker, healthLabel, kindLabel, orderedAnswers, statusLabel } from './labels.js';

/** Longest reply the box accepts. */
export const MAX_REPLY_LENGTH = 2000;

/** What the reply box of one check-in holds; kept outside the DOM so windowing loses nothing. */
export interface ReplyDraft {
  text: string;
  /** Reused when the same text is sent again after a failure (one write, not two). */
  key?: string;
  sending: boolean;
  /** A validation message (string) or the adapter's failure. */
  error?: string | CheckinError;
}

/** Everything one article needs from the element. */
export interface EntryContext {
  viewer: Viewer;
  contract: Contract;
  questions: readonly Question[];
  /** The true number of check-ins (-1 when unknown). */
  setSize: number;
  timeZone: string;
  locale: string;
  /** The aria-level of each check-in's heading (one below the thread's). */
  entryLevel: number;
  /** Whether the entry is the feed's one Tab stop; other entries' controls are out of the Tab order. */
  active(id: string): boolean;
  draft(checkinId: string): ReplyDraft | undefined;
  /** Whether the reply box of a check-in is open. */
  replyOpen(checkinId: string): boolean;
  onReplyToggle(checkin: Checkin): void;
  onReplyClose(checkin: Checkin): void;
  acknowledging(checkinId: string): boolean;
  actionError(checkinId: string): CheckinError | undefined;
  onReplyInput(checkin: Checkin, event: Event): void;
  onReplySend(checkin: Checkin, event: Event): void;
  onAcknowledge(checkin: Checkin): void;
  onRetryAction(checkin: Checkin): void;
}

/** An id usable in IDREFs, injective over check-in ids (which come from the host's backend). */
export function domId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}_`)}`;
}

/** A control's tabindex: in the Tab order only inside the feed's active entry. */
function tabStop(checkin: Checkin, ctx: EntryContext): '-1' | typeof nothing {
  return ctx.active(checkin.id) ? nothing : '-1';
}

function when(instant: string, ctx: EntryContext, style: DateStyle = 'datetime'): string {
  return formatInstant(instant, { locale: ctx.locale, timeZone: ctx.timeZone, style });
}

/** Who closed a check-in unanswered, when and why; replies stay open. */
function renderClosed(checkin: Checkin, ctx: EntryContext): TemplateResult {
  const terms = { viewerId: ctx.viewer.id, locale: ctx.locale, timeZone: ctx.timeZone };
  const by = checkin.closedBy;
  const long = !!by && shortText(by.name) !== by.name;
  return html`<p part="closed-note" class="closed-note" title=${long ? closedText(checkin, terms, true)! : nothing}>
    ${closedText(checkin, terms)}
    ${ctx.viewer.id === ctx.contract.talent.id
      ? html`<span class="muted">${msg('It can no longer be answered; you can still reply.')}</span>`
      : nothing}
  </p>`;
}

function renderReply(reply: Reply, ctx: EntryContext): TemplateResult {
  return html`<li part="reply" class="reply">
    <p class="reply-meta"><strong dir="auto" title=${displayTitle(reply.author.name)}>${shortText(reply.author.name)}</strong> <time class="muted" datetime=${reply.createdAt}>${when(reply.createdAt, ctx)}</time></p>
    <p class="text" dir="auto">${reply.text}</p>
  </li>`;
}

function renderReplyBox(checkin: Checkin, ctx: EntryContext): TemplateResult {
  const draft = ctx.draft(checkin.id);
  const fieldId = domId('reply', checkin.id);
  const errorId = domId('reply-error', checkin.id);
  const error = draft?.error;
  const invalid = typeof error === 'string';
  return html`<form
    part="reply-box"
    class="reply-box"
    id=${domId('reply-box', checkin.id)}
    novalidate
    @submit=${(e: Event) => ctx.onReplySend(checkin, e)}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      ctx.onReplyClose(checkin);
    }}
  >
    <label for=${fieldId}>${msg('Reply to this check-in')}</label>
    <textarea
      id=${fieldId}
      tabindex=${tabStop(checkin, ctx)}
      rows="1"
      dir="auto"
      .value=${live(draft?.text ?? '')}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${invalid ? errorId : nothing}
      @input=${(e: Event) => ctx.onReplyInput(checkin, e)}
    ></textarea>
    <div class="actions">
      <button type="submit" part="reply-send" tabindex=${tabStop(checkin, ctx)} aria-disabled=${draft?.sending ? 'true' : 'false'}>
        ${draft?.sending ? msg('Sending…') : msg('Send reply')}
      </button>
      <button type="button" part="reply-cancel" tabindex=${tabStop(checkin, ctx)} @click=${() => ctx.onReplyClose(checkin)}>${msg('Cancel')}</button>
    </div>
    ${invalid
      ? html`<p id=${errorId} class="field-error" role="alert">${error}</p>`
      : error
        ? html`${renderError(error)}
            <p class="muted small">${msg('Your reply is kept; send it again when ready.')}</p>`
        : nothing}
  </form>`;
}

/**
 * The Reply button, and the box only when it is open: a form in every article makes Chromium's
 * autofill walk them all after every DOM change (22-52 ms per window move over a long thread).
 */
function renderReplyArea(checkin: Checkin, ctx: EntryContext): TemplateResult {
  const open = ctx.replyOpen(checkin.id);
  const hasDraft = !open && !!ctx.draft(checkin.id)?.text.trim();
  return html`<p class="reply-toggle">
      <button
        type="button"
        part="reply-button"
        id=${domId('reply-button', checkin.id)}
        tabindex=${tabStop(checkin, ctx)}
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${domId('reply-box', checkin.id)}
        @click=${() => ctx.onReplyToggle(checkin)}
      >
        ${msg('Reply')}
      </button>
      ${hasDraft ? html`<span class="muted small">${msg('Your unsent reply is kept.')}</span>` : nothing}
    </p>
    ${open ? renderReplyBox(checkin, ctx) : nothing}`;
}

/**
 * A change to the settings as a compact one-line article of the feed, in its actor's name
 * ("You …" for the viewer's own); the full name, when shortened, in its title.
 */
function renderActivity(activity: Activity, index: number, ctx: EntryContext): TemplateResult {
  const textId = domId('h', activity.id);
  const timeId = domId('m', activity.id);
  const terms = { viewerId: ctx.viewer.id, locale: ctx.locale, timeZone: ctx.timeZone };
  const sentence = activityText(activity, terms);
  const full = shortText(activity.actor.name) === activity.actor.name ? null : activityText(activity, terms, activity.actor.name);
  return html`<article
    part="article activity"
    class="entry activity"
    tabindex=${ctx.active(activity.id) ? '0' : '-1'}
    data-index=${index}
    data-id=${activity.id}
    data-change=${activity.change.type}
    aria-posinset=${index + 1}
    aria-setsize=${ctx.setSize}
    aria-labelledby=${textId}
    aria-describedby=${timeId}
  >
    <p class="activity-line">
      <span id=${textId} class="activity-text" dir="auto" title=${full ?? nothing}>${sentence}</span>
      <time id=${timeId} class="muted small" datetime=${activity.at}>${when(activity.at, ctx)}</time>
    </p>
  </article>`;
}

/** One entry of the history as an APG feed article: a check-in, or a change to the settings. */
export function renderEntry(item: HistoryItem, index: number, ctx: EntryContext): TemplateResult {
  return isActivity(item) ? renderActivity(item, index, ctx) : renderCheckin(item, index, ctx);
}

function renderCheckin(checkin: Checkin, index: number, ctx: EntryContext): TemplateResult {
  const headingId = domId('h', checkin.id);
  const metaId = domId('m', checkin.id);
  const isClient = ctx.viewer.role === 'client';
  const canReply = isClient || ctx.viewer.role === 'talent';
  // Only the client is warned: for the talent and observers the answer is just an answer.
  const blocker = isClient && hasBlocker(checkin, ctx.questions);
  const blockerId = ctx.questions[2]?.id;
  const answers = orderedAnswers(checkin, ctx.questions);
  const waiting = checkin.status === 'open' || checkin.status === 'late';
  const actionError = ctx.actionError(checkin.id);
  return html`<article
    part="article"
    class="entry ${checkin.status} ${blocker ? 'has-blocker' : ''}"
    tabindex=${ctx.active(checkin.id) ? '0' : '-1'}
    data-index=${index}
    data-id=${checkin.id}
    aria-posinset=${index + 1}
    aria-setsize=${ctx.setSize}
    aria-labelledby=${headingId}
    aria-describedby=${metaId}
  >
    <header class="entry-header">
      <div id=${headingId} class="h3" role="heading" aria-level=${ctx.entryLevel} title=${displayTitle(checkin.requestedBy.name)}>
        ${checkin.kind === 'requested' && checkin.requestedBy.id === ctx.viewer.id
          ? msg('Update requested by you')
          : kindLabel(checkin, shortText(checkin.requestedBy.name))}
      </div>
      <p id=${metaId} class="meta">
        <span part="status status-${checkin.status}" class="chip status-${checkin.status}"
          >${statusLabel(checkin.status)}</span
        >
        <time class="due" datetime=${checkin.dueAt}>${msg(str`Due ${when(checkin.dueAt, ctx, 'long')}`)}</time>
        ${blocker
          ? html`<span part="blocker-badge" class="badge blocker-badge">${msg('Blocker')}</span>`
          : nothing}
        ${checkin.editedAt ? html`<span part="edited" class="badge">${msg('Edited')}</span>` : nothing}
      </p>
    </header>
    ${checkin.message
      ? html`<blockquote class="message" part="message">
          <p class="muted">
            ${checkin.requestedBy.id === ctx.viewer.id
              ? msg('You wrote:')
              : msg(str`${shortText(checkin.requestedBy.name)} wrote:`)}
          </p>
          <p class="text" dir="auto">${checkin.message}</p>
        </blockquote>`
      : nothing}
    ${checkin.health
      ? html`<p part="health health-${checkin.health}" class="health ${checkin.health}">
          <span class="dot" aria-hidden="true"></span>${msg('Health:')} <strong>${healthLabel(checkin.health)}</strong>
        </p>`
      : nothing}
    ${answers.length
      ? html`<dl part="answers" class="answers">
          ${answers.map((a) => {
            const isBlocker = blocker && a.questionId === blockerId;
            return html`<div class="answer ${isBlocker ? 'blocker' : ''}" part=${isBlocker ? 'answer blocker' : 'answer'}>
              <dt>
                <span dir="auto">${a.label}</span>
                ${isBlocker ? html`<span class="badge blocker-badge">${msg('Blocker')}</span>` : nothing}
              </dt>
              <dd class="text" dir="auto">${a.text}</dd>
            </div>`;
          })}
        </dl>`
      : nothing}
    ${checkin.answeredAt
      ? html`<p class="muted small">
          ${msg(str`Answered ${when(checkin.answeredAt, ctx)}`)}${checkin.editedAt
            ? html`, ${msg(str`edited ${when(checkin.editedAt, ctx)}`)}`
            : nothing}
        </p>`
      : nothing}
    ${waiting
      ? html`<p class="muted">
          ${ctx.viewer.id === ctx.contract.talent.id
            ? msg('Waiting for your answer.')
            : msg(str`Waiting for ${shortText(ctx.contract.talent.name)} to answer.`)}
        </p>`
      : nothing}
    ${checkin.status === 'missed' ? html`<p class="muted">${msg('This check-in was not answered.')}</p>` : nothing}
    ${checkin.status === 'closed' ? renderClosed(checkin, ctx) : nothing}
    ${checkin.status === 'skipped'
      ? html`<p part="skip-note" class="skip-note">
          ${ctx.viewer.id === ctx.contract.talent.id
            ? msg('You were not working this week.')
            : msg(str`${shortText(ctx.contract.talent.name)} was not working this week.`)}
          ${checkin.skipNote ? html`<span class="text" dir="auto">${checkin.skipNote}</span>` : nothing}
        </p>`
      : nothing}
    ${checkin.acknowledgedAt
      ? html`<p part="seen" class="seen">
          ${ctx.viewer.id === ctx.contract.client.id
            ? msg(str`Seen by you on ${when(checkin.acknowledgedAt, ctx)}`)
            : msg(str`Seen by ${shortText(ctx.contract.client.name)} on ${when(checkin.acknowledgedAt, ctx)}`)}
        </p>`
      : isClient && checkin.status === 'answered'
        ? html`<p>
            <button
              type="button"
              part="acknowledge"
              tabindex=${tabStop(checkin, ctx)}
              aria-disabled=${ctx.acknowledging(checkin.id) ? 'true' : 'false'}
              @click=${() => ctx.onAcknowledge(checkin)}
            >
              ${msg('Mark as seen')}
            </button>
          </p>`
        : nothing}
    ${actionError ? renderError(actionError, () => ctx.onRetryAction(checkin)) : nothing}
    ${checkin.replies.length
      ? html`<ol part="replies" class="replies" aria-label=${msg('Replies')}>
          ${checkin.replies.map((r) => renderReply(r, ctx))}
        </ol>`
      : nothing}
    ${canReply ? renderReplyArea(checkin, ctx) : nothing}
  </article>`;
}
