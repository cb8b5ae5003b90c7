/**
 * Pure helpers about questions and answers, shared by the form, the thread, the export and the
 * memory adapter: which question serves which purpose, and when an answer is a quick answer.
 */
import type { Checkin, Question, QuestionPurpose } from './model.js';

/**
 * The first question with this purpose, if any. Questions from a backend that predates
 * purposes (none carries one) keep working: the default question with that id serves it.
 */
export function questionFor(questions: readonly Question[], purpose: QuestionPurpose): Question | undefined {
  const tagged = questions.find((question) => question.purpose === purpose);
  if (tagged || questions.some((question) => question.purpose)) return tagged;
  return questions.find((question) => question.id === purpose);
}

// Case, surrounding whitespace and punctuation do not make a different answer: "None.",
// " none ", "N/A", "n/a." are the same as "None" / "N/A".
const EDGE = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;
const normalise = (text: string) =>
  text.normalize('NFKC').replace(EDGE, '').replace(/\s+/g, ' ').toLocaleLowerCase('en');
const NONE_WORDS = new Set(['none', 'n/a', 'na', 'nothing', 'no', 'nope', 'nil']);

/**
 * True when `text` is one of the question's quick answers, matched loosely. Where a quick answer
 * means "nothing to report" (None, N/A, Nothing), any of those words counts as it too.
 */
export function isQuickAnswer(text: string, quickAnswers: readonly string[]): boolean {
  const said = normalise(text);
  if (!said) return false;
  const offered = quickAnswers.map(normalise);
  if (offered.includes(said)) return true;
  const slashless = said.replace(/\//g, '');
  return offered.some((o) => NONE_WORDS.has(o)) && (NONE_WORDS.has(said) || NONE_WORDS.has(slashless));
}

/** The check-in's answer to its blockers question when it is a real blocker, else null. */
export function blockerAnswer(
  checkin: Pick<Checkin, 'answers'>,
  questions: readonly Question[],
): { questionId: string; text: string } | null {
  const question = questionFor(questions, 'blockers');
  if (!question || !checkin.answers) return null;
  const answer = checkin.answers.find((a) => a.questionId === question.id);
  if (!answer || !answer.text.trim() || isQuickAnswer(answer.text, question.quickAnswers)) {
    return null;
  }
  return answer;
}
