// Host page defaults: headings that fit the page (heading-level), landmarks named by contract,
// and over-long host text shortened with its full text kept, never a blank element.
import { expect, fixture, html } from '@open-wc/testing';
import type { CheckinForm } from '../src/elements/checkin-form/checkin-form.js';
import { DISPLAY_TEXT_SHOWN } from '../src/limits.js';
import { $, cleanStorage, mount, settled, text, typeInto, world } from './form-helpers.js';

const levelOf = (node: Element | null) => [node?.getAttribute('role'), node?.getAttribute('aria-level')];

async function answerAll(el: CheckinForm): Promise<void> {
  await typeInto(el, 0, 'Team roles behind the flag.');
  await typeInto(el, 1, 'Release checklist with QA.');
  await typeInto(el, 2, 'None');
  await el.submit();
}

describe('<checkin-form> headings, landmarks and long host text', () => {
  beforeEach(cleanStorage);
  afterEach(cleanStorage);

  it('has a level-2 main heading and level-3 sub-headings by default', async () => {
    const w = world();
    const el = await mount(w.talent);
    expect(levelOf($(el, '#heading'))).to.deep.equal(['heading', '2']);
    expect(el.shadowRoot!.querySelector('h1, h2, h3, h4, h5, h6')).to.equal(null);
    await el.submit();
    expect(levelOf($(el, '#summary-title'))).to.deep.equal(['heading', '3']);
    await answerAll(el);
    expect(text($(el, '#done-heading'))).to.equal('Submitted');
    expect(levelOf($(el, '#done-heading'))).to.deep.equal(['heading', '3']);
  });

  it('follows heading-level, with sub-headings one below (at most 6)', async () => {
    const w = world();
    const el = await mount(w.talent, { attrs: { 'heading-level': '4' } });
    await el.updateComplete;
    expect(levelOf($(el, '#heading'))).to.deep.equal(['heading', '4']);
    await el.submit();
    expect(levelOf($(el, '#summary-title'))).to.deep.equal(['heading', '5']);
    el.setAttribute('heading-level', '6');
    await el.updateComplete;
    expect(levelOf($(el, '#heading'))).to.deep.equal(['heading', '6']);
    expect(levelOf($(el, '#summary-title'))).to.deep.equal(['heading', '6']);
    el.setAttribute('heading-level', '9');
    await el.updateComplete;
    expect(levelOf($(el, '#heading'))).to.deep.equal(['heading', '2']);
  });

  it('passes heading-order under a page whose only heading is an h1, in the closed and sent states too', async () => {
    const w = world();
    const page = await fixture<HTMLElement>(html`<main>
      <h1>Atlas contract</h1>
      <checkin-form .adapter=${w.talent} contract-id="c-atlas" .clock=${() => w.clock.now}></checkin-form>
    </main>`);
    const el = page.querySelector('checkin-form')!;
    await settled(el);
    await expect(page).to.be.accessible();
    await typeInto(el, 0, 'Team roles behind the flag.');
    const { version } = await w.client.getSettings('c-atlas');
    await w.client.updateSettings('c-atlas', { enabled: false }, { expectedVersion: version, idempotencyKey: 'k-off' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await el.updateComplete;
    expect(text($(el, '#done-heading'))).to.equal('This check-in closed');
    await expect(page).to.be.accessible();
    await el.sendReply();
    expect(text($(el, '#done-heading'))).to.equal('Sent as a message');
    await expect(page).to.be.accessible();
  });

  it('names its landmarks by contract: two forms on one page pass landmark-unique', async () => {
    const w = world({
      data: (d) => {
        d.settings['c-nova'] = { ...d.settings['c-nova']!, enabled: true, consent: 'given' };
      },
    });
    await w.client.requestUpdate('c-nova', {}, { idempotencyKey: 'k-nova' });
    const page = await fixture<HTMLElement>(html`<main>
      <h1>Your contracts</h1>
      <checkin-form .adapter=${w.talent} contract-id="c-atlas" .clock=${() => w.clock.now}></checkin-form>
      <checkin-form .adapter=${w.talent} contract-id="c-nova" .clock=${() => w.clock.now}></checkin-form>
    </main>`);
    const [atlas, nova] = [...page.querySelectorAll('checkin-form')];
    await settled(atlas!);
    await settled(nova!);
    const nameOf = (el: Element, selector: string) => {
      const labelled = el.shadowRoot!.querySelector(selector)!.getAttribute('aria-labelledby')!;
      return text(el.shadowRoot!.getElementById(labelled));
    };
    expect(nameOf(atlas!, 'section')).to.equal('Check-in for Atlas customer portal: front-end rebuild');
    expect(nameOf(nova!, 'section')).to.equal('Check-in for Nova onboarding flow: research and prototypes');
    expect(nameOf(atlas!, 'form')).to.not.equal(nameOf(nova!, 'form'));
    await expect(page).to.be.accessible();
  });

  it('shortens a 5,000-character title and names, keeps the full title, and still works', async () => {
    const title = `Atlas ${'very long title '.repeat(320)}`.slice(0, 5000);
    const name = `Dana ${'Whitfield-'.repeat(500)}`.slice(0, 5000);
    const w = world({
      data: (d) => {
        const atlas = d.contracts.find((c) => c.id === 'c-atlas')!;
        atlas.title = title;
        atlas.client = { ...atlas.client, name };
        for (const c of d.checkins['c-atlas']!) c.requestedBy = { ...c.requestedBy, name };
      },
    });
    const el = await mount(w.talent);
    expect($(el, '[part~="error"]')).to.equal(null);
    const heading = $(el, '#heading')!;
    expect(heading.getAttribute('title')).to.equal(title);
    expect(text(heading).length).to.be.lessThan(DISPLAY_TEXT_SHOWN + 20);
    expect(text(heading).endsWith('…')).to.equal(true);
    expect(text($(el, '.asker')).length).to.be.lessThan(DISPLAY_TEXT_SHOWN + 60);
    expect(el.shadowRoot!.querySelectorAll('textarea[part="textarea"]')).to.have.length(3);
    await expect(el).to.be.accessible();
  });
});
