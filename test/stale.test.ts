/**
 * When the adapter says its stream missed changes ({type: 'stale'}, e.g. a server that could
 * not resume), each element loads afresh once — and the form never over what is being typed.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../src/define/checkin-toggle.js';
import '../src/define/checkin-form.js';
import '../src/define/checkin-thread.js';
import type { CheckinEvent } from '../src/adapters/adapter.js';
import { MemoryAdapter, MemoryStore } from '../src/adapters/memory.js';
import { place } from './support/mount.js';

/** A memory adapter whose subscriptions can be told "stale", with the requests counted. */
function staleable(viewerId: string) {
  const adapter = new MemoryAdapter({ store: new MemoryStore(), viewerId, contractId: 'c-atlas' });
  const listeners: Array<(event: CheckinEvent) => void> = [];
  const subscribe = adapter.subscribe.bind(adapter);
  adapter.subscribe = (contractId, listener) => {
    listeners.push(listener);
    return subscribe(contractId, listener);
  };
  const stale = () => listeners.at(-1)!({ type: 'stale' });
  const reads = () => adapter.calls.filter((c) => c.method !== 'subscribe').length;
  return { adapter, stale, reads };
}

async function mount(tag: string, adapter: MemoryAdapter) {
  const element = await place<HTMLElement & { adapter: MemoryAdapter }>(tag, {
    props: { adapter },
    attrs: { 'contract-id': 'c-atlas' },
    until: {
      test: (el) => el.shadowRoot && !el.shadowRoot.querySelector('.skeleton'),
      message: 'loaded',
      timeout: 5000,
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  return element;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('a stale stream', () => {
  it('<checkin-toggle> fetches the settings afresh, once', async () => {
    const { adapter, stale, reads } = staleable('u-dana');
    const el = await mount('checkin-toggle', adapter);
    const before = reads();
    // The change the stream missed:
    adapter.store
      .session('u-dana')
      .updateSettings('c-atlas', { enabled: false }, { expectedVersion: 3, idempotencyKey: 'k-stale' });
    adapter.faults.dropSubscriptions();
    stale();
    await settle();
    expect(adapter.calls.slice(-(reads() - before)).map((c) => c.method)).to.deep.equal(['getSettings']);
    await waitUntil(
      () => el.shadowRoot!.querySelector('[role="switch"]')?.getAttribute('aria-checked') === 'false',
      'the missed change shows',
    );
    await expect(el).to.be.accessible();
  });

  it('<checkin-form> loads afresh when nothing is typed, and only offers to when something is', async () => {
    const { adapter, stale, reads } = staleable('u-kofi');
    const el = await mount('checkin-form', adapter);
    let before = reads();
    stale();
    await settle();
    expect(reads()).to.be.greaterThan(before);
    await waitUntil(() => el.shadowRoot!.querySelector('textarea'), 'the form is back');
    const area = el.shadowRoot!.querySelector('textarea')!;
    area.value = 'Half a sentence';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    before = reads();
    stale();
    await settle();
    expect(reads()).to.equal(before);
    expect(el.shadowRoot!.querySelector('textarea')!.value).to.equal('Half a sentence');
    await expect(el).to.be.accessible();
  });

  it('<checkin-thread> catches up with the newest page', async () => {
    const { adapter, stale, reads } = staleable('u-dana');
    const el = await mount('checkin-thread', adapter);
    const before = reads();
    // A request the stream missed:
    adapter.store
      .session('u-dana')
      .requestUpdate('c-atlas', { message: 'Missed by the stream' }, { idempotencyKey: 'k-missed' });
    adapter.faults.dropSubscriptions();
    stale();
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Missed by the stream'), 'the missed request shows');
    expect(reads()).to.be.greaterThan(before);
    await expect(el).to.be.accessible();
  });
});
