import { Role } from '@tsp/shared';

import type { GqlAs } from './index.js';
import type { AgencyKey, SeededPersonnel } from './personnel.js';

/**
 * 案卷评查 The justice bureau's evaluation of this year's archived case files, through the API: its scoring standard
 * (veto items, then 证据 30 / 程序 30 / 适用法律 20 / 文书 20), a plan drawing 2 archived files per agency at random
 * with a recorded seed (the demo archives two files each at planning and at culture and tourism, so all four are
 * drawn), each file assigned to a legal officer of another agency (交叉评查), and the scores: one 优秀, one
 * 不合格 for a failed veto item (CASE_FILE_FAILED), one 合格, and one left unscored (still with its evaluator).
 * Which file gets which is fixed by case number order, so a resumed seed scores the same files the same way.
 */
export interface SeededEvaluation {
  templateId: string;
  planId: string;
  year: number;
  evaluations: { id: string; caseNumber: string; grade: string | null }[];
}

const TEMPLATE = `mutation($i: SaveEvaluationTemplateInput!) { saveEvaluationTemplate(input: $i) { id } }`;
const PLAN = `mutation($i: PlanCaseFileEvaluationInput!) { planCaseFileEvaluation(input: $i) { id } }`;
const SAMPLED = `query($p: ID!) { caseFileEvaluations(planId: $p) {
  evaluations { id caseId caseNumber agency { id } } } }`;
const ASSIGN = `mutation($p: ID!, $c: ID!, $o: ID!) { assignEvaluator(planId: $p, caseId: $c, officerId: $o) { id } }`;
const SCORE = `mutation($i: ScoreCaseFileInput!) { scoreCaseFile(input: $i) { id grade } }`;

/** The provinces' usual 一票否决 items, then the four scored parts. */
const ITEMS = [
  { code: 'V1', name: '执法主体不合法', kind: 'VETO' },
  { code: 'V2', name: '超越法定职权', kind: 'VETO' },
  { code: 'V3', name: '主要事实不清、证据不足', kind: 'VETO' },
  { code: 'V4', name: '重大执法决定未经法制审核', kind: 'VETO' },
  { code: 'EV', name: '证据', kind: 'SCORED', maxPoints: 30 },
  { code: 'PR', name: '程序', kind: 'SCORED', maxPoints: 30 },
  { code: 'LA', name: '适用法律', kind: 'SCORED', maxPoints: 20 },
  { code: 'DOC', name: '文书', kind: 'SCORED', maxPoints: 20 },
] as const;

interface Profile {
  points: Record<'EV' | 'PR' | 'LA' | 'DOC', number>;
  veto?: 'V3';
  comments: Partial<Record<string, string>>;
  comment: string;
}

/** 优秀 94.5. */
const EXCELLENT: Profile = {
  points: { EV: 28.5, PR: 29, LA: 19, DOC: 18 },
  comments: { DOC: '卷内目录未标注页码' },
  comment: '证据确实充分，程序完整，适用依据准确，文书规范。',
};
/** 不合格 whatever the points: the main facts rest on no evidence in the file. */
const FAILED: Profile = {
  points: { EV: 10, PR: 22, LA: 15, DOC: 14 },
  veto: 'V3',
  comments: {
    V3: '决定认定的主要事实在卷内无相应证据材料（无核查记录、无相关清单）',
    EV: '证据仅有申请或检查材料，缺少支持认定事实的证据',
  },
  comment: '主要事实证据不足，一票否决，评为不合格，请制发整改通知。',
};
/** 合格 76. */
const PASSED: Profile = {
  points: { EV: 23, PR: 22, LA: 17, DOC: 14 },
  comments: { PR: '部分环节仅一名执法人员签名', DOC: '文书未载明救济途径的期限' },
  comment: '基本符合要求，程序和文书存在瑕疵，予以合格。',
};
/** By case number order: the last of the four stays unscored (assigned, not yet scored). */
const PROFILES: (Profile | null)[] = [EXCELLENT, FAILED, PASSED, null];

/** Whose legal officers evaluate whose files: always another agency of the county. */
const EVALUATED_BY: Record<AgencyKey, AgencyKey> = {
  planning: 'marketRegulation',
  cultureTourism: 'planning',
  marketRegulation: 'cultureTourism',
  township: 'planning',
  justice: 'marketRegulation',
};

const scoresOf = (p: Profile) =>
  ITEMS.map((i) =>
    i.kind === 'VETO'
      ? { code: i.code, vetoFailed: p.veto === i.code, comment: p.comments[i.code] ?? null }
      : { code: i.code, points: p.points[i.code], comment: p.comments[i.code] ?? null },
  );

export async function seedEvaluation(as: GqlAs, personnel: SeededPersonnel, today: string): Promise<SeededEvaluation> {
  const year = Number(today.slice(0, 4));
  const bureau = { role: Role.SUPERVISOR, sub: 'seed-sfj', region: personnel.region };
  const { id: templateId } = (
    await as(bureau, TEMPLATE, {
      i: { name: `宁晋县行政执法案卷评查标准（${year}年版）`, category: null, region: personnel.region, items: ITEMS },
    })
  ).saveEvaluationTemplate;
  const { id: planId } = (
    await as(bureau, PLAN, {
      i: {
        region: personnel.region,
        year,
        title: `${year}年度宁晋县行政执法案卷评查`,
        templateId,
        casesPerAgency: 2,
      },
    })
  ).planCaseFileEvaluation;
  const sampled = (
    (await as(bureau, SAMPLED, { p: planId })).caseFileEvaluations.evaluations as {
      id: string;
      caseId: string;
      caseNumber: string;
      agency: { id: string };
    }[]
  ).sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0));

  const keyOf = (agencyId: string) =>
    (Object.keys(personnel.agencies) as AgencyKey[]).find((k) => personnel.agencies[k].id === agencyId)!;
  const evaluatorFor = (agencyId: string) => {
    const from = EVALUATED_BY[keyOf(agencyId)];
    const o = personnel.officers.find((x) => x.agencyKey === from && x.role === 'LEGAL_REVIEWER');
    if (!o) throw new Error(`seed evaluation: ${from} has no legal officer to evaluate with`);
    return o;
  };
  const out: SeededEvaluation = { templateId, planId, year, evaluations: [] };
  for (const [n, e] of sampled.entries()) {
    const evaluator = evaluatorFor(e.agency.id);
    const { id } = (await as(bureau, ASSIGN, { p: planId, c: e.caseId, o: evaluator.id })).assignEvaluator;
    const profile = n < PROFILES.length ? PROFILES[n] : PASSED;
    let grade: string | null = null;
    if (profile) {
      const me = { role: Role.LEGAL_REVIEWER, sub: evaluator.id, agencyId: evaluator.agencyId };
      grade = (await as(me, SCORE, { i: { evaluationId: id, items: scoresOf(profile), comment: profile.comment } }))
        .scoreCaseFile.grade;
    }
    out.evaluations.push({ id, caseNumber: e.caseNumber, grade });
  }
  return out;
}
