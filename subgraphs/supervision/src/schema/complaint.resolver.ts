import { type Context, Idempotent, reloaded, type Replay } from '@tsp/shared';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';

import { complaintById, complaintByReceipt, listComplaints } from '../read/complaints.js';
import type { ComplaintView } from '../read/views.js';
import { answerComplaint } from '../write/answer-complaint.js';
import { assignComplaint } from '../write/assign-complaint.js';
import { closeComplaint } from '../write/close-complaint.js';
import { reopenComplaint } from '../write/reopen-complaint.js';
import { type ComplaintReceipt as Receipt, submitComplaint } from '../write/submit-complaint.js';
import { triageComplaint } from '../write/triage-complaint.js';
import { ComplaintFilterInput, SubmitComplaintInput } from './inputs.js';
import { Complaint, ComplaintConnection, ComplaintProgress, ComplaintReceipt } from './types.js';

/** A repeated Idempotency-Key answers with the complaint, read again for the caller. */
const replay = reloaded<ComplaintView>((ctx, id) => complaintById(ctx, id));
/** The receipt code is never stored: a repeat answers the state without it. */
const receiptReplay: Replay<Receipt> = {
  keep: (r) => ({ ...r, receiptCode: null }),
  restore: async (kept) => kept as Receipt,
};
const ID_ARG = { description: '投诉举报标识 Complaint id' };
const view = (ctx: Context, p: Promise<{ id: string }>) => p.then((c) => complaintById(ctx, c.id));

@Resolver(() => Complaint)
export class ComplaintResolver {
  @UseMiddleware(Idempotent('supervision', receiptReplay))
  @Mutation(() => ComplaintReceipt, {
    description:
      '投诉举报（公开） Complain about an agency’s enforcement, no account needed; answers a receipt code shown once. Limited per client address (RATE_LIMITED)',
  })
  submitComplaint(
    @Ctx() ctx: Context,
    @Arg('input', { description: '投诉举报 The complaint' }) input: SubmitComplaintInput,
  ) {
    return submitComplaint(ctx, input);
  }

  @Query(() => ComplaintProgress, {
    nullable: true,
    description: '凭查询码查询（公开） Follow a complaint with its receipt code: null for an unknown code',
  })
  complaintByReceipt(@Ctx() ctx: Context, @Arg('code', { description: '查询码 The receipt code' }) code: string) {
    return complaintByReceipt(ctx, code);
  }

  @Query(() => Complaint, {
    description: '投诉举报 One complaint (the justice bureau of its region; the agency it was sent to)',
  })
  complaint(@Ctx() ctx: Context, @Arg('id', () => ID, ID_ARG) id: string) {
    return complaintById(ctx, id);
  }

  @Query(() => ComplaintConnection, {
    description:
      '投诉举报列表 Complaints newest first: the bureau’s region (SUPERVISOR), all (ADMIN), or those sent to the caller’s agency',
  })
  complaints(
    @Ctx() ctx: Context,
    @Arg('filter', () => ComplaintFilterInput, { nullable: true, description: '筛选 Filter' })
    filter?: ComplaintFilterInput | null,
    @Arg('first', () => Int, { nullable: true, description: '每页条数 Page size (default 50)' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '游标 After this cursor' }) after?: string | null,
  ) {
    return listComplaints(ctx, { filter, first, after });
  }

  @UseMiddleware(Idempotent('supervision', replay))
  @Mutation(() => Complaint, {
    description: '受理审查 Accept a complaint, or reject it with the reason the complainant reads (SUPERVISOR, ADMIN)',
  })
  triageComplaint(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('accept', { description: '是否受理 Accept (true) or reject (false)' }) accept: boolean,
    @Arg('note', () => String, { nullable: true, description: '意见 Note; the reason, required when rejecting' })
    note?: string | null,
  ) {
    return view(ctx, triageComplaint(ctx, id, accept, note));
  }

  @UseMiddleware(Idempotent('supervision', replay))
  @Mutation(() => Complaint, {
    description: '交办 Send an accepted complaint to the agency, due in working days (default 15; SUPERVISOR, ADMIN)',
  })
  assignComplaint(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('dueWorkingDays', () => Int, { nullable: true, description: '答复期限（工作日） Working days (1–40)' })
    dueWorkingDays?: number | null,
  ) {
    return view(ctx, assignComplaint(ctx, id, dueWorkingDays));
  }

  @UseMiddleware(Idempotent('supervision', replay))
  @Mutation(() => Complaint, {
    description: '答复 The agency answers a complaint sent to it (OFFICER, AGENCY_HEAD of that agency)',
  })
  answerComplaint(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('answer', { description: '答复 The answer (≤ 5,000 characters)' }) answer: string,
  ) {
    return view(ctx, answerComplaint(ctx, id, answer));
  }

  @UseMiddleware(Idempotent('supervision', replay))
  @Mutation(() => Complaint, {
    description:
      '办结 Conclude a complaint: founded or not, and the conclusion the complainant reads (SUPERVISOR, ADMIN)',
  })
  closeComplaint(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('conclusion', { description: '办理结论 Conclusion' }) conclusion: string,
    @Arg('upheld', { description: '是否属实 Whether the complaint was founded' }) upheld: boolean,
  ) {
    return view(ctx, closeComplaint(ctx, id, conclusion, upheld));
  }

  @UseMiddleware(Idempotent('supervision', replay))
  @Mutation(() => Complaint, {
    description:
      '重新办理 Send an answered or concluded complaint back to the agency with the reason and a new due day (SUPERVISOR, ADMIN)',
  })
  reopenComplaint(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('reason', { description: '理由 Why the answer does not settle it' }) reason: string,
    @Arg('dueWorkingDays', () => Int, { nullable: true, description: '答复期限（工作日） Working days (1–40)' })
    dueWorkingDays?: number | null,
  ) {
    return view(ctx, reopenComplaint(ctx, id, reason, dueWorkingDays));
  }
}
