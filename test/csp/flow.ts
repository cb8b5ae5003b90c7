/**
 * The full client and talent flow of the strict-CSP app (test/csp/app.html), shared by the test
 * of the sources (test/security-csp.test.ts) and the test of the built bundle
 * (test/built/csp-bundle.test.ts): turn check-ins on, accept, answer, see the answer live in the
 * thread, reply. Returns what the page recorded, for the caller to assert on.
 */
import { waitUntil } from '@open-wc/testing';
import type { MemoryAdapter, MemoryStore } from '../../src/adapters/memory.js';
import { text } from '../support/dom.js';

export interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

export interface AppWindow extends Window {
  __cspViolations?: Violation[];
  __pageErrors?: string[];
  cspApp?: { store: MemoryStore; client: MemoryAdapter; talent: MemoryAdapter; remountForm: () => HTMLElement };
}

export const frames: HTMLIFrameElement[] = [];

export async function load(query = ''): Promise<{ frame: HTMLIFrameElement; win: AppWindow; doc: Document }> {
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

/** Finds `selector` inside the shadow root of the `index`-th `tag` element of the iframe. */
export function inside(doc: Document, tag: string, selector: string, index = 0): HTMLElement | null {
  const host = doc.querySelectorAll(tag)[index];
  return host?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

export function buttonNamed(scope: ParentNode | null | undefined, name: string): HTMLButtonElement | null {
  return [...(scope?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => text(b) === name) ?? null;
}

export function setValue(field: HTMLTextAreaElement, value: string): void {
  field.value = value;
  // The event is made in the iframe's realm, as the browser would when a person types there.
  const win = field.ownerDocument.defaultView as Window & typeof globalThis;
  field.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
}

/** What the page saw during a run: its violations and errors, and which Lit build ran. */
export interface FlowResult {
  violations: Violation[];
  pageErrors: string[];
  /** Lit's development build warns through `window.litIssuedWarnings`; production has none. */
  litDevMode: boolean;
}

/** Runs the whole flow in a fresh iframe of the app, loaded with `query`. */
export async function runFullFlow(query = ''): Promise<FlowResult> {
  const { win, doc } = await load(query);
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
    () =>
      text(clientToggle().shadowRoot!.querySelector('[part~="consent"]')).includes('Waiting for Kofi Mensah to accept'),
    'the client does not see that consent is pending',
    { timeout: 5000 },
  );

  // 2. The talent (through <checkin-provider>) sees the request and accepts it.
  await waitUntil(
    () => buttonNamed(talentToggle().shadowRoot!.querySelector('[part~="consent"]'), 'Accept'),
    'no Accept',
    {
      timeout: 5000,
    },
  );
  const ask = text(talentToggle().shadowRoot!.querySelector('[part~="consent"]'));
  if (!ask.includes('Dana Whitfield would like weekly check-ins on this contract.')) {
    throw new Error(`the talent is not asked in the client's name: "${ask}"`);
  }
  buttonNamed(talentToggle().shadowRoot!.querySelector('[part~="consent"]'), 'Accept')!.click();
  await waitUntil(() => app.store.snapshot().settings['c-nova']!.consent === 'given', 'the acceptance was not saved', {
    timeout: 5000,
  });

  // 3. The week's prompt arrives; the talent answers it in the form.
  const due = app.store.advanceToNextPrompt('c-nova');
  if (typeof due !== 'string') throw new Error('no prompt came due');
  const form = app.remountForm();
  await waitUntil(() => form.shadowRoot?.querySelectorAll('textarea[id^="q-"]').length === 3, 'no open check-in', {
    timeout: 5000,
  });
  const answers = [
    'Interviewed five users about onboarding.',
    'Prototype the new sign-up steps.',
    'Waiting for the research budget sign-off.',
  ];
  form
    .shadowRoot!.querySelectorAll<HTMLTextAreaElement>('textarea[id^="q-"]')
    .forEach((f, i) => setValue(f, answers[i]!));
  form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
  await waitUntil(() => text(form.shadowRoot!.querySelector('#done-heading')) === 'Submitted', 'not submitted', {
    timeout: 5000,
  });

  // 4. The client sees the answer in the thread (live), blocker flagged, and replies.
  const thread = doc.querySelector('checkin-thread')!;
  await waitUntil(
    () => text(thread.shadowRoot!.querySelector('[role="feed"]')).includes(answers[0]!),
    'answer not in thread',
    {
      timeout: 5000,
    },
  );
  const article = thread.shadowRoot!.querySelector('article')!;
  if (!text(article).includes(answers[2]!)) throw new Error('the blocker answer is not shown');
  if (!article.querySelector('[part~="blocker-badge"]')) throw new Error('the blocker is not flagged');
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

  return {
    violations: [...(win.__cspViolations ?? [])],
    pageErrors: [...(win.__pageErrors ?? [])],
    litDevMode: !!(win as unknown as { litIssuedWarnings?: unknown }).litIssuedWarnings,
  };
}
