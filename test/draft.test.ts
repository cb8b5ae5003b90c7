import { expect, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  DraftController,
  draftKey,
  type DraftOptions,
  type DraftRecord,
  type DraftSaveInfo,
} from '../src/controllers/draft.js';
import { parseFormValue } from '../src/elements/checkin-form/form-logic.js';

interface Value {
  text: string;
}

/** A bare host: the controller needs only a ReactiveControllerHost that connects and disconnects. */
class DraftHost extends LitElement {
  draft!: DraftController<Value>;
  saves: DraftSaveInfo[] = [];
  externals: Array<{ record: DraftRecord<Value>; applied: boolean }> = [];
  setup(options: DraftOptions<Value> = {}): this {
    this.draft = new DraftController<Value>(this, {
      delayMs: 30,
      parse: (v) =>
        v && typeof v === 'object' && typeof (v as Value).text === 'string' ? { text: (v as Value).text } : null,
      onSave: (info) => this.saves.push(info),
      onExternal: (record, applied) => this.externals.push({ record, applied }),
      ...options,
    });
    return this;
  }
}
customElements.define('draft-test-host', DraftHost);

const KEY = draftKey('c-draft-test', 'ck-1', 'u-kofi');

// Test files run in parallel pages that share localStorage: remove only this file's keys.
function cleanStorage(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('checkin-elements:draft:c-draft-test:')) localStorage.removeItem(key);
  }
}

const hosts: DraftHost[] = [];

async function host(options?: DraftOptions<Value>): Promise<DraftHost> {
  // Controllers must be added before the element connects, as a real element's are. (Not
  // through fixture(): it waits for an animation frame, which a background test page never gets.)
  const el = document.createElement('draft-test-host') as DraftHost;
  el.setup(options);
  document.body.append(el);
  hosts.push(el);
  await el.updateComplete;
  return el;
}

function stored(key = KEY): DraftRecord<Value> | null {
  const text = localStorage.getItem(key);
  return text ? (JSON.parse(text) as DraftRecord<Value>) : null;
}

