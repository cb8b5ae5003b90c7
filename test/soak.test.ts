/**
 * One adapter reused across many mounts (a demo, Storybook) keeps nothing of removed
 * elements: subscriptions return to zero and the call log stays bounded.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/checkin-thread.js';
import '../src/define/checkin-toggle.js';
import '../src/define/checkin-form.js';
import { MemoryAdapter, MemoryStore } from '../src/adapters/memory.js';

const TAGS = ['checkin-toggle', 'checkin-form', 'checkin-thread'] as const;
const MOUNTS = 100;

describe('soak: mounting and removing the elements on one adapter', () => {
  it(`${MOUNTS} mounts of the three elements leave no subscription and a bounded call log`, async function () {
    this.timeout(60000);
    const store = new MemoryStore();
    const adapter = new MemoryAdapter({ store, viewerId: 'u-kofi', contractId: 'c-atlas' });
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    for (let i = 0; i < MOUNTS; i++) {
      const elements = TAGS.map((tag) => {
        const el = document.createElement(tag) as unknown as HTMLElement & { adapter: MemoryAdapter };
        el.adapter = adapter;
        el.setAttribute('contract-id', 'c-atlas');
        host.append(el);
        return el;
      });
      await waitUntil(
        () => elements.every((el) => el.shadowRoot && !el.shadowRoot.querySelector('.skeleton')),
        `mount ${i + 1} did not load`,
        { timeout: 5000 },
      );
      expect(store.subscriberCount, `while mounted (${i + 1})`).to.be.greaterThan(0);
      host.replaceChildren();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(store.subscriberCount, `after removal ${i + 1}`).to.equal(0);
    }
    expect(adapter.calls.length).to.be.at.most(1000);
    expect(adapter.calls.some((call) => call.args.some((arg) => typeof arg === 'function'))).to.equal(false);
    expect(host.childElementCount).to.equal(0);
  });
});
