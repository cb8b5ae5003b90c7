/**
 * Shape checks of what people send the memory backend (questions, answers, texts), against
 * the limits of `limits.ts`. Pure: each returns the value to store or throws `invalid` with a
 * message a person can act on. Text is stored as typed; "blank" means empty after trimming
 * whitespace, and only decides whether a required text is there.
 */
import { LIMITS } from '../limits.js';
import { HEALTH_VALUES, QUESTION_PURPOSES } from '../model.js';
import type { Answer, Health, Question } from '../model.js';
import type { AnswersInput } from './adapter.js';
import { fail } from './memory-data.js';

const isBlank = (text: string) => !text.trim();

/** The questions to store, or `invalid` naming the first question that breaks a limit. */
export function checkQuestions(value: unknown): Question[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > LIMITS.questions) {
    throw fail('invalid', `There must be between 1 and ${LIMITS.questions} questions.`);
  }
  const seen = { ids: new Set<string>(), purposes: new Set<string>() };
  return value.map((raw: Partial<Question> | null, index) => checkQuestion(raw, index + 1, seen));
}

/** Question `n` as stored; `seen` gathers ids and purposes so that neither repeats. */
function checkQuestion(
  raw: Partial<Question> | null,
  n: number,
  seen: { ids: Set<string>; purposes: Set<string> },
): Question {
  if (!raw || typeof raw !== 'object') throw fail('invalid', `Question ${n} is not a question.`);
  const id = typeof raw.id === 'string' ? raw.id : '';
  if (isBlank(id) || id !== id.trim() || id.length > LIMITS.questionId) {
    throw fail('invalid', `Question ${n} needs an id of 1 to ${LIMITS.questionId} characters.`);
  }
  if (seen.ids.has(id)) throw fail('invalid', `Two questions have the id "${id}"; ids must be unique.`);
  seen.ids.add(id);
  const prompt = typeof raw.prompt === 'string' ? raw.prompt : '';
  if (isBlank(prompt) || prompt.length > LIMITS.prompt) {
    throw fail('invalid', `Question ${n} needs a prompt of 1 to ${LIMITS.prompt} characters.`);
  }
  if (typeof raw.required !== 'boolean') {
    throw fail('invalid', `Question ${n} must say whether it is required (true or false).`);
  }
  const max = raw.maxLength;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > LIMITS.answer) {
    throw fail('invalid', `The answer limit of question ${n} must be a whole number from 1 to ${LIMITS.answer}.`);
  }
  const quick = raw.quickAnswers ?? [];
  if (
    !Array.isArray(quick) ||
    quick.length > LIMITS.quickAnswers ||
    quick.some((q) => typeof q !== 'string' || isBlank(q) || q.length > LIMITS.quickAnswer)
  ) {
    throw fail(
      'invalid',
      `Question ${n} may have up to ${LIMITS.quickAnswers} quick answers of 1 to ${LIMITS.quickAnswer} characters.`,
    );
  }
  const purpose = raw.purpose ?? null;
  if (purpose !== null && !QUESTION_PURPOSES.includes(purpose)) {
    throw fail('invalid', `The purpose of question ${n} must be one of ${QUESTION_PURPOSES.join(', ')}.`);
  }
  if (purpose !== null && seen.purposes.has(purpose)) {
    throw fail('invalid', `Only one question can have the purpose "${purpose}".`);
  }
  if (purpose !== null) seen.purposes.add(purpose);
  return { id, prompt, required: raw.required, maxLength: max, quickAnswers: [...quick], purpose };
}

/** The answers to store, in the order the questions are asked, and the health. */
export function checkAnswers(input: AnswersInput, questions: Question[]): { answers: Answer[]; health: Health | null } {
  if (!input || typeof input !== 'object' || !Array.isArray(input.answers)) {
    throw fail('invalid', 'The answers must be a list.');
  }
  const given = new Map<string, string>();
  for (const answer of input.answers as unknown[]) {
    const { questionId, text } = (answer ?? {}) as Partial<Answer>;
    if (typeof questionId !== 'string' || typeof text !== 'string') {
      throw fail('invalid', 'Each answer needs a question id and a text.');
    }
    const question = questions.find((q) => q.id === questionId);
    if (!question) throw fail('invalid', `There is no question "${questionId}" in this check-in.`);
    if (given.has(questionId)) throw fail('invalid', `"${question.prompt}" was answered twice.`);
    if (text.length > question.maxLength) {
      throw fail('invalid', `The answer to "${question.prompt}" is longer than ${question.maxLength} characters.`);
    }
    given.set(questionId, text);
  }
  for (const question of questions) {
    if (question.required && isBlank(given.get(question.id) ?? '')) {
      throw fail('invalid', `Please answer "${question.prompt}".`);
    }
  }
  const health = input.health ?? null;
  if (health !== null && !HEALTH_VALUES.includes(health)) {
    throw fail('invalid', `The health must be one of ${HEALTH_VALUES.join(', ')}.`);
  }
  // A blank answer to an optional question is stored empty; any other text as typed.
  const answers = questions
    .filter((q) => given.has(q.id))
    .map((q) => ({ questionId: q.id, text: isBlank(given.get(q.id)!) ? '' : given.get(q.id)! }));
  return { answers, health };
}

/**
 * An optional text (a skip note, a request's message): stored as typed, null when blank;
 * `invalid` when longer than `limit`.
 */
export function optionalText(value: unknown, limit: number, what: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > limit) {
    throw fail('invalid', `${what} can be at most ${limit} characters.`);
  }
  return isBlank(value) ? null : value;
}

/** A required text (a reply): stored as typed; `invalid` when blank or longer than `limit`. */
export function requiredText(value: unknown, limit: number, what: string): string {
  if (typeof value !== 'string' || isBlank(value) || value.length > limit) {
    throw fail('invalid', `${what} needs 1 to ${limit} characters.`);
  }
  return value;
}
