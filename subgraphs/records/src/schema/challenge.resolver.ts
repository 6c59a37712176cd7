import { byId, type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';

import { DecisionChallengeEntity, type DecisionEntity } from '../entities/index.js';
import { challengesOfCase } from '../read/challenges.js';
import { overturns } from '../rules/challenge.js';
import { decideDecisionChallenge, recordDecisionChallenge } from '../write/challenge.js';
import { DecideDecisionChallengeInput, DecisionChallenge, RecordDecisionChallengeInput } from './challenge.types.js';
import { CaseDecision } from './types.js';

/** Thin: 行政复议 / 行政诉讼 against a decision; the rules live in rules/challenge.ts. */
@Resolver(() => DecisionChallenge)
export class ChallengeResolver {
  @UseMiddleware(Idempotent('records', byId(DecisionChallengeEntity)))
  @Mutation(() => DecisionChallenge, {
    description:
      "记录行政复议或行政诉讼 Record a reconsideration or lawsuit against a case's decision (the agency's OFFICER, AGENCY_HEAD; the region's SUPERVISOR; ADMIN)",
  })
  recordDecisionChallenge(
    @Ctx() ctx: Context,
    @Arg('input', { description: '复议或诉讼 The challenge' }) input: RecordDecisionChallengeInput,
  ) {
    return recordDecisionChallenge(ctx, input);
  }

  @UseMiddleware(Idempotent('records', byId(DecisionChallengeEntity)))
  @Mutation(() => DecisionChallenge, {
    description:
      '记录复议决定或裁判结果 Record the outcome of a pending challenge, once (same callers as recording it)',
  })
  decideDecisionChallenge(
    @Ctx() ctx: Context,
    @Arg('input', { description: '结果 The outcome' }) input: DecideDecisionChallengeInput,
  ) {
    return decideDecisionChallenge(ctx, input);
  }

  @FieldResolver(() => Boolean, {
    description: '是否被纠错 Whether the outcome overturns the decision (变更、撤销、确认违法、确认无效)',
  })
  overturns(@Root() x: DecisionChallengeEntity): boolean {
    return overturns(x.outcome);
  }
}

@Resolver(() => CaseDecision)
export class DecisionChallengesResolver {
  @FieldResolver(() => [DecisionChallenge], {
    description: '行政复议与行政诉讼 Reconsiderations and lawsuits against the decision, filing order',
  })
  challenges(@Root() d: DecisionEntity, @Ctx() ctx: Context) {
    return challengesOfCase(ctx).load(d.caseId);
  }
}
