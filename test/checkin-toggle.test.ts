import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { parseWallTime } from '../src/elements/checkin-toggle/schedule-draft.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/checkin-toggle.js';
import '../src/define/checkin-provider.js';
import { MemoryAdapter, MemoryStore, seedDemo } from '../src/adapters/memory.js';
import type { CheckinErrorEvent, CheckinSettingsChangeEvent } from '../src/events.js';
import type { CheckinErrorCode, Settings } from '../src/model.js';
import type { CheckinToggle } from '../src/elements/checkin-toggle/checkin-toggle.js';
import { text } from './support/dom.js';

// Monday 30 November 2026, noon UTC: the next Friday is 4 December.
const FIXED = Date.parse('2026-11-30T12:00:00.000Z');

function world() {
  return new MemoryStore(seedDemo({ now: FIXED }), { clock: () => FIXED });
}

function adapterFor(viewerId: string, contractId: string, store = world()) {
  return new MemoryAdapter({ store, viewerId, contractId });
}

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const switchOf = (el: Element) => $<HTMLButtonElement>(el, '[role="switch"]')!;
const dialogOf = (el: Element) => $<HTMLDialogElement>(el, 'dialog')!;
const calls = (adapter: MemoryAdapter, method: string) => adapter.calls.filter((c) => c.method === method);

async function mount(adapter: MemoryAdapter | undefined, contractId: string, policy?: 'required') {
  const el = await fixture<CheckinToggle>(html`<checkin-toggle
    .adapter=${adapter}
    contract-id=${contractId}
    consent-policy=${ifDefined(policy)}
    .clock=${() => FIXED}
  ></checkin-toggle>`);
  return el;
}

async function loaded(adapter: MemoryAdapter, contractId: string, policy?: 'required') {
  const el = await mount(adapter, contractId, policy);
  await waitUntil(() => $(el, '.card'), 'the element did not finish loading');
  return el;
}

/**
 * The element for `viewerId` on `contractId`, loaded, whose live updates are then dropped: a change
 * made elsewhere afterwards reaches the store but not the element, so its next write conflicts.
 */
async function missingLiveUpdates(viewerId: string, contractId: string, store = world()) {
  const adapter = adapterFor(viewerId, contractId, store);
  const el = await loaded(adapter, contractId);
  adapter.faults.dropSubscriptions();
  return { store, adapter, el };
}

async function openDialog(el: CheckinToggle) {
  switchOf(el).click();
  await el.updateComplete;
  await waitUntil(() => dialogOf(el).open, 'the confirmation did not open');
}

/** Types into a field of the element as a person would (the element listens to `input`/`change`). */
function set(el: Element, selector: string, value: string, type = 'input') {
  const input = $<HTMLInputElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event(type, { bubbles: true }));
}

/** Turns check-ins on for c-nova as Dana, outside the element under test. */
async function enableNova(store: MemoryStore) {
  const dana = adapterFor('u-dana', 'c-nova', store);
  const settings = await dana.getSettings('c-nova');
  return dana.updateSettings(
    'c-nova',
    { enabled: true },
    { expectedVersion: settings.version, idempotencyKey: 'test-enable' },
  );
}

