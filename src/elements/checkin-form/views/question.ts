import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import type { Question } from '../../../model.js';
import { copiesPlan, lastWeeksPlan, lengthOf } from '../form-logic.js';
import { renderCounter, renderFieldError } from './fields.js';
import type { FormView, PendingFill } from './props.js';

/** One question: its label, inline error, text field, counter and helpers. */
export function renderQuestion(props: { view: FormView; question: Question; index: number }): TemplateResult {
  const { view, question, index } = props;
  const text = view.entry.answers[question.id] ?? '';
  const error = view.problems.answers.find((e) => e.index === index);
  const describedBy = [`count-${index}`, error ? `err-${index}` : ''].filter(Boolean).join(' ');
  const fill = view.pendingFill?.index === index ? view.pendingFill : null;
  return html`<div class=${classMap({ question: true, invalid: !!error })} part="question" data-question=${question.id}>
      <label for="q-${index}" part="label">
        <span dir="auto">${question.prompt}</span>
        <span class="marker">${question.required ? msg('(required)') : msg('(optional)')}</span>
      </label>
      ${renderFieldError({ id: `err-${index}`, text: error?.inline })}
      <textarea
        id="q-${index}"
        part="textarea"
        rows="4"
        dir="auto"
        aria-describedby=${describedBy}
        aria-invalid=${error ? 'true' : 'false'}
        aria-required=${question.required ? 'true' : 'false'}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        ?readonly=${view.sending === 'submit'}
        .value=${live(text)}
        @input=${(e: Event) => view.on.input(question, e)}
        @keydown=${view.on.keydown}
      ></textarea>
      ${renderTools({ view, question, index, length: lengthOf(text.trim()) })}
      ${fill ? renderFillConfirm({ view, fill }) : nothing}
    </div>`;
}

/** The counter, the quick answers and "Copy last week's plan". */
function renderTools(props: { view: FormView; question: Question; index: number; length: number }): TemplateResult {
  const { view, question, index } = props;
  const { loaded, checkin } = view;
  const questions = loaded.settings.questions;
  const plan = checkin && copiesPlan(questions, question) ? lastWeeksPlan(loaded.checkins, checkin, questions) : null;
  return html`<div class="tools">
    ${renderCounter({ id: `count-${index}`, length: props.length, max: question.maxLength, tooMany: true })}
    ${
      question.quickAnswers.length
        ? html`<div class="quick" role="group" aria-label=${msg(str`Quick answers for “${question.prompt}”`)}>
          ${question.quickAnswers.map(
            (
              answer,
            ) => html`<button type="button" part="quick-answer" dir="auto" @click=${() => view.on.offerFill(index, answer)}>
              ${answer}
            </button>`,
          )}
        </div>`
        : nothing
    }
    ${
      plan
        ? html`<button type="button" part="copy-plan" @click=${() => view.on.offerFill(index, plan)}>
          ${msg("Copy last week's plan")}
        </button>`
        : nothing
    }
  </div>`;
}

/** The choice shown before a helper would replace typed text. */
function renderFillConfirm(props: { view: FormView; fill: PendingFill }): TemplateResult {
  const { on } = props.view;
  const { index, text } = props.fill;
  return html`<div class="fill-confirm" part="fill-confirm" id="fill-${index}" role="group" aria-labelledby="fill-text-${index}">
    <p id="fill-text-${index}">${msg('This answer already has text. What should happen to it?')}</p>
    <button type="button" data-fill="append" @click=${() => on.applyFill(index, text, 'append')}>
      ${msg('Add below it')}
    </button>
    <button type="button" data-fill="replace" @click=${() => on.applyFill(index, text, 'replace')}>
      ${msg('Replace it')}
    </button>
    <button type="button" data-fill="cancel" @click=${() => on.cancelFill(index)}>
      ${msg('Cancel')}
    </button>
  </div>`;
}
