import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { LIMITS } from '../../../limits.js';
import { QUESTION_PURPOSES } from '../../../model.js';
import {
  fieldId,
  purposeLabel,
  type QuestionDraft,
  type QuestionField,
  type QuestionsAction,
  type QuestionsErrors,
} from '../question-draft.js';
import { describedBy, renderFieldError } from './parts.js';

export { fieldId } from '../question-draft.js';

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
  notice: unknown;
  onAction: (action: QuestionsAction) => void;
  onAdd: () => void;
  onSave: (event: Event) => void;
  onDiscard: () => void;
}

/**
 * The client's question editor: one fieldset per question (prompt, required, answer limit,
 * quick answers, purpose) with Move up / Move down / Remove, then Add and Save. Inline messages
 * sit under their fields (`aria-describedby`, `aria-invalid`).
 */
export function renderQuestionEditor(props: QuestionEditorProps): TemplateResult {
  const { draft, errors, saving, blocked } = props;
  const full = draft.length >= LIMITS.questions;
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
      ${draft.map((question, index) => renderQuestion({ ...props, question, index, errors: errors.fields[question.id] ?? {} }))}
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
      ${
        props.dirty && !saving
          ? html`<button type="button" @click=${props.onDiscard}>${msg('Discard question changes')}</button>`
          : nothing
      }
    </div>
  </form>`;
}

/** One question of the editor, its messages and its place in the list. */
interface QuestionProps extends Pick<QuestionEditorProps, 'draft' | 'onAction'> {
  question: QuestionDraft;
  index: number;
  errors: Partial<Record<QuestionField, string>>;
}

function renderQuestion(props: QuestionProps): TemplateResult {
  const { question: q, index, onAction } = props;
  const count = props.draft.length;
  return html`<li class="question" part="question">
    <fieldset class="field">
      <legend>${msg(str`Question ${index + 1} of ${count}`)}</legend>
      ${renderQuestionField({ ...props, field: 'prompt', label: msg('Question') })}
      <label class="check">
        <input
          id=${fieldId(q.id, 'required')}
          type="checkbox"
          .checked=${live(q.required)}
          @change=${(e: Event) => onAction({ type: 'required', id: q.id, value: (e.target as HTMLInputElement).checked })}
        />
        ${msg('An answer is required')}
      </label>
      ${renderQuestionField({ ...props, field: 'maxLength', label: msg('Answer limit (characters)') })}
      ${renderQuestionField({
        ...props,
        field: 'quickAnswers',
        label: msg('Quick answers'),
        hint: msg(
          str`Separated by commas, or one per line; up to ${LIMITS.quickAnswers}, each up to ${LIMITS.quickAnswer} characters.`,
        ),
      })}
      ${renderQuestionField({ ...props, field: 'purpose', label: msg('Purpose') })}
      <div class="actions">
        ${renderMoveButton({ ...props, part: 'up', disabled: index === 0, label: msg('Move up') })}
        ${renderMoveButton({ ...props, part: 'down', disabled: index === count - 1, label: msg('Move down') })}
        ${renderMoveButton({ ...props, part: 'remove', disabled: count <= 1, label: msg('Remove') })}
      </div>
    </fieldset>
  </li>`;
}

interface QuestionFieldProps extends QuestionProps {
  field: QuestionField;
  label: string;
  /** Said under the control (`…-hint`, which describes it). */
  hint?: string;
}

/** One labelled field of a question: its control, hint and inline message. */
function renderQuestionField(props: QuestionFieldProps): TemplateResult {
  const id = fieldId(props.question.id, props.field);
  const error = props.errors[props.field];
  return html`<div class="field" part="field">
    <label for=${id}>${props.label}</label>
    ${renderQuestionControl(props)}
    ${
      props.hint === undefined
        ? nothing
        : html`<span id=${`${id}-hint`} class="hint muted">
          ${props.hint}
        </span>`
    }
    ${renderFieldError({ id: `${id}-error`, text: error })}
  </div>`;
}

/** The control of a question field: a text, number, text area or select. */
function renderQuestionControl({ question: q, field, errors, hint, onAction }: QuestionFieldProps): TemplateResult {
  const id = fieldId(q.id, field);
  const invalid = errors[field] ? 'true' : 'false';
  const described = describedBy(hint !== undefined && `${id}-hint`, errors[field] && `${id}-error`);
  const set = (e: Event) => onAction({ type: 'set', id: q.id, field, value: (e.target as HTMLInputElement).value });
  switch (field) {
    case 'prompt':
      return html`<input id=${id} type="text" dir="auto" .value=${live(q.prompt)} aria-invalid=${invalid} aria-describedby=${described} @input=${set} />`;
    case 'maxLength':
      return html`<input
        id=${id}
        type="number"
        inputmode="numeric"
        min="1"
        max=${LIMITS.answer}
        .value=${live(q.maxLength)}
        aria-invalid=${invalid}
        aria-describedby=${described}
        @input=${set}
      />`;
    case 'quickAnswers':
      return html`<textarea id=${id} rows="2" dir="auto" .value=${live(q.quickAnswers)} aria-invalid=${invalid} aria-describedby=${described} @input=${set}></textarea>`;
    case 'purpose':
      return html`<select id=${id} .value=${live(q.purpose)} aria-invalid=${invalid} aria-describedby=${described} @change=${set}>
        ${(['', ...QUESTION_PURPOSES] as const).map(
          (p) => html`<option value=${p} ?selected=${q.purpose === p}>${purposeLabel(p)}</option>`,
        )}
      </select>`;
  }
}

/** Move up, Move down or Remove: unusable (not hidden) at the ends of the list. */
function renderMoveButton(
  props: QuestionProps & { part: 'up' | 'down' | 'remove'; disabled: boolean; label: string },
): TemplateResult {
  const { question: q, part, onAction } = props;
  const action: QuestionsAction =
    part === 'remove' ? { type: 'remove', id: q.id } : { type: 'move', id: q.id, by: part === 'up' ? -1 : 1 };
  return html`<button type="button" id=${fieldId(q.id, part)} aria-disabled=${props.disabled ? 'true' : 'false'} @click=${() => onAction(action)}>
    ${props.label}
  </button>`;
}
