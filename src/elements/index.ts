// The element classes, with no registration: for hosts that define tags under their own names
// or in a scoped registry.
export { CheckinProvider } from './checkin-provider/checkin-provider.js';
export { CheckinToggle } from './checkin-toggle/checkin-toggle.js';
export { CheckinForm } from './checkin-form/checkin-form.js';
export { CheckinThread } from './checkin-thread/checkin-thread.js';
