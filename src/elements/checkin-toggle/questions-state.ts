import { msg, str } from '@lit/localize';
import type { ReactiveControllerHost } from 'lit';
import type { Settings } from '../../model.js';
import {
  fieldId,
  newQuestionId,
  questionsDiffer,
  questionsDraftOf,
  reduceQuestions,
  validateQuestions,
  type QuestionDraft,
  type QuestionField,
  type QuestionsAction,
  type QuestionsErrors,
} from './question-draft.js';

const FIELDS: QuestionField[] = ['prompt', 'maxLength', 'quickAnswers', 'purpose'];

/** What an edit asks the element to do next: where focus goes, what is announced. */
export interface EditOutcome {
  focus?: string;
  announce?: string;
}

/**
 * The client's question edits, apart from the settings they were started from (like the
 * schedule draft): the draft follows confirmed settings until the client edits it, and a save
 * expects the version it was started from.
 */
export class QuestionsState {
  draft: QuestionDraft[] = [];
  dirty = false;
  /** The settings version the draft was started from. */
  version = 0;
  /** The settings the draft was started from (a conflict notice compares with these). */
  base?: Settings;
  showAll = false;
  /** A save refused by a conflict: the edits stay; `theirs` once the latest is fetched. */
  conflict?: { base: Settings; theirs?: Settings };
  private touched = new Set<string>();
  private seed = Date.now();

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Takes confirmed settings; the draft follows unless the client is editing it (or `reset`). */
  follow(next: Settings, reset = false): void {
    if (!this.base || !this.dirty || reset) {
      this.draft = questionsDraftOf(next.questions);
      this.version = next.version;
      this.base = next;
      this.dirty = false;
      this.showAll = false;
      this.touched = new Set();
      if (reset) this.conflict = undefined;
    }
    this.host.requestUpdate();
  }

  /** Another write of the element's own came right after the draft's version: not a conflict. */
  followOwn(expectedVersion: number, saved: Settings): void {
    if (this.dirty && this.version === expectedVersion && saved.version === expectedVersion + 1) {
      this.version = saved.version;
      this.base = saved;
    }
  }

  /** The latest settings were fetched after a conflict: the kept edits are now made against them. */
  keepOver(theirs: Settings): void {
    this.version = theirs.version;
    this.base = theirs;
    if (this.conflict) this.conflict = { ...this.conflict, theirs };
    this.host.requestUpdate();
  }

  clear(): void {
    this.draft = [];
    this.dirty = false;
    this.version = 0;
    this.base = undefined;
    this.conflict = undefined;
    this.showAll = false;
    this.touched = new Set();
  }

  /** Applies one edit and says where focus goes: it follows a moved question, leaves a removed one for its neighbour. */
  apply(action: QuestionsAction): EditOutcome {
    const before = this.draft;
    const next = reduceQuestions(before, action);
    if (JSON.stringify(next) === JSON.stringify(before)) return {};
    this.draft = next;
    this.dirty = this.base ? questionsDiffer(next, this.base.questions) || this.conflict !== undefined : true;
    if (action.type === 'set') this.touched.add(`${action.id}:${action.field}`);
    this.host.requestUpdate();
    const total = next.length;
    switch (action.type) {
      case 'move': {
        const at = next.findIndex((q) => q.id === action.id) + 1;
        return {
          focus: fieldId(action.id, action.by < 0 ? 'up' : 'down'),
          announce: msg(str`Moved to position ${at} of ${total}.`),
        };
      }
      case 'remove': {
        const index = before.findIndex((q) => q.id === action.id);
        const neighbour = next[Math.min(index, total - 1)];
        return {
          focus: neighbour ? fieldId(neighbour.id, 'prompt') : 'add-question',
          announce: msg(str`Question removed. ${total} left.`),
        };
      }
      case 'add':
        return { focus: fieldId(action.id, 'prompt'), announce: msg(str`Question ${total} added.`) };
      default:
        return {};
    }
  }

  /** The edit that adds a question, with an id no question has. */
  addAction(): QuestionsAction {
    return { type: 'add', id: newQuestionId(this.draft, this.seed++) };
  }

  /** The messages shown: fields the client touched, or every one after a save attempt. */
  errorsShown(): QuestionsErrors {
    const all = validateQuestions(this.draft);
    if (this.showAll) return all;
    const fields: QuestionsErrors['fields'] = {};
    for (const [id, errors] of Object.entries(all.fields)) {
      const shown = Object.fromEntries(Object.entries(errors).filter(([field]) => this.touched.has(`${id}:${field}`)));
      if (Object.keys(shown).length) fields[id] = shown;
    }
    return { fields };
  }

  /** The element id of the first field with a message, in the order they are shown. */
  firstInvalid(): string | undefined {
    const { fields } = validateQuestions(this.draft);
    for (const q of this.draft) {
      const field = FIELDS.find((f) => fields[q.id]?.[f]);
      if (field) return fieldId(q.id, field);
    }
    return undefined;
  }
}
