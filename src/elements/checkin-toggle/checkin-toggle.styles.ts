import { css } from 'lit';

export const styles = css`
  :host {
    --_switch-w: var(--checkin-switch-width, 2.75rem);
    --_switch-h: var(--checkin-switch-height, 1.5rem);
    --_thumb: calc(var(--_switch-h) - 8px);
    container-type: inline-size;
  }
  .card {
    display: grid;
    gap: var(--_space);
    min-width: 0;
    /* A long name or title from the host wraps instead of widening the card. */
    overflow-wrap: anywhere;
  }
  p {
    margin: 0;
  }
  /* Headings are role="heading" with the host's aria-level: their look does not follow the level. */
  .h2,
  .h3,
  .h4 {
    margin: 0;
    line-height: 1.3;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .h2 {
    font-size: 1.25em;
  }
  .h3 {
    font-size: 1.0625em;
  }
  .h4 {
    font-size: 1em;
  }
  .switch-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  .switch {
    display: inline-flex;
    align-items: center;
    gap: 0.625rem;
    border: 1px solid transparent;
    background: transparent;
    padding: 0.25rem 0.375rem;
    min-height: 2.75rem;
    font-weight: 600;
    text-align: start;
  }
  .switch:hover .track {
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_accent) 20%, transparent);
  }
  .track {
    position: relative;
    flex: none;
    inline-size: var(--_switch-w);
    block-size: var(--_switch-h);
    border-radius: 999px;
    /* Off: an outlined track and a solid thumb in the muted text colour, which keeps 3:1
       against the surface (a pale grey track would not). */
    background: var(--_bg);
    border: 2px solid var(--_muted);
    transition: background-color 0.15s ease;
  }
  .thumb {
    position: absolute;
    inset-block-start: 2px;
    inset-inline-start: 2px;
    inline-size: var(--_thumb);
    block-size: var(--_thumb);
    border-radius: 50%;
    background: var(--_muted);
    transition: transform 0.15s ease;
  }
  .switch[aria-checked='true'] .track {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .switch[aria-checked='true'] .thumb {
    background: var(--_on-accent);
    transform: translateX(calc(var(--_switch-w) - var(--_thumb) - 8px));
  }
  :host(:dir(rtl)) .switch[aria-checked='true'] .thumb {
    transform: translateX(calc(-1 * (var(--_switch-w) - var(--_thumb) - 8px)));
  }
  .switch[aria-busy='true'] .thumb {
    animation: checkin-pulse 1.2s ease-in-out infinite;
  }
  .state {
    font-weight: normal;
    color: var(--_muted);
    min-inline-size: 2ch;
  }
  .status-text {
    color: var(--_muted);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .notice strong {
    display: block;
  }
  .conflict {
    display: grid;
    gap: 0.5rem;
  }
  .conflict .h4 {
    overflow-wrap: anywhere;
  }
  .editor,
  .questions-editor {
    display: grid;
    gap: var(--_space);
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space);
    min-width: 0;
  }
  .fields {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
  }
  .field {
    display: grid;
    gap: 0.25rem;
    align-content: start;
    min-width: 0;
  }
  fieldset.field {
    margin: 0;
    padding: calc(var(--_space) / 2) var(--_space) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend,
  label {
    font-weight: 600;
  }
  input,
  select {
    inline-size: 100%;
    max-inline-size: 100%;
    min-height: 2.25rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .hint {
    font-size: var(--_font-size-small);
  }
  .field-error {
    color: var(--_danger);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding-inline-start: 0.625rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg-subtle);
    font-size: var(--_font-size-small);
  }
  .chip-remove {
    min-height: 2rem;
    min-width: 2rem;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: transparent;
    line-height: 1;
  }
  .skip-add {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem;
  }
  .skip-add label {
    flex-basis: 100%;
  }
  .skip-add input {
    flex: 0 1 14rem;
    inline-size: auto;
    min-inline-size: 0;
  }
  .next {
    display: grid;
    gap: 0.375rem;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--_radius);
    background: var(--_bg-subtle);
  }
  .next ol,
  .questions {
    margin: 0;
    padding-inline-start: 1.5rem;
    overflow-wrap: anywhere;
  }
  .next li + li {
    margin-block-start: 0.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .summary {
    display: grid;
    gap: 0.5rem;
    margin: 0;
  }
  .summary > div {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) minmax(0, 1fr);
    gap: 0.75rem;
  }
  .summary dt {
    color: var(--_muted);
  }
  .summary dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  @container (max-width: 24rem) {
    .summary > div {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
  }
  .consent .actions {
    margin-block-start: 0.5rem;
  }
  dialog {
    max-inline-size: min(36rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    overflow: auto;
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  dialog[open] {
    display: grid;
    gap: var(--_space);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog ol {
    margin: 0;
    padding-inline-start: 1.5rem;
  }
  @media (prefers-reduced-motion: reduce) {
    .track,
    .thumb {
      transition: none;
    }
    .switch[aria-busy='true'] .thumb {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .track {
      border-color: CanvasText;
    }
    .thumb {
      background: CanvasText;
    }
    .switch[aria-checked='true'] .track {
      background: Highlight;
    }
  }
  .question-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .question > fieldset {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius, 0.5rem);
    min-width: 0;
  }
  .question legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
`;
