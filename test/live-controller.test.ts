// LiveController on its own: one subscription per host, held events for a fetch in flight,
// replaced subscriptions never heard, a failing subscribe harmless, and disconnect/reconnect.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { CheckinAdapter, CheckinEvent } from '../src/adapters/adapter.js';
import { LiveController } from '../src/controllers/live.js';

class LiveHost extends LitElement {
  /** What reached `onEvent`, by event label. */
  readonly heard: string[] = [];
  readonly live = new LiveController(
    this,
    (event) => this.heard.push(label(event)),
    () => this.heard.push('reload'),
  );
}
customElements.define('live-controller-host', LiveHost);

/** A reply event: the smallest to build, labelled by its reply id. */
const event = (id: string) => ({ type: 'reply', checkinId: 'c-1', reply: { id } }) as unknown as CheckinEvent;
const label = (e: CheckinEvent) => (e.type === 'reply' ? e.reply.id : e.type);

/**
 * An adapter with only `subscribe`, like a sloppy backend: a listener keeps being called after
 * its unsubscribe (`emit(n, ...)` talks to the n-th subscription, ended or not).
 */
function fakeAdapter() {
  const listeners: Array<(event: CheckinEvent) => void> = [];
  const state = { subscribes: 0, active: 0, failing: false };
  const adapter = {
    subscribe(_contractId: string, listener: (event: CheckinEvent) => void) {
      state.subscribes++;
      if (state.failing) throw new Error('The live service is down.');
      listeners.push(listener);
      state.active++;
      let on = true;
      return () => {
        if (on) state.active--;
        on = false;
      };
    },
  } as unknown as CheckinAdapter;
  const emit = (n: number, ...ids: string[]) => ids.forEach((id) => listeners[n]!(event(id)));
  return { adapter, state, emit };
}

const mount = () => fixture<LiveHost>(html`<live-controller-host></live-controller-host>`);

