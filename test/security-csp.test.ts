/**
 * The elements under a strict Content-Security-Policy with Trusted Types enforced:
 *
 *   default-src 'self'; script-src 'self'; style-src 'self';
 *   require-trusted-types-for 'script'; trusted-types lit-html
 *
 * wtr's own harness page runs inline scripts and cannot live under that policy, so the app runs
 * in an iframe: test/csp/app.html, served with the header by the middleware in
 * web-test-runner.config.mjs, whose module script imports the define modules and the memory
 * adapter through the dev server. A full client and talent flow runs there, and the page's own
 * listener (test/csp/violations.js, loaded first) must record zero `securitypolicyviolation`s.
 * Negative controls show the header is applied and a violation would be caught.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { MemoryAdapter, MemoryStore } from '../src/adapters/memory.js';

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

interface AppWindow extends Window {
  __cspViolations?: Violation[];
  __pageErrors?: string[];
  cspApp?: { store: MemoryStore; client: MemoryAdapter; talent: MemoryAdapter; remountForm: () => HTMLElement };
}

const frames: HTMLIFrameElement[] = [];

async function load(query = ''): Promise<{ frame: HTMLIFrameElement; win: AppWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.title = 'CSP test app';
  frame.style.width = '900px';
  frame.style.height = '1400px';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/test/csp/app.html${query}`;
  document.body.append(frame);
  await loaded;
  return { frame, win: frame.contentWindow as AppWindow, doc: frame.contentDocument! };
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Finds `selector` inside the shadow root of the `index`-th `tag` element of the iframe. */
function inside(doc: Document, tag: string, selector: string, index = 0): HTMLElement | null {
  const host = doc.querySelectorAll(tag)[index];
  return host?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

function buttonNamed(scope: ParentNode | null | undefined, name: string): HTMLButtonElement | null {
  return [...(scope?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => text(b) === name) ?? null;
}

function setValue(field: HTMLTextAreaElement, value: string): void {
  field.value = value;
  // The event is made in the iframe's realm, as the browser would when a person types there.
  const win = field.ownerDocument.defaultView as Window & typeof globalThis;
  field.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
}

describe('security: a strict CSP with Trusted Types', function () {
  this.timeout(30000);

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('the page is served with the policy, and the app loads under it', async () => {
    const response = await fetch('/test/csp/app.html');
    expect(response.headers.get('content-security-policy')).to.equal(
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html",
    );
    const { win, doc } = await load();
    await waitUntil(() => win.cspApp, 'the app module did not run under the policy', { timeout: 10000 });
    await waitUntil(
      () => inside(doc, 'checkin-toggle', '[role="switch"]') && inside(doc, 'checkin-thread', '[part~="empty"]'),
      'the elements did not render under the policy',
      { timeout: 10000 },
    );
    expect(win.__cspViolations).to.deep.equal([]);
    expect(win.__pageErrors ?? []).to.deep.equal([]);
  });

  it('a full client and talent flow: turn on, accept, answer, see it, reply; zero violations', async () => {
    const { win, doc } = await load();
    await waitUntil(() => win.cspApp, 'the app did not start', { timeout: 10000 });
    const app = win.cspApp!;
    const clientToggle = () => doc.querySelectorAll('checkin-toggle')[0]!;
    const talentToggle = () => doc.querySelectorAll('checkin-toggle')[1]!;
    await waitUntil(() => clientToggle().shadowRoot?.querySelector('[role="switch"]'), 'client toggle', {
      timeout: 10000,
    });

    // 1. The client turns check-ins on for c-nova, through the confirmation dialog.
    clientToggle().shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!.click();
    await waitUntil(() => clientToggle().shadowRoot!.querySelector<HTMLDialogElement>('dialog')?.open, 'no dialog');
    buttonNamed(clientToggle().shadowRoot!.querySelector('dialog'), 'Turn on check-ins')!.click();
    await waitUntil(
      () => text(clientToggle().shadowRoot!.querySelector('[part~="consent"]')).includes('Waiting for Kofi Mensah to accept'),
      'the client does not see that consent is pending',
      { timeout: 5000 },
    );

    // 2. The talent (through <checkin-provider>) sees the request and accepts it.
    await waitUntil(() => buttonNamed(talentToggle().shadowRoot!.querySelector('[part~="consent"]'), 'Accept'), 'no Accept', {
      timeout: 5000,
    });
    expect(text(talentToggle().shadowRoot!.querySelector('[part~="consent"]'))).to.contain(
      'Dana Whitfield would like weekly check-ins on this contract.',
    );
    buttonNamed(talentToggle().shadowRoot!.querySelector('[part~="consent"]'), 'Accept')!.click();
    await waitUntil(
      () => app.store.snapshot().settings['c-nova']!.consent === 'given',
      'the acceptance was not saved',
      { timeout: 5000 },
    );

    // 3. The week's prompt arrives; the talent answers it in the form.
    const due = app.store.advanceToNextPrompt('c-nova');
    expect(due).to.be.a('string');
    const form = app.remountForm();
    await waitUntil(() => form.shadowRoot?.querySelectorAll('textarea[id^="q-"]').length === 3, 'no open check-in', {
      timeout: 5000,
    });
    const answers = [
      'Interviewed five users about onboarding.',
      'Prototype the new sign-up steps.',
      'Waiting for the research budget sign-off.',
    ];
    form.shadowRoot!.querySelectorAll<HTMLTextAreaElement>('textarea[id^="q-"]').forEach((f, i) => setValue(f, answers[i]!));
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitUntil(() => text(form.shadowRoot!.querySelector('#done-heading')) === 'Submitted', 'not submitted', {
      timeout: 5000,
    });

    // 4. The client sees the answer in the thread (live), blocker flagged, and replies.
    const thread = doc.querySelector('checkin-thread')!;
    await waitUntil(() => text(thread.shadowRoot!.querySelector('[role="feed"]')).includes(answers[0]!), 'answer not in thread', {
      timeout: 5000,
    });
    const article = thread.shadowRoot!.querySelector('article')!;
    expect(text(article)).to.contain(answers[2]!);
    expect(Boolean(article.querySelector('[part~="blocker-badge"]'))).to.equal(true);
    article.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await (thread as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const box = article.querySelector('[part~="reply-box"]')!;
    setValue(box.querySelector('textarea')!, 'Thanks Kofi, I will chase the budget today.');
    box.querySelector<HTMLButtonElement>('[part~="reply-send"]')!.click();
    await waitUntil(
      () => text(thread.shadowRoot!.querySelector('article [part~="replies"]')).includes('I will chase the budget today'),
      'the reply is not shown',
      { timeout: 5000 },
    );

    // Which Lit build ran (wtr resolves the "development" export condition): logged for the docs.
    const devMode = !!(win as unknown as { litIssuedWarnings?: unknown }).litIssuedWarnings;
    console.log(`CSP flow ran with Lit in ${devMode ? 'development' : 'production'} mode`);
    // The flow touched every element, the dialog, the provider and live updates; not one
    // violation, not one error.
    expect(win.__cspViolations).to.deep.equal([]);
    expect(win.__pageErrors ?? []).to.deep.equal([]);
  });

  describe('negative controls: the policy is enforced and a violation would be seen', () => {
    it('an inline style attribute is refused and recorded (style-src)', async () => {
      const { win } = await load('?probe=style');
      await waitUntil(() => win.cspApp, 'the app did not start', { timeout: 10000 });
      await waitUntil(() => (win.__cspViolations ?? []).length > 0, 'no violation recorded', { timeout: 5000 });
      expect(win.__cspViolations!.map((v) => v.directive)).to.include('style-src-attr');
    });

    it('a string passed to an HTML sink is refused and recorded (require-trusted-types-for)', async () => {
      const { win } = await load('?probe=html');
      await waitUntil(() => win.cspApp, 'the app did not start', { timeout: 10000 });
      await waitUntil(() => (win.__cspViolations ?? []).length > 0, 'no violation recorded', { timeout: 5000 });
      expect(win.__cspViolations!.map((v) => v.directive)).to.include('require-trusted-types-for');
    });

    it("without the 'lit-html' policy name allowed, Lit cannot start: the allowlist entry is needed", async () => {
      const { win, doc } = await load('?tt=none');
      await waitUntil(() => (win.__cspViolations ?? []).length > 0, 'no violation recorded', { timeout: 10000 });
      const violation = win.__cspViolations!.find((v) => v.directive === 'trusted-types');
      expect(violation?.sample).to.equal('lit-html');
      expect(Boolean(inside(doc, 'checkin-toggle', '[role="switch"]'))).to.equal(false);
    });
  });
});
