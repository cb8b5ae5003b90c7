import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Contract, Settings } from '../../../model.js';
import { firstName, nameOf, onDate, scheduleWords, turnedOffText, type ViewerTerms } from '../words.js';
import { renderHeading } from './parts.js';

export interface ClientProps {
  contract: Contract;
  settings: Settings;
  terms: ViewerTerms;
  viewerId: string;
  /** The main heading's level. */
  level: number;
  /** What the switch shows: on while turning on, off while turning off. */
  on: boolean;
  /** The switch's own write is on its way. */
  busy: boolean;
  /** The switch can't be used now (a write on its way, or check-ins not offered). */
  locked: boolean;
  /** The alert or conflict notice next to the switch. */
  notice: unknown;
  /** The schedule editor (or, with none shown, its conflict notice). */
  editor: unknown;
  questions: unknown;
  dialog: TemplateResult;
  onSwitch: () => void;
}

/** The client's card: the switch and what it means, the schedule and question editors. */
export function renderClient(props: ClientProps): TemplateResult {
  const { settings, busy } = props;
  const ineligible = !settings.eligibility.eligible;
  return html`<div class="card" part="base">
    ${renderHeading({ title: props.contract.title, level: props.level })}
    ${renderSwitch(props)}
    ${
      ineligible
        ? html`<p id="ineligible-reason" class="notice warning" part="ineligible">
          <strong>${msg('Weekly check-ins are not offered for this contract.')}</strong>
          ${settings.eligibility.reason ?? ''}
        </p>`
        : nothing
    }
    ${settings.enabled && !busy ? renderClientConsent(props) : nothing}
    ${props.notice} ${props.editor} ${props.questions} ${props.dialog}
  </div>`;
}

function renderSwitch({ on, busy, locked, settings, onSwitch, ...props }: ClientProps): TemplateResult {
  const describedBy = ['switch-status', settings.eligibility.eligible ? '' : 'ineligible-reason']
    .filter(Boolean)
    .join(' ');
  return html`<div class="switch-row">
    <button
      type="button"
      class="switch"
      role="switch"
      part="switch"
      aria-checked=${on ? 'true' : 'false'}
      aria-busy=${busy ? 'true' : 'false'}
      aria-disabled=${locked ? 'true' : 'false'}
      aria-describedby=${describedBy}
      @click=${onSwitch}
    >
      <span class="switch-label" part="switch-label">${msg('Weekly check-ins')}</span>
      <span class="track" part="switch-track" aria-hidden="true"
        ><span class="thumb" part="switch-thumb"></span
      ></span>
      <span class="state" aria-hidden="true">${on ? msg('On') : msg('Off')}</span>
    </button>
    <span id="switch-status" class="status-text" part="status"
      >${clientStatus({ on, busy, settings, ...props })}</span
    >
  </div>`;
}

/** What the switch's state means (it says "On" or "Off" already, so this does not repeat it). */
export function clientStatus(
  props: Pick<ClientProps, 'contract' | 'settings' | 'terms' | 'viewerId' | 'on' | 'busy'>,
): string {
  const { settings } = props;
  if (props.busy) return msg('Saving…');
  if (props.on) return scheduleWords(settings.schedule, props.terms);
  // An ineligible contract's reason is right below.
  if (!settings.eligibility.eligible) return '';
  const off = msg(str`${nameOf(props.contract.talent)} gets no weekly check-ins; you can still request an update.`);
  const who = turnedOffText(settings, props.viewerId, props.terms);
  return who ? `${who} ${off}` : off;
}

/** The talent's answer, while check-ins are on (consent governs scheduled prompts only). */
function renderClientConsent({ contract, settings, terms }: ClientProps): TemplateResult | typeof nothing {
  const talent = contract.talent;
  const first = firstName(talent);
  // Consent governs scheduled prompts only: a request for an update is the client's own message.
  if (settings.consent === 'pending') {
    return html`<p class="notice warning" part="consent">
      ${msg(str`Waiting for ${nameOf(talent)} to accept.`)}
      ${msg(str`No weekly check-in is sent until then; you can still request an update, which ${first} can answer.`)}
    </p>`;
  }
  if (settings.consent !== 'declined' && settings.consent !== 'withdrawn') return nothing;
  const date = settings.consentAt ? onDate(settings.consentAt, terms.locale, terms.timeZone) : '';
  return html`<p class="notice warning" part="consent">
    ${
      settings.consent === 'declined'
        ? msg(str`${nameOf(talent)} declined weekly check-ins.`)
        : date
          ? msg(str`${nameOf(talent)} withdrew consent to weekly check-ins on ${date}.`)
          : msg(str`${nameOf(talent)} withdrew consent to weekly check-ins.`)
    }
    ${msg(str`No weekly check-in is sent; you can still request an update, which ${first} can answer, or turn check-ins off.`)}
  </p>`;
}