describe('<checkin-toggle>', () => {
  describe('accessibility', () => {
    it('is accessible for a client with check-ins off', async () => {
      const el = await loaded(adapterFor('u-dana', 'c-nova'), 'c-nova');
      await expect(el).to.be.accessible();
    });

    it('is accessible for a client with check-ins on', async () => {
      const el = await loaded(adapterFor('u-dana', 'c-atlas'), 'c-atlas');
      await expect(el).to.be.accessible();
    });

    it('is accessible with the confirmation open', async () => {
      const el = await loaded(adapterFor('u-dana', 'c-nova'), 'c-nova', 'required');
      await openDialog(el);
      await expect(el).to.be.accessible();
    });

    it('is accessible on an ineligible contract', async () => {
      const el = await loaded(adapterFor('u-dana', 'c-logo'), 'c-logo');
      await expect(el).to.be.accessible();
    });

    it('is accessible for a talent asked to consent', async () => {
      const store = world();
      await enableNova(store);
      const el = await loaded(adapterFor('u-kofi', 'c-nova', store), 'c-nova');
      await expect(el).to.be.accessible();
    });

    it('is accessible for an observer', async () => {
      const el = await loaded(adapterFor('u-omar', 'c-atlas'), 'c-atlas');
      await expect(el).to.be.accessible();
    });
  });

  describe('defaults and setup errors', () => {
    it('has no contract id and no adapter by default', () => {
      const el = document.createElement('checkin-toggle');
      expect(el.contractId).to.equal('');
      expect(el.adapter).to.equal(undefined);
    });

    it('says so when no adapter reached it', async () => {
      const el = await mount(undefined, 'c-atlas');
      const alert = $(el, '[role="alert"]');
      expect(alert?.dataset.code).to.equal('no-adapter');
      expect(text(alert)).to.contain('Check-ins are not connected.');
      expect(text(alert)).to.contain('<checkin-toggle> has no adapter');
    });

    it('says so when it has no contract id', async () => {
      const el = await mount(adapterFor('u-dana', 'c-atlas'), '');
      expect(text($(el, '[role="alert"]'))).to.contain('No contract selected.');
    });

    it('uses the adapter and contract of a surrounding provider', async () => {
      const adapter = adapterFor('u-dana', 'c-atlas');
      const wrapper = await fixture(html`<checkin-provider .adapter=${adapter} contract-id="c-atlas">
        <checkin-toggle></checkin-toggle>
      </checkin-provider>`);
      const el = wrapper.querySelector('checkin-toggle')!;
      await waitUntil(() => $(el, '[role="switch"]'), 'no switch inside the provider');
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
    });

    it('shows a loading state while the settings load', async () => {
      const adapter = adapterFor('u-dana', 'c-atlas');
      adapter.faults.hangNext('getSettings');
      const el = await mount(adapter, 'c-atlas');
      const status = $(el, '[part="loading"]');
      expect(status?.getAttribute('aria-busy')).to.equal('true');
      expect(text(status)).to.contain('Loading check-in settings');
      expect($(el, '[role="switch"]')).to.equal(null);
    });

    it('shows a forbidden error to a stranger and reports it', async () => {
      const adapter = adapterFor('u-eve', 'c-atlas');
      const errors: CheckinErrorEvent[] = [];
      const el = document.createElement('checkin-toggle');
      el.addEventListener('checkin-error', (e) => errors.push(e));
      el.adapter = adapter;
      el.contractId = 'c-atlas';
      await fixture(html`<div>${el}</div>`);
      await waitUntil(() => $(el, '[role="alert"]'), 'no alert for the stranger');
      const alert = $(el, '[role="alert"]')!;
      expect(text(alert)).to.contain("You don't have permission to do this.");
      expect(text(alert)).to.contain('You do not have access to this contract.');
      // Retrying cannot help: no retry button.
      expect(alert.querySelector('button')).to.equal(null);
      expect($(el, '[role="switch"]')).to.equal(null);
      expect(errors.map((e) => [e.detail.error.code, e.detail.action])).to.deep.equal([['forbidden', 'load']]);
    });

    it('shows not-found for an unknown contract', async () => {
      const el = await mount(adapterFor('u-dana', 'c-missing'), 'c-missing');
      await waitUntil(() => $(el, '[role="alert"]'), 'no alert');
      expect($(el, '[role="alert"]')!.dataset.code).to.equal('not-found');
      expect(text($(el, '[role="alert"]'))).to.contain("This contract or check-in wasn't found.");
    });

    it('offers a retry when offline, and the retry loads', async () => {
      const adapter = adapterFor('u-dana', 'c-atlas');
      // A read is retried by itself (3 tries, docs/reliability.md): it fails on every one here.
      for (let i = 0; i < 3; i++) adapter.faults.failNext('getSettings', 'network');
      const el = await mount(adapter, 'c-atlas');
      await waitUntil(() => $(el, '[role="alert"]'), 'no alert', { timeout: 4000 });
      expect(text($(el, '[role="alert"]'))).to.contain('You seem to be offline.');
      $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
      await waitUntil(() => $(el, '[role="switch"]'), 'retry did not load');
      expect(calls(adapter, 'getSettings')).to.have.length(4);
    });

    it('never shows an old contract after the contract id changes', async () => {
      const adapter = adapterFor('u-dana', 'c-atlas');
      adapter.faults.hangNext('getSettings');
      const el = await mount(adapter, 'c-atlas');
      el.contractId = 'c-nova';
      await waitUntil(() => $(el, '[role="switch"]'), 'c-nova did not load');
      // c-atlas is on, c-nova is off: what is shown must be c-nova's.
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect(text($(el, '[part="status"].status-text'))).to.contain('Kofi Mensah gets no weekly check-ins');
    });
  });

  describe('client switch', () => {
    it('is an APG switch labelled "Weekly check-ins" with its state on the button', async () => {
      const el = await loaded(adapterFor('u-dana', 'c-nova'), 'c-nova');
      const sw = switchOf(el);
      expect(sw.tagName).to.equal('BUTTON');
      expect(sw.getAttribute('part')).to.equal('switch');
      expect(sw.getAttribute('aria-checked')).to.equal('false');
      expect(text(sw.querySelector('.switch-label'))).to.equal('Weekly check-ins');
      expect(sw.getAttribute('aria-describedby')).to.contain('switch-status');
      expect(text($(el, '#switch-status'))).to.equal(
        'Kofi Mensah gets no weekly check-ins; you can still request an update.',
      );
    });

    it("says the schedule in the client's time on the date its clock gives", async () => {
      // Berlin is 6 hours ahead of New York, but 5 while only the US is on summer time (8 to 29
      // March 2026): of these two clocks, at least one differs from the real date's offset.
      const statusAt = async (now: string) => {
        const el = await fixture<CheckinToggle>(html`<checkin-toggle
          .adapter=${adapterFor('u-dana', 'c-atlas')}
          contract-id="c-atlas"
          .clock=${() => now}
        ></checkin-toggle>`);
        await waitUntil(() => $(el, '.card'), 'the element did not finish loading');
        return text($(el, '#switch-status'));
      };
      expect(await statusAt('2026-07-13T12:00:00Z')).to.equal(
        'Fridays at 4:00 PM Central European Time (Berlin), Fridays at 10:00 AM your time',
      );
      expect(await statusAt('2026-03-16T12:00:00Z')).to.equal(
        'Fridays at 4:00 PM Central European Time (Berlin), Fridays at 11:00 AM your time',
      );
    });

    it('opens the confirmation with Space, and Escape cancels without a request', async () => {
      const adapter = adapterFor('u-dana', 'c-nova');
      const el = await loaded(adapter, 'c-nova');
      switchOf(el).focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => dialogOf(el).open, 'Space did not open the confirmation');
      // Focus moved into the dialog.
      expect(dialogOf(el).contains(root(el).activeElement)).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialogOf(el).open, 'Escape did not close the confirmation');
      await waitUntil(() => root(el).activeElement === switchOf(el), 'focus did not return to the switch');
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect(calls(adapter, 'updateSettings')).to.have.length(0);
    });

    it('opens the confirmation with Enter', async () => {
      const el = await loaded(adapterFor('u-dana', 'c-nova'), 'c-nova');
      switchOf(el).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialogOf(el).open, 'Enter did not open the confirmation');
    });

    it('turns off with Enter at once, and says so', async () => {
      const adapter = adapterFor('u-dana', 'c-atlas');
      const el = await loaded(adapter, 'c-atlas');
      const changed = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      switchOf(el).focus();
      await sendKeys({ press: 'Enter' });
      const event = await changed;
      expect(event.detail.settings.enabled).to.equal(false);
      expect(event.detail.previous?.enabled).to.equal(true);
      const [call] = calls(adapter, 'updateSettings');
      expect(call!.args[1]).to.deep.equal({ enabled: false });
      await el.updateComplete;
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect(text($(el, '[role="status"][aria-live="polite"]'))).to.equal('Check-ins turned off');
      expect(root(el).activeElement).to.equal(switchOf(el));
    });

    it('keeps Tab inside the open confirmation and returns focus to the switch on Cancel', async () => {
      const adapter = adapterFor('u-dana', 'c-nova');
      const el = await loaded(adapter, 'c-nova');
      switchOf(el).focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => dialogOf(el).open, 'not open');
      const dialog = dialogOf(el);
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Tab' });
        const active = root(el).activeElement;
        // The rest of the element is inert while the modal is open.
        if (active) expect(dialog.contains(active), `Tab ${i + 1} left the dialog`).to.equal(true);
        expect(active).not.to.equal(switchOf(el));
      }
      const cancel = [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Cancel')!;
      cancel.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !dialog.open, 'Cancel did not close');
      await waitUntil(() => root(el).activeElement === switchOf(el), 'focus did not return to the switch');
      expect(calls(adapter, 'updateSettings')).to.have.length(0);
    });

    it('says in plain words who is asked what and when, in both time zones', async () => {
      const el = await loaded(adapterFor('u-dana', 'c-nova'), 'c-nova', 'required');
      await openDialog(el);
      const dialog = dialogOf(el);
      expect(text(dialog.querySelector('#dialog-summary'))).to.equal(
        'Kofi Mensah will be asked 3 short questions every Friday at 9:00 AM, Central European Time (Berlin).',
      );
      expect(text(dialog.querySelector('.first-prompt'))).to.equal(
        "First check-in: Fri, Dec 4, 9:00 AM Kofi's time (Central European Time (Berlin)) — Fri, Dec 4, 3:00 AM your time.",
      );
      expect(text(dialog)).to.contain(
        'The request is sent in your name. Kofi is told before the first one and can see this schedule.',
      );
      expect(text(dialog.querySelector('[part="consent"]'))).to.equal(
        'Weekly check-ins start only after Kofi accepts. Until then you can still request an update, which Kofi can answer.',
      );
      expect([...dialog.querySelectorAll('ol li')].map(text)).to.deep.equal([
        'What did you work on this week?',
        'What will you work on next week?',
        'What might delay your planned work?',
      ]);
    });

    it('leaves out the consent note when the policy only notifies', async () => {
      const data = seedDemo({ now: FIXED });
      data.policy = { ...data.policy, consent: 'notify' };
      const store = new MemoryStore(data, { clock: () => FIXED });
      const el = await loaded(adapterFor('u-dana', 'c-nova', store), 'c-nova');
      await openDialog(el);
      expect(Boolean(dialogOf(el).querySelector('[part="consent"]'))).to.equal(false);
    });

    it("takes the consent policy from the adapter's settings over the attribute", async () => {
      // The seeded backend requires consent; a host attribute saying otherwise must not hide it.
      const el = await loaded(adapterFor('u-dana', 'c-nova'), 'c-nova');
      el.consentPolicy = 'notify';
      await openDialog(el);
      expect(text(dialogOf(el).querySelector('[part="consent"]'))).to.equal(
        'Weekly check-ins start only after Kofi accepts. Until then you can still request an update, which Kofi can answer.',
      );
    });

    it('confirming shows pending at once, then writes with a version and an idempotency key', async () => {
      const adapter = adapterFor('u-dana', 'c-nova');
      adapter.faults.latencyMs = 40;
      const el = await loaded(adapter, 'c-nova');
      await openDialog(el);
      const changed = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      dialogOf(el).querySelector<HTMLButtonElement>('button.primary')!.click();
      await el.updateComplete;
      const sw = switchOf(el);
      expect(sw.getAttribute('aria-checked')).to.equal('true');
      expect(sw.getAttribute('aria-busy')).to.equal('true');
      expect(text($(el, '#switch-status'))).to.equal('Saving…');
      const [call] = calls(adapter, 'updateSettings');
      expect(call!.args[0]).to.equal('c-nova');
      expect(call!.args[1]).to.deep.equal({ enabled: true });
      const options = call!.args[2] as { expectedVersion: number; idempotencyKey: string };
      expect(options.expectedVersion).to.equal(1);
      expect(options.idempotencyKey).to.be.a('string').and.not.equal('');
      const event = await changed;
      expect(event.detail.contractId).to.equal('c-nova');
      expect(event.detail.settings.enabled).to.equal(true);
      expect(event.detail.settings.version).to.equal(2);
      expect(event.detail.previous?.enabled).to.equal(false);
      await el.updateComplete;
      expect(sw.getAttribute('aria-busy')).to.equal('false');
      expect(sw.getAttribute('aria-checked')).to.equal('true');
      expect(text($(el, '[role="status"][aria-live="polite"]'))).to.contain('Check-ins turned on');
      expect(text($(el, '.card > [part="consent"]'))).to.contain('Waiting for Kofi Mensah to accept.');
    });

    it('sends one write when confirm is clicked twice', async () => {
      const adapter = adapterFor('u-dana', 'c-nova');
      adapter.faults.latencyMs = 20;
      const el = await loaded(adapter, 'c-nova');
      await openDialog(el);
      const confirm = dialogOf(el).querySelector<HTMLButtonElement>('button.primary')!;
      confirm.click();
      confirm.click();
      await oneEvent(el, 'checkin-settings-change');
      expect(calls(adapter, 'updateSettings')).to.have.length(1);
    });

    const failures: Array<{ code: CheckinErrorCode; heading: string; retry: boolean }> = [
      { code: 'forbidden', heading: "You don't have permission to do this.", retry: false },
      { code: 'not-found', heading: "This contract or check-in wasn't found.", retry: false },
      { code: 'invalid', heading: "The check-in data isn't valid.", retry: true },
      { code: 'rate-limited', heading: 'Please wait before trying again.', retry: true },
      { code: 'network', heading: 'You seem to be offline. Nothing was lost.', retry: true },
      { code: 'timeout', heading: 'The server took too long to answer.', retry: true },
      { code: 'unavailable', heading: 'Check-ins are unavailable right now.', retry: true },
      {
        code: 'conflict',
        heading: 'These settings were changed by someone else; the latest version is shown. Review and try again.',
        retry: false,
      },
    ];
    for (const { code, heading, retry } of failures) {
      it(`rolls the switch back and shows an alert on ${code}`, async () => {
        const adapter = adapterFor('u-dana', 'c-nova');
        const el = await loaded(adapter, 'c-nova');
        const errors: CheckinErrorEvent[] = [];
        el.addEventListener('checkin-error', (e) => errors.push(e));
        adapter.faults.failNext('updateSettings', code, `Adapter says ${code}.`);
        await openDialog(el);
        dialogOf(el).querySelector<HTMLButtonElement>('button.primary')!.click();
        await waitUntil(() => $(el, '[role="alert"]'), `no alert for ${code}`);
        const alert = $(el, '[role="alert"]')!;
        expect(text(alert)).to.contain(heading);
        expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
        expect(switchOf(el).getAttribute('aria-busy')).to.equal('false');
        expect(errors.map((e) => e.detail.error.code)).to.deep.equal([code]);
        expect(errors[0]!.detail.action).to.equal('update-settings');
        expect(!!alert.querySelector('[part="retry-button"]')).to.equal(retry);
        expect(text($(el, '[role="status"][aria-live="polite"]'))).to.not.equal('');
        expect(calls(adapter, 'updateSettings')).to.have.length(1);
      });
    }

    it('retries with the same idempotency key and version', async () => {
      const adapter = adapterFor('u-dana', 'c-nova');
      const el = await loaded(adapter, 'c-nova');
      adapter.faults.failNext('updateSettings', 'network');
      await openDialog(el);
      dialogOf(el).querySelector<HTMLButtonElement>('button.primary')!.click();
      await waitUntil(() => $(el, '[part="retry-button"]'), 'no retry');
      expect(text($(el, '[role="status"][aria-live="polite"]'))).to.equal('Not saved: check-ins are still off.');
      const changed = oneEvent(el, 'checkin-settings-change');
      $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
      await changed;
      const [first, second] = calls(adapter, 'updateSettings');
      const key = (c: typeof first) => (c!.args[2] as { idempotencyKey: string }).idempotencyKey;
      const version = (c: typeof first) => (c!.args[2] as { expectedVersion: number }).expectedVersion;
      expect(key(second)).to.equal(key(first));
      expect(version(second)).to.equal(version(first));
      await el.updateComplete;
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
      expect($(el, '[role="alert"]')).to.equal(null);
    });

    it('rolls back a failed switch-off', async () => {
      const adapter = adapterFor('u-dana', 'c-atlas');
      const el = await loaded(adapter, 'c-atlas');
      adapter.faults.failNext('updateSettings', 'unavailable');
      switchOf(el).click();
      await waitUntil(() => $(el, '[role="alert"]'), 'no alert');
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
      expect(text($(el, '[role="status"][aria-live="polite"]'))).to.equal('Not saved: check-ins are still on.');
    });

    it('on a real conflict reloads the settings and says so', async () => {
      const store = world();
      const adapter = adapterFor('u-dana', 'c-nova', store);
      const el = await loaded(adapter, 'c-nova');
      // Another tab changes the schedule while this one misses the live update.
      adapter.faults.dropSubscriptions();
      const other = adapterFor('u-dana', 'c-nova', store);
      await other.updateSettings(
        'c-nova',
        { schedule: { weekday: 2, time: '10:30', timeZone: 'Europe/Berlin', skipDates: [], pausedUntil: null } },
        { expectedVersion: 1, idempotencyKey: 'other-tab' },
      );
      const errors: CheckinErrorEvent[] = [];
      el.addEventListener('checkin-error', (e) => errors.push(e));
      const before = calls(adapter, 'getSettings').length;
      await openDialog(el);
      dialogOf(el).querySelector<HTMLButtonElement>('button.primary')!.click();
      await waitUntil(() => $(el, '[data-code="conflict"]'), 'no conflict message');
      await waitUntil(() => calls(adapter, 'getSettings').length === before + 1, 'settings not reloaded');
      // The other tab is Dana's own: not "someone else".
      expect(text($(el, '[data-code="conflict"]'))).to.equal(
        'These settings were changed in another tab or window. The latest version is shown. Review and try again.',
      );
      expect(errors.map((e) => e.detail.error.code)).to.deep.equal(['conflict']);
      await waitUntil(() => $<HTMLSelectElement>(el, '#weekday')!.value === '2', 'the latest schedule is not shown');
      expect(parseWallTime($<HTMLInputElement>(el, '#time')!.value)).to.equal('10:30');
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
    });
  });

  describe('schedule editor', () => {
    const expectedNova = [
      "Fri, Dec 4, 9:00 AM Kofi's time (Central European Time (Berlin)) — Fri, Dec 4, 3:00 AM your time",
      "Fri, Dec 11, 9:00 AM Kofi's time (Central European Time (Berlin)) — Fri, Dec 11, 3:00 AM your time",
      "Fri, Dec 18, 9:00 AM Kofi's time (Central European Time (Berlin)) — Fri, Dec 18, 3:00 AM your time",
    ];
    const prompts = (el: Element) => $$(el, '[part="next-prompts"] li').map(text);

    it('has labelled fields for day, time, zone, pause and skipped dates', async () => {
      const el = await loaded(adapterFor('u-dana', 'c-nova'), 'c-nova');
      for (const id of ['weekday', 'time', 'zone', 'pause', 'skip-date']) {
        const label = $(el, `label[for="${id}"]`);
        expect(text(label), id).to.not.equal('');
      }
      const days = [...$<HTMLSelectElement>(el, '#weekday')!.options].map((o) => text(o));
      expect(days).to.deep.equal(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
      expect($<HTMLSelectElement>(el, '#weekday')!.value).to.equal('5');
      expect($(el, '#zone')!.getAttribute('list')).to.equal('zones');
      expect($(el, 'datalist#zones option[value="Europe/Berlin"]')).to.not.equal(null);
    });

    it('shows the next three prompts in both time zones', async () => {
      const el = await loaded(adapterFor('u-dana', 'c-nova'), 'c-nova');
      expect(prompts(el)).to.deep.equal(expectedNova);
    });

    it('updates the preview live as the schedule is edited', async () => {
      const el = await loaded(adapterFor('u-dana', 'c-nova'), 'c-nova');
      set(el, '#weekday', '1', 'change');
      set(el, '#time', '18:30');
      await el.updateComplete;
      expect(prompts(el)).to.deep.equal([
        // Monday 18:30 in Berlin is still ahead on the fixed Monday noon (UTC).
        "Mon, Nov 30, 6:30 PM Kofi's time (Central European Time (Berlin)) — Mon, Nov 30, 12:30 PM your time",
        "Mon, Dec 7, 6:30 PM Kofi's time (Central European Time (Berlin)) — Mon, Dec 7, 12:30 PM your time",
        "Mon, Dec 14, 6:30 PM Kofi's time (Central European Time (Berlin)) — Mon, Dec 14, 12:30 PM your time",
      ]);
      set(el, '#zone', 'America/New_York');
      await el.updateComplete;
      expect(prompts(el)[0]).to.equal(
        "Tue, Dec 1, 12:30 AM Kofi's time (Central European Time (Berlin)) — Mon, Nov 30, 6:30 PM your time",
      );
    });

    it('skips dates and honours a pause in the preview', async () => {
      const el = await loaded(adapterFor('u-dana', 'c-nova'), 'c-nova');
      set(el, '#skip-date', '2026-12-11');
      await el.updateComplete;
      [...$$(el, '.skip-add button')][0]!.click();
      await el.updateComplete;
      expect($$(el, '[part="chip"]').map((c) => text(c.querySelector('span')))).to.deep.equal(['Dec 11, 2026']);
      expect(prompts(el).map((p) => p.slice(0, 11))).to.deep.equal(['Fri, Dec 4,', 'Fri, Dec 18', 'Fri, Dec 25']);
      set(el, '#pause', '2026-12-19');
      await el.updateComplete;
      expect(prompts(el).map((p) => p.slice(0, 11))).to.deep.equal(['Fri, Dec 25', 'Fri, Jan 1,', 'Fri, Jan 8,']);
      $<HTMLButtonElement>(el, '[part="chip"] button')!.click();
      await el.updateComplete;
      expect($$(el, '[part="chip"]')).to.have.length(0);
    });

    it('shows an inline error naming a bad zone and sends nothing', async () => {
      const adapter = adapterFor('u-dana', 'c-nova');
      const el = await loaded(adapter, 'c-nova');
      set(el, '#zone', 'Mars/Olympus');
      await el.updateComplete;
      const zone = $<HTMLInputElement>(el, '#zone')!;
      expect(zone.getAttribute('aria-invalid')).to.equal('true');
      expect(zone.getAttribute('aria-describedby')).to.contain('zone-error');
      expect(text($(el, '#zone-error'))).to.contain('"Mars/Olympus" is not a time zone');
      expect(text($(el, '[part="next-prompts"]'))).to.contain('Fix the schedule above');
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await el.updateComplete;
      await waitUntil(() => root(el).activeElement === zone, 'focus did not go to the bad field');
      expect(calls(adapter, 'updateSettings')).to.have.length(0);
      // Turning on with the bad schedule is refused too.
      switchOf(el).click();
      await el.updateComplete;
      expect(dialogOf(el).open).to.equal(false);
      expect(calls(adapter, 'updateSettings')).to.have.length(0);
    });

    it('shows an inline error for an empty time and sends nothing', async () => {
      const adapter = adapterFor('u-dana', 'c-nova');
      const el = await loaded(adapter, 'c-nova');
      set(el, '#time', '');
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await el.updateComplete;
      const time = $(el, '#time')!;
      expect(time.getAttribute('aria-invalid')).to.equal('true');
      expect(time.getAttribute('aria-describedby')).to.contain('time-error');
      expect(text($(el, '#time-error'))).to.equal('Enter a time, for example 9:00 AM.');
      expect(calls(adapter, 'updateSettings')).to.have.length(0);
    });

    it('saves the schedule with the version it was edited against', async () => {
      const adapter = adapterFor('u-dana', 'c-nova');
      const el = await loaded(adapter, 'c-nova');
      set(el, '#weekday', '4', 'change');
      set(el, '#time', '14:15');
      set(el, '#zone', 'Africa/Accra');
      set(el, '#pause', '2026-12-15');
      await el.updateComplete;
      const changed = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      const event = await changed;
      const [call] = calls(adapter, 'updateSettings');
      expect(call!.args[1]).to.deep.equal({
        schedule: {
          weekday: 4,
          time: '14:15',
          timeZone: 'Africa/Accra',
          skipDates: [],
          pausedUntil: '2026-12-15T00:00:00.000Z',
        },
      });
      expect((call!.args[2] as { expectedVersion: number }).expectedVersion).to.equal(1);
      expect(event.detail.settings.schedule.time).to.equal('14:15');
      await el.updateComplete;
      expect(text($(el, '[role="status"][aria-live="polite"]'))).to.equal('Schedule saved');
      // Saving does not switch check-ins on.
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
    });

    it('turning on with edited fields sends the edited schedule with the switch', async () => {
      const adapter = adapterFor('u-dana', 'c-nova');
      const el = await loaded(adapter, 'c-nova');
      set(el, '#weekday', '3', 'change');
      await el.updateComplete;
      await openDialog(el);
      expect(text(dialogOf(el).querySelector('#dialog-summary'))).to.contain('every Wednesday at 9:00 AM');
      const changed = oneEvent(el, 'checkin-settings-change');
      dialogOf(el).querySelector<HTMLButtonElement>('button.primary')!.click();
      await changed;
      const [call] = calls(adapter, 'updateSettings');
      expect(call!.args[1]).to.deep.include({ enabled: true });
      expect((call!.args[1] as { schedule: { weekday: number } }).schedule.weekday).to.equal(3);
    });

    it('"Discard changes" puts the saved schedule back and keeps focus in the form', async () => {
      const adapter = adapterFor('u-dana', 'c-nova');
      const el = await loaded(adapter, 'c-nova');
      set(el, '#time', '11:00');
      await el.updateComplete;
      const discard = $$(el, '.editor .actions button').find((b) => text(b) === 'Discard changes')!;
      discard.focus();
      discard.click();
      await el.updateComplete;
      expect(parseWallTime($<HTMLInputElement>(el, '#time')!.value)).to.equal('09:00');
      expect($$(el, '.editor .actions button').map(text)).to.deep.equal(['Save schedule']);
      expect(text($(el, '[role="status"][aria-live="polite"]'))).to.equal('Changes discarded');
      await waitUntil(() => root(el).activeElement?.id === 'weekday', 'focus was lost with the button');
      expect(calls(adapter, 'updateSettings')).to.have.length(0);
    });

    it('keeps the edits and offers a retry when saving fails', async () => {
      const adapter = adapterFor('u-dana', 'c-nova');
      const el = await loaded(adapter, 'c-nova');
      adapter.faults.failNext('updateSettings', 'timeout');
      set(el, '#time', '11:00');
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await waitUntil(() => $(el, '[part="editor"] [role="alert"]'), 'no alert in the editor');
      expect($<HTMLInputElement>(el, '#time')!.value).to.equal('11:00');
      expect(text($(el, '[part="editor"] [role="alert"]'))).to.contain('The server took too long to answer.');
      const changed = oneEvent(el, 'checkin-settings-change');
      $<HTMLButtonElement>(el, '[part="editor"] [part="retry-button"]')!.click();
      await changed;
      const [first, second] = calls(adapter, 'updateSettings');
      expect((second!.args[2] as { idempotencyKey: string }).idempotencyKey).to.equal(
        (first!.args[2] as { idempotencyKey: string }).idempotencyKey,
      );
    });
  });

  describe('schedule conflict (someone else saved first)', () => {
    const TUESDAY = {
      weekday: 2,
      time: '10:30',
      timeZone: 'Europe/Berlin',
      skipDates: ['2026-12-22'],
      pausedUntil: null,
    } as const;
    const notice = (el: Element) => $(el, '[part~="conflict"]');
    const paragraphs = (el: Element) => $$(el, '[part~="conflict"] p').map(text);
    const noticeButtons = (el: Element) => $$(el, '[part~="conflict"] button').map(text);
    const clickNotice = (el: Element, label: string) =>
      $$(el, '[part~="conflict"] button')
        .find((b) => text(b) === label)!
        .click();
    const status = (el: Element) => text($(el, '[role="status"][aria-live="polite"]'));
    const focusedId = (el: Element) => (root(el).activeElement as HTMLElement | null)?.id ?? '';
    const chips = (el: Element) => $$(el, '[part="chip"] > span').map(text);
    const fields = (el: Element) => ({
      weekday: $<HTMLSelectElement>(el, '#weekday')!.value,
      // The field writes times in Dana's hour cycle; compared as the time it means.
      time: parseWallTime($<HTMLInputElement>(el, '#time')!.value),
      zone: $<HTMLInputElement>(el, '#zone')!.value,
      pause: $<HTMLInputElement>(el, '#pause')!.value,
      skips: chips(el),
    });
    const MINE = {
      weekday: '4',
      time: '14:15',
      zone: 'Africa/Accra',
      pause: '2026-12-15',
      skips: ['Dec 24, 2026'],
    };

    /** Dana edits every field of the schedule in the element, without saving. */
    async function editEverything(el: CheckinToggle, mine = MINE) {
      set(el, '#weekday', '4', 'change');
      set(el, '#time', '14:15');
      set(el, '#zone', 'Africa/Accra');
      set(el, '#pause', '2026-12-15');
      set(el, '#skip-date', '2026-12-24');
      await el.updateComplete;
      $$(el, '.skip-add button')[0]!.click();
      await el.updateComplete;
      expect(fields(el)).to.deep.equal(mine);
    }

    /** A second client (Dana in another tab) saves a schedule through its own adapter. */
    async function otherTabSaves(
      store: MemoryStore,
      contractId = 'c-nova',
      change: Parameters<MemoryAdapter['updateSettings']>[1] = {
        schedule: { ...TUESDAY, skipDates: [...TUESDAY.skipDates] },
      },
    ) {
      const other = adapterFor('u-dana', contractId, store);
      const current = await other.getSettings(contractId);
      return other.updateSettings(contractId, change, {
        expectedVersion: current.version,
        idempotencyKey: `other-${current.version}`,
      });
    }

    /** Until the conflict notice shows its actions and has the focus. */
    async function conflictShown(el: CheckinToggle) {
      await waitUntil(() => noticeButtons(el).length > 0, 'no conflict notice with actions');
      await waitUntil(() => focusedId(el) === 'conflict-title', 'focus did not move to the notice');
    }

    async function saveAndConflict(el: CheckinToggle) {
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await conflictShown(el);
    }

    /** Turns check-ins on through the dialog, carrying the editor's edits, and meets a conflict. */
    async function turnOnAndConflict(el: CheckinToggle) {
      await openDialog(el);
      dialogOf(el).querySelector<HTMLButtonElement>('button.primary')!.click();
      await conflictShown(el);
    }

    it('keeps every edited field, says whose version is newer and moves focus to the notice', async () => {
      const store = world();
      const adapter = adapterFor('u-dana', 'c-atlas', store);
      const el = await loaded(adapter, 'c-atlas');
      const errors: CheckinErrorEvent[] = [];
      el.addEventListener('checkin-error', (e) => errors.push(e));
      // c-atlas already skips Christmas Day.
      const mine = { ...MINE, skips: ['Dec 24, 2026', 'Dec 25, 2026'] };
      await editEverything(el, mine);
      // The other tab's change arrives live while Dana is editing; her fields are left alone.
      await otherTabSaves(store, 'c-atlas');
      await waitUntil(
        () => text($(el, '#switch-status')).includes('Tuesdays at 10:30'),
        'the live update did not arrive',
      );
      expect(fields(el)).to.deep.equal(mine);

      await saveAndConflict(el);
      // Dana's own other tab is not "someone else".
      expect(status(el)).to.equal(
        'Not saved: these settings were changed in another tab or window. Your edits are kept.',
      );
      expect(fields(el)).to.deep.equal(mine);
      const alert = notice(el)!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.dataset.code).to.equal('conflict');
      expect(text(alert.querySelector('#conflict-title'))).to.equal(
        'These settings were changed in another tab or window while you were editing.',
      );
      const [version, ...rest] = paragraphs(el);
      // The element's clock (30 November) decides: Berlin is 6 hours ahead of New York then.
      expect(version).to.equal(
        'The other version: Tuesdays at 10:30 AM Central European Time (Berlin), Tuesdays at 4:30 AM your time.',
      );
      expect(rest).to.deep.equal([
        'Skipped dates: Dec 22, 2026.',
        'Your edits are kept below; save to replace the other version, or discard your edits.',
      ]);
      expect(noticeButtons(el)).to.deep.equal(['Save my version', 'Use the other version']);
      expect(errors.map((e) => e.detail.error.code)).to.deep.equal(['conflict']);
      // The preview still shows Dana's schedule (Thursdays 14:15 in Accra, paused until 15 Dec).
      expect(text($(el, '[part="next-prompts"] li'))).to.contain("Thu, Dec 17, 3:15 PM Kofi's time");
      await expect(el).to.be.accessible();
    });

    it('"Save my version" writes the kept edits against the new version, once', async () => {
      const { store, adapter, el } = await missingLiveUpdates('u-dana', 'c-nova');
      await editEverything(el);
      const theirs = await otherTabSaves(store);
      await saveAndConflict(el);
      const changed = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      clickNotice(el, 'Save my version');
      const event = await changed;
      const writes = calls(adapter, 'updateSettings');
      expect(writes).to.have.length(2);
      const version = (i: number) => (writes[i]!.args[2] as { expectedVersion: number }).expectedVersion;
      expect([version(0), version(1)]).to.deep.equal([1, theirs.version]);
      const mine = {
        schedule: {
          weekday: 4,
          time: '14:15',
          timeZone: 'Africa/Accra',
          skipDates: ['2026-12-24'],
          pausedUntil: '2026-12-15T00:00:00.000Z',
        },
      };
      expect(writes[1]!.args[1]).to.deep.equal(mine);
      // What the store now holds, read by someone else.
      const stored = await adapterFor('u-kofi', 'c-nova', store).getSettings('c-nova');
      expect(stored.schedule).to.deep.equal(mine.schedule);
      expect(stored.version).to.equal(theirs.version + 1);
      expect(event.detail.settings.schedule).to.deep.equal(mine.schedule);
      expect(event.detail.previous?.version).to.equal(theirs.version);
      await el.updateComplete;
      expect(notice(el)).to.equal(null);
      expect(fields(el)).to.deep.equal(MINE);
      expect(status(el)).to.equal('Schedule saved: your version replaced the other one.');
      expect(focusedId(el)).to.equal('');
      expect(text(root(el).activeElement)).to.equal('Save schedule');
      expect($$(el, '[role="alert"]')).to.have.length(0);
    });

    it('"Use their version" drops the edits and shows the latest in the editor', async () => {
      const { store, adapter, el } = await missingLiveUpdates('u-dana', 'c-nova');
      await editEverything(el);
      await otherTabSaves(store);
      await saveAndConflict(el);
      clickNotice(el, 'Use the other version');
      await el.updateComplete;
      expect(fields(el)).to.deep.equal({
        weekday: '2',
        time: '10:30',
        zone: 'Europe/Berlin',
        pause: '',
        skips: ['Dec 22, 2026'],
      });
      expect(notice(el)).to.equal(null);
      expect(status(el)).to.equal('Your edits were discarded. The latest version is shown.');
      await waitUntil(() => focusedId(el) === 'weekday', 'focus did not go to the first field');
      // Nothing is left to save: no discard button, and saving sends nothing.
      expect($$(el, '.editor .actions button').map(text)).to.deep.equal(['Save schedule']);
      expect(calls(adapter, 'updateSettings')).to.have.length(1);
    });

    it('names the person whose change came first, and what it was', async () => {
      const store = world();
      await enableNova(store);
      const adapter = adapterFor('u-dana', 'c-nova', store);
      const el = await loaded(adapter, 'c-nova');
      set(el, '#time', '07:45');
      await el.updateComplete;
      // Kofi declines in his own browser while Dana edits the time.
      const kofi = adapterFor('u-kofi', 'c-nova', store);
      const current = await kofi.getSettings('c-nova');
      await kofi.updateSettings(
        'c-nova',
        { consent: 'declined' },
        { expectedVersion: current.version, idempotencyKey: 'kofi-no' },
      );
      await saveAndConflict(el);
      expect($<HTMLInputElement>(el, '#time')!.value).to.equal('07:45');
      const alert = text(notice(el));
      expect(alert).to.contain('Kofi Mensah changed these settings while you were editing.');
      expect(alert).to.contain('Kofi Mensah declined weekly check-ins.');
      expect(alert).to.contain(
        'Their version: Fridays at 9:00 AM Central European Time (Berlin), Fridays at 3:00 AM your time.',
      );
      expect(noticeButtons(el)).to.deep.equal(['Save my version', 'Use their version']);
      expect(text(notice(el))).to.contain('Your edits are kept below; save to replace theirs, or discard your edits.');
      expect(status(el)).to.equal('Not saved: someone else changed these settings meanwhile. Your edits are kept.');
      const changed = oneEvent(el, 'checkin-settings-change');
      clickNotice(el, 'Save my version');
      await changed;
      await el.updateComplete;
      expect(status(el)).to.equal('Schedule saved: your version replaced theirs.');
      const stored = await kofi.getSettings('c-nova');
      // Dana's time replaces the old one; Kofi's decline stands.
      expect([stored.schedule.time, stored.consent]).to.deep.equal(['07:45', 'declined']);
    });

    it('says "Someone else" when the settings do not say who changed them', async () => {
      const { store, adapter, el } = await missingLiveUpdates('u-dana', 'c-nova');
      set(el, '#time', '08:00');
      await el.updateComplete;
      await otherTabSaves(store);
      adapter.faults.corruptNext('getSettings', (s: Settings) => ({ ...s, updatedBy: null }));
      await saveAndConflict(el);
      expect(text($(el, '#conflict-title'))).to.equal('Someone else changed these settings while you were editing.');
      expect(noticeButtons(el)).to.deep.equal(['Save my version', 'Use their version']);
    });

    it('conflicts again only when there was yet another change, and then shows the newest', async () => {
      const { store, adapter, el } = await missingLiveUpdates('u-dana', 'c-nova');
      set(el, '#time', '08:00');
      await el.updateComplete;
      await otherTabSaves(store);
      await saveAndConflict(el);
      // Yet another change before Dana decides.
      const third = await otherTabSaves(store, 'c-nova', {
        schedule: { weekday: 3, time: '12:00', timeZone: 'Europe/Berlin', skipDates: [], pausedUntil: null },
      });
      clickNotice(el, 'Save my version');
      await waitUntil(() => calls(adapter, 'updateSettings').length === 2, 'no second save');
      await waitUntil(() => /Wednesdays at 12:00/.test(text(notice(el))), 'the newest version is not shown');
      await waitUntil(() => focusedId(el) === 'conflict-title', 'focus did not move to the new notice');
      expect($<HTMLInputElement>(el, '#time')!.value).to.equal('08:00');
      const changed = oneEvent(el, 'checkin-settings-change');
      clickNotice(el, 'Save my version');
      await changed;
      const writes = calls(adapter, 'updateSettings');
      expect(writes.map((c) => (c.args[2] as { expectedVersion: number }).expectedVersion)).to.deep.equal([
        1,
        third.version - 1,
        third.version,
      ]);
    });

    it('says check-ins are now off, and still lets the schedule be saved for later', async () => {
      const { store, el } = await missingLiveUpdates('u-dana', 'c-atlas');
      set(el, '#time', '17:30');
      await el.updateComplete;
      await otherTabSaves(store, 'c-atlas', { enabled: false });
      await saveAndConflict(el);
      const alert = text(notice(el));
      expect(alert).to.contain('Check-ins are now off.');
      expect(alert).to.contain(
        'While check-ins are off nobody is asked anything; saving your version sets the schedule for when they are turned on.',
      );
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect($<HTMLInputElement>(el, '#time')!.value).to.equal('17:30');
      expect(noticeButtons(el)).to.deep.equal(['Save my version', 'Use the other version']);
      await expect(el).to.be.accessible();
      const changed = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      clickNotice(el, 'Save my version');
      const { detail } = await changed;
      // The schedule is saved; the switch stays as the other tab left it.
      expect([detail.settings.schedule.time, detail.settings.enabled]).to.deep.equal(['17:30', false]);
    });

    it('offers no "Save my version" when check-ins are off and no longer offered', async () => {
      let now = FIXED;
      const store = new MemoryStore(seedDemo({ now: FIXED }), { clock: () => now });
      await enableNova(store);
      const { adapter, el } = await missingLiveUpdates('u-dana', 'c-nova', store);
      set(el, '#time', '06:15');
      await el.updateComplete;
      // The contract ends (eligibility is computed on the store's clock), and the other tab turns check-ins off.
      now = FIXED + 90 * 86_400_000;
      await otherTabSaves(store, 'c-nova', { enabled: false });
      await saveAndConflict(el);
      expect($(el, '[part="editor"]')).to.equal(null);
      const alert = text(notice(el));
      expect(alert).to.contain('Check-ins are now off.');
      expect(alert).to.contain(
        "Check-ins are off and not offered for this contract, so your edits can't be saved. This contract has already ended. Your edits were: Fridays at 6:15 AM Central European Time (Berlin)",
      );
      expect(noticeButtons(el)).to.deep.equal(['Use the other version']);
      await expect(el).to.be.accessible();
      clickNotice(el, 'Use the other version');
      await el.updateComplete;
      expect(notice(el)).to.equal(null);
      await waitUntil(() => root(el).activeElement === switchOf(el), 'focus did not go to the switch');
      expect(calls(adapter, 'updateSettings')).to.have.length(1);
    });

    it('keeps edits sent with "turn on" when that meets a conflict', async () => {
      const { store, el } = await missingLiveUpdates('u-dana', 'c-nova');
      set(el, '#weekday', '3', 'change');
      await el.updateComplete;
      await otherTabSaves(store);
      await turnOnAndConflict(el);
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect($<HTMLSelectElement>(el, '#weekday')!.value).to.equal('3');
      expect(text(notice(el))).to.contain('Check-ins were not turned on. Your edits are kept below');
      // Turning on again now sends Wednesday against the new version, and succeeds.
      const changed = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      await openDialog(el);
      expect(text(dialogOf(el).querySelector('#dialog-summary'))).to.contain('every Wednesday at 9:00 AM');
      dialogOf(el).querySelector<HTMLButtonElement>('button.primary')!.click();
      const { detail } = await changed;
      expect([detail.settings.enabled, detail.settings.schedule.weekday]).to.deep.equal([true, 3]);
    });

    it('keeps the edits when their version cannot be fetched, and shows it after Try again', async () => {
      const store = world();
      const adapter = adapterFor('u-dana', 'c-nova', store);
      const el = await loaded(adapter, 'c-nova');
      el.retryPolicy = { attempts: 1 };
      adapter.faults.dropSubscriptions();
      set(el, '#time', '08:00');
      await el.updateComplete;
      await otherTabSaves(store);
      adapter.faults.failNext('getSettings', 'unavailable');
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await waitUntil(() => $(el, '[part="editor"] [part="retry-button"]'), 'no retry for the reload');
      expect(text(notice(el))).to.contain('Your edits are kept below. Their version could not be loaded yet.');
      expect(noticeButtons(el)).to.deep.equal([]);
      expect($<HTMLInputElement>(el, '#time')!.value).to.equal('08:00');
      $<HTMLButtonElement>(el, '[part="editor"] [part="retry-button"]')!.click();
      await waitUntil(() => noticeButtons(el).length === 2, 'their version did not load');
      await waitUntil(() => focusedId(el) === 'conflict-title', 'focus did not return to the notice');
      expect(text(notice(el))).to.contain('The other version: Tuesdays at 10:30');
      expect($<HTMLInputElement>(el, '#time')!.value).to.equal('08:00');
    });

    it('keeps unsaved schedule edits through a switch conflict; saving them later meets the conflict notice', async () => {
      const { store, adapter, el } = await missingLiveUpdates('u-dana', 'c-atlas');
      set(el, '#time', '14:15');
      await el.updateComplete;
      // Another tab changes the questions; this tab misses the live update.
      const other = adapterFor('u-dana', 'c-atlas', store);
      const current = await other.getSettings('c-atlas');
      const questions = current.questions.map((q, i) => (i === 0 ? { ...q, prompt: 'What shipped?' } : q));
      const theirs = await other.updateSettings(
        'c-atlas',
        { questions },
        { expectedVersion: current.version, idempotencyKey: 'other-questions' },
      );
      const reads = calls(adapter, 'getSettings').length;
      switchOf(el).click();
      await waitUntil(() => $(el, '[data-code="conflict"]'), 'no conflict message');
      await waitUntil(() => calls(adapter, 'getSettings').length === reads + 1, 'settings not reloaded');
      await el.updateComplete;
      // The switch shows the latest state (still on); Dana's unsaved time is still in the form.
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
      expect(text($(el, '#switch-status'))).to.contain('Fridays at 4:00 PM');
      expect($<HTMLInputElement>(el, '#time')!.value).to.equal('14:15');
      const kept = 'Your unsaved schedule edits are still in the form.';
      expect(text($(el, '[data-code="conflict"]'))).to.contain(kept);
      expect(status(el)).to.contain(kept);
      expect($$(el, '.editor .actions button').map(text)).to.deep.equal(['Save schedule', 'Discard changes']);

      // The edits were made against the version before the other tab's: saving them is refused
      // by the adapter, and the notice says what changed (the questions) before anything is lost.
      await saveAndConflict(el);
      expect(paragraphs(el)).to.deep.equal([
        'The questions were changed too; saving your schedule leaves them as they are.',
        'The other version: Fridays at 4:00 PM Central European Time (Berlin), Fridays at 10:00 AM your time.',
        'Skipped dates: Dec 25, 2026.',
        'Your edits are kept below; save to replace the other version, or discard your edits.',
      ]);
      expect($<HTMLInputElement>(el, '#time')!.value).to.equal('14:15');
      const changed = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      clickNotice(el, 'Save my version');
      const { detail } = await changed;
      const versions = calls(adapter, 'updateSettings').map(
        (c) => (c.args[2] as { expectedVersion: number }).expectedVersion,
      );
      expect(versions).to.deep.equal([current.version, current.version, theirs.version]);
      // Dana's time, the other tab's questions, and check-ins still on.
      const stored = await adapterFor('u-kofi', 'c-atlas', store).getSettings('c-atlas');
      expect([stored.schedule.time, stored.questions[0]!.prompt, stored.enabled]).to.deep.equal([
        '14:15',
        'What shipped?',
        true,
      ]);
      expect(detail.settings.version).to.equal(stored.version);
    });

    it('says check-ins are now on, not that they were not turned on, when another tab turned them on first', async () => {
      const { store, el } = await missingLiveUpdates('u-dana', 'c-nova');
      set(el, '#weekday', '3', 'change');
      await el.updateComplete;
      await enableNova(store);
      await turnOnAndConflict(el);
      expect(paragraphs(el)).to.deep.equal([
        'Check-ins are now on, waiting for Kofi Mensah to accept.',
        'The other version: Fridays at 9:00 AM Central European Time (Berlin), Fridays at 3:00 AM your time.',
        'Your edits are kept below; save to replace the other version, or discard your edits.',
      ]);
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
      expect($<HTMLSelectElement>(el, '#weekday')!.value).to.equal('3');
    });

    it('does not call the client\'s own switch change "someone else\'s"', async () => {
      const store = world();
      const adapter = adapterFor('u-dana', 'c-atlas', store);
      const el = await loaded(adapter, 'c-atlas');
      set(el, '#time', '17:30');
      await el.updateComplete;
      const off = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      switchOf(el).click();
      const turnedOff = (await off).detail.settings;
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#time')!.value).to.equal('17:30');
      const saved = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      expect((await saved).detail.settings.schedule.time).to.equal('17:30');
      const writes = calls(adapter, 'updateSettings');
      expect((writes[1]!.args[2] as { expectedVersion: number }).expectedVersion).to.equal(turnedOff.version);
      expect(notice(el)).to.equal(null);
    });

    it("after a switch conflict, does not blame the client's own switch change here on another tab, and lists the talent's withdrawal", async () => {
      const { store, adapter, el } = await missingLiveUpdates('u-dana', 'c-atlas');
      set(el, '#time', '14:15');
      await el.updateComplete;
      // Kofi declines in his own browser; this tab misses the live update.
      const kofi = adapterFor('u-kofi', 'c-atlas', store);
      const before = await kofi.getSettings('c-atlas');
      await kofi.updateSettings(
        'c-atlas',
        { consent: 'withdrawn' },
        { expectedVersion: before.version, idempotencyKey: 'kofi-no' },
      );
      // Dana turns check-ins off: a conflict; her edits stay, made against the version before Kofi's.
      switchOf(el).click();
      await waitUntil(() => $(el, '[data-code="conflict"]'), 'no switch conflict');
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#time')!.value).to.equal('14:15');
      // She turns them off again, here: it works.
      const off = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      switchOf(el).click();
      const turnedOff = (await off).detail.settings;
      await el.updateComplete;
      // Saving her schedule now meets a conflict: the change in between was Kofi's, the latest is hers from here.
      await saveAndConflict(el);
      expect(status(el)).to.equal('Not saved: these settings changed while you were editing. Your edits are kept.');
      expect(text($(el, '#conflict-title'))).to.equal('These settings changed while you were editing.');
      expect(paragraphs(el)).to.deep.equal([
        'Check-ins are now off.',
        'Kofi Mensah withdrew consent to weekly check-ins.',
        'The latest version: Fridays at 4:00 PM Central European Time (Berlin), Fridays at 10:00 AM your time.',
        'Skipped dates: Dec 25, 2026.',
        'While check-ins are off nobody is asked anything; saving your version sets the schedule for when they are turned on. Your edits are kept below; save to replace the latest version, or discard your edits.',
      ]);
      expect(text(notice(el))).to.not.contain('another tab or window');
      expect(noticeButtons(el)).to.deep.equal(['Save my version', 'Use the latest version']);
      expect($<HTMLInputElement>(el, '#time')!.value).to.equal('14:15');
      await expect(el).to.be.accessible();
      const saved = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      clickNotice(el, 'Save my version');
      const { detail } = await saved;
      await el.updateComplete;
      expect(status(el)).to.equal('Schedule saved');
      const versions = calls(adapter, 'updateSettings').map(
        (c) => (c.args[2] as { expectedVersion: number }).expectedVersion,
      );
      expect(versions).to.deep.equal([before.version, turnedOff.version - 1, before.version, turnedOff.version]);
      // Her time; check-ins still off as she left them; Kofi's decline stands.
      expect([detail.settings.schedule.time, detail.settings.enabled, detail.settings.consent]).to.deep.equal([
        '14:15',
        false,
        'withdrawn',
      ]);
    });

    it('still says "another tab or window" when the client\'s other tab changed the settings after her own change here', async () => {
      const { store, el } = await missingLiveUpdates('u-dana', 'c-atlas');
      // A change made here first (remembered as this element's own)...
      const off = oneEvent(el, 'checkin-settings-change');
      switchOf(el).click();
      await off;
      await el.updateComplete;
      set(el, '#time', '14:15');
      await el.updateComplete;
      // ...then Dana's other tab changes the schedule.
      await otherTabSaves(store, 'c-atlas');
      await saveAndConflict(el);
      expect(text($(el, '#conflict-title'))).to.equal(
        'These settings were changed in another tab or window while you were editing.',
      );
      expect(status(el)).to.equal(
        'Not saved: these settings were changed in another tab or window. Your edits are kept.',
      );
      expect(noticeButtons(el)).to.deep.equal(['Save my version', 'Use the other version']);
    });
  });

  describe('switch conflict (who changed the settings)', () => {
    const status = (el: Element) => text($(el, '[role="status"][aria-live="polite"]'));
    const alertOf = (el: Element) => $(el, '[data-code="conflict"]');
    const focusedSwitch = (el: Element) => root(el).activeElement === switchOf(el);
    const AGAIN = 'The latest version is shown. Review and try again.';

    /** Dana clicks the switch (check-ins are on: off) against a version that is no longer the latest. */
    async function switchConflict(el: CheckinToggle, adapter: MemoryAdapter) {
      const reads = calls(adapter, 'getSettings').length;
      switchOf(el).focus();
      switchOf(el).click();
      await waitUntil(() => alertOf(el), 'no conflict message');
      // The notice and the announcement come once the latest version (and who made it) is known.
      expect(calls(adapter, 'getSettings').length).to.equal(reads + 1);
      await el.updateComplete;
    }

    /** Someone (Dana's other tab, or Kofi) changes c-atlas through a second adapter on the same store. */
    async function changeElsewhere(
      store: MemoryStore,
      viewerId: string,
      contractId = 'c-atlas',
      change?: Parameters<MemoryAdapter['updateSettings']>[1],
    ) {
      const other = adapterFor(viewerId, contractId, store);
      const current = await other.getSettings(contractId);
      const questions = current.questions.map((q, i) => (i === 0 ? { ...q, prompt: 'What shipped?' } : q));
      return other.updateSettings(contractId, change ?? { questions }, {
        expectedVersion: current.version,
        idempotencyKey: `${viewerId}-${current.version}`,
      });
    }

    it("says another tab or window, not someone else, when the client's own other tab changed the settings", async () => {
      const { store, adapter, el } = await missingLiveUpdates('u-dana', 'c-atlas');
      await changeElsewhere(store, 'u-dana');
      await switchConflict(el, adapter);
      expect(text(alertOf(el))).to.equal(`These settings were changed in another tab or window. ${AGAIN}`);
      expect(status(el)).to.equal(`These settings were changed in another tab or window. ${AGAIN}`);
      expect(text(alertOf(el))).to.not.contain('omeone else');
      expect(alertOf(el)!.getAttribute('role')).to.equal('alert');
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
      expect(focusedSwitch(el)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('names the person whose change came first', async () => {
      const { store, adapter, el } = await missingLiveUpdates('u-dana', 'c-atlas');
      await changeElsewhere(store, 'u-kofi', 'c-atlas', { consent: 'withdrawn' });
      await switchConflict(el, adapter);
      expect(text(alertOf(el))).to.equal(`Kofi Mensah changed these settings in the meantime. ${AGAIN}`);
      expect(status(el)).to.equal(`Kofi Mensah changed these settings in the meantime. ${AGAIN}`);
      expect(text($(el, '.card > [part="consent"]'))).to.contain(
        'Kofi Mensah withdrew consent to weekly check-ins on Nov 30, 2026.',
      );
    });

    it('says "Someone else" when the latest settings do not say who changed them', async () => {
      const { store, adapter, el } = await missingLiveUpdates('u-dana', 'c-atlas');
      await changeElsewhere(store, 'u-dana');
      adapter.faults.corruptNext('getSettings', (s: Settings) => ({ ...s, updatedBy: null }));
      await switchConflict(el, adapter);
      const someone = 'These settings were changed by someone else; the latest version is shown. Review and try again.';
      expect(text(alertOf(el))).to.equal(`Someone else changed this in the meantime. ${someone}`);
      expect(status(el)).to.equal(someone);
    });

    it('names the client on the talent side when her change came first', async () => {
      const store = world();
      await enableNova(store);
      const { el } = await missingLiveUpdates('u-kofi', 'c-nova', store);
      await changeElsewhere(store, 'u-dana', 'c-nova');
      $$(el, '[part="consent"] button')[0]!.click();
      await waitUntil(() => alertOf(el), 'no conflict message');
      await el.updateComplete;
      expect(text(alertOf(el))).to.equal(`Dana Whitfield changed these settings in the meantime. ${AGAIN}`);
    });

    it("says unsaved edits can't be saved, and repeats them, when the reload hides the form", async () => {
      // Atlas made into a 7-day contract: check-ins are not offered, but they are still on.
      const data = structuredClone(seedDemo({ now: FIXED }));
      const atlas = data.contracts.find((c) => c.id === 'c-atlas')!;
      atlas.startsAt = new Date(FIXED - 2 * 86_400_000).toISOString();
      atlas.endsAt = new Date(FIXED + 5 * 86_400_000).toISOString();
      const store = new MemoryStore(data, { clock: () => FIXED });
      const { adapter, el } = await missingLiveUpdates('u-dana', 'c-atlas', store);
      expect(!!$(el, '[part="editor"]')).to.equal(true);
      set(el, '#time', '14:15');
      await el.updateComplete;
      // Dana's other tab turns check-ins off; this tab misses it, and she clicks the switch here.
      await changeElsewhere(store, 'u-dana', 'c-atlas', { enabled: false });
      await switchConflict(el, adapter);
      expect(!!$(el, '[part="editor"]')).to.equal(false);
      const lost =
        "Check-ins are off and not offered for this contract, so your edits can't be saved. " +
        'This contract lasts 7 days; weekly check-ins are offered for contracts of 14 days or more. ' +
        'Your edits were: Fridays at 2:15 PM Central European Time (Berlin), Fridays at 8:15 AM your time.';
      expect(text(alertOf(el))).to.equal(`These settings were changed in another tab or window. ${AGAIN} ${lost}`);
      expect(status(el)).to.equal(`These settings were changed in another tab or window. ${AGAIN} ${lost}`);
      expect(text(alertOf(el))).to.not.contain('still in the form');
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      expect(switchOf(el).getAttribute('aria-disabled')).to.equal('true');
      // Focus stays on the switch (still focusable, and the reason is right below it).
      expect(focusedSwitch(el)).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('ineligible contract', () => {
    it('shows the reason and a disabled, still focusable switch', async () => {
      const adapter = adapterFor('u-dana', 'c-logo');
      const el = await loaded(adapter, 'c-logo');
      const sw = switchOf(el);
      expect(sw.getAttribute('aria-disabled')).to.equal('true');
      expect(sw.getAttribute('aria-describedby')).to.contain('ineligible-reason');
      const reason = text($(el, '#ineligible-reason'));
      expect(reason).to.contain('Weekly check-ins are not offered for this contract.');
      expect(reason).to.contain('This contract lasts 10 days');
      sw.focus();
      expect(root(el).activeElement).to.equal(sw);
      sw.click();
      await el.updateComplete;
      expect(dialogOf(el).open).to.equal(false);
      expect(calls(adapter, 'updateSettings')).to.have.length(0);
      expect($(el, '[part="editor"]')).to.equal(null);
    });
  });

  describe('consent, client side', () => {
    it('says the client waits for the talent, and shows a decline', async () => {
      const store = world();
      await enableNova(store);
      const el = await loaded(adapterFor('u-dana', 'c-nova', store), 'c-nova');
      expect(text($(el, '.card > [part="consent"]'))).to.contain('Waiting for Kofi Mensah to accept.');
      const kofi = adapterFor('u-kofi', 'c-nova', store);
      const settings = await kofi.getSettings('c-nova');
      await kofi.updateSettings(
        'c-nova',
        { consent: 'declined' },
        { expectedVersion: settings.version, idempotencyKey: 'k' },
      );
      await waitUntil(
        () => text($(el, '.card > [part="consent"]')).includes('Kofi Mensah declined weekly check-ins.'),
        'decline not shown live',
      );
      // The client can still switch off.
      expect(switchOf(el).getAttribute('aria-disabled')).to.equal('false');
    });
  });

  describe('talent', () => {
    it('shows who turned check-ins on and when, and the next prompt in their own time', async () => {
      const el = await loaded(adapterFor('u-kofi', 'c-atlas'), 'c-atlas');
      expect($(el, '[role="switch"]')).to.equal(null);
      // Seeded: switched on 2 Oct 2026 (Berlin), Fridays at 16:00 Berlin, locale en-GB.
      expect(text($(el, '.status-text'))).to.equal('Dana Whitfield turned on weekly check-ins on 2 Oct 2026.');
      const summary = $(el, '[part="summary"]')!;
      expect(text(summary)).to.contain('Fridays at 16:00');
      expect(text(summary.querySelector('.next-one'))).to.equal('Fri 4 Dec, 16:00, your time (in 4 days)');
      expect(text(summary)).to.contain('Skipped dates 25 Dec 2026');
    });

    it('says when check-ins are off', async () => {
      const el = await loaded(adapterFor('u-kofi', 'c-nova'), 'c-nova');
      expect(text($(el, '[part="base"]'))).to.equal(
        'Weekly check-ins for Nova onboarding flow: research and prototypes Weekly check-ins are off for this contract. You are not asked weekly check-ins. Dana Whitfield can still request an update from you, which you can answer.',
      );
      expect($$(el, 'button')).to.have.length(0);
    });

    for (const [label, consent] of [
      ['Accept', 'given'],
      ['Decline', 'declined'],
    ] as const) {
      it(`${label} sends consent "${consent}"`, async () => {
        const store = world();
        const enabled = await enableNova(store);
        const adapter = adapterFor('u-kofi', 'c-nova', store);
        const el = await loaded(adapter, 'c-nova');
        expect(text($(el, '.card > [part="consent"]'))).to.contain('They start once you agree to them');
        const button = $$(el, '[part="consent"] button').find((b) => text(b) === label)!;
        const changed = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
        button.click();
        await el.updateComplete;
        expect(text(button)).to.equal('Saving…');
        const event = await changed;
        const [call] = calls(adapter, 'updateSettings');
        expect(call!.args[1]).to.deep.equal({ consent });
        expect((call!.args[2] as { expectedVersion: number }).expectedVersion).to.equal(enabled.version);
        expect(event.detail.settings.consent).to.equal(consent);
        await el.updateComplete;
        // The choice stays the talent's: the opposite one is offered afterwards.
        expect($$(el, '[part="consent"] button').map(text)).to.deep.equal([
          consent === 'given' ? 'Withdraw my consent' : 'Accept after all',
        ]);
      });
    }

    it('lets a talent who declined accept after all, and one who accepted withdraw (after confirming)', async () => {
      const store = world();
      await enableNova(store);
      const adapter = adapterFor('u-kofi', 'c-nova', store);
      const el = await loaded(adapter, 'c-nova');
      const click = async (label: string) => {
        const changed = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
        $$(el, '[part="consent"] button')
          .find((b) => text(b) === label)!
          .click();
        return (await changed).detail.settings.consent;
      };
      expect(await click('Decline')).to.equal('declined');
      await el.updateComplete;
      await expect(el).to.be.accessible();
      expect(await click('Accept after all')).to.equal('given');
      await el.updateComplete;
      $$(el, '[part="consent"] button')
        .find((b) => text(b) === 'Withdraw my consent')!
        .click();
      const withdrawn = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      $<HTMLDialogElement>(el, '#withdraw-dialog')!.querySelector<HTMLButtonElement>('button.primary')!.click();
      expect((await withdrawn).detail.settings.consent).to.equal('withdrawn');
      expect(calls(adapter, 'updateSettings').map((c) => c.args[1])).to.deep.equal([
        { consent: 'declined' },
        { consent: 'given' },
        { consent: 'withdrawn' },
      ]);
    });

    it('keeps the choice open when consent fails to save', async () => {
      const store = world();
      await enableNova(store);
      const adapter = adapterFor('u-kofi', 'c-nova', store);
      const el = await loaded(adapter, 'c-nova');
      adapter.faults.failNext('updateSettings', 'network');
      $$(el, '[part="consent"] button')[0]!.click();
      await waitUntil(() => $(el, '[role="alert"]'), 'no alert');
      expect($$(el, '[part="consent"] button').map(text)).to.deep.equal(['Accept', 'Decline']);
    });
  });

  describe('observer', () => {
    it('reads the summary and has no controls', async () => {
      const el = await loaded(adapterFor('u-omar', 'c-atlas'), 'c-atlas');
      expect($$(el, 'button, input, select')).to.have.length(0);
      expect(text($(el, '.status-text'))).to.equal('Weekly check-ins are on.');
      expect(text($(el, '[part="summary"] .next-one'))).to.equal(
        // Omar's locale is en-GB.
        "Fri 4 Dec, 16:00 Kofi's time (Central European Time (Berlin)) — Fri 4 Dec, 10:00 Dana's time (Eastern Time (New York)) (in 4 days)",
      );
    });
  });

  describe('layout', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));
    for (const width of [320, 768, 1440]) {
      it(`nothing sticks out at ${width} px`, async () => {
        await setViewport({ width, height: 900 });
        const el = await loaded(adapterFor('u-dana', 'c-atlas'), 'c-atlas');
        const right = el.getBoundingClientRect().right;
        const wide = $$(el, '*').filter((node) => node.getBoundingClientRect().right > right + 0.5);
        expect(wide.map((node) => node.id || node.className || node.tagName)).to.deep.equal([]);
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
      });
    }
  });

  describe('live updates', () => {
    it('shows a change made by another adapter on the same store without reloading', async () => {
      const store = world();
      const adapter = adapterFor('u-dana', 'c-nova', store);
      const el = await loaded(adapter, 'c-nova');
      const reads = calls(adapter, 'getSettings').length;
      const settings: Settings = await enableNova(store);
      expect(settings.enabled).to.equal(true);
      await waitUntil(() => switchOf(el).getAttribute('aria-checked') === 'true', 'the change did not arrive');
      expect(text($(el, '.card > [part="consent"]'))).to.contain('Waiting for Kofi Mensah to accept.');
      // The talent consents elsewhere: the waiting note goes away.
      const kofi = adapterFor('u-kofi', 'c-nova', store);
      await kofi.updateSettings(
        'c-nova',
        { consent: 'given' },
        { expectedVersion: settings.version, idempotencyKey: 'kofi-yes' },
      );
      await waitUntil(() => !$(el, '.card > [part="consent"]'), 'consent did not arrive');
      expect(calls(adapter, 'getSettings').length).to.equal(reads);
    });

    it('stops listening when removed from the page', async () => {
      const store = world();
      const adapter = adapterFor('u-dana', 'c-nova', store);
      const el = await loaded(adapter, 'c-nova');
      const parent = el.parentElement!;
      el.remove();
      const enabled = await enableNova(store);
      await new Promise((resolve) => setTimeout(resolve));
      expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
      // Back on the page it listens again.
      parent.append(el);
      await el.updateComplete;
      const kofi = adapterFor('u-kofi', 'c-nova', store);
      await kofi.updateSettings(
        'c-nova',
        { consent: 'given' },
        { expectedVersion: enabled.version, idempotencyKey: 'kofi-back' },
      );
      await waitUntil(() => switchOf(el).getAttribute('aria-checked') === 'true', 'no update after re-adding');
    });

    it('reloads when put back on the page in the middle of loading', async () => {
      const adapter = adapterFor('u-dana', 'c-atlas');
      adapter.faults.latencyMs = 30;
      const el = await mount(adapter, 'c-atlas');
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await waitUntil(() => $(el, '[role="switch"]'), 'did not load after being moved');
    });
  });
});
