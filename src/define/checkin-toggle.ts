import { CheckinToggle } from '../elements/checkin-toggle/checkin-toggle.js';

// A repeat definition (two bundles on one page) is tolerated rather than thrown.
if (!customElements.get('checkin-toggle')) {
  customElements.define('checkin-toggle', CheckinToggle);
}

declare global {
  interface HTMLElementTagNameMap {
    'checkin-toggle': CheckinToggle;
  }
}
