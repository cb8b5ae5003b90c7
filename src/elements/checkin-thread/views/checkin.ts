import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Checkin } from '../../../model.js';
import { displayTitle, renderError, shortText } from '../../shared.js';
import { closedText } from '../activity.js';
import { healthLabel } from '../../shared.js';
import { hasBlocker, kindLabel, orderedAnswers, statusLabel } from '../labels.js';
import { domId, renderArticle, tabStop, termsOf, when, type EntryProps } from './article.js';
import { renderReplies } from './reply.js';

type Props = EntryProps<Checkin> & {
  /** The client is warned of a blocker (for the talent and observers it is just an answer). */
  blocker: boolean;
};

function renderHeader({ item: checkin, ctx, blocker }: Props): TemplateResult {
  return html`<header class="entry-header">
    <div id=${domId('h', checkin.id)} class="h3" role="heading" aria-level=${ctx.entryLevel} title=${displayTitle(checkin.requestedBy.name)}>
      ${
        checkin.kind === 'requested' && checkin.requestedBy.id === ctx.viewer.id
          ? msg('Update requested by you')
          : kindLabel(checkin, shortText(checkin.requestedBy.name))
      }
    </div>
    <p id=${domId('m', checkin.id)} class="meta">
      <span part="status status-${checkin.status}" class="chip status-${checkin.status}"
        >${statusLabel(checkin.status)}</span
      >
      <time class="due" datetime=${checkin.dueAt}>${msg(str`Due ${when(checkin.dueAt, ctx, 'long')}`)}</time>
      ${blocker ? html`<span part="blocker-badge" class="badge blocker-badge">${msg('Blocker')}</span>` : nothing}
      ${checkin.editedAt ? html`<span part="edited" class="badge">${msg('Edited')}</span>` : nothing}
    </p>
  </header>`;
}

/** The client's message sent with a requested update, and the health. */
function renderMessage({ item: checkin, ctx }: Props): TemplateResult {
  return html`${
    checkin.message
      ? html`<blockquote class="message" part="message">
        <p class="muted">
          ${
            checkin.requestedBy.id === ctx.viewer.id
              ? msg('You wrote:')
              : msg(str`${shortText(checkin.requestedBy.name)} wrote:`)
          }
        </p>
        <p class="text" dir="auto">${checkin.message}</p>
      </blockquote>`
      : nothing
  }
  ${
    checkin.health
      ? html`<p part="health health-${checkin.health}" class="health ${checkin.health}">
        <span class="dot" aria-hidden="true"></span>${msg('Health:')} <strong>${healthLabel(checkin.health)}</strong>
      </p>`
      : nothing
  }`;
}

function renderAnswers({ item: checkin, ctx, blocker }: Props): TemplateResult | typeof nothing {
  const answers = orderedAnswers(checkin, ctx.questions);
  if (!answers.length) return nothing;
  const blockerId = ctx.questions[2]?.id;
  return html`<dl part="answers" class="answers">
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
  </dl>`;
}

/** Who closed a check-in unanswered, when and why; replies stay open. */
function renderClosed({ item: checkin, ctx }: Props): TemplateResult {
  const terms = termsOf(ctx);
  const by = checkin.closedBy;
  const long = !!by && shortText(by.name) !== by.name;
  return html`<p part="closed-note" class="closed-note" title=${long ? closedText(checkin, terms, true)! : nothing}>
    ${closedText(checkin, terms)}
    ${
      ctx.viewer.id === ctx.contract.talent.id
        ? html`<span class="muted">${msg('It can no longer be answered; you can still reply.')}</span>`
        : nothing
    }
  </p>`;
}

/** When it was answered, or what it waits for, or why it was not answered. */
function renderProgress(props: Props): TemplateResult {
  const { item: checkin, ctx } = props;
  const waiting = checkin.status === 'open' || checkin.status === 'late';
  const you = ctx.viewer.id === ctx.contract.talent.id;
  return html`${
    checkin.answeredAt
      ? html`<p class="muted small">
        ${msg(str`Answered ${when(checkin.answeredAt, ctx)}`)}${
          checkin.editedAt ? html`, ${msg(str`edited ${when(checkin.editedAt, ctx)}`)}` : nothing
        }
      </p>`
      : nothing
  }
  ${
    waiting
      ? html`<p class="muted">${you ? msg('Waiting for your answer.') : msg(str`Waiting for ${shortText(ctx.contract.talent.name)} to answer.`)}</p>`
      : nothing
  }
  ${checkin.status === 'missed' ? html`<p class="muted">${msg('This check-in was not answered.')}</p>` : nothing}
  ${checkin.status === 'closed' ? renderClosed(props) : nothing}
  ${
    checkin.status === 'skipped'
      ? html`<p part="skip-note" class="skip-note">
        ${you ? msg('You were not working this week.') : msg(str`${shortText(ctx.contract.talent.name)} was not working this week.`)}
        ${checkin.skipNote ? html`<span class="text" dir="auto">${checkin.skipNote}</span>` : nothing}
      </p>`
      : nothing
  }`;
}

/** "Seen by … on …", or the client's "Mark as seen" (with its failure and retry). */
function renderSeen({ item: checkin, ctx }: Props): TemplateResult {
  const actionError = ctx.actionError(checkin.id);
  return html`${
    checkin.acknowledgedAt
      ? html`<p part="seen" class="seen">
        ${
          ctx.viewer.id === ctx.contract.client.id
            ? msg(str`Seen by you on ${when(checkin.acknowledgedAt, ctx)}`)
            : msg(str`Seen by ${shortText(ctx.contract.client.name)} on ${when(checkin.acknowledgedAt, ctx)}`)
        }
      </p>`
      : ctx.viewer.role === 'client' && checkin.status === 'answered'
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
        : nothing
  }
  ${actionError ? renderError(actionError, () => ctx.onAcknowledge(checkin)) : nothing}`;
}

/** A check-in as an article of the feed. */
export function renderCheckin(entry: EntryProps<Checkin>): TemplateResult {
  const { item: checkin, ctx } = entry;
  const props: Props = { ...entry, blocker: ctx.viewer.role === 'client' && hasBlocker(checkin, ctx.questions) };
  const content = html`${renderHeader(props)} ${renderMessage(props)} ${renderAnswers(props)} ${renderProgress(props)}
    ${renderSeen(props)} ${renderReplies(entry)}`;
  const classes = `entry ${checkin.status} ${props.blocker ? 'has-blocker' : ''}`;
  return renderArticle({ ...entry, part: 'article', classes, content });
}
