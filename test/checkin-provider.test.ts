import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define/checkin-provider.js';
import '../src/define/checkin-toggle.js';
import '../src/define/checkin-form.js';
import '../src/define/checkin-thread.js';
import { MemoryAdapter, MemoryStore, seedDemo } from '../src/adapters/memory.js';
import type { CheckinProvider } from '../src/elements/checkin-provider/checkin-provider.js';
import type { CheckinErrorEvent } from '../src/events.js';
import { text } from './support/dom.js';

const FIXED = Date.parse('2026-11-30T12:00:00.000Z');

function world() {
  return new MemoryStore(seedDemo({ now: FIXED }), { clock: () => FIXED });
}

const shown = (el: Element) => text(el.shadowRoot);
const calls = (adapter: MemoryAdapter, method: string) => adapter.calls.filter((c) => c.method === method);

async function page(adapter: MemoryAdapter | undefined, contractId = 'c-atlas') {
  const provider = await fixture<CheckinProvider>(html`<checkin-provider
    .adapter=${adapter}
    contract-id=${contractId}
  >
    <checkin-toggle .clock=${() => FIXED}></checkin-toggle>
    <checkin-form .clock=${() => FIXED}></checkin-form>
    <checkin-thread .clock=${() => FIXED}></checkin-thread>
  </checkin-provider>`);
  const [toggle, form, thread] = ['checkin-toggle', 'checkin-form', 'checkin-thread'].map((tag) =>
    provider.querySelector(tag)!,
  );
  return { provider, toggle: toggle!, form: form!, thread: thread! };
}

const settled = (...els: Element[]) =>
  waitUntil(
    () => els.every((el) => el.shadowRoot && !el.shadowRoot.querySelector('[part="loading"]') && shown(el)),
    'the elements did not finish loading',
    { timeout: 4000 },
  );

describe('<checkin-provider>', () => {
  it('is accessible with the three elements inside it', async () => {
    const { provider, toggle, form, thread } = await page(
      new MemoryAdapter({ store: world(), viewerId: 'u-dana', contractId: 'c-atlas' }),
    );
    await settled(toggle, form, thread);
    await expect(provider).to.be.accessible();
  });

  it('gives its adapter and contract id to every element inside it', async () => {
    const adapter = new MemoryAdapter({ store: world(), viewerId: 'u-dana', contractId: 'c-atlas' });
    const { toggle, form, thread } = await page(adapter);
    await settled(toggle, form, thread);
    expect(Boolean(toggle.shadowRoot!.querySelector('[role="switch"]'))).to.equal(true);
    expect(Boolean(thread.shadowRoot!.querySelector('[role="feed"]'))).to.equal(true);
    expect(calls(adapter, 'getSettings').every((c) => c.args[0] === 'c-atlas')).to.equal(true);
    expect(calls(adapter, 'getSettings').length).to.be.greaterThan(0);
  });

  it('asks the adapter for the viewer once for the provider and all its elements', async () => {
    const adapter = new MemoryAdapter({ store: world(), viewerId: 'u-kofi', contractId: 'c-atlas' });
    const { toggle, form, thread } = await page(adapter);
    await settled(toggle, form, thread);
    expect(calls(adapter, 'getViewer')).to.have.length(1);
  });

  it("lets an element's own adapter win over the provider's", async () => {
    const store = world();
    const client = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
    const talent = new MemoryAdapter({ store, viewerId: 'u-kofi', contractId: 'c-atlas' });
    const provider = await fixture<CheckinProvider>(html`<checkin-provider
      .adapter=${client}
      contract-id="c-atlas"
    >
      <checkin-toggle .adapter=${talent} .clock=${() => FIXED}></checkin-toggle>
    </checkin-provider>`);
    const toggle = provider.querySelector('checkin-toggle')!;
    await settled(toggle);
    // The talent never gets a switch: the element used its own (talent) adapter.
    expect(Boolean(toggle.shadowRoot!.querySelector('[role="switch"]'))).to.equal(false);
    expect(shown(toggle)).to.contain('Dana Whitfield turned on weekly check-ins');
    expect(calls(client, 'getSettings')).to.have.length(0);
    expect(calls(talent, 'getSettings')).to.have.length(1);
  });

  it("lets an element's own contract-id win over the provider's", async () => {
    const adapter = new MemoryAdapter({ store: world(), viewerId: 'u-dana', contractId: 'c-atlas' });
    const provider = await fixture<CheckinProvider>(html`<checkin-provider
      .adapter=${adapter}
      contract-id="c-atlas"
    >
      <checkin-toggle contract-id="c-logo" .clock=${() => FIXED}></checkin-toggle>
    </checkin-provider>`);
    const toggle = provider.querySelector('checkin-toggle')!;
    await settled(toggle);
    expect(calls(adapter, 'getSettings').map((c) => c.args[0])).to.deep.equal(['c-logo']);
    // c-logo is the short fixed-price contract: the switch is disabled with its reason.
    expect(toggle.shadowRoot!.querySelector('[role="switch"]')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('without an adapter, every element says so on screen instead of staying blank', async () => {
    const { toggle, form, thread } = await page(undefined);
    for (const el of [toggle, form, thread]) {
      await waitUntil(() => shown(el), 'nothing was rendered');
      const alert = el.shadowRoot!.querySelector('[role="alert"]');
      expect(text(alert)).to.contain('Check-ins are not connected.');
      expect(text(alert)).to.contain(`<${el.localName}> has no adapter`);
    }
  });

  it('switching the adapter (another viewer) reloads the elements in that role', async () => {
    const store = world();
    const { provider, toggle } = await page(new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' }));
    await settled(toggle);
    expect(Boolean(toggle.shadowRoot!.querySelector('[role="switch"]'))).to.equal(true);
    provider.adapter = new MemoryAdapter({ store, viewerId: 'u-kofi', contractId: 'c-atlas' });
    await waitUntil(
      () => !toggle.shadowRoot!.querySelector('[role="switch"]') && shown(toggle).includes('turned on'),
      'the toggle did not switch to the talent view',
    );
  });

  it('reports a viewer that cannot be loaded as checkin-error, and the elements show it', async () => {
    const adapter = new MemoryAdapter({ store: world(), viewerId: 'u-dana', contractId: 'c-atlas' });
    // A read is retried by itself (3 tries, docs/reliability.md): it fails on every one here.
    for (let i = 0; i < 3; i++) adapter.faults.failNext('getViewer', 'unavailable', 'The account service is down.');
    const errorSeen = oneEvent(document, 'checkin-error') as Promise<CheckinErrorEvent>;
    const { toggle } = await page(adapter);
    const event = await errorSeen;
    expect(event.detail.error.code).to.equal('unavailable');
    await waitUntil(() => toggle.shadowRoot!.querySelector('[role="alert"]'), 'no alert shown');
    expect(text(toggle.shadowRoot!.querySelector('[role="alert"]'))).to.contain('The account service is down.');
  });
});