describe('DraftController', () => {
  beforeEach(cleanStorage);
  afterEach(() => {
    for (const el of hosts.splice(0)) el.remove();
    cleanStorage();
  });

  it('keys drafts by contract, check-in and viewer', () => {
    expect(draftKey('c-atlas', 'ck-1', 'u-kofi')).to.equal('checkin-elements:draft:c-atlas:ck-1:u-kofi');
    expect(KEY).to.equal('checkin-elements:draft:c-draft-test:ck-1:u-kofi');
  });

  it('opens to null when nothing is stored, and does not write until something changes', async () => {
    const el = await host();
    expect(el.draft.open(KEY)).to.equal(null);
    el.draft.flush();
    expect(localStorage.getItem(KEY)).to.equal(null);
    expect(el.saves).to.have.length(0);
  });

  it('writes once per pause, with the latest value and savedAt', async () => {
    let now = Date.parse('2026-11-27T10:00:00Z');
    const el = await host({ now: () => now });
    el.draft.open(KEY);
    el.draft.set({ text: 'a' });
    now += 10;
    el.draft.set({ text: 'ab' });
    now += 10;
    el.draft.set({ text: 'abc' });
    expect(localStorage.getItem(KEY), 'nothing written while typing').to.equal(null);
    await waitUntil(() => el.saves.length > 0, 'the draft was never written');
    expect(el.saves).to.deep.equal([{ savedAt: '2026-11-27T10:00:00.020Z', persisted: true }]);
    expect(stored()).to.deep.equal({
      value: { text: 'abc' },
      idempotencyKey: null,
      keyFor: null,
      savedAt: '2026-11-27T10:00:00.020Z',
    });
  });

  it('keeps savedAt strictly increasing within one millisecond', async () => {
    const el = await host({ now: () => Date.parse('2026-11-27T10:00:00Z') });
    el.draft.open(KEY);
    el.draft.set({ text: 'a' });
    const first = el.draft.record!.savedAt;
    el.draft.set({ text: 'b' });
    expect(el.draft.record!.savedAt > first).to.equal(true);
  });

  it('restores what was saved in a new controller (a reload)', async () => {
    const first = await host();
    first.draft.open(KEY);
    first.draft.set({ text: 'half an answer' });
    first.draft.flush();
    first.remove();

    const second = await host();
    const record = second.draft.open(KEY);
    expect(record?.value).to.deep.equal({ text: 'half an answer' });
    expect(second.draft.typedSinceOpen).to.equal(false);
  });

  it('flushes a pending change when the host disconnects', async () => {
    const el = await host({ delayMs: 60_000 });
    el.draft.open(KEY);
    el.draft.set({ text: 'typed just before leaving' });
    expect(localStorage.getItem(KEY)).to.equal(null);
    el.remove();
    expect(stored()?.value).to.deep.equal({ text: 'typed just before leaving' });
  });

  it('flushes a pending change on pagehide', async () => {
    const el = await host({ delayMs: 60_000 });
    el.draft.open(KEY);
    el.draft.set({ text: 'closing the tab' });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(stored()?.value).to.deep.equal({ text: 'closing the tab' });
  });

  it('flushes the open draft before opening another key', async () => {
    const other = draftKey('c-draft-test', 'ck-2', 'u-kofi');
    const el = await host({ delayMs: 60_000 });
    el.draft.open(KEY);
    el.draft.set({ text: 'for check-in 1' });
    expect(el.draft.open(other)).to.equal(null);
    expect(stored()?.value).to.deep.equal({ text: 'for check-in 1' });
  });

  describe('idempotency key', () => {
    it('is created for a request, stored at once, and reused for the same request', async () => {
      const el = await host({ delayMs: 60_000 });
      el.draft.open(KEY);
      el.draft.set({ text: 'answer' });
      const key = el.draft.keyFor('request-A', { text: 'answer' });
      expect(key).to.be.a('string').and.not.empty;
      expect(stored()?.idempotencyKey, 'written before the request leaves').to.equal(key);
      expect(stored()?.value).to.deep.equal({ text: 'answer' });
      expect(el.draft.keyFor('request-A', { text: 'answer' })).to.equal(key);
    });

    it('survives a reload and is reused for the same request', async () => {
      const first = await host();
      first.draft.open(KEY);
      const key = first.draft.keyFor('request-A', { text: 'answer' });
      first.remove();
      const second = await host();
      expect(second.draft.open(KEY)?.idempotencyKey).to.equal(key);
      expect(second.draft.keyFor('request-A', { text: 'answer' })).to.equal(key);
    });

    it('is kept while typing, and replaced for a changed request', async () => {
      const el = await host();
      el.draft.open(KEY);
      const key = el.draft.keyFor('request-A', { text: 'answer' });
      el.draft.set({ text: 'answer, edited' });
      expect(el.draft.record?.idempotencyKey).to.equal(key);
      const next = el.draft.keyFor('request-B', { text: 'answer, edited' });
      expect(next).to.not.equal(key);
      expect(stored()?.idempotencyKey).to.equal(next);
    });
  });

  it('clear removes the draft from storage and memory', async () => {
    const el = await host();
    el.draft.open(KEY);
    el.draft.set({ text: 'sent' });
    el.draft.flush();
    el.draft.clear();
    expect(localStorage.getItem(KEY)).to.equal(null);
    expect(el.draft.record).to.equal(null);
    const again = await host();
    expect(again.draft.open(KEY)).to.equal(null);
  });

  it('clear(key) of another key leaves the open draft alone', async () => {
    const other = draftKey('c-draft-test', 'ck-2', 'u-kofi');
    localStorage.setItem(
      other,
      JSON.stringify({ value: { text: 'x' }, idempotencyKey: null, keyFor: null, savedAt: new Date().toISOString() }),
    );
    const el = await host();
    el.draft.open(KEY);
    el.draft.set({ text: 'still here' });
    el.draft.clear(other);
    expect(localStorage.getItem(other)).to.equal(null);
    expect(el.draft.record?.value).to.deep.equal({ text: 'still here' });
  });

  describe('when storage fails', () => {
    const original = Storage.prototype.setItem;
    afterEach(() => {
      Storage.prototype.setItem = original;
    });

    it('keeps the draft in memory, reports persisted:false, and restores it in a new controller', async () => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      const el = await host();
      el.draft.open(KEY);
      el.draft.set({ text: 'no room on disk' });
      el.draft.flush();
      expect(el.saves.at(-1)?.persisted).to.equal(false);
      expect(el.draft.persisted).to.equal(false);
      el.remove();

      const again = await host();
      expect(again.draft.open(KEY)?.value).to.deep.equal({ text: 'no room on disk' });
      expect(again.draft.persisted).to.equal(false);

      // Storage recovers: the next write persists and the memory copy is dropped.
      Storage.prototype.setItem = original;
      again.draft.set({ text: 'no room on disk, then room' });
      again.draft.flush();
      expect(again.draft.persisted).to.equal(true);
      expect(stored()?.value).to.deep.equal({ text: 'no room on disk, then room' });
      again.draft.clear();
    });

    it('works in memory when storage itself cannot be reached', async () => {
      const el = await host({
        storage: () => {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
      expect(el.draft.open(KEY)).to.equal(null);
      el.draft.set({ text: 'sandboxed' });
      el.draft.flush();
      expect(el.saves.at(-1)).to.include({ persisted: false });
      expect(el.draft.record?.value).to.deep.equal({ text: 'sandboxed' });
      el.draft.clear();
    });
  });

  it('ignores a malformed stored draft', async () => {
    localStorage.setItem(KEY, '{"value": {"text": 42}, "savedAt": "2026-01-01T00:00:00Z", "idempotencyKey": null}');
    const el = await host();
    expect(el.draft.open(KEY)).to.equal(null);
    localStorage.setItem(KEY, 'not json');
    const again = await host();
    expect(again.draft.open(KEY)).to.equal(null);
  });

  describe('another tab', () => {
    function fromOtherTab(text: string, savedAt: string, key = KEY): void {
      const newValue = JSON.stringify({ value: { text }, idempotencyKey: 'other-key', keyFor: 'r', savedAt });
      localStorage.setItem(key, newValue);
      window.dispatchEvent(new StorageEvent('storage', { key, newValue, storageArea: localStorage }));
    }

    it('a newer draft replaces this one when nothing was typed here since it opened', async () => {
      const el = await host({ now: () => Date.parse('2026-11-27T10:00:00Z') });
      el.draft.open(KEY);
      fromOtherTab('from the other tab', '2026-11-27T10:05:00.000Z');
      expect(el.externals).to.have.length(1);
      expect(el.externals[0]!.applied).to.equal(true);
      expect(el.draft.record?.value).to.deep.equal({ text: 'from the other tab' });
      expect(el.draft.record?.idempotencyKey).to.equal('other-key');
      expect(el.draft.updatedElsewhere).to.equal(true);
    });

    it('waits for the user when they typed here, then loads it on request', async () => {
      const el = await host({ now: () => Date.parse('2026-11-27T10:00:00Z'), delayMs: 60_000 });
      el.draft.open(KEY);
      el.draft.set({ text: 'typed here' });
      fromOtherTab('typed there', '2026-11-27T10:05:00.000Z');
      expect(el.externals[0]!.applied).to.equal(false);
      expect(el.draft.record?.value, 'this tab keeps its text').to.deep.equal({ text: 'typed here' });
      expect(el.draft.external?.value).to.deep.equal({ text: 'typed there' });
      expect(el.draft.acceptExternal()?.value).to.deep.equal({ text: 'typed there' });
      expect(el.draft.record?.value).to.deep.equal({ text: 'typed there' });
      expect(el.draft.external).to.equal(null);
      // The pending local write was dropped with the choice: storage keeps the other tab's.
      el.draft.flush();
      expect(stored()?.value).to.deep.equal({ text: 'typed there' });
    });

    it('ignores an older draft and other keys', async () => {
      const el = await host({ now: () => Date.parse('2026-11-27T10:00:00Z') });
      el.draft.open(KEY);
      el.draft.set({ text: 'newest' });
      fromOtherTab('older', '2026-11-27T09:00:00.000Z');
      fromOtherTab('elsewhere', '2026-11-27T11:00:00.000Z', draftKey('c-draft-test', 'ck-9', 'u-kofi'));
      expect(el.externals).to.have.length(0);
      expect(el.draft.record?.value).to.deep.equal({ text: 'newest' });
      expect(el.draft.updatedElsewhere).to.equal(false);
    });
  });
});

describe("the form's draft value (parseFormValue)", () => {
  // Each stored shape and what the form reads from it: drafts written before the skip note was
  // kept must still load, and a damaged skip part must not cost the answers.
  const cases: Array<[string, unknown, unknown]> = [
    [
      'a draft of the version before notes were kept',
      { answers: { done: 'Half' }, health: 'on-track' },
      { answers: { done: 'Half' }, health: 'on-track' },
    ],
    [
      'a draft with the skip panel',
      { answers: {}, health: null, skip: { note: 'Away', open: true } },
      { answers: {}, health: null, skip: { note: 'Away', open: true } },
    ],
    [
      'a skip panel without a valid open flag counts as closed',
      { answers: {}, health: null, skip: { note: 'Away', open: 'yes' } },
      { answers: {}, health: null, skip: { note: 'Away', open: false } },
    ],
    [
      'a damaged skip part is dropped, the answers kept',
      { answers: { done: 'Kept' }, health: null, skip: { note: 42, open: true } },
      { answers: { done: 'Kept' }, health: null },
    ],
    ['no answers at all is no draft', { health: null, skip: { note: 'Away', open: true } }, null],
  ];
  for (const [name, stored, read] of cases) {
    it(name, () => {
      expect(parseFormValue(stored)).to.deep.equal(read);
    });
  }
});
