import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentPolicy, Contract, Settings, Viewer } from '../../../model.js';
import { renderError, shortText } from '../../shared.js';
import type { ToggleActions } from '../actions.js';
import { editorShown, switchConflictNotice, type Changer } from '../conflict.js';
import * as editor from '../editor-state.js';
import type { QuestionsState } from '../questions-state.js';
import { draftOf, scheduleOf, todayIn } from '../schedule-draft.js';
import * as write from '../state.js';
import type { Place, SwitchConflict, Write, WriteState } from '../state.js';
import { firstName, type ViewerTerms } from '../words.js';
import { renderClient } from './client.js';
import { renderEnableDialog } from './dialog.js';
import { renderEditor } from './editor.js';
import { renderEditConflict, renderQuestionsConflict, renderSwitchConflict } from './notices.js';
import { ariaLevel, renderOffline } from './parts.js';
import { renderQuestionEditor } from './question-editor.js';
import { renderObserver, renderSummary } from './summary.js';
import { renderTalent } from './talent.js';

/** What every card view is given. */
export interface View {
  contract: Contract;
  settings: Settings;
  terms: ViewerTerms;
  viewerId: string;
  level: number;
}

/** Everything the loaded element shows, from the store's state, and what each control does. */
export interface CardProps extends View {
  role: Viewer['role'];
  offline: boolean;
  writing: WriteState;
  edits: editor.ScheduleEdits;
  questions: QuestionsState;
  /** The time zone options of the editor's zone field (built once). */
  zones: (locale: string | undefined) => TemplateResult[];
  consentPolicy?: ConsentPolicy;
  /** Who made `latest` since version `since`. */
  changer: (latest: Settings, since: number) => Changer;
  actions: ToggleActions;
  /** "Try again": the same write again. */
  resend: (write: Write) => void;
  /** "Try again": the latest settings fetched again. */
  reload: (place: Place) => void;
}

/** The card for the viewer's role: the client's controls, the talent's consent, an observer's summary. */
export function renderCard(props: CardProps): TemplateResult {
  const offline = props.offline ? renderOffline() : nothing;
  if (props.role === 'client') return html`${offline}${clientCard(props)}`;
  if (props.role !== 'talent') return renderObserver(props);
  const { actions } = props;
  return html`${offline}${renderTalent({
    ...props,
    sending: write.sendingKind(props.writing),
    notice: html`${failureAt(props, 'consent')}${conflictAt(props, 'consent')}`,
    summary: renderSummary({ ...props, as: 'talent' }),
    onAnswer: (consent) => actions.answerConsent(consent),
    onWithdraw: actions.openWithdraw,
    onConfirmWithdraw: actions.confirmWithdraw,
    onCancelWithdraw: actions.cancelWithdraw,
    onWithdrawClose: actions.onWithdrawClose,
  })}`;
}

function clientCard(props: CardProps): TemplateResult {
  const { settings } = props;
  const sending = write.sendingKind(props.writing);
  const kept = editor.keptOf(props.edits);
  const shown = editorShown(settings);
  return renderClient({
    ...props,
    on: write.shownOn(props.writing, settings),
    busy: sending === 'enable' || sending === 'disable',
    locked: write.switchLocked(props.writing, settings),
    notice: html`${failureAt(props, 'switch')}${conflictAt(props, 'switch')}`,
    editor: shown ? editorCard(props) : kept && !sending ? editConflictCard(props, false) : nothing,
    questions: shown ? questionsCard(props) : nothing,
    dialog: renderEnableDialog({
      ...props,
      schedule: (props.edits.dirty && props.edits.draft && scheduleOf(props.edits.draft)) || settings.schedule,
      consentPolicy: props.consentPolicy,
      onConfirm: props.actions.confirmEnable,
      onCancel: props.actions.cancelDialog,
      onClose: props.actions.onDialogClose,
    }),
    onSwitch: props.actions.onSwitchClick,
  });
}

