// The framework examples as built by `npm run examples` (React and Vue through Vite, from the
// built package) and the plain-HTML page on the single-file bundle, each driven in an iframe as
// a person would: Dana turns check-ins on, Kofi accepts, the demo clock moves to the prompt,
// Kofi answers and submits; the page's own handlers log the events' details, and both threads
// show the answer.
import { expect, waitUntil } from '@open-wc/testing';

const EXAMPLES = [
  // On the real wire: HttpAdapter against the reference server (an instance of its own).
  { name: 'html', url: '/examples/html/index.html?api=/srv/example-html' },
  { name: 'react', url: '/examples/react/dist/index.html' },
  { name: 'vue', url: '/examples/vue/dist/index.html' },
];

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const wait = (condition: () => unknown, message: string) => waitUntil(condition, message, { timeout: 8000 });

async function open(url: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '900px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('framework examples', function () {
  // Three loads, eight adapter round trips and three re-renders per example, on a busy CI box.
  this.timeout(40000);
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  for (const { name, url } of EXAMPLES) {
    it(`${name}: the client turns check-ins on, the talent submits, the page hears it and the threads show it`, async () => {
      frame = await open(url);
      const doc = frame.contentDocument!;
      const inside = (pane: 'client' | 'talent', tag: string) =>
        doc.querySelector(`#${pane} ${tag}`)?.shadowRoot ?? null;
      const log = () => [...doc.querySelectorAll('#log li')].map(text).join(' | ');
      // React and Vue render after the load event.
      await wait(() => doc.querySelectorAll('checkin-provider').length === 2, 'the page did not render two providers');

      // Dana: the switch is off; she turns it on and confirms.
      await wait(
        () => inside('client', 'checkin-toggle')?.querySelector('[role="switch"]'),
        'the client switch never rendered',
      );
      const toggle = inside('client', 'checkin-toggle')!;
      const sw = toggle.querySelector<HTMLButtonElement>('[role="switch"]')!;
      expect(sw.getAttribute('aria-checked')).to.equal('false');
      sw.click();
      await wait(() => toggle.querySelector<HTMLDialogElement>('dialog')?.open, 'the confirmation did not open');
      toggle.querySelector<HTMLButtonElement>('dialog button.primary')!.click();
      await wait(
        () => log().includes('checkin-settings-change: enabled=true consent=pending'),
        `the page did not log the switch-on: "${log()}"`,
      );
      expect(sw.getAttribute('aria-checked')).to.equal('true');

      // Kofi: asked to consent (live, through the shared store); he accepts.
      const accept = () =>
        [
          ...(inside('talent', 'checkin-toggle')?.querySelectorAll<HTMLButtonElement>('[part~="consent"] button') ??
            []),
        ].find((button) => text(button) === 'Accept');
      await wait(accept, 'the talent was not asked to consent');
      accept()!.click();
      await wait(() => log().includes('consent=given'), `the page did not log the consent: "${log()}"`);

      // The demo clock moves past the next prompt; the talent's form opens this week's check-in.
      doc.querySelector<HTMLButtonElement>('#next-prompt')!.click();
      await wait(() => log().includes('clock: moved past the prompt of'), `the clock did not move: "${log()}"`);
      const fields = () => [
        ...(inside('talent', 'checkin-form')?.querySelectorAll<HTMLTextAreaElement>('textarea') ?? []),
      ];
      await wait(() => fields().length === 3, 'the talent form did not open the check-in');

      const answer = `Shipped the ${name} onboarding prototype.`;
      for (const [index, value] of [answer, 'Usability tests with five users.', 'None'].entries()) {
        const field = fields()[index]!;
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      inside('talent', 'checkin-form')!.querySelector<HTMLButtonElement>('button[part~="submit"]')!.click();

      // The page's handler got the detail: the answered check-in with its first answer.
      await wait(() => log().includes('checkin-submit:'), `the page did not log the submit: "${log()}"`);
      expect(log()).to.match(new RegExp(`checkin-submit: c-nova-\\S+ answered: ${answer.replace(/\./g, '\\.')}`));

      // Both people's threads show the answer (Dana's arrives through the live subscription).
      for (const pane of ['talent', 'client'] as const) {
        await wait(
          () => text(inside(pane, 'checkin-thread')).includes(answer),
          `the ${pane} thread does not show the answer`,
        );
      }
    });
  }

  it('html: the page loads the single-file bundle and nothing else of the package', async () => {
    frame = await open('/examples/html/index.html?api=/srv/example-html');
    const win = frame.contentWindow!;
    await wait(
      () =>
        frame!.contentDocument!.querySelector('#client checkin-toggle')?.shadowRoot?.querySelector('[role="switch"]'),
      'the page did not render',
    );
    const scripts = win.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /\.(m?js|ts)$/.test(path))
      // The test server's own reload script, not part of the page.
      .filter((path) => !path.startsWith('/__web-dev-server'));
    expect(scripts).to.deep.equal(['/dist/checkin-elements.bundle.js']);
  });
});
