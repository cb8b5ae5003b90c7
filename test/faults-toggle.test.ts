// The fault matrix for <checkin-toggle>: hanging writes and the time limit, reads retried by
// themselves or not, repeated clicks, removal mid-write, the shared viewer request, dropped live
// updates and the offline notice. See docs/reliability.md.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { parseWallTime } from '../src/elements/checkin-toggle/schedule-draft.js';
import '../src/define/checkin-provider.js';
import type { CheckinProvider } from '../src/elements/checkin-provider/checkin-provider.js';
import { $, settle, text } from './support/dom.js';
import { FRIDAY, NO_WAIT, adapterFor, calls, keyOf, optionsOf, watchUnhandled, world } from './support/fixtures.js';
import { alertOf, dialogOf, enableNova, loaded, mountToggle as mount, switchOf } from './support/toggle.js';

// The fault shapes every element shares (a hanging load, removal and a contract change
// mid-load, offline) are in element-contract.test.ts.

describe('faults: <checkin-toggle>', () => {
  describe('a hanging call', () => {
    it('gives up a hanging write after request-timeout, rolls back, and the retry reuses the key', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      const { el, errors } = await mount(adapter, { timeout: 40 });
      await loaded(el);
      adapter.faults.hangNext('updateSettings');
      switchOf(el).click();
      await waitUntil(() => alertOf(el), 'no timeout shown', { timeout: 3000 });
      expect(alertOf(el)!.dataset.code).to.equal('timeout');
      expect(switchOf(el).getAttribute('aria-checked'), 'rolled back').to.equal('true');
      const [first] = calls(adapter, 'updateSettings');
      expect(optionsOf(first!)!.signal!.aborted).to.equal(true);
      // A write is not tried again by itself.
      expect(calls(adapter, 'updateSettings')).to.have.length(1);
      expect(errors).to.deep.equal(['update-settings:timeout']);
      await expect(el).to.be.accessible();
      const changed = oneEvent(el, 'checkin-settings-change');
      $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
      await changed;
      const [, second] = calls(adapter, 'updateSettings');
      expect(keyOf(second!)).to.equal(keyOf(first!));
      await el.updateComplete;
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
    });

    it('shows rate-limited on a read at once, without retrying', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      adapter.faults.failNext('getSettings', 'rate-limited');
      const { el } = await mount(adapter);
      await waitUntil(() => alertOf(el), 'no alert');
      expect(alertOf(el)!.dataset.code).to.equal('rate-limited');
      expect(calls(adapter, 'getSettings')).to.have.length(1);
    });

    it('inherits request-timeout from <checkin-provider>, and its own wins', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      for (let i = 0; i < 6; i++) adapter.faults.hangNext('getSettings');
      const provider = await fixture<CheckinProvider>(html`<checkin-provider
        .adapter=${adapter}
        contract-id="c-atlas"
        request-timeout="30"
        .retryPolicy=${NO_WAIT}
      >
        <checkin-toggle .clock=${() => FRIDAY}></checkin-toggle>
        <checkin-toggle request-timeout="45" .clock=${() => FRIDAY}></checkin-toggle>
      </checkin-provider>`);
      const [inherits, own] = [...provider.querySelectorAll('checkin-toggle')];
      await waitUntil(() => alertOf(inherits!) && alertOf(own!), 'no timeouts', { timeout: 3000 });
      expect(text(alertOf(inherits!))).to.contain('No answer within 30 milliseconds');
      expect(text(alertOf(own!))).to.contain('No answer within 45 milliseconds');
    });
  });

  describe('repeated clicks', () => {
    it('turns off once for a triple click on the switch', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      const { el } = await mount(adapter);
      await loaded(el);
      adapter.faults.latencyMs = 30;
      const changed = oneEvent(el, 'checkin-settings-change');
      for (let i = 0; i < 3; i++) switchOf(el).click();
      await changed;
      await settle();
      expect(calls(adapter, 'updateSettings')).to.have.length(1);
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
    });

    it('turns on once for a triple click on the confirmation', async () => {
      const adapter = adapterFor(world(), 'u-dana', 'c-nova');
      const { el } = await mount(adapter, { contractId: 'c-nova' });
      await loaded(el);
      switchOf(el).click();
      await waitUntil(() => dialogOf(el).open, 'no confirmation');
      adapter.faults.latencyMs = 30;
      let events = 0;
      el.addEventListener('checkin-settings-change', () => events++);
      const confirm = dialogOf(el).querySelector<HTMLButtonElement>('button.primary')!;
      for (let i = 0; i < 3; i++) confirm.click();
      await waitUntil(() => events === 1, 'not turned on');
      await settle();
      expect(calls(adapter, 'updateSettings')).to.have.length(1);
      expect(events).to.equal(1);
    });

    it('saves the schedule once for a triple click on "Save schedule"', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      const { el } = await mount(adapter);
      await loaded(el);
      const time = $<HTMLInputElement>(el, '#time')!;
      time.value = '10:30';
      time.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      adapter.faults.latencyMs = 30;
      const save = $<HTMLButtonElement>(el, 'form.editor button[type="submit"]')!;
      const changed = oneEvent(el, 'checkin-settings-change');
      for (let i = 0; i < 3; i++) save.click();
      await changed;
      await settle();
      const writes = calls(adapter, 'updateSettings');
      expect(writes).to.have.length(1);
      expect((writes[0]!.args[1] as { schedule: { time: string } }).schedule.time).to.equal('10:30');
    });

    for (const label of ['Accept', 'Decline']) {
      it(`sends consent once for a triple click on "${label}"`, async () => {
        const store = world();
        await enableNova(store);
        const adapter = adapterFor(store, 'u-kofi', 'c-nova');
        const { el } = await mount(adapter, { contractId: 'c-nova' });
        await loaded(el);
        adapter.faults.latencyMs = 30;
        const target = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="consent"] button')].find(
          (b) => text(b) === label,
        )!;
        const changed = oneEvent(el, 'checkin-settings-change');
        for (let i = 0; i < 3; i++) target.click();
        await changed;
        await settle();
        expect(calls(adapter, 'updateSettings')).to.have.length(1);
      });
    }
  });

  describe('removed from the page mid-request', () => {
    it('aborts a write in flight; put back, it shows what is true and is not stuck saving', async () => {
      const unhandled = watchUnhandled();
      const store = world();
      const adapter = adapterFor(store, 'u-dana');
      const { el, errors } = await mount(adapter);
      await loaded(el);
      adapter.faults.latencyMs = 50;
      switchOf(el).click();
      await el.updateComplete;
      expect(switchOf(el).getAttribute('aria-busy')).to.equal('true');
      const parent = el.parentElement!;
      el.remove();
      await settle();
      expect(optionsOf(calls(adapter, 'updateSettings')[0]!)!.signal!.aborted).to.equal(true);
      adapter.faults.latencyMs = 0;
      parent.append(el);
      await waitUntil(
        () => calls(adapter, 'getSettings').length === 2 && switchOf(el).getAttribute('aria-busy') === 'false',
        'not refreshed after coming back',
      );
      // The aborted write had no effect: on, as the backend says.
      expect(store.snapshot().settings['c-atlas']!.enabled).to.equal(true);
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
      expect(Boolean(alertOf(el))).to.equal(false);
      await settle();
      unhandled.stop();
      expect(unhandled.reasons).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    });

    it('keeps a write going when the element is only moved within the page', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      const { el } = await mount(adapter);
      await loaded(el);
      adapter.faults.latencyMs = 30;
      const changed = oneEvent(el, 'checkin-settings-change');
      switchOf(el).click();
      const other = document.createElement('div');
      el.parentElement!.after(other);
      other.append(el);
      await changed;
      expect(optionsOf(calls(adapter, 'updateSettings')[0]!)!.signal!.aborted).to.equal(false);
      other.remove();
    });
  });

  describe('the shared viewer request', () => {
    it('goes on while another element still waits for it, and is aborted when the last one leaves', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      adapter.faults.hangNext('getViewer');
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <checkin-toggle .adapter=${adapter} contract-id="c-atlas" .clock=${() => FRIDAY}></checkin-toggle>
        <checkin-toggle .adapter=${adapter} contract-id="c-nova" .clock=${() => FRIDAY}></checkin-toggle>
      </div>`);
      const [a, b] = [...wrapper.querySelectorAll('checkin-toggle')];
      await settle();
      const viewerCalls = calls(adapter, 'getViewer');
      expect(viewerCalls, 'one request for both').to.have.length(1);
      a!.remove();
      await settle();
      expect(optionsOf(viewerCalls[0]!)!.signal!.aborted).to.equal(false);
      b!.remove();
      await settle();
      expect(optionsOf(viewerCalls[0]!)!.signal!.aborted).to.equal(true);
      // Back on the page, a fresh request loads them.
      wrapper.append(a!, b!);
      await loaded(a!);
      await loaded(b!);
      expect(calls(adapter, 'getViewer')).to.have.length(2);
    });
  });

  describe('dropped live updates', () => {
    it('subscribes afresh and shows changes it missed when the page is visible again', async () => {
      const store = world();
      const adapter = adapterFor(store, 'u-dana');
      const { el } = await mount(adapter);
      await loaded(el);
      adapter.faults.dropSubscriptions();
      const other = adapterFor(store, 'u-dana');
      const schedule = {
        weekday: 2 as const,
        time: '10:30',
        timeZone: 'Europe/Berlin',
        skipDates: [],
        pausedUntil: null,
      };
      const current = await other.getSettings('c-atlas');
      await other.updateSettings('c-atlas', { schedule }, { expectedVersion: current.version, idempotencyKey: 'o-1' });
      await settle();
      // Missed: the subscription is gone.
      expect($<HTMLSelectElement>(el, '#weekday')!.value).to.not.equal('2');
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => $<HTMLSelectElement>(el, '#weekday')!.value === '2', 'the missed change is not shown');
      expect(parseWallTime($<HTMLInputElement>(el, '#time')!.value)).to.equal('10:30');
      // Live again: the next change arrives without any refresh.
      const subscribed = calls(adapter, 'subscribe').length;
      expect(subscribed).to.equal(2);
      const latest = await other.getSettings('c-atlas');
      await other.updateSettings(
        'c-atlas',
        { enabled: false },
        { expectedVersion: latest.version, idempotencyKey: 'o-2' },
      );
      await waitUntil(() => switchOf(el).getAttribute('aria-checked') === 'false', 'the live update did not arrive');
      expect(calls(adapter, 'getSettings')).to.have.length(2);
    });
  });

  describe('offline', () => {
    it('shows an offline notice while the browser is offline', async () => {
      const adapter = adapterFor(world(), 'u-dana');
      const { el } = await mount(adapter);
      await loaded(el);
      window.dispatchEvent(new Event('offline'));
      await el.updateComplete;
      expect(text($(el, '[part="offline"]'))).to.equal(
        "You're offline. Nothing was lost; changes can be saved once you're back online.",
      );
      window.dispatchEvent(new Event('online'));
      await el.updateComplete;
      expect(Boolean($(el, '[part="offline"]'))).to.equal(false);
    });
  });
});
