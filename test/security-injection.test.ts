/**
 * Promise 4, "text stays text": every injection payload (test/fixtures/payloads.ts) through every
 * text field, rendered by the real elements. For each field and view the test asserts that no
 * payload ran (the `window.__pwned` canary stays undefined), that nothing from a payload became
 * an element or attribute in any shadow tree, and that the text is shown verbatim.
 *
 * The payloads are batched: one contract per payload in one MemoryStore, and one element per
 * contract mounted side by side, so each view is rendered once for all payloads.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/define/checkin-form.js';
import '../src/define/checkin-thread.js';
import '../src/define/checkin-toggle.js';
import { MemoryAdapter, MemoryStore } from '../src/adapters/memory.js';
import type { MemoryData } from '../src/adapters/memory.js';
import { csvCell, escapeMarkdown, toCsv, toMarkdown } from '../src/elements/checkin-thread/export.js';
import { DEFAULT_POLICY, type Checkin, type Contract, type Party, type Question, type Settings } from '../src/model.js';
import {
  FORMULA_PAYLOADS,
  PAYLOADS,
  pwned,
  resetCanary,
  settle,
  unsafeMarkup,
  unsafeMarkupIn,
  type Payload,
} from './fixtures/payloads.js';

// Friday 27 November 2026, 17:00 UTC; each contract's weekly prompt (16:00 Berlin) opened at 15:00.
const FIXED = Date.parse('2026-11-27T17:00:00.000Z');
const clock = () => FIXED;
const OPEN_DUE = '2026-11-27T15:00:00.000Z';
const ANSWERED_DUE = '2026-11-20T15:00:00.000Z';
const SKIPPED_DUE = '2026-11-13T15:00:00.000Z';
const REQUESTED_DUE = '2026-11-10T15:00:00.000Z';

/** payload × field pairs pushed through the elements, and the (field, view) renderings checked. */
const counts = { pairs: new Set<string>(), renderings: 0, markdownFields: 0, csvTexts: 0, csvCells: 0 };

/** Records that `n` payloads went through `field` and were checked where it is rendered. */
function tally(field: string, n: number, rendered = true): void {
  for (let i = 0; i < n; i++) counts.pairs.add(`${i}|${field.replace(/ \(typed\)$/, '')}`);
  if (rendered) counts.renderings += n;
}

const shown = (p: Payload) => p.text.trim();

interface World {
  /** One small store per payload contract (a shared store would make every request O(n)). */
  store: (i: number) => MemoryStore;
  ids: (i: number) => Record<'contract' | 'client' | 'talent' | 'open' | 'answered' | 'skipped' | 'requested', string>;
}

/**
 * One contract per payload: its title, both parties' names, the users' names (the viewer name),
 * the question prompts and quick answers, and the adapter-supplied answers, replies, skip note
 * and request message all carry the payload.
 */
