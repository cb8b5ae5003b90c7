import { css } from 'lit';

export const styles = css`
  :host {
    --_field-min-height: var(--checkin-form-field-min-height, 6.5em);
    --_gap: calc(var(--_space) * 1.25);
  }
  [hidden] {
    display: none !important;
  }
  .form-card {
    display: grid;
    gap: var(--_gap);
    position: relative;
  }
  /* Refreshing after a live update: the content stays usable; a bar along the top edge says so. */
  .form-card[aria-busy='true']::before {
    content: '';
    position: absolute;
    inset: 0 0 auto;
    height: 3px;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_accent);
    animation: checkin-pulse 1.2s ease-in-out infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .form-card[aria-busy='true']::before {
      animation: none;
    }
  }
  header,
  .section {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  /* Headings are role="heading" with a level set by heading-level: their look stays the same. */
  .h2,
  .h3 {
    margin: 0;
    font-size: 1.125em;
    font-weight: bold;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .h3 {
    font-size: 1em;
  }
  p {
    margin: 0;
  }
  /* Focused on purpose (never by a click): the ring shows however the focus came. The headings
     that take the focus after a reload keep the base's :focus-visible ring. */
  .error-summary:focus {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .asker {
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: 999px;
    border: 1px solid var(--_warning);
    background: var(--_warning-bg);
    color: var(--_fg);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  blockquote {
    margin: 0;
    padding: calc(var(--_space) / 2) var(--_space);
    border-inline-start: 3px solid var(--_accent);
    background: var(--_bg-subtle);
    border-radius: 0 var(--_radius) var(--_radius) 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  form {
    display: grid;
    gap: var(--_gap);
    margin: 0;
  }
  .question {
    display: grid;
    gap: calc(var(--_space) / 3);
    min-width: 0;
  }
  .question.invalid {
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: calc(var(--_space) * 0.75);
  }
  label,
  legend {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .marker {
    font-weight: normal;
    color: var(--_muted);
  }
  textarea {
    display: block;
    width: 100%;
    min-height: var(--_field-min-height);
    resize: vertical;
    padding: 0.5em 0.625em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    line-height: 1.45;
  }
  textarea[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .counter {
    font-size: var(--_font-size-small);
    color: var(--_muted);
    margin-inline-end: auto;
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--_danger);
    font-weight: 600;
  }
  .quick {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 3);
  }
  .tools button,
  .fill-confirm button {
    font-size: var(--_font-size-small);
    min-height: 2rem;
    padding: 0.25rem 0.625rem;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }
  .fill-confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) / 2);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .fill-confirm p {
    flex: 1 1 12rem;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .radios {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-top: calc(var(--_space) / 3);
  }
  .radios label {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    font-weight: normal;
    min-height: 2rem;
  }
  .radios input {
    accent-color: var(--_accent);
    width: 1.1em;
    height: 1.1em;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  .draft-status,
  .hint {
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }
  .error-summary {
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_bg);
  }
  .error-summary ul {
    margin: calc(var(--_space) / 2) 0 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .notice p + p,
  .notice strong + p {
    margin-top: 0.25em;
  }
  .notice button {
    margin-top: calc(var(--_space) / 2);
    margin-inline-end: calc(var(--_space) / 2);
  }
  .skip {
    border-top: 1px solid var(--_border);
    padding-top: var(--_gap);
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .skip > button:first-child {
    justify-self: start;
  }
  .answers {
    margin: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .answers dt {
    font-weight: 600;
  }
  .answers dd {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .state {
    font-weight: 600;
  }
  .state.late,
  .state.missed {
    color: var(--_warning);
  }
  .state.done {
    color: var(--_success);
  }
  @media (max-width: 30rem) {
    .actions > button {
      flex: 1 1 100%;
    }
  }
  @media (forced-colors: active) {
    .badge,
    .error-summary,
    textarea[aria-invalid='true'] {
      border-color: CanvasText;
    }
  }
`;
