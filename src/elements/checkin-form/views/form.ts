import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { HEALTH_VALUES, type Checkin } from '../../../model.js';
import { formatInstant } from '../../../format.js';
import { renderError, shortText } from '../../shared.js';
import { weekEnded } from '../form-logic.js';
import { failureOf } from '../state.js';
import { healthLabel } from '../../shared.js';
import { editWindow, storageWarning, when } from '../words.js';
import { renderHeader } from './header.js';
import { renderQuestion } from './question.js';
import { renderReplyPanel } from './reply.js';
import { renderSkip } from './skip.js';
import { reloadButton } from './reload.js';
import type { FormView } from './props.js';

/** The form: the header (or the edit window), the notices, the questions and the skip. */
export function renderForm(props: { view: FormView; checkin: Checkin }): TemplateResult {
  const { view, checkin } = props;
  const editing = checkin.status !== 'open' && checkin.status !== 'late';
  return html`${
    editing
      ? html`<p class="muted">${editWindow(view.loaded, checkin, view.terms)}</p>`
      : renderHeader({ view, checkin })
  }
    ${renderErrorSummary(view)} ${renderSubmitError(view)}
    ${view.replyOpen ? renderReplyPanel({ view, checkin }) : nothing}
    ${
      view.offline
        ? html`<div class="notice warning" part="offline">
          ${msg("You're offline. Your answers stay on this device; submit when you're back online.")}
        </div>`
        : nothing
    }
    ${renderDraftStatus(view)}
    <form part="form" novalidate @submit=${view.on.submit} aria-labelledby="heading">
      ${view.loaded.settings.questions.map((question, index) => renderQuestion({ view, question, index }))}
      ${renderHealth(view)}
      ${renderActions({ view, checkin, editing })}
      <p class="hint">${msg('Tip: Ctrl+Enter (⌘+Enter on a Mac) submits from any answer.')}</p>
    </form>
    ${editing || weekEnded(checkin, view.now) ? nothing : renderSkip(view)}`;
}

/** Submit (or "Save changes"), "Cancel editing" and when the draft was saved. */
function renderActions(props: { view: FormView; checkin: Checkin; editing: boolean }): TemplateResult {
  const { view, checkin, editing } = props;
  const label =
    view.sending === 'submit'
      ? msg('Submitting…')
      : checkin.status === 'answered'
        ? msg('Save changes')
        : msg('Submit check-in');
  const busy = view.sending === 'submit' || view.sending === 'skip';
  return html`<div class="actions">
    <button type="submit" class="primary" part="submit" aria-disabled=${busy ? 'true' : 'false'}>
      ${label}
    </button>
    ${
      editing
        ? html`<button type="button" part="cancel-edit" @click=${view.on.cancelEdit}>${msg('Cancel editing')}</button>`
        : nothing
    }
    ${
      view.savedAt
        ? html`<span class="draft-status" part="draft-status" data-draft="saved">
          ${
            view.draft.persisted
              ? msg(str`Draft saved ${formatInstant(view.savedAt, { ...view.terms, style: 'time' })}`)
              : msg('Draft kept in this tab only')
          }
        </span>`
        : nothing
    }
  </div>`;
}

function renderHealth(view: FormView): TemplateResult {
  const options: Array<[string, string]> = [
    ['', msg('Not set')],
    ...HEALTH_VALUES.map((value): [string, string] => [value, healthLabel(value)]),
  ];
  return html`<fieldset part="health">
    <legend>${msg('How is the work going?')} <span class="marker">${msg('(optional)')}</span></legend>
    <div class="radios">
      ${options.map(
        ([value, label]) => html`<label>
          <input
            type="radio"
            name="health"
            .value=${value}
            .checked=${live((view.entry.health ?? '') === value)}
            @change=${() => view.on.health(value)}
          />
          ${label}
        </label>`,
      )}
    </div>
  </fieldset>`;
}

function renderErrorSummary(view: FormView): TemplateResult | typeof nothing {
  const errors = view.problems.answers;
  if (!errors.length) return nothing;
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
    <div id="summary-title" class="h3" role="heading" aria-level=${view.subLevel}>${msg('There is a problem')}</div>
    <ul>
      ${errors.map(
        (e) => html`<li>
          <a href="#q-${e.index}" @click=${(ev: Event) => view.on.focusField(ev, e.index)}>${e.summary}</a>
        </li>`,
      )}
    </ul>
  </div>`;
}

function renderSubmitError(view: FormView): TemplateResult | typeof nothing {
  const error = failureOf(view.outcomes, 'submit');
  if (!error) return nothing;
  if (error.code !== 'conflict') return renderError(error, view.on.retrySubmit, msg('Retry'));
  return html`<div class="notice error" role="alert" part="error" data-code="conflict">
    <strong>${msg('This check-in can no longer be changed.')}</strong>
    <p class="error-message">${error.message}</p>
    <p>${msg('Your text is still in the fields below, so you can copy it or send it as a message.')}</p>
    ${
      view.replyOpen
        ? nothing
        : html`<button type="button" part="offer-reply" @click=${view.on.openReply}>
          ${msg(str`Send it to ${shortText(view.loaded.contract.client.name)} as a message`)}
        </button>`
    }
    ${reloadButton({ view, label: msg('Reload the check-in'), part: 'retry-button' })}
  </div>`;
}

/** "Draft restored", the storage warning and another tab's draft. */
function renderDraftStatus(view: FormView): TemplateResult {
  const { draft, restored, on } = view;
  return html`${
    draft.persisted
      ? nothing
      : html`<div class="notice warning" part="draft-status" data-draft="memory">${storageWarning()}</div>`
  }
    ${
      draft.updatedElsewhere
        ? html`<div class="notice" part="draft-status" data-draft="other-tab">
          <p>${msg('This draft was updated in another tab.')}</p>
          ${
            draft.external
              ? html`<p class="muted">${msg('Loading it replaces what you typed here.')}</p>
                <button type="button" @click=${on.loadOtherTab}>${msg("Load the other tab's draft")}</button>
                <button type="button" @click=${on.keepThisDraft}>${msg('Keep this one')}</button>`
              : nothing
          }
        </div>`
        : nothing
    }
    ${
      restored && !draft.updatedElsewhere
        ? html`<p class="draft-status" part="draft-status" data-draft="restored">
          ${
            restored.what === 'answers'
              ? msg(str`Restored your unsent answers from ${when(view.terms, restored.at)}.`)
              : msg(
                  str`Restored your unsent note for ${shortText(view.loaded.contract.client.name)} from ${when(view.terms, restored.at)}.`,
                )
          }
        </p>`
        : nothing
    }`;
}
