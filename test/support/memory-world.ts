/**
 * A small memory-backend world with an injected clock, for adapter-level tests: the
 * conformance kit's world (`worldData`), on a `MemoryStore` with a clock the test moves.
 * c-1: hourly, from Monday 2025-01-06; prompts on Fridays 09:00 Berlin (08:00Z in winter).
 */
import { MemoryAdapter, MemoryStore, type MemoryData } from '../../src/adapters/memory.js';
import { worldData, type WorldOptions as KitOptions } from '../../src/conformance/world.js';
import type { CheckinError } from '../../src/model.js';

export { ANSWERS, CLIENT, FIRST, SECOND, T0, TALENT } from '../../src/conformance/world.js';

export interface WorldOptions extends KitOptions {
  /** Extra data merged over the world's (activity, scheduleChangedAt, ...). */
  data?: Partial<MemoryData>;
}

export function world(options: WorldOptions = {}) {
  const { now, ...seed } = worldData(options);
  const data: MemoryData = { ...seed, ...options.data };
  const clock = { now: Date.parse(now) };
  const store = new MemoryStore(data, { clock: () => clock.now });
  const as = (viewerId: string) => new MemoryAdapter({ store, viewerId, contractId: 'c-1' });
  return {
    store,
    client: as('u-client'),
    talent: as('u-talent'),
    observer: as('u-obs'),
    stranger: as('u-stranger'),
    as,
    at(instant: string) {
      clock.now = Date.parse(instant);
    },
  };
}
export type World = ReturnType<typeof world>;

export let keys = 0;
export const key = () => `key-${++keys}`;

/** The rejection of `promise`; fails the test if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<CheckinError> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error as CheckinError;
  }
  throw new Error(`Expected a rejection, got ${JSON.stringify(value)}`);
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
