import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { CheckinErrorEvent } from '../events.js';
import { CheckinError, isAbortError, type CheckinErrorCode, type Health } from '../model.js';
import { DISPLAY_TEXT_SHOWN } from '../limits.js';

/** A plain-words heading for each failure; the adapter's own message follows it. */
export function errorHeading(code: CheckinErrorCode): string {
  switch (code) {
    case 'forbidden':
      return msg("You don't have permission to do this.");
    case 'not-found':
      return msg("This contract or check-in wasn't found.");
    case 'conflict':
      return msg('Someone else changed this in the meantime.');
    case 'invalid':
      return msg("The check-in data isn't valid.");
    case 'rate-limited':
      return msg('Please wait before trying again.');
    case 'network':
      return msg('You seem to be offline. Nothing was lost.');
    case 'timeout':
      return msg('The server took too long to answer.');
    case 'unavailable':
      return msg('Check-ins are unavailable right now.');
  }
}

/** Normalises anything thrown into a `CheckinError`; abort errors return null (not a failure). */
export function toCheckinError(error: unknown): CheckinError | null {
  if (isAbortError(error)) return null;
  return CheckinError.from(error);
}

/** Dispatches `checkin-error` from `host`. */
export function reportError(host: HTMLElement, error: CheckinError, action: string): void {
  host.dispatchEvent(new CheckinErrorEvent({ error, action }));
}

/** The on-screen failure: an alert with what happened and, when it helps, a retry button. */
export function renderError(error: CheckinError, retry?: () => void, retryLabel = msg('Try again')): TemplateResult {
  return html`<div class="notice error" role="alert" part="error" data-code=${error.code}>
    <strong>${errorHeading(error.code)}</strong>
    ${error.message ? html`<p class="error-message">${error.message}</p>` : nothing}
    ${
      retry && error.code !== 'forbidden' && error.code !== 'not-found'
        ? html`<button type="button" part="retry-button" @click=${retry}>${retryLabel}</button>`
        : nothing
    }
  </div>`;
}

/** What an element shows when no adapter reached it. */
export function renderNoAdapter(tag: string): TemplateResult {
  return html`<div class="notice error" role="alert" part="error" data-code="no-adapter">
    <strong>${msg('Check-ins are not connected.')}</strong>
    <p>
      ${msg(str`<${tag}> has no adapter: wrap it in <checkin-provider> with an adapter, or set its adapter property.`)}
    </p>
  </div>`;
}

/** What an element shows when it has no contract id. */
export function renderNoContract(tag: string): TemplateResult {
  return html`<div class="notice error" role="alert" part="error" data-code="no-contract">
    <strong>${msg('No contract selected.')}</strong>
    <p>${msg(str`<${tag}> needs a contract-id attribute, or a <checkin-provider> with one.`)}</p>
  </div>`;
}

// No inline style attributes anywhere: they would need 'unsafe-inline' under a strict CSP.
/** A loading placeholder with an accessible name. */
export function renderLoading(label = msg('Loading check-ins…')): TemplateResult {
  return html`<div part="loading" aria-busy="true" role="status">
    <span class="visually-hidden">${label}</span>
    <span class="skeleton short"></span>
    <span class="skeleton"></span>
    <span class="skeleton medium"></span>
  </div>`;
}

/**
 * Display text from the host (a name, a title), shortened with an ellipsis past
 * `DISPLAY_TEXT_SHOWN` characters. Use `displayTitle` for the `title` attribute that carries the
 * full text. Always rendered as text.
 */
export function shortText(text: string): string {
  if (text.length <= DISPLAY_TEXT_SHOWN) return text;
  // Never cut a surrogate pair in half.
  const cut = Array.from(text.slice(0, DISPLAY_TEXT_SHOWN + 1))
    .slice(0, DISPLAY_TEXT_SHOWN - 1)
    .join('');
  return `${cut.trimEnd()}…`;
}

/** The full text for a `title` attribute when `shortText` shortened it, else nothing. */
export function displayTitle(text: string): string | typeof nothing {
  return text.length > DISPLAY_TEXT_SHOWN ? text : nothing;
}

/**
 * The level of an element's main heading from its `heading-level` attribute: a whole number
 * from 1 to 6, else 2. Sub-headings use `subLevel(level)`. Rendered as `role="heading"` with
 * `aria-level`, so the outline fits the host page without changing the element's styles.
 */
export function headingLevel(value: unknown): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2;
}

/** The level below `level`, at most 6. */
export const subLevel = (level: number): number => Math.min(level + 1, 6);

/** The health value in words: the one place it is written, on screen and in the exports. */
export function healthLabel(health: Health): string {
  return health === 'on-track' ? msg('On track') : health === 'at-risk' ? msg('At risk') : msg('Off track');
}
