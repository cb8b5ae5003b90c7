/**
 * The limits of the contract, defined once: the memory adapter enforces them, the elements
 * show them (counters, `maxlength`, messages), the validator and (on the wire) the server and
 * the OpenAPI document use the same numbers. Lengths count UTF-16 code units, as `maxlength`
 * and `String.length` do.
 */
export const LIMITS = /* @__PURE__ */ Object.freeze({
  /** Questions per contract. */
  questions: 10,
  /** Characters in a question's id. */
  questionId: 50,
  /** Characters in a question's prompt. */
  prompt: 200,
  /** The largest `maxLength` a question may set for its answer. */
  answer: 5000,
  /** Quick answers per question. */
  quickAnswers: 5,
  /** Characters in one quick answer. */
  quickAnswer: 60,
  /** Characters in a skip note. */
  note: 500,
  /** Characters in the message of an update request. */
  message: 500,
  /** Characters in a reply. */
  reply: 2000,
  /** Skip dates kept in a schedule. */
  skipDates: 100,
  /** Characters in an idempotency key. */
  idempotencyKey: 200,
  /** Check-ins per page by default, and the most a page may ask for. */
  pageSize: 20,
  maxPageSize: 100,
});

/**
 * Display text from the host (names, titles) longer than this is shown shortened with an
 * ellipsis, with the full text one hover or tap away. Identifiers and enums stay strict.
 */
export const DISPLAY_TEXT_SHOWN = 120;