function world(options: { seeded?: boolean } = {}): World {
  const seeded = options.seeded ?? true;
  const stores: MemoryStore[] = [];
  const ids = (i: number) => {
    const contract = `c-p${i}`;
    return {
      contract,
      client: `u-client-${i}`,
      talent: `u-talent-${i}`,
      open: `${contract}-open`,
      answered: `${contract}-answered`,
      skipped: `${contract}-skipped`,
      requested: `${contract}-requested`,
    };
  };
  PAYLOADS.forEach((payload, i) => {
    const text = payload.text;
    const id = ids(i);
    const data: MemoryData = {
      users: [],
      contracts: [],
      observers: {},
      settings: {},
      checkins: {},
      lastRequestAt: {},
      policy: { ...DEFAULT_POLICY },
      activeSince: {},
      idempotency: {},
    };
    data.users.push(
      { id: id.client, name: text, timeZone: 'America/New_York', locale: 'en-US' },
      { id: id.talent, name: text, timeZone: 'Europe/Berlin', locale: 'en-GB' },
    );
    const client: Party = { id: id.client, name: text, timeZone: 'America/New_York' };
    const talent: Party = { id: id.talent, name: text, timeZone: 'Europe/Berlin' };
    const contract: Contract = {
      id: id.contract,
      title: text,
      kind: 'hourly',
      startsAt: '2026-09-01T14:00:00.000Z',
      endsAt: null,
      milestoneCount: null,
      client,
      talent,
    };
    data.contracts.push(contract);
    const questions: Question[] = [
      { id: 'done', prompt: text, required: true, maxLength: 1000, quickAnswers: [text] },
      { id: 'next', prompt: 'What will you work on next week?', required: true, maxLength: 1000, quickAnswers: [] },
      {
        id: 'blockers',
        prompt: 'What might delay your planned work?',
        required: true,
        maxLength: 1000,
        quickAnswers: ['None'],
      },
    ];
    const settings: Settings = {
      contractId: id.contract,
      enabled: true,
      consent: 'given',
      eligibility: { eligible: true, reason: null },
      schedule: { weekday: 5, time: '16:00', timeZone: 'Europe/Berlin', skipDates: [], pausedUntil: null },
      questions,
      version: 3,
      updatedAt: '2026-09-05T10:00:00.000Z',
      updatedBy: client,
      enabledAt: '2026-09-05T10:00:00.000Z',
      enabledBy: client,
    };
    data.settings[id.contract] = settings;
    const base = (checkinId: string, dueAt: string): Checkin => ({
      id: checkinId,
      contractId: id.contract,
      kind: 'scheduled',
      dueAt,
      status: 'open',
      requestedBy: client,
      answers: null,
      health: null,
      answeredAt: null,
      editedAt: null,
      skipNote: null,
      acknowledgedAt: null,
      replies: [],
    });
    // Seeded: the open check-in is a requested one, so the form shows the client's message too.
    const checkins: Checkin[] = [
      seeded ? { ...base(id.open, OPEN_DUE), kind: 'requested', message: text } : base(id.open, OPEN_DUE),
    ];
    if (seeded) {
      checkins.push(
        {
          ...base(id.answered, ANSWERED_DUE),
          status: 'answered',
          answers: [
            { questionId: 'done', text },
            { questionId: 'next', text },
            { questionId: 'blockers', text },
          ],
          health: 'at-risk',
          answeredAt: '2026-11-20T17:00:00.000Z',
          acknowledgedAt: '2026-11-20T19:00:00.000Z',
          replies: [
            { id: `${id.answered}-re1`, author: client, text, createdAt: '2026-11-20T20:00:00.000Z' },
            { id: `${id.answered}-re2`, author: talent, text, createdAt: '2026-11-20T21:00:00.000Z' },
          ],
        },
        { ...base(id.skipped, SKIPPED_DUE), status: 'skipped', skipNote: text },
        { ...base(id.requested, REQUESTED_DUE), kind: 'requested', message: text },
      );
    } else {
      // An answered week without text of its own, so that typed replies have somewhere to go.
      checkins.push({
        ...base(id.answered, ANSWERED_DUE),
        status: 'answered',
        answers: [
          { questionId: 'done', text: 'Plain answer.' },
          { questionId: 'next', text: 'Plain plan.' },
          { questionId: 'blockers', text: 'None' },
        ],
        answeredAt: '2026-11-20T17:00:00.000Z',
      });
    }
    data.checkins[id.contract] = checkins;
    data.activeSince![id.contract] = contract.startsAt;
    stores.push(new MemoryStore(data, { clock }));
  });
  return { store: (i) => stores[i]!, ids };
}

type Tag = 'checkin-form' | 'checkin-thread' | 'checkin-toggle';

