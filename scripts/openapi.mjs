// Writes openapi.json: the wire contract of docs/http.md as OpenAPI 3.1, from the route table
// and the data model's schemas below (limits from src/limits.ts), and its TypeScript types
// (openapi-typescript, types only) as src/adapters/http-openapi.ts for the HTTP adapter.
// `--check` fails when either committed file is stale. Usage: node scripts/openapi.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('..', import.meta.url);
const limitsSource = readFileSync(new URL('src/limits.ts', root), 'utf8');
const limit = (name) => Number(new RegExp(`\\b${name}: (\\d+)`).exec(limitsSource)[1]);
const LIMITS = Object.fromEntries(
  [
    'questions',
    'questionId',
    'prompt',
    'answer',
    'quickAnswers',
    'quickAnswer',
    'note',
    'message',
    'reply',
    'skipDates',
    'idempotencyKey',
    'pageSize',
    'maxPageSize',
  ].map((n) => [n, limit(n)]),
);

const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const instant = { type: 'string', format: 'date-time' };
const nullable = (schema) => ({ anyOf: [schema, { type: 'null' }] });
const object = (properties, required = Object.keys(properties), extra = {}) => ({
  type: 'object',
  properties,
  required,
  ...extra,
});
const ids = { type: 'string', minLength: 1, maxLength: 500 };
const text = (max) => ({ type: 'string', maxLength: max });

