/**
 * `checkin-elements/conformance`: the adapter contract as a test suite a host runs against
 * its own backend. It registers tests with the host's runner (`describe`/`it` of mocha, or of
 * `node:test`), opening a fresh backend holding the kit's world for each test. See
 * docs/conformance.md.
 */
import type { CheckinAdapter } from '../adapters/adapter.js';
import { defineAccess } from './suite-access.js';
import { defineCheckins } from './suite-checkins.js';
import { defineHistory } from './suite-history.js';
import { defineSettings } from './suite-settings.js';
import type { WorldOptions } from './world.js';

export { ANSWERS, CLIENT, FIRST, PEOPLE, SECOND, T0, TALENT, worldData } from './world.js';
export type { WorldOptions } from './world.js';

/** A backend opened for one test: an adapter per person, and its clock if it has one. */
export interface ConformanceBackend {
  client: CheckinAdapter;
  talent: CheckinAdapter;
  observer: CheckinAdapter;
  stranger: CheckinAdapter;
  /** Moves the backend's clock to `instant` (tests of time passing need it). */
  setClock?(instant: string): void | Promise<void>;
  /** Releases what `open` took (connections, servers). */
  close?(): void | Promise<void>;
}

/** The backend under test. */
export interface ConformanceTarget {
  /** Shown in the test titles. */
  name: string;
  /**
   * A fresh backend holding `worldData(options)` (users, contracts, settings, check-ins,
   * policy, clock), with adapters signed in as its four people on contract `c-1`.
   */
  open(options: WorldOptions): Promise<ConformanceBackend>;
  /** What the backend offers beyond the required methods (default: everything). */
  capabilities?: { subscribe?: boolean; history?: boolean; clock?: boolean };
}

/** `describe` and `it` of the host's runner. */
export interface Runner {
  describe(title: string, body: () => void): void;
  it(title: string, body: () => Promise<void>): void;
}

/** What each suite gets: the runner and a helper that opens a backend and closes it after. */
export interface Kit {
  it: Runner['it'];
  describe: Runner['describe'];
  capabilities: Required<NonNullable<ConformanceTarget['capabilities']>>;
  run(options: WorldOptions, body: (backend: ConformanceBackend) => Promise<void>): Promise<void>;
}

/** Registers the conformance tests of `target` with `runner`. */
export function defineConformance(runner: Runner, target: ConformanceTarget): void {
  const capabilities = { subscribe: true, history: true, clock: true, ...target.capabilities };
  const kit: Kit = {
    it: runner.it,
    describe: runner.describe,
    capabilities,
    async run(options, body) {
      const backend = await target.open(options);
      try {
        await body(backend);
      } finally {
        await backend.close?.();
      }
    },
  };
  const missing = Object.entries(capabilities)
    .filter(([, has]) => !has)
    .map(([name]) => name);
  const title = `conformance: ${target.name}${missing.length ? ` (without ${missing.join(', ')})` : ''}`;
  runner.describe(title, () => {
    defineAccess(kit);
    defineSettings(kit);
    defineCheckins(kit);
    defineHistory(kit);
  });
}
