import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter, MemoryStore, seedDemo } from '../src/adapters/memory.js';
import '../src/define/checkin-form.js';
import type { CheckinForm } from '../src/elements/checkin-form/checkin-form.js';
import { draftKey } from '../src/controllers/draft.js';
import { settle, shadowText as text } from './support/dom.js';
import { hold } from './support/fixtures.js';
import { nextPrompt } from '../src/schedule/index.js';

// Live updates in <checkin-form>: what the other side does appears without a reload, and never
// throws away what the talent is typing.

// Friday 27 November 2026, 18:00 in Berlin: this week's prompt (16:00 Berlin) is open.
const FRIDAY = Date.parse('2026-11-27T17:00:00Z');
const OPEN_ID = 'c-atlas-20261127T150000Z';

function world() {
  const store = new MemoryStore(seedDemo({ now: FRIDAY }), { clock: () => FRIDAY });
  const as = (viewerId: string) => new MemoryAdapter({ store, viewerId, contractId: 'c-atlas' });
  // talentElsewhere: the talent's other device (or tab), answering through the same store.
  return { client: as('u-dana'), talent: as('u-kofi'), talentElsewhere: as('u-kofi') };
}

async function mount(adapter: MemoryAdapter): Promise<CheckinForm> {
  const el = await fixture<CheckinForm>(
    html`<checkin-form .adapter=${adapter} contract-id="c-atlas" .clock=${() => FRIDAY}></checkin-form>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="checkin"]'), 'the form never loaded');
  return el;
}

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

/** The client renames the first question: a settings change, which reloads the form. */
async function changeQuestions(client: MemoryAdapter, idempotencyKey: string): Promise<void> {
  const settings = await client.getSettings('c-atlas');
  const questions = settings.questions.map((q, i) => (i === 0 ? { ...q, prompt: 'What did you ship this week?' } : q));
  await client.updateSettings('c-atlas', { questions }, { expectedVersion: settings.version, idempotencyKey });
}

/** The stored draft of the open Atlas check-in (Kofi's), or null. */
function storedDraft(
  checkinId = OPEN_ID,
): { answers: Record<string, string>; skip?: { note: string; open: boolean } } | null {
  const raw = localStorage.getItem(draftKey('c-atlas', checkinId, 'u-kofi'));
  return raw ? (JSON.parse(raw) as { value: ReturnType<typeof storedDraft> & object }).value : null;
}

const newer = (el: CheckinForm) => el.shadowRoot!.querySelector<HTMLElement>('[part~="newer"]');

async function typeSkipNote(el: CheckinForm, value: string): Promise<void> {
  const note = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#skip-note')!;
  note.value = value;
  note.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function cleanStorage(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('checkin-elements:draft:')) localStorage.removeItem(key);
  }
}

describe('<checkin-form> live updates', () => {
  // Before as well as after: the fixture of a test is removed after this file's afterEach, and
  // removal flushes a draft still waiting for its pause.
  beforeEach(cleanStorage);
  afterEach(cleanStorage);

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

  it('keeps a skip note being typed, and offers the newer check-in instead', async () => {
    const { client, talent } = world();
    const el = await mount(talent);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip"]')!.click();
    await el.updateComplete;
    const note = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#skip-note')!;
    note.value = 'Away until Wednesday';
    note.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-6' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="newer"]'), 'no notice was shown');
    expect(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#skip-note')?.value).to.equal('Away until Wednesday');
    expect(text(el)).not.to.contain('Quick update?');
  });

  describe('while a live update reloads the form', () => {
    const card = (el: CheckinForm) => el.shadowRoot!.querySelector('[part~="checkin"]');
    const loading = (el: CheckinForm) => Boolean(el.shadowRoot!.querySelector('[part~="loading"]'));
    const health = (el: CheckinForm, value: string) =>
      el.shadowRoot!.querySelector<HTMLInputElement>(`[part~="health"] input[value="${value}"]`)!;
    const prompts = (el: CheckinForm) =>
      [...el.shadowRoot!.querySelectorAll('[part~="label"] span[dir]')].map((s) => s.textContent!.trim());

    it('keeps the form and its values on screen, busy, then shows the new settings', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      expect(card(el)!.hasAttribute('aria-busy')).to.equal(false);
      // A health value is no unsent text: a settings change reloads the form at once.
      health(el, 'at-risk').click();
      await el.updateComplete;
      fields(el)[0]!.focus();
      const gate = hold(talent, 'getSettings');
      const settings = await client.getSettings('c-atlas');
      const questions = settings.questions.map((q, i) =>
        i === 0 ? { ...q, prompt: 'What did you ship this week?' } : q,
      );
      await client.updateSettings(
        'c-atlas',
        { questions },
        { expectedVersion: settings.version, idempotencyKey: 'live-7' },
      );
      await waitUntil(() => gate.held > 0, 'the settings change did not reload the form');
      await el.updateComplete;

      expect(loading(el), 'no loading placeholder').to.equal(false);
      expect(card(el)?.getAttribute('aria-busy')).to.equal('true');
      // Sighted people see it too: a bar along the card's top edge while it refreshes.
      const bar = () => getComputedStyle(card(el)!, '::before');
      expect(bar().content).to.not.equal('none');
      expect(bar().height).to.equal('3px');
      expect(fields(el)).to.have.length(3);
      expect(prompts(el)[0]).to.equal('What did you work on this week?');
      expect(health(el, 'at-risk').checked).to.equal(true);
      // What is typed while it reloads stays, and so does the focus.
      await type(el, 0, 'Typed while it reloaded');

      gate.open();
      await waitUntil(() => prompts(el)[0] === 'What did you ship this week?', 'the new question never showed');
      await el.updateComplete;
      expect(card(el)!.hasAttribute('aria-busy')).to.equal(false);
      expect(bar().content).to.equal('none');
      expect(loading(el)).to.equal(false);
      expect(fields(el)[0]!.value).to.equal('Typed while it reloaded');
      expect(health(el, 'at-risk').checked).to.equal(true);
      expect(el.shadowRoot!.activeElement === fields(el)[0], 'the field kept the focus').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('leaves an open skip panel open, with the focus in it', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip"]')!.click();
      await el.updateComplete;
      const note = () => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#skip-note');
      await waitUntil(() => el.shadowRoot!.activeElement === note(), 'the note did not take the focus');
      const settings = await client.getSettings('c-atlas');
      const questions = settings.questions.map((q, i) =>
        i === 0 ? { ...q, prompt: 'What did you ship this week?' } : q,
      );
      await client.updateSettings(
        'c-atlas',
        { questions },
        { expectedVersion: settings.version, idempotencyKey: 'live-11' },
      );
      await waitUntil(() => prompts(el)[0] === 'What did you ship this week?', 'the new question never showed');
      expect(el.shadowRoot!.querySelector('[part~="skip"]')!.getAttribute('aria-expanded')).to.equal('true');
      expect(Boolean(note()) && el.shadowRoot!.activeElement === note(), 'the note kept the focus').to.equal(true);
    });

    it('is accessible while busy', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      const gate = hold(talent, 'listCheckins');
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-8' });
      await waitUntil(() => gate.held > 0, 'the request did not reload the form');
      await el.updateComplete;
      expect(card(el)?.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      gate.open();
      await waitUntil(() => text(el).includes('Quick update?'), 'the request never showed');
      expect(card(el)!.hasAttribute('aria-busy')).to.equal(false);
    });

    it('shows a submit sent while it reloads, not the older load that finishes after it', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      const gate = hold(talent, 'getSettings');
      const settings = await client.getSettings('c-atlas');
      const questions = settings.questions.map((q, i) => (i === 2 ? { ...q, prompt: 'Anything in your way?' } : q));
      await client.updateSettings(
        'c-atlas',
        { questions },
        { expectedVersion: settings.version, idempotencyKey: 'live-10' },
      );
      await waitUntil(() => gate.held > 0, 'the settings change did not reload the form');
      await el.updateComplete;
      // The reload read the check-in list before this submit; its settings come after it.
      for (const [i, answer] of answers.entries()) await type(el, i, answer.text);
      const submitted = new Promise((resolve) => el.addEventListener('checkin-submit', resolve, { once: true }));
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await submitted;
      gate.open();
      await waitUntil(
        () => !card(el)!.hasAttribute('aria-busy') && el.shadowRoot!.querySelector('[data-state="answered"]'),
        'the submitted answer is not shown',
      );
      expect(el.shadowRoot!.querySelector('#done-heading')?.textContent?.trim()).to.equal('Submitted');
      expect(fields(el)).to.have.length(0);
      expect(Boolean(el.shadowRoot!.querySelector('[part~="newer"]'))).to.equal(false);
      // The settings it loaded after the write are shown too.
      expect(text(el)).to.contain('Anything in your way?');
    });

    it('keeps text typed during a reload that brings another check-in, and offers that one', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      const gate = hold(talent, 'listCheckins');
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-9' });
      await waitUntil(() => gate.held > 0, 'the request did not reload the form');
      await el.updateComplete;
      await type(el, 0, 'Started while it reloaded');

      gate.open();
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="newer"]'), 'no notice was shown');
      expect(card(el)!.hasAttribute('aria-busy')).to.equal(false);
      expect(fields(el)[0]!.value).to.equal('Started while it reloaded');
      expect(text(el)).not.to.contain('Quick update?');

      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="newer"] button')!.click();
      await waitUntil(() => text(el).includes('Quick update?'), 'the newer check-in never loaded');
      expect(fields(el)[0]!.value).to.equal('');
    });

    it('keeps text typed during a reload that finds this check-in answered elsewhere, and offers it', async () => {
      const { client, talent, talentElsewhere } = world();
      const el = await mount(talent);
      const gate = hold(talent, 'listCheckins');
      await changeQuestions(client, 'live-12');
      await waitUntil(() => gate.held > 0, 'the settings change did not reload the form');
      await el.updateComplete;
      await type(el, 0, 'Typed while it reloaded');
      // The talent's other device answers this very check-in while the reload is on its way.
      await talentElsewhere.submitAnswers('c-atlas', OPEN_ID, { answers }, { idempotencyKey: 'live-13' });

      gate.open();
      await waitUntil(() => newer(el), 'no notice was shown');
      await el.updateComplete;
      expect(card(el)!.hasAttribute('aria-busy')).to.equal(false);
      expect(fields(el).map((f) => f.value)).to.deep.equal(['Typed while it reloaded', '', '']);
      expect(
        Boolean(el.shadowRoot!.querySelector('[data-state="answered"]')),
        'the answered view replaced the form',
      ).to.equal(false);
      expect(newer(el)!.textContent).to.contain('answered or skipped elsewhere');
      await waitUntil(() => storedDraft()?.answers.done === 'Typed while it reloaded', 'the draft lost the text');
      await expect(el).to.be.accessible();

      // Chosen, the latest shows: the answered check-in, with the typed text as an edit of it.
      newer(el)!.querySelector('button')!.click();
      await waitUntil(() => text(el).includes('Restored your unsent answers'), 'the draft was not offered');
      expect(Boolean(newer(el))).to.equal(false);
      expect(fields(el)[0]!.value).to.equal('Typed while it reloaded');
      expect(Boolean(el.shadowRoot!.querySelector('[part~="cancel-edit"]')), 'an edit of the answer').to.equal(true);
      expect(prompts(el)[0]).to.equal('What did you ship this week?');
      expect(storedDraft()?.answers.done).to.equal('Typed while it reloaded');
    });
  });

  it('keeps what the talent is typing when this check-in is answered on another device, and says so', async () => {
    const { talent, talentElsewhere } = world();
    const el = await mount(talent);
    await type(el, 0, 'Still typing on the laptop');
    await talentElsewhere.submitAnswers('c-atlas', OPEN_ID, { answers }, { idempotencyKey: 'live-14' });
    await waitUntil(() => newer(el), 'no notice was shown');
    expect(newer(el)!.textContent).to.contain('answered or skipped elsewhere');
    expect(fields(el)[0]!.value).to.equal('Still typing on the laptop');
    expect(Boolean(el.shadowRoot!.querySelector('[data-state="answered"]'))).to.equal(false);
  });

  describe('"answered elsewhere" outranks "something changed"', () => {
    // The stronger notice tells the talent that submitting now would replace an answer sent from
    // elsewhere; a settings change or a new check-in, before or after, must not hide it.
    const ELSEWHERE = 'answered or skipped elsewhere';

    it('keeps saying so when the settings change after it', async () => {
      const { client, talent, talentElsewhere } = world();
      const el = await mount(talent);
      await type(el, 0, 'Still typing on the laptop');
      await talentElsewhere.submitAnswers('c-atlas', OPEN_ID, { answers }, { idempotencyKey: 'live-20' });
      await waitUntil(() => newer(el)?.textContent?.includes(ELSEWHERE), 'no "answered elsewhere" notice');
      const loads = talent.calls.filter((c) => c.method === 'getSettings').length;
      await changeQuestions(client, 'live-21');
      // The settings event has been heard once the change is in the store and its microtask ran.
      await settle(5);
      await el.updateComplete;
      expect(newer(el)?.textContent ?? '').to.contain(ELSEWHERE);
      expect(newer(el)!.textContent).not.to.contain('Something changed on this contract');
      expect(talent.calls.filter((c) => c.method === 'getSettings').length, 'nothing reloaded').to.equal(loads);
      expect(fields(el)[0]!.value).to.equal('Still typing on the laptop');
    });

    it('says so when this check-in is answered elsewhere after a settings change was offered', async () => {
      const { client, talent, talentElsewhere } = world();
      const el = await mount(talent);
      await type(el, 0, 'Still typing on the laptop');
      await changeQuestions(client, 'live-22');
      await waitUntil(() => newer(el), 'no notice was shown');
      expect(newer(el)!.textContent).to.contain('Something changed on this contract');
      await talentElsewhere.submitAnswers('c-atlas', OPEN_ID, { answers }, { idempotencyKey: 'live-23' });
      await waitUntil(
        () => newer(el)?.textContent?.includes(ELSEWHERE),
        'the "answered elsewhere" notice never showed',
      );
      expect(fields(el)[0]!.value).to.equal('Still typing on the laptop');
      await expect(el).to.be.accessible();
    });

    it('says so when this check-in is answered elsewhere while a refresh loads that predates it', async () => {
      const { client, talent, talentElsewhere } = world();
      const el = await mount(talent);
      // The refresh reads the check-ins at once (still open) and its settings late.
      const gate = hold(talent, 'getSettings');
      await changeQuestions(client, 'live-24');
      await waitUntil(() => gate.held > 0, 'the settings change did not reload the form');
      await el.updateComplete;
      await type(el, 0, 'Typed while it reloaded');
      await talentElsewhere.submitAnswers('c-atlas', OPEN_ID, { answers }, { idempotencyKey: 'live-25' });
      await settle(5);
      gate.open();
      await waitUntil(() => newer(el), 'no notice was shown');
      await el.updateComplete;
      expect(newer(el)!.textContent).to.contain(ELSEWHERE);
      expect(fields(el)[0]!.value).to.equal('Typed while it reloaded');
    });
  });

  describe('a skip note whose panel was closed', () => {
    async function noteThenCancel(el: CheckinForm, note: string): Promise<void> {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip"]')!.click();
      await el.updateComplete;
      await typeSkipNote(el, note);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip-cancel"]')!.click();
      await el.updateComplete;
      await waitUntil(() => storedDraft()?.skip?.open === false, 'the closed panel was not saved');
      expect(storedDraft()?.skip?.note).to.equal(note);
    }

    it('does not hold back a live update: a requested check-in loads at once', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      await noteThenCancel(el, 'Maybe off on Monday');
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-15' });
      await waitUntil(() => text(el).includes('Quick update?'), 'the requested check-in never loaded');
      expect(Boolean(newer(el))).to.equal(false);
      expect(fields(el)).to.have.length(3);
      // The note stays in the draft of the check-in it was written for.
      expect(storedDraft(OPEN_ID)?.skip).to.deep.equal({ note: 'Maybe off on Monday', open: false });
    });

    it('keeps the note through a live reload of the same check-in, and shows it when the panel opens again', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      await noteThenCancel(el, 'Maybe off on Monday');
      await changeQuestions(client, 'live-16');
      await waitUntil(
        () =>
          el.shadowRoot!.querySelector('[part~="label"] span[dir]')?.textContent?.trim() ===
          'What did you ship this week?',
        'the new question never showed',
      );
      await settle();
      expect(Boolean(newer(el))).to.equal(false);
      expect(storedDraft()?.skip).to.deep.equal({ note: 'Maybe off on Monday', open: false });
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip"]')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#skip-note')!.value).to.equal('Maybe off on Monday');
    });

    it('holds back a live update again once the panel is reopened with the note', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      await noteThenCancel(el, 'Maybe off on Monday');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip"]')!.click();
      await el.updateComplete;
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-17' });
      await waitUntil(() => newer(el), 'no notice was shown');
      expect(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#skip-note')!.value).to.equal('Maybe off on Monday');
      expect(text(el)).not.to.contain('Quick update?');
    });
  });

  describe('"Show the latest" and a submit at the same time', () => {
    const heading = (el: CheckinForm) => el.shadowRoot!.querySelector('#done-heading')?.textContent?.trim();
    const count = (adapter: MemoryAdapter, method: string) => adapter.calls.filter((c) => c.method === method).length;
    async function answerAll(el: CheckinForm): Promise<void> {
      for (const [i, answer] of answers.entries()) await type(el, i, answer.text);
    }

    it('is not offered while the answers are on their way, and the one submit is shown', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      await answerAll(el);
      await changeQuestions(client, 'live-18');
      await waitUntil(() => newer(el), 'no notice was shown');
      const gate = hold(talent, 'submitAnswers');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await waitUntil(() => gate.held > 0, 'the submit was not sent');
      await el.updateComplete;
      const showLatest = newer(el)!.querySelector('button')!;
      expect(showLatest.getAttribute('aria-disabled')).to.equal('true');
      const loads = count(talent, 'listCheckins');
      showLatest.click();
      await settle(5);
      expect(count(talent, 'listCheckins'), 'nothing loaded while the submit is out').to.equal(loads);

      gate.open();
      await waitUntil(() => heading(el) === 'Submitted', 'the submitted answer is not shown');
      expect(fields(el)).to.have.length(0);
      expect(text(el)).not.to.contain('Restored your unsent answers');
      expect(count(talent, 'submitAnswers')).to.equal(1);
      expect(storedDraft()).to.equal(null);
      // Once it is in, the latest can be loaded.
      await el.updateComplete;
      expect(newer(el)?.querySelector('button')?.getAttribute('aria-disabled') ?? 'false').to.equal('false');
    });

    it('shows a submit sent while the chosen reload loads, and loads the latest after it', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      await answerAll(el);
      await changeQuestions(client, 'live-19');
      await waitUntil(() => newer(el), 'no notice was shown');
      const list = hold(talent, 'listCheckins');
      newer(el)!.querySelector('button')!.click();
      await waitUntil(() => list.held > 0, 'the latest was not loaded');
      await el.updateComplete;
      // The form stays on screen while it loads, and the talent submits it.
      const submit = hold(talent, 'submitAnswers');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await waitUntil(() => submit.held > 0, 'the submit was not sent');
      list.open();
      await settle(10);
      await el.updateComplete;
      expect(
        fields(el).map((f) => f.value),
        'the load set the form aside for the submit',
      ).to.deep.equal(answers.map((a) => a.text));
      expect(text(el)).not.to.contain('Restored your unsent answers');

      submit.open();
      await waitUntil(() => heading(el) === 'Submitted', 'the submitted answer is not shown');
      await waitUntil(
        () => el.shadowRoot!.querySelector('dt')?.textContent?.trim() === 'What did you ship this week?',
        'the latest settings never loaded after the submit',
      );
      expect(heading(el)).to.equal('Submitted');
      expect(count(talent, 'submitAnswers')).to.equal(1);
      expect(storedDraft()).to.equal(null);
    });
  });

  describe('what happens while a submit or skip is on its way', () => {
    const heading = (el: CheckinForm) => el.shadowRoot!.querySelector('#done-heading')?.textContent?.trim();
    const count = (adapter: MemoryAdapter, method: string) => adapter.calls.filter((c) => c.method === method).length;

    it('loads a check-in requested while the answers are on their way, once they are in', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      for (const [i, answer] of answers.entries()) await type(el, i, answer.text);
      const gate = hold(talent, 'submitAnswers');
      const submitted = new Promise((resolve) => el.addEventListener('checkin-submit', resolve, { once: true }));
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await waitUntil(() => gate.held > 0, 'the submit was not sent');
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-26' });
      await settle(5);
      // Nothing replaces the form while its answers are out.
      expect(fields(el).map((f) => f.value)).to.deep.equal(answers.map((a) => a.text));

      gate.open();
      await submitted;
      await waitUntil(() => text(el).includes('Quick update?'), 'the requested check-in never loaded after the submit');
      expect(text(el)).to.contain('Dana Whitfield asked for an update');
      expect(
        fields(el).map((f) => f.value),
        'the new check-in starts empty',
      ).to.deep.equal(['', '', '']);
      expect(Boolean(newer(el)), 'no notice: nothing was left unsent').to.equal(false);
      expect(count(talent, 'submitAnswers')).to.equal(1);
      const stored = (await client.listCheckins('c-atlas', { limit: 5 })).items.find((c) => c.id === OPEN_ID)!;
      expect(stored.status).to.equal('answered');
      expect(stored.answers!.map((a) => a.text)).to.deep.equal(answers.map((a) => a.text));
      expect(storedDraft()).to.equal(null);
    });

    it('loads a check-in requested while a skip is on its way, once it is in', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip"]')!.click();
      await el.updateComplete;
      await typeSkipNote(el, 'Away until Wednesday');
      const gate = hold(talent, 'skipCheckin');
      const skipped = new Promise((resolve) => el.addEventListener('checkin-skip', resolve, { once: true }));
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip-confirm"]')!.click();
      await waitUntil(() => gate.held > 0, 'the skip was not sent');
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-27' });
      await settle(5);
      gate.open();
      await skipped;
      await waitUntil(() => text(el).includes('Quick update?'), 'the requested check-in never loaded after the skip');
      expect(fields(el)).to.have.length(3);
      expect(Boolean(newer(el))).to.equal(false);
      expect(count(talent, 'skipCheckin')).to.equal(1);
    });

    it('offers a check-in requested while the answers were on their way when they failed, keeping them', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      for (const [i, answer] of answers.entries()) await type(el, i, answer.text);
      talent.faults.failNext('submitAnswers', 'unavailable', 'Backend is down.');
      const gate = hold(talent, 'submitAnswers');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await waitUntil(() => gate.held > 0, 'the submit was not sent');
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-28' });
      await settle(5);
      gate.open();
      await waitUntil(() => text(el).includes('Backend is down.'), 'the failure was not shown');
      await waitUntil(() => newer(el), 'the requested check-in was not offered');
      expect(newer(el)!.textContent).to.contain('Something changed on this contract');
      expect(fields(el).map((f) => f.value)).to.deep.equal(answers.map((a) => a.text));
      expect(text(el)).not.to.contain('Quick update?');

      newer(el)!.querySelector('button')!.click();
      await waitUntil(() => text(el).includes('Quick update?'), 'the requested check-in never loaded');
    });

    it('does not reload for the echo of its own submit', async () => {
      const { talent } = world();
      const el = await mount(talent);
      for (const [i, answer] of answers.entries()) await type(el, i, answer.text);
      const loads = count(talent, 'listCheckins');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await waitUntil(() => heading(el) === 'Submitted', 'the submitted answer is not shown');
      await settle(10);
      await el.updateComplete;
      expect(heading(el)).to.equal('Submitted');
      expect(count(talent, 'listCheckins'), 'no reload').to.equal(loads);
      expect(Boolean(newer(el))).to.equal(false);
    });
  });

  describe('focus and a word when a reload replaces the view', () => {
    // A reload that swaps the view takes away the node that had the focus ("Submitted", "Show the
    // latest"): the focus goes to the new view's heading, and the polite region says what opened.
    // Focus outside the element stays where it is; only the words are said.
    const card = (el: CheckinForm) => el.shadowRoot!.querySelector('[part~="checkin"]');
    const status = (el: CheckinForm) =>
      (el.shadowRoot!.querySelector('[part="status"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const focused = (el: CheckinForm) => el.shadowRoot!.activeElement?.id ?? '(nothing in the element)';
    const focusedText = (el: CheckinForm) =>
      (el.shadowRoot!.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const doneHeading = (el: CheckinForm) => el.shadowRoot!.querySelector('#done-heading')?.textContent?.trim();
    const REQUESTED = 'A new check-in is open: Dana Whitfield asked for an update.';
    // The confirmation of the write goes with the old view: the word and a line above the new
    // check-in still say the write went through, so nobody sends it again.
    const SENT = 'Your answers were sent.';
    const SKIPPED = 'Marked as not working this week.';
    const DUE = 'Fri 27 Nov, 16:00';
    const previousSent = (el: CheckinForm) =>
      (el.shadowRoot!.querySelector('[part="previous-sent"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const TITLE = 'Check-in for Atlas customer portal: front-end rebuild';

    async function submitAll(el: CheckinForm): Promise<void> {
      for (const [i, answer] of answers.entries()) await type(el, i, answer.text);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await waitUntil(() => focused(el) === 'done-heading', 'the focus never moved to "Submitted"');
      expect(doneHeading(el)).to.equal('Submitted');
    }

    /** Waits until `message` shows and the reload is done (rendered, no longer busy). */
    async function loaded(el: CheckinForm, message: string): Promise<void> {
      await waitUntil(
        () => text(el).includes(message) && card(el) && !card(el)!.hasAttribute('aria-busy'),
        `"${message}" never loaded`,
      );
      await el.updateComplete;
      await settle();
    }

    it('moves the focus from "Submitted" to a check-in requested just after, and says it opened', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      await submitAll(el);
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-31' });
      await loaded(el, 'Quick update?');
      expect(fields(el)).to.have.length(3);
      expect(focused(el)).to.equal('heading');
      expect(focusedText(el)).to.equal(TITLE);
      expect(status(el)).to.equal(`${SENT} ${REQUESTED}`);
      expect(previousSent(el)).to.equal(`Your answers to the check-in due ${DUE} were sent.`);

      // It stays while the new check-in is answered, and goes with the next write.
      for (const [i, answer] of answers.entries()) await type(el, i, answer.text);
      expect(previousSent(el)).to.contain('were sent');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await waitUntil(() => doneHeading(el) === 'Submitted', 'the requested check-in was not submitted');
      expect(previousSent(el)).to.equal('');
    });

    it('does the same for a check-in requested while the answers were on their way', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      for (const [i, answer] of answers.entries()) await type(el, i, answer.text);
      const gate = hold(talent, 'submitAnswers');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await waitUntil(() => gate.held > 0, 'the submit was not sent');
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-32' });
      await settle(5);
      gate.open();
      await loaded(el, 'Quick update?');
      expect(focused(el)).to.equal('heading');
      expect(focusedText(el)).to.equal(TITLE);
      expect(status(el)).to.equal(`${SENT} ${REQUESTED}`);
      expect(previousSent(el)).to.equal(`Your answers to the check-in due ${DUE} were sent.`);
    });

    it('does the same for a check-in requested while the skip was on its way', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip"]')!.click();
      await el.updateComplete;
      const gate = hold(talent, 'skipCheckin');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip-confirm"]')!.click();
      await waitUntil(() => gate.held > 0, 'the skip was not sent');
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-41' });
      await settle(5);
      gate.open();
      await loaded(el, 'Quick update?');
      expect(focused(el)).to.equal('heading');
      expect(status(el)).to.equal(`${SKIPPED} ${REQUESTED}`);
      expect(previousSent(el)).to.equal(`The check-in due ${DUE} was marked as not working this week.`);
      await expect(el).to.be.accessible();
    });

    it('leaves the focus outside the element where it is, and only says the check-in opened', async () => {
      const { client, talent } = world();
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <button type="button" id="outside">Elsewhere on the page</button>
        <checkin-form .adapter=${talent} contract-id="c-atlas" .clock=${() => FRIDAY}></checkin-form>
      </div>`);
      const el = wrapper.querySelector<CheckinForm>('checkin-form')!;
      const outside = wrapper.querySelector<HTMLButtonElement>('#outside')!;
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="checkin"]'), 'the form never loaded');
      await submitAll(el);
      outside.focus();
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-33' });
      await loaded(el, 'Quick update?');
      expect(document.activeElement === outside, 'the outside button kept the focus').to.equal(true);
      expect(focused(el)).to.equal('(nothing in the element)');
      expect(status(el)).to.equal(`${SENT} ${REQUESTED}`);
    });

    it('is accessible in the new check-in with the focus on its heading', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      await submitAll(el);
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-34' });
      await loaded(el, 'Quick update?');
      expect(focused(el)).to.equal('heading');
      expect(el.shadowRoot!.activeElement!.getAttribute('tabindex')).to.equal('-1');
      await expect(el).to.be.accessible();
    });

    it('moves the focus from "Not working this week" to a requested check-in', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip"]')!.click();
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip-confirm"]')!.click();
      await waitUntil(() => focused(el) === 'done-heading', 'the focus never moved to the skipped view');
      expect(doneHeading(el)).to.equal('Not working this week');
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-35' });
      await loaded(el, 'Quick update?');
      expect(focused(el)).to.equal('heading');
      expect(status(el)).to.equal(`${SKIPPED} ${REQUESTED}`);
      expect(previousSent(el)).to.equal(`The check-in due ${DUE} was marked as not working this week.`);
    });

    it("says when this week's scheduled check-in opens, and moves the focus to it", async () => {
      let now = FRIDAY;
      const store = new MemoryStore(seedDemo({ now: FRIDAY }), { clock: () => now });
      const talent = new MemoryAdapter({ store, viewerId: 'u-kofi', contractId: 'c-atlas' });
      const el = await fixture<CheckinForm>(
        html`<checkin-form .adapter=${talent} contract-id="c-atlas" .clock=${() => now}></checkin-form>`,
      );
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="checkin"]'), 'the form never loaded');
      await submitAll(el);
      const [settings, contract] = await Promise.all([talent.getSettings('c-atlas'), talent.getContract('c-atlas')]);
      const next = nextPrompt(settings.schedule, FRIDAY, contract)!;
      // A week on, on both clocks: the store opens the next prompt and says so.
      now = Date.parse(next) + 1000;
      store.setNow(now);
      await waitUntil(() => fields(el).length === 3, 'the next check-in never loaded');
      await loaded(el, "asks for this week's check-in");
      expect(focused(el)).to.equal('heading');
      expect(status(el)).to.equal(`${SENT} This week's check-in is open.`);
      expect(previousSent(el)).to.equal(`Your answers to the check-in due ${DUE} were sent.`);
    });

    it('moves the focus to the heading when "Show the latest" brings a new check-in', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      await type(el, 0, 'Half a sentence');
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-36' });
      await waitUntil(() => newer(el), 'no notice was shown');
      const show = newer(el)!.querySelector('button')!;
      show.focus();
      show.click();
      await loaded(el, 'Quick update?');
      expect(focused(el)).to.equal('heading');
      expect(status(el)).to.equal(REQUESTED);
    });

    it('moves the focus to the heading when "Show the latest" brings new settings for the same check-in', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      await type(el, 0, 'Half a sentence');
      await changeQuestions(client, 'live-39');
      await waitUntil(() => newer(el), 'no notice was shown');
      const show = newer(el)!.querySelector('button')!;
      show.focus();
      show.click();
      await loaded(el, 'What did you ship this week?');
      expect(fields(el)[0]!.value).to.equal('Half a sentence');
      expect(focused(el)).to.equal('heading');
      // The same check-in: nothing opened.
      expect(status(el)).not.to.contain('is open');
    });

    it('moves the focus to "Your answer" when the check-in is answered on another device', async () => {
      const { talent, talentElsewhere } = world();
      const el = await mount(talent);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip"]')!.focus();
      await talentElsewhere.submitAnswers('c-atlas', OPEN_ID, { answers }, { idempotencyKey: 'live-40' });
      await waitUntil(() => el.shadowRoot!.querySelector('[data-state="answered"]'), 'the answer never showed');
      await el.updateComplete;
      await settle();
      expect(focused(el)).to.equal('done-heading');
      expect(doneHeading(el)).to.equal('Your answer');
    });

    it('keeps the focus on a control that is still there, and says the check-in opened', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      const skip = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip"]')!;
      skip.focus();
      await client.requestUpdate('c-atlas', { message: 'Quick update?' }, { idempotencyKey: 'live-37' });
      await loaded(el, 'Quick update?');
      expect(
        el.shadowRoot!.activeElement === el.shadowRoot!.querySelector('[part~="skip"]'),
        'the skip button kept the focus',
      ).to.equal(true);
      expect(status(el)).to.equal(REQUESTED);
      expect(previousSent(el), 'nothing was sent').to.equal('');
    });

    it('says nothing and moves nothing on a reload that keeps the same check-in', async () => {
      const { client, talent } = world();
      const el = await mount(talent);
      fields(el)[1]!.focus();
      await changeQuestions(client, 'live-38');
      await loaded(el, 'What did you ship this week?');
      expect(el.shadowRoot!.activeElement === fields(el)[1], 'the field kept the focus').to.equal(true);
      expect(status(el)).to.equal('');
    });
  });

  it('does not miss a change heard just as a refresh finished, before it reported done', async () => {
    const store = new MemoryStore(seedDemo({ now: FRIDAY }), { clock: () => FRIDAY });
    const client = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-atlas' });
    const talent = new MemoryAdapter({ store, viewerId: 'u-kofi', contractId: 'c-atlas' });
    // The form reads its clock as the load picks the check-in, after the check-ins were read:
    // the client's request made then arrives in the microtask after the load returned.
    let armed = false;
    const clock = () => {
      if (armed) {
        armed = false;
        store
          .session('u-dana')
          .requestUpdate('c-atlas', { message: 'Said as the load finished' }, { idempotencyKey: 'live-29' });
      }
      return FRIDAY;
    };
    const el = await fixture<CheckinForm>(
      html`<checkin-form .adapter=${talent} contract-id="c-atlas" .clock=${clock}></checkin-form>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="checkin"]'), 'the form never loaded');
    const gate = hold(talent, 'listCheckins');
    await changeQuestions(client, 'live-30');
    await waitUntil(() => gate.held > 0, 'the settings change did not reload the form');
    await el.updateComplete;
    armed = true;
    gate.open();
    await waitUntil(() => !armed, 'the load never read the clock');
    await waitUntil(
      () => text(el).includes('Said as the load finished'),
      'the request heard as the load finished never showed',
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
