import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Checkin } from '../../../model.js';
import { LIMITS } from '../../../limits.js';
import { renderError, shortText } from '../../shared.js';
import { lengthOf } from '../form-logic.js';
import { failureOf, valueOf } from '../state.js';
import { closedSentence, replyMessage } from '../words.js';
import { renderNoteField, renderSend } from './fields.js';
import type { FormView } from './props.js';
import { reloadButton } from './reload.js';

/**
 * What was typed for a check-in that can no longer take it, as a message on that check-in
 * (`adapter.reply`): shown for a closed check-in, and after a refused submit on request. The
 * draft stays until the adapter confirms the message.
 */
export function renderReplyPanel(props: { view: FormView; checkin: Checkin }): TemplateResult {
  const { view, checkin } = props;
  const client = shortText(view.loaded.contract.client.name);
  const text = replyMessage(view.loaded.settings.questions, valueOf(view.entry));
  const error = view.problems.reply;
  const failure = failureOf(view.outcomes, 'reply');
  return html`<div class="section" part="reply-panel">
    <p>
      ${
        checkin.status === 'closed'
          ? msg(
              str`Your answers were not sent. They are kept on this device, and you can send them to ${client} as a message on this check-in.`,
            )
          : msg(str`You can send what you wrote to ${client} as a message on this check-in.`)
      }
    </p>
    <label for="reply-text">${msg(str`Message to ${client}`)}</label>
    ${renderNoteField({
      ...{ id: 'reply-text', name: 'reply', part: 'textarea reply-text', rows: 8, value: text, error },
      ...{ readonly: view.sending === 'reply', onInput: view.on.replyInput },
      ...{ length: lengthOf(text), max: LIMITS.reply, tooMany: true },
    })}
    ${failure ? renderError(failure, view.on.sendReply, msg('Retry')) : nothing}
    <div class="actions">
      ${renderSend({
        ...{ part: 'send-reply', busy: view.sending !== undefined, onClick: view.on.sendReply },
        label: view.sending === 'reply' ? msg('Sending…') : msg(str`Send to ${client}`),
      })}
    </div>
  </div>`;
}

/** After the answers went as a message: said, and where to find it. */
export function renderReplySent(props: { view: FormView; checkin: Checkin }): TemplateResult {
  const { view, checkin } = props;
  const client = shortText(view.loaded.contract.client.name);
  return html`<div class="section" data-state="replied">
    <div id="done-heading" tabindex="-1" class="h3 state done" role="heading" aria-level=${view.subLevel}>
      ${msg('Sent as a message')}
    </div>
    <p part="state">
      ${msg(str`What you wrote went to ${client} as a message on this check-in; it is in the check-in history.`)}
      ${checkin.status === 'closed' ? closedSentence(view.loaded, checkin, view.terms) : nothing}
    </p>
    ${checkin.status === 'closed' ? nothing : reloadButton({ view, label: msg('Show the check-in as it is now') })}
  </div>`;
}
