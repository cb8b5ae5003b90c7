/** Helpers the suites share: fresh idempotency keys, settings changes, event capture. */
import type { CheckinAdapter, CheckinEvent, SettingsChange } from '../adapters/adapter.js';
import type { Checkin, Settings } from '../model.js';

let keys = 0;
/** A fresh idempotency key, unique in this run. */
export const key = (): string => `conformance-${Date.now().toString(36)}-${++keys}`;

/** Changes the settings of `c-1` as `adapter`, against the version it reads first. */
export async function change(adapter: CheckinAdapter, value: SettingsChange): Promise<Settings> {
  const { version } = await adapter.getSettings('c-1');
  return adapter.updateSettings('c-1', value, { expectedVersion: version, idempotencyKey: key() });
}

/** The check-in `id` of `c-1` as `adapter` lists it. */
export async function checkin(adapter: CheckinAdapter, id: string): Promise<Checkin> {
  const page = await adapter.listCheckins('c-1', { limit: 100 });
  const found = page.items.find((c) => c.id === id);
  if (!found) throw new Error(`There is no check-in ${id} in the list.`);
  return found;
}

/** Waits until `test()` is true (events cross a network), or fails after `timeout` ms. */
export async function until(test: () => boolean, what: string, timeout = 3000): Promise<void> {
  const end = Date.now() + timeout;
  while (!test()) {
    if (Date.now() > end) throw new Error(`Timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Collects the events `adapter` receives about `c-1`; `stop()` ends the subscription. */
export function listen(adapter: CheckinAdapter): { events: CheckinEvent[]; stop: () => void } {
  const events: CheckinEvent[] = [];
  const stop = adapter.subscribe!('c-1', (event) => events.push(event));
  return { events, stop };
}

/** Lets the backend deliver what is in flight. */
export const pause = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));
