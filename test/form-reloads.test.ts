// The form does not reload for live events that are not about what it shows: a burst of them
// costs no adapter call (over HTTP, no request), counted on MemoryAdapter.calls.
import { expect, waitUntil } from '@open-wc/testing';
import type { CheckinAdapter, CheckinEvent } from '../src/adapters/adapter.js';
import type { MemoryAdapter } from '../src/adapters/memory.js';
import type { Checkin } from '../src/model.js';
import { $, OPEN_ID, cleanStorage, fields, flush, mount, text, typeInto, world, type World } from './form-helpers.js';

/** The adapter with a way to deliver events to its subscribers as a backend's stream would. */
function tapped(adapter: MemoryAdapter): { adapter: MemoryAdapter; send: (event: CheckinEvent) => void } {
  const listeners = new Set<(event: CheckinEvent) => void>();
  const wrapped = Object.assign(Object.create(adapter) as MemoryAdapter, {
    subscribe: (contractId: string, listener: (event: CheckinEvent) => void) => {
      listeners.add(listener);
      const end = adapter.subscribe(contractId, listener);
      return () => {
        listeners.delete(listener);
        end();
      };
    },
  } satisfies Partial<CheckinAdapter>);
  return { adapter: wrapped, send: (event) => listeners.forEach((listen) => listen(structuredClone(event))) };
}

/** Calls other than the subscription: the reads and writes a live event may cause. */
const requests = (adapter: MemoryAdapter) => adapter.calls.filter((c) => c.method !== 'subscribe').length;
const loads = (adapter: MemoryAdapter) => adapter.calls.filter((c) => c.method === 'listCheckins').length;

async function all(w: World): Promise<Checkin[]> {
  const items: Checkin[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await w.client.listCheckins('c-atlas', { cursor: cursor ?? undefined, limit: 100 });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('<checkin-form> live events cost no request unless they change what is shown', () => {
  beforeEach(cleanStorage);
  afterEach(cleanStorage);

  it('makes no adapter call for a burst of events about other check-ins, replies and activity entries', async () => {
    // A long history: most check-ins are older than the ten the form loads.
    const w = world({ weeks: 60 });
    const { adapter, send } = tapped(w.talent);
    const el = await mount(adapter);
    const before = requests(w.talent);
    const history = await all(w);
    const old = history.filter((c) => c.id !== OPEN_ID && c.status === 'answered');
    expect(old.length).to.be.greaterThan(40);
    // The client marks every old answer as seen and replies to some (real store events) ...
    for (const c of old) await w.client.acknowledge('c-atlas', c.id).catch(() => undefined);
    for (const c of old.slice(0, 20)) {
      await w.client.reply('c-atlas', c.id, { text: 'Thanks!' }, { idempotencyKey: `k-${c.id}` });
    }
    // ... and the stream repeats old check-ins, loaded or not, as a reconnecting backend may.
    for (let i = 0; i < 200; i++) send({ type: 'checkin', checkin: old[i % old.length]! });
    await flush(el);
    expect(requests(w.talent) - before).to.equal(0);
    expect(fields(el)).to.have.length(3);
  });

  it('makes no adapter call for settings events that change nothing shown', async () => {
    const w = world();
    const { adapter, send } = tapped(w.talent);
    const el = await mount(adapter);
    const before = requests(w.talent);
    const settings = await w.client.getSettings('c-atlas');
    for (let i = 1; i <= 50; i++) {
      send({
        type: 'settings',
        settings: { ...settings, version: settings.version + i, updatedAt: new Date(Date.now() + i).toISOString() },
      });
    }
    await flush(el);
    expect(requests(w.talent) - before).to.equal(0);
  });

  it('makes at most one load for a burst of events about the check-in on screen', async () => {
    const w = world();
    const { adapter, send } = tapped(w.talent);
    const el = await mount(adapter);
    const before = loads(w.talent);
    const open = (await w.client.listCheckins('c-atlas', { limit: 1 })).items[0]!;
    for (let i = 0; i < 100; i++) send({ type: 'checkin', checkin: { ...open, acknowledgedAt: null } });
    await flush(el);
    expect(loads(w.talent) - before).to.be.at.most(1);
    expect(fields(el)).to.have.length(3);
  });

  it('still loads once for what does change the form: a request for an update', async () => {
    const w = world();
    await w.talent.submitAnswers(
      'c-atlas',
      OPEN_ID,
      {
        answers: [
          { questionId: 'done', text: 'a' },
          { questionId: 'next', text: 'b' },
          { questionId: 'blockers', text: 'None' },
        ],
      },
      { idempotencyKey: 'k-answer' },
    );
    const el = await mount(w.talent);
    const before = loads(w.talent);
    await w.client.requestUpdate('c-atlas', { message: 'A word on the release?' }, { idempotencyKey: 'k-req' });
    await waitUntil(() => text($(el, '.asker')) === 'Dana Whitfield asked for an update', 'the request never loaded');
    await flush(el);
    expect(loads(w.talent) - before).to.equal(1);
  });

  it('still loads once for settings that change what is shown (new questions)', async () => {
    const w = world();
    const el = await mount(w.talent);
    const before = loads(w.talent);
    const settings = await w.client.getSettings('c-atlas');
    const questions = settings.questions.map((q) =>
      q.id === 'blockers' ? { ...q, prompt: 'Is anything in your way?' } : q,
    );
    await w.client.updateSettings(
      'c-atlas',
      { questions },
      { expectedVersion: settings.version, idempotencyKey: 'k-q' },
    );
    await waitUntil(() => text(el.shadowRoot!).includes('Is anything in your way?'), 'the new question never showed');
    await flush(el);
    expect(loads(w.talent) - before).to.equal(1);
  });

  it("keeps last week's plan current from an event about a loaded check-in, without a load", async () => {
    const w = world();
    const { adapter, send } = tapped(w.talent);
    const el = await mount(adapter);
    const before = requests(w.talent);
    const lastWeek = (await all(w)).find((c) => c.id !== OPEN_ID && c.status === 'answered')!;
    const edited = {
      ...lastWeek,
      answers: lastWeek.answers!.map((a) => (a.questionId === 'next' ? { ...a, text: 'The edited plan.' } : a)),
    };
    send({ type: 'checkin', checkin: edited });
    await flush(el);
    ($(el, '[part~="copy-plan"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(fields(el)[0]!.value).to.equal('The edited plan.');
    expect(requests(w.talent) - before).to.equal(0);
  });

  it('holds a change that does matter while the talent types, at no request', async () => {
    const w = world();
    const el = await mount(w.talent);
    await typeInto(el, 0, 'Half-way through the roles.');
    const before = loads(w.talent);
    const settings = await w.client.getSettings('c-atlas');
    await w.client.updateSettings(
      'c-atlas',
      { questions: settings.questions.map((q) => ({ ...q, maxLength: q.maxLength + 1 })) },
      { expectedVersion: settings.version, idempotencyKey: 'k-q' },
    );
    await waitUntil(() => $(el, '[part~="newer"]'), 'the change was not offered');
    expect(loads(w.talent) - before).to.equal(0);
    expect(fields(el)[0]!.value).to.equal('Half-way through the roles.');
    await expect(el).to.be.accessible();
  });
});
