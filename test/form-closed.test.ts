// Rule 2 in the form: a check-in closed by turning check-ins off, declining or withdrawing says
// who closed it and why, and what the talent typed for it is kept and can go as a message.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { draftKey } from '../src/controllers/draft.js';
import type { CheckinForm } from '../src/elements/checkin-form/checkin-form.js';
import type { CheckinReplyEvent } from '../src/events.js';
import {
  $,
  FRIDAY,
  OPEN_ID,
  calls,
  cleanStorage,
  fields,
  flush,
  mount,
  settled,
  text,
  typeInto,
  world,
  type World,
} from './form-helpers.js';

const KEY = draftKey('c-atlas', OPEN_ID, 'u-kofi');
const replyField = (el: CheckinForm) => $<HTMLTextAreaElement>(el, '#reply-text');
const heading = (el: CheckinForm) => text($(el, '#done-heading'));

async function turnOff(w: World): Promise<void> {
  const { version } = await w.client.getSettings('c-atlas');
  await w.client.updateSettings('c-atlas', { enabled: false }, { expectedVersion: version, idempotencyKey: 'k-off' });
}

async function withdraw(w: World): Promise<void> {
  const { version } = await w.talent.getSettings('c-atlas');
  await w.talent.updateSettings(
    'c-atlas',
    { consent: 'withdrawn' },
    { expectedVersion: version, idempotencyKey: 'k-withdraw' },
  );
}

