import { createContext } from '@lit/context';
import type { CheckinAdapter } from './adapters/adapter.js';
import type { RequestPolicy } from './adapters/resilient.js';
import type { Viewer } from './model.js';

// Context keys live in their own module so that hosts written in Lit can provide or consume
// them without importing any element.

/** The adapter every element inside a `<checkin-provider>` talks to. */
export const adapterContext = createContext<CheckinAdapter | undefined>(Symbol.for('checkin-elements/adapter'));
/** The contract the elements inside a `<checkin-provider>` show. */
export const contractIdContext = createContext<string | undefined>(Symbol.for('checkin-elements/contract-id'));
/**
 * The viewer a `<checkin-provider>` loaded (`undefined` while it loads), for a Lit host's own
 * components. No check-in element reads it: each loads the viewer through its adapter (one
 * request, shared by everything on the same adapter).
 */
export const viewerContext = createContext<Viewer | undefined>(Symbol.for('checkin-elements/viewer'));
/**
 * The request policy of a `<checkin-provider>` (its `request-timeout` and `retryPolicy`), which
 * the elements inside inherit field by field; an element's own setting wins.
 */
export const requestPolicyContext = createContext<Partial<RequestPolicy> | undefined>(
  Symbol.for('checkin-elements/request-policy'),
);
