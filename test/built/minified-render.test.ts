// The build minifies the static text of every html`` and css`` template in dist/ (rollup.config.mjs,
// @lit-labs/rollup-plugin-minify-html-literals). Rendering must not change: each element class of
// dist/ and the same class from src/ (not minified), registered side by side under their own
// names, render the same data at the same place on one page, and must come out the same: the same elements and
// attributes, the same rendered text (innerText, which collapses whitespace as the page shows
// it) and the same computed style (standard properties) on every element of their shadow trees.
import { expect, fixture, html } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import * as source from '../../src/elements/index.js';
import { worldData } from '../../src/conformance/world.js';
import { world } from '../support/memory-world.js';

type Classes = Record<keyof typeof source, CustomElementConstructor>;

const ELEMENTS = [
  ['CheckinToggle', 'u-client'],
  ['CheckinToggle', 'u-talent'],
  ['CheckinForm', 'u-talent'],
  ['CheckinThread', 'u-client'],
  ['CheckinThread', 'u-talent'],
] as const;

const tagOf = (build: string, name: string) =>
  `${build}-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).slice(1)}`;

let built: Classes;

/**
 * A computed value, with the one equivalent spelling lightningcss produces made alike:
 * `background: transparent` becomes `background: 0 0`, whose position computes to `0px 0px`
 * where the original's is `0% 0%`; both are the top left corner.
 */
const value = (property: string, text: string) =>
  /position(-[xy])?$/.test(property) ? text.replace(/\b0%/g, '0px') : text;

/** One line per element of the shadow tree: tag, attributes, computed style; and the text. */
function describeTree(root: ShadowRoot, lines: string[] = []): string[] {
  for (const child of root.children) lines.push(`text of <${child.localName}>: ${(child as HTMLElement).innerText}`);
  for (const el of root.querySelectorAll('*')) {
    const attributes = [...el.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
    lines.push(`<${el.localName} ${attributes.join(' ')}>`);
    const style = getComputedStyle(el);
    // Custom properties compute to their tokens as written (`#fff` vs `#ffffff`); what they do
    // shows in the standard properties that use them.
    const properties = [...style].filter((p) => !p.startsWith('--')).sort();
    lines.push(
      `  style of <${el.localName}>: ${properties.map((p) => `${p}:${value(p, style.getPropertyValue(p))}`).join('; ')}`,
    );
    if (el.shadowRoot) describeTree(el.shadowRoot, lines);
  }
  return lines;
}

/** The two lines from a little before the first character where they differ. */
function difference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 120);
  return `  source:   …${a.slice(from, i + 120)}\n  minified: …${b.slice(from, i + 120)}`;
}

/** Lets the element load and render (memory adapter: a few tasks). */
async function settled(el: HTMLElement & { updateComplete?: Promise<unknown> }) {
  for (let i = 0; i < 5; i++) {
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

describe('minified templates (dist/) render as the source templates do', function () {
  this.timeout(30000);

  before(async () => {
    // By URL at run time, so that tsc never needs dist/ to exist.
    const path = '/dist/elements/index.js';
    built = (await import(/* @vite-ignore */ path)) as Classes;
    for (const name of Object.keys(source) as (keyof typeof source)[]) {
      customElements.define(tagOf('src', name), class extends (source[name] as unknown as CustomElementConstructor) {});
      customElements.define(tagOf('dist', name), class extends built[name] {});
    }
  });

  for (const [name, viewer] of ELEMENTS) {
    it(`${name} as ${viewer}: the same elements, attributes, text and computed styles`, async () => {
      const now = Date.parse(worldData().now);
      const render = async (build: 'src' | 'dist') => {
        const w = world();
        const tag = unsafeStatic(tagOf(build, name));
        const el = await fixture<HTMLElement>(
          staticHtml`<${tag} contract-id="c-1" .adapter=${w.as(viewer)} .clock=${() => now}></${tag}>`,
        );
        await settled(el);
        return el;
      };
      // One after the other, at the same place on the page.
      const describe = async (build: 'src' | 'dist') => {
        const el = await render(build);
        const lines = describeTree(el.shadowRoot!);
        el.remove();
        return lines;
      };
      const a = await describe('src');
      const b = await describe('dist');
      expect(a.length, 'something rendered').to.be.greaterThan(5);
      const first = a.findIndex((line, i) => line !== b[i]);
      if (first !== -1) throw new Error(`line ${first} differs:\n${difference(a[first]!, b[first] ?? '(none)')}`);
      expect(b.length).to.equal(a.length);
    });
  }

  it('the check itself can fail: a missing space between two words is seen', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>a <b>b</b></p>';
    const before = describeTree(root);
    root.innerHTML = '<p>a<b>b</b></p>';
    expect(describeTree(root)).to.not.deep.equal(before);
  });
});
