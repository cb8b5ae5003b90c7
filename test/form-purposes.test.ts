// Rule 5 in the form: "copy last week's plan" follows the questions' purposes, not positions,
// and quick answers match loosely.
import { expect } from '@open-wc/testing';
import { DEFAULT_QUESTIONS, type Question } from '../src/model.js';
import { $, $$, cleanStorage, fields, mount, text, typeInto, world, type World } from './form-helpers.js';

const LAST_WEEKS_PLAN = 'Team roles, then the release checklist with QA.';
const [DONE, NEXT, BLOCKERS] = DEFAULT_QUESTIONS.map((q) => ({ ...q, quickAnswers: [...q.quickAnswers] })) as [
  Question,
  Question,
  Question,
];

async function setQuestions(w: World, questions: Question[]): Promise<void> {
  const { version } = await w.client.getSettings('c-atlas');
  await w.client.updateSettings(
    'c-atlas',
    { questions },
    { expectedVersion: version, idempotencyKey: `k-q-${Math.random()}` },
  );
}

const labels = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part~="question"] label span[dir]')].map((l) => text(l));
const copyButtons = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="copy-plan"]')];

describe('<checkin-form> question purposes (rule 5)', () => {
  beforeEach(cleanStorage);
  afterEach(cleanStorage);

  it("offers last week's plan on the question about what was done, wherever the client put it", async () => {
    const w = world();
    await setQuestions(w, [BLOCKERS, NEXT, DONE]);
    const el = await mount(w.talent);
    expect(labels(el)).to.deep.equal([BLOCKERS.prompt, NEXT.prompt, DONE.prompt]);
    const buttons = copyButtons(el);
    expect(buttons).to.have.length(1);
    expect(buttons[0]!.closest('[part~="question"]')?.getAttribute('data-question')).to.equal('done');
    buttons[0]!.click();
    await el.updateComplete;
    expect(fields(el).map((f) => f.value)).to.deep.equal(['', '', LAST_WEEKS_PLAN]);
    await expect(el).to.be.accessible();
  });

  it("copies from last week's answer to the question about what is next, not from the second question", async () => {
    const w = world();
    // A new plain question second: position 1 is no longer the plan.
    const extra: Question = {
      id: 'demo',
      prompt: 'Anything to demo?',
      required: false,
      maxLength: 300,
      quickAnswers: [],
      purpose: null,
    };
    await setQuestions(w, [DONE, extra, NEXT, BLOCKERS]);
    const el = await mount(w.talent);
    copyButtons(el)[0]!.click();
    await el.updateComplete;
    expect(fields(el)[0]!.value).to.equal(LAST_WEEKS_PLAN);
  });

  it('offers no copy when no question is about what was done', async () => {
    const w = world();
    const plain = { ...DONE, id: 'summary', purpose: null };
    await setQuestions(w, [plain, NEXT, BLOCKERS]);
    const el = await mount(w.talent);
    expect(labels(el)[0]).to.equal(DONE.prompt);
    expect(copyButtons(el)).to.have.length(0);
  });

  it('fills a quick answer over the same answer typed loosely ("none.") without asking', async () => {
    const w = world();
    const el = await mount(w.talent);
    await typeInto(el, 2, '  none. ');
    $$<HTMLButtonElement>(el, '[part~="quick-answer"]')[0]!.click();
    await el.updateComplete;
    expect(Boolean($(el, '[part~="fill-confirm"]'))).to.equal(false);
    expect(fields(el)[2]!.value).to.equal('None');
  });

  it('still asks before a quick answer replaces a real answer', async () => {
    const w = world();
    const el = await mount(w.talent);
    await typeInto(el, 2, 'Waiting for the API keys.');
    $$<HTMLButtonElement>(el, '[part~="quick-answer"]')[0]!.click();
    await el.updateComplete;
    expect(text($(el, '[part~="fill-confirm"] p'))).to.equal('This answer already has text. What should happen to it?');
    expect(fields(el)[2]!.value).to.equal('Waiting for the API keys.');
  });
});
