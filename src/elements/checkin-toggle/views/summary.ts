import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatRelative } from '../../../format.js';
import type { Contract, Settings } from '../../../model.js';
import { formatLocalDate } from '../schedule-draft.js';
import { nameOf, offText, onDate, pairText, scheduleWords, upcoming, when, type ViewerTerms } from '../words.js';
import { renderHeading } from './parts.js';

export interface SummaryProps {
  contract: Contract;
  settings: Settings;
  /** The viewer's terms (a talent's: their own zone, else their zone on the contract). */
  terms: ViewerTerms;
  as: 'talent' | 'observer';
}

/** The read-only description shared by the talent and observer views. */
export function renderSummary(props: SummaryProps): TemplateResult {
  const { contract, settings, terms } = props;
  const { locale, timeZone, now } = terms;
  const schedule = settings.schedule;
  const count = settings.questions.length;
  const paused = schedule.pausedUntil && Date.parse(schedule.pausedUntil) > now ? schedule.pausedUntil : null;
  const starts = Date.parse(contract.startsAt) > now ? onDate(contract.startsAt, locale, timeZone) : '';
  const first = props.as === 'talent' && settings.consent === 'pending';
  return html`<dl class="summary" part="summary">
    ${renderRow({ term: msg('When'), detail: scheduleWords(schedule, terms) })}
    ${starts ? renderRow({ term: msg('Contract starts'), detail: starts }) : nothing}
    ${renderRow({
      term: first ? msg('First check-in, if you accept') : msg('Next check-in'),
      detail: nextText(props),
      next: true,
    })}
    ${renderRow({
      term: msg('Questions'),
      detail: html`${count === 1 ? msg('1 short question') : msg(str`${count} short questions`)}
        <ol class="questions">
          ${settings.questions.map((q) => html`<li dir="auto">${q.prompt}</li>`)}
        </ol>`,
    })}
    ${
      schedule.skipDates.length
        ? renderRow({
            term: msg('Skipped dates'),
            detail: schedule.skipDates.map((d) => formatLocalDate(d, locale)).join(', '),
          })
        : nothing
    }
    ${paused ? renderRow({ term: msg('Paused'), detail: msg(str`Until ${onDate(paused, locale, timeZone)}`) }) : nothing}
  </dl>`;
}

/** One line of the summary; `next` marks the next check-in's. */
function renderRow({ term, detail, next }: { term: string; detail: unknown; next?: boolean }): TemplateResult {
  return html`<div>
    <dt>${term}</dt>
    <dd class=${next ? 'next-one' : nothing}>${detail}</dd>
  </div>`;
}

/** The next check-in and how far off it is, or why there is none. */
function nextText({ contract, settings, terms, as }: SummaryProps): string {
  const { locale, now } = terms;
  const stopped = settings.consent === 'declined' || settings.consent === 'withdrawn';
  const [next] = stopped ? [] : upcoming(settings.schedule, contract, now, 1);
  if (next) {
    const relative = formatRelative(Date.parse(next) - now, locale);
    return as === 'talent'
      ? msg(str`${when(next, locale, terms.timeZone)}, your time (${relative})`)
      : msg(str`${pairText(next, contract, terms, true)} (${relative})`);
  }
  if (settings.consent === 'declined') {
    return as === 'talent' ? msg('None: you declined weekly check-ins.') : msg('None: check-ins were declined.');
  }
  if (settings.consent === 'withdrawn') {
    return as === 'talent' ? msg('None: you withdrew your consent.') : msg('None: consent was withdrawn.');
  }
  return msg('None before the contract ends.');
}

export interface ObserverProps {
  contract: Contract;
  settings: Settings;
  terms: ViewerTerms;
  viewerId: string;
  level: number;
}

/** An observer's card: whether check-ins are on and the talent's answer, then the schedule. */
export function renderObserver(props: ObserverProps): TemplateResult {
  const { contract, settings, terms } = props;
  const talent = contract.talent;
  let status: string;
  if (!settings.enabled) status = offText(settings, props.viewerId, terms);
  else if (settings.consent === 'pending')
    status = msg(str`Weekly check-ins are on, waiting for ${nameOf(talent)} to accept.`);
  else if (settings.consent === 'declined')
    status = msg(str`Weekly check-ins are on, but ${nameOf(talent)} declined them.`);
  else if (settings.consent === 'withdrawn')
    status = msg(str`Weekly check-ins are on, but ${nameOf(talent)} withdrew consent.`);
  else status = msg('Weekly check-ins are on.');
  return html`<div class="card" part="base">
    ${renderHeading({ title: contract.title, level: props.level })}
    <p class="status-text" part="status">${status}</p>
    ${settings.enabled ? renderSummary({ contract, settings, terms, as: 'observer' }) : nothing}
  </div>`;
}
