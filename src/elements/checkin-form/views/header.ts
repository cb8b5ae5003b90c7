import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatRelative } from '../../../format.js';
import type { Checkin } from '../../../model.js';
import { shortText } from '../../shared.js';
import { answerByInstant } from '../form-logic.js';
import { when } from '../words.js';
import type { FormView } from './props.js';

/** Who asks, when it is due, and the client's message. */
export function renderHeader(props: { view: FormView; checkin: Checkin }): TemplateResult {
  const { checkin } = props;
  const client = shortText(checkin.requestedBy.name);
  const ask =
    checkin.kind === 'requested'
      ? msg(str`${client} asked for an update`)
      : msg(str`${client} asks for this week's check-in`);
  // "Late" only once the backend says so: a check-in that just opened is asked, not overdue.
  return html`<header part="header">
    <p class="asker">
      ${ask}${checkin.status === 'late' ? html` <span class="badge" data-status="late">${msg('Late')}</span>` : nothing}
    </p>
    ${renderDue(props)}
    ${
      checkin.kind === 'requested' && checkin.message
        ? html`<blockquote part="message" dir="auto" aria-label=${msg(str`Message from ${client}`)}>${checkin.message}</blockquote>`
        : nothing
    }
  </header>`;
}

/**
 * "Asked 1 minute ago · answer by Fri 27 Nov, 23:59": when it was asked, on this page's clock,
 * and the answer-by time the backend gives (`lateAt`). The adapter's clock may differ (skew):
 * a check-in asked "in the future" here is named by its date instead.
 */
function renderDue(props: { view: FormView; checkin: Checkin }): TemplateResult {
  const { checkin } = props;
  const { now, terms } = props.view;
  const due = Date.parse(checkin.dueAt);
  const asked =
    Number.isNaN(due) || due > now
      ? msg(str`Asked ${when(terms, checkin.dueAt)}`)
      : now - due < 60_000
        ? msg('Asked just now')
        : msg(str`Asked ${formatRelative(due - now, terms.locale)}`);
  const by = checkin.lateAt ? when(terms, answerByInstant(checkin.lateAt, terms.timeZone)) : null;
  return html`<p class="muted due-relative" part="due">
    ${
      by
        ? checkin.status === 'late'
          ? msg(str`${asked} · the answer was due by ${by}`)
          : msg(str`${asked} · answer by ${by}`)
        : asked
    }
  </p>`;
}
