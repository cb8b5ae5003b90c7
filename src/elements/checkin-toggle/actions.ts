import { msg, str } from '@lit/localize';
import type { LitElement } from 'lit';
import { newIdempotencyKey, type SettingsChange } from '../../adapters/adapter.js';
import type { AnnouncerController } from '../../controllers/announcer.js';
import * as editor from './editor-state.js';
import { replacingOf } from './outcome.js';
import { questionsOf, type QuestionsAction } from './question-draft.js';
import { formatLocalDate, scheduleOf, todayIn, type DraftField, type ScheduleDraft } from './schedule-draft.js';
import * as write from './state.js';
import type { Write, WriteKind } from './state.js';
import type { Settings } from '../../model.js';
import type { ToggleStore } from './store.js';
import type { ViewerTerms } from './words.js';

/**
 * What the person can do in `<checkin-toggle>`: each handler changes the store through its
 * reducers or sends a write through it, then says what happened and moves focus.
 */
export class ToggleActions {
  constructor(
    private readonly host: LitElement,
    private readonly store: ToggleStore,
    private readonly announcer: AnnouncerController,
    private readonly terms: () => ViewerTerms,
  ) {}

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('#enable-dialog');
  }

  private get withdrawDialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('#withdraw-dialog');
  }

  private get switchButton(): HTMLButtonElement | null {
    return this.host.renderRoot.querySelector('[role="switch"]');
  }

  // ---- client: switch and dialog ------------------------------------------------------------

  onSwitchClick = (): void => {
    const settings = this.store.settings;
    if (!settings || write.switchLocked(this.store.writing, settings)) return;
    if (settings.enabled) return this.store.send(newWrite('disable', settings, { enabled: false }, settings.version));
    // A half-edited schedule is part of what the client is agreeing to: it must be valid first.
    const { dirty, draft } = this.store.edits;
    if (dirty && draft && !scheduleOf(draft))
      return this.refuseInvalid(msg('Fix the schedule before turning check-ins on.'));
    this.store.writing = write.cleared(this.store.writing);
    // The dialog is always in the template; showModal moves focus into it and makes the rest inert.
    this.dialog?.showModal();
  };

  confirmEnable = (): void => {
    const { settings } = this.store;
    const dialog = this.dialog;
    if (!settings || write.busy(this.store.writing) || !dialog?.open) return;
    const { dirty, draft, version } = this.store.edits;
    const schedule = dirty && draft ? scheduleOf(draft) : null;
    const change: SettingsChange = schedule ? { enabled: true, schedule } : { enabled: true };
    const next = newWrite('enable', settings, change, schedule ? version : settings.version);
    dialog.close('confirm');
    this.store.send(next);
  };

  cancelDialog = (): void => {
    this.dialog?.close('cancel');
  };

  onDialogClose = (): void => {
    // Chromium restores focus itself; other engines may not, and focus must land on the switch.
    // The close event comes a task later: a conflict notice may already have taken focus.
    const active = this.host.renderRoot instanceof ShadowRoot ? this.host.renderRoot.activeElement : null;
    if (!active || this.dialog?.contains(active) || active === this.switchButton) this.switchButton?.focus();
  };

  // ---- client: editor -----------------------------------------------------------------------

  /** The draft changed: a conflict notice and the editor's alert are answered by it. */
  changeDraft(next: editor.ScheduleEdits): void {
    const changed = next.draft !== this.store.edits.draft;
    this.store.edits = next;
    if (changed) this.store.writing = write.withoutFailure(write.withoutConflict(this.store.writing), 'editor');
  }

  onEdit = (patch: Partial<ScheduleDraft>, field: DraftField): void => {
    this.changeDraft(editor.edit(this.store.edits, patch, field));
  };

  /** Nothing is sent with bad data: the errors say what to fix, focus goes to the first. */
  refuseInvalid(text: string): void {
    this.store.edits = editor.showAll(this.store.edits);
    this.announcer.announce(text);
    void this.host.updateComplete.then(() => {
      const id = editor.firstInvalid(this.store.edits);
      if (id) this.host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
    });
  }

  onSave = (event: Event): void => {
    event.preventDefault();
    this.saveDraft();
  };

  saveDraft(): void {
    const settings = this.store.settings;
    const { draft, dirty, base, version } = this.store.edits;
    if (!settings || !draft || write.busy(this.store.writing)) return;
    const schedule = scheduleOf(draft);
    if (!schedule) return this.refuseInvalid(msg('The schedule was not saved. Fix the marked fields.'));
    if (!dirty) return this.announcer.announce(msg('No changes to save.'));
    // Skip dates added in this draft that the backend would refuse are said at the field,
    // nothing sent. Dates the draft started with are not the client's additions (the backend
    // may still refuse them after a conflict; that answer is shown at the field too).
    const today = todayIn(schedule.timeZone, this.terms().now);
    const problem = editor.addedSkipProblem(schedule, base ?? settings, today, this.terms().locale);
    if (problem) return this.store.refuseSkip(problem);
    // After a conflict the draft was moved onto the other version: this save replaces it.
    const replacing = replacingOf(this.store.whoChanged(editor.keptOf(this.store.edits)));
    this.store.send({ ...newWrite('schedule', settings, { schedule }, version), replacing });
  }

  /** "Save my version": the kept edits, written against the version the notice shows. */
  saveMine = (): void => {
    // The notice (and this button) go away while saving: focus waits on the form's Save button,
    // which shows the progress, and an alert that follows takes it from there.
    this.host.renderRoot.querySelector<HTMLElement>('.editor button[type="submit"]')?.focus();
    this.saveDraft();
  };

  /**
   * "Use their version" and "Discard changes": the edits are dropped and the editor shows the
   * latest settings. Both buttons go away with the edits, so focus is put somewhere useful.
   */
  discardEdits = async (): Promise<void> => {
    const conflicted = !!editor.keptOf(this.store.edits);
    if (this.store.settings) this.store.applySettings(this.store.settings, true);
    this.store.edits = editor.discarded(this.store.edits);
    this.store.writing = write.withoutFailure(this.store.writing, 'editor');
    this.announcer.announce(
      conflicted ? msg('Your edits were discarded. The latest version is shown.') : msg('Changes discarded'),
    );
    await this.host.updateComplete;
    // The first field shows the saved version; with no editor (check-ins not offered), the switch.
    (this.host.renderRoot.querySelector<HTMLElement>('#weekday') ?? this.switchButton)?.focus();
  };

  onSkipInput = (value: string): void => {
    this.store.edits = editor.typeSkip(this.store.edits, value);
  };

  addSkipDate = (): void => {
    const draft = this.store.edits.draft;
    if (!draft) return;
    const { now, locale } = this.terms();
    this.changeDraft(editor.addSkip(this.store.edits, todayIn(draft.timeZone, now), locale));
  };

  removeSkipDate = (date: string): void => {
    if (!this.store.edits.draft) return;
    this.changeDraft(editor.removeSkip(this.store.edits, date));
    this.announcer.announce(msg(str`${formatLocalDate(date, this.terms().locale)} removed`));
    // The removed chip took focus with it: keep the person in the same place.
    this.store.focusLater('#skip-date');
  };

  // ---- client: questions --------------------------------------------------------------------

  onQuestionAction = (action: QuestionsAction): void => {
    const { focus, announce } = this.store.questions.apply(action);
    this.store.writing = write.withoutFailure(this.store.writing, 'questions');
    if (announce) this.announcer.announce(announce);
    if (focus) this.store.focusLater(`#${focus}`);
  };

  onAddQuestion = (): void => {
    if (!write.busy(this.store.writing)) this.onQuestionAction(this.store.questions.addAction());
  };

  onSaveQuestions = (event: Event): void => {
    event.preventDefault();
    const { settings, questions: state } = this.store;
    if (!settings || write.busy(this.store.writing)) return;
    const questions = questionsOf(state.draft);
    if (!questions) {
      state.showAll = true;
      this.host.requestUpdate();
      this.announcer.announce(msg('The questions were not saved. Fix the marked fields.'));
      const first = state.firstInvalid();
      if (first) this.store.focusLater(`#${first}`);
      return;
    }
    if (!state.dirty) return this.announcer.announce(msg('No changes to save.'));
    const replacing = replacingOf(this.store.whoChanged(state.conflict));
    state.conflict = undefined;
    this.store.send({ ...newWrite('questions', settings, { questions }, state.version), replacing });
  };

  discardQuestions = async (): Promise<void> => {
    const conflicted = !!this.store.questions.conflict;
    if (this.store.settings) this.store.questions.follow(this.store.settings, true);
    this.store.writing = write.withoutFailure(this.store.writing, 'questions');
    this.announcer.announce(
      conflicted ? msg('Your edits were discarded. The latest version is shown.') : msg('Changes discarded'),
    );
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#questions-title + p + ol input')?.focus();
  };

  saveMyQuestions = (): void => {
    this.host.renderRoot.querySelector<HTMLElement>('.questions-editor button[type="submit"]')?.focus();
    this.onSaveQuestions(new Event('submit'));
  };

  // ---- talent -------------------------------------------------------------------------------

  answerConsent(consent: 'given' | 'declined' | 'withdrawn'): void {
    const settings = this.store.settings;
    if (!settings || write.busy(this.store.writing)) return;
    const kind = consent === 'given' ? 'accept' : consent === 'declined' ? 'decline' : 'withdraw';
    this.store.send(newWrite(kind, settings, { consent }, settings.version));
  }

  /** "Withdraw my consent" asks first, as turning on does: the dialog says what follows. */
  openWithdraw = (): void => {
    if (write.busy(this.store.writing) || this.store.settings?.consent !== 'given') return;
    this.store.writing = write.cleared(this.store.writing);
    this.withdrawDialog?.showModal();
  };

  confirmWithdraw = (): void => {
    if (!this.withdrawDialog?.open) return;
    this.withdrawDialog.close('confirm');
    this.answerConsent('withdrawn');
  };

  cancelWithdraw = (): void => {
    this.withdrawDialog?.close('cancel');
  };

  onWithdrawClose = (): void => {
    // Cancel, Escape or confirm: focus goes back to the button, which shows the progress; once
    // the withdrawal is saved, focus moves to the sentence that says so (see saved()).
    this.host.renderRoot.querySelector<HTMLElement>('#withdraw')?.focus();
  };
}

/** A new write, its idempotency key made once, before the first attempt ("Try again" reuses it). */
export function newWrite(kind: WriteKind, settings: Settings, change: SettingsChange, expectedVersion: number): Write {
  return {
    kind,
    contractId: settings.contractId,
    change,
    expectedVersion,
    idempotencyKey: newIdempotencyKey(),
    previous: settings,
  };
}
