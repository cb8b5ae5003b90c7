/**
 * The v1 wire as a Hono app: one route per adapter method, the statuses, headers and problem
 * details of the wire contract. The person comes only from `authenticate`; their role on a
 * contract only from its parties and observers (the rules decide, in the service).
 */
import { Hono, type Context } from 'hono';
import type { MemoryData } from '../../src/adapters/memory.js';
import type { EventHub } from './events.js';
import {
  BODIES,
  Refusal,
  checkFields,
  errorResponse,
  idempotencyKey,
  ifMatchVersion,
  jsonResponse,
  listOptions,
  problem,
  readJson,
} from './http.js';
import type { Call, Service } from './service.js';

export type Authenticate = (request: Request) => string | null | undefined | Promise<string | null | undefined>;

export interface AppOptions {
  service: Service;
  hub: EventHub;
  authenticate: Authenticate;
  clock: () => number;
  /** True once shutdown began: every request is 503. */
  closing: () => boolean;
  /** Present only on a server started for tests or the demo. */
  testing?: {
    reset(data: MemoryData & { now?: string | null }): Promise<void>;
    setClock(instant: string | number | null): Promise<void>;
  };
}

type Env = { Variables: { userId: string } };

/** Development-only routes take whole seeds. */
const TESTING_BODY_LIMIT = 16 * 1024 * 1024;

export function createApp(options: AppOptions): Hono<Env> {
  const { service, hub } = options;
  const app = new Hono<Env>();

  app.onError((error) => errorResponse(error, options.clock()));
  app.notFound(() => problem(404, 'not-found', 'There is no such route on this server.'));

  app.use('*', async (_c, next) => {
    if (options.closing()) {
      return problem(503, 'unavailable', 'The check-in service is shutting down. Try again in a moment.', {
        retryAfter: 5,
      });
    }
    await next();
  });

  if (options.testing) {
    const testing = options.testing;
    app.post('/v1/_testing/reset', async (c) => {
      const data = (await readJson(c.req.raw, { limit: TESTING_BODY_LIMIT })) as unknown as MemoryData;
      await testing.reset(data);
      return c.body(null, 204);
    });
    app.post('/v1/_testing/clock', async (c) => {
      const { now } = await readJson(c.req.raw);
      // null: back to real time.
      if (
        now !== null &&
        ((typeof now !== 'string' && typeof now !== 'number') || Number.isNaN(new Date(now).getTime()))
      ) {
        throw new Refusal(400, 'invalid', 'The clock needs "now": an instant, or null for real time.');
      }
      await testing.setClock(now);
      return c.body(null, 204);
    });
  } else {
    // Not even a 401: on a production server these routes do not exist.
    app.all('/v1/_testing/*', () => problem(404, 'not-found', 'There is no such route on this server.'));
  }

  app.use('/v1/*', async (c, next) => {
    const userId = await options.authenticate(c.req.raw);
    if (typeof userId !== 'string' || !userId) {
      return problem(401, 'forbidden', 'Sign in to use check-ins.');
    }
    c.set('userId', userId);
    await next();
  });

  const answer = async (c: Context<Env>, call: Omit<Call, 'userId'>) => {
    // A read says which events its data already holds (Event-Seq, taken before the data): a
    // stream opened meanwhile resumes from there, so no change falls between the two.
    const seq = c.req.method === 'GET' ? await hub.newest() : null;
    const outcome = await service.run({ ...call, userId: c.get('userId') });
    const response = jsonResponse(outcome.status, outcome.body, outcome.etag);
    if (seq !== null) response.headers.set('event-seq', String(seq));
    return response;
  };
  const url = (c: Context<Env>) => new URL(c.req.url);

  app.get('/v1/viewer', (c) =>
    answer(c, { method: 'getViewer', contractId: url(c).searchParams.get('contract') || undefined, args: [] }),
  );
  app.get('/v1/contracts/:contractId', (c) =>
    answer(c, { method: 'getContract', contractId: c.req.param('contractId'), args: [] }),
  );
  app.get('/v1/contracts/:contractId/settings', (c) =>
    answer(c, { method: 'getSettings', contractId: c.req.param('contractId'), args: [] }),
  );
  app.patch('/v1/contracts/:contractId/settings', async (c) => {
    const change = await readJson(c.req.raw);
    checkFields(change, BODIES.settings);
    const key = idempotencyKey(c.req.raw);
    const expectedVersion = ifMatchVersion(c.req.raw);
    return answer(c, {
      method: 'updateSettings',
      contractId: c.req.param('contractId'),
      args: [change, { expectedVersion, idempotencyKey: key }],
      idempotencyKey: key,
    });
  });
  app.get('/v1/contracts/:contractId/checkins', (c) =>
    answer(c, { method: 'listCheckins', contractId: c.req.param('contractId'), args: [listOptions(url(c))] }),
  );
  app.get('/v1/contracts/:contractId/history', (c) =>
    answer(c, { method: 'listHistory', contractId: c.req.param('contractId'), args: [listOptions(url(c))] }),
  );

  /** A write on one check-in with a JSON body and an idempotency key. */
  const checkinWrite =
    (method: 'submitAnswers' | 'skipCheckin' | 'reply', shape: (typeof BODIES)[keyof typeof BODIES]) =>
    async (c: Context<Env>) => {
      const input = await readJson(c.req.raw);
      checkFields(input, shape);
      const key = idempotencyKey(c.req.raw);
      return answer(c, {
        method,
        contractId: c.req.param('contractId'),
        args: [c.req.param('checkinId'), input, { idempotencyKey: key }],
        idempotencyKey: key,
      });
    };
  app.put('/v1/contracts/:contractId/checkins/:checkinId/answers', checkinWrite('submitAnswers', BODIES.answers));
  app.post('/v1/contracts/:contractId/checkins/:checkinId/skip', checkinWrite('skipCheckin', BODIES.skip));
  app.post('/v1/contracts/:contractId/checkins/:checkinId/replies', checkinWrite('reply', BODIES.reply));
  app.put('/v1/contracts/:contractId/checkins/:checkinId/acknowledgement', (c) =>
    answer(c, { method: 'acknowledge', contractId: c.req.param('contractId'), args: [c.req.param('checkinId')] }),
  );
  app.post('/v1/contracts/:contractId/update-requests', async (c) => {
    const input = await readJson(c.req.raw, { optional: true });
    checkFields(input, BODIES.request);
    const key = idempotencyKey(c.req.raw);
    return answer(c, {
      method: 'requestUpdate',
      contractId: c.req.param('contractId'),
      args: [input, { idempotencyKey: key }],
      idempotencyKey: key,
    });
  });

  app.get('/v1/contracts/:contractId/events', async (c) => {
    const contractId = c.req.param('contractId');
    // Who may read the contract may listen: the same check as a read, before the stream starts.
    await service.run({ userId: c.get('userId'), method: 'getContract', contractId, args: [] });
    const resume = c.req.header('last-event-id') ?? url(c).searchParams.get('after');
    return hub.open(contractId, resume ?? null);
  });

  return app;
}
