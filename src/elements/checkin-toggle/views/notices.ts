import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Party, Settings } from '../../../model.js';
import { cantSaveText, editConflictWords, type Changer, type EditConflictFacts } from '../conflict.js';
import type { ScheduleDraft } from '../schedule-draft.js';
import type { ViewerTerms } from '../words.js';
import { ariaLevel } from './parts.js';

/** The switch or consent conflict notice, once the refused write is settled. */
export function renderSwitchConflict({ heading, text }: { heading: string; text: string }): TemplateResult {
  return html`<div class="notice error" role="alert" part="error" data-code="conflict">
    <strong>${heading}</strong>
    <p>${text}</p>
  </div>`;
}

export interface EditConflictProps {
  conflict: EditConflictFacts;
  who: Changer;
  /** False when no editor is shown (check-ins off and not offered): the notice says why not. */
  canSave: boolean;
  talent: Party;
  /** The kept edits (said when they can't be saved, so they are not lost). */
  draft?: ScheduleDraft;
  terms: ViewerTerms;
  level: number;
  onSaveMine: () => void;
  onUseTheirs: () => void;
}

/**
 * The notice after a conflict on the client's schedule edits: who changed the settings, their
 * version in the viewer's terms, and the two ways on. The edits stay in the fields meanwhile.
 */
export function renderEditConflict(props: EditConflictProps): TemplateResult {
  const { conflict, canSave, terms } = props;
  const { theirs } = conflict;
  const { heading, lines, closing, useLabel } = editConflictWords(conflict, props.who, canSave, props.talent, terms);
  return html`<div
    class="notice error conflict"
    role="alert"
    part="error conflict"
    data-code="conflict"
    aria-labelledby="conflict-title"
  >
    <div id="conflict-title" class="h4" role="heading" aria-level=${ariaLevel(props.level, canSave ? 2 : 1)} tabindex="-1">
      ${heading}
    </div>
    ${lines.map((line) => html`<p>${line}</p>`)}
    <p>${closing ?? (theirs && cantSaveText(theirs, props.draft, terms))}</p>
    ${
      theirs
        ? html`<div class="actions">
          ${
            canSave
              ? html`<button type="button" class="primary" @click=${props.onSaveMine}>
                ${msg('Save my version')}
              </button>`
              : nothing
          }
          <button type="button" @click=${props.onUseTheirs}>
            ${useLabel}
          </button>
        </div>`
        : nothing
    }
  </div>`;
}

export interface QuestionsConflictProps {
  base: Settings;
  theirs?: Settings;
  who: Changer;
  talent: Party;
  terms: ViewerTerms;
  level: number;
  onSaveMine: () => void;
  onUseTheirs: () => void;
}

/** After a conflict on question edits: who changed the settings, their questions, two ways on. */
export function renderQuestionsConflict(props: QuestionsConflictProps): TemplateResult {
  const { base, theirs } = props;
  const { heading } = editConflictWords({ base, theirs, enabling: false }, props.who, true, props.talent, props.terms);
  const changed = theirs && JSON.stringify(theirs.questions) !== JSON.stringify(base.questions);
  return html`<div class="notice error conflict" role="alert" part="error conflict" data-code="conflict" aria-labelledby="questions-conflict-title">
    <div id="questions-conflict-title" class="h4" role="heading" aria-level=${ariaLevel(props.level, 2)} tabindex="-1">${heading}</div>
    ${
      !theirs
        ? html`<p>${msg('Your edits are kept below. Their version could not be loaded yet.')}</p>`
        : html`<p>
            ${
              changed
                ? msg(str`The questions now are: ${theirs.questions.map((q, i) => `${i + 1}. ${q.prompt}`).join(' ')}`)
                : msg('The questions were not changed; other settings were.')
            }
          </p>
          <p>${msg('Your edits are kept below; save to replace the questions shown here, or discard your edits.')}</p>
          <div class="actions">
            <button type="button" class="primary" @click=${props.onSaveMine}>${msg('Save my questions')}</button>
            <button type="button" @click=${props.onUseTheirs}>${msg('Use the latest questions')}</button>
          </div>`
    }
  </div>`;
}
