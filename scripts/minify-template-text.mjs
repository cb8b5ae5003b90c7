// The text rules of the template minifier (scripts/minify-templates.mjs), without any Node or
// TypeScript import, so that test/minify-templates.test.ts can run them in the browser.
//
// A template is given as its static parts: the raw source text between the backticks and the
// `${...}` expressions (`parts.length` = expressions + 1). The result is a list of edits to
// that raw text; expressions are never looked at. Bundlers minify code, never the text of a
// template literal, so without this every indentation run reaches every user.
//
// Conservative by design (rendering must not change):
// - Only literal whitespace characters (space, tab, LF, CR, FF) are removed or collapsed.
//   Escape sequences (`\n`, `\``, `\${`, `\u00a0`, a backslash before a line break) are opaque
//   and kept as written, so the cooked strings Lit receives change only where whitespace or a
//   comment went. A non-breaking space is not whitespace here.
// - HTML (html`` and svg``): each whitespace run becomes ONE space (a space between inline
//   elements renders); inside a tag, the run before `>` goes (not after `/`: in SVG `<a / >` and
//   `<a />` differ). Quoted attribute values, the content of <pre>, <textarea>, <script>,
//   <style> and <title>, and comments that are not wholly inside one static part are left
//   alone; comments wholly inside one part are removed.
// - CSS (css``): comments are removed, whitespace runs become one space and then go next to
//   `{ } ; , >`, after `:` (not before it: `.a :hover` is not `.a:hover`), and at the start and
//   end of the template. Strings, `url(...)` and CSS escapes are left alone; `+`, `-`, `*`, `/`,
//   `(` and `)` keep their spaces (`calc(1px + 2px)`, `and (`).

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\f']);
const SIMPLE_ESCAPES = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

/**
 * Splits raw template text into units: one source character, or one whole escape sequence.
 * `cooked` is what the unit means in the string Lit receives; `literal` is false for escapes.
 */
export function units(raw) {
  const list = [];
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i];
    if (ch !== '\\') {
      list.push({ start: i, end: i + 1, cooked: ch, literal: true });
      i += 1;
      continue;
    }
    const next = raw[i + 1] ?? '';
    let end = i + 2;
    let cooked = next;
    if (next === '\r' && raw[i + 2] === '\n') {
      end = i + 3;
      cooked = '';
    } else if (next === '\n' || next === '\r' || next === '\u2028' || next === '\u2029') {
      cooked = '';
    } else if (next === 'x') {
      end = i + 4;
      cooked = String.fromCharCode(parseInt(raw.slice(i + 2, end), 16));
    } else if (next === 'u' && raw[i + 2] === '{') {
      end = raw.indexOf('}', i) + 1 || raw.length;
      cooked = String.fromCodePoint(parseInt(raw.slice(i + 3, end - 1), 16) || 0);
    } else if (next === 'u') {
      end = i + 6;
      cooked = String.fromCharCode(parseInt(raw.slice(i + 2, end), 16));
    } else if (next in SIMPLE_ESCAPES) {
      cooked = SIMPLE_ESCAPES[next];
    }
    list.push({ start: i, end: Math.min(end, raw.length), cooked, literal: false });
    i = end;
  }
  return list;
}

const isSpace = (unit) => unit?.literal === true && WHITESPACE.has(unit.cooked);

/** The template as one stream: each part's units with its index, a marker between parts. */
function stream(parts) {
  const items = [];
  parts.forEach((raw, part) => {
    if (part > 0) items.push({ expression: part - 1 });
    for (const unit of units(raw)) items.push({ ...unit, part });
  });
  return items;
}

/** Cooked text of items[from, from + n) if they are all in one part, else ''. */
function peek(items, from, n) {
  let text = '';
  for (let k = from; k < items.length && text.length < n; k++) {
    if (items[k].expression !== undefined) break;
    text += items[k].cooked;
  }
  return text;
}

/** Index of the first item at or after `from` whose cooked text starts `needle`, in one part. */
function findInPart(items, from, needle) {
  for (let k = from; k < items.length; k++) {
    if (items[k].expression !== undefined) return -1;
    if (peek(items, k, needle.length) === needle) return k;
  }
  return -1;
}

function edit(items, from, to, text) {
  // items[from, to) are units of one part; `to` may be past the end of the part.
  const first = items[from];
  const last = items[to - 1];
  return { part: first.part, start: first.start, end: last.end, text };
}

/**
 * The end of a gap of whitespace and whole comments (`open` ... `close`) starting at `from`,
 * with how many whitespace units and comments it holds. A comment that does not end in its
 * static part stops the gap.
 */
