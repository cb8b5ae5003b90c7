import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { Checkin } from '../../../model.js';
import { shortText } from '../../shared.js';
import { answerByInstant, standingOf } from '../form-logic.js';
import { closedSentence, when } from '../words.js';
import type { FormView } from './props.js';
import { renderNoneOpen } from './states.js';

/** Client and observer: where the check-in stands, no inputs. */
export function renderWatcher(view: FormView): TemplateResult {
  const { loaded, checkin } = view;
  const talent = shortText(loaded.contract.talent.name);
  const standing = standingOf(loaded.settings);
  // A request for an update is answerable whatever the consent state: its state is shown.
  if (standing === 'pending' && checkin?.kind !== 'requested') {
    return renderState({ view, kind: 'consent', text: msg(str`Waiting for ${talent} to accept weekly check-ins.`) });
  }
  if (checkin) return renderState({ view, kind: checkin.status, text: watchedText(view, checkin) });
  if (standing === 'off') {
    return html`<p class="state" part="state" data-state="off">
      ${msg('Weekly check-ins are off for this contract.')}
    </p>`;
  }
  if (standing === 'declined' || standing === 'withdrawn') {
    return html`<p class="state" part="state" data-state=${standing}>
      ${
        standing === 'declined'
          ? msg(str`${talent} declined weekly check-ins.`)
          : msg(str`${talent} withdrew their consent to weekly check-ins.`)
      }
    </p>`;
  }
  return renderNoneOpen(view);
}

/** Who asked for an update, the state in words, and the talent's skip note. */
function renderState(props: { view: FormView; kind: string; text: string }): TemplateResult {
  const { view, kind, text } = props;
  const { checkin, loaded } = view;
  const talent = shortText(loaded.contract.talent.name);
  return html`${
    checkin && kind !== 'consent' && checkin.kind === 'requested'
      ? html`<p class="muted">
          ${
            checkin.requestedBy.id === loaded.viewer.id
              ? msg('You asked for an update')
              : msg(str`${shortText(checkin.requestedBy.name)} asked for an update`)
          }
        </p>`
      : nothing
  }
    <p class=${classMap({ state: true, [kind]: true })} part="state" data-state=${kind}>${text}</p>
    ${
      checkin?.status === 'skipped' && checkin.skipNote
        ? html`<blockquote part="message" dir="auto" aria-label=${msg(str`Note from ${talent}`)}>${checkin.skipNote}</blockquote>`
        : nothing
    }`;
}

/** Where a check-in stands, for the client and observers. */
function watchedText(view: FormView, checkin: Checkin): string {
  const { loaded, terms } = view;
  const talent = shortText(loaded.contract.talent.name);
  const due = when(terms, checkin.dueAt);
  const by = checkin.lateAt ? when(terms, answerByInstant(checkin.lateAt, terms.timeZone)) : null;
  switch (checkin.status) {
    case 'open':
      return by
        ? msg(str`Waiting for ${talent}'s answer · asked ${due}, answer by ${by}`)
        : msg(str`Waiting for ${talent}'s answer · asked ${due}`);
    case 'late':
      return msg(str`Late: ${talent}'s answer was due by ${by ?? due}`);
    case 'answered': {
      const at = checkin.answeredAt ? when(terms, checkin.answeredAt) : due;
      return checkin.editedAt
        ? msg(str`Answered on ${at} · edited ${when(terms, checkin.editedAt)}`)
        : msg(str`Answered on ${at}`);
    }
    case 'skipped':
      return msg(str`${talent} isn't working this week`);
    case 'missed':
      return msg(str`Missed: no answer before the next check-in (was due ${due})`);
    case 'closed':
      return closedSentence(loaded, checkin, terms);
  }
}
