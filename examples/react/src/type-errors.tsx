// Never built (nothing imports it); `npm run lint:examples` type-checks it. Each line below is
// a mistake the generated JSX types must reject: if one ever compiles, its @ts-expect-error is
// unused and tsc fails, so the types cannot silently stop catching it.
import type {} from 'checkin-elements/react';
import type { CheckinSettingsChangeEvent } from 'checkin-elements';
import { MemoryAdapter } from 'checkin-elements/adapters/memory';

const adapter = new MemoryAdapter({ viewerId: 'u-dana', contractId: 'c-nova' });

export const mistakes = [
  // @ts-expect-error `contract-id` is a string attribute.
  <checkin-toggle contract-id={42}></checkin-toggle>,
  // @ts-expect-error `consent-policy` is 'notify' or 'required'.
  <checkin-toggle consent-policy="sometimes"></checkin-toggle>,
  // @ts-expect-error `adapter` is a CheckinAdapter object, never a string.
  <checkin-provider adapter="memory"></checkin-provider>,
  // @ts-expect-error `clock` is a function.
  <checkin-thread clock={Date.now()}></checkin-thread>,
  // @ts-expect-error `checkin-submit` delivers a CheckinSubmitEvent, not a settings change.
  <checkin-form oncheckin-submit={(event: CheckinSettingsChangeEvent) => event.detail.settings}></checkin-form>,
  // @ts-expect-error the toggle fires no `checkin-submit`, and camelCase is not an event prop.
  <checkin-toggle onCheckinSubmit={() => {}}></checkin-toggle>,
  // @ts-expect-error `ref` gets the element's own class.
  <checkin-form ref={(el: HTMLInputElement | null) => el?.select()}></checkin-form>,
];

// The same tags written correctly compile: the checks above fail for the stated reason only.
export const correct = [
  <checkin-toggle contract-id="c-nova" consent-policy="required"></checkin-toggle>,
  <checkin-provider adapter={adapter} contract-id="c-nova"></checkin-provider>,
  <checkin-thread clock={() => Date.now()}></checkin-thread>,
  <checkin-form oncheckin-submit={(event) => event.detail.checkin.answers}></checkin-form>,
  <checkin-form ref={(el) => void el?.submit()}></checkin-form>,
];
