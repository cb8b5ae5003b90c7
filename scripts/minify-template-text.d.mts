// Types for minify-template-text.mjs (plain JavaScript, imported by test/minify-templates.test.ts).

/** One source character of raw template text, or one whole escape sequence. */
export interface Unit {
  start: number;
  end: number;
  /** What the unit means in the cooked string Lit receives. */
  cooked: string;
  /** False for an escape sequence. */
  literal: boolean;
}

/** A change to one static part's raw text: [start, end) becomes `text`. */
export interface Edit {
  part: number;
  start: number;
  end: number;
  text: string;
}

export function units(raw: string): Unit[];
export function htmlEdits(parts: readonly string[]): { edits: Edit[]; rawAt: boolean[] };
export function cssEdits(parts: readonly string[]): { edits: Edit[] };
export function applyEdits(parts: readonly string[], edits: readonly Edit[]): string[];
export function minifyHtml(parts: string): string;
export function minifyHtml(parts: readonly string[]): string[];
export function minifyCss(parts: string): string;
export function minifyCss(parts: readonly string[]): string[];
