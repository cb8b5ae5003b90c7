// The unsafe-sink rules of eslint.config.mjs can fire: each known-bad snippet must be reported by
// its rule, and each known-good one by none of them, so a rule that a config change or a plugin
// upgrade has quietly disabled fails `npm run lint` instead of turning it green.
//
//   node --test scripts/lint-rules.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

/** The messages of the sink rules for `code` linted as if it were the file `filePath`. */
async function sinkFindings(code, filePath) {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filePath}: ${fatal.message} in ${JSON.stringify(code)}`);
  return result.messages.filter((m) => SINK_RULE_IDS.has(m.ruleId));
}

const SINK_RULE_IDS = new Set([
  'no-unsanitized/property',
  'no-unsanitized/method',
  'no-eval',
  'no-new-func',
  'no-implied-eval',
  'no-script-url',
  'lit/ban-attributes',
  'no-restricted-syntax',
]);

const LIBRARY = 'src/lint-fixture.ts';
const TEST = 'test/lint-fixture.test.ts';
const SCRIPT = 'scripts/lint-fixture.mjs';

// [rule, start of the message (for no-restricted-syntax) or null, file, snippet]
const BAD = [
  [
    'no-restricted-syntax',
    'unsafe Lit directive',
    LIBRARY,
    "import { unsafeHTML } from 'lit/directives/unsafe-html.js';",
  ],
  ['no-restricted-syntax', 'unsafe Lit directive', LIBRARY, 'html`<div>${unsafeSVG(icon)}</div>`;'],
  ['no-restricted-syntax', 'unsafe Lit directive', LIBRARY, "import { unsafeStatic } from 'lit/static-html.js';"],
  ['no-restricted-syntax', 'styleMap', LIBRARY, "import { styleMap } from 'lit/directives/style-map.js';"],
  ['no-restricted-syntax', 'unsafeCSS', LIBRARY, 'const s = unsafeCSS(userColor);'],
  ['no-restricted-syntax', 'unsafeCSS', LIBRARY, 'const s = unsafeCSS(`color: ${userColor}`);'],
  ['no-restricted-syntax', 'unsafeCSS', LIBRARY, "const s = unsafeCSS('a', b);"],
  ['no-restricted-syntax', 'markup as a string', LIBRARY, 'const x = el.innerHTML;'],
  ['no-restricted-syntax', 'markup as a string', LIBRARY, 'const x = el\n  .innerHTML;'],
  ['no-restricted-syntax', 'markup as a string', LIBRARY, "el['innerHTML'] = text;"],
  ['no-restricted-syntax', 'markup as a string', LIBRARY, 'node.outerHTML = "<b>x</b>";'],
  ['no-restricted-syntax', 'markup as a string', LIBRARY, "el.insertAdjacentHTML('beforeend', '<b>x</b>');"],
  ['no-restricted-syntax', 'markup as a string', LIBRARY, 'const f = range.createContextualFragment;'],
  ['no-restricted-syntax', 'document.write', LIBRARY, "document.write('<p>x</p>');"],
  ['no-restricted-syntax', 'setHTMLUnsafe', LIBRARY, "el.setHTMLUnsafe('<b>x</b>');"],
  ['no-restricted-syntax', 'setHTMLUnsafe', LIBRARY, "Document.parseHTMLUnsafe('<b>x</b>');"],
  ['no-restricted-syntax', 'srcdoc', LIBRARY, "frame.srcdoc = '<p>x</p>';"],
  ['no-restricted-syntax', 'style attribute', LIBRARY, 'svg`<circle style="fill: red"></circle>`;'],
  ['no-restricted-syntax', 'msg(html`…`) without an id', LIBRARY, 'msg(html`<b>Hello</b>`);'],
  ['no-unsanitized/property', null, LIBRARY, 'el.innerHTML = text;'],
  ['no-unsanitized/property', null, LIBRARY, 'el.outerHTML += text;'],
  ['no-unsanitized/property', null, LIBRARY, 'frame.srcdoc = text;'],
  ['no-unsanitized/method', null, LIBRARY, "el.insertAdjacentHTML('beforeend', text);"],
  ['no-unsanitized/method', null, LIBRARY, 'document.write(text);'],
  ['no-unsanitized/method', null, LIBRARY, 'document.writeln(text);'],
  ['no-unsanitized/method', null, LIBRARY, 'range.createContextualFragment(text);'],
  ['no-unsanitized/method', null, LIBRARY, 'el.setHTMLUnsafe(text);'],
  ['no-unsanitized/method', null, LIBRARY, 'Document.parseHTMLUnsafe(text);'],
  ['no-unsanitized/method', null, LIBRARY, 'await import(specifier);'],
  ['no-eval', null, LIBRARY, 'const v = eval(code);'],
  ['no-eval', null, LIBRARY, 'window.eval(code);'],
  ['no-eval', null, LIBRARY, '(0, eval)(code);'],
  ['no-eval', null, LIBRARY, 'const run = eval; run(code);'],
  ['no-eval', null, LIBRARY, 'globalThis.eval(code);'],
  ['no-new-func', null, LIBRARY, 'const f = new Function("a", body);'],
  ['no-implied-eval', null, LIBRARY, 'setTimeout("doIt()", 10);'],
  ['no-implied-eval', null, LIBRARY, "setInterval('tick()', 10);"],
  ['no-implied-eval', null, LIBRARY, 'setTimeout(`run(${x})`, 10);'],
  ['no-implied-eval', null, LIBRARY, "window.setTimeout('run(' + x + ')', 10);"],
  ['no-new-func', null, LIBRARY, 'const f = Function("return 1");'],
  ['no-script-url', null, LIBRARY, "location.href = 'javascript:void(0)';"],
  ['lit/ban-attributes', null, LIBRARY, 'html`<div style="color: red">x</div>`;'],
  ['lit/ban-attributes', null, LIBRARY, 'html`<div class="a" style=${s}>x</div>`;'],
  ['lit/ban-attributes', null, LIBRARY, 'html`<p\n  style="x"></p>`;'],
  ['lit/ban-attributes', null, LIBRARY, 'html`<p .style=${s}></p>`;'],
  ['lit/ban-attributes', null, LIBRARY, 'html`<p ?style=${s}></p>`;'],
  ['lit/ban-attributes', null, LIBRARY, 'html`<iframe srcdoc=${s}></iframe>`;'],
  ['lit/ban-attributes', null, 'stories/lint-fixture.stories.ts', 'html`<div style="color: red">x</div>`;'],
  ['no-restricted-syntax', 'unsafe Lit directive', 'demo/lint-fixture.ts', 'html`${unsafeHTML(s)}`;'],
  // Tests, scripts and the server: no string becomes script or (unless a literal) markup.
  ['no-unsanitized/property', null, TEST, 'el.innerHTML = text;'],
  ['no-unsanitized/method', null, TEST, "el.insertAdjacentHTML('beforeend', text);"],
  ['no-eval', null, TEST, 'eval(code);'],
  ['no-unsanitized/property', null, SCRIPT, 'el.innerHTML = text;'],
  ['no-new-func', null, SCRIPT, 'new Function(body);'],
  ['no-implied-eval', null, 'server/src/lint-fixture.ts', "setTimeout('run()', 1);"],
];

const GOOD = [
  [LIBRARY, "// Never innerHTML or eval( here: comments don't count.\nconst a = 1;"],
  [LIBRARY, '/* unsafeHTML would be wrong */ const b = 2;'],
  [LIBRARY, "const msg = 'Do not use innerHTML or eval(x) or style=1';"],
  [LIBRARY, 'const s = unsafeCSS(`color: red`);'],
  [LIBRARY, "const s = unsafeCSS('color: red');"],
  [LIBRARY, 'html`<div class="style-x" part="styled">${style}</div>`;'],
  [LIBRARY, 'const css2 = css`:host { display: block; } p { margin: 0 }`;'],
  [LIBRARY, 'html`<p>${x.style}</p>`;'],
  [LIBRARY, 'html`<p>Set style=compact in the settings.</p>`;'],
  [LIBRARY, 'setTimeout(() => run(), 10);'],
  [LIBRARY, 'const evaluate = (x) => x; evaluate(1); retrieval(2);'],
  [LIBRARY, "el.textContent = text; el.setAttribute('aria-label', label);"],
  [LIBRARY, "const m = await import('./module.js');"],
  [LIBRARY, "msg(html`<b>Hello</b>`, { id: 'hello' }); msg(str`Hello ${name}`); msg('Hello');"],
  [LIBRARY, 'const t = `a ${`nested ${x} style`} b`; const u = `${y}`; const re = /style="x"/;'],
  [LIBRARY, 'el.append(document.createTextNode(text)); const w = doc.writable;'],
  // A literal is markup the author wrote: allowed outside the library, where tests need it.
  [TEST, "el.innerHTML = '<p>fixture</p>';"],
  [TEST, 'const x = el.innerHTML;'],
  [TEST, 'html`<div style="width: 10px"></div>`;'],
  [SCRIPT, 'const { default: ts } = await import(specifier);'],
];

test('every unsafe-sink rule reports its known-bad snippet', async () => {
  const missed = [];
  for (const [rule, message, file, code] of BAD) {
    const found = await sinkFindings(code, file);
    const hit = found.some((m) => m.ruleId === rule && (message == null || m.message.startsWith(message)));
    if (!hit) missed.push(`${rule}${message ? ` (${message})` : ''} in ${file}: ${JSON.stringify(code)}`);
  }
  assert.deepEqual(missed, [], 'rules that did not fire');
});

test('no unsafe-sink rule reports a known-good snippet', async () => {
  const wrong = [];
  for (const [file, code] of GOOD) {
    for (const m of await sinkFindings(code, file)) {
      wrong.push(`${m.ruleId} in ${file}: ${JSON.stringify(code)}: ${m.message}`);
    }
  }
  assert.deepEqual(wrong, [], 'false positives');
});

test('the library and the server are linted by the config, not ignored', async () => {
  for (const file of [LIBRARY, TEST, SCRIPT, 'server/src/app.ts', 'stories/x.stories.ts', 'demo/main.ts']) {
    assert.equal(await eslint.isPathIgnored(file), false, `${file} is ignored`);
  }
});
