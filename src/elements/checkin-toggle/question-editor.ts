import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { LIMITS } from '../../limits.js';
import { QUESTION_PURPOSES } from '../../model.js';
import {
  purposeLabel,
  type QuestionDraft,
  type QuestionField,
  type QuestionsAction,
  type QuestionsErrors,
} from './question-draft.js';

export interface QuestionEditorProps {
  draft: readonly QuestionDraft[];
  /** The messages shown now (touched fields, or all after a save attempt). */
  errors: QuestionsErrors;
  /** The aria-level of the editor's heading. */
  level: string;
  /** The contract's title as shown, for the form's landmark name. */
  title: string;
  /** The talent's first name, for the hint. */
  talent: string;
  saving: boolean;
  /** A write is in flight (this one or another): saving is not offered. */
  blocked: boolean;
  dirty: boolean;
  /** A failure or conflict notice shown above the buttons. */
  notice: TemplateResult | typeof nothing;
  onAction: (action: QuestionsAction) => void;
  onAdd: () => void;
  onSave: (event: Event) => void;
  onDiscard: () => void;
}

/** The element id of a question's field or button. */
export const fieldId = (id: string, part: QuestionField | 'required' | 'up' | 'down' | 'remove') => `q-${id}-${part}`;

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || nothing;

/**
 * The client's question editor: one fieldset per question (prompt, required, answer limit,
 * quick answers, purpose) with Move up / Move down / Remove, then Add and Save. Inline messages
 * sit under their fields (`aria-describedby`, `aria-invalid`).
 */
export function renderQuestionEditor(props: QuestionEditorProps): TemplateResult {
  const { draft, errors, saving, blocked } = props;
  const count = draft.length;
  const full = count >= LIMITS.questions;
  return html`<form
    class="questions-editor"
    part="questions-editor"
    novalidate
    aria-label=${msg(str`Questions for ${props.title}`)}
    aria-busy=${saving ? 'true' : 'false'}
    @submit=${props.onSave}
  >
    <div id="questions-title" class="h3" role="heading" aria-level=${props.level}>${msg('Questions')}</div>
    <p class="muted">
      ${msg(str`What ${props.talent} is asked each week, in this order: 1 to ${LIMITS.questions} questions.`)}
    </p>
    <ol class="question-list">
      ${draft.map((q, index) => renderQuestion(q, index, props, errors.fields[q.id] ?? {}))}
    </ol>
    <div class="actions">
      <button type="button" id="add-question" aria-disabled=${full || blocked ? 'true' : 'false'} aria-describedby=${describedBy(full && 'questions-full')} @click=${props.onAdd}>
        ${msg('Add a question')}
      </button>
      ${full ? html`<span id="questions-full" class="muted">${msg(str`${LIMITS.questions} questions is the most.`)}</span>` : nothing}
    </div>
    ${props.notice}
    <div class="actions">
      <button type="submit" class="primary" aria-disabled=${blocked ? 'true' : 'false'}>
        ${saving ? msg('Saving…') : msg('Save questions')}
      </button>
      ${props.dirty && !saving
        ? html`<button type="button" @click=${props.onDiscard}>${msg('Discard question changes')}</button>`
        : nothing}
    </div>
  </form>`;
}

function renderQuestion(
  q: QuestionDraft,
  index: number,
  props: QuestionEditorProps,
  errors: Partial<Record<QuestionField, string>>,
): TemplateResult {
  const count = props.draft.length;
  const id = (part: Parameters<typeof fieldId>[1]) => fieldId(q.id, part);
  const set = (field: QuestionField) => (e: Event) =>
    props.onAction({ type: 'set', id: q.id, field, value: (e.target as HTMLInputElement).value });
  const error = (field: QuestionField) =>
    errors[field]
      ? html`<p id=${`${id(field)}-error`} class="field-error" part="field-error">${errors[field]}</p>`
      : nothing;
  const invalid = (field: QuestionField) => (errors[field] ? 'true' : 'false');
  return html`<li class="question" part="question">
    <fieldset class="field">
      <legend>${msg(str`Question ${index + 1} of ${count}`)}</legend>
      <div class="field" part="field">
        <label for=${id('prompt')}>${msg('Question')}</label>
        <input
          id=${id('prompt')}
          type="text"
          dir="auto"
          .value=${live(q.prompt)}
          aria-invalid=${invalid('prompt')}
          aria-describedby=${describedBy(errors.prompt && `${id('prompt')}-error`)}
          @input=${set('prompt')}
        />
        ${error('prompt')}
      </div>
      <label class="check">
        <input
          id=${id('required')}
          type="checkbox"
          .checked=${live(q.required)}
          @change=${(e: Event) =>
            props.onAction({ type: 'required', id: q.id, value: (e.target as HTMLInputElement).checked })}
        />
        ${msg('An answer is required')}
      </label>
      <div class="field" part="field">
        <label for=${id('maxLength')}>${msg('Answer limit (characters)')}</label>
        <input
          id=${id('maxLength')}
          type="number"
          inputmode="numeric"
          min="1"
          max=${LIMITS.answer}
          .value=${live(q.maxLength)}
          aria-invalid=${invalid('maxLength')}
          aria-describedby=${describedBy(errors.maxLength && `${id('maxLength')}-error`)}
          @input=${set('maxLength')}
        />
        ${error('maxLength')}
      </div>
      <div class="field" part="field">
        <label for=${id('quickAnswers')}>${msg('Quick answers')}</label>
        <textarea
          id=${id('quickAnswers')}
          rows="2"
          dir="auto"
          .value=${live(q.quickAnswers)}
          aria-invalid=${invalid('quickAnswers')}
          aria-describedby=${describedBy(`${id('quickAnswers')}-hint`, errors.quickAnswers && `${id('quickAnswers')}-error`)}
          @input=${set('quickAnswers')}
        ></textarea>
        <span id=${`${id('quickAnswers')}-hint`} class="hint muted">
          ${msg(
            str`Separated by commas, or one per line; up to ${LIMITS.quickAnswers}, each up to ${LIMITS.quickAnswer} characters.`,
          )}
        </span>
        ${error('quickAnswers')}
      </div>
      <div class="field" part="field">
        <label for=${id('purpose')}>${msg('Purpose')}</label>
        <select
          id=${id('purpose')}
          .value=${live(q.purpose)}
          aria-invalid=${invalid('purpose')}
          aria-describedby=${describedBy(errors.purpose && `${id('purpose')}-error`)}
          @change=${set('purpose')}
        >
          ${(['', ...QUESTION_PURPOSES] as const).map(
            (p) => html`<option value=${p} ?selected=${q.purpose === p}>${purposeLabel(p)}</option>`,
          )}
        </select>
        ${error('purpose')}
      </div>
      <div class="actions">
        <button
          type="button"
          id=${id('up')}
          aria-disabled=${index === 0 ? 'true' : 'false'}
          @click=${() => props.onAction({ type: 'move', id: q.id, by: -1 })}
        >
          ${msg('Move up')}
        </button>
        <button
          type="button"
          id=${id('down')}
          aria-disabled=${index === count - 1 ? 'true' : 'false'}
          @click=${() => props.onAction({ type: 'move', id: q.id, by: 1 })}
        >
          ${msg('Move down')}
        </button>
        <button
          type="button"
          id=${id('remove')}
          aria-disabled=${count <= 1 ? 'true' : 'false'}
          @click=${() => props.onAction({ type: 'remove', id: q.id })}
        >
          ${msg('Remove')}
        </button>
      </div>
    </fieldset>
  </li>`;
}
