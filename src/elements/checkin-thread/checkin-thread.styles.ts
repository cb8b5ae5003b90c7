import { css } from 'lit';

export const styles = css`
  :host {
    --_entry-size: var(--checkin-thread-entry-size, 22rem);
    --_gap: var(--checkin-thread-gap, var(--_space));
  }
  /* Headings are role="heading" with the host's aria-level: their look does not follow the level. */
  .h2,
  .h3 {
    margin: 0;
    font-weight: 700;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .h2 {
    font-size: 1.125em;
  }
  .h3 {
    font-size: 1em;
  }
  p {
    margin: 0.25rem 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: var(--_space);
  }
  .tools,
  .export,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .cooldown {
    margin: 0 0 var(--_space);
    font-size: var(--_font-size-small);
  }
  .request-panel {
    display: grid;
    gap: 0.5rem;
    margin-bottom: var(--_space);
  }
  textarea {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .counter {
    margin: 0.25rem 0 0;
    font-size: var(--_font-size-small);
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--_danger);
    font-weight: 600;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }
  .notice {
    margin: 0 0 var(--_space);
  }
  .scroller {
    max-height: var(--checkin-thread-max-height, none);
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .feed {
    display: grid;
    gap: var(--_gap);
  }
  /* Off-screen articles are not laid out or painted; their size is estimated (and then
     remembered) so that the scrollbar does not jump. */
  article {
    content-visibility: auto;
    contain-intrinsic-size: auto var(--_entry-size);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  article:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  article.answered {
    border-left-color: var(--_success);
  }
  article.late,
  article.open {
    border-left-color: var(--_accent);
  }
  article.missed {
    border-left-color: var(--_danger);
  }
  article.has-blocker {
    border-left-color: var(--_warning);
  }
  article.closed {
    border-left-color: var(--_muted);
  }
  /* A change to the settings: one compact line between the check-ins. */
  article.activity {
    contain-intrinsic-size: auto 2.5rem;
    background: var(--_bg-subtle);
    border-left-style: dashed;
    padding: calc(var(--_space) / 2) var(--_space);
  }
  .activity-line {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: baseline;
  }
  .closed-note {
    display: grid;
    gap: 0.25rem;
  }
  .entry-header {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 0.5rem;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: center;
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }
  .chip,
  .badge {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 0.5rem;
    font-size: var(--_font-size-small);
    font-weight: 600;
    line-height: 1.5;
    white-space: nowrap;
  }
  .chip.status-answered { color: var(--_success); }
  .chip.status-open { color: var(--_accent); }
  .chip.status-late { color: var(--_warning); }
  .chip.status-missed { color: var(--_danger); }
  .chip.status-skipped, .chip.status-closed { color: var(--_muted); }
  .badge {
    color: var(--_muted);
  }
  .blocker-badge {
    color: var(--_warning);
    background: var(--_warning-bg);
  }
  .health {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }
  .health .dot {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    background: currentColor;
    flex: none;
  }
  .health.on-track .dot {
    color: var(--_success);
  }
  .health.at-risk .dot {
    color: var(--_warning);
  }
  .health.off-track .dot {
    color: var(--_danger);
  }
  .answers {
    margin: 0.5rem 0;
    display: grid;
    gap: 0.5rem;
  }
  .answer {
    padding: 0.25rem 0;
  }
  .answer.blocker {
    background: var(--_warning-bg);
    border-left: 4px solid var(--_warning);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.375rem 0.5rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0.125rem 0 0;
  }
  .text {
    white-space: pre-wrap;
  }
  .message {
    margin: 0.5rem 0;
    padding-left: 0.75rem;
    border-left: 3px solid var(--_border);
  }
  .small,
  .seen {
    font-size: var(--_font-size-small);
  }
  .seen {
    color: var(--_success);
  }
  .replies {
    list-style: none;
    margin: 0.75rem 0 0;
    padding: 0.5rem 0 0;
    border-top: 1px solid var(--_border);
    display: grid;
    gap: 0.5rem;
  }
  .reply {
    background: var(--_bg-subtle);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.375rem 0.5rem;
  }
  .reply-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    font-size: var(--_font-size-small);
  }
  .reply-toggle {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0.75rem 0 0;
  }
  /* Field and button side by side; label and messages span the row. */
  .reply-box {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.375rem 0.5rem;
    align-items: end;
    margin-top: 0.75rem;
  }
  .reply-box .actions {
    display: flex;
    gap: 0.375rem;
  }
  .reply-box > :not(textarea, .actions) {
    grid-column: 1 / -1;
  }
  .reply-box label {
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  .reply-box textarea {
    min-height: 2.25rem;
  }
  @media (max-width: 30rem) {
    article {
      padding: calc(var(--_space) * 0.75);
    }
    .reply-box {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .show-newer {
    width: 100%;
    margin-bottom: var(--_gap);
  }
  .more,
  .end {
    text-align: center;
    margin: var(--_space) 0;
  }
  .sentinel {
    height: 1px;
  }
  @media (forced-colors: active) {
    .health .dot {
      forced-color-adjust: none;
      border: 1px solid CanvasText;
    }
    .answer.blocker {
      border-left-color: Highlight;
    }
  }
`;