describe('<checkin-form> closed check-ins (rule 2)', () => {
  beforeEach(cleanStorage);
  afterEach(cleanStorage);

  it('says who turned check-ins off while the talent typed, and keeps the text to send as a message', async () => {
    const w = world();
    const el = await mount(w.talent);
    await typeInto(el, 0, 'Team roles behind the flag.');
    await typeInto(el, 2, 'Waiting for the API keys.');
    await turnOff(w);
    await waitUntil(() => heading(el) === 'This check-in closed', 'the form never said the check-in closed');
    // 17:00 UTC is 18:00 for Kofi in Berlin.
    expect(text($(el, '[data-state="closed-checkin"] [part~="state"]'))).to.equal(
      'Dana Whitfield turned weekly check-ins off on Fri 27 Nov, 18:00, so this check-in closed.',
    );
    expect(fields(el)).to.have.length(0);
    expect(replyField(el)!.value).to.equal(
      'What did you work on this week?\nTeam roles behind the flag.\n\nWhat might delay your planned work?\nWaiting for the API keys.',
    );
    // Nothing typed is gone: the draft is still stored.
    await waitUntil(() => localStorage.getItem(KEY), 'the draft was never stored');
    expect(JSON.parse(localStorage.getItem(KEY)!).value.answers.done).to.equal('Team roles behind the flag.');
    await expect(el).to.be.accessible();

    const sent = oneEvent(el, 'checkin-reply') as Promise<CheckinReplyEvent>;
    ($(el, '[part~="send-reply"]') as HTMLButtonElement).click();
    const event = await sent;
    expect(event.detail.checkinId).to.equal(OPEN_ID);
    expect(calls(w.talent, 'reply')).to.have.length(1);
    expect(calls(w.talent, 'reply')[0]!.args[1]).to.equal(OPEN_ID);
    await el.updateComplete;
    expect(heading(el)).to.equal('Sent as a message');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#done-heading'));
    expect(localStorage.getItem(KEY)).to.equal(null);
    const stored = (await w.client.listCheckins('c-atlas')).items.find((c) => c.id === OPEN_ID)!;
    expect(stored.status).to.equal('closed');
    expect(stored.replies.at(-1)?.text).to.contain('Waiting for the API keys.');
    await expect(el).to.be.accessible();
  });

  it('sends the message as the talent edited it, and keeps the edit in the draft', async () => {
    const w = world();
    const el = await mount(w.talent);
    await typeInto(el, 0, 'Team roles behind the flag.');
    await turnOff(w);
    await waitUntil(() => replyField(el), 'no message offered');
    const field = replyField(el)!;
    field.value = 'Dana, here is where I got to: team roles are done.';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    el.remove();
    expect(JSON.parse(localStorage.getItem(KEY)!).value.reply).to.equal(
      'Dana, here is where I got to: team roles are done.',
    );

    const again = await mount(w.talent);
    expect(replyField(again)!.value).to.equal('Dana, here is where I got to: team roles are done.');
    await again.sendReply();
    expect(calls(w.talent, 'reply')[0]!.args[2]).to.deep.equal({
      text: 'Dana, here is where I got to: team roles are done.',
    });
  });

  it('says "you withdrew" when the talent withdrew consent, in the second person', async () => {
    const w = world();
    const el = await mount(w.talent);
    await typeInto(el, 1, 'Release checklist with QA.');
    await withdraw(w);
    await waitUntil(() => heading(el) === 'This check-in closed', 'the form never said the check-in closed');
    expect(text($(el, '[data-state="closed-checkin"] [part~="state"]'))).to.equal(
      'You withdrew your consent to weekly check-ins on Fri 27 Nov, 18:00, so this check-in closed.',
    );
    expect(replyField(el)!.value).to.equal('What will you work on next week?\nRelease checklist with QA.');
  });

  it('restores a draft typed for a check-in that closed while the page was away, and offers it as a message', async () => {
    const w = world();
    const el = await mount(w.talent);
    await typeInto(el, 0, 'Team roles behind the flag.');
    el.remove();
    await turnOff(w);
    const again = await mount(w.talent);
    expect(heading(again)).to.equal('This check-in closed');
    expect(text($(again, '[part~="standing"]'))).to.equal(
      "Dana Whitfield turned weekly check-ins off on Fri 27 Nov, 18:00, so you won't be asked each week. Dana Whitfield can still ask you for an update, and you can answer it here.",
    );
    expect(replyField(again)!.value).to.equal('What did you work on this week?\nTeam roles behind the flag.');
    await expect(again).to.be.accessible();
  });

  it('shows a closed check-in without a draft as closed, with nothing to send', async () => {
    const w = world();
    await turnOff(w);
    const el = await mount(w.talent);
    expect(heading(el)).to.equal('This check-in closed');
    expect(replyField(el)).to.equal(null);
    expect(fields(el)).to.have.length(0);
  });

  it('keeps the draft when the backend refuses the answers of a closed check-in (conflict), and offers the message', async () => {
    const w = world();
    const el = await mount(w.talent);
    // The close is not heard (a dropped connection): the form still shows the check-in as open.
    w.talent.faults.dropSubscriptions();
    await typeInto(el, 0, 'Team roles behind the flag.');
    await typeInto(el, 1, 'Release checklist with QA.');
    await typeInto(el, 2, 'None');
    await turnOff(w);
    await el.submit();
    const error = $(el, '[part~="error"][data-code="conflict"]');
    expect(text(error)).to.contain('This check-in closed when check-ins were turned off.');
    expect(fields(el).map((f) => f.value)).to.deep.equal([
      'Team roles behind the flag.',
      'Release checklist with QA.',
      'None',
    ]);
    expect(JSON.parse(localStorage.getItem(KEY)!).value.answers.next).to.equal('Release checklist with QA.');
    await expect(el).to.be.accessible();

    ($(el, '[part~="offer-reply"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(replyField(el));
    expect(replyField(el)!.value).to.contain('Release checklist with QA.');
    await expect(el).to.be.accessible();
    await el.sendReply();
    expect(calls(w.talent, 'reply')).to.have.length(1);
    expect(heading(el)).to.equal('Sent as a message');
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('keeps the text and offers a retry when sending the message fails', async () => {
    const w = world();
    const el = await mount(w.talent);
    await typeInto(el, 0, 'Team roles behind the flag.');
    await turnOff(w);
    await waitUntil(() => replyField(el), 'no message offered');
    w.talent.faults.failNext('reply', 'network');
    await el.sendReply();
    expect($(el, '[part~="reply-panel"] [part~="error"]')?.getAttribute('data-code')).to.equal('network');
    expect(replyField(el)!.value).to.contain('Team roles behind the flag.');
    expect(localStorage.getItem(KEY)).not.to.equal(null);
    ($(el, '[part~="reply-panel"] [part~="retry-button"]') as HTMLButtonElement).click();
    await waitUntil(() => heading(el) === 'Sent as a message', 'the retry was not sent');
    // The retry is the same write: one reply stored.
    const stored = (await w.client.listCheckins('c-atlas')).items.find((c) => c.id === OPEN_ID)!;
    expect(stored.replies.filter((r) => r.author.id === 'u-kofi')).to.have.length(1);
  });

  it('keeps a request for an update answerable after check-ins are turned off', async () => {
    const w = world();
    await w.talent.submitAnswers(
      'c-atlas',
      OPEN_ID,
      {
        answers: [
          { questionId: 'done', text: 'a' },
          { questionId: 'next', text: 'b' },
          { questionId: 'blockers', text: 'None' },
        ],
      },
      { idempotencyKey: 'k-answer' },
    );
    await w.client.requestUpdate(
      'c-atlas',
      { message: 'A quick word on the release?' },
      { idempotencyKey: 'k-request' },
    );
    await turnOff(w);
    const el = await mount(w.talent);
    expect(text($(el, '.asker'))).to.equal('Dana Whitfield asked for an update');
    expect(fields(el)).to.have.length(3);
  });

  it("tells the client they turned check-ins off, in the client's view", async () => {
    const w = world();
    await turnOff(w);
    const el = await fixture<CheckinForm>(
      html`<checkin-form .adapter=${w.client} contract-id="c-atlas" checkin-id=${OPEN_ID} .clock=${() => FRIDAY}></checkin-form>`,
    );
    await settled(el);
    await flush(el);
    expect(text($(el, '[part~="state"]'))).to.equal(
      'You turned weekly check-ins off on Fri, Nov 27, 12:00 PM, so this check-in closed.',
    );
    await expect(el).to.be.accessible();
  });
});
