import { TaskStatus, type Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Aborts a host's loading Task when the host leaves the page, and runs it again when the host
 * comes back: Task reruns only when its arguments change, and they did not change while away.
 */
export class ResumeTaskController implements ReactiveController {
  private aborted = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly task: () => Task<readonly unknown[], unknown>,
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
    if (task.status !== TaskStatus.PENDING) return;
    this.aborted = true;
    task.abort();
  }
}
