import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';

/** A field's inline error, named "Error:" for screen readers. */
export function renderFieldError(props: { id: string; text: string | null | undefined }): TemplateResult | typeof nothing {
  if (!props.text) return nothing;
  return html`<p class="field-error" id=${props.id} part="field-error">
    <span class="visually-hidden">${msg('Error:')}</span> ${props.text}
  </p>`;
}

/** "12 / 500" (and "3 too many" with `tooMany`), and the same in words for screen readers. */
export function renderCounter(props: { id: string; length: number; max: number; tooMany: boolean }): TemplateResult {
  const { id, length, max } = props;
  const over = length - max;
  return html`<p id=${id} class=${classMap({ counter: true, over: over > 0 })} part="counter">
    <span aria-hidden="true" class="count">${length} / ${max}${props.tooMany && over > 0
        ? html` · ${msg(str`${over} too many`)}`
        : nothing}</span>
    <span class="visually-hidden">${msg(str`${length} of ${max} characters used`)}</span>
  </p>`;
}
