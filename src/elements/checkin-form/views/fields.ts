import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';

/** A field's inline error, named "Error:" for screen readers. */
export function renderFieldError(props: {
  id: string;
  text: string | null | undefined;
}): TemplateResult | typeof nothing {
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
    <span aria-hidden="true" class="count">${length} / ${max}${
      props.tooMany && over > 0 ? html` · ${msg(str`${over} too many`)}` : nothing
    }</span>
    <span class="visually-hidden">${msg(str`${length} of ${max} characters used`)}</span>
  </p>`;
}

/** A text field described by its counter (and its error, when it has one). */
export function renderTextField(props: {
  id: string;
  /** Names the counter (`<name>-count`) and the error (`<name>-err`). */
  name: string;
  part: string;
  rows: number;
  value: string;
  error: string | null;
  readonly: boolean;
  onInput: (event: Event) => void;
}): TemplateResult {
  const { id, name, error } = props;
  return html`<textarea
    id=${id}
    part=${props.part}
    rows=${props.rows}
    dir="auto"
    aria-describedby=${error ? `${name}-count ${name}-err` : `${name}-count`}
    aria-invalid=${error ? 'true' : 'false'}
    ?readonly=${props.readonly}
    .value=${live(props.value)}
    @input=${props.onInput}
  ></textarea>`;
}

/** A text field with its error above and its counter below (the skip note, the message). */
export function renderNoteField(
  props: Parameters<typeof renderTextField>[0] & { length: number; max: number; tooMany: boolean },
): TemplateResult {
  const { name, length, max, tooMany } = props;
  return html`${renderFieldError({ id: `${name}-err`, text: props.error })} ${renderTextField(props)}
    ${renderCounter({ id: `${name}-count`, length, max, tooMany })}`;
}

/** The button that sends: disabled (still focusable and announced) while a write is on its way. */
export function renderSend(props: { part: string; busy: boolean; label: string; onClick: () => void }): TemplateResult {
  return html`<button
    type="button"
    class="primary"
    part=${props.part}
    aria-disabled=${props.busy ? 'true' : 'false'}
    @click=${props.onClick}
  >
    ${props.label}
  </button>`;
}
