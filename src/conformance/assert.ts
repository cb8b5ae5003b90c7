/**
 * The few assertions the kit needs, so it runs under any test runner with no dependency.
 * Each throws an `Error` whose message says what was expected and what came.
 */
import { ERROR_CODES, type CheckinError } from '../model.js';

const show = (value: unknown) => JSON.stringify(value, null, 0) ?? String(value);

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sorted(v)]),
    );
  }
  return value;
}

export function equal(actual: unknown, expected: unknown, what: string): void {
  if (show(sorted(actual)) !== show(sorted(expected))) {
    throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Every key of `expected` has that value in `actual`. */
export function has(actual: unknown, expected: Record<string, unknown>, what: string): void {
  const record = (actual ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(expected)) equal(record[key], value, `${what}.${key}`);
}

export function ok(condition: unknown, what: string): void {
  if (!condition) throw new Error(what);
}

export function contains(text: string, part: string, what: string): void {
  if (!text.toLowerCase().includes(part.toLowerCase())) {
    throw new Error(`${what}: expected the text to contain ${show(part)}, got ${show(text)}`);
  }
}

/** The `CheckinError` `promise` rejects with, checked to carry `code`. */
export async function rejects(
  promise: Promise<unknown>,
  code: CheckinError['code'],
  what: string,
): Promise<CheckinError> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    const failure = error as CheckinError;
    // Any copy of the class will do (a target may load its own): the shape is the contract.
    if (!failure || !ERROR_CODES.includes(failure.code) || typeof failure.message !== 'string') {
      throw new Error(`${what}: expected a CheckinError '${code}', got ${String(error)}`, { cause: error });
    }
    if (failure.code !== code) {
      throw new Error(`${what}: expected '${code}', got '${failure.code}' (${failure.message})`, { cause: error });
    }
    return failure;
  }
  throw new Error(`${what}: expected a rejection '${code}', got ${show(value)}`);
}
