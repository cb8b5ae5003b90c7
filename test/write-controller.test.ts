// WriteController on its own: single flight per key, every failure one CheckinError reported
// once, aborts abandoned, stale outcomes dropped, and the host re-rendered around each write.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Epoch, WriteController } from '../src/controllers/write.js';
import { CheckinError } from '../src/model.js';
import type { CheckinErrorEvent } from '../src/events.js';

class WriteHost extends LitElement {
  readonly writes = new WriteController(this);
  renders = 0;
  protected override render() {
    this.renders++;
    return html`${this.writes.pending() ? 'saving' : 'idle'}`;
  }
}
customElements.define('write-controller-host', WriteHost);

/** A send the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** Runs one write for `key` on `host`, recording which outcome handlers ran. */
function start(host: WriteHost, key = 'checkin', action = 'submit') {
  const reply = deferred<string>();
  const heard: string[] = [];
  let sends = 0;
  const run = () =>
    host.writes.run(key, {
      action,
      send: () => (sends++, reply.promise),
      done: (result) => void heard.push(`done ${result}`),
      failed: (error) => void heard.push(`failed ${error.code}`),
      abandoned: () => void heard.push('abandoned'),
      settled: () => void heard.push('settled'),
    });
  return { reply, heard, run, sends: () => sends };
}

const mount = () => fixture<WriteHost>(html`<write-controller-host></write-controller-host>`);
const errors = (host: WriteHost) => {
  const seen: CheckinErrorEvent[] = [];
  host.addEventListener('checkin-error', (event) => seen.push(event as CheckinErrorEvent));
  return seen;
};

describe('WriteController', () => {
  it('sends once per key while a write is on its way, and says so to the view', async () => {
    const host = await mount();
    const write = start(host);
    const first = write.run();
    const second = write.run();
    expect(second).to.equal(first);
    expect(write.sends()).to.equal(1);
    expect(host.writes.pending('checkin')).to.be.true;
    expect(host.writes.action('checkin')).to.equal('submit');
    await host.updateComplete;
    expect(host.shadowRoot!.textContent).to.equal('saving');
    write.reply.resolve('r1');
    await first;
    await host.updateComplete;
    expect(write.heard).to.deep.equal(['done r1', 'settled']);
    expect(host.writes.pending()).to.be.false;
    expect(host.shadowRoot!.textContent).to.equal('idle');
  });

  it('sends a new intent made while the last outcome is being handled right after it', async () => {
    const host = await mount();
    let release!: () => void;
    const handling = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const first = host.writes.run('settings', {
      action: 'update-settings',
      send: async () => (order.push('send 1'), 1),
      done: async () => {
        order.push('done 1');
        await handling;
      },
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(order).to.deep.equal(['send 1', 'done 1']);
    expect(host.writes.pending('settings')).to.be.true;
    const second = host.writes.run('settings', {
      action: 'update-settings',
      send: async () => (order.push('send 2'), 2),
      done: () => void order.push('done 2'),
    });
    expect(second).not.to.equal(first);
    release();
    await second;
    expect(order).to.deep.equal(['send 1', 'done 1', 'send 2', 'done 2']);
  });

  it('drops a follow-up intent when the epoch advanced before it could be sent', async () => {
    const host = await mount();
    let release!: () => void;
    const handling = new Promise<void>((resolve) => (release = resolve));
    let sends = 0;
    void host.writes.run('settings', { action: 'a', send: async () => sends++, done: () => handling });
    await Promise.resolve();
    await Promise.resolve();
    const follow = host.writes.run('settings', { action: 'a', send: async () => sends++, done: () => {} });
    host.writes.epoch.advance();
    release();
    await follow;
    expect(sends).to.equal(1);
  });

  it('lets writes for different keys fly side by side', async () => {
    const host = await mount();
    const a = start(host, 'reply:c-1', 'reply');
    const b = start(host, 'reply:c-2', 'reply');
    void a.run();
    void b.run();
    expect([a.sends(), b.sends()]).to.deep.equal([1, 1]);
    b.reply.resolve('b');
    await host.writes.settled('reply:c-2');
    expect(host.writes.pending('reply:c-1')).to.be.true;
    expect(host.writes.pending('reply:c-2')).to.be.false;
    a.reply.resolve('a');
    await host.writes.settled('reply:c-1');
    expect(a.heard[0]).to.equal('done a');
  });

  const failures: Array<[string, unknown, string]> = [
    ['a CheckinError keeps its code', new CheckinError('conflict', 'Changed elsewhere.'), 'conflict'],
    ['a retryable one keeps its code', new CheckinError('network', 'Offline.', { retryable: true }), 'network'],
    ['a TypeError is the network', new TypeError('Failed to fetch'), 'network'],
    ['anything else is unavailable', new Error('boom'), 'unavailable'],
  ];
  for (const [name, thrown, code] of failures) {
    it(`reports a failure once, then hands it to failed: ${name}`, async () => {
      const host = await mount();
      const seen = errors(host);
      const write = start(host, 'settings', 'update-settings');
      const done = write.run();
      write.reply.reject(thrown);
      await done;
      expect(seen.map((e) => [e.detail.action, e.detail.error.code])).to.deep.equal([['update-settings', code]]);
      expect(seen[0]!.detail.error).to.be.instanceOf(CheckinError);
      expect(write.heard).to.deep.equal([`failed ${code}`, 'settled']);
    });
  }

  it('treats an abort as abandoned: no error event, no failure shown', async () => {
    const host = await mount();
    const seen = errors(host);
    const write = start(host);
    const done = write.run();
    write.reply.reject(new DOMException('The operation was aborted.', 'AbortError'));
    await done;
    expect(seen).to.have.length(0);
    expect(write.heard).to.deep.equal(['abandoned', 'settled']);
  });

  for (const outcome of ['resolve', 'reject'] as const) {
    it(`drops an outcome that arrives after the epoch advanced (${outcome})`, async () => {
      const host = await mount();
      const seen = errors(host);
      const old = start(host);
      const oldDone = old.run();
      host.writes.epoch.advance();
      expect(host.writes.pending()).to.be.false;
      // A new write for the same key is its own request, not the stale one.
      const fresh = start(host);
      const freshDone = fresh.run();
      expect(freshDone).not.to.equal(oldDone);
      expect(fresh.sends()).to.equal(1);
      if (outcome === 'resolve') old.reply.resolve('late');
      else old.reply.reject(new CheckinError('unavailable', 'Down.'));
      await oldDone;
      expect(old.heard).to.deep.equal(['settled']);
      expect(seen).to.have.length(0);
      expect(host.writes.pending('checkin')).to.be.true;
      fresh.reply.resolve('r2');
      await freshDone;
      expect(fresh.heard).to.deep.equal(['done r2', 'settled']);
    });
  }

  it('shares an epoch with the rest of the host: one advance makes every mark stale', () => {
    const epoch = new Epoch();
    const before = epoch.mark();
    expect(before()).to.be.true;
    epoch.advance();
    expect(before()).to.be.false;
    expect(epoch.mark()()).to.be.true;
  });
});
