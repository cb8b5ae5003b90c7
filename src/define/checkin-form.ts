import { CheckinForm } from '../elements/checkin-form/checkin-form.js';

// A repeat definition (two bundles on one page) is tolerated rather than thrown.
if (!customElements.get('checkin-form')) {
  customElements.define('checkin-form', CheckinForm);
}

declare global {
  interface HTMLElementTagNameMap {
    'checkin-form': CheckinForm;
  }
}
