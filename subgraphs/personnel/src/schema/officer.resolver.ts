import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import {
  Role, assertCanRead, assertCanWrite, badInput, connectionType, notFound, optionalText, pageArgs, requireDate,
  requireId, requireNonEmpty, requireText, shanghaiDate, toPage, type Context, Idempotent, asAnswer, byId,
} from '@tsp/shared';
import { OfficerEntity, TrainingRecordEntity } from '../entities/index.js';
import { Agency, Credential, Officer } from './types.js';
import { RecordTrainingInput, RegisterOfficerInput } from './inputs.js';
import { load } from './loaders.js';
import { trainingDayProblem } from '../rules/training.js';
import { agencyOrThrow, mayReadAgency, readableOfficer } from './access.js';

const OfficerConnection = connectionType(Officer, 'Officer', '执法人员');

@Resolver(() => Officer)
export class OfficerResolver {
  @Query(() => Officer, { description: '执法人员 One officer (own agency, supervisor, admin)' })
  officer(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '执法人员 Officer id' }) id: string) {
    return readableOfficer(ctx, id);
  }

  @Query(() => OfficerConnection, { description: '机关执法人员分页 Officers of an agency, paged' })
  async officers(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('first', () => Int, { nullable: true, description: '条数 Page size (default 50, max 200)' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: '游标 Cursor to continue after' }) after?: string,
  ) {
    const a = await agencyOrThrow(ctx, agencyId);
    assertCanRead(ctx.identity, { agencyId: a.id, region: a.region }, 'agency staff list');
    const page = pageArgs(first, after);
    const rows = await ctx.em.find(
      OfficerEntity,
      { agencyId: a.id, ...(page.after ? { id: { $gt: page.after } } : {}) },
      { orderBy: { id: 'asc' }, limit: page.limit + 1 },
    );
    return toPage(rows, page.limit, (o) => o.id);
  }

  @FieldResolver(() => Agency, { description: '所在机关 Agency' })
  async agency(@Root() o: OfficerEntity, @Ctx() ctx: Context) {
    // Agency fields are resolved in this subgraph, so the full row is needed, not just { id }.
    return (await load.agency(ctx).load(o.agencyId))!;
  }

  @FieldResolver(() => [Credential], { description: '执法证件 Credentials' })
  credentials(@Root() o: OfficerEntity, @Ctx() ctx: Context) {
    return load.credentialsOfOfficer(ctx).load(o.id);
  }

  @FieldResolver(() => Float, { description: '年度培训学时 Training hours in a year' })
  trainingHours(@Root() o: OfficerEntity, @Ctx() ctx: Context, @Arg('year', () => Int, { description: '年度 Year' }) year: number) {
    if (year < 2000 || year > 2100) throw badInput('year', 'must be 2000…2100');
    return load.trainingHours(ctx, year).load(o.id);
  }

  @FieldResolver(() => String, { nullable: true, description: '身份证号（仅本机关、监督机关） ID number, private' })
  async idNumber(@Root() o: OfficerEntity, @Ctx() ctx: Context) {
    return (await this.mayReadPrivate(ctx, o)) ? o.idNumber : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '电话（仅本机关、监督机关） Phone, private' })
  async phone(@Root() o: OfficerEntity, @Ctx() ctx: Context) {
    return (await this.mayReadPrivate(ctx, o)) ? o.phone : null;
  }

  /** Private fields: the agency's own staff, the region's supervisor, admin; never integrators. */
  private async mayReadPrivate(ctx: Context, o: OfficerEntity): Promise<boolean> {
    const a = await load.agency(ctx).load(o.agencyId);
    return !!a && ctx.identity.role !== Role.INTEGRATOR && mayReadAgency(ctx, a);
  }

  @UseMiddleware(Idempotent('personnel', byId(OfficerEntity)))
  @Mutation(() => Officer, { description: '登记执法人员（管理员或本机关负责人） Register an officer (ADMIN, or AGENCY_HEAD of the agency)' })
  async registerOfficer(@Ctx() ctx: Context, @Arg('input', { description: '执法人员 The officer' }) input: RegisterOfficerInput) {
    const agency = await agencyOrThrow(ctx, input.agencyId);
    assertCanWrite(ctx.identity, agency.id, [Role.ADMIN, Role.AGENCY_HEAD]);
    const idNumber = optionalText('idNumber', input.idNumber, 18);
    if (idNumber && !/^(\d{17}[\dXx]|\d{15})$/.test(idNumber)) throw badInput('idNumber', 'must be an 18-digit (or 15-digit) resident ID number');
    const o = ctx.em.create(OfficerEntity, {
      agencyId: agency.id,
      name: requireText('name', input.name, 50),
      position: requireText('position', input.position, 50),
      roles: requireNonEmpty('roles', input.roles, 2),
      legalProfessionQualified: input.legalProfessionQualified,
      idNumber,
      phone: optionalText('phone', input.phone, 20),
    });
    await ctx.em.flush();
    return o;
  }

  @UseMiddleware(Idempotent('personnel', asAnswer()))
  @Mutation(() => Float, { description: '登记培训学时，返回当年累计 Record training; returns the year total' })
  async recordTraining(@Ctx() ctx: Context, @Arg('input', { description: '培训记录 The training' }) input: RecordTrainingInput) {
    const o = await load.officer(ctx).load(requireId('officer', input.officerId));
    if (!o) throw notFound('officer', input.officerId);
    assertCanWrite(ctx.identity, o.agencyId, [Role.ADMIN, Role.AGENCY_HEAD]);
    if (!(input.hours > 0 && input.hours <= 24 && Number.isInteger(input.hours * 2))) throw badInput('hours', 'must be 0.5…24 in half-hour steps');
    const day = requireDate('day', input.day);
    const dayProblem = trainingDayProblem(day, shanghaiDate());
    if (dayProblem) throw badInput('day', dayProblem);
    ctx.em.create(TrainingRecordEntity, { officerId: o.id, day, hours: input.hours.toFixed(1), topic: requireText('topic', input.topic, 200), recordedBy: ctx.identity.sub! });
    await ctx.em.flush();
    const [r]: { total: string | null }[] = await ctx.em.execute(
      `select sum(hours) as total from personnel.training_record where officer_id = ? and extract(year from day) = ?`,
      [o.id, Number(day.slice(0, 4))],
    );
    return Number(r.total ?? 0);
  }
}
