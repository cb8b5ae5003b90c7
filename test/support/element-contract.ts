// The fault shapes every element meets the same way (docs/reliability.md): a hanging load, a
// read that fails and is retried, removal from the page mid-request, a contract-id changed
// mid-request, and going offline. `defineElementContract(harness)` defines them for one element;
// test/element-contract.test.ts runs them for each. What only one element does stays in its
// test/faults-<element>.test.ts.
import { expect, waitUntil } from '@open-wc/testing';
import { settle, text } from './dom.js';
import { EVERY_TRY, adapterFor, calls, hold, optionsOf, stubOnline, watchUnhandled, world } from './fixtures.js';
import type { ContractElement, ElementHarness } from './harness.js';

export function defineElementContract<T extends ContractElement>(h: ElementHarness<T>): void {
  const fresh = () => adapterFor(world(), h.viewer);

  describe(`element contract: <${h.tag}>`, () => {
    if (h.clean) {
      beforeEach(h.clean);
      afterEach(h.clean);
    }

    describe('a hanging call', () => {
      it('gives up a hanging load after request-timeout, aborts it, and offers a retry that loads', async () => {
        const adapter = fresh();
        adapter.faults.hangNext(h.load, EVERY_TRY);
        const { el, errors } = await h.mount(adapter, { timeout: 40 });
        await waitUntil(() => h.loadAlert(el), 'no timeout shown', { timeout: 3000 });
        const alert = h.loadAlert(el)!;
        expect(alert.dataset.code).to.equal('timeout');
        expect(text(alert)).to.contain('The server took too long to answer.');
        expect(text(alert)).to.contain('No answer within 40 milliseconds, so the request was stopped.');
        const tries = calls(adapter, h.load);
        expect(tries).to.have.length(3);
        expect(tries.every((c) => optionsOf(c)!.signal!.aborted)).to.equal(true);
        expect(errors).to.deep.equal(['load:timeout']);
        await expect(el).to.be.accessible();
        h.retryButton(el).click();
        await h.loaded(el);
      });

      it('retries a read that failed with a retryable error by itself', async () => {
        const adapter = fresh();
        for (const [method, code] of h.retryableReads) adapter.faults.failNext(method, code);
        const { el, errors } = await h.mount(adapter);
        await h.loaded(el);
        expect(Boolean(h.loadAlert(el))).to.equal(false);
        for (const [method] of h.retryableReads) expect(calls(adapter, method), method).to.have.length(2);
        expect(errors).to.deep.equal([]);
      });
    });

    describe('removed from the page mid-request', () => {
      it('aborts the load, leaves nothing unhandled, and loads cleanly when put back', async () => {
        const unhandled = watchUnhandled();
        const adapter = fresh();
        adapter.faults.hangNext(h.load);
        const { el, errors } = await h.mount(adapter);
        const parent = el.parentElement!;
        el.remove();
        await settle();
        expect(optionsOf(calls(adapter, h.load)[0]!)!.signal!.aborted).to.equal(true);
        parent.append(el);
        await h.loaded(el);
        await settle();
        unhandled.stop();
        expect(unhandled.reasons).to.deep.equal([]);
        expect(errors).to.deep.equal([]);
        expect(Boolean(h.loadAlert(el))).to.equal(false);
      });
    });

    describe('contract-id changed mid-request', () => {
      it("ignores the old contract's late answer", async () => {
        const adapter = fresh();
        const gate = hold(adapter, h.load, (contractId) => contractId === 'c-atlas');
        const { el } = await h.mount(adapter);
        await waitUntil(() => gate.held === 1, 'the atlas load did not start');
        el.contractId = 'c-nova';
        await waitUntil(() => h.nova.shown(el), 'c-nova did not load');
        h.nova.check(el);
        gate.open();
        await waitUntil(() => calls(adapter, h.load).some((c) => c.args[0] === 'c-atlas'), 'never answered');
        await settle();
        await el.updateComplete;
        h.nova.check(el);
      });
    });

    describe('offline', () => {
      it('says it is offline and nothing was lost, does not retry offline, and loads when back online', async () => {
        const restore = stubOnline(false);
        try {
          const adapter = fresh();
          adapter.faults.failNext(h.load, 'network');
          const { el } = await h.mount(adapter);
          await waitUntil(() => h.loadAlert(el), 'no alert');
          expect(text(h.loadAlert(el))).to.contain('You seem to be offline. Nothing was lost.');
          expect(calls(adapter, h.load), 'no retry while offline').to.have.length(1);
          await expect(el).to.be.accessible();
          restore();
          window.dispatchEvent(new Event('online'));
          await h.loaded(el);
          expect(Boolean(h.loadAlert(el))).to.equal(false);
          expect(calls(adapter, h.load)).to.have.length(2);
        } finally {
          restore();
        }
      });
    });
  });
}
