/**
 * The built single file, dist/checkin-elements.bundle.js (Lit in production mode, minified
 * templates), under the same strict Content-Security-Policy with Trusted Types as the sources
 * (test/security-csp.test.ts): the app of test/csp/app.html loads the bundle instead of the
 * sources (`?build=bundle`) and the same full client and talent flow must record no violation.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { frames, inside, load, runFullFlow } from '../csp/flow.js';

describe('the built bundle under a strict CSP with Trusted Types', function () {
  this.timeout(30000);

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('a full client and talent flow on the bundle, with production Lit: zero violations', async () => {
    const result = await runFullFlow('?build=bundle');
    // The bundle carries Lit's production build, so this is not the development run again.
    expect(result.litDevMode).to.equal(false);
    expect(result.violations).to.deep.equal([]);
    expect(result.pageErrors).to.deep.equal([]);
  });

  it("without the 'lit-html' policy name allowed, the bundle's Lit cannot start either", async () => {
    const { win, doc } = await load('?build=bundle&tt=none');
    await waitUntil(() => (win.__cspViolations ?? []).length > 0, 'no violation recorded', { timeout: 10000 });
    const violation = win.__cspViolations!.find((v) => v.directive === 'trusted-types');
    expect(violation?.sample).to.equal('lit-html');
    expect(Boolean(inside(doc, 'checkin-toggle', '[role="switch"]'))).to.equal(false);
  });
});
