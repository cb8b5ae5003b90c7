// ResumeTaskController on its own: a load cut short by leaving runs again on return; with
// `staleWhileAway`, a finished load does too; `catchUp` runs one catch-up at a time.
import { expect, fixture, html } from '@open-wc/testing';
import { Task } from '@lit/task';
import { LitElement } from 'lit';
import { ResumeTaskController } from '../src/controllers/resume.js';

class ResumeHost extends LitElement {
  runs = 0;
  hold: Promise<void> | null = null;
  live = false;
  readonly data = new Task(this, {
    task: async () => {
      this.runs++;
      if (this.hold) await this.hold;
      return this.runs;
    },
    args: () => [],
  });
  readonly resume = new ResumeTaskController(this, () => this.data, { staleWhileAway: () => this.live });
}
customElements.define('resume-controller-host', ResumeHost);

async function mount(): Promise<ResumeHost> {
  const el = await fixture<ResumeHost>(html`<resume-controller-host></resume-controller-host>`);
  await el.data.taskComplete;
  return el;
}

async function away(el: ResumeHost): Promise<void> {
  const parent = el.parentNode!;
  el.remove();
  parent.appendChild(el);
  await el.updateComplete;
  await el.data.taskComplete.catch(() => undefined);
}

describe('ResumeTaskController', () => {
  const cases: Array<[string, { pending: boolean; live: boolean }, number, boolean]> = [
    // name, state when leaving, runs after return, resumed
    ['a finished load stays', { pending: false, live: false }, 1, false],
    ['a load cut short runs again', { pending: true, live: false }, 2, true],
    ['a finished load gone stale while away runs again', { pending: false, live: true }, 2, true],
  ];
  for (const [name, { pending, live }, runs, resumed] of cases) {
    it(name, async () => {
      const el = await mount();
      el.live = live;
      let release = () => {};
      if (pending) {
        el.runs = 0;
        el.hold = new Promise((resolve) => (release = resolve));
        void el.data.run();
        el.hold = null;
      }
      await away(el);
      release();
      expect(el.runs).to.equal(runs);
      expect(el.resume.resumed).to.equal(resumed);
    });
  }

  it('catchUp: one at a time, every caller waits for the same one', async () => {
    const el = await mount();
    let calls = 0;
    let finish = () => {};
    const work = () => {
      calls++;
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const first = el.resume.catchUp(work);
    const second = el.resume.catchUp(work);
    expect(second).to.equal(first);
    finish();
    await first;
    await el.resume.catchUp(async () => void calls++);
    expect(calls).to.equal(2);
  });
});
