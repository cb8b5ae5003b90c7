import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Checkin, Reply } from '../../../model.js';
import { displayTitle, renderError, shortText } from '../../shared.js';
import { domId, tabStop, when, type EntryContext, type EntryProps } from './article.js';

function renderReply({ reply, ctx }: { reply: Reply; ctx: EntryContext }): TemplateResult {
  return html`<li part="reply" class="reply">
    <p class="reply-meta"><strong dir="auto" title=${displayTitle(reply.author.name)}>${shortText(reply.author.name)}</strong> <time class="muted" datetime=${reply.createdAt}>${when(reply.createdAt, ctx)}</time></p>
    <p class="text" dir="auto">${reply.text}</p>
  </li>`;
}

/** Under the field: why the reply was not sent (a check at the field, or the adapter's failure). */
function renderReplyError({ item: checkin, ctx }: EntryProps<Checkin>): TemplateResult | typeof nothing {
  const error = ctx.draft(checkin.id)?.error;
  if (typeof error === 'string') {
    return html`<p id=${domId('reply-error', checkin.id)} class="field-error" role="alert">${error}</p>`;
  }
  return error
    ? html`${renderError(error)}
        <p class="muted small">${msg('Your reply is kept; send it again when ready.')}</p>`
    : nothing;
}

function renderReplyBox(props: EntryProps<Checkin>): TemplateResult {
  const { item: checkin, ctx } = props;
  const draft = ctx.draft(checkin.id);
  const fieldId = domId('reply', checkin.id);
  const invalid = typeof draft?.error === 'string';
  const sending = ctx.replySending(checkin.id);
  const onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    ctx.onReplyClose(checkin);
  };
  return html`<form part="reply-box" class="reply-box" id=${domId('reply-box', checkin.id)} novalidate
    @submit=${(e: Event) => ctx.onReplySend(checkin, e)} @keydown=${onKeydown}>
    <label for=${fieldId}>${msg('Reply to this check-in')}</label>
    <textarea
      id=${fieldId}
      tabindex=${tabStop(checkin, ctx)}
      rows="1"
      dir="auto"
      .value=${live(draft?.text ?? '')}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${invalid ? domId('reply-error', checkin.id) : nothing}
      @input=${(e: Event) => ctx.onReplyInput(checkin, e)}
    ></textarea>
    <div class="actions">
      <button type="submit" part="reply-send" tabindex=${tabStop(checkin, ctx)} aria-disabled=${sending ? 'true' : 'false'}>
        ${sending ? msg('Sending…') : msg('Send reply')}
      </button>
      <button type="button" part="reply-cancel" tabindex=${tabStop(checkin, ctx)} @click=${() => ctx.onReplyClose(checkin)}>${msg('Cancel')}</button>
    </div>
    ${renderReplyError(props)}
  </form>`;
}

/**
 * The Reply button, and the box only when it is open: a form in every article makes Chromium's
 * autofill walk them all after every DOM change (22-52 ms per window move over a long thread).
 */
function renderReplyArea(props: EntryProps<Checkin>): TemplateResult {
  const { item: checkin, ctx } = props;
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
    ${open ? renderReplyBox(props) : nothing}`;
}

/** A check-in's replies, and the Reply button and box for those who may reply. */
export function renderReplies(props: EntryProps<Checkin>): TemplateResult {
  const { item: checkin, ctx } = props;
  const canReply = ctx.viewer.role === 'client' || ctx.viewer.role === 'talent';
  return html`${
    checkin.replies.length
      ? html`<ol part="replies" class="replies" aria-label=${msg('Replies')}>
        ${checkin.replies.map((reply) => renderReply({ reply, ctx }))}
      </ol>`
      : nothing
  }
  ${canReply ? renderReplyArea(props) : nothing}`;
}
