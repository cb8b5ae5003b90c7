import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { seedDemo } from '../src/adapters/memory.js';
import { text } from './support/dom.js';

// The page `npm start` serves, driven as a visitor would: talent view, jump to the next prompt,
// answer it, and see the answer in the thread. As under `npm start`, the page talks HTTP to the
// reference server (here an instance of its own, seeded with the demo data first).

const API = '/srv/demo';

async function openDemo() {
  const reset = await fetch(`${API}/v1/_testing/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(seedDemo()),
  });
  expect(reset.status, 'the demo server was reset').to.equal(204);
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe title="demo" src="/demo/index.html?api=${API}" width="1200" height="900"></iframe>`,
  );
  await waitUntil(() => frame.contentDocument?.readyState === 'complete', 'the demo did not load', {
    timeout: 8000,
  });
  const doc = frame.contentDocument!;
  // Start from the seeded data, whatever an earlier run left in this origin's storage.
  frame.contentWindow!.localStorage.clear();
  frame.contentWindow!.location.reload();
  await waitUntil(
    () => frame.contentDocument !== doc && frame.contentDocument?.readyState === 'complete',
    'the demo did not reload',
    { timeout: 8000 },
  );
  return frame;
}

function choose(doc: Document, selector: string, value: string) {
  const select = doc.querySelector<HTMLSelectElement>(selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('demo page', function () {
  // The first request starts the demo's server instance (PGlite's cold start).
  this.timeout(60000);
  it('lets a visitor open the next check-in as the talent, answer it and see it in the thread', async function () {
    this.timeout(60000);
    const frame = await openDemo();
    const doc = frame.contentDocument!;
    const form = () => doc.querySelector('checkin-form')!.shadowRoot!;
    const thread = () => doc.querySelector('checkin-thread')!.shadowRoot!;
    await waitUntil(() => text(doc.querySelector('#contract-title')).length > 1, 'no contract title');
    expect(text(doc.querySelector('#contract-title'))).to.equal('Atlas customer portal: front-end rebuild');

    choose(doc, '#viewer', 'u-kofi');
    doc.querySelector<HTMLButtonElement>('#jump')!.click();
    // The seeded week (27 Nov) is late; the jump opens the one due on 4 December.
    await waitUntil(
      () => text(form()).includes('answer by Fri 4 Dec') && form().querySelector('[part~="submit"]'),
      'the next check-in did not open in the form',
      { timeout: 15000 },
    );
    expect(text(doc.querySelector('#clock'))).to.contain('Demo clock:');

    const answers = ['Billing page polish.', 'Release checklist.', 'None'];
    form()
      .querySelectorAll<HTMLTextAreaElement>('textarea[part~="textarea"]')
      .forEach((area, i) => {
        area.value = answers[i] ?? '';
        area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      });
    form().querySelector<HTMLButtonElement>('[part~="submit"]')!.click();

    await waitUntil(() => text(thread()).includes('Billing page polish.'), 'the answer never reached the thread', {
      timeout: 15000,
    }).catch((error) => {
      throw new Error(`${error.message}; the form says: ${text(form()).slice(0, 300)}`);
    });
    await waitUntil(
      () => text(doc.querySelector('#events')).includes('checkin-submit'),
      'the host page did not hear checkin-submit',
    );
  });

  it('shows the client a switch and the observer none', async function () {
    this.timeout(60000);
    const frame = await openDemo();
    const doc = frame.contentDocument!;
    const toggle = () => doc.querySelector('checkin-toggle')!.shadowRoot!;
    choose(doc, '#viewer', 'u-dana');
    await waitUntil(() => toggle().querySelector('[role="switch"]'), 'the client has no switch', {
      timeout: 15000,
    });
    choose(doc, '#viewer', 'u-omar');
    await waitUntil(
      () => !toggle().querySelector('[role="switch"]') && text(toggle()).includes('Fridays'),
      'the observer should see a summary without a switch',
      { timeout: 15000 },
    );
  });

  it('lets a keyboard user reach the settings before the history, and lists the rules to try', async function () {
    this.timeout(60000);
    const frame = await openDemo();
    const doc = frame.contentDocument!;
    choose(doc, '#viewer', 'u-dana');
    const toggle = () => doc.querySelector('checkin-toggle')!.shadowRoot!;
    await waitUntil(() => toggle().querySelector('[role="switch"]'), 'the client has no switch', {
      timeout: 15000,
    });
    // The first Tab stop of the page is the skip link to the settings.
    const links = [...doc.querySelectorAll<HTMLAnchorElement>('.skip-links a')];
    expect(links.map((a) => text(a))).to.deep.equal([
      'Skip to contract settings',
      "Skip to this week's check-in",
      'Skip to the check-in history',
    ]);
    const focusable = doc.querySelector<HTMLElement>('a[href], button, select, input');
    expect(focusable).to.equal(links[0]);
    for (const link of links) {
      const target = doc.querySelector<HTMLElement>(link.getAttribute('href')!);
      expect(target, link.href).to.exist;
      expect(target!.tabIndex).to.equal(-1);
    }
    // The settings come right after their heading: the switch is inside the next element.
    const heading = doc.querySelector('#settings-heading')!;
    expect(heading.nextElementSibling?.tagName).to.equal('CHECKIN-TOGGLE');
    // Headings fit the page: the elements in h2 sections start at level 3.
    expect(doc.querySelector('checkin-toggle')!.getAttribute('heading-level')).to.equal('3');
    expect(doc.querySelector('checkin-form')!.getAttribute('heading-level')).to.equal('3');
    const rules = [...doc.querySelectorAll('.try li strong')].map((n) => text(n));
    expect(rules).to.have.length(5);
    expect(rules[0]).to.contain('Requests are messages');
  });
});
