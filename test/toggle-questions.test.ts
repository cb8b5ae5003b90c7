import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define/checkin-toggle.js';
import { MemoryAdapter, MemoryStore, seedDemo } from '../src/adapters/memory.js';
import type { CheckinSettingsChangeEvent } from '../src/events.js';
import { LIMITS } from '../src/limits.js';
import { DEFAULT_QUESTIONS, type Question } from '../src/model.js';
import type { CheckinToggle } from '../src/elements/checkin-toggle/checkin-toggle.js';
import {
  parseQuickAnswers,
  questionsDraftOf,
  questionsOf,
  reduceQuestions,
  validateQuestions,
  type QuestionsAction,
} from '../src/elements/checkin-toggle/question-draft.js';
import { text } from './support/dom.js';

// Monday 30 November 2026, noon UTC.
const FIXED = Date.parse('2026-11-30T12:00:00.000Z');

const world = () => new MemoryStore(seedDemo({ now: FIXED }), { clock: () => FIXED });
const adapterFor = (store: MemoryStore, viewerId = 'u-dana') =>
  new MemoryAdapter({ store, viewerId, contractId: 'c-atlas' });
const root = (el: Element) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const updates = (adapter: MemoryAdapter) => adapter.calls.filter((c) => c.method === 'updateSettings');
const focusedId = (el: Element) => (root(el).activeElement as HTMLElement | null)?.id ?? '';
const status = (el: Element) => text($(el, '[role="status"][aria-live="polite"]'));
const form = (el: Element) => $(el, 'form.questions-editor')!;
const prompts = (el: Element) => $$(el, '.question input[type="text"]').map((i) => (i as HTMLInputElement).value);

async function loaded(store = world()) {
  const adapter = adapterFor(store);
  const el = await fixture<CheckinToggle>(html`<checkin-toggle
    .adapter=${adapter}
    contract-id="c-atlas"
    .clock=${() => FIXED}
  ></checkin-toggle>`);
  await waitUntil(() => $(el, 'form.questions-editor'), 'the question editor did not load');
  return { el, adapter, store };
}

function type(el: Element, selector: string, value: string) {
  const field = $<HTMLInputElement>(el, selector)!;
  field.value = value;
  field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
}

const click = (el: Element, selector: string) => $<HTMLButtonElement>(el, selector)!.click();
const inForm = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) =>
  form(el).querySelector<T>(selector);
const save = (el: Element) => inForm<HTMLButtonElement>(el, 'button[type="submit"]')!.click();

/** The message a field's aria-describedby points at, and whether it is marked invalid. */
function fieldMessage(el: Element, id: string) {
  const field = $(el, `#${id}`)!;
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((i) => i.endsWith('-error'));
  return {
    invalid: field.getAttribute('aria-invalid'),
    message: ids.map((i) => text(root(el).getElementById(i))).join(' '),
  };
}

