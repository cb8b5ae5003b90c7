import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { displayTitle, shortText } from '../../shared.js';
import { standingOf } from '../form-logic.js';
import { standingText } from '../words.js';
import { renderForm } from './form.js';
import type { FormView } from './props.js';
import { renderReplySent } from './reply.js';
import {
  renderAnswered,
  renderClosed,
  renderMissed,
  renderNewerArrived,
  renderNoneOpen,
  renderPreviousSent,
  renderSkipped,
} from './states.js';
import { renderWatcher } from './watcher.js';

/** The card: the heading naming the contract, the notices, and the talent's or the watcher's view. */
export function renderLoaded(props: { view: FormView; busy: boolean }): TemplateResult {
  const { view } = props;
  const { contract, viewer } = view.loaded;
  const talent = viewer.role === 'talent';
  return html`<section class="card form-card" part="checkin" aria-labelledby="heading" aria-busy=${props.busy ? 'true' : nothing}>
    <div
      id="heading"
      class="h2"
      part="heading"
      role="heading"
      aria-level=${view.level}
      tabindex="-1"
      title=${displayTitle(contract.title)}
    >
      ${msg(str`Check-in for ${shortText(contract.title)}`)}
    </div>
    ${renderNewerArrived(view)}${talent ? renderPreviousSent(view) : nothing}${talent ? renderTalent(view) : renderWatcher(view)}
  </section>`;
}

/** The talent: the form while the check-in can be answered (or is being edited), else its state. */
function renderTalent(view: FormView): TemplateResult {
  const { checkin } = view;
  const standing = standingOf(view.loaded.settings);
  const said = standingText(view.loaded, view.terms);
  if (!checkin) {
    if (!said) return renderNoneOpen(view);
    return html`<p class="state" part="state" data-state=${standing === 'pending' ? 'consent' : standing}>
      ${said}
    </p>`;
  }
  // A check-in on screen while weekly check-ins are not asked (a request for an update, or the
  // one that closed): the standing is said above it, and the check-in stays answerable if open.
  const note = said ? html`<p class="muted" part="standing" data-standing=${standing}>${said}</p>` : nothing;
  return html`${note}${renderCheckin({ view, checkin })}`;
}

function renderCheckin(props: { view: FormView; checkin: NonNullable<FormView['checkin']> }): TemplateResult {
  const { view, checkin } = props;
  if (view.outcomes.reply.kind === 'sent') return renderReplySent(props);
  if (checkin.status === 'open' || checkin.status === 'late' || view.editing) return renderForm(props);
  switch (checkin.status) {
    case 'closed':
      return renderClosed(props);
    case 'answered':
      return renderAnswered(props);
    case 'skipped':
      return renderSkipped(props);
    default:
      return renderMissed(props);
  }
}