const schemas = {
  Party: object({
    id: ids,
    name: { type: 'string', maxLength: 20000 },
    timeZone: { type: 'string', description: 'IANA time zone' },
  }),
  Viewer: object(
    {
      id: ids,
      role: { enum: ['client', 'talent', 'observer'] },
      name: { type: 'string' },
      timeZone: { type: 'string' },
      locale: { type: 'string' },
    },
    ['id', 'role', 'name'],
  ),
  Contract: object({
    id: ids,
    title: { type: 'string', maxLength: 20000 },
    kind: { enum: ['hourly', 'fixed'] },
    startsAt: instant,
    endsAt: nullable(instant),
    milestoneCount: nullable({ type: 'integer', minimum: 0 }),
    client: ref('Party'),
    talent: ref('Party'),
  }),
  Question: object(
    {
      id: { type: 'string', minLength: 1, maxLength: LIMITS.questionId },
      prompt: { type: 'string', minLength: 1, maxLength: LIMITS.prompt },
      required: { type: 'boolean' },
      maxLength: { type: 'integer', minimum: 1, maximum: LIMITS.answer },
      quickAnswers: {
        type: 'array',
        maxItems: LIMITS.quickAnswers,
        items: { type: 'string', minLength: 1, maxLength: LIMITS.quickAnswer },
      },
      purpose: nullable({ enum: ['done', 'next', 'blockers'] }),
    },
    ['id', 'prompt', 'required', 'maxLength', 'quickAnswers'],
  ),
  Schedule: object({
    weekday: { type: 'integer', enum: [1, 2, 3, 4, 5, 6, 7], description: 'ISO weekday, 5 = Friday' },
    time: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
    timeZone: { type: 'string' },
    skipDates: { type: 'array', maxItems: LIMITS.skipDates, items: { type: 'string', format: 'date' } },
    pausedUntil: nullable(instant),
  }),
  Policy: object({
    minContractDays: { type: 'integer', minimum: 0 },
    minFixedMilestones: { type: 'integer', minimum: 0 },
    consent: { enum: ['notify', 'required'] },
    requestUpdateCooldownHours: { type: 'number', minimum: 0 },
  }),
  Settings: object(
    {
      contractId: ids,
      enabled: { type: 'boolean' },
      consent: { enum: ['not-needed', 'pending', 'given', 'declined', 'withdrawn'] },
      eligibility: object({ eligible: { type: 'boolean' }, reason: nullable({ type: 'string' }) }),
      schedule: ref('Schedule'),
      questions: { type: 'array', minItems: 1, maxItems: LIMITS.questions, items: ref('Question') },
      version: { type: 'integer', minimum: 1 },
      updatedAt: instant,
      updatedBy: nullable(ref('Party')),
      enabledAt: nullable(instant),
      enabledBy: nullable(ref('Party')),
      disabledAt: nullable(instant),
      disabledBy: nullable(ref('Party')),
      consentAt: nullable(instant),
      policy: ref('Policy'),
    },
    ['contractId', 'enabled', 'consent', 'eligibility', 'schedule', 'questions', 'version', 'updatedAt', 'updatedBy'],
  ),
  SettingsChange: object(
    {
      enabled: { type: 'boolean' },
      schedule: ref('Schedule'),
      questions: { type: 'array', minItems: 1, maxItems: LIMITS.questions, items: ref('Question') },
      consent: { enum: ['given', 'declined', 'withdrawn'] },
    },
    [],
    { additionalProperties: false, minProperties: 1 },
  ),
  Answer: object({ questionId: { type: 'string' }, text: { type: 'string' } }),
  Reply: object({
    id: ids,
    author: ref('Party'),
    text: { type: 'string', minLength: 1, maxLength: LIMITS.reply },
    createdAt: instant,
  }),
  Checkin: object(
    {
      id: ids,
      contractId: ids,
      kind: { enum: ['scheduled', 'requested'] },
      dueAt: instant,
      status: { enum: ['open', 'answered', 'late', 'missed', 'skipped', 'closed'] },
      requestedBy: ref('Party'),
      message: nullable(text(LIMITS.message)),
      answers: nullable({ type: 'array', items: ref('Answer') }),
      health: nullable({ enum: ['on-track', 'at-risk', 'off-track'] }),
      answeredAt: nullable(instant),
      editedAt: nullable(instant),
      skipNote: nullable(text(LIMITS.note)),
      acknowledgedAt: nullable(instant),
      replies: { type: 'array', items: ref('Reply') },
      lateAt: nullable(instant),
      closesAt: nullable(instant),
      closedAt: nullable(instant),
      closedBy: nullable(ref('Party')),
      closedReason: nullable({ enum: ['turned-off', 'declined', 'withdrawn'] }),
    },
    [
      'id',
      'contractId',
      'kind',
      'dueAt',
      'status',
      'requestedBy',
      'answers',
      'health',
      'answeredAt',
      'editedAt',
      'skipNote',
      'acknowledgedAt',
      'replies',
    ],
  ),
  Activity: object({
    id: ids,
    contractId: ids,
    kind: { const: 'activity' },
    at: instant,
    actor: ref('Party'),
    change: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { enum: ['enabled', 'disabled', 'schedule', 'pause', 'skip-dates', 'questions', 'consent'] },
      },
      description:
        'One of: {type:"enabled"|"disabled"}, {type:"schedule", from, to}, {type:"pause", pausedUntil}, {type:"skip-dates", added, removed}, {type:"questions", prompts, previous}, {type:"consent", consent}.',
    },
  }),
  CheckinPage: object({
    items: { type: 'array', items: ref('Checkin') },
    nextCursor: nullable({ type: 'string' }),
    total: nullable({ type: 'integer' }),
  }),
  HistoryPage: object({
    items: { type: 'array', items: { anyOf: [ref('Checkin'), ref('Activity')] } },
    nextCursor: nullable({ type: 'string' }),
    total: nullable({ type: 'integer' }),
  }),
  AnswersInput: object(
    {
      answers: { type: 'array', items: ref('Answer') },
      health: nullable({ enum: ['on-track', 'at-risk', 'off-track'] }),
    },
    ['answers'],
    { additionalProperties: false },
  ),
  SkipInput: object({ note: text(LIMITS.note) }, ['note'], { additionalProperties: false }),
  ReplyInput: object({ text: { type: 'string', minLength: 1, maxLength: LIMITS.reply } }, ['text'], {
    additionalProperties: false,
  }),
  UpdateRequestInput: object({ message: text(LIMITS.message) }, [], { additionalProperties: false }),
  Problem: object(
    {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string', description: 'The human message, shown to people.' },
      code: {
        enum: ['forbidden', 'not-found', 'conflict', 'invalid', 'rate-limited', 'network', 'timeout', 'unavailable'],
      },
      retryAt: nullable(instant),
    },
    ['title', 'status', 'code'],
  ),
};

const problem = (description) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const errors = (...statuses) =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      {
        400: problem('Invalid input (code `invalid`): a bad field, cursor or limit, or a missing Idempotency-Key.'),
        401: problem('Not signed in (code `forbidden`).'),
        403: problem('Not allowed (code `forbidden`), also for a person who is not a party to the contract.'),
        404: problem('Unknown contract or check-in (code `not-found`).'),
        409: problem('A rule refuses it now (code `conflict`), or the same Idempotency-Key is still in flight.'),
        412: problem('If-Match names an older settings version (code `conflict`).'),
        413: problem('The body is over 64 KiB (code `invalid`).'),
        415: problem('The body is not application/json (code `invalid`).'),
        422: problem('The Idempotency-Key was used for a different request (code `invalid`).'),
        428: problem('If-Match is missing (code `invalid`).'),
        429: {
          ...problem('Inside the cooldown (code `rate-limited`); `Retry-After` says when.'),
          headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
        },
        503: {
          ...problem('Unavailable for a moment (code `unavailable`).'),
          headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
        },
      }[s],
    ]),
  );
