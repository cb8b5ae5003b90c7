import { CheckinThread } from '../elements/checkin-thread/checkin-thread.js';

// A repeat definition (two bundles on one page) is tolerated rather than thrown.
if (!customElements.get('checkin-thread')) {
  customElements.define('checkin-thread', CheckinThread);
}

declare global {
  interface HTMLElementTagNameMap {
    'checkin-thread': CheckinThread;
  }
}
