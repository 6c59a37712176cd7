import { type Context, Idempotent, reloaded } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';

import { agencyInterviews, interviewById, type InterviewView } from '../read/interviews.js';
import { recordSupervisionInterview } from '../write/record-interview.js';
import { RecordSupervisionInterviewInput } from './instrument-inputs.js';
import { SupervisionInterview } from './instrument-types.js';
import { Agency } from './types.js';

const replay = reloaded<InterviewView>(interviewById);

@Resolver(() => SupervisionInterview)
export class SupervisionInterviewResolver {
  @UseMiddleware(Idempotent('supervision', replay))
  @Mutation(() => SupervisionInterview, {
    description:
      '约谈记录 Record an interview held with an agency’s responsible persons (SUPERVISOR of the region, ADMIN)',
  })
  async recordSupervisionInterview(
    @Ctx() ctx: Context,
    @Arg('input', { description: '约谈 The interview' }) input: RecordSupervisionInterviewInput,
  ) {
    return interviewById(ctx, (await recordSupervisionInterview(ctx, input)).id);
  }

  @Query(() => SupervisionInterview, {
    description: '约谈记录 One interview record (the justice bureau of its region; the agency’s head)',
  })
  supervisionInterview(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '约谈记录标识 Interview id' }) id: string,
  ) {
    return interviewById(ctx, id);
  }
}

@Resolver(() => Agency)
export class AgencySupervisionInterviewsResolver {
  @FieldResolver(() => [SupervisionInterview], {
    description:
      '约谈记录 Interviews of this agency, newest first: the bureau of its region, ADMIN and the agency’s head; empty for anyone else',
  })
  supervisionInterviews(@Root() a: Agency, @Ctx() ctx: Context) {
    return agencyInterviews(ctx, a.id);
  }
}
