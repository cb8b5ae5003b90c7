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
import { frames, inside, load, runFullFlow } from './csp/flow.js';

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
    const result = await runFullFlow();
    // wtr resolves Lit's "development" export condition; the built bundle's production Lit runs
    // the same flow in test/built/csp-bundle.test.ts.
    expect(result.litDevMode).to.equal(true);
    // The flow touched every element, the dialog, the provider and live updates; not one
    // violation, not one error.
    expect(result.violations).to.deep.equal([]);
    expect(result.pageErrors).to.deep.equal([]);
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
