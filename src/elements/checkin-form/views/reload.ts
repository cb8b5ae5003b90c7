import { html, nothing, type TemplateResult } from 'lit';
import type { FormView } from './props.js';

/**
 * "Show the latest" / "Reload the check-in": replaces the form with a fresh load. Not offered
 * while a submit or skip is on its way (disabled, still focusable and announced): a load then
 * would set the write's outcome aside, and its answers would look unsent.
 */
export function reloadButton(props: { view: FormView; label: string; part?: string }): TemplateResult {
  const { sending, on } = props.view;
  const writing = sending === 'submit' || sending === 'skip';
  return html`<button
    type="button"
    part=${props.part ?? nothing}
    aria-disabled=${writing ? 'true' : 'false'}
    @click=${on.reload}
  >
    ${props.label}
  </button>`;
}
