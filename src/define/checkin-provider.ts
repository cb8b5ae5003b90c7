import { CheckinProvider } from '../elements/checkin-provider/checkin-provider.js';

// A repeat definition (two bundles on one page) is tolerated rather than thrown.
if (!customElements.get('checkin-provider')) {
  customElements.define('checkin-provider', CheckinProvider);
}

declare global {
  interface HTMLElementTagNameMap {
    'checkin-provider': CheckinProvider;
  }
}
