#!/usr/bin/env node
/**
 * Fails (exit 1, one `file:line:col` line per finding) when library code uses a sink that could
 * turn text into markup, script or style: unsafeHTML / unsafeSVG, unsafeCSS with anything but a
 * plain string literal, innerHTML / outerHTML, insertAdjacentHTML, document.write, eval,
 * new Function, string timers, styleMap and inline `style=` attributes in templates (which a
 * `style-src 'self'` policy refuses anyway). See docs/reliability.md, "Platform security".
 *
 * Usage: node scripts/check-sinks.mjs [paths...]   (default: src/)
 *
 * Comments are ignored (a comment may name a sink to say why it is not used); `style=` is looked
 * for only in template-literal text, the other sinks only in code, outside strings.
 * Before scanning, the checker runs its own self-test: every rule must catch a known-bad snippet
 * and pass a known-good one, so a broken rule cannot turn the lint silently green.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

const EXTENSIONS = new Set(['.ts', '.js', '.mjs', '.mts', '.cts', '.cjs']);

/**
 * Splits source into kinds per character: 'code', 'comment', 'string', 'template' (literal text
 * of a template, not its `${}` expressions) and 'regex'. Good enough for linting TypeScript.
 */
export function classify(source) {
  const kinds = new Array(source.length);
  // Each entry is a brace depth: the code inside a `${` returns to its template at depth 0.
  const templateStack = [];
  let state = 'code';
  let quote = '';
  let lastSignificant = ''; // last non-space code character, for regex-vs-division
  let lastWord = '';
  let inClass = false; // inside [...] of a regex literal
  const regexAfterWords = new Set([
    'return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw',
    'yield', 'await', 'instanceof',
  ]);
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    const next = source[i + 1];
    switch (state) {
      case 'code': {
        if (ch === '/' && next === '/') {
          state = 'line-comment';
          kinds[i] = kinds[i + 1] = 'comment';
          i++;
          continue;
        }
        if (ch === '/' && next === '*') {
          state = 'block-comment';
          kinds[i] = kinds[i + 1] = 'comment';
          i++;
          continue;
        }
        if (ch === "'" || ch === '"') {
          state = 'string';
          quote = ch;
          kinds[i] = 'string';
          continue;
        }
        if (ch === '`') {
          state = 'template';
          kinds[i] = 'template';
          continue;
        }
        if (ch === '/') {
          const regexStart =
            lastSignificant === '' ||
            '(,=:[!&|?{};+-*%<>~^'.includes(lastSignificant) ||
            (/[A-Za-z_$]/.test(lastSignificant) && regexAfterWords.has(lastWord));
          if (regexStart) {
            state = 'regex';
            inClass = false;
            kinds[i] = 'regex';
            continue;
          }
        }
        if (ch === '{' && templateStack.length) templateStack[templateStack.length - 1]++;
        if (ch === '}' && templateStack.length) {
          if (templateStack[templateStack.length - 1] === 0) {
            templateStack.pop();
            state = 'template';
            kinds[i] = 'template';
            continue;
          }
          templateStack[templateStack.length - 1]--;
        }
        kinds[i] = 'code';
        if (!/\s/.test(ch)) {
          if (/[A-Za-z0-9_$]/.test(ch)) {
            lastWord = /[A-Za-z0-9_$]/.test(lastSignificant) && kinds[i - 1] === 'code' ? lastWord + ch : ch;
          } else {
            lastWord = '';
          }
          lastSignificant = ch;
        }
        continue;
      }
      case 'line-comment':
        if (ch === '\n') {
          state = 'code';
          kinds[i] = 'code';
        } else {
          kinds[i] = 'comment';
        }
        continue;
      case 'block-comment':
        kinds[i] = 'comment';
        if (ch === '*' && next === '/') {
          kinds[i + 1] = 'comment';
          i++;
          state = 'code';
        }
        continue;
      case 'string':
        kinds[i] = 'string';
        if (ch === '\\') {
          kinds[i + 1] = 'string';
          i++;
        } else if (ch === quote || ch === '\n') {
          state = 'code';
          lastSignificant = ch === '\n' ? lastSignificant : 'a';
          lastWord = '';
        }
        continue;
      case 'template':
        if (ch === '\\') {
          kinds[i] = kinds[i + 1] = 'template';
          i++;
          continue;
        }
        if (ch === '`') {
          kinds[i] = 'template';
          state = 'code';
          lastSignificant = 'a';
          lastWord = '';
          continue;
        }
        if (ch === '$' && next === '{') {
          kinds[i] = kinds[i + 1] = 'code';
          i++;
          templateStack.push(0);
          state = 'code';
          lastSignificant = '{';
          lastWord = '';
          continue;
        }
        kinds[i] = 'template';
        continue;
      case 'regex':
        kinds[i] = 'regex';
        if (ch === '\\') {
          kinds[i + 1] = 'regex';
          i++;
        } else if (ch === '[') {
          inClass = true;
        } else if (ch === ']') {
          inClass = false;
        } else if ((ch === '/' && !inClass) || ch === '\n') {
          // Flags are ordinary identifier characters in code.
          state = 'code';
          lastSignificant = 'a';
          lastWord = '';
        }
        continue;
    }
  }
  return kinds;
}

