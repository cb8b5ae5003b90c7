import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { displayTitle, shortText, subLevel } from '../../shared.js';

/** The aria-level `depth` levels below the main heading at `level` (0 = the main heading). */
export function ariaLevel(level: number, depth: number): string {
  let at = level;
  for (let i = 0; i < depth; i++) at = subLevel(at);
  return String(at);
}

/** The ids a control is described by, or no attribute when there are none. */
export const describedBy = (...ids: (string | false | undefined)[]): string | typeof nothing =>
  ids.filter(Boolean).join(' ') || nothing;

/** A field's inline message, when it has one. */
export function renderFieldError({ id, text }: { id: string; text?: string }): TemplateResult | typeof nothing {
  return text ? html`<p id=${id} class="field-error" part="field-error">${text}</p>` : nothing;
}

/** The main heading, naming the contract: two toggles on a page are told apart by it. */
export function renderHeading({ title, level }: { title: string; level: number }): TemplateResult {
  return html`<div
    id="toggle-title"
    class="h2 title"
    part="heading"
    role="heading"
    aria-level=${ariaLevel(level, 0)}
    title=${displayTitle(title)}
  >
    ${msg(str`Weekly check-ins for ${shortText(title)}`)}
  </div>`;
}

/** Said while the browser is offline. */
export function renderOffline(): TemplateResult {
  return html`<p class="notice warning" part="offline">
    ${msg("You're offline. Nothing was lost; changes can be saved once you're back online.")}
  </p>`;
}