describe('LiveController', () => {
  it("turns the adapter's stale signal into one reload, after the release when a load holds the events", async () => {
    const host = await mount();
    const listeners: Array<(event: CheckinEvent) => void> = [];
    const adapter = {
      subscribe: (_id: string, listener: (event: CheckinEvent) => void) => (listeners.push(listener), () => {}),
    } as unknown as CheckinAdapter;
    const release = host.live.hold(adapter, 'c-1');
    listeners[0]!({ type: 'stale' });
    listeners[0]!(event('r1'));
    release((e) => host.heard.push(`replayed ${label(e)}`));
    listeners[0]!({ type: 'stale' });
    listeners[0]!(event('r2'));
    // The load in flight may have been answered before what the stream missed: reload after it.
    expect(host.heard).to.deep.equal(['replayed r1', 'reload', 'reload', 'r2']);
  });

  it('delivers events of a watched contract to onEvent, and renews a subscription', async () => {
    const host = await mount();
    const { adapter, state, emit } = fakeAdapter();
    host.live.watch(adapter, 'c-1');
    host.live.watch(adapter, 'c-1');
    expect(state.subscribes).to.equal(1);
    emit(0, 'a');
    host.live.renew();
    expect(state).to.include({ subscribes: 2, active: 1 });
    emit(1, 'b');
    expect(host.heard).to.deep.equal(['a', 'b']);
  });

  it('holds events until release, replays them in order, then delivers directly', async () => {
    const host = await mount();
    const { adapter, state, emit } = fakeAdapter();
    const replayed: string[] = [];
    const release = host.live.hold(adapter, 'c-1');
    emit(0, 'a', 'b', 'c');
    expect(host.heard).to.deep.equal([]);
    release((e) => replayed.push(label(e)));
    expect(replayed).to.deep.equal(['a', 'b', 'c']);
    emit(0, 'd');
    expect(host.heard).to.deep.equal(['d']);
    // Released once: a second release hands over nothing.
    release((e) => replayed.push(label(e)));
    expect(replayed).to.deep.equal(['a', 'b', 'c']);
    expect(state).to.include({ subscribes: 1, active: 1 });
  });

  it('keeps the order of an event delivered while the held ones are replayed', async () => {
    const host = await mount();
    const { adapter, emit } = fakeAdapter();
    const release = host.live.hold(adapter, 'c-1');
    emit(0, 'a', 'b');
    // Replayed into the same list as onEvent's, so that the order across both shows.
    release((e) => {
      host.heard.push(label(e));
      if (label(e) === 'a') emit(0, 'c');
    });
    expect(host.heard).to.deep.equal(['a', 'b', 'c']);
  });

  it('subscribes afresh for each hold, even to the same contract', async () => {
    const host = await mount();
    const { adapter, state } = fakeAdapter();
    host.live.watch(adapter, 'c-1');
    host.live.hold(adapter, 'c-1');
    expect(state).to.include({ subscribes: 2, active: 1 });
  });

  it('never hears a replaced subscription: its late events are dropped, its release does nothing', async () => {
    const host = await mount();
    const { adapter, state, emit } = fakeAdapter();
    const first = host.live.hold(adapter, 'c-1');
    emit(0, 'old-1');
    const second = host.live.hold(adapter, 'c-2');
    expect(state.active).to.equal(1);
    emit(0, 'old-2');
    emit(1, 'new-1');
    const replayed: string[] = [];
    first((e) => replayed.push(`first:${label(e)}`));
    second((e) => replayed.push(`second:${label(e)}`));
    emit(0, 'old-3');
    emit(1, 'new-2');
    expect(replayed).to.deep.equal(['second:new-1']);
    expect(host.heard).to.deep.equal(['new-2']);
    host.live.renew();
    emit(1, 'new-3');
    expect(host.heard).to.deep.equal(['new-2']);
  });

  it('clears a held subscription: nothing is heard or released, and a reconnect does not subscribe', async () => {
    const host = await mount();
    const { adapter, state, emit } = fakeAdapter();
    const release = host.live.hold(adapter, 'c-1');
    emit(0, 'early');
    host.live.clear();
    emit(0, 'late');
    release((e) => host.heard.push(`replayed:${label(e)}`));
    const parent = host.parentElement!;
    host.remove();
    parent.append(host);
    expect(state).to.include({ subscribes: 1, active: 0 });
    expect(host.heard).to.deep.equal([]);
  });

  it('shrugs off a missing or throwing subscribe, and subscribes when it works again', async () => {
    const host = await mount();
    const { adapter, state, emit } = fakeAdapter();
    host.live.hold({} as CheckinAdapter, 'c-1')(() => host.heard.push('replayed'));
    host.live.watch({} as CheckinAdapter, 'c-1');
    state.failing = true;
    host.live.watch(adapter, 'c-1');
    const release = host.live.hold(adapter, 'c-1');
    const replayed: string[] = [];
    release((e) => replayed.push(label(e)));
    host.live.renew();
    expect(state).to.include({ subscribes: 3, active: 0 });
    state.failing = false;
    host.live.renew();
    emit(0, 'a');
    expect(replayed).to.deep.equal([]);
    expect(host.heard).to.deep.equal(['a']);
  });

  it('ends the subscription on disconnect and has exactly one again on reconnect', async () => {
    const host = await mount();
    const { adapter, state, emit } = fakeAdapter();
    host.live.watch(adapter, 'c-1');
    const parent = host.parentElement!;
    host.remove();
    expect(state).to.include({ subscribes: 1, active: 0 });
    emit(0, 'while-away');
    parent.append(host);
    expect(state).to.include({ subscribes: 2, active: 1 });
    emit(1, 'back');
    expect(host.heard).to.deep.equal(['back']);
    host.live.clear();
    host.remove();
    parent.append(host);
    expect(state).to.include({ subscribes: 2, active: 0 });
  });

  it('drops what a hold held when the host leaves: the subscription on return is not held', async () => {
    const host = await mount();
    const { adapter, state, emit } = fakeAdapter();
    const release = host.live.hold(adapter, 'c-1');
    emit(0, 'before');
    const parent = host.parentElement!;
    host.remove();
    parent.append(host);
    expect(state).to.include({ subscribes: 2, active: 1 });
    emit(1, 'after');
    const replayed: string[] = [];
    release((e) => replayed.push(label(e)));
    expect(replayed).to.deep.equal([]);
    expect(host.heard).to.deep.equal(['after']);
  });
});
