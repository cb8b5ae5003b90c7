// The built package in the browser (`npm run test:dist`, after `npm run build`): what each
// entry of dist/ registers. One page for the whole file and one registry, so the order of the
// tests is the story: the class-only entry first (nothing may be defined yet), then each define
// entry, then a repeated define, the main entry, and the single-file bundle on top of it all.
// The files are imported by URL at run time, never by a static import, so nothing is defined
// before the first test looks and tsc never needs dist/ to exist.
import { expect, waitUntil } from '@open-wc/testing';

const TAGS = ['checkin-provider', 'checkin-toggle', 'checkin-form', 'checkin-thread'] as const;
const CLASS_OF = {
  'checkin-provider': 'CheckinProvider',
  'checkin-toggle': 'CheckinToggle',
  'checkin-form': 'CheckinForm',
  'checkin-thread': 'CheckinThread',
} as const;

type Module = Record<string, unknown>;
const load = (path: string) => import(/* @vite-ignore */ path) as Promise<Module>;
const defined = () => TAGS.filter((tag) => customElements.get(tag) !== undefined);

let classes: Module;

describe('the built package (dist/)', () => {
  it('the class-only entry exports the four classes and defines no tag', async () => {
    expect(defined()).to.deep.equal([]);
    classes = await load('/dist/elements/index.js');
    expect(Object.keys(classes).sort()).to.deep.equal(Object.values(CLASS_OF).sort());
    for (const name of Object.values(CLASS_OF)) {
      const value = classes[name] as { prototype?: unknown };
      expect(typeof value, name).to.equal('function');
      expect(value.prototype instanceof HTMLElement, `${name} is an HTMLElement`).to.equal(true);
    }
    expect(defined()).to.deep.equal([]);
  });

  it('a class can be registered under a host-chosen name', async () => {
    const Toggle = classes.CheckinToggle as CustomElementConstructor;
    customElements.define('acme-checkin-toggle', class extends Toggle {});
    const el = document.createElement('acme-checkin-toggle') as HTMLElement & { updateComplete: Promise<unknown> };
    document.body.append(el);
    await el.updateComplete;
    // With no adapter it says so on screen: the element really rendered under the new name.
    expect(el.shadowRoot?.textContent ?? '').to.match(/adapter/i);
    el.remove();
    expect(defined()).to.deep.equal([]);
  });

  it('the schedule, memory adapter and context entries load and define nothing', async () => {
    const schedule = await load('/dist/schedule/index.js');
    expect(typeof schedule.nextPrompt).to.equal('function');
    expect(typeof schedule.describeSchedule).to.equal('function');
    const memory = await load('/dist/adapters/memory.js');
    expect(typeof memory.MemoryAdapter).to.equal('function');
    expect(typeof memory.MemoryStore).to.equal('function');
    expect(typeof memory.seedDemo).to.equal('function');
    const context = await load('/dist/context.js');
    expect(Object.keys(context)).to.include.members(['adapterContext', 'contractIdContext', 'viewerContext']);
    expect(defined()).to.deep.equal([]);
  });

  for (const tag of TAGS) {
    it(`dist/define/${tag}.js defines exactly <${tag}>, with the exported class`, async () => {
      const before = defined();
      expect(before).not.to.include(tag);
      const module = await load(`/dist/define/${tag}.js`);
      expect(Object.keys(module), 'a define module exports nothing').to.deep.equal([]);
      expect(defined()).to.deep.equal(TAGS.filter((t) => t === tag || before.includes(t)));
      expect(customElements.get(tag) === classes[CLASS_OF[tag]], 'the registered class').to.equal(true);
    });
  }

  it('running a define module again is harmless', async () => {
    const registered = TAGS.map((tag) => customElements.get(tag));
    // A query string makes the browser evaluate the module a second time (as a second copy of
    // the package would); its class import still resolves to the one already registered.
    for (const tag of TAGS) await load(`/dist/define/${tag}.js?again`);
    expect(TAGS.map((tag) => customElements.get(tag) === registered[TAGS.indexOf(tag)])).to.deep.equal(
      TAGS.map(() => true),
    );
  });

  it('the main entry exports the public surface and keeps the registered tags', async () => {
    const main = await load('/dist/index.js');
    for (const name of [
      ...Object.values(CLASS_OF),
      'CheckinSubmitEvent',
      'CheckinSettingsChangeEvent',
      'CheckinError',
      'nextPrompt',
      'adapterContext',
      'validated',
    ]) {
      expect(main, name).to.have.property(name);
    }
    expect(main, 'adapters are separate entries').not.to.have.property('MemoryAdapter');
    for (const tag of TAGS) expect(customElements.get(tag) === classes[CLASS_OF[tag]], tag).to.equal(true);
  });

  it('the single-file bundle loads on top of the package without throwing', async () => {
    const bundle = await load('/dist/checkin-elements.bundle.js');
    for (const name of [...Object.values(CLASS_OF), 'MemoryAdapter', 'MemoryStore', 'seedDemo', 'nextPrompt']) {
      expect(bundle, name).to.have.property(name);
    }
    // The bundle carries its own copy of every class; the first registration stays.
    expect(bundle.CheckinToggle === classes.CheckinToggle, 'a separate copy').to.equal(false);
    for (const tag of TAGS) expect(customElements.get(tag) === classes[CLASS_OF[tag]], tag).to.equal(true);
  });

  it("an element of the package works with the bundle's adapter (two copies on one page)", async () => {
    const { MemoryAdapter, MemoryStore, seedDemo } = (await load('/dist/checkin-elements.bundle.js')) as {
      MemoryAdapter: new (o: object) => object;
      MemoryStore: new (d: unknown) => object;
      seedDemo: () => unknown;
    };
    const store = new MemoryStore(seedDemo());
    const el = document.createElement('checkin-toggle') as HTMLElement & { adapter: object; contractId: string };
    el.adapter = new MemoryAdapter({ store, viewerId: 'u-dana', contractId: 'c-nova' });
    el.contractId = 'c-nova';
    document.body.append(el);
    try {
      await waitUntil(() => el.shadowRoot?.querySelector('[role="switch"]'), 'the switch never rendered', {
        timeout: 5000,
      });
      expect(el.shadowRoot!.querySelector('[role="switch"]')!.getAttribute('aria-checked')).to.equal('false');
    } finally {
      el.remove();
    }
  });
});
