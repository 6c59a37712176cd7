import { type Context, isUuid, shanghaiDate } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';

import type { LegalReviewEntity } from '../entities/index.js';
import { readableReview } from '../read/review.js';
import { listReviews } from '../read/reviews.js';
import { CHECKLIST } from '../rules/checklist.js';
import { isOverdue } from '../rules/due.js';
import { WITH_LEGAL_OFFICE } from '../rules/status.js';
import { ReviewFilter } from './inputs.js';
import {
  Agency,
  ChecklistItem,
  EnforcementCase,
  LegalReview,
  LegalReviewConnection,
  Officer,
  ProposedDecision,
  ReviewCoordination,
  ReviewDiscretionCheck,
} from './types.js';

@Resolver(() => LegalReview)
export class ReviewResolver {
  @Query(() => LegalReview, {
    description: '法制审核 One review (own agency, supervisor of the region, integrator in scope, admin)',
  })
  review(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '法制审核 Review id' }) id: string) {
    return readableReview(ctx, id);
  }

  @Query(() => LegalReviewConnection, {
    description: '法制审核列表 Reviews the caller may read, newest first (cursor pagination)',
  })
  reviews(
    @Ctx() ctx: Context,
    @Arg('filter', () => ReviewFilter, { nullable: true, description: '筛选条件 Filter' }) filter?: ReviewFilter | null,
    @Arg('first', () => Int, { nullable: true, description: '条数 Page size (default 50, max 200)' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '游标 Cursor to continue after' }) after?: string | null,
  ) {
    return listReviews(ctx, filter, first, after);
  }

  @FieldResolver(() => Agency, { description: '所属机关 Agency' })
  agency(@Root() r: LegalReviewEntity) {
    return { id: r.agencyId };
  }

  @FieldResolver(() => EnforcementCase, { description: '案件 The case' })
  case(@Root() r: LegalReviewEntity) {
    return { id: r.caseId };
  }

  @FieldResolver(() => [Officer], { description: '案件承办人 Handlers of the case (at submission)' })
  handlers(@Root() r: LegalReviewEntity) {
    return r.handlerIds.map((id) => ({ id }));
  }

  @FieldResolver(() => ProposedDecision, { description: '拟作出的决定 The proposed decision under review' })
  proposedDecision(@Root() r: LegalReviewEntity): ProposedDecision {
    return {
      penaltyKinds: r.penaltyKinds,
      fineAmount: r.fineAmount,
      confiscationAmount: r.confiscationAmount,
      legalBasis: r.legalBasis,
      summary: r.summary,
    };
  }

  @FieldResolver(() => ReviewDiscretionCheck, {
    nullable: true,
    description:
      '裁量基准核查 The discretion benchmark the proposal applies and the check against it (null = none named; the ' +
      'DISCRETION_REASONABLE item is then a bare yes/no)',
  })
  discretionCheck(@Root() r: LegalReviewEntity): ReviewDiscretionCheck | null {
    return r.discretion;
  }

  @FieldResolver(() => [ChecklistItem], { description: "审核内容 The checklist: six common items plus the category's" })
  checklist(@Root() r: LegalReviewEntity): ChecklistItem[] {
    return r.checklist.map((a) => {
      const def = CHECKLIST.find((d) => d.code === a.code)!;
      return {
        code: a.code,
        question: def.question,
        category: def.category,
        answer: a.answer,
        comment: a.comment,
        passingAnswer: def.passingAnswer,
      };
    });
  }

  @FieldResolver(() => Officer, { nullable: true, description: '审核人 Reviewer' })
  reviewer(@Root() r: LegalReviewEntity) {
    return r.reviewerId ? { id: r.reviewerId } : null;
  }

  @FieldResolver(() => Officer, {
    nullable: true,
    description: '法制机构负责人 Head of the legal office who countersigned',
  })
  head(@Root() r: LegalReviewEntity) {
    // An agency head who is not a registered officer signs by token subject only (headId).
    return r.headId && isUuid(r.headId) ? { id: r.headId } : null;
  }

  @FieldResolver({ description: '是否超期 Still with the legal office after its due day' })
  overdue(@Root() r: LegalReviewEntity): boolean {
    return isOverdue({ dueOn: r.dueOn, open: WITH_LEGAL_OFFICE.includes(r.status) }, shanghaiDate());
  }

  @FieldResolver(() => LegalReview, {
    nullable: true,
    description: '前次审核（退回后重新送审） The returned review this one resubmits',
  })
  previousReview(@Root() r: LegalReviewEntity, @Ctx() ctx: Context) {
    return r.previousReviewId ? readableReview(ctx, r.previousReviewId) : null;
  }

  @FieldResolver(() => ReviewCoordination, {
    nullable: true,
    description: '协调决策 Escalation and collective decision, if any',
  })
  coordination(@Root() r: LegalReviewEntity): ReviewCoordination | null {
    if (!r.escalatedAt) return null;
    return {
      escalatedBy: { id: r.escalatedBy! },
      reason: r.escalationReason!,
      escalatedAt: r.escalatedAt,
      fromStatus: r.escalatedFrom!,
      decidedBy: r.coordinationDecidedBy,
      decision: r.coordinationDecision,
      meetingOn: r.coordinationMeetingOn,
      participants: r.coordinationParticipants,
    };
  }
}
