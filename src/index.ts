// The public surface: importing this module defines the four tags.
import './define/checkin-provider.js';
import './define/checkin-toggle.js';
import './define/checkin-form.js';
import './define/checkin-thread.js';

export * from './elements/index.js';
export * from './model.js';
export * from './events.js';
export * from './context.js';
export * from './schedule/index.js';
export type * from './adapters/adapter.js';
export { newIdempotencyKey } from './adapters/adapter.js';
export { validated } from './adapters/validate.js';
// The request policy elements apply (their `request-timeout` and `retryPolicy`).
export { DEFAULT_REQUEST_POLICY } from './adapters/resilient.js';
export type { RequestPolicy, RetryPolicy } from './adapters/resilient.js';
