import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { formatRelative } from '../../../format.js';
import type { Checkin } from '../../../model.js';
import { nextPromptOrNull } from '../../terms.js';
import { shortText } from '../../shared.js';
import { hasText, isEditable } from '../form-logic.js';
import { doneOf, valueOf } from '../state.js';
import { healthLabel } from '../../shared.js';
import { closedSentence, closedText, editWindow, when } from '../words.js';
import type { FormView } from './props.js';
import { renderReplyPanel } from './reply.js';
import { reloadButton } from './reload.js';

export function renderNewerArrived(view: FormView): TemplateResult | typeof nothing {
  if (!view.newer) return nothing;
  return html`<div class="notice" part="newer" role="status">
    ${
      view.newer === 'checkin'
        ? msg(
            'While you were typing, this check-in was answered or skipped elsewhere, or it closed. What you typed is kept.',
          )
        : msg('Something changed on this contract while you were typing (a new check-in or new settings).')
    }
    ${reloadButton({ view, label: msg('Show the latest') })}
  </div>`;
}

export function renderPreviousSent(view: FormView): TemplateResult | typeof nothing {
  const sent = view.previousSent;
  if (!sent) return nothing;
  const due = when(view.terms, sent.dueAt);
  // Plain text, no role: the announcement already said it; this stays for whoever looks later.
  return html`<p class="muted" part="previous-sent">
    ${
      sent.what === 'submitted'
        ? msg(str`Your answers to the check-in due ${due} were sent.`)
        : msg(str`The check-in due ${due} was marked as not working this week.`)
    }
  </p>`;
}

/** "No check-in is open. The next one opens Fri, 4 Dec, 09:00 (in 3 days)". */
export function renderNoneOpen(view: FormView): TemplateResult {
  const { loaded, now, terms } = view;
  const next = nextPromptOrNull(loaded.settings.schedule, now, loaded.contract);
  const text = next
    ? msg(
        str`No check-in is open. The next one opens ${when(terms, next)} (${formatRelative(Date.parse(next) - now, terms.locale)})`,
      )
    : msg('No check-in is open, and none is scheduled before the contract ends.');
  return html`<p class="state" part="state" data-state="none">${text}</p>`;
}

/** A closed check-in: who closed it and why, and what was typed for it, to send as a message. */
export function renderClosed(props: { view: FormView; checkin: Checkin }): TemplateResult {
  const { view, checkin } = props;
  return html`<div class="section" data-state="closed-checkin">
    <div id="done-heading" tabindex="-1" class="h3 state" role="heading" aria-level=${view.subLevel}>
      ${msg('This check-in closed')}
    </div>
    <p part="state">${closedSentence(view.loaded, checkin, view.terms)}</p>
    ${hasText(valueOf(view.entry)) ? renderReplyPanel(props) : nothing}
  </div>`;
}

function renderAnswers(props: { view: FormView; checkin: Checkin }): TemplateResult {
  const { view, checkin } = props;
  const questions = view.loaded.settings.questions;
  const prompt = (id: string) => questions.find((q) => q.id === id)?.prompt ?? msg('Earlier question');
  return html`<dl class="answers" part="answers">
    ${(checkin.answers ?? []).map(
      (a) => html`<div><dt dir="auto">${prompt(a.questionId)}</dt><dd dir="auto">${a.text}</dd></div>`,
    )}
    ${
      checkin.health
        ? html`<div><dt>${msg('How is the work going?')}</dt><dd>${healthLabel(checkin.health)}</dd></div>`
        : nothing
    }
  </dl>`;
}

export function renderAnswered(props: { view: FormView; checkin: Checkin }): TemplateResult {
  const { view, checkin } = props;
  const { loaded, terms } = view;
  const editable = isEditable(checkin, loaded.settings, loaded.contract, view.now);
  const answeredAt = checkin.editedAt ?? checkin.answeredAt;
  const submitted = doneOf(view.outcomes) === 'submitted';
  return html`<div class="section" data-state=${editable ? 'answered' : 'closed'}>
    <div
      id="done-heading"
      tabindex="-1"
      class=${classMap({ h3: true, state: true, done: submitted })}
      role="heading"
      aria-level=${view.subLevel}
    >
      ${submitted ? msg('Submitted') : msg('Your answer')}
    </div>
    <p part="state">
      ${
        answeredAt
          ? checkin.editedAt
            ? msg(str`Edited on ${when(terms, answeredAt)}.`)
            : msg(str`Answered on ${when(terms, answeredAt)}.`)
          : nothing
      }
      ${editable ? editWindow(loaded, checkin, terms) : closedText(loaded, checkin, terms)}
    </p>
    ${renderAnswers(props)}
    ${editable ? renderEdit({ view, label: msg('Edit answer') }) : nothing}
  </div>`;
}

export function renderSkipped(props: { view: FormView; checkin: Checkin }): TemplateResult {
  const { view, checkin } = props;
  const editable = isEditable(checkin, view.loaded.settings, view.loaded.contract, view.now);
  return html`<div class="section" data-state="skipped">
    <div id="done-heading" tabindex="-1" class="h3 state" role="heading" aria-level=${view.subLevel}>
      ${msg('Not working this week')}
    </div>
    <p part="state">
      ${msg(str`You told ${shortText(view.loaded.contract.client.name)} you're not working this week.`)}
    </p>
    ${
      checkin.skipNote
        ? html`<blockquote part="message" dir="auto" aria-label=${msg('Your note')}>${checkin.skipNote}</blockquote>`
        : nothing
    }
    ${editable ? renderEdit({ view, label: msg('Answer after all') }) : nothing}
  </div>`;
}

export function renderMissed(props: { view: FormView; checkin: Checkin }): TemplateResult {
  return html`<div class="section" data-state="missed">
    <p class="state missed" part="state">
      ${msg(str`This check-in (asked ${when(props.view.terms, props.checkin.dueAt)}) was missed: the next one opened before it was answered.`)}
    </p>
  </div>`;
}

/** "Edit answer" / "Answer after all": the form again, with the answer as sent. */
function renderEdit(props: { view: FormView; label: string }): TemplateResult {
  return html`<div class="actions">
    <button type="button" part="edit" @click=${props.view.on.startEdit}>${props.label}</button>
  </div>`;
}
