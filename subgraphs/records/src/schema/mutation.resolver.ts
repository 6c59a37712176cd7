import { asAnswer, type Context, DateScalar, EnforcementCategory, Idempotent } from '@tsp/shared';
import { Arg, Ctx, ID, Mutation, Resolver, UseMiddleware } from 'type-graphql';

import { RecordActivity } from '../rules/kinds.js';
import { appendRecord } from '../write/append-record.js';
import { archiveCase } from '../write/archive.js';
import { extendDecisionDeadline } from '../write/deadline.js';
import { recordDecision } from '../write/decision.js';
import { importLegacyCase } from '../write/import-legacy.js';
import { openCase } from '../write/open-case.js';
import { setAudioVisualList, setCaseFileRequirements } from '../write/settings.js';
import {
  AppendRecordInput,
  ArchiveCaseInput,
  ImportLegacyCaseInput,
  OpenCaseInput,
  RecordDecisionInput,
} from './inputs.js';
import { EnforcementCase, RecordEntry } from './types.js';

/** Thin: each mutation is one function in write/. */
@Resolver()
export class CaseMutationResolver {
  @Mutation(() => EnforcementCase, { description: "立案 Open a case in the caller's agency (OFFICER, AGENCY_HEAD)" })
  openCase(@Ctx() ctx: Context, @Arg('input', { description: '立案信息 The case to open' }) input: OpenCaseInput) {
    return openCase(ctx, input);
  }

  @Mutation(() => RecordEntry, { description: '记录执法活动 Append an entry to the full-process record' })
  appendRecord(@Ctx() ctx: Context, @Arg('input', { description: '执法记录 The entry' }) input: AppendRecordInput) {
    return appendRecord(ctx, input);
  }

  @Mutation(() => EnforcementCase, {
    description: '作出决定 Record the decision (major decisions need a PASSED review that covers them)',
  })
  recordDecision(
    @Ctx() ctx: Context,
    @Arg('input', { description: '执法决定 The decision' }) input: RecordDecisionInput,
  ) {
    return recordDecision(ctx, input);
  }

  @Mutation(() => EnforcementCase, {
    description: "归档 Archive the case (needs the category's case-file documents; missing ones → STAGE_ORDER)",
  })
  archiveCase(@Ctx() ctx: Context, @Arg('input', { description: '归档 The case to archive' }) input: ArchiveCaseInput) {
    return archiveCase(ctx, input);
  }

  @Mutation(() => EnforcementCase, {
    description: '延长办案期限（机关负责人） Extend the decision deadline with a reason (AGENCY_HEAD)',
  })
  extendDecisionDeadline(
    @Ctx() ctx: Context,
    @Arg('caseId', () => ID, { description: '执法案件 Case id' }) caseId: string,
    @Arg('newDueOn', () => DateScalar, { description: '新期限 New due date' }) newDueOn: string,
    @Arg('reason', { description: '理由 Reason' }) reason: string,
  ) {
    return extendDecisionDeadline(ctx, caseId, newDueOn, reason);
  }

  @Mutation(() => EnforcementCase, {
    description:
      '历史案件导入（管理员，不适用写入规则，标记为历史） Import a legacy case (ADMIN; rules not applied, marked legacy)',
  })
  importLegacyCase(
    @Ctx() ctx: Context,
    @Arg('input', { description: '历史案件 The legacy case' }) input: ImportLegacyCaseInput,
  ) {
    return importLegacyCase(ctx, input);
  }

  @UseMiddleware(Idempotent('records', asAnswer()))
  @Mutation(() => [RecordActivity], {
    description: "设置音像记录事项清单（机关负责人、管理员） Set the agency's audio-visual list",
  })
  setAudioVisualList(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('activities', () => [RecordActivity], { description: '须音像记录的执法活动 Activities needing audio/video' })
    activities: RecordActivity[],
  ) {
    return setAudioVisualList(ctx, agencyId, activities);
  }

  @UseMiddleware(Idempotent('records', asAnswer()))
  @Mutation(() => [String], {
    description:
      '设置案卷标准（机关负责人、管理员） Set the documents a case file of a category needs before archiving',
  })
  setCaseFileRequirements(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('category', () => EnforcementCategory, { description: '执法类别 Category' }) category: EnforcementCategory,
    @Arg('documents', () => [String], { description: '必备文书 Required documents' }) documents: string[],
  ) {
    return setCaseFileRequirements(ctx, agencyId, category, documents);
  }
}
