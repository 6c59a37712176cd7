import { InternalClient, logger } from '@tsp/shared';

const log = logger('gateway:tail');

/**
 * Watches review's event log for new positions and wakes waiting subscriptions. One loop per
 * gateway (not per subscriber), and only while someone is waiting.
 */
export class LogTail {
  private head = 0;
  private started = false;
  private waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly client: InternalClient;

  constructor(
    private readonly reviewUrl: string,
    private readonly intervalMs = 200,
  ) {
    this.client = new InternalClient('gateway', 'review', reviewUrl, 3000);
  }

  /** The newest position seen (a live subscription without a cursor starts here). */
  async position(): Promise<number> {
    await this.probe();
    return this.head;
  }

  /** Resolves when the log advances, or after `maxMs` so callers re-check anyway. */
  wait(maxMs = 5000): Promise<void> {
    this.ensureRunning();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      };
      const t = setTimeout(done, maxMs);
      this.waiters.push(done);
    });
  }

  stop(): void {
    clearTimeout(this.timer);
    this.started = false;
    for (const w of this.waiters.splice(0)) w();
  }

  private ensureRunning() {
    if (this.started) return;
    this.started = true;
    const loop = async () => {
      if (!this.started) return;
      if (this.waiters.length) {
        const before = this.head;
        await this.probe();
        if (this.head > before) for (const w of this.waiters.splice(0)) w();
      }
      this.timer = setTimeout(loop, this.intervalMs);
    };
    void loop();
  }

  private async probe(): Promise<void> {
    try {
      for (;;) {
        const r = await this.client.request<{ reviewOutboxFeed: { position: number }[] }>(
          `query($a: Int!) { reviewOutboxFeed(after: $a, first: 500) { position } }`,
          { a: this.head },
        );
        const last = r.reviewOutboxFeed.at(-1);
        if (!last) return;
        this.head = last.position;
        if (r.reviewOutboxFeed.length < 500) return;
      }
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'review did not answer; subscriptions wait');
    }
  }
}
