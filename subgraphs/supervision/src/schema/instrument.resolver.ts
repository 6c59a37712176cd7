import { type Context, Idempotent, reloaded } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';

import type { InstrumentView } from '../read/instrument-views.js';
import { agencyInstruments, instrumentById, instrumentSteps, listInstruments } from '../read/instruments.js';
import { closeSupervisionInstrument } from '../write/close-instrument.js';
import { issueSupervisionInstrument } from '../write/issue-instrument.js';
import { respondToSupervisionInstrument } from '../write/respond-instrument.js';
import { IssueSupervisionInstrumentInput, SupervisionInstrumentFilterInput } from './instrument-inputs.js';
import {
  SupervisionInstrument,
  SupervisionInstrumentConnection,
  SupervisionInstrumentStep,
} from './instrument-types.js';
import { Agency } from './types.js';

/** A repeated Idempotency-Key answers with the instrument, read again for the caller. */
const replay = reloaded<InstrumentView>(instrumentById);
const ID_ARG = { description: '监督文书标识 Instrument id' };
const view = (ctx: Context, p: Promise<{ id: string }>) => p.then((i) => instrumentById(ctx, i.id));

@Resolver(() => SupervisionInstrument)
export class SupervisionInstrumentResolver {
  @UseMiddleware(Idempotent('supervision', replay))
  @Mutation(() => SupervisionInstrument, {
    description:
      '制发监督意见书、监督决定书 Issue a supervision opinion or decision to an agency of the region (SUPERVISOR of the region, ADMIN)',
  })
  issueSupervisionInstrument(
    @Ctx() ctx: Context,
    @Arg('input', { description: '监督文书 The instrument' }) input: IssueSupervisionInstrumentInput,
  ) {
    return view(ctx, issueSupervisionInstrument(ctx, input));
  }

  @UseMiddleware(Idempotent('supervision', replay))
  @Mutation(() => SupervisionInstrument, {
    description: '回复监督文书 The agency reports what it did (AGENCY_HEAD of the agency addressed)',
  })
  respondToSupervisionInstrument(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('response', { description: '回复 The response (≤ 5,000 characters)' }) response: string,
    @Arg('measures', { description: '整改措施 The measures taken (≤ 5,000 characters)' }) measures: string,
  ) {
    return view(ctx, respondToSupervisionInstrument(ctx, id, response, measures));
  }

  @UseMiddleware(Idempotent('supervision', replay))
  @Mutation(() => SupervisionInstrument, {
    description:
      '办结或退回 Accept the response (closed), or not: back to the agency with a new due day, counted (SUPERVISOR of the region, ADMIN)',
  })
  closeSupervisionInstrument(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('accepted', { description: '是否认可 Whether the response is accepted' }) accepted: boolean,
    @Arg('note', { description: '意见 The bureau’s note (≤ 2,000 characters)' }) note: string,
  ) {
    return view(ctx, closeSupervisionInstrument(ctx, id, accepted, note));
  }

  @Query(() => SupervisionInstrument, {
    description: '监督文书 One instrument (the justice bureau of its region; the staff of the agency addressed)',
  })
  supervisionInstrument(@Ctx() ctx: Context, @Arg('id', () => ID, ID_ARG) id: string) {
    return instrumentById(ctx, id);
  }

  @Query(() => SupervisionInstrumentConnection, {
    description:
      '监督文书列表 Instruments newest first: the bureau’s region (SUPERVISOR), all (ADMIN), or the caller’s own agency',
  })
  supervisionInstruments(
    @Ctx() ctx: Context,
    @Arg('filter', () => SupervisionInstrumentFilterInput, { nullable: true, description: '筛选 Filter' })
    filter?: SupervisionInstrumentFilterInput | null,
    @Arg('first', () => Int, { nullable: true, description: '每页条数 Page size (default 50)' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '游标 After this cursor' }) after?: string | null,
  ) {
    return listInstruments(ctx, { filter, first, after });
  }

  @FieldResolver(() => [SupervisionInstrumentStep], {
    description: '办理记录 Every step, oldest first: earlier responses stay here when one is sent back',
  })
  history(@Root() i: InstrumentView, @Ctx() ctx: Context) {
    return instrumentSteps(ctx, i.id);
  }
}

@Resolver(() => Agency)
export class AgencySupervisionInstrumentsResolver {
  @FieldResolver(() => [SupervisionInstrument], {
    description:
      '监督文书 Supervision opinions and decisions to this agency, newest first: the bureau of its region, ADMIN and its own staff; empty for anyone else',
  })
  supervisionInstruments(@Root() a: Agency, @Ctx() ctx: Context) {
    return agencyInstruments(ctx, a.id);
  }
}
