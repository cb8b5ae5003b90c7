// In a modal <dialog>, autofocus names the control showModal() focuses (HTML's dialog focusing
// steps): the platform's way to set a dialog's first focus, not a page stealing focus on load.
/* eslint-disable lit-a11y/no-autofocus */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatWallTime, zoneName } from '../../../format.js';
import type { ConsentPolicy, Contract, Party, Schedule, Settings } from '../../../model.js';
import { weekdayNamesOf } from '../../../format.js';
import { firstName, nameOf, pairText, upcoming, type ViewerTerms } from '../words.js';
import { ariaLevel } from './parts.js';

export interface EnableDialogProps {
  contract: Contract;
  settings: Settings;
  /** What turning on would use: the valid edited schedule, else the saved one. */
  schedule: Schedule;
  terms: ViewerTerms;
  level: number;
  /** The host's consent policy, used when the settings carry none. */
  consentPolicy?: ConsentPolicy;
  onConfirm: () => void;
  onCancel: () => void;
  onClose: () => void;
}

/** The confirmation before turning check-ins on: what the talent is asked, and when. */
export function renderEnableDialog(props: EnableDialogProps): TemplateResult {
  const { contract, settings, level } = props;
  const first = firstName(contract.talent);
  return renderDialog({
    id: 'enable-dialog',
    titleId: 'dialog-title',
    summaryId: 'dialog-summary',
    title: msg('Turn on weekly check-ins?'),
    level,
    onClose: props.onClose,
    content: html`${renderDialogSummary(props)}
    <p>
      ${msg(str`The request is sent in your name. ${first} is told before the first one and can see this schedule.`)}
    </p>
    ${
      consentNeeded(settings, props.consentPolicy)
        ? html`<p class="notice warning" part="consent">
          ${msg(str`Weekly check-ins start only after ${first} accepts. Until then you can still request an update, which ${first} can answer.`)}
        </p>`
        : nothing
    }
    <div id="dialog-questions" class="h3" role="heading" aria-level=${ariaLevel(level, 1)}>
      ${msg('The questions')}
    </div>
    <ol aria-labelledby="dialog-questions">
      ${settings.questions.map((q) => html`<li dir="auto">${q.prompt}</li>`)}
    </ol>
    <div class="actions">
      <button type="button" class="primary" autofocus @click=${props.onConfirm}>
        ${msg('Turn on check-ins')}
      </button>
      <button type="button" @click=${props.onCancel}>${msg('Cancel')}</button>
    </div>`,
  });
}

/**
 * 'not-needed' is also what a never-enabled contract reports, whatever the policy: prefer the
 * policy the backend shares, then the host's attribute, then the consent state.
 */
function consentNeeded(settings: Settings, host: ConsentPolicy | undefined): boolean {
  const policy = settings.policy?.consent ?? host;
  return policy ? policy === 'required' : settings.consent !== 'not-needed';
}

/** "Kofi Mensah will be asked 3 short questions every Friday at 4:00 PM, …", and the first one. */
function renderDialogSummary({ contract, settings, schedule, terms }: EnableDialogProps): TemplateResult {
  const { locale } = terms;
  const talent = contract.talent;
  const weekday = weekdayNamesOf(locale)[schedule.weekday - 1] ?? '';
  const time = formatWallTime(schedule.time, locale);
  const zone = zoneName(schedule.timeZone, locale);
  const count = settings.questions.length;
  const [next] = upcoming(schedule, contract, terms.now, 1);
  return html`<p id="dialog-summary">
      ${
        count === 1
          ? msg(str`${nameOf(talent)} will be asked 1 short question every ${weekday} at ${time}, ${zone}.`)
          : msg(str`${nameOf(talent)} will be asked ${count} short questions every ${weekday} at ${time}, ${zone}.`)
      }
    </p>
    <p class="first-prompt">
      ${
        next
          ? msg(str`First check-in: ${pairText(next, contract, terms, false)}.`)
          : msg('No check-in fits before the contract ends.')
      }
    </p>`;
}

export interface WithdrawDialogProps {
  client: Party;
  level: number;
  onConfirm: () => void;
  onCancel: () => void;
  onClose: () => void;
}

/** The talent's confirmation before withdrawing consent: what follows, and what stays. */
export function renderWithdrawDialog(props: WithdrawDialogProps): TemplateResult {
  return renderDialog({
    id: 'withdraw-dialog',
    titleId: 'withdraw-title',
    summaryId: 'withdraw-summary',
    title: msg('Withdraw your consent to weekly check-ins?'),
    level: props.level,
    onClose: props.onClose,
    content: html`<p id="withdraw-summary">
      ${msg("You won't be asked weekly check-ins any more, and an open weekly check-in is closed. What you already sent stays in the history.")}
    </p>
    <p>
      ${msg(str`${nameOf(props.client)} sees that you withdrew, and can still request an update from you, which you can answer. You can accept again later.`)}
    </p>
    <div class="actions">
      <button type="button" class="primary" @click=${props.onConfirm}>${msg('Withdraw consent')}</button>
      <button type="button" autofocus @click=${props.onCancel}>${msg('Cancel')}</button>
    </div>`,
  });
}

interface DialogProps {
  id: string;
  titleId: string;
  /** The element that describes the dialog (inside `content`). */
  summaryId: string;
  title: string;
  level: number;
  onClose: () => void;
  content: TemplateResult;
}

/** A confirmation dialog: its heading at the main heading's level, then what it asks. */
function renderDialog(props: DialogProps): TemplateResult {
  return html`<dialog
    id=${props.id}
    part="dialog"
    aria-labelledby=${props.titleId}
    aria-describedby=${props.summaryId}
    @close=${props.onClose}
  >
    <div id=${props.titleId} class="h2" role="heading" aria-level=${ariaLevel(props.level, 0)}>${props.title}</div>
    ${props.content}
  </dialog>`;
}