/** One element per payload contract, side by side in one fixture, each with its own adapter. */
async function mountAll(
  w: World,
  tag: Tag,
  role: 'client' | 'talent',
  contractIdOf: (i: number) => string = (i) => w.ids(i).contract,
): Promise<HTMLElement[]> {
  const adapters = PAYLOADS.map((_, i) => {
    const id = w.ids(i);
    return new MemoryAdapter({
      store: w.store(i),
      viewerId: role === 'client' ? id.client : id.talent,
      contractId: id.contract,
    });
  });
  const one = (i: number): TemplateResult => {
    const adapter = adapters[i];
    const contractId = contractIdOf(i);
    switch (tag) {
      case 'checkin-form':
        return html`<checkin-form .adapter=${adapter} contract-id=${contractId} .clock=${clock}></checkin-form>`;
      case 'checkin-thread':
        return html`<checkin-thread .adapter=${adapter} contract-id=${contractId} .clock=${clock}></checkin-thread>`;
      case 'checkin-toggle':
        return html`<checkin-toggle .adapter=${adapter} contract-id=${contractId} .clock=${clock}></checkin-toggle>`;
    }
  };
  const container = await fixture<HTMLElement>(html`<div>${PAYLOADS.map((_, i) => one(i))}</div>`);
  const elements = [...container.children] as HTMLElement[];
  await waitUntil(() => elements.every((el) => ready(el)), `not every <${tag}> finished loading`, { timeout: 8000 });
  await Promise.all(elements.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
  return elements;
}

function ready(el: HTMLElement): boolean {
  const root = el.shadowRoot;
  if (!root || root.querySelector('[part~="loading"]')) return false;
  return !!root.querySelector('[role="feed"], [part~="empty"], [part~="base"], [part~="checkin"], [role="alert"]');
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
/** Matching nodes inside `node` (already inside a shadow root). */
const within = (node: Element | null | undefined, selector: string) => [...(node?.querySelectorAll(selector) ?? [])];

/** Sets a field's value as typing would end up, with the input event the element listens to. */
function setValue(field: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/**
 * The core assertion: for every element (payload i), `pick(el)` finds the nodes that render the
 * field, and the payload text is among their text verbatim. Failures are listed by payload name.
 */
function expectVerbatim(
  elements: HTMLElement[],
  field: string,
  view: string,
  pick: (el: HTMLElement, i: number) => Array<Element | null | undefined>,
  expected: (p: Payload) => string = shown,
): void {
  const missing: string[] = [];
  elements.forEach((el, i) => {
    const payload = PAYLOADS[i]!;
    const nodes = pick(el, i).filter((n): n is Element => !!n);
    const want = expected(payload);
    if (!nodes.length || !nodes.every((n) => (n.textContent ?? '').includes(want))) {
      missing.push(`${payload.name} (${nodes.length} nodes)`);
    }
  });
  expect(missing, `${field} in ${view}: not shown verbatim`).to.deep.equal([]);
  tally(field, elements.length);
}

async function expectInert(elements: HTMLElement[]): Promise<void> {
  await settle();
  expect(pwned(), 'a payload ran').to.equal(false);
  const problems = unsafeMarkup(...elements);
  expect(problems.slice(0, 10), 'markup from a payload in a shadow tree').to.deep.equal([]);
}

const article = (el: Element, checkinId: string) => $(el, `article[data-id="${checkinId}"]`);

describe('security: injection payloads through every text field', function () {
  this.timeout(20000);

  before(() => {
    expect(PAYLOADS.length, 'at least 60 payloads').to.be.greaterThanOrEqual(60);
    expect(new Set(PAYLOADS.map((p) => p.text)).size, 'payloads are distinct').to.equal(PAYLOADS.length);
  });

  afterEach(() => {
    localStorage.clear();
  });

  after(() => {
    // Reported in the wtr output and in docs/reliability.md.
    console.log(
      `injection: ${PAYLOADS.length} payloads, ${counts.pairs.size} payload×field pairs through the elements, ` +
        `${counts.renderings} payload renderings checked; Markdown: ${counts.markdownFields} payload fields; ` +
        `CSV: ${counts.csvTexts} texts, ${counts.csvCells} cells checked`,
    );
  });

  describe('the harness can fail (positive control)', () => {
    it('catches markup and a running payload when text IS parsed as HTML', async () => {
      // The unsafe thing the elements must never do, done on purpose to prove the checks see it.
      // Parsed into inert template content first (nothing loads or runs there) to count what the
      // inspector flags; then one payload parsed live to see the canary fire.
      let flagged = 0;
      for (const payload of PAYLOADS) {
        const template = document.createElement('template');
        // eslint-disable-next-line no-unsanitized/property -- the probe parses the payload on purpose
        template.innerHTML = payload.text;
        if (unsafeMarkupIn(template.content, 'probe').length) flagged++;
      }
      // Every payload with a tag or handler is caught; the rest are plain text even as HTML.
      expect(flagged, 'payloads the inspector flags when parsed as HTML').to.be.greaterThanOrEqual(55);
      const host = document.createElement('div');
      document.body.append(host);
      try {
        const probe = document.createElement('div');
        // eslint-disable-next-line no-unsanitized/property -- the probe parses the payload on purpose
        probe.innerHTML = PAYLOADS.find((p) => p.name === 'img onerror')!.text;
        host.attachShadow({ mode: 'open' }).append(probe);
        expect(unsafeMarkup(host).length).to.be.greaterThan(0);
        await waitUntil(() => pwned(), 'the canary did not fire for a parsed <img onerror>');
      } finally {
        host.remove();
        resetCanary();
      }
      expect(pwned()).to.equal(false);
    });
  });

  describe('text from the adapter (seeded data)', () => {
    it('toggle, client view: talent names in the status, editor and confirmation; prompts in the dialog', async () => {
      const w = world();
      const els = await mountAll(w, 'checkin-toggle', 'client');
      await expectInert(els);
      const view = 'toggle (client)';
      expectVerbatim(els, 'talent name', view, (el) => [$(el, '#editor-hint')]);
      expectVerbatim(els, 'talent name', `${view} dialog`, (el) => [$(el, '#dialog-summary')]);
      expectVerbatim(els, 'question prompt', `${view} dialog`, (el) => [$(el, 'dialog ol li')]);
    });

    it('toggle, talent view: who turned check-ins on, and the question list', async () => {
      const w = world();
      const els = await mountAll(w, 'checkin-toggle', 'talent');
      await expectInert(els);
      const view = 'toggle (talent)';
      expectVerbatim(els, 'client name', view, (el) => [$(el, '[part~="status"].status-text')]);
      expectVerbatim(els, 'question prompt', view, (el) => [$(el, 'ol.questions li')]);
    });

    it('thread, client view: answers, prompts, replies and their authors, skip notes, messages, names', async () => {
      const w = world();
      const els = await mountAll(w, 'checkin-thread', 'client');
      await expectInert(els);
      const view = 'thread (client)';
      expectVerbatim(els, 'answer', view, (el, i) => within(article(el, w.ids(i).answered), 'dd.text'));
      expectVerbatim(els, 'question prompt', view, (el, i) => [article(el, w.ids(i).answered)!.querySelector('dt')]);
      expectVerbatim(els, 'reply', view, (el, i) => within(article(el, w.ids(i).answered), '[part~="reply"] .text'));
      expectVerbatim(els, 'reply author name', view, (el, i) =>
        within(article(el, w.ids(i).answered), '[part~="reply"] strong'),
      );
      expectVerbatim(els, 'skip note', view, (el, i) => [
        article(el, w.ids(i).skipped)!.querySelector('.skip-note .text'),
      ]);
      expectVerbatim(els, 'talent name', view, (el, i) => [article(el, w.ids(i).skipped)!.querySelector('.skip-note')]);
      expectVerbatim(els, 'request message', view, (el, i) => [
        article(el, w.ids(i).requested)!.querySelector('[part~="message"] .text'),
      ]);
      // The client's own name reads "you" in her view (requested by you, seen by you): it is
      // loaded but never displayed there, so only inertness is checked for it; the talent's view
      // below shows it verbatim.
      tally('viewer name', els.length, false);
    });

    it('thread, talent view: the same history as the talent sees it', async () => {
      const w = world();
      const els = await mountAll(w, 'checkin-thread', 'talent');
      await expectInert(els);
      const view = 'thread (talent)';
      expectVerbatim(els, 'answer', view, (el, i) => within(article(el, w.ids(i).answered), 'dd.text'));
      expectVerbatim(els, 'reply', view, (el, i) => within(article(el, w.ids(i).answered), '[part~="reply"] .text'));
      expectVerbatim(els, 'skip note', view, (el, i) => [
        article(el, w.ids(i).skipped)!.querySelector('.skip-note .text'),
      ]);
      expectVerbatim(els, 'request message', view, (el, i) => [
        article(el, w.ids(i).requested)!.querySelector('[part~="message"] .text'),
      ]);
      expectVerbatim(els, 'requester name', view, (el, i) => [
        article(el, w.ids(i).requested)!.querySelector('[role="heading"]'),
        article(el, w.ids(i).requested)!.querySelector('[part~="message"] p'),
      ]);
      expectVerbatim(els, 'client name', view, (el, i) => [
        article(el, w.ids(i).answered)!.querySelector('[part~="seen"]'),
      ]);
    });

    it('form, talent view: title, prompts, quick answers, the asker and the skip panel', async () => {
      const w = world();
      const els = await mountAll(w, 'checkin-form', 'talent');
      // The skip panel names the client: open it everywhere.
      for (const el of els) $<HTMLButtonElement>(el, '[part~="skip"]')!.click();
      await Promise.all(els.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
      await expectInert(els);
      const view = 'form (talent)';
      expectVerbatim(els, 'contract title', view, (el) => [$(el, '#heading')]);
      expectVerbatim(els, 'question prompt', view, (el) => [$(el, 'label[for="q-0"]')]);
      expectVerbatim(els, 'quick answer', view, (el) => [$(el, '[data-question="done"] [part~="quick-answer"]')]);
      expectVerbatim(els, 'requester name', view, (el) => [$(el, '[part~="header"] .asker')]);
      expectVerbatim(els, 'request message', view, (el) => [$(el, '[part~="header"] [part~="message"]')]);
      expectVerbatim(els, 'client name', view, (el) => [$(el, 'label[for="skip-note"]')]);
      // The quick answer fills the field with the payload: still a value, never markup.
      for (const el of els) $<HTMLButtonElement>(el, '[data-question="done"] [part~="quick-answer"]')!.click();
      await Promise.all(els.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
      const wrong = els.filter((el, i) => $<HTMLTextAreaElement>(el, '#q-0')!.value !== PAYLOADS[i]!.text);
      expect(wrong.length, 'quick answer copied verbatim into the field').to.equal(0);
      tally('quick answer', els.length);
      await expectInert(els);
    });

    it('form, client view: the title and the talent name in the state line', async () => {
      const w = world();
      const els = await mountAll(w, 'checkin-form', 'client');
      await expectInert(els);
      expectVerbatim(els, 'talent name', 'form (client)', (el) => [$(el, '[part~="state"]')]);
      expectVerbatim(els, 'contract title', 'form (client)', (el) => [$(el, '#heading')]);
    });

    it('attributes: a payload as contract-id or checkin-id is shown in the not-found message, as text', async () => {
      const w = world();
      const els = await mountAll(w, 'checkin-form', 'talent', (i) => PAYLOADS[i]!.text);
      await expectInert(els);
      const codes = new Set(els.map((el) => $(el, '[role="alert"]')?.dataset.code));
      // Each payload is its own (unknown) contract id: not found, and said so in words.
      expect([...codes]).to.deep.equal(['not-found']);
      expectVerbatim(els, 'contract-id attribute', 'form (not found)', (el) => [
        $(el, '[role="alert"] .error-message'),
      ]);
      // The attribute reflects the payload as an attribute value, nothing more.
      expect(els.every((el, i) => el.getAttribute('contract-id') === PAYLOADS[i]!.text)).to.equal(true);

      const forms = await fixture<HTMLElement>(html`<div>
        ${PAYLOADS.map(
          (p, i) => html`<checkin-form
            .adapter=${new MemoryAdapter({ store: w.store(i), viewerId: w.ids(i).talent, contractId: w.ids(i).contract })}
            contract-id=${w.ids(i).contract}
            checkin-id=${p.text}
            .clock=${clock}
          ></checkin-form>`,
        )}
      </div>`);
      const byId = [...forms.children] as HTMLElement[];
      await waitUntil(() => byId.every(ready), 'forms with a payload checkin-id did not settle');
      await expectInert(byId);
      expectVerbatim(byId, 'checkin-id attribute', 'form (not found)', (el) => [
        $(el, '[role="alert"] .error-message'),
      ]);
    });
  });

  describe('text typed by people (through the elements, then shown back)', () => {
    it('answers: submitted in the form, shown in its answered view and in the thread', async () => {
      const w = world({ seeded: false });
      const forms = await mountAll(w, 'checkin-form', 'talent');
      const submitted = forms.map((el) => oneEvent(el, 'checkin-submit'));
      forms.forEach((el, i) => {
        const text = PAYLOADS[i]!.text;
        for (const field of $$<HTMLTextAreaElement>(el, 'textarea[id^="q-"]')) setValue(field, text);
        $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      });
      const events = await Promise.all(submitted);
      expect(
        events.every((e, i) =>
          e.detail.checkin.answers!.every((a: { text: string }) => a.text === shown(PAYLOADS[i]!)),
        ),
        'the adapter received and confirmed every payload verbatim',
      ).to.equal(true);
      await Promise.all(forms.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
      await expectInert(forms);
      expectVerbatim(forms, 'answer (typed)', 'form answered view', (el) => $$(el, '[part~="answers"] dd'));

      const threads = await mountAll(w, 'checkin-thread', 'client');
      await expectInert(threads);
      expectVerbatim(threads, 'answer (typed)', 'thread (client)', (el, i) =>
        within(article(el, w.ids(i).open), 'dd.text'),
      );
    });

    it('replies: typed in the reply box, shown in the thread', async () => {
      const w = world({ seeded: false });
      const threads = await mountAll(w, 'checkin-thread', 'client');
      const replied = threads.map((el) => oneEvent(el, 'checkin-reply'));
      for (const [i, el] of threads.entries()) {
        article(el, w.ids(i).answered)!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      }
      threads.forEach((el, i) => {
        const box = article(el, w.ids(i).answered)!.querySelector('[part~="reply-box"]')!;
        setValue(box.querySelector('textarea')!, PAYLOADS[i]!.text);
        box.querySelector<HTMLButtonElement>('[part~="reply-send"]')!.click();
      });
      await Promise.all(replied);
      await Promise.all(threads.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
      await expectInert(threads);
      expectVerbatim(threads, 'reply (typed)', 'thread (client)', (el, i) =>
        within(article(el, w.ids(i).answered), '[part~="reply"] .text'),
      );
    });

    it('skip notes: typed in the form, shown in its skipped view and in the thread', async () => {
      const w = world({ seeded: false });
      const forms = await mountAll(w, 'checkin-form', 'talent');
      for (const el of forms) $<HTMLButtonElement>(el, '[part~="skip"]')!.click();
      await Promise.all(forms.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
      const skipped = forms.map((el) => oneEvent(el, 'checkin-skip'));
      forms.forEach((el, i) => {
        setValue($<HTMLTextAreaElement>(el, '#skip-note')!, PAYLOADS[i]!.text);
        $<HTMLButtonElement>(el, '[part~="skip-confirm"]')!.click();
      });
      await Promise.all(skipped);
      await Promise.all(forms.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
      await expectInert(forms);
      expectVerbatim(forms, 'skip note (typed)', 'form skipped view', (el) => [$(el, 'blockquote[part~="message"]')]);
      const threads = await mountAll(w, 'checkin-thread', 'client');
      await expectInert(threads);
      expectVerbatim(threads, 'skip note (typed)', 'thread (client)', (el, i) => [
        article(el, w.ids(i).open)!.querySelector('.skip-note .text'),
      ]);
    });

    it('request-update messages: typed by the client, shown in the thread and in the talent form', async () => {
      const w = world({ seeded: false });
      const threads = await mountAll(w, 'checkin-thread', 'client');
      for (const el of threads) $<HTMLButtonElement>(el, '[part~="request-update"]')!.click();
      await Promise.all(threads.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
      const requested = threads.map((el) => oneEvent(el, 'checkin-request-update'));
      threads.forEach((el, i) => {
        setValue($<HTMLTextAreaElement>(el, '#request-message')!, PAYLOADS[i]!.text);
        $<HTMLButtonElement>(el, '[part~="request-panel"] button[type="submit"]')!.click();
      });
      const events = await Promise.all(requested);
      await Promise.all(threads.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
      await expectInert(threads);
      expectVerbatim(threads, 'request message (typed)', 'thread (client)', (el, i) => [
        article(el, events[i]!.detail.checkin.id)!.querySelector('[part~="message"] .text'),
      ]);
      const forms = await mountAll(w, 'checkin-form', 'talent');
      await expectInert(forms);
      expectVerbatim(forms, 'request message (typed)', 'form (talent)', (el) => [
        $(el, '[part~="header"] [part~="message"]'),
      ]);
    });
  });

  describe('exports', () => {
    function exportFixture(text: string): { contract: Contract; questions: Question[]; checkins: Checkin[] } {
      const client: Party = { id: 'u-c', name: text, timeZone: 'America/New_York' };
      const talent: Party = { id: 'u-t', name: text, timeZone: 'Europe/Berlin' };
      const contract: Contract = {
        id: 'c-x',
        title: text,
        kind: 'hourly',
        startsAt: '2026-09-01T14:00:00.000Z',
        endsAt: null,
        milestoneCount: null,
        client,
        talent,
      };
      const questions: Question[] = [
        { id: 'done', prompt: text, required: true, maxLength: 5000, quickAnswers: [] },
        { id: 'next', prompt: 'Next?', required: true, maxLength: 5000, quickAnswers: [] },
      ];
      const common = {
        contractId: 'c-x',
        requestedBy: client,
        health: null,
        editedAt: null,
        acknowledgedAt: null,
      };
      const checkins: Checkin[] = [
        {
          ...common,
          id: 'a',
          kind: 'requested',
          dueAt: ANSWERED_DUE,
          status: 'answered',
          message: text,
          answers: [
            { questionId: 'done', text },
            { questionId: 'next', text: `first line\n${text}\n${text}` },
            { questionId: 'removed', text },
          ],
          answeredAt: '2026-11-20T17:00:00.000Z',
          skipNote: null,
          acknowledgedAt: '2026-11-21T10:00:00.000Z',
          replies: [
            { id: 'r1', author: client, text, createdAt: '2026-11-20T20:00:00.000Z' },
            { id: 'r2', author: talent, text: `ok\n${text}`, createdAt: '2026-11-20T21:00:00.000Z' },
          ],
        },
        {
          ...common,
          id: 'b',
          kind: 'scheduled',
          dueAt: SKIPPED_DUE,
          status: 'skipped',
          answers: null,
          answeredAt: null,
          skipNote: text,
          replies: [],
        },
      ];
      return { contract, questions, checkins };
    }

    /**
     * Markdown the exporter writes itself: headings (#, ##, ###), list items "- ", bold labels,
     * blockquotes. Anything else that Markdown would treat as markup must be escaped.
     */
    function unescapedMarkup(markdown: string, text: string): string[] {
      const problems: string[] = [];
      const lines = markdown.split('\n');
      lines.forEach((line, n) => {
        // Raw HTML, autolinks, links, images and code need an unescaped < [ ] or ` anywhere;
        // an entity (&lt; decodes to <) needs an unescaped &.
        for (let i = 0; i < line.length; i++) {
          const ch = line[i]!;
          if (ch === '\\') {
            i++;
          } else if ('<[]`'.includes(ch) || (ch === '&' && /^&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(line.slice(i)))) {
            problems.push(`line ${n + 1}: unescaped ${ch} in ${JSON.stringify(line.slice(0, 60))}`);
          }
        }
        // Headings come only from the exporter's own fixed lines.
        const heading = /^\s{0,3}(?:>\s*)*#{1,6}(?:\s|$)/.exec(line);
        if (heading && !/^(?:# Check-ins: |## (?:Weekly check-in|Update requested by )|### Replies$)/.test(line)) {
          problems.push(`line ${n + 1}: heading ${JSON.stringify(line.slice(0, 40))}`);
        }
        // Setext underlines (=== or ---) and list markers from user text must be escaped.
        if (/^\s*(?:>\s*)*(?:=+|-+)\s*$/.test(line)) problems.push(`line ${n + 1}: setext underline`);
        // GFM autolink literals: a scheme://, www. or an e-mail address would become a link.
        if (/(?<!\\)\b(?:https?|ftp):\/\//i.test(line) || /(?<![\\\w.])www\.(?=\w)/i.test(line)) {
          problems.push(`line ${n + 1}: bare URL ${JSON.stringify(line.slice(0, 60))}`);
        }
        if (/[\w.+-]@[\w-]+\.[\w-]/.test(line)) problems.push(`line ${n + 1}: e-mail autolink`);
      });
      // Every escaped character is still there: removing the escapes gives back the text.
      const unescaped = markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
      for (const piece of text.trim().split(/\r?\n/)) {
        if (piece && !unescaped.includes(piece)) problems.push(`text lost: ${JSON.stringify(piece.slice(0, 40))}`);
      }
      return problems;
    }

    it('Markdown: no payload can open raw HTML, a link, an image, a heading or an entity', () => {
      const failures: string[] = [];
      for (const payload of PAYLOADS) {
        const { contract, questions, checkins } = exportFixture(payload.text);
        const markdown = toMarkdown(contract, questions, checkins, { timeZone: 'UTC', locale: 'en-GB' });
        const problems = unescapedMarkup(markdown, payload.text);
        if (problems.length) failures.push(`${payload.name}: ${problems.slice(0, 3).join('; ')}`);
        // Title, client, talent, prompt, message, 3 answers, skip note, requester, 2 reply authors, 2 replies.
        counts.markdownFields += 14;
      }
      expect(failures).to.deep.equal([]);
    });

    it('Markdown: the structural checker itself catches unescaped markup (positive control)', () => {
      expect(unescapedMarkup('<img src=x>', '')).to.not.deep.equal([]);
      expect(unescapedMarkup('[x](javascript:y)', '')).to.not.deep.equal([]);
      expect(unescapedMarkup('# title', '')).to.not.deep.equal([]);
      expect(unescapedMarkup('see https://evil.example', '')).to.not.deep.equal([]);
      expect(unescapedMarkup('mail me@evil.example', '')).to.not.deep.equal([]);
      expect(unescapedMarkup('&lt;b&gt;', '')).to.not.deep.equal([]);
      expect(unescapedMarkup('text', 'other')).to.not.deep.equal([]);
    });

    it('escapeMarkdown keeps lines, list markers and headings as literal text', () => {
      expect(escapeMarkdown('# not a heading')).to.equal('\\# not a heading');
      expect(escapeMarkdown('- not a list')).to.equal('\\- not a list');
      expect(escapeMarkdown('1. not a list')).to.equal('1\\. not a list');
      expect(escapeMarkdown('line\n===')).to.equal('line\n\\===');
      expect(escapeMarkdown('<b>')).to.equal('\\<b\\>');
      expect(escapeMarkdown('[a](b)')).to.equal('\\[a\\](b)');
      expect(escapeMarkdown('https://x.example/a')).to.equal('https\\://x.example/a');
      expect(escapeMarkdown('www.x.example')).to.equal('www\\.x.example');
      expect(escapeMarkdown('me@x.example')).to.equal('me\\@x.example');
    });

    /** RFC 4180 parser for the test: rows of unquoted cell values. */
    function parseCsv(text: string): string[][] {
      const rows: string[][] = [];
      let row: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i]!;
        if (quoted) {
          if (ch === '"' && text[i + 1] === '"') {
            cell += '"';
            i++;
          } else if (ch === '"') quoted = false;
          else cell += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') {
          row.push(cell);
          cell = '';
        } else if (ch === '\r' && text[i + 1] === '\n') {
          row.push(cell);
          rows.push(row);
          row = [];
          cell = '';
          i++;
        } else cell += ch;
      }
      if (cell || row.length) {
        row.push(cell);
        rows.push(row);
      }
      return rows;
    }

    const FORMULA = /^[=+\-@\t\r]/;

    it('CSV: every cell round-trips verbatim, and no cell can start a formula', () => {
      const failures: string[] = [];
      const texts = [...PAYLOADS.map((p) => p.text), ...FORMULA_PAYLOADS];
      for (const text of texts) {
        const { contract, questions, checkins } = exportFixture(text);
        const csv = toCsv(contract, questions, checkins, { timeZone: 'UTC', locale: 'en-GB' });
        const rows = parseCsv(csv);
        const cells = rows.flat();
        const formula = cells.filter((c) => FORMULA.test(c));
        if (formula.length) failures.push(`${JSON.stringify(text)}: formula cell ${JSON.stringify(formula[0])}`);
        // Each field holding the text, with the neutralising quote taken off, is the text again.
        const original = (cell: string) => (cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell);
        const header = rows[0]!;
        const answered = rows[1]!;
        const skipped = rows[2]!;
        const col = (name: string) => header.map(original).indexOf(name);
        const checks: Array<[string, string | undefined, string]> = [
          ['prompt header', header.map(original).find((h) => h === text), text],
          ['requested by', original(answered[col('Requested by')] ?? ''), text],
          ['message', original(answered[col('Message')] ?? ''), text],
          ['answer', original(answered[col(text)] ?? ''), text],
          ['skip note', original(skipped[col('Skip note')] ?? ''), text],
        ];
        for (const [field, got, want] of checks) {
          if (got !== want) failures.push(`${JSON.stringify(text)}: ${field} came back as ${JSON.stringify(got)}`);
        }
        if (rows.some((r) => r.length !== header.length)) failures.push(`${JSON.stringify(text)}: ragged rows`);
        counts.csvTexts++;
        counts.csvCells += cells.length;
      }
      expect(failures.slice(0, 10)).to.deep.equal([]);
    });

    it('csvCell neutralises each formula start and quotes what needs quoting', () => {
      for (const value of FORMULA_PAYLOADS) {
        const cell = csvCell(value);
        const inner = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        expect(inner.startsWith("'"), JSON.stringify(value)).to.equal(true);
        expect(inner.slice(1)).to.equal(value);
      }
      expect(csvCell('plain')).to.equal('plain');
      expect(csvCell('a,b')).to.equal('"a,b"');
      expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
      expect(csvCell('=1+1')).to.equal("'=1+1");
    });
  });
});
