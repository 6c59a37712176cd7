/**
 * 约谈 行政执法监督条例 (国务院令第825号) names interviews of an agency's responsible persons among the supervision
 * body's means, for enforcement problems that are serious or keep recurring; the record is the bureau's own.
 * Bounds of the record, in characters; attachments are references (file names or numbers), at most 20.
 */
export const INTERVIEW_LIMITS = {
  interviewees: 2000,
  reasons: 5000,
  record: 20_000,
  followUp: 5000,
  attachment: 500,
  attachments: 20,
};

/** An interview is recorded once held: not in the future (a minute's clock skew allowed), nor before 2000. */
export function heldAtProblem(heldAt: Date, now: Date): string | null {
  if (Number.isNaN(heldAt.getTime())) return 'not a time';
  if (heldAt.getTime() > now.getTime() + 60_000) return 'an interview is recorded after it is held, not before';
  if (heldAt.getUTCFullYear() < 2000) return 'before 2000';
  return null;
}
