import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Contract, Settings } from '../../../model.js';
import type { WriteKind } from '../state.js';
import { nameOf, offText, onDate, type ViewerTerms } from '../words.js';
import { renderWithdrawDialog } from './dialog.js';
import { renderHeading } from './parts.js';

export interface TalentProps {
  contract: Contract;
  settings: Settings;
  /** The talent's terms: their own zone, else their zone on the contract. */
  terms: ViewerTerms;
  viewerId: string;
  level: number;
  /** The write shown as in progress, if any. */
  sending?: WriteKind;
  /** The alert or conflict notice next to the consent buttons. */
  notice: unknown;
  /** The read-only schedule. */
  summary: TemplateResult;
  onAnswer: (consent: 'given' | 'declined') => void;
  onWithdraw: () => void;
  onConfirmWithdraw: () => void;
  onCancelWithdraw: () => void;
  onWithdrawClose: () => void;
}

/** The talent's card: who turned check-ins on, the talent's consent and its buttons, the schedule. */
export function renderTalent(props: TalentProps): TemplateResult {
  const { contract, settings } = props;
  const heading = renderHeading({ title: contract.title, level: props.level });
  if (!settings.enabled) {
    return html`<div class="card" part="base">
      ${heading}
      <p class="status-text" part="status">${offText(settings, props.viewerId, props.terms)}</p>
      <p class="muted">${msg('You are not asked weekly check-ins.')} ${requestsText(contract)}</p>
    </div>`;
  }
  return html`<div class="card" part="base">
    ${heading}
    <p class="status-text" part="status">${talentStatus(settings, contract, props.terms)}</p>
    ${renderConsent(props)} ${props.notice} ${props.summary}
  </div>`;
}

// Rule 1: consent and "off" govern scheduled prompts only; a request is the client's message.
const requestsText = (contract: Contract): string =>
  msg(str`${nameOf(contract.client)} can still request an update from you, which you can answer.`);

/** Who turned check-ins on (enabledBy/enabledAt; updatedBy is only the last change), and the talent's answer. */
export function talentStatus(settings: Settings, contract: Contract, terms: ViewerTerms): string {
  const client = contract.client;
  const by = settings.enabledBy ?? settings.updatedBy;
  const at = settings.enabledAt ?? settings.updatedAt;
  const on = at ? onDate(at, terms.locale, terms.timeZone) : '';
  const consentOn = settings.consentAt ? onDate(settings.consentAt, terms.locale, terms.timeZone) : on;
  if (by && by.id === client.id && on) return msg(str`${nameOf(by)} turned on weekly check-ins on ${on}.`);
  if (!by || by.id !== contract.talent.id || !on) return msg(str`${nameOf(client)} turned on weekly check-ins.`);
  if (settings.consent === 'declined') {
    return msg(str`${nameOf(client)} turned on weekly check-ins. You declined on ${consentOn}.`);
  }
  if (settings.consent === 'withdrawn') return msg(str`${nameOf(client)} turned on weekly check-ins.`);
  return msg(str`${nameOf(client)} turned on weekly check-ins. You accepted on ${consentOn}.`);
}

function renderConsent(props: TalentProps): TemplateResult | typeof nothing {
  const { contract, settings } = props;
  const client = contract.client;
  if (settings.consent === 'pending') {
    return html`<div class="notice warning consent" part="consent" role="group" aria-labelledby="consent-text">
      <p id="consent-text">
        ${msg(
          str`${nameOf(client)} would like weekly check-ins on this contract. They start once you agree to them; you can see the schedule below first.`,
        )}
        ${msg('Until then you are not asked weekly check-ins.')} ${requestsText(contract)}
      </p>
      <div class="actions">
        ${renderConsentButton({ ...props, kind: 'accept', label: msg('Accept'), primary: true })}
        ${renderConsentButton({ ...props, kind: 'decline', label: msg('Decline') })}
      </div>
    </div>`;
  }
  if (settings.consent === 'declined' || settings.consent === 'withdrawn') {
    return html`<div class="notice" part="consent">
      <p id="consent-text" tabindex="-1">
        ${stoppedText(settings, props.terms)} ${msg(str`${nameOf(client)} can see this.`)} ${requestsText(contract)}
      </p>
      <div class="actions">${renderConsentButton({ ...props, kind: 'accept', label: msg('Accept after all'), primary: true })}</div>
    </div>`;
  }
  if (settings.consent !== 'given') return nothing;
  return html`<div class="actions" part="consent">
      <!-- The talent's consent is theirs to withdraw, as it was theirs to give. -->
      ${renderConsentButton({ ...props, kind: 'withdraw', label: msg('Withdraw my consent') })}
    </div>
    ${renderWithdrawDialog({
      client,
      level: props.level,
      onConfirm: props.onConfirmWithdraw,
      onCancel: props.onCancelWithdraw,
      onClose: props.onWithdrawClose,
    })}`;
}

/** "You declined weekly check-ins, so you won't be asked." or when consent was withdrawn. */
function stoppedText(settings: Settings, terms: ViewerTerms): string {
  if (settings.consent === 'declined') return msg("You declined weekly check-ins, so you won't be asked.");
  if (!settings.consentAt) return msg("You withdrew your consent to weekly check-ins, so you won't be asked.");
  const date = onDate(settings.consentAt, terms.locale, terms.timeZone);
  return msg(str`You withdrew your consent to weekly check-ins on ${date}, so you won't be asked.`);
}

/** Accept, Decline or Withdraw: "Saving…" while its own answer is on its way, unusable while any is. */
interface ConsentButtonProps extends Pick<TalentProps, 'sending' | 'onAnswer' | 'onWithdraw'> {
  kind: 'accept' | 'decline' | 'withdraw';
  label: string;
  primary?: boolean;
}

function renderConsentButton({
  kind,
  label,
  primary,
  sending,
  onAnswer,
  onWithdraw,
}: ConsentButtonProps): TemplateResult {
  const busy = sending === 'accept' || sending === 'decline' || sending === 'withdraw';
  const withdraw = kind === 'withdraw';
  const click = withdraw ? onWithdraw : () => onAnswer(kind === 'accept' ? 'given' : 'declined');
  return html`<button
    type="button"
    id=${ifDefined(withdraw ? 'withdraw' : undefined)}
    class=${primary ? 'primary' : nothing}
    aria-disabled=${busy ? 'true' : 'false'}
    aria-haspopup=${withdraw ? 'dialog' : nothing}
    @click=${click}
  >
    ${sending === kind ? msg('Saving…') : label}
  </button>`;
}
