import { expect } from '@open-wc/testing';
import { DEFAULT_QUESTIONS, type Question } from '../src/model.js';
import { blockerAnswer, isQuickAnswer, questionFor } from '../src/questions.js';

const NONE = ['None'];

describe('isQuickAnswer: a quick answer matches loosely', () => {
  const cases: Array<[text: string, offered: string[], expected: boolean]> = [
    ['None', NONE, true],
    ['none', NONE, true],
    ['None.', NONE, true],
    ['  none  ', NONE, true],
    ['NONE!', NONE, true],
    ['N/A', NONE, true],
    ['n/a.', NONE, true],
    ['na', NONE, true],
    ['Nothing', NONE, true],
    ['nothing.', NONE, true],
    ['Ｎｏｎｅ', NONE, true],
    ['None yet, but the API keys are late', NONE, false],
    ['Waiting on API keys', NONE, false],
    ['', NONE, false],
    ['...', NONE, false],
    ['Nothing', ['Waiting on review'], false],
    ['waiting on review.', ['Waiting on review'], true],
    ['None', [], false],
  ];
  for (const [text, offered, expected] of cases) {
    it(`${JSON.stringify(text)} with ${JSON.stringify(offered)} -> ${expected}`, () => {
      expect(isQuickAnswer(text, offered)).to.equal(expected);
    });
  }
});

describe('questionFor: purposes, not positions', () => {
  it('finds the question by purpose wherever it is', () => {
    const reordered = [DEFAULT_QUESTIONS[2]!, DEFAULT_QUESTIONS[0]!, DEFAULT_QUESTIONS[1]!];
    expect(questionFor(reordered, 'blockers')?.id).to.equal('blockers');
    expect(questionFor(reordered, 'done')?.id).to.equal('done');
  });

  it('a list that uses purposes but has no blockers question has none', () => {
    const questions: Question[] = [
      { ...DEFAULT_QUESTIONS[0]! },
      {
        id: 'q-risk',
        prompt: 'Anything else?',
        required: false,
        maxLength: 500,
        quickAnswers: ['None'],
        purpose: null,
      },
    ];
    expect(questionFor(questions, 'blockers')).to.equal(undefined);
  });

  it('questions from a backend without purposes fall back to the default ids', () => {
    const bare = DEFAULT_QUESTIONS.map(({ purpose: _purpose, ...q }) => q);
    expect(questionFor(bare, 'next')?.id).to.equal('next');
  });
});

describe('blockerAnswer', () => {
  const answers = (blockers: string) => ({
    answers: [
      { questionId: 'done', text: 'Login page' },
      { questionId: 'blockers', text: blockers },
    ],
  });

  it('is null for a quick answer however it is written, and for no answer', () => {
    for (const text of ['None', 'none.', 'N/A', ' ', '']) {
      expect(blockerAnswer(answers(text), DEFAULT_QUESTIONS), text).to.equal(null);
    }
    expect(blockerAnswer({ answers: null }, DEFAULT_QUESTIONS)).to.equal(null);
  });

  it('is the answer when it is real text', () => {
    expect(blockerAnswer(answers('Waiting on API keys'), DEFAULT_QUESTIONS)?.text).to.equal('Waiting on API keys');
  });
});
