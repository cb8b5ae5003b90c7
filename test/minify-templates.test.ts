// The text rules of the build's template minifier (scripts/minify-template-text.mjs), which
// rollup.config.mjs applies to every html``, svg`` and css`` template in dist/. Rendering must
// not change: besides exact outputs, the minified templates are rendered by Lit / parsed by the
// browser's CSS parser next to the originals and must come out the same. The TypeScript-parsing
// part (which templates, imports, msg(), source maps) is checked in Node:
// `node scripts/minify-templates.mjs --check`; `npm run test:dist` runs the minified dist/.
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { cssEdits, htmlEdits, minifyCss, minifyHtml, units } from '../scripts/minify-template-text.mjs';
import { baseStyles } from '../src/styles.js';
import { styles as formStyles } from '../src/elements/checkin-form/checkin-form.styles.js';
import { styles as threadStyles } from '../src/elements/checkin-thread/checkin-thread.styles.js';
import { styles as toggleStyles } from '../src/elements/checkin-toggle/checkin-toggle.styles.js';

/** The string Lit receives for raw template text. */
const cook = (raw: string) =>
  units(raw)
    .map((u) => u.cooked)
    .join('');

/** Raw template text that cooks to `text`. */
const toRaw = (text: string) => text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

/** What Lit's html tag receives for these raw parts. */
const strings = (raw: string[]) => Object.assign(raw.map(cook), { raw }) as unknown as TemplateStringsArray;

function rendered(parts: string[], values: unknown[]) {
  const host = document.createElement('div');
  document.body.append(host);
  render(html(strings(parts), ...values), host);
  return host;
}

/**
 * The browser's own serialization of a stylesheet: equal text means equal rules. Values holding
 * var() or a custom property keep their source text, where the space after a comma goes (the
 * tokens, and so the used value, are the same): that one difference is evened out.
 */
function parsed(cssText: string) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  return [...sheet.cssRules]
    .map((rule) => rule.cssText)
    .join('\n')
    .replace(/,\s+/g, ',');
}

describe('template minifier: html', () => {
  afterEach(() => {
    for (const host of document.body.querySelectorAll('div')) host.remove();
  });

  it('collapses each whitespace run to one space, never to nothing', () => {
    expect(minifyHtml('\n  <p>\n    Hello,\n\t  world\n  </p>\n')).to.equal(' <p> Hello, world </p> ');
    expect(minifyHtml('a\n\nb')).to.equal('a b');
  });

  it('keeps the space between inline elements', () => {
    expect(minifyHtml('<strong>Dana</strong> <span>asks</span>')).to.equal('<strong>Dana</strong> <span>asks</span>');
    expect(minifyHtml('<strong>Dana</strong>\n      <span>asks</span>')).to.equal('<strong>Dana</strong> <span>asks</span>');
  });

  it('leaves <pre> and <textarea> content alone, and minifies again after them', () => {
    expect(minifyHtml('<pre>\n  a   b\n</pre>\n  <p>\n x</p>')).to.equal('<pre>\n  a   b\n</pre> <p> x</p>');
    expect(minifyHtml('<PRE class="x">  a  </Pre>  b')).to.equal('<PRE class="x">  a  </Pre> b');
    expect(minifyHtml('<textarea\n  rows="2"\n>  a\n   b  </textarea>')).to.equal('<textarea rows="2">  a\n   b  </textarea>');
    // A template in an expression inside <pre> must be left alone too: the minifier is told.
    expect(htmlEdits(['<pre>', '</pre><p>', '</p>']).rawAt).to.deep.equal([true, false]);
  });

  it('removes comments wholly inside one static part, with the whitespace around them', () => {
    expect(minifyHtml('<p>a</p>\n  <!-- why -->\n  <p>b</p>')).to.equal('<p>a</p> <p>b</p>');
    expect(minifyHtml('a<!-- x -->b')).to.equal('ab');
    // A comment around an expression is not ours to judge: kept as written.
    expect(minifyHtml(['<!--  a  ', '  b  -->'])).to.deep.equal(['<!--  a  ', '  b  -->']);
  });

  it('keeps quoted attribute values, and never touches expressions', () => {
    expect(minifyHtml('<p title="a   b\n c">x</p>')).to.equal('<p title="a   b\n c">x</p>');
    expect(minifyHtml(['<p\n   class=', '\n   title="  ', '  "\n>\n  ', '\n</p>'])).to.deep.equal([
      '<p class=',
      ' title="  ',
      '  "> ',
      ' </p>',
    ]);
  });

  it('takes a quote for the start of a value only after =, as the HTML parser does', () => {
    // An apostrophe in an unquoted value is an ordinary character: the tag still ends at '>'.
    expect(minifyHtml("<p title=it's>Don't  do  it  >  now</p>")).to.equal("<p title=it's>Don't do it > now</p>");
    expect(minifyHtml('<p title = "a  b"  >x</p>')).to.equal('<p title = "a  b">x</p>');
  });

  it('drops the run before a tag closes, except after a slash (SVG self-closing)', () => {
    expect(minifyHtml('<button\n  type="button"\n>Go</button\n>')).to.equal('<button type="button">Go</button>');
    expect(minifyHtml('<svg><path d="M0 0" / ><g></g></svg>')).to.equal('<svg><path d="M0 0" / ><g></g></svg>');
  });

  it('keeps escape sequences and non-breaking spaces', () => {
    expect(minifyHtml('a\\n  \\`  \\${x}  \\u00a0  b')).to.equal('a\\n \\` \\${x} \\u00a0 b');
    expect(minifyHtml('a\u00a0\u00a0b')).to.equal('a\u00a0\u00a0b');
    // A backslash before a line break (line continuation) stays one unit with it.
    expect(minifyHtml('a\\\n   b')).to.equal('a\\\n b');
  });

  it('renders the same text, elements and attributes as the original', () => {
    const parts = [
      `
  <section class="card">
    <!-- the heading says who asks -->
    <h2>
      Weekly check-ins
    </h2>
    <p>
      <strong>Dana</strong> <span class="muted">asks</span>
      every <em>Friday</em>,
      at `,
      `
    </p>
    <button
      type="button"
      title="Turn   it\\noff"
      ?disabled=`,
      `
    >
      Turn off
    </button>
    <pre>
  keep
      this   </pre>
    <textarea>  a
   b  </textarea>
  </section>
`,
    ];
    const values = ['09:00', false];
    const minified = minifyHtml(parts);
    expect(minified.join('').length, 'it got shorter').to.be.lessThan(parts.join('').length - 100);
    const before = rendered(parts, values);
    const after = rendered(minified, values);
    expect(after.innerText).to.equal(before.innerText);
    expect(after.innerText).to.contain('Dana asks every Friday, at 09:00');
    const shape = (host: HTMLElement) =>
      [...host.querySelectorAll('*')].map((el) => `${el.localName}[${[...el.attributes].map((a) => `${a.name}=${a.value}`).join(',')}]`);
    expect(shape(after)).to.deep.equal(shape(before));
    expect(after.querySelector('textarea')!.value).to.equal('  a\n   b  ');
    expect(after.querySelector('pre')!.textContent).to.equal('  keep\n      this   ');
    expect(after.querySelector('button')!.title).to.equal('Turn   it\noff');
  });
});

