import { css } from 'lit';

/**
 * Tokens shared by every element. Colours follow the host page's `color-scheme` through
 * `light-dark()`: a page that declares none is light, whatever the system prefers, so the
 * elements never turn dark on a light page. A page (or an ancestor of the element) with
 * `color-scheme: light dark` follows the system; `--checkin-color-scheme` sets the scheme of
 * the elements alone (e.g. `light dark` to follow the system on a page that does not).
 * Hosts override any token with the `--checkin-*` custom properties.
 */
export const baseStyles = css`
  :host {
    /* Unset, the property inherits the page's scheme; the custom property overrides it. */
    color-scheme: var(--checkin-color-scheme);
    --_fg: var(--checkin-color-text, light-dark(#1f2328, #e6e8eb));
    --_muted: var(--checkin-color-text-muted, light-dark(#59636e, #a3acb7));
    --_bg: var(--checkin-color-surface, light-dark(#ffffff, #17191c));
    --_bg-subtle: var(--checkin-color-surface-subtle, light-dark(#f6f8fa, #22252a));
    --_border: var(--checkin-color-border, light-dark(#d1d9e0, #3d444d));
    --_accent: var(--checkin-color-accent, light-dark(#0b63ce, #5ea8ff));
    --_on-accent: var(--checkin-color-on-accent, light-dark(#ffffff, #0d1117));
    --_danger: var(--checkin-color-danger, light-dark(#c62828, #ff8a80));
    --_warning: var(--checkin-color-warning, light-dark(#8a5a00, #f2c45a));
    --_success: var(--checkin-color-success, light-dark(#1a7f37, #5fd38a));
    --_warning-bg: var(--checkin-color-warning-surface, light-dark(#fff4d6, #3a2e10));
    --_danger-bg: var(--checkin-color-danger-surface, light-dark(#ffebe9, #3d1a1a));
    --_radius: var(--checkin-radius, 8px);
    --_space: var(--checkin-space, 0.75rem);
    --_font-size: var(--checkin-font-size, 1rem);
    --_font-size-small: var(--checkin-font-size-small, 0.875rem);
    --_focus: var(--checkin-focus-ring, 2px solid var(--_accent));
    display: block;
    box-sizing: border-box;
    color: var(--_fg);
    font: inherit;
    font-size: var(--_font-size);
    line-height: 1.5;
    min-width: 0;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 0.375rem 0.875rem;
    min-height: 2.25rem;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .card {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .notice {
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
    background: var(--_bg-subtle);
    border: 1px solid var(--_border);
  }
  .notice.error {
    background: var(--_danger-bg);
    border-color: var(--_danger);
  }
  .notice.warning {
    background: var(--_warning-bg);
    border-color: var(--_warning);
  }
  .skeleton {
    display: block;
    height: 1em;
    margin: 0.5em 0;
    border-radius: 4px;
    background: var(--_bg-subtle);
    animation: checkin-pulse 1.2s ease-in-out infinite;
  }
  .skeleton.short {
    width: 60%;
  }
  .skeleton.medium {
    width: 75%;
  }
  @keyframes checkin-pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
