// Dana (the client) and Kofi (the talent) side by side on one in-memory backend, as two
// browsers on one server would be. The tags are used as they are: React 19 passes `adapter`
// and `clock` as properties (the elements have properties of those names) and listens to the
// custom events through `on<event-name>` props, typed by checkin-elements/react.
import { useState } from 'react';
import 'checkin-elements';
import type {} from 'checkin-elements/react';
import type { CheckinSettingsChangeEvent, CheckinSubmitEvent } from 'checkin-elements';
import { MemoryAdapter, MemoryStore, seedDemo } from 'checkin-elements/adapters/memory';

// 'c-nova': eligible, check-ins off, and the talent must consent before they start.
const CONTRACT = 'c-nova';
const store = new MemoryStore(seedDemo());
// The elements read "now" from the demo backend, so moving its clock moves theirs.
const clock = () => store.now();
// A new pair of adapters is a page reload: after the clock moves, everything loads afresh.
const connect = () => ({
  client: new MemoryAdapter({ store, viewerId: 'u-dana', contractId: CONTRACT }),
  talent: new MemoryAdapter({ store, viewerId: 'u-kofi', contractId: CONTRACT }),
});

export function App() {
  const [adapters, setAdapters] = useState(connect);
  const [log, setLog] = useState<string[]>([]);
  const write = (line: string) => setLog((lines) => [...lines, line]);

  const onSettingsChange = (event: CheckinSettingsChangeEvent) => {
    const { settings } = event.detail;
    write(`checkin-settings-change: enabled=${settings.enabled} consent=${settings.consent}`);
  };
  const onSubmit = (event: CheckinSubmitEvent) => {
    const { checkin } = event.detail;
    write(`checkin-submit: ${checkin.id} ${checkin.status}: ${checkin.answers?.[0]?.text ?? ''}`);
  };
  const nextPrompt = () => {
    const at = store.advanceToNextPrompt(CONTRACT);
    write(at ? `clock: moved past the prompt of ${at}` : 'clock: no prompt is coming (off, or awaiting consent)');
    if (at) setAdapters(connect());
  };

  return (
    <main>
      <h1>Weekly check-ins in React 19</h1>
      <p>
        Dana turns check-ins on, Kofi accepts, the demo clock moves to the next prompt, and Kofi
        answers. Both see the thread.
      </p>
      <div className="panes">
        <section id="client" aria-labelledby="client-heading">
          <h2 id="client-heading">Dana Whitfield, client</h2>
          <checkin-provider adapter={adapters.client} contract-id={CONTRACT}>
            <checkin-toggle clock={clock} oncheckin-settings-change={onSettingsChange}></checkin-toggle>
            <checkin-thread clock={clock}></checkin-thread>
          </checkin-provider>
        </section>
        <section id="talent" aria-labelledby="talent-heading">
          <h2 id="talent-heading">Kofi Mensah, talent</h2>
          <checkin-provider adapter={adapters.talent} contract-id={CONTRACT}>
            <checkin-toggle clock={clock} oncheckin-settings-change={onSettingsChange}></checkin-toggle>
            <checkin-form clock={clock} oncheckin-submit={onSubmit}></checkin-form>
            <checkin-thread clock={clock}></checkin-thread>
          </checkin-provider>
        </section>
      </div>
      <p>
        <button type="button" id="next-prompt" onClick={nextPrompt}>
          Move the demo clock to the next prompt
        </button>
      </p>
      <h2>Events this page received</h2>
      <ol id="log" aria-live="polite">
        {log.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
    </main>
  );
}