describe('<checkin-toggle> question editor', () => {
  describe('the draft (pure)', () => {
    const start = questionsDraftOf(DEFAULT_QUESTIONS as Question[]);
    const ids = (draft: ReturnType<typeof questionsDraftOf>) => draft.map((q) => q.id);
    const table: [string, QuestionsAction, string[]][] = [
      ['adds at the end', { type: 'add', id: 'q-new' }, ['done', 'next', 'blockers', 'q-new']],
      ['does not add an id twice', { type: 'add', id: 'next' }, ['done', 'next', 'blockers']],
      ['removes', { type: 'remove', id: 'next' }, ['done', 'blockers']],
      ['moves up', { type: 'move', id: 'blockers', by: -1 }, ['done', 'blockers', 'next']],
      ['moves down', { type: 'move', id: 'done', by: 1 }, ['next', 'done', 'blockers']],
      ['does not move past the top', { type: 'move', id: 'done', by: -1 }, ['done', 'next', 'blockers']],
      ['does not move past the end', { type: 'move', id: 'blockers', by: 1 }, ['done', 'next', 'blockers']],
      ['ignores an unknown id', { type: 'remove', id: 'nope' }, ['done', 'next', 'blockers']],
    ];
    for (const [name, action, expected] of table) {
      it(name, () => expect(ids(reduceQuestions(start, action))).to.deep.equal(expected));
    }

    it(`stops at ${LIMITS.questions} questions and at 1`, () => {
      let draft = start;
      for (let i = 0; i < 20; i++) draft = reduceQuestions(draft, { type: 'add', id: `q-${i}` });
      expect(draft).to.have.length(LIMITS.questions);
      for (const q of [...draft]) draft = reduceQuestions(draft, { type: 'remove', id: q.id });
      expect(draft).to.have.length(1);
    });

    const quick: [string, string[]][] = [
      ['None, N/A', ['None', 'N/A']],
      ['None\nNothing, for now\n', ['None', 'Nothing, for now']],
      ['  , ,', []],
      ['', []],
    ];
    for (const [typed, expected] of quick) {
      it(`reads quick answers ${JSON.stringify(typed)}`, () =>
        expect(parseQuickAnswers(typed)).to.deep.equal(expected));
    }

    const invalid: [string, Partial<(typeof start)[number]>, string, string][] = [
      ['a blank prompt', { prompt: '   ' }, 'prompt', 'Enter the question.'],
      [
        'a long prompt',
        { prompt: 'x'.repeat(201) },
        'prompt',
        'A question can have at most 200 characters; this one has 201.',
      ],
      ['a limit of 0', { maxLength: '0' }, 'maxLength', 'Enter a whole number from 1 to 5000.'],
      ['a limit of 5001', { maxLength: '5001' }, 'maxLength', 'Enter a whole number from 1 to 5000.'],
      ['a limit of 2.5', { maxLength: '2.5' }, 'maxLength', 'Enter a whole number from 1 to 5000.'],
      ['six quick answers', { quickAnswers: 'a,b,c,d,e,f' }, 'quickAnswers', 'At most 5 quick answers; there are 6.'],
      [
        'a 61-character quick answer',
        { quickAnswers: 'y'.repeat(61) },
        'quickAnswers',
        `"${'y'.repeat(61)}" has 61 characters; a quick answer can have at most 60.`,
      ],
    ];
    for (const [name, patch, field, message] of invalid) {
      it(`refuses ${name}`, () => {
        const draft = start.map((q, i) => (i === 0 ? { ...q, ...patch } : q));
        expect(validateQuestions(draft).fields.done).to.deep.equal({ [field]: message });
        expect(questionsOf(draft)).to.equal(null);
      });
    }

    it('refuses a purpose used twice, on the second question', () => {
      const draft = start.map((q) => (q.id === 'blockers' ? { ...q, purpose: 'done' as const } : q));
      expect(validateQuestions(draft).fields).to.deep.equal({
        blockers: {
          purpose:
            'Another question is already "What was done (filled from last week’s plan)". Each purpose can be used once.',
        },
      });
    });

    it('turns a valid draft back into questions', () => {
      expect(questionsOf(start)).to.deep.equal(DEFAULT_QUESTIONS);
    });
  });

  describe('in the element', () => {
    it('has one labelled group per question and is accessible', async () => {
      const { el } = await loaded();
      expect($$(el, '.question legend').map(text)).to.deep.equal([
        'Question 1 of 3',
        'Question 2 of 3',
        'Question 3 of 3',
      ]);
      expect(prompts(el)).to.deep.equal(DEFAULT_QUESTIONS.map((q) => q.prompt));
      expect(($(el, '#q-blockers-quickAnswers') as HTMLTextAreaElement).value).to.equal('None');
      expect(($(el, '#q-blockers-purpose') as HTMLSelectElement).value).to.equal('blockers');
      expect(form(el).getAttribute('aria-label')).to.equal('Questions for Atlas customer portal: front-end rebuild');
      await expect(el).to.be.accessible();
    });

    it('saves an edited prompt with the version and an idempotency key, showing it pending at once', async () => {
      const { el, adapter } = await loaded();
      const before = await adapter.getSettings('c-atlas');
      type(el, '#q-done-prompt', 'What shipped this week?');
      ($(el, '#q-next-required') as HTMLInputElement).click();
      type(el, '#q-blockers-quickAnswers', 'None, Waiting on review');
      await el.updateComplete;
      adapter.faults.latencyMs = 30;
      const changed = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      save(el);
      await el.updateComplete;
      expect(text(inForm(el, 'button[type="submit"]'))).to.equal('Saving…');
      expect(form(el).getAttribute('aria-busy')).to.equal('true');
      const { detail } = await changed;
      const [call] = updates(adapter);
      expect(call!.args[0]).to.equal('c-atlas');
      const sent = (call!.args[1] as { questions: Question[] }).questions;
      expect(Object.keys(call!.args[1] as object)).to.deep.equal(['questions']);
      expect(sent.map((q) => [q.prompt, q.required, q.quickAnswers])).to.deep.equal([
        ['What shipped this week?', true, []],
        ['What will you work on next week?', false, []],
        ['What might delay your planned work?', true, ['None', 'Waiting on review']],
      ]);
      const options = call!.args[2] as { expectedVersion: number; idempotencyKey: string };
      expect(options.expectedVersion).to.equal(before.version);
      expect(options.idempotencyKey).to.be.a('string').and.not.empty;
      expect(detail.settings.questions[0]!.prompt).to.equal('What shipped this week?');
      await el.updateComplete;
      expect(status(el)).to.equal('Questions saved');
      expect(text(inForm(el, 'button[type="submit"]'))).to.equal('Save questions');
    });

    it('adds a question with focus in its prompt, and will not send it blank', async () => {
      const { el, adapter } = await loaded();
      click(el, '#add-question');
      await waitUntil(() => prompts(el).length === 4);
      const id = focusedId(el);
      expect(id).to.match(/^q-.+-prompt$/);
      expect(status(el)).to.equal('Question 4 added.');
      save(el);
      await el.updateComplete;
      await waitUntil(() => focusedId(el) === id, 'focus did not go to the blank prompt');
      expect(fieldMessage(el, id)).to.deep.equal({ invalid: 'true', message: 'Enter the question.' });
      expect(status(el)).to.equal('The questions were not saved. Fix the marked fields.');
      expect(updates(adapter)).to.have.length(0);
      await expect(el).to.be.accessible();
      type(el, `#${id}`, 'Anything to demo on Friday?');
      const changed = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      save(el);
      const { detail } = await changed;
      expect(detail.settings.questions.map((q) => q.prompt)[3]).to.equal('Anything to demo on Friday?');
      expect(detail.settings.questions[3]!.purpose).to.equal(null);
    });

    it('moves a question with focus following it', async () => {
      const { el } = await loaded();
      $<HTMLButtonElement>(el, '#q-done-down')!.focus();
      click(el, '#q-done-down');
      await el.updateComplete;
      expect(prompts(el)[1]).to.equal('What did you work on this week?');
      await waitUntil(() => focusedId(el) === 'q-done-down', 'focus did not follow the question');
      expect(status(el)).to.equal('Moved to position 2 of 3.');
      click(el, '#q-done-down');
      await el.updateComplete;
      expect(prompts(el)[2]).to.equal('What did you work on this week?');
      // At the end Move down is marked unavailable but keeps focus; pressing it does nothing.
      expect($(el, '#q-done-down')!.getAttribute('aria-disabled')).to.equal('true');
      expect(focusedId(el)).to.equal('q-done-down');
      click(el, '#q-done-up');
      await el.updateComplete;
      await waitUntil(() => focusedId(el) === 'q-done-up');
      expect(prompts(el)[1]).to.equal('What did you work on this week?');
    });

    it('removes a question and puts focus on the next one', async () => {
      const { el } = await loaded();
      click(el, '#q-next-remove');
      await el.updateComplete;
      expect(prompts(el)).to.have.length(2);
      await waitUntil(() => focusedId(el) === 'q-blockers-prompt');
      expect(status(el)).to.equal('Question removed. 2 left.');
    });

    it(`offers no 11th question`, async () => {
      const { el } = await loaded();
      for (let i = 0; i < LIMITS.questions; i++) {
        click(el, '#add-question');
        await el.updateComplete;
      }
      expect(prompts(el)).to.have.length(LIMITS.questions);
      expect($(el, '#add-question')!.getAttribute('aria-disabled')).to.equal('true');
      expect(text($(el, '#questions-full'))).to.equal('10 questions is the most.');
    });

    it('shows field messages for limits, quick answers and purposes where they happen', async () => {
      const { el, adapter } = await loaded();
      type(el, '#q-done-maxLength', '9000');
      type(el, '#q-blockers-quickAnswers', 'a\nb\nc\nd\ne\nf');
      type(el, '#q-next-purpose', 'done');
      await el.updateComplete;
      expect(fieldMessage(el, 'q-done-maxLength')).to.deep.equal({
        invalid: 'true',
        message: 'Enter a whole number from 1 to 5000.',
      });
      expect(fieldMessage(el, 'q-blockers-quickAnswers')).to.deep.equal({
        invalid: 'true',
        message: 'At most 5 quick answers; there are 6.',
      });
      expect(fieldMessage(el, 'q-next-purpose').message).to.contain('Each purpose can be used once.');
      save(el);
      await el.updateComplete;
      await waitUntil(() => focusedId(el) === 'q-done-maxLength');
      expect(updates(adapter)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('keeps the edits, alerts and retries with the same key when saving fails', async () => {
      const { el, adapter } = await loaded();
      adapter.faults.failNext('updateSettings', 'timeout');
      type(el, '#q-done-prompt', 'What shipped?');
      save(el);
      await waitUntil(() => inForm(el, '[role="alert"]'), 'no alert in the question editor');
      expect(text(inForm(el, '[role="alert"]'))).to.contain('The server took too long to answer.');
      expect(prompts(el)[0]).to.equal('What shipped?');
      expect(status(el)).to.equal('Not saved: the questions are unchanged. Your edits are still in the form.');
      await expect(el).to.be.accessible();
      const changed = oneEvent(el, 'checkin-settings-change');
      click(el, 'form.questions-editor [part="retry-button"]');
      await changed;
      const [first, second] = updates(adapter);
      expect((second!.args[2] as { idempotencyKey: string }).idempotencyKey).to.equal(
        (first!.args[2] as { idempotencyKey: string }).idempotencyKey,
      );
    });

    it('after a conflict keeps the edits, names who changed the settings, and "Save my questions" writes against the new version', async () => {
      const store = world();
      const { el, adapter } = await loaded(store);
      adapter.faults.dropSubscriptions();
      type(el, '#q-done-prompt', 'What shipped?');
      await el.updateComplete;
      // Kofi withdraws consent meanwhile, in his own browser; this tab misses the live update.
      const kofi = adapterFor(store, 'u-kofi');
      const current = await kofi.getSettings('c-atlas');
      await kofi.updateSettings(
        'c-atlas',
        { consent: 'withdrawn' },
        { expectedVersion: current.version, idempotencyKey: 'kofi' },
      );
      save(el);
      await waitUntil(() => focusedId(el) === 'questions-conflict-title', 'focus did not go to the conflict notice');
      const notice = inForm(el, '[data-code="conflict"]')!;
      expect(text(notice)).to.contain('Kofi Mensah changed these settings while you were editing.');
      expect(text(notice)).to.contain('The questions were not changed; other settings were.');
      expect(prompts(el)[0]).to.equal('What shipped?');
      expect(status(el)).to.equal('Not saved: someone else changed these settings meanwhile. Your edits are kept.');
      await expect(el).to.be.accessible();
      const changed = oneEvent(el, 'checkin-settings-change') as Promise<CheckinSettingsChangeEvent>;
      [...notice.querySelectorAll('button')].find((b) => text(b) === 'Save my questions')!.click();
      const { detail } = await changed;
      expect(detail.settings.questions[0]!.prompt).to.equal('What shipped?');
      expect(detail.settings.consent).to.equal('withdrawn');
      const writes = updates(adapter);
      expect((writes[1]!.args[2] as { expectedVersion: number }).expectedVersion).to.equal(current.version + 1);
      await el.updateComplete;
      expect(status(el)).to.equal('Questions saved: your version replaced the latest one.');
    });

    it('"Use the latest questions" drops the edits', async () => {
      const store = world();
      const { el, adapter } = await loaded(store);
      adapter.faults.dropSubscriptions();
      type(el, '#q-done-prompt', 'What shipped?');
      const other = adapterFor(store);
      const current = await other.getSettings('c-atlas');
      const questions = current.questions.map((q, i) => (i === 1 ? { ...q, prompt: 'Plans?' } : q));
      await other.updateSettings('c-atlas', { questions }, { expectedVersion: current.version, idempotencyKey: 'tab' });
      save(el);
      await waitUntil(() => focusedId(el) === 'questions-conflict-title');
      expect(text(inForm(el, '[data-code="conflict"]'))).to.contain(
        'The questions now are: 1. What did you work on this week? 2. Plans? 3. What might delay your planned work?',
      );
      [...inForm(el, '[data-code="conflict"]')!.querySelectorAll('button')]
        .find((b) => text(b) === 'Use the latest questions')!
        .click();
      await el.updateComplete;
      expect(prompts(el)).to.deep.equal([
        'What did you work on this week?',
        'Plans?',
        'What might delay your planned work?',
      ]);
      expect(inForm(el, '[data-code="conflict"]')).to.equal(null);
    });
  });
});
