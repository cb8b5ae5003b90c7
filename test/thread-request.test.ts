// The message of "Request an update" in <checkin-thread>: its limit shown, a paste over it kept
// whole and said to be too long at the field, nothing sent until it fits (issue 9: "A text that
// hits a limit says so where it happened").
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/checkin-thread.js';
import type { MemoryAdapter } from '../src/adapters/memory.js';
import type { CheckinThread } from '../src/elements/checkin-thread/checkin-thread.js';
import { LIMITS } from '../src/limits.js';
import { $, button, text } from './support/dom.js';
import { FRIDAY, adapterFor, calls, world } from './support/fixtures.js';

const clock = () => FRIDAY;

async function openPanel(): Promise<{ el: CheckinThread; adapter: MemoryAdapter; field: HTMLTextAreaElement }> {
  const adapter = adapterFor(world(), 'u-dana');
  const el = await fixture<CheckinThread>(
    html`<checkin-thread .adapter=${adapter} contract-id="c-atlas" .clock=${clock}></checkin-thread>`,
  );
  await waitUntil(() => $(el, '[part~="request-update"]'), 'the thread did not load');
  $<HTMLButtonElement>(el, '[part~="request-update"]')!.click();
  await el.updateComplete;
  return { el, adapter, field: $<HTMLTextAreaElement>(el, '#request-message')! };
}

/** What a paste does to a field: the whole text in, one input event. */
async function paste(el: CheckinThread, field: HTMLTextAreaElement, value: string): Promise<void> {
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
  await el.updateComplete;
}

describe('<checkin-thread> request message', () => {
  it('shows its limit as a counter that follows what is typed', async () => {
    const { el, field } = await openPanel();
    const counter = $(el, '[part~="request-counter"]')!;
    expect(text(counter.querySelector('[aria-hidden="true"]'))).to.equal(`0 / ${LIMITS.message}`);
    expect(text(counter.querySelector('.visually-hidden'))).to.equal(`0 of ${LIMITS.message} characters used`);
    expect(field.getAttribute('aria-describedby')).to.equal('request-count');
    expect(field.hasAttribute('maxlength')).to.equal(false);
    field.focus();
    await sendKeys({ type: 'Status?' });
    await el.updateComplete;
    expect(text(counter.querySelector('[aria-hidden="true"]'))).to.equal(`7 / ${LIMITS.message}`);
    await expect(el).to.be.accessible();
  });

  it('keeps a paste over the limit whole, says so at the field, and sends nothing until it fits', async () => {
    const { el, adapter, field } = await openPanel();
    const long = 'x'.repeat(5000);
    await paste(el, field, long);
    // Nothing was cut.
    expect(field.value.length).to.equal(5000);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    const error = $(el, '#request-too-long')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.equal(
      `The message is ${5000 - LIMITS.message} characters too long: use ${LIMITS.message} characters or fewer to send it.`,
    );
    expect(field.getAttribute('aria-describedby')).to.equal('request-count request-too-long');
    expect(text($(el, '[part~="request-counter"] [aria-hidden="true"]'))).to.equal(
      `5000 / ${LIMITS.message} · ${5000 - LIMITS.message} too many`,
    );
    await expect(el).to.be.accessible();

    // Sending is refused here, without a request, and the field keeps the focus.
    $<HTMLButtonElement>(el, '#request-panel button[type="submit"]')!.focus();
    button($(el, '[part~="request-panel"]')!, 'Send request')!.click();
    await el.updateComplete;
    expect(calls(adapter, 'requestUpdate')).to.have.length(0);
    expect(el.shadowRoot!.activeElement === field, 'focus on the field').to.equal(true);
    expect(field.value.length).to.equal(5000);

    // Shortened to fit, it goes, exactly as typed.
    const fits = `${'y'.repeat(LIMITS.message - 2)} \t`;
    await paste(el, field, fits);
    expect(field.getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '#request-too-long')).to.equal(null);
    button($(el, '[part~="request-panel"]')!, 'Send request')!.click();
    await waitUntil(() => calls(adapter, 'requestUpdate').length === 1, 'the request was not sent');
    expect((calls(adapter, 'requestUpdate')[0]!.args[1] as { message?: string }).message).to.equal(fits);
  });

  it('sends no message for one of only white space', async () => {
    const { el, adapter, field } = await openPanel();
    await paste(el, field, '   \n ');
    button($(el, '[part~="request-panel"]')!, 'Send request')!.click();
    await waitUntil(() => calls(adapter, 'requestUpdate').length === 1, 'the request was not sent');
    expect(calls(adapter, 'requestUpdate')[0]!.args[1]).to.deep.equal({});
  });
});
