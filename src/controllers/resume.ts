import { TaskStatus, type Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ResumeOptions {
  /**
   * Whether what the host shows goes stale while it is away (a live view misses events): then
   * it is loaded afresh on return even when its load had finished. Asked when the host leaves.
   */
  staleWhileAway?: () => boolean;
}

/**
 * Aborts a host's loading Task when the host leaves the page, and runs it again when the host
 * comes back: Task reruns only when its arguments change, and they did not change while away.
 */
export class ResumeTaskController implements ReactiveController {
  private aborted = false;
  private catching?: Promise<void>;

  constructor(
    host: ReactiveControllerHost,
    private readonly task: () => Task<readonly unknown[], unknown>,
    private readonly options: ResumeOptions = {},
  ) {
    host.addController(this);
  }

  /** True when the host came back and the load was started again (for hosts that also refresh). */
  resumed = false;

  hostConnected(): void {
    this.resumed = this.aborted;
    if (!this.aborted) return;
    this.aborted = false;
    void this.task().run();
  }

  hostDisconnected(): void {
    const task = this.task();
    if (task.status === TaskStatus.PENDING) {
      this.aborted = true;
      task.abort();
    } else if (this.options.staleWhileAway?.()) {
      this.aborted = true;
    }
  }

  /**
   * Runs `work`, a catch-up in place (after live updates may have been missed), unless one is
   * on its way: then returns that one, so that every caller waits for the same catch-up.
   */
  catchUp(work: () => Promise<void>): Promise<void> {
    return (this.catching ??= work().finally(() => {
      this.catching = undefined;
    }));
  }
}
