import { msg, str } from '@lit/localize';
import { LIMITS } from '../../limits.js';
import { QUESTION_PURPOSES, type Question, type QuestionPurpose } from '../../model.js';
import { shortText } from '../shared.js';

/**
 * What the question editor holds while the client types: raw field values (an emptied limit or
 * a half-typed list of quick answers must survive re-renders), turned into `Question`s only
 * when valid. `id` is the question's identity (kept through edits and moves, so answers
 * already given stay attached to it).
 */
export interface QuestionDraft {
  id: string;
  prompt: string;
  required: boolean;
  /** The answer limit as typed. */
  maxLength: string;
  /** Quick answers as typed: separated by commas, or one per line. */
  quickAnswers: string;
  purpose: QuestionPurpose | '';
}

export type QuestionField = 'prompt' | 'maxLength' | 'quickAnswers' | 'purpose';

/** The element id of a question's field or button. */
export const fieldId = (id: string, part: QuestionField | 'required' | 'up' | 'down' | 'remove') => `q-${id}-${part}`;

export type QuestionsAction =
  | { type: 'add'; id: string }
  | { type: 'remove'; id: string }
  | { type: 'move'; id: string; by: -1 | 1 }
  | { type: 'set'; id: string; field: QuestionField; value: string }
  | { type: 'required'; id: string; value: boolean };

export interface QuestionsErrors {
  /** Per question id, per field: the inline message. */
  fields: Record<string, Partial<Record<QuestionField, string>>>;
}

/** The editor's starting point: saved questions as field values. */
export function questionsDraftOf(questions: readonly Question[]): QuestionDraft[] {
  return questions.map((q) => ({
    id: q.id,
    prompt: q.prompt,
    required: q.required,
    maxLength: String(q.maxLength),
    quickAnswers: q.quickAnswers.join('\n'),
    purpose: q.purpose ?? '',
  }));
}

/**
 * The quick answers in what was typed: one per line when there is more than one line (so a
 * quick answer may hold a comma), else separated by commas. Blank entries are dropped.
 */
export function parseQuickAnswers(text: string): string[] {
  const parts = /[\r\n]/.test(text.trim()) ? text.split(/\r?\n|\r/) : text.split(',');
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The draft after one edit; an edit the limits forbid (an 11th question, removing the last, moving past an end) changes nothing. */
export function reduceQuestions(draft: readonly QuestionDraft[], action: QuestionsAction): QuestionDraft[] {
  const index = draft.findIndex((q) => q.id === action.id);
  switch (action.type) {
    case 'add':
      if (draft.length >= LIMITS.questions || index !== -1) return [...draft];
      return [
        ...draft,
        { id: action.id, prompt: '', required: false, maxLength: '500', quickAnswers: '', purpose: '' },
      ];
    case 'remove':
      if (index === -1 || draft.length <= 1) return [...draft];
      return draft.filter((q) => q.id !== action.id);
    case 'move': {
      const to = index + action.by;
      if (index === -1 || to < 0 || to >= draft.length) return [...draft];
      const next = [...draft];
      [next[index], next[to]] = [next[to]!, next[index]!];
      return next;
    }
    case 'set':
      if (index === -1) return [...draft];
      return draft.map((q, i) => (i === index ? { ...q, [action.field]: action.value } : q));
    case 'required':
      if (index === -1) return [...draft];
      return draft.map((q, i) => (i === index ? { ...q, required: action.value } : q));
  }
}

/** The people's name of a purpose, as the editor's select says it. */
export function purposeLabel(purpose: QuestionPurpose | ''): string {
  switch (purpose) {
    case 'done':
      return msg('What was done (filled from last week’s plan)');
    case 'next':
      return msg('The plan for next week');
    case 'blockers':
      return msg('What might delay the work (highlighted for you)');
    default:
      return msg('None');
  }
}

/** Inline messages for every bad field, within `LIMITS`; no entries when the draft can be saved. */
export function validateQuestions(draft: readonly QuestionDraft[]): QuestionsErrors {
  const fields: QuestionsErrors['fields'] = {};
  const seen = new Set<string>();
  for (const q of draft) {
    const errors: Partial<Record<QuestionField, string>> = {};
    if (!q.prompt.trim()) errors.prompt = msg('Enter the question.');
    else if (q.prompt.length > LIMITS.prompt) {
      errors.prompt = msg(
        str`A question can have at most ${LIMITS.prompt} characters; this one has ${q.prompt.length}.`,
      );
    }
    const limit = Number(q.maxLength.trim());
    if (!/^\d+$/.test(q.maxLength.trim()) || limit < 1 || limit > LIMITS.answer) {
      errors.maxLength = msg(str`Enter a whole number from 1 to ${LIMITS.answer}.`);
    }
    const quick = parseQuickAnswers(q.quickAnswers);
    const long = quick.find((a) => a.length > LIMITS.quickAnswer);
    if (quick.length > LIMITS.quickAnswers) {
      errors.quickAnswers = msg(str`At most ${LIMITS.quickAnswers} quick answers; there are ${quick.length}.`);
    } else if (long !== undefined) {
      errors.quickAnswers = msg(
        str`"${shortText(long)}" has ${long.length} characters; a quick answer can have at most ${LIMITS.quickAnswer}.`,
      );
    }
    if (q.purpose) {
      if (seen.has(q.purpose)) {
        errors.purpose = msg(
          str`Another question is already "${purposeLabel(q.purpose)}". Each purpose can be used once.`,
        );
      }
      seen.add(q.purpose);
    }
    if (Object.keys(errors).length) fields[q.id] = errors;
  }
  return { fields };
}

/** The draft as `Question`s, or null while any field is invalid. */
export function questionsOf(draft: readonly QuestionDraft[]): Question[] | null {
  if (Object.keys(validateQuestions(draft).fields).length) return null;
  if (draft.length < 1 || draft.length > LIMITS.questions) return null;
  return draft.map((q) => ({
    id: q.id,
    prompt: q.prompt,
    required: q.required,
    maxLength: Number(q.maxLength.trim()),
    quickAnswers: parseQuickAnswers(q.quickAnswers),
    purpose: QUESTION_PURPOSES.includes(q.purpose as QuestionPurpose) ? (q.purpose as QuestionPurpose) : null,
  }));
}

/** True when the draft would change the saved questions. */
export function questionsDiffer(draft: readonly QuestionDraft[], saved: readonly Question[]): boolean {
  return JSON.stringify(draft) !== JSON.stringify(questionsDraftOf(saved));
}

/** An id no question in `draft` has. */
export function newQuestionId(draft: readonly QuestionDraft[], seed: number): string {
  let n = seed;
  let id = `q-${n.toString(36)}`;
  while (draft.some((q) => q.id === id)) id = `q-${(++n).toString(36)}`;
  return id;
}