const json = (schema, description, headers) => ({
  description,
  content: { 'application/json': { schema } },
  ...(headers ? { headers } : {}),
});
const body = (name) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const p = (name) => ({ $ref: `#/components/parameters/${name}` });
const READ = [401, 403, 404, 503];
const WRITE = [400, 401, 403, 404, 409, 413, 415, 422, 503];

const paths = {
  '/v1/viewer': {
    get: {
      operationId: 'getViewer',
      summary: 'The signed-in person, with their role in `contract`',
      parameters: [{ name: 'contract', in: 'query', schema: { type: 'string' } }],
      responses: { 200: json(ref('Viewer'), 'The viewer'), ...errors(401, 503) },
    },
  },
  '/v1/contracts/{contractId}': {
    parameters: [p('contractId')],
    get: {
      operationId: 'getContract',
      summary: 'The contract',
      responses: { 200: json(ref('Contract'), 'The contract'), ...errors(...READ) },
    },
  },
  '/v1/contracts/{contractId}/settings': {
    parameters: [p('contractId')],
    get: {
      operationId: 'getSettings',
      summary: 'The check-in settings; the ETag is the version',
      responses: {
        200: json(ref('Settings'), 'The settings', { ETag: { $ref: '#/components/headers/ETag' } }),
        ...errors(...READ),
      },
    },
    patch: {
      operationId: 'updateSettings',
      summary: 'Client: on/off, schedule, questions; talent: consent',
      parameters: [p('IfMatch'), p('IdempotencyKey')],
      requestBody: body('SettingsChange'),
      responses: {
        200: json(ref('Settings'), 'The settings after the change', { ETag: { $ref: '#/components/headers/ETag' } }),
        ...errors(...WRITE, 412, 428),
      },
    },
  },
  '/v1/contracts/{contractId}/checkins': {
    parameters: [p('contractId')],
    get: {
      operationId: 'listCheckins',
      summary: 'Check-ins, newest first',
      parameters: [p('cursor'), p('limit')],
      responses: { 200: json(ref('CheckinPage'), 'A page'), ...errors(400, ...READ) },
    },
  },
  '/v1/contracts/{contractId}/history': {
    parameters: [p('contractId')],
    get: {
      operationId: 'listHistory',
      summary: 'Check-ins and activity entries together, newest first',
      parameters: [p('cursor'), p('limit')],
      responses: { 200: json(ref('HistoryPage'), 'A page'), ...errors(400, ...READ) },
    },
  },
  '/v1/contracts/{contractId}/checkins/{checkinId}/answers': {
    parameters: [p('contractId'), p('checkinId')],
    put: {
      operationId: 'submitAnswers',
      summary: 'Talent: answers, or edits until the next check-in opens',
      parameters: [p('IdempotencyKey')],
      requestBody: body('AnswersInput'),
      responses: { 200: json(ref('Checkin'), 'The check-in'), ...errors(...WRITE) },
    },
  },
  '/v1/contracts/{contractId}/checkins/{checkinId}/skip': {
    parameters: [p('contractId'), p('checkinId')],
    post: {
      operationId: 'skipCheckin',
      summary: 'Talent: not working this week',
      parameters: [p('IdempotencyKey')],
      requestBody: body('SkipInput'),
      responses: { 200: json(ref('Checkin'), 'The check-in'), ...errors(...WRITE) },
    },
  },
  '/v1/contracts/{contractId}/checkins/{checkinId}/acknowledgement': {
    parameters: [p('contractId'), p('checkinId')],
    put: {
      operationId: 'acknowledge',
      summary: 'Client: seen (idempotent by nature: the first stands)',
      responses: { 200: json(ref('Checkin'), 'The check-in'), ...errors(401, 403, 404, 409, 503) },
    },
  },
  '/v1/contracts/{contractId}/checkins/{checkinId}/replies': {
    parameters: [p('contractId'), p('checkinId')],
    post: {
      operationId: 'reply',
      summary: 'Client or talent: a reply',
      parameters: [p('IdempotencyKey')],
      requestBody: body('ReplyInput'),
      responses: { 201: json(ref('Reply'), 'The reply'), ...errors(...WRITE) },
    },
  },
  '/v1/contracts/{contractId}/update-requests': {
    parameters: [p('contractId')],
    post: {
      operationId: 'requestUpdate',
      summary: "Client: ask for an update, in the client's name, once per cooldown",
      parameters: [p('IdempotencyKey')],
      requestBody: body('UpdateRequestInput'),
      responses: { 201: json(ref('Checkin'), 'The requested check-in'), ...errors(...WRITE, 429) },
    },
  },
  '/v1/contracts/{contractId}/events': {
    parameters: [p('contractId')],
    get: {
      operationId: 'subscribe',
      summary: 'Live events (server-sent events)',
      description:
        'Each event: `id: <seq>` and `data: <CheckinEvent JSON>`; `retry:` first; `: ping` comments as heartbeats. Resume with `Last-Event-ID`; when the server cannot resume it sends `event: reset` (the client loads afresh).',
      parameters: [{ name: 'Last-Event-ID', in: 'header', schema: { type: 'string' } }],
      responses: {
        200: { description: 'The event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        ...errors(...READ),
      },
    },
  },
};

// Every successful read says which events its data already holds (see docs/http.md).
for (const item of Object.values(paths)) {
  const ok = item.get?.responses?.[200];
  if (ok && item.get.operationId !== 'subscribe')
    ok.headers = { ...ok.headers, 'Event-Seq': { $ref: '#/components/headers/EventSeq' } };
}

const document = {
  openapi: '3.1.0',
  info: {
    title: 'checkin-elements wire contract',
    version: '1.0.0',
    description:
      'The REST API the HTTP adapter speaks and the reference server implements (docs/http.md). Errors are RFC 9457 problem details with a `code`.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [
    { url: '/', description: 'Where the host mounts the API (the reference server: npm run server, port 8787)' },
  ],
  security: [{ bearer: [] }],
  paths,
  components: {
    schemas,
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description: "The host's authentication; the reference server takes an authenticate(request) hook.",
      },
    },
    parameters: {
      contractId: { name: 'contractId', in: 'path', required: true, schema: ids },
      checkinId: { name: 'checkinId', in: 'path', required: true, schema: ids },
      cursor: {
        name: 'cursor',
        in: 'query',
        schema: { type: 'string' },
        description: 'Opaque; from the previous page',
      },
      limit: {
        name: 'limit',
        in: 'query',
        schema: { type: 'integer', minimum: 1, default: LIMITS.pageSize },
        description: `Capped at ${LIMITS.maxPageSize}`,
      },
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        schema: { type: 'string', minLength: 1, maxLength: LIMITS.idempotencyKey },
        description: 'A repeat replays the first response for 24 hours; another request with the same key is 422.',
      },
      IfMatch: {
        name: 'If-Match',
        in: 'header',
        required: true,
        schema: { type: 'string' },
        description: 'The settings version the change was made against, as its ETag (`"3"`).',
      },
    },
    headers: {
      ETag: { schema: { type: 'string' }, description: 'The settings version, quoted' },
      RetryAfter: { schema: { type: 'string' }, description: 'Seconds, or an HTTP date' },
      EventSeq: {
        schema: { type: 'string' },
        description:
          'The newest event id when the read began: a stream opened to keep this data current resumes from it (Last-Event-ID).',
      },
    },
  },
};

const out = `${JSON.stringify(document, null, 2)}\n`;
const types = `// Generated from openapi.json by scripts/openapi.mjs (openapi-typescript): do not edit.\n${astToString(
  await openapiTS(structuredClone(document)),
)}`;
const files = [
  [new URL('openapi.json', root), out],
  [new URL('src/adapters/http-openapi.ts', root), types],
];
if (process.argv.includes('--check')) {
  for (const [file, text] of files) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {}
    if (committed !== text) {
      console.error(
        `${file.pathname.split('/').slice(-2).join('/')} is stale: run 'node scripts/openapi.mjs' and commit the result.`,
      );
      process.exit(1);
    }
  }
  console.log('openapi.json and its types are fresh.');
} else {
  for (const [file, text] of files) writeFileSync(file, text);
  console.log(
    `openapi.json: ${Object.keys(paths).length} paths, ${Object.keys(schemas).length} schemas; types in src/adapters/http-openapi.ts.`,
  );
}