/** `source` with every character not of one of `keep` kinds blanked (newlines stay). */
function view(source, kinds, keep) {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    out += keep.includes(kinds[i]) || ch === '\n' ? ch : ' ';
  }
  return out;
}

/** Matches of `pattern` in `text` as {index, match}. */
function* matches(text, pattern) {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let m;
  while ((m = re.exec(text))) {
    yield { index: m.index, match: m[0] };
    if (m[0] === '') re.lastIndex++;
  }
}

// Sinks looked for in code outside strings and comments.
const CODE_RULES = [
  { id: 'unsafeHTML', pattern: /\bunsafeHTML\b/, why: 'renders a string as HTML' },
  { id: 'unsafeSVG', pattern: /\bunsafeSVG\b/, why: 'renders a string as SVG markup' },
  { id: 'innerHTML', pattern: /\.\s*innerHTML\b/, why: 'parses a string as HTML' },
  { id: 'outerHTML', pattern: /\.\s*outerHTML\b/, why: 'parses a string as HTML' },
  { id: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/, why: 'parses a string as HTML' },
  { id: 'document.write', pattern: /\bdocument\s*\.\s*write(?:ln)?\b/, why: 'writes markup into the document' },
  { id: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/, why: 'parses a string as HTML' },
  { id: 'setHTMLUnsafe', pattern: /\b(?:setHTMLUnsafe|parseHTMLUnsafe)\b/, why: 'parses a string as HTML' },
  { id: 'srcdoc', pattern: /\bsrcdoc\b/, why: 'loads a string as a document' },
  { id: 'eval', pattern: /(?<![\w$])eval\b/, why: 'runs a string as script' },
  { id: 'new Function', pattern: /\bnew\s+Function\s*\(/, why: 'runs a string as script' },
  { id: 'styleMap', pattern: /\bstyleMap\b/, why: "sets inline styles, refused under style-src 'self'" },
];

/**
 * Every finding in one file's source: [{line, column, rule, why}].
 * Exported for the self-test.
 */
export function findSinks(source) {
  const kinds = classify(source);
  const code = view(source, kinds, ['code']);
  const noComments = view(source, kinds, ['code', 'string', 'template', 'regex']);
  const templateText = view(source, kinds, ['template']);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const position = (index) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - lineStarts[lo] + 1 };
  };
  const findings = [];
  const add = (index, rule, why) => findings.push({ ...position(index), rule, why });

  for (const rule of CODE_RULES) {
    for (const { index } of matches(code, rule.pattern)) add(index, rule.id, rule.why);
  }

  // unsafeCSS is fine with a plain literal (a constant the author wrote), never with data.
  for (const { index, match } of matches(code, /\bunsafeCSS\s*\(/)) {
    const rest = noComments.slice(index + match.length);
    const literal = /^\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.|\$(?!\{))*`)\s*\)/.exec(rest);
    if (!literal) add(index, 'unsafeCSS', 'only a plain string literal may become CSS');
  }

  // String timers are eval in disguise.
  for (const { index } of matches(noComments, /\b(?:setTimeout|setInterval)\s*\(\s*['"`]/)) {
    add(index, 'string timer', 'runs a string as script');
  }

  // Inline style attributes in templates: `style=` (or `.style=` / `?style=` bindings).
  for (const { index, match } of matches(templateText, /(?:^|[\s"'.?])style\s*=/)) {
    add(index + match.search(/style/), 'style attribute', "inline styles are refused under style-src 'self'");
  }

  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return findings;
}

/** Known-bad snippets (each must be caught by its rule) and known-good ones (must pass). */
const SELF_TEST = {
  bad: [
    ['unsafeHTML', "import { unsafeHTML } from 'lit/directives/unsafe-html.js';"],
    ['unsafeSVG', 'html`<div>${unsafeSVG(icon)}</div>`;'],
    ['unsafeCSS', 'const s = unsafeCSS(userColor);'],
    ['unsafeCSS', 'const s = unsafeCSS(`color: ${userColor}`);'],
    ['innerHTML', 'el.innerHTML = text;'],
    ['innerHTML', 'const x = el\n  .innerHTML;'],
    ['outerHTML', 'node.outerHTML = "<b>x</b>";'],
    ['insertAdjacentHTML', "el.insertAdjacentHTML('beforeend', text);"],
    ['document.write', 'document.write(text);'],
    ['document.write', 'document.writeln(text);'],
    ['eval', 'const v = eval(code);'],
    ['eval', 'window.eval(code);'],
    ['eval', '(0, eval)(code);'],
    ['new Function', 'const f = new Function("a", body);'],
    ['string timer', 'setTimeout("doIt()", 10);'],
    ['string timer', "setInterval('tick()', 10);"],
    ['styleMap', "import { styleMap } from 'lit/directives/style-map.js';"],
    ['style attribute', 'html`<div style="color: red">x</div>`;'],
    ['style attribute', 'html`<div class="a" style=${s}>x</div>`;'],
    ['style attribute', 'html`<p\n  style="x"></p>`;'],
    ['style attribute', 'html`<p .style=${s}></p>`;'],
    ['srcdoc', 'frame.srcdoc = text;'],
    ['createContextualFragment', 'range.createContextualFragment(text);'],
    ['innerHTML', 'const a = `${x}`; el.innerHTML = a;'],
    ['innerHTML', 'const r = /[/]/g; el.innerHTML = a;'],
  ],
  good: [
    "// Never innerHTML or eval( here: comments don't count.\nconst a = 1;",
    '/* unsafeHTML would be wrong */ const b = 2;',
    "const msg = 'Do not use innerHTML or eval(x) or style=1';",
    'const s = unsafeCSS(`color: red`);',
    "const s = unsafeCSS('color: red');",
    'html`<div class="style-x" part="styled">${style}</div>`;',
    'const css2 = css`:host { display: block; } p { margin: 0 }`;',
    'html`<p>${x.style}</p>`;',
    'setTimeout(() => run(), 10);',
    'const evaluate = (x) => x; evaluate(1); retrieval(2);',
    'const re = /style="x"/; const t = a / b / c;',
    'const t = `a ${`nested ${x} style`} b`; const u = `${y}`;',
    "el.textContent = text; el.setAttribute('aria-label', label);",
  ],
};

function selfTest() {
  const problems = [];
  for (const [rule, snippet] of SELF_TEST.bad) {
    if (!findSinks(snippet).some((f) => f.rule === rule)) {
      problems.push(`rule "${rule}" missed: ${JSON.stringify(snippet)}`);
    }
  }
  for (const snippet of SELF_TEST.good) {
    const found = findSinks(snippet);
    if (found.length) {
      problems.push(`false positive ${found.map((f) => f.rule).join(', ')}: ${JSON.stringify(snippet)}`);
    }
  }
  return problems;
}

function* files(path) {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      yield* files(join(path, entry));
    }
  } else if (EXTENSIONS.has(extname(path)) && !path.endsWith('.d.ts')) {
    yield path;
  }
}

function main(argv) {
  const problems = selfTest();
  if (problems.length) {
    console.error('check-sinks: the self-test failed, so the lint cannot be trusted:');
    for (const p of problems) console.error(`  ${p}`);
    return 2;
  }
  const roots = argv.length ? argv : ['src'];
  let count = 0;
  let scanned = 0;
  for (const root of roots) {
    for (const file of files(root)) {
      scanned++;
      const source = readFileSync(file, 'utf8');
      for (const f of findSinks(source)) {
        count++;
        console.error(`${relative(process.cwd(), file)}:${f.line}:${f.column}: ${f.rule}: ${f.why}`);
      }
    }
  }
  if (count) {
    console.error(`check-sinks: ${count} unsafe sink${count === 1 ? '' : 's'} in ${roots.join(', ')}.`);
    return 1;
  }
  console.log(`check-sinks: no unsafe sinks in ${scanned} files (${roots.join(', ')}).`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = main(process.argv.slice(2));
}
