import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { LIMITS } from '../../../limits.js';
import { renderError, shortText } from '../../shared.js';
import { lengthOf } from '../form-logic.js';
import { failureOf } from '../state.js';
import { renderNoteField, renderSend } from './fields.js';
import type { FormView } from './props.js';

/** "Not working this week" and its panel. */
export function renderSkip(view: FormView): TemplateResult {
  const open = view.entry.skip.open;
  return html`<div class="skip">
    <button
      type="button"
      part="skip"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="skip-panel"
      @click=${view.on.toggleSkip}
    >
      ${msg('Not working this week')}
    </button>
    <div id="skip-panel" class="section" part="skip-panel" ?hidden=${!open}>
      ${open ? renderSkipPanel(view) : nothing}
    </div>
  </div>`;
}

/** The note and the confirmation of the skip. */
function renderSkipPanel(view: FormView): TemplateResult {
  const note = view.entry.skip.note;
  const error = view.problems.note;
  const failure = failureOf(view.outcomes, 'skip');
  const skipping = view.sending === 'skip';
  return html`<label for="skip-note">
      ${msg(str`Note for ${shortText(view.loaded.contract.client.name)}`)}
      <span class="marker">${msg('(optional)')}</span>
    </label>
    ${renderNoteField({
      ...{ id: 'skip-note', name: 'skip', part: 'textarea skip-note', rows: 3, value: note, error },
      ...{ readonly: false, onInput: view.on.skipInput },
      ...{ length: lengthOf(note.trim()), max: LIMITS.note, tooMany: false },
    })}
    ${failure ? renderError(failure, view.on.skip, msg('Retry')) : nothing}
    <div class="actions">
      ${renderSend({
        ...{ part: 'skip-confirm', busy: skipping || view.sending === 'submit', onClick: view.on.skip },
        label: skipping ? msg('Sending…') : msg('Confirm: not working this week'),
      })}
      <button type="button" part="skip-cancel" @click=${view.on.toggleSkip}>${msg('Cancel')}</button>
    </div>`;
}
