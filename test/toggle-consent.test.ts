import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/checkin-toggle.js';
import { MemoryAdapter, MemoryStore, seedDemo } from '../src/adapters/memory.js';
import type { SettingsChange } from '../src/adapters/adapter.js';
import type { CheckinSettingsChangeEvent } from '../src/events.js';
import type { CheckinToggle } from '../src/elements/checkin-toggle/checkin-toggle.js';
import { text } from './support/dom.js';

// Monday 30 November 2026, noon UTC.
const FIXED = Date.parse('2026-11-30T12:00:00.000Z');
// Wednesday 2 December 2026, when Dana turns check-ins off.
const LATER = Date.parse('2026-12-02T15:00:00.000Z');

const world = (now = FIXED) => new MemoryStore(seedDemo({ now: FIXED }), { clock: () => now });
const adapterFor = (viewerId: string, contractId: string, store: MemoryStore) =>
  new MemoryAdapter({ store, viewerId, contractId });
const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
const updates = (adapter: MemoryAdapter) => adapter.calls.filter((c) => c.method === 'updateSettings');

async function loaded(adapter: MemoryAdapter, contractId: string, now = FIXED) {
  const el = await fixture<CheckinToggle>(html`<checkin-toggle
    .adapter=${adapter}
    contract-id=${contractId}
    .clock=${() => now}
  ></checkin-toggle>`);
  await waitUntil(() => $(el, '.card'), 'the element did not finish loading');
  return el;
}

async function change(store: MemoryStore, viewerId: string, contractId: string, patch: SettingsChange) {
  const adapter = adapterFor(viewerId, contractId, store);
  const current = await adapter.getSettings(contractId);
  return adapter.updateSettings(contractId, patch, {
    expectedVersion: current.version,
    idempotencyKey: `k-${viewerId}`,
  });
}

/** Kofi on Atlas (consent given), with the withdrawal confirmation open. */
async function withdrawOpen() {
  const adapter = adapterFor('u-kofi', 'c-atlas', world());
  const el = await loaded(adapter, 'c-atlas');
  const button = $<HTMLButtonElement>(el, '#withdraw')!;
  expect(text(button)).to.equal('Withdraw my consent');
  button.focus();
  button.click();
  const dialog = $<HTMLDialogElement>(el, '#withdraw-dialog')!;
  await waitUntil(() => dialog.open, 'the confirmation did not open');
  return { adapter, el, dialog };
}

describe('<checkin-toggle> consent withdrawal and "off"', () => {
  describe('withdrawing consent is confirmed first', () => {
    it('opens a confirmation that says what follows, with focus on Cancel', async () => {
      const { adapter, el, dialog } = await withdrawOpen();
      expect(text(dialog.querySelector('#withdraw-title'))).to.equal('Withdraw your consent to weekly check-ins?');
      expect(text(dialog)).to.contain(
        "You won't be asked weekly check-ins any more, and an open weekly check-in is closed.",
      );
      expect(text(dialog)).to.contain(
        'Dana Whitfield sees that you withdrew, and can still request an update from you, which you can answer.',
      );
      expect(text(focused(el))).to.equal('Cancel');
      expect(updates(adapter)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('Escape cancels without a request and puts focus back on the button', async () => {
      const { adapter, el, dialog } = await withdrawOpen();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Escape did not close the confirmation');
      await el.updateComplete;
      expect(focused(el)?.id).to.equal('withdraw');
      expect(updates(adapter)).to.have.length(0);
    });

    it('Cancel cancels without a request and puts focus back on the button', async () => {
      const { adapter, el, dialog } = await withdrawOpen();
      [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Cancel')!.click();
      await waitUntil(() => !dialog.open);
      expect(focused(el)?.id).to.equal('withdraw');
      expect(updates(adapter)).to.have.length(0);
    });

    it('confirming sends consent "withdrawn" once, says so, and moves focus to the sentence that says it', async () => {
      const { adapter, el, dialog } = await withdrawOpen();
      const changed = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      const confirm = [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Withdraw consent')!;
      confirm.click();
      confirm.click();
      expect((await changed).detail.settings.consent).to.equal('withdrawn');
      expect(updates(adapter).map((c) => c.args[1])).to.deep.equal([{ consent: 'withdrawn' }]);
      await waitUntil(() => focused(el)?.id === 'consent-text', 'focus did not move to the outcome');
      expect(text(focused(el))).to.match(
        /^You withdrew your consent to weekly check-ins on 30 Nov 2026, so you won't be asked\./,
      );
      expect(text($(el, '[aria-live]'))).to.equal('You withdrew your consent to weekly check-ins');
      expect(text($(el, '[part="consent"] button'))).to.equal('Accept after all');
      await expect(el).to.be.accessible();
    });

    it('keeps the choice open and says so when the withdrawal fails', async () => {
      const { adapter, el, dialog } = await withdrawOpen();
      adapter.faults.failNext('updateSettings', 'unavailable');
      [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Withdraw consent')!.click();
      await waitUntil(() => $(el, '[role="alert"]'), 'no alert');
      expect(text($(el, '#withdraw'))).to.equal('Withdraw my consent');
      expect(text($(el, '[aria-live]'))).to.equal('Not saved: your answer was not recorded.');
    });
  });

  describe('who turned check-ins off, and when', () => {
    async function turnedOff() {
      const store = world(LATER);
      await change(store, 'u-dana', 'c-atlas', { enabled: false });
      return store;
    }

    it('the talent reads who turned them off and when', async () => {
      const el = await loaded(adapterFor('u-kofi', 'c-atlas', await turnedOff()), 'c-atlas', LATER);
      expect(text($(el, '.status-text'))).to.equal('Dana Whitfield turned weekly check-ins off on 2 Dec 2026.');
      expect(text($(el, '[part="base"]'))).to.contain(
        'Dana Whitfield can still request an update from you, which you can answer.',
      );
      await expect(el).to.be.accessible();
    });

    it('an observer reads the same', async () => {
      const el = await loaded(adapterFor('u-omar', 'c-atlas', await turnedOff()), 'c-atlas', LATER);
      expect(text($(el, '.status-text'))).to.equal('Dana Whitfield turned weekly check-ins off on 2 Dec 2026.');
    });

    it('the client reads "You turned ... off on ..."', async () => {
      const el = await loaded(adapterFor('u-dana', 'c-atlas', await turnedOff()), 'c-atlas', LATER);
      expect(text($(el, '#switch-status'))).to.equal(
        'You turned weekly check-ins off on Dec 2, 2026. Kofi Mensah gets no weekly check-ins; you can still request an update.',
      );
      await expect(el).to.be.accessible();
    });

    it("the client reads the talent's withdrawal with its date", async () => {
      const store = world(LATER);
      await change(store, 'u-kofi', 'c-atlas', { consent: 'withdrawn' });
      const el = await loaded(adapterFor('u-dana', 'c-atlas', store), 'c-atlas', LATER);
      expect(text($(el, '.card > [part="consent"]'))).to.equal(
        'Kofi Mensah withdrew consent to weekly check-ins on Dec 2, 2026. No weekly check-in is sent; you can still request an update, which Kofi can answer, or turn check-ins off.',
      );
      await expect(el).to.be.accessible();
    });
  });
});
