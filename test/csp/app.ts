/**
 * The app of test/csp/app.html: a client's and a talent's view of the same contract ('c-nova'),
 * on one in-memory backend, built with DOM APIs only (no HTML strings, no inline styles), so
 * that the page runs under a strict Content-Security-Policy with Trusted Types enforced.
 * test/csp/flow.ts drives it from the parent page through `window.cspApp`.
 *
 * `?build=bundle` runs the same app on the built single file, dist/checkin-elements.bundle.js
 * (Lit in production mode, templates minified), instead of the sources (Lit's development
 * build): test/built/csp-bundle.test.ts, after `npm run build`.
 * `?probe=style|html` deliberately breaks the policy once (the negative controls that prove
 * the header is applied and a violation would be seen).
 */
import type {
  MemoryAdapter as MemoryAdapterClass,
  MemoryStore as MemoryStoreClass,
} from '../../src/adapters/memory.js';

type Library = typeof import('../../src/adapters/memory.js');

const params = new URLSearchParams(location.search);

async function library(): Promise<Library> {
  if (params.get('build') === 'bundle') {
    // A computed specifier: the type checker must not look for the bundle, which exists only
    // after a build.
    const bundle = new URL('../../dist/checkin-elements.bundle.js', import.meta.url).href;
    return (await import(bundle)) as Library;
  }
  await Promise.all([
    import('../../src/define/checkin-form.js'),
    import('../../src/define/checkin-provider.js'),
    import('../../src/define/checkin-thread.js'),
    import('../../src/define/checkin-toggle.js'),
  ]);
  return import('../../src/adapters/memory.js');
}

const { MemoryAdapter, MemoryStore, seedDemo } = await library();

// Friday 27 November 2026, 17:00 UTC, frozen: 'c-nova' is eligible, check-ins off, and the
// policy requires the talent's consent.
const FIXED = '2026-11-27T17:00:00.000Z';
const data = seedDemo({ now: FIXED });
data.now = FIXED;
const store = new MemoryStore(data);
const clock = () => store.now();

const client = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-nova' });
const talent = new MemoryAdapter({ store, viewerId: 'u-kofi', contractId: 'c-nova' });

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown>,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  Object.assign(el, props);
  return el;
}

const clientSide = document.getElementById('client')!;
const talentSide = document.getElementById('talent')!;

// The client's elements get their adapter directly; the talent's come through a provider.
clientSide.append(
  element('checkin-toggle', { adapter: client, contractId: 'c-nova', clock }),
  element('checkin-thread', { adapter: client, contractId: 'c-nova', clock }),
);
const provider = element('checkin-provider', { adapter: talent, contractId: 'c-nova' });
provider.append(element('checkin-toggle', { clock }), element('checkin-form', { clock }));
talentSide.append(provider);

/** Replaces the talent's form, so it loads the check-in that has just opened. */
function remountForm(): HTMLElement {
  const form = element('checkin-form', { clock });
  provider.querySelector('checkin-form')!.replaceWith(form);
  return form;
}

const probe = params.get('probe');
if (probe === 'style') {
  // Refused under style-src 'self' (no 'unsafe-inline'): a violation the test must see.
  document.body.setAttribute('style', 'outline: 1px solid red');
} else if (probe === 'html') {
  // Refused under require-trusted-types-for 'script': a plain string into an HTML sink.
  try {
    document.getElementById('app')!.insertAdjacentHTML('beforeend', '<b>not allowed</b>');
  } catch {
    // The TypeError is expected; the violation event is what the test looks for.
  }
}

declare global {
  interface Window {
    cspApp?: {
      store: MemoryStoreClass;
      client: MemoryAdapterClass;
      talent: MemoryAdapterClass;
      remountForm: () => HTMLElement;
    };
  }
}
window.cspApp = { store, client, talent, remountForm };
