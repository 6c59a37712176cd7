import type { ServiceName } from '../config.js';
import {
  EvaluatorCaseGrantsSchema,
  type SupervisionNoticeText,
  SupervisionNoticeTextSchema,
} from '../contracts/supervision.js';
import type { DomainEvent } from '../events/types.js';
import { ask, lazyClient } from './answer.js';
import { readFeed, readFeedHead } from './feed.js';

/** The typed client of supervision's internal queries, for any other service. */
export interface SupervisionClient {
  /**
   * supervision's events after a position, in position order (ComplaintSubmitted, SupervisionInstrumentIssued, …; payloads per
   * the schemas in INTEGRATOR_PAYLOAD_SCHEMAS). Every type of its outbox, unscoped: the caller filters.
   */
  events(after: number, limit: number): Promise<DomainEvent[]>;
  /** The newest position of supervision's events (0 = none yet). */
  head(): Promise<number>;
  /** The cases this officer is assigned to evaluate (案卷评查) and has not scored yet. */
  evaluatorCaseGrants(officerId: string): Promise<string[]>;
  /** A public notice (通报) as the bureau wrote it, unmasked: disclosure masks it before publishing; null = unknown. */
  noticeText(id: string): Promise<SupervisionNoticeText | null>;
}

const GRANTS = `query($o: ID!) { evaluatorCaseGrants(officerId: $o) }`;
const NOTICE_TEXT = `query($id: ID!) { supervisionNoticeText(id: $id) {
  id region kind title body agencyIds publishedAt withdrawnAt withdrawalReason } }`;

export function supervisionClient(from: ServiceName): SupervisionClient {
  const client = lazyClient(from, 'supervision');
  return {
    events: (after, limit) => readFeed(client(), 'supervision', after, limit),
    head: () => readFeedHead(client(), 'supervision'),
    evaluatorCaseGrants: (officerId) =>
      ask(client(), 'supervision', 'evaluatorCaseGrants', GRANTS, { o: officerId }, EvaluatorCaseGrantsSchema),
    noticeText: (id) =>
      ask(client(), 'supervision', 'supervisionNoticeText', NOTICE_TEXT, { id }, SupervisionNoticeTextSchema),
  };
}
