import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { formatInstant } from '../../../format.js';
import type { Contract, Settings, Viewer } from '../../../model.js';
import { nextPromptOrNull } from '../../terms.js';
import { shortText } from '../../shared.js';
import type { Terms } from '../../terms.js';

export interface EmptyProps {
  settings?: Settings;
  contract: Contract;
  viewer: Viewer;
  now: number;
  terms: Terms;
}

/** Why there are no check-ins when consent stands in the way, in the reader's person; else null. */
function consentText(settings: Settings, contract: Contract, isTalent: boolean): string | null {
  switch (settings.consent) {
    case 'pending':
      return isTalent
        ? msg('No check-ins yet. They start once you agree to them.')
        : msg(str`No check-ins yet. They start once ${shortText(contract.talent.name)} agrees to them.`);
    case 'declined':
      return isTalent
        ? msg("No check-ins: you declined weekly check-ins, so you won't be asked.")
        : msg(str`No check-ins: ${shortText(contract.talent.name)} declined weekly check-ins.`);
    case 'withdrawn':
      return isTalent
        ? msg("No check-ins: you withdrew your consent to weekly check-ins, so you won't be asked.")
        : msg(str`No check-ins: ${shortText(contract.talent.name)} withdrew consent to weekly check-ins.`);
    default:
      return null;
  }
}

/** Why the history is empty: check-ins off, consent not given, or when the first one opens. */
export function emptyText({ settings, contract, viewer, now, terms }: EmptyProps): string {
  if (!settings?.enabled) {
    return settings?.eligibility.eligible === false && settings.eligibility.reason
      ? msg(str`Weekly check-ins are off: ${settings.eligibility.reason}`)
      : msg('Weekly check-ins are off for this contract.');
  }
  const consent = consentText(settings, contract, viewer.id === contract.talent.id);
  if (consent) return consent;
  const next = nextPromptOrNull(settings.schedule, now, contract);
  return next
    ? msg(str`No check-ins yet. The first one opens ${formatInstant(next, { ...terms, style: 'long' })}.`)
    : msg('No check-ins yet.');
}

export function renderEmpty(props: EmptyProps): TemplateResult {
  return html`<p class="notice empty" part="empty">${emptyText(props)}</p>`;
}
