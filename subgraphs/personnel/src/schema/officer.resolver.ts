import { asAnswer, byId, connectionType, type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';

import { OfficerEntity } from '../entities/index.js';
import { readableOfficer } from '../read/access.js';
import { load } from '../read/loaders.js';
import { officerAgency, officersPage, privateField, trainingHoursIn } from '../read/officers.js';
import { recordTraining } from '../write/record-training.js';
import { registerOfficer } from '../write/register-officer.js';
import { RecordTrainingInput, RegisterOfficerInput } from './inputs.js';
import { Agency, Credential, Officer } from './types.js';

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
    return officersPage(ctx, agencyId, first, after);
  }

  @FieldResolver(() => Agency, { description: '所在机关 Agency' })
  async agency(@Root() o: OfficerEntity, @Ctx() ctx: Context) {
    return officerAgency(ctx, o);
  }

  @FieldResolver(() => [Credential], { description: '执法证件 Credentials' })
  credentials(@Root() o: OfficerEntity, @Ctx() ctx: Context) {
    return load.credentialsOfOfficer(ctx).load(o.id);
  }

  @FieldResolver(() => Float, { description: '年度培训学时 Training hours in a year' })
  trainingHours(
    @Root() o: OfficerEntity,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: '年度 Year' }) year: number,
  ) {
    return trainingHoursIn(ctx, o, year);
  }

  @FieldResolver(() => String, { nullable: true, description: '身份证号（仅本机关、监督机关） ID number, private' })
  async idNumber(@Root() o: OfficerEntity, @Ctx() ctx: Context) {
    return privateField(ctx, o, 'idNumber');
  }

  @FieldResolver(() => String, { nullable: true, description: '电话（仅本机关、监督机关） Phone, private' })
  async phone(@Root() o: OfficerEntity, @Ctx() ctx: Context) {
    return privateField(ctx, o, 'phone');
  }

  @UseMiddleware(Idempotent('personnel', byId(OfficerEntity)))
  @Mutation(() => Officer, {
    description: '登记执法人员（管理员或本机关负责人） Register an officer (ADMIN, or AGENCY_HEAD of the agency)',
  })
  async registerOfficer(
    @Ctx() ctx: Context,
    @Arg('input', { description: '执法人员 The officer' }) input: RegisterOfficerInput,
  ) {
    return registerOfficer(ctx, input);
  }

  @UseMiddleware(Idempotent('personnel', asAnswer()))
  @Mutation(() => Float, { description: '登记培训学时，返回当年累计 Record training; returns the year total' })
  async recordTraining(
    @Ctx() ctx: Context,
    @Arg('input', { description: '培训记录 The training' }) input: RecordTrainingInput,
  ) {
    return recordTraining(ctx, input);
  }
}
