import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { LIMITS } from '../../../limits.js';
import type { Contract } from '../../../model.js';
import { renderError, shortText } from '../../shared.js';
import type { RequestPanel } from '../state.js';

export interface RequestProps {
  contract: Contract;
  request: RequestPanel;
  sending: boolean;
  onInput(text: string): void;
  onSend(event: Event): void;
  onCancel(): void;
}

/** The message's character count, and why it cannot be sent when it is too long. */
function renderCounter({ length }: { length: number }): TemplateResult {
  const over = length - LIMITS.message;
  return html`<p id="request-count" class="counter ${over > 0 ? 'over' : ''}" part="request-counter">
      <span aria-hidden="true">${length} / ${LIMITS.message}${over > 0 ? html` · ${msg(str`${over} too many`)}` : nothing}</span>
      <span class="visually-hidden">${msg(str`${length} of ${LIMITS.message} characters used`)}</span>
    </p>
    ${
      over > 0
        ? html`<p id="request-too-long" class="field-error" role="alert">
          ${msg(str`The message is ${over} characters too long: use ${LIMITS.message} characters or fewer to send it.`)}
        </p>`
        : nothing
    }`;
}

/**
 * The form with the optional message sent with a request. No maxlength on the field: a paste
 * over the limit is kept whole and said to be too long at the field, and nothing is sent until
 * it fits (a silent cut would lose words).
 */
export function renderRequestPanel({
  contract,
  request,
  sending,
  onInput,
  onSend,
  onCancel,
}: RequestProps): TemplateResult {
  const over = request.text.length > LIMITS.message;
  return html`<form id="request-panel" class="card request-panel" part="request-panel" @submit=${onSend}>
    <p>
      ${msg(
        str`${shortText(contract.talent.name)} will be asked the check-in questions now, in your name (${shortText(contract.client.name)}).`,
      )}
    </p>
    <label for="request-message">${msg('Message (optional)')}</label>
    <textarea
      id="request-message"
      rows="2"
      dir="auto"
      aria-invalid=${over ? 'true' : 'false'}
      aria-describedby=${over ? 'request-count request-too-long' : 'request-count'}
      .value=${live(request.text)}
      @input=${(e: Event) => onInput((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${renderCounter({ length: request.text.length })}
    ${request.error ? renderError(request.error) : nothing}
    <div class="actions">
      <button type="submit" class="primary" aria-disabled=${sending ? 'true' : 'false'}>
        ${sending ? msg('Sending…') : msg('Send request')}
      </button>
      <button type="button" @click=${onCancel}>${msg('Cancel')}</button>
    </div>
  </form>`;
}