describe('template minifier: css', () => {
  it('removes comments and the whitespace next to { } ; , > and after :', () => {
    expect(minifyCss('\n  /* tokens */\n  .a > .b ,\n  .c {\n    color: red ;\n  }\n')).to.equal('.a>.b,.c{color:red;}');
  });

  it('keeps the space before a colon (descendant pseudo-class)', () => {
    expect(minifyCss('.a :hover { x: y }')).to.equal('.a :hover{x:y}');
    expect(minifyCss('.a ::slotted(p) { x: y }')).to.equal('.a ::slotted(p){x:y}');
  });

  it('keeps the spaces around + and - in calc(), and before ( in queries', () => {
    expect(minifyCss('a { width: calc(1px + 2px); margin: calc(100% - var(--x)) 0 -1px; }')).to.equal(
      'a{width:calc(1px + 2px);margin:calc(100% - var(--x)) 0 -1px;}',
    );
    expect(minifyCss('@media (min-width: 30em) and (hover: hover) { a { b: c } }')).to.equal(
      '@media (min-width:30em) and (hover:hover){a{b:c}}',
    );
  });

  it('keeps strings, url() and escapes as written', () => {
    expect(minifyCss("a::before { content: 'a  ,  b' ; }")).to.equal("a::before{content:'a  ,  b';}");
    expect(minifyCss('a { content: "x\\\\"  ;  y" }')).to.equal('a{content:"x\\\\"  ;  y"}');
    expect(minifyCss('a { background: url( a;b ) }')).to.equal('a{background:url( a;b )}');
    // `\\31 ` is a CSS escape whose space belongs to it; `\\:` is an escaped colon.
    expect(minifyCss('.\\\\31   x { }')).to.equal('.\\\\31  x{}');
    expect(minifyCss('.a\\\\:  .b { }')).to.equal('.a\\\\: .b{}');
  });

  it('keeps an empty custom property a space, and a comment that would join two tokens', () => {
    expect(minifyCss('a { --x: ; }')).to.equal('a{--x: ;}');
    expect(minifyCss('a { b: 1px/**/solid }')).to.equal('a{b:1px/**/solid}');
  });

  it('only edits static parts; whitespace next to an expression stays one space', () => {
    const edits = cssEdits(['a { color: ', ' ; margin: 0 }']).edits;
    expect(edits.every((e) => e.part === 0 || e.part === 1)).to.equal(true);
    expect(minifyCss(['a { color: ', ' ; margin: 0 }', '  b { }'])).to.deep.equal(['a{color:', ';margin:0}', ' b{}']);
  });

  it("parses to the same rules as the original, for every stylesheet of the package", () => {
    const sheets = { baseStyles, formStyles, threadStyles, toggleStyles };
    for (const [name, sheet] of Object.entries(sheets)) {
      const original = sheet.cssText;
      const minified = cook(minifyCss(toRaw(original)));
      expect(minified.length, `${name} got shorter`).to.be.lessThan(original.length * 0.9);
      expect(parsed(minified), name).to.equal(parsed(original));
    }
  });
});
