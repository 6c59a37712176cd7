import { Migration } from '@mikro-orm/migrations';

/** 案卷评查 Scoring templates, evaluation plans with their seed and candidates, and the sampled case files. */
export class SupervisionEvaluations extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table supervision.evaluation_template (
      id uuid primary key,
      region text,
      name text not null,
      category text check (category in ('LICENSING','PENALTY','COERCION','INSPECTION','EXPROPRIATION','OTHER')),
      items jsonb not null check (jsonb_typeof(items) = 'array'),
      created_by text not null,
      created_at timestamptz not null default now())`);
    this.addSql(`create table supervision.evaluation_plan (
      id uuid primary key,
      region text not null,
      year int not null check (year between 2000 and 2100),
      title text not null,
      template_id uuid not null references supervision.evaluation_template(id) deferrable initially deferred,
      cases_per_agency int not null check (cases_per_agency between 1 and 100),
      agency_ids uuid[],
      seed text not null check (seed ~ '^[0-9a-f]{32}$'),
      candidates jsonb not null,
      created_by text not null,
      created_at timestamptz not null default now())`);
    this.addSql(`create index evaluation_plan_region on supervision.evaluation_plan (region, year)`);
    this.addSql(`create table supervision.case_file_evaluation (
      id uuid primary key,
      plan_id uuid not null references supervision.evaluation_plan(id) deferrable initially deferred,
      position int not null,
      case_id uuid not null,
      agency_id uuid not null,
      region text not null,
      case_number text not null,
      category text not null,
      archived_on date not null,
      status text not null check (status in ('SAMPLED','ASSIGNED','SCORED')),
      evaluator_id uuid,
      evaluator_agency_id uuid,
      assigned_at timestamptz,
      items jsonb,
      total numeric(4,1) check (total between 0 and 100),
      veto_failed boolean,
      grade text check (grade in ('EXCELLENT','PASSED','FAILED')),
      comment text,
      scored_at timestamptz,
      unique (plan_id, case_id),
      -- 交叉评查: the evaluator is never of the case's own agency.
      check (evaluator_agency_id is distinct from agency_id),
      check ((status = 'SAMPLED') = (evaluator_id is null)),
      check ((status = 'SCORED') = (grade is not null and scored_at is not null and total is not null)))`);
    this.addSql(`create index case_file_evaluation_agency on supervision.case_file_evaluation (agency_id, scored_at)`);
    this.addSql(
      `create index case_file_evaluation_evaluator on supervision.case_file_evaluation (evaluator_id, plan_id)`,
    );
  }
}
