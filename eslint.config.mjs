// ESLint (flat config), run by `npm run lint` over the library, its tests, scripts, the server,
// the stories and the demo. Beside typescript-eslint's and the Lit / web-component / a11y
// plugins' recommended rules, it carries the unsafe-sink policy (docs/reliability.md, "Platform
// security"): nothing may turn text into markup, script or style. `SINK_RULES` below is that
// policy; scripts/lint-rules.test.mjs lints a known-bad snippet per rule and fails when one does
// not report, so a rule that cannot fire cannot turn the lint silently green.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const STYLE_ATTRIBUTE = String.raw`/(^|[\s"'.?])style\s*=/`;

/**
 * `no-restricted-syntax` selectors for the sinks no plugin rule names. Each `message` says why;
 * the fixture test matches on the text before the colon.
 */
const SINK_SYNTAX = [
  {
    selector: 'Identifier[name=/^(unsafeHTML|unsafeSVG|unsafeMathML|unsafeStatic)$/]',
    message: 'unsafe Lit directive: it renders a string as markup; render text, or a template.',
  },
  {
    selector: 'Identifier[name="styleMap"]',
    message: "styleMap: it sets inline styles, which style-src 'self' refuses; use a class or a custom property.",
  },
  {
    // unsafeCSS is fine with a constant the author wrote (a plain string or a template without
    // `${}`), never with data.
    selector:
      "CallExpression[callee.name='unsafeCSS']:not([arguments.length=1][arguments.0.type='Literal']):not([arguments.length=1][arguments.0.type='TemplateLiteral'][arguments.0.expressions.length=0])",
    message: 'unsafeCSS: only a plain string literal may become CSS.',
  },
  {
    selector: `TaggedTemplateExpression[tag.name='svg'] > TemplateLiteral > TemplateElement[value.raw=${STYLE_ATTRIBUTE}]`,
    message: "style attribute: inline styles are refused under style-src 'self'.",
  },
  {
    selector: 'MemberExpression[property.name=/^(setHTMLUnsafe|parseHTMLUnsafe)$/]',
    message: 'setHTMLUnsafe / parseHTMLUnsafe: they parse a string as HTML.',
  },
  {
    selector: "MemberExpression[property.name='srcdoc']",
    message: 'srcdoc: it loads a string as a document.',
  },
];

const MARKUP_MEMBERS = '/^(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment)$/';

/**
 * Stricter in the library itself: no use at all of the members that take markup as a string,
 * not even with a literal (no-unsanitized allows literals) or to read it.
 */
const LIBRARY_SINK_SYNTAX = [
  ...SINK_SYNTAX,
  {
    selector: `MemberExpression[property.name=${MARKUP_MEMBERS}], MemberExpression[property.value=${MARKUP_MEMBERS}]`,
    message:
      'markup as a string (innerHTML, outerHTML, insertAdjacentHTML, createContextualFragment): the library never handles HTML as text.',
  },
  {
    selector: "MemberExpression[object.name='document'][property.name=/^write(ln)?$/]",
    message: 'document.write: it writes markup into the document.',
  },
  {
    // Not a sink: the build minifies html`` text, and lit-localize derives an id-less message's
    // id from that text, so the catalogue's id would no longer match the one at run time.
    selector:
      "CallExpression[callee.name='msg'][arguments.length=1] > TaggedTemplateExpression[tag.name=/^(html|svg)$/]",
    message: 'msg(html`…`) without an id: the minified template would no longer match its message id; give it { id }.',
  },
];

/** What no-unsanitized/method checks: the argument that becomes markup. */
const HTML_METHODS = {
  insertAdjacentHTML: { properties: [1] },
  createContextualFragment: { properties: [0] },
  write: { objectMatches: ['document'], properties: [0] },
  writeln: { objectMatches: ['document'], properties: [0] },
  setHTMLUnsafe: { properties: [0] },
  parseHTMLUnsafe: { properties: [0] },
};

/**
 * Everywhere (tests, scripts and the server included): no string becomes script, and no
 * string that is not a literal becomes markup.
 */
const SINK_RULES = {
  'no-unsanitized/property': ['error', {}, { srcdoc: {} }],
  'no-unsanitized/method': ['error', { defaultDisable: true }, HTML_METHODS],
  'no-eval': 'error', // eval(), window.eval(), (0, eval)()
  'no-new-func': 'error', // new Function(), Function()
  'no-implied-eval': 'error', // setTimeout / setInterval with a string
  'no-script-url': 'error',
};

/**
 * What ships or is shown as an example (src/, stories/, demo/): the whole policy of
 * docs/reliability.md, "Platform security".
 */
const SHIPPED_SINK_RULES = {
  // ... and no module loaded from a computed specifier.
  'no-unsanitized/method': ['error', { defaultDisable: true }, { ...HTML_METHODS, import: { properties: [0] } }],
  // Inline style attributes (and `.style` / `?style` bindings) in html`` templates.
  'lit/ban-attributes': ['error', 'style', '.style', 'srcdoc', '.srcdoc'],
  'no-restricted-syntax': ['error', ...SINK_SYNTAX],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'server/dist/**',
      'storybook-static/**',
      'coverage/**',
      'types/**',
      'examples/**',
      // Generated by scripts/openapi.mjs from openapi.json.
      'src/adapters/http-openapi.ts',
    ],
  },
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.browser } },
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
      ],
      'no-empty': ['error', { allowEmptyCatch: true }],
      ...SINK_RULES,
    },
  },
  // Lit templates and custom elements: the library, its tests, the stories, the demo, the bench.
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', 'bench/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended'], litA11y.configs.recommended],
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts'],
    rules: SHIPPED_SINK_RULES,
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...LIBRARY_SINK_SYNTAX] },
  },
  {
    files: ['test/**'],
    rules: {
      // chai: expect(x).to.be.true
      '@typescript-eslint/no-unused-expressions': 'off',
      // Tests reach into shapes on purpose (corrupt payloads, private fields).
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // A classic script loaded before any module (test/csp/).
    files: ['test/csp/*.js'],
    languageOptions: { sourceType: 'script' },
    rules: { 'no-var': 'off' },
  },
  // Node: scripts, the server, the build, test and dev-server configurations.
  {
    files: ['scripts/**', 'server/**', 'bench/*.mjs', '*.mjs', 'test/**/*.mjs', 'demo/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
