/**
 * The field checks the boundary validator is made of. Each throws `CheckinError('invalid')`
 * with a message naming the field and what it must be.
 */
import { CheckinError } from '../model.js';
import { isValidTimeZone } from '../schedule/index.js';

/** Longest accepted id (ids are compared, never shown). */
export const MAX_ID_LENGTH = 500;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

export type Json = Record<string, unknown>;

/** A short, safe rendering of a bad value for the error message. */
export function show(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const text = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(text);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export function invalid(path: string, expected: string, value: unknown): never {
  const detail =
    value === undefined ? `is missing (it must be ${expected})` : `must be ${expected} (got ${show(value)})`;
  throw new CheckinError('invalid', `Invalid data from the adapter: ${path} ${detail}.`, {
    retryable: false,
  });
}

export function record(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(path, 'an object', value);
  }
  return value as Json;
}

export function text(value: unknown, path: string, max: number, min = 0): string {
  if (typeof value !== 'string') invalid(path, 'a string', value);
  if (value.length > max) {
    throw new CheckinError(
      'invalid',
      `Invalid data from the adapter: ${path} must be at most ${max} characters long (got ${value.length}).`,
      { retryable: false },
    );
  }
  if (value.length < min) invalid(path, 'a non-empty string', value);
  return value;
}

export function id(value: unknown, path: string): string {
  return text(value, path, MAX_ID_LENGTH, 1);
}

export function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') invalid(path, 'true or false', value);
  return value;
}

export function integer(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    invalid(path, `an integer ${range}`, value);
  }
  return value;
}

export function oneOf<T extends string>(value: unknown, path: string, values: readonly T[]): T {
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    invalid(path, `one of ${values.map((v) => `"${v}"`).join(', ')}`, value);
  }
  return value as T;
}

export function instant(value: unknown, path: string): string {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    invalid(path, 'an ISO-8601 date-time such as "2026-05-15T09:00:00Z"', value);
  }
  return value;
}

export function localDate(value: unknown, path: string): string {
  const match = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  if (match) {
    const [, y, m, d] = match.map(Number);
    const date = new Date(Date.UTC(y!, m! - 1, d!));
    // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
    if (date.getUTCMonth() === m! - 1 && date.getUTCDate() === d) return value as string;
  }
  return invalid(path, 'a date "YYYY-MM-DD"', value);
}

export function timeZone(value: unknown, path: string): string {
  if (typeof value !== 'string' || !isValidTimeZone(value)) {
    invalid(path, 'an IANA time zone such as "Europe/Berlin"', value);
  }
  return value;
}

export function nullable<T>(value: unknown, path: string, check: (value: unknown, path: string) => T): T | null {
  return value === null ? null : check(value, path);
}

export function list<T>(
  value: unknown,
  path: string,
  max: number,
  noun: string,
  each: (item: unknown, path: string) => T,
): T[] {
  if (!Array.isArray(value)) invalid(path, `a list of ${noun}`, value);
  if (value.length > max) invalid(path, `a list of at most ${max} ${noun}`, value);
  value.forEach((item, index) => each(item, `${path}[${index}]`));
  return value as T[];
}

/** The optional viewer fields: absent and null both mean "not known". */
export function optional<T>(value: unknown, path: string, check: (value: unknown, path: string) => T): T | undefined {
  return value === undefined || value === null ? undefined : check(value, path);
}

export function locale(value: unknown, path: string): string {
  const tag = text(value, path, 100, 1);
  try {
    Intl.getCanonicalLocales(tag);
  } catch {
    invalid(path, 'a BCP 47 language tag such as "en-GB"', value);
  }
  return tag;
}