function editorCard(props: CardProps): TemplateResult {
  const { settings, terms } = props;
  const { edits } = props;
  const draft = edits.draft ?? draftOf(settings.schedule, terms.locale);
  const sending = write.sendingKind(props.writing);
  const kept = editor.keptOf(edits);
  return renderEditor({
    ...props,
    draft,
    errors: editor.errorsShown(edits, terms.locale),
    skipInput: edits.skipInput,
    skipError: edits.skipError,
    today: todayIn(draft.timeZone, terms.now),
    on: write.shownOn(props.writing, settings),
    saving: sending === 'schedule',
    blocked: !!sending,
    dirty: edits.dirty,
    zones: props.zones(terms.locale),
    notice: html`${kept && !sending ? editConflictCard(props, true) : conflictAt(props, 'editor')}${failureAt(props, 'editor')}`,
    onEdit: props.actions.onEdit,
    onSkipInput: props.actions.onSkipInput,
    onAddSkip: props.actions.addSkipDate,
    onRemoveSkip: props.actions.removeSkipDate,
    onSave: props.actions.onSave,
    onDiscard: () => void props.actions.discardEdits(),
  });
}

/** The notice over kept schedule edits; `canSave` false when no editor is shown. */
function editConflictCard(props: CardProps, canSave: boolean): TemplateResult | typeof nothing {
  const { contract, terms } = props;
  const conflict = editor.keptOf(props.edits);
  if (!conflict) return nothing;
  const { base, theirs } = conflict;
  return renderEditConflict({
    conflict,
    who: theirs ? props.changer(theirs, base.version) : { kind: 'unknown' },
    canSave,
    talent: contract.talent,
    draft: props.edits.draft,
    terms,
    level: props.level,
    onSaveMine: props.actions.saveMine,
    onUseTheirs: () => void props.actions.discardEdits(),
  });
}

function questionsCard(props: CardProps): TemplateResult {
  const { contract } = props;
  const state = props.questions;
  const sending = write.sendingKind(props.writing);
  const failure = failureAt(props, 'questions');
  return renderQuestionEditor({
    draft: state.draft,
    errors: state.errorsShown(),
    level: ariaLevel(props.level, 1),
    title: shortText(contract.title),
    talent: firstName(contract.talent),
    saving: sending === 'questions',
    blocked: !!sending,
    dirty: state.dirty,
    notice: failure !== nothing ? failure : state.conflict && !sending ? questionsConflictCard(props) : nothing,
    onAction: props.actions.onQuestionAction,
    onAdd: props.actions.onAddQuestion,
    onSave: props.actions.onSaveQuestions,
    onDiscard: () => void props.actions.discardQuestions(),
  });
}

function questionsConflictCard(props: CardProps): TemplateResult | typeof nothing {
  const { contract } = props;
  const conflict = props.questions.conflict;
  if (!conflict) return nothing;
  const { base, theirs } = conflict;
  return renderQuestionsConflict({
    base,
    theirs,
    who: theirs ? props.changer(theirs, base.version) : { kind: 'unknown' },
    talent: contract.talent,
    terms: props.terms,
    level: props.level,
    onSaveMine: props.actions.saveMyQuestions,
    onUseTheirs: () => void props.actions.discardQuestions(),
  });
}

/** The alert at `place`; "Try again" sends the same write again, or fetches again. */
function failureAt(props: CardProps, place: Place): TemplateResult | typeof nothing {
  const failure = write.failureAt(props.writing, place);
  if (!failure) return nothing;
  const again = failure.write;
  return renderError(failure.error, again ? () => props.resend(again) : () => props.reload(place));
}

function conflictAt(props: CardProps, place: Place): TemplateResult | typeof nothing {
  const conflict = write.conflictAt(props.writing, place);
  return conflict ? renderSwitchConflict(switchNotice(props, conflict)) : nothing;
}

/** The switch or consent conflict notice's words. */
function switchNotice({ changer, edits, settings, terms }: CardProps, conflict: SwitchConflict) {
  const who: Changer = conflict.latest ? changer(conflict.latest, conflict.since) : { kind: 'unknown' };
  return switchConflictNotice(who, edits.dirty ? edits.draft : undefined, settings, terms);
}
