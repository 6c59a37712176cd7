import { workerStuckMs } from '../resilience/timeouts.js';

export interface HeartbeatStatus {
  name: string;
  ok: boolean;
  /** Milliseconds since the worker last showed progress. */
  lastBeatMsAgo: number;
}

/**
 * A background worker's sign of life, read by /ready. Each beat says when the next one is due: a
 * periodic worker beats when it schedules its next run (due after the delay) and when a run starts;
 * a consumer beats on each poll and each batch. A worker is stuck once a beat is overdue by more than
 * `stuckMs` (WORKER_STUCK_MS, default 5 minutes): a run or batch hanging that long, or a timer that
 * never fired. A failing run still beats: failures are logged, and its dependency has its own check.
 */
export class Heartbeat {
  private last = Date.now();
  private due: number;
  private stopped = false;

  constructor(
    readonly name: string,
    private readonly stuckMs: number = workerStuckMs(),
  ) {
    this.due = this.last;
  }

  /** Alive now; the next beat is expected within `nextWithinMs` (plus the stuck allowance). */
  beat(nextWithinMs = 0): void {
    this.last = Date.now();
    this.due = this.last + nextWithinMs;
  }

  /** A stopped worker is not waited for. */
  stop(): void {
    this.stopped = true;
  }

  status(now = Date.now()): HeartbeatStatus {
    return { name: this.name, ok: this.stopped || now - this.due <= this.stuckMs, lastBeatMsAgo: now - this.last };
  }
}
