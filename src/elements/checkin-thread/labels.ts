import { msg, str } from '@lit/localize';
import type { Checkin, CheckinStatus, Question } from '../../model.js';
import { blockerAnswer } from '../../questions.js';

// Words shared by the on-screen thread and the exports, so that a status reads the same in
// the page, the Markdown file and the spreadsheet.

/** The status in words (the chip never relies on colour alone). */
export function statusLabel(status: CheckinStatus): string {
  switch (status) {
    case 'open':
      return msg('Open');
    case 'answered':
      return msg('Answered');
    case 'late':
      return msg('Late');
    case 'missed':
      return msg('Missed');
    case 'skipped':
      return msg('Skipped');
    case 'closed':
      return msg('Closed');
  }
}

/**
 * "Weekly check-in", or "Update requested by Dana Whitfield": always in a person's name (the
 * full one unless `name` gives the shortened one shown on screen).
 */
export function kindLabel(checkin: Checkin, name = checkin.requestedBy.name): string {
  return checkin.kind === 'requested' ? msg(str`Update requested by ${name}`) : msg('Weekly check-in');
}

/** The prompt of the question an answer belongs to, or a generic label for a removed one. */
export function questionLabel(questions: readonly Question[], questionId: string): string {
  return questions.find((q) => q.id === questionId)?.prompt ?? msg('Answer to an earlier question');
}

/**
 * True when the answer to the `blockers` question is real text rather than one of its quick
 * answers ("None", matched loosely: "none.", "N/A").
 */
export function hasBlocker(checkin: Checkin, questions: readonly Question[]): boolean {
  return blockerAnswer(checkin, questions) !== null;
}

/** Answers in question order, then answers to questions that no longer exist. */
export function orderedAnswers(
  checkin: Checkin,
  questions: readonly Question[],
): { questionId: string; label: string; text: string }[] {
  const answers = checkin.answers ?? [];
  const known = questions
    .map((q) => answers.find((a) => a.questionId === q.id))
    .filter((a): a is NonNullable<typeof a> => !!a);
  const unknown = answers.filter((a) => !questions.some((q) => q.id === a.questionId));
  return [...known, ...unknown].map((a) => ({
    questionId: a.questionId,
    label: questionLabel(questions, a.questionId),
    text: a.text,
  }));
}
