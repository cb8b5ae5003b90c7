import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter, MemoryStore, seedDemo } from '../src/adapters/memory.js';
import '../src/define/checkin-form.js';
import type { CheckinForm } from '../src/elements/checkin-form/checkin-form.js';

// Live updates in <checkin-form>: what the other side does appears without a reload, and never
// throws away what the talent is typing.

// Friday 27 November 2026, 18:00 in Berlin: this week's prompt (16:00 Berlin) is open.
const FRIDAY = Date.parse('2026-11-27T17:00:00Z');
const OPEN_ID = 'c-atlas-20261127T150000Z';

function world() {
  const store = new MemoryStore(seedDemo({ now: FRIDAY }), { clock: () => FRIDAY });
  const as = (viewerId: string) => new MemoryAdapter({ store, viewerId, contractId: 'c-atlas' });
  return { client: as('u-dana'), talent: as('u-kofi') };
}

async function mount(adapter: MemoryAdapter): Promise<CheckinForm> {
  const el = await fixture<CheckinForm>(
    html`<checkin-form .adapter=${adapter} contract-id="c-atlas" .clock=${() => FRIDAY}></checkin-form>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="checkin"]'), 'the form never loaded');
  return el;
}

const text = (el: CheckinForm) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
const fields = (el: CheckinForm) => [
  ...el.shadowRoot!.querySelectorAll<HTMLTextAreaElement>('textarea[part="textarea"]'),
];

async function type(el: CheckinForm, index: number, value: string) {
  const field = fields(el)[index]!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const answers = [
  { questionId: 'done', text: 'Team roles.' },
  { questionId: 'next', text: 'Release checklist.' },
  { questionId: 'blockers', text: 'None' },
];

describe('<checkin-form> live updates', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('checkin-elements:draft:')) localStorage.removeItem(key);
    }
  });

  it("shows the client the talent's answer as soon as it is sent", async () => {
    const { client, talent } = world();
    const el = await mount(client);
    expect(text(el)).to.contain('Waiting for');
    await talent.submitAnswers('c-atlas', OPEN_ID, { answers }, { idempotencyKey: 'live-1' });
    await waitUntil(() => !text(el).includes('Waiting for'), 'the answer never showed');
    expect(text(el)).to.contain('Answered');
    await expect(el).to.be.accessible();
  });

  it("loads a requested update for an idle talent, in the client's name", async () => {
    const { client, talent } = world();
    const el = await mount(talent);
    await client.requestUpdate('c-atlas', { message: 'How is the invoice page?' }, { idempotencyKey: 'live-2' });
    await waitUntil(() => text(el).includes('How is the invoice page?'), 'the request never showed');
    expect(text(el)).to.contain('Dana Whitfield');
    expect(fields(el)).to.have.length(3);
  });

  it('keeps what the talent is typing and offers the newer check-in instead', async () => {
    const { client, talent } = world();
    const el = await mount(talent);
    await type(el, 0, 'Half a sentence the talent is still writing');
    await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-3' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="newer"]'), 'no notice was shown');
    expect(fields(el)[0]!.value).to.equal('Half a sentence the talent is still writing');
    expect(text(el)).not.to.contain('Quick update?');
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="newer"] button')!.click();
    await waitUntil(() => text(el).includes('Quick update?'), 'the newer check-in never loaded');
    expect(Boolean(el.shadowRoot!.querySelector('[part~="newer"]'))).to.equal(false);
  });

  it('does not miss what happens while it is loading', async () => {
    const { client, talent } = world();
    // A backend that reads the history at once but answers late: a request made in between is
    // not in the page the form receives.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = Object.create(talent) as MemoryAdapter;
    slow.listCheckins = async (contractId, options) => {
      const page = await talent.listCheckins(contractId, options);
      await gate;
      return page;
    };
    const el = await fixture<CheckinForm>(
      html`<checkin-form .adapter=${slow} contract-id="c-atlas" .clock=${() => FRIDAY}></checkin-form>`,
    );
    await waitUntil(() => talent.calls.some((c) => c.method === 'listCheckins'), 'the form never loaded');
    await client.requestUpdate('c-atlas', { message: 'Said while you were loading' }, { idempotencyKey: 'live-5' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await waitUntil(
      () => text(el).includes('Said while you were loading'),
      'the request made during the load never showed',
    );
  });

  it('stops listening when it leaves the page', async () => {
    const { client, talent } = world();
    const el = await mount(client);
    el.remove();
    await talent.submitAnswers('c-atlas', OPEN_ID, { answers }, { idempotencyKey: 'live-4' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(text(el)).to.contain('Waiting for');
  });
});