function gap(items, from, open, close) {
  let end = from;
  let spaces = 0;
  let comments = 0;
  for (;;) {
    if (isSpace(items[end])) {
      spaces += 1;
      end += 1;
    } else if (peek(items, end, open.length) === open) {
      const closing = findInPart(items, end + 2, close);
      if (closing < 0) break;
      comments += 1;
      end = closing + close.length;
    } else break;
  }
  return { end, spaces, comments };
}

const RAW_TEXT_ELEMENTS = new Set(['pre', 'textarea', 'script', 'style', 'title']);
const LETTER = /^[a-zA-Z]$/;

/**
 * Edits for an html`` or svg`` template. `rawAt[k]` says whether expression k sits in raw text
 * (inside <pre>, <textarea>...): a template nested there must not be minified either.
 */
export function htmlEdits(parts) {
  const items = stream(parts);
  const edits = [];
  const rawAt = [];
  let state = 'text';
  let quote = '';
  // Right after `=` (spaces allowed): a quote there opens an attribute value; elsewhere, as in
  // an unquoted value (`title=it's`), it is an ordinary character.
  let valueNext = false;
  let tagName = '';
  let readingName = false;
  let closing = false;
  let rawName = '';
  let i = 0;
  while (i < items.length) {
    const item = items[i];
    if (item.expression !== undefined) {
      valueNext = false;
      rawAt[item.expression] = state === 'raw';
      if (state === 'tag') readingName = false;
      i += 1;
      continue;
    }
    const c = item.cooked;
    if (state === 'text') {
      if (isSpace(item) || peek(items, i, 4) === '<!--') {
        // A gap: whitespace and whole comments. Any whitespace in it leaves one space.
        const { end: k, spaces, comments } = gap(items, i, '<!--', '-->');
        if (k === i) {
          // A comment that does not end in this part: leave it, and what follows, alone.
          state = 'comment';
          i += 4;
          continue;
        }
        const replacement = spaces ? ' ' : '';
        const unchanged = comments === 0 && spaces === 1 && c === ' ';
        if (!unchanged) edits.push(edit(items, i, k, replacement));
        i = k;
        continue;
      }
      if (c === '<') {
        const next = peek(items, i + 1, 2);
        if (LETTER.test(next[0] ?? '') || (next[0] === '/' && LETTER.test(next[1] ?? ''))) {
          state = 'tag';
          closing = next[0] === '/';
          tagName = '';
          readingName = true;
          i += closing ? 2 : 1;
          continue;
        }
        if (next[0] === '!' || next[0] === '?') {
          // <!DOCTYPE>, bogus comments: a tag without a name as far as whitespace goes.
          state = 'tag';
          closing = true;
          tagName = '';
          readingName = false;
        }
      }
      i += 1;
      continue;
    }
    if (state === 'tag') {
      if (isSpace(item)) {
        let k = i;
        while (isSpace(items[k])) k += 1;
        readingName = false;
        const before = items[i - 1];
        const after = items[k];
        const beforeGt = after?.expression === undefined && after?.cooked === '>' && before?.cooked !== '/';
        const replacement = beforeGt ? '' : ' ';
        if (!(k === i + 1 && c === replacement)) edits.push(edit(items, i, k, replacement));
        i = k;
        continue;
      }
      const opensValue = valueNext;
      valueNext = c === '=';
      if ((c === '"' || c === "'") && opensValue) {
        state = 'quoted';
        quote = c;
        readingName = false;
      } else if (c === '>') {
        state = !closing && RAW_TEXT_ELEMENTS.has(tagName.toLowerCase()) ? 'raw' : 'text';
        rawName = tagName.toLowerCase();
        readingName = false;
      } else if (readingName) {
        if (c === '/') readingName = false;
        else tagName += c;
      }
      i += 1;
      continue;
    }
    if (state === 'quoted') {
      if (c === quote) state = 'tag';
      i += 1;
      continue;
    }
    if (state === 'comment') {
      if (peek(items, i, 3) === '-->') {
        state = 'text';
        i += 3;
      } else i += 1;
      continue;
    }
    // state === 'raw': untouched up to its end tag.
    const close = `</${rawName}`;
    if (peek(items, i, close.length).toLowerCase() === close) {
      const after = items[i + close.length];
      if (!after || after.expression !== undefined || WHITESPACE.has(after.cooked) || after.cooked === '>' || after.cooked === '/') {
        state = 'tag';
        closing = true;
        readingName = false;
        i += close.length;
        continue;
      }
    }
    i += 1;
  }
  return { edits, rawAt };
}

