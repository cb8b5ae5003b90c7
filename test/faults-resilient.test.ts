// The request policy itself (src/adapters/resilient.ts): time limit, abort, automatic retries of
// reads with capped exponential backoff and jitter, writes tried once. The element tests
// (faults-toggle/form/thread) prove that every element goes through it.
import { expect } from '@open-wc/testing';
import type { CheckinAdapter } from '../src/adapters/adapter.js';
import {
  DEFAULT_REQUEST_POLICY,
  backoffDelay,
  isAutoRetried,
  resilient,
  resolvePolicy,
  type RetryInfo,
} from '../src/adapters/resilient.js';
import { validated } from '../src/adapters/validate.js';
import { CheckinError, ERROR_CODES, type CheckinErrorCode } from '../src/model.js';
import { settle } from './support/dom.js';
import { FRIDAY, adapterFor, calls, stubOnline, watchUnhandled, world } from './support/fixtures.js';

/** A resilient client-side adapter over a fresh memory store, recording every backoff wait. */
function setup(policy: Partial<typeof DEFAULT_REQUEST_POLICY> = {}, random = () => 0.5) {
  const memory = adapterFor(world(), 'u-dana');
  const waits: number[] = [];
  const retries: RetryInfo[] = [];
  const lifetime = new AbortController();
  const adapter = resilient(validated(memory), {
    policy: () => policy,
    lifetime: () => lifetime.signal,
    random,
    sleep: async (ms) => {
      waits.push(ms);
    },
    onRetry: (info) => retries.push(info),
  });
  return { memory, adapter, waits, retries, lifetime };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const signalOf = (call: { args: unknown[] }) => (call.args[call.args.length - 1] as { signal: AbortSignal }).signal;

describe('resilient adapter (the request policy)', () => {
  describe('policy', () => {
    it('defaults to 15 s per try, 3 tries, 500 ms base and a 4 s cap', () => {
      expect(resolvePolicy()).to.deep.equal({ timeoutMs: 15_000, attempts: 3, baseDelayMs: 500, maxDelayMs: 4_000 });
      expect(DEFAULT_REQUEST_POLICY).to.deep.equal(resolvePolicy());
    });

    it("takes each field from the first layer that sets it: the element's own, then the provider's", () => {
      const element = { timeoutMs: 2_000 };
      const provider = { timeoutMs: 9_000, attempts: 5, baseDelayMs: 100 };
      expect(resolvePolicy(element, provider)).to.deep.equal({
        timeoutMs: 2_000,
        attempts: 5,
        baseDelayMs: 100,
        maxDelayMs: 4_000,
      });
      expect(resolvePolicy({ timeoutMs: undefined }, provider).timeoutMs).to.equal(9_000);
    });

    it('skips nonsense values instead of trusting them', () => {
      const bad = { timeoutMs: -1, attempts: 0, baseDelayMs: Number.NaN, maxDelayMs: '3' as unknown as number };
      expect(resolvePolicy(bad)).to.deep.equal(resolvePolicy());
      expect(resolvePolicy({ attempts: 1_000 }).attempts, 'capped').to.equal(10);
      expect(resolvePolicy({ attempts: 2.7 }).attempts).to.equal(2);
      expect(resolvePolicy({ baseDelayMs: 0 }).baseDelayMs, 'zero waits are allowed').to.equal(0);
    });

    it('backs off exponentially with jitter between half and all of the step, capped', () => {
      const policy = { baseDelayMs: 500, maxDelayMs: 4_000 };
      // random() = 0 gives the floor (half the step), random() -> 1 the full step.
      expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, () => 0))).to.deep.equal([
        250, 500, 1_000, 2_000, 2_000, 2_000,
      ]);
      expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, () => 0.999999))).to.deep.equal([
        500, 1_000, 2_000, 4_000, 4_000, 4_000,
      ]);
      for (let i = 0; i < 200; i++) {
        const d = backoffDelay(3, policy);
        expect(d).to.be.within(1_000, 2_000);
      }
    });

    it('retries by itself only network, timeout and unavailable', () => {
      const auto = ERROR_CODES.filter((code) => isAutoRetried(new CheckinError(code, 'x')));
      expect(auto).to.deep.equal(['network', 'timeout', 'unavailable']);
      expect(isAutoRetried(new CheckinError('network', 'x', { retryable: false }))).to.equal(false);
    });
  });

  describe('time limit', () => {
    it('gives up on a hanging call after timeoutMs: the adapter sees its signal aborted', async () => {
      const { memory, adapter } = setup({ timeoutMs: 30, attempts: 1 });
      memory.faults.hangNext('submitAnswers');
      const error = (await rejection(
        adapter.submitAnswers('c-atlas', 'x', { answers: [] }, { idempotencyKey: 'k' }),
      )) as CheckinError;
      expect(error).to.be.instanceOf(CheckinError);
      expect(error.code).to.equal('timeout');
      expect(error.message).to.equal('No answer within 30 milliseconds, so the request was stopped.');
      expect(signalOf(calls(memory, 'submitAnswers')[0]!).aborted).to.equal(true);
    });

    it('says the limit in the message', async () => {
      const { memory, adapter } = setup({ timeoutMs: 1_500, attempts: 1 });
      memory.faults.hangNext('getSettings');
      const started = performance.now();
      const error = (await rejection(adapter.getSettings('c-atlas'))) as CheckinError;
      expect(performance.now() - started).to.be.at.least(1_400);
      expect(error.message).to.equal('No answer within 1.5 seconds, so the request was stopped.');
    });

    it('settles even when the adapter ignores its signal, and its late answer is dropped', async () => {
      const unhandled = watchUnhandled();
      let lateResolve!: (value: unknown) => void;
      const deaf = {
        getSettings: () => new Promise((resolve) => (lateResolve = resolve)),
      } as unknown as CheckinAdapter;
      const adapter = resilient(deaf, { policy: () => ({ timeoutMs: 20, attempts: 1 }) });
      const error = (await rejection(adapter.getSettings('c-atlas'))) as CheckinError;
      expect(error.code).to.equal('timeout');
      lateResolve({ late: true });
      await settle();
      unhandled.stop();
      expect(unhandled.reasons).to.deep.equal([]);
    });
  });

  describe('retries', () => {
    for (const code of ['network', 'timeout', 'unavailable'] as const) {
      it(`retries a read that failed with ${code}, after a backoff, and succeeds`, async () => {
        const { memory, adapter, waits, retries } = setup();
        memory.faults.failNext('getSettings', code);
        const settings = await adapter.getSettings('c-atlas');
        expect(settings.contractId).to.equal('c-atlas');
        expect(calls(memory, 'getSettings')).to.have.length(2);
        expect(waits).to.deep.equal([375]);
        expect(retries.map((r) => [r.method, r.attempt, r.error.code])).to.deep.equal([['getSettings', 1, code]]);
      });
    }

    it('stops after `attempts` tries, waiting longer each time, and then fails', async () => {
      const { memory, adapter, waits } = setup({ attempts: 4 });
      for (let i = 0; i < 5; i++) memory.faults.failNext('listCheckins', 'unavailable', `down ${i}`);
      const error = (await rejection(adapter.listCheckins('c-atlas'))) as CheckinError;
      expect(error.code).to.equal('unavailable');
      expect(error.message).to.equal('down 3');
      expect(calls(memory, 'listCheckins')).to.have.length(4);
      expect(waits).to.deep.equal([375, 750, 1_500]);
    });

    it('caps the wait at maxDelayMs', async () => {
      const { memory, adapter, waits } = setup({ attempts: 6, baseDelayMs: 1_000, maxDelayMs: 3_000 }, () => 0.999999);
      for (let i = 0; i < 6; i++) memory.faults.failNext('getContract', 'network');
      await rejection(adapter.getContract('c-atlas'));
      expect(waits).to.deep.equal([1_000, 2_000, 3_000, 3_000, 3_000]);
    });

    it('retries a timed-out read, each try with its own signal', async () => {
      const { memory, adapter } = setup({ timeoutMs: 20 });
      memory.faults.hangNext('getContract');
      memory.faults.hangNext('getContract');
      const contract = await adapter.getContract('c-atlas');
      expect(contract.id).to.equal('c-atlas');
      const tries = calls(memory, 'getContract').map(signalOf);
      expect(tries.map((s) => s.aborted)).to.deep.equal([true, true, false]);
      expect(new Set(tries).size).to.equal(3);
    });

    it('never retries rate-limited', async () => {
      const { memory, adapter, waits } = setup();
      memory.faults.failNext('getSettings', 'rate-limited');
      const error = (await rejection(adapter.getSettings('c-atlas'))) as CheckinError;
      expect(error.code).to.equal('rate-limited');
      expect(error.retryAt).to.equal(new Date(FRIDAY + 60_000).toISOString());
      expect(calls(memory, 'getSettings')).to.have.length(1);
      expect(waits).to.deep.equal([]);
    });

    const final: CheckinErrorCode[] = ['forbidden', 'not-found', 'conflict', 'invalid'];
    for (const code of final) {
      it(`does not retry ${code}`, async () => {
        const { memory, adapter } = setup();
        memory.faults.failNext('getContract', code);
        expect(((await rejection(adapter.getContract('c-atlas'))) as CheckinError).code).to.equal(code);
        expect(calls(memory, 'getContract')).to.have.length(1);
      });
    }

    it('does not retry malformed data (invalid from the validator)', async () => {
      const { memory, adapter } = setup();
      memory.faults.corruptNext('getSettings', (s) => ({ ...s, version: 'two' }));
      expect(((await rejection(adapter.getSettings('c-atlas'))) as CheckinError).code).to.equal('invalid');
      expect(calls(memory, 'getSettings')).to.have.length(1);
    });

    it('does not retry while the browser is offline (the elements retry on `online`)', async () => {
      const restore = stubOnline(false);
      try {
        const { memory, adapter } = setup();
        memory.faults.failNext('getSettings', 'network');
        expect(((await rejection(adapter.getSettings('c-atlas'))) as CheckinError).code).to.equal('network');
        expect(calls(memory, 'getSettings')).to.have.length(1);
      } finally {
        restore();
      }
    });

    const writes: Array<[string, (a: CheckinAdapter) => Promise<unknown>]> = [
      [
        'updateSettings',
        (a) => a.updateSettings('c-atlas', { enabled: false }, { expectedVersion: 3, idempotencyKey: 'k1' }),
      ],
      ['requestUpdate', (a) => a.requestUpdate('c-atlas', {}, { idempotencyKey: 'k2' })],
      ['reply', (a) => a.reply('c-atlas', 'c-atlas-20261120T150000Z', { text: 'Hi' }, { idempotencyKey: 'k3' })],
      ['acknowledge', (a) => a.acknowledge('c-atlas', 'c-atlas-20261120T150000Z')],
    ];
    for (const [method, write] of writes) {
      it(`tries a write (${method}) once, even on a retryable failure`, async () => {
        const { memory, adapter, waits } = setup();
        memory.faults.failNext(method as keyof CheckinAdapter, 'network');
        expect(((await rejection(write(adapter))) as CheckinError).code).to.equal('network');
        expect(calls(memory, method)).to.have.length(1);
        expect(waits).to.deep.equal([]);
      });
    }
  });

  describe('abort', () => {
    it('aborts the call in flight when the lifetime ends, with an AbortError and nothing unhandled', async () => {
      const unhandled = watchUnhandled();
      const { memory, adapter, lifetime } = setup();
      memory.faults.hangNext('listCheckins');
      const pending = adapter.listCheckins('c-atlas', { limit: 5 });
      await settle(1);
      lifetime.abort();
      const error = (await rejection(pending)) as DOMException;
      expect(error.name).to.equal('AbortError');
      expect(signalOf(calls(memory, 'listCheckins')[0]!).aborted).to.equal(true);
      await settle();
      unhandled.stop();
      expect(unhandled.reasons).to.deep.equal([]);
    });

    it("aborts with the caller's own signal too, and passes the other options through", async () => {
      const { memory, adapter } = setup();
      memory.faults.hangNext('listCheckins');
      const control = new AbortController();
      const pending = adapter.listCheckins('c-atlas', { limit: 5, cursor: null, signal: control.signal });
      await settle(1);
      const [call] = calls(memory, 'listCheckins');
      expect((call!.args[1] as { limit: number }).limit).to.equal(5);
      control.abort();
      expect(((await rejection(pending)) as DOMException).name).to.equal('AbortError');
      expect(signalOf(call!).aborted).to.equal(true);
    });

    it('stops waiting between tries when aborted', async () => {
      const memory = adapterFor(world(), 'u-dana');
      const lifetime = new AbortController();
      const adapter = resilient(validated(memory), {
        policy: () => ({ baseDelayMs: 60_000, maxDelayMs: 60_000 }),
        lifetime: () => lifetime.signal,
      });
      memory.faults.failNext('getSettings', 'network');
      const pending = adapter.getSettings('c-atlas');
      await settle();
      lifetime.abort();
      expect(((await rejection(pending)) as DOMException).name).to.equal('AbortError');
      expect(calls(memory, 'getSettings')).to.have.length(1);
    });

    it('keeps subscribe as it is, and has none when the adapter has none', () => {
      const { adapter } = setup();
      expect(typeof adapter.subscribe).to.equal('function');
      const bare = resilient({ getViewer: async () => ({}) } as unknown as CheckinAdapter);
      expect(bare.subscribe).to.equal(undefined);
    });
  });
});
