// <checkin-toggle> as the fault and contract tests use it: Dana (the client) on Atlas, and where
// the toggle shows its switch, its alerts and its confirmation.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define/checkin-toggle.js';
import type { MemoryAdapter, MemoryStore } from '../../src/adapters/memory.js';
import type { CheckinToggle } from '../../src/elements/checkin-toggle/checkin-toggle.js';
import { $, text } from './dom.js';
import { adapterFor } from './fixtures.js';
import type { ElementHarness } from './harness.js';
import { mountElement, type MountOptions } from './mount.js';

export const mountToggle = (adapter: MemoryAdapter, options?: MountOptions) =>
  mountElement<CheckinToggle>('checkin-toggle', adapter, options);

export const loaded = (el: CheckinToggle) => waitUntil(() => $(el, '.card'), 'the toggle did not load');
export const switchOf = (el: CheckinToggle) => $<HTMLButtonElement>(el, '[role="switch"]')!;
export const alertOf = (el: CheckinToggle) => $(el, '[role="alert"]');
export const dialogOf = (el: CheckinToggle) => $<HTMLDialogElement>(el, 'dialog')!;

/** Turns check-ins on for c-nova as Dana, outside the element: Kofi is then asked to consent. */
export async function enableNova(store: MemoryStore): Promise<void> {
  const dana = adapterFor(store, 'u-dana', 'c-nova');
  const settings = await dana.getSettings('c-nova');
  await dana.updateSettings(
    'c-nova',
    { enabled: true },
    { expectedVersion: settings.version, idempotencyKey: 'nova-on' },
  );
}

export const toggleHarness: ElementHarness<CheckinToggle> = {
  tag: 'checkin-toggle',
  viewer: 'u-dana',
  load: 'getSettings',
  retryableReads: [
    ['getSettings', 'unavailable'],
    ['getContract', 'network'],
  ],
  mount: mountToggle,
  loadAlert: alertOf,
  retryButton: (el) => $<HTMLButtonElement>(el, '[part="retry-button"]')!,
  async loaded(el) {
    await loaded(el);
    // Atlas is on, as the demo seeds it.
    expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
  },
  nova: {
    shown: (el) => $(el, '.card'),
    check(el) {
      // c-nova is off; c-atlas (held) is on.
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect(text($(el, '#switch-status'))).to.equal(
        'Kofi Mensah gets no weekly check-ins; you can still request an update.',
      );
    },
  },
};
