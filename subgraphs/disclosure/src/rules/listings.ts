import { badInput, EnforcementCategory } from '@tsp/shared';

import type { DiscretionBenchmarkData } from './discretion-benchmark.js';
import type { ProcessStep } from './flowchart.js';

/** 行政执法事项 An item of 《行政执法事项清单》. */
export interface EnforcementItemData {
  name: string;
  category: EnforcementCategory;
  legalBasis: string;
  responsibleBody: string;
}

/** 随机抽查事项 An item of 《随机抽查事项清单》 ("双随机、一公开"). */
export interface RandomInspectionItemData {
  name: string;
  inspectingBody: string;
  legalBasis: string;
  inspectedObjects: string;
  content: string;
  samplingRatio: string;
  method: string;
  frequency: string;
}

/**
 * 服务指南 A service guide, published in advance (国办发〔2018〕118号, 事前公开): what is handled, on what basis,
 * by whom, with which materials, how and how fast, where and when, and how to complain or seek a remedy
 * (plus 收费 and 责任追究 where the agency gives them).
 */
export interface ServiceGuideData {
  name: string;
  category: EnforcementCategory;
  legalBasis: string;
  body: string;
  handlingUnit: string;
  object: string;
  applicationMaterials: string[];
  process: string;
  timeLimit: string;
  fees: string;
  supervision: string;
  remedy: string;
  accountability: string;
  officeHours: string;
  address: string;
  phone: string;
}

/** 执法主体信息 Body information: duties, powers, basis, procedures, supervision and remedy channels. */
export interface BodyInformationData {
  duties: string;
  powers: string;
  legalBasis: string;
  procedures: string;
  supervisionChannels: string;
  remedyChannels: string;
}

/** 执法流程 The configured steps of one category's process. */
export interface ProcessData {
  category: EnforcementCategory;
  steps: ProcessStep[];
}

/** What an ex-ante list entry holds, by its kind. */
export type ListingData =
  | EnforcementItemData
  | RandomInspectionItemData
  | ServiceGuideData
  | BodyInformationData
  | ProcessData
  | DiscretionBenchmarkData;

/** Whether an entry holds process steps (the PROCESS kind) rather than another kind's fields. */
export function isProcessData(d: ListingData): d is ProcessData {
  return 'steps' in d && Array.isArray(d.steps);
}

/** Trims every string field, refuses empty required ones and overlong ones, naming the field. */
export function cleanFields<T extends object>(
  input: T,
  required: readonly (keyof T & string)[],
  optional: readonly (keyof T & string)[] = [],
  max = 4000,
): T {
  const out: Record<string, unknown> = {};
  for (const k of [...required, ...optional]) {
    const v = (input as Record<string, unknown>)[k];
    if (Array.isArray(v)) {
      const list = v.map((x) => String(x).trim()).filter(Boolean);
      if (required.includes(k) && list.length === 0) throw badInput(k, 'needs at least one entry / 至少一项');
      if (list.some((x) => x.length > max)) throw badInput(k, `entries of at most ${max} characters`);
      out[k] = list;
      continue;
    }
    const s = typeof v === 'string' ? v.trim() : v == null ? '' : v;
    if (required.includes(k) && s === '') throw badInput(k, 'must not be empty / 不能为空');
    if (typeof s === 'string' && s.length > max) throw badInput(k, `at most ${max} characters (got ${s.length})`);
    out[k] = s;
  }
  return out as T;
}

export function cleanSteps(steps: readonly ProcessStep[]): ProcessStep[] {
  if (steps.length === 0) throw badInput('steps', 'needs at least one step / 至少一个步骤');
  if (steps.length > 30) throw badInput('steps', 'at most 30 steps');
  return steps.map((s) => cleanFields(s, ['name'], ['description', 'timeLimit'], 200));
}

/** Whether an upsert changes anything: an identical save is not a new version. */
export function sameData(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
/** JSON with sorted keys (jsonb does not keep key order). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}