const DROP_AFTER = new Set(['{', '}', ';', ',', '>', ':']);
const DROP_BEFORE = new Set(['{', '}', ';', ',', '>']);
// Characters that never join with a neighbour into one token, so a comment between them and
// anything can go without leaving a space.
const SEPARATORS = new Set(['{', '}', '(', ')', ';', ',', '>', ':']);
const HEX = /^[0-9a-fA-F]$/;

/** Edits for a css`` template. */
export function cssEdits(parts) {
  const items = stream(parts);
  const edits = [];
  let i = 0;
  let parens = 0; // inside url( ... )
  let escapeEnd = -1; // the item after the last CSS escape: its cooked text is not punctuation
  while (i < items.length) {
    const item = items[i];
    if (item.expression !== undefined) {
      i += 1;
      continue;
    }
    const c = item.cooked;
    if (c === '"' || c === "'") {
      // A string: skip to its end (escapes included); never edited.
      let k = i + 1;
      while (k < items.length) {
        const u = items[k];
        if (u.expression === undefined && u.cooked === '\\') k += 2;
        else if (u.expression === undefined && (u.cooked === c || u.cooked === '\n')) break;
        else k += 1;
      }
      i = k + 1;
      continue;
    }
    if (c === '\\') {
      // A CSS escape: a hex escape may end with one whitespace character, which belongs to it.
      let k = i + 1;
      let hex = 0;
      while (hex < 6 && items[k]?.expression === undefined && HEX.test(items[k]?.cooked ?? '')) {
        k += 1;
        hex += 1;
      }
      if (hex === 0) k += 1;
      else if (items[k]?.expression === undefined && WHITESPACE.has(items[k]?.cooked)) k += 1;
      i = k;
      escapeEnd = k;
      continue;
    }
    if (parens === 0 && peek(items, i, 4).toLowerCase() === 'url(') {
      parens = 1;
      i += 4;
      continue;
    }
    if (parens > 0) {
      if (c === ')') parens = 0;
      i += 1;
      continue;
    }
    if (isSpace(item) || peek(items, i, 2) === '/*') {
      const { end: k, spaces, comments } = gap(items, i, '/*', '*/');
      if (k === i) {
        // A comment that does not end in this part: skip it, untouched.
        let close = i + 2;
        while (close < items.length && !(items[close].expression === undefined && peek(items, close, 2) === '*/')) close += 1;
        i = close + 2;
        continue;
      }
      const before =
        i === 0 ? 'start' : i === escapeEnd ? 'escape' : items[i - 1].expression !== undefined ? 'expression' : items[i - 1].cooked;
      const after = k >= items.length ? 'end' : items[k].expression !== undefined ? 'expression' : items[k].cooked;
      let replacement;
      if (before === 'start' || after === 'end') replacement = '';
      else if (!spaces) {
        // Only comments: they separate tokens without being whitespace (`1px/**/solid`).
        replacement = SEPARATORS.has(before) || SEPARATORS.has(after) ? '' : null;
      } else if (before === ':' && (after === ';' || after === '}')) replacement = ' '; // `--x: ;`
      else if (DROP_AFTER.has(before) || DROP_BEFORE.has(after)) replacement = '';
      else replacement = ' ';
      const unchanged = replacement === null || (comments === 0 && spaces === 1 && c === replacement);
      if (!unchanged) edits.push(edit(items, i, k, replacement));
      i = k;
      continue;
    }
    i += 1;
  }
  return { edits };
}

/** Applies edits (from htmlEdits / cssEdits) to the parts. */
export function applyEdits(parts, edits) {
  const out = [...parts];
  const byPart = [...edits].sort((a, b) => a.part - b.part || b.start - a.start);
  for (const { part, start, end, text } of byPart) {
    out[part] = out[part].slice(0, start) + text + out[part].slice(end);
  }
  return out;
}

/** Minified static parts of an html`` / svg`` template (a string is one part). */
export function minifyHtml(parts) {
  const list = typeof parts === 'string' ? [parts] : parts;
  const out = applyEdits(list, htmlEdits(list).edits);
  return typeof parts === 'string' ? out[0] : out;
}

/** Minified static parts of a css`` template (a string is one part). */
export function minifyCss(parts) {
  const list = typeof parts === 'string' ? [parts] : parts;
  const out = applyEdits(list, cssEdits(list).edits);
  return typeof parts === 'string' ? out[0] : out;
}
