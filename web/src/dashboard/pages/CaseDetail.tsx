import { Link, useParams } from 'react-router';

import { graphql } from '../../graphql';
import { Loaded } from '../../ui/Status';
import { DashboardFrame } from '../DashboardFrame';
import { ACTIVITY, CASE_STAGE, CATEGORY, day, label } from '../labels';
import { useSupervisorQuery } from '../use-supervisor-query';

const CASE = graphql(`
  query DashboardCase($id: ID!) {
    case(id: $id) {
      id
      caseNumber
      cause
      category
      stage
      filedAt
      decisionDueOn
      serviceDueOn
      overdue
      legacy
      agency {
        name
      }
      party {
        name
      }
      journal {
        intact
        length
        rootHash
      }
      entries {
        id
        sequence
        stage
        activity
        occurredAt
        recordedAt
        summary
        hash
      }
    }
  }
`);

/** 案件 One case as the bureau checks it: where it stands, its deadlines, and whether its record is untampered. */
export function CaseDetail() {
  const { id = '' } = useParams();
  const state = useSupervisorQuery(CASE, { id });
  return (
    <DashboardFrame title={state.status === 'done' ? `案件 ${state.data.case.caseNumber}` : '案件'}>
      <Loaded state={state}>
        {({ case: c }) => (
          <>
            <p>
              <Link to="/supervision/findings">返回监督发现</Link>
            </p>
            <dl className="dash-facts">
              <dt>案由</dt>
              <dd>{c.cause}</dd>
              <dt>执法主体</dt>
              <dd>{c.agency.name}</dd>
              <dt>当事人</dt>
              <dd>{c.party.name}</dd>
              <dt>类别</dt>
              <dd>{label(CATEGORY, c.category)}</dd>
              <dt>当前阶段</dt>
              <dd data-testid="case-stage">{label(CASE_STAGE, c.stage)}</dd>
              <dt>立案日期</dt>
              <dd>{day(c.filedAt)}</dd>
              <dt>决定期限</dt>
              <dd>
                {c.decisionDueOn ?? '—'}
                {c.overdue && <strong className="error">（已超期）</strong>}
              </dd>
              <dt>送达期限</dt>
              <dd>{c.serviceDueOn ?? '—'}</dd>
              {c.legacy && (
                <>
                  <dt>来源</dt>
                  <dd>历史系统导入</dd>
                </>
              )}
            </dl>
            <section aria-labelledby="journal-title">
              <h2 id="journal-title">全过程记录日志校验</h2>
              <p data-testid="journal-status" className={c.journal.intact ? 'dash-ok' : 'error'}>
                {c.journal.intact
                  ? `完好：本案 ${c.journal.length} 条记录与防篡改日志一致。`
                  : `校验失败：本案记录与防篡改日志不一致（日志中 ${c.journal.length} 条），可能被修改或删除。`}
              </p>
              <p className="muted dash-hash">日志根哈希 {c.journal.rootHash}</p>
            </section>
            <section aria-labelledby="entries-title">
              <h2 id="entries-title">执法记录（{c.entries.length} 条）</h2>
              {c.entries.length ? (
                <div className="dash-scroll" tabIndex={0} role="region" aria-label="执法记录列表">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">序号</th>
                        <th scope="col">阶段</th>
                        <th scope="col">执法活动</th>
                        <th scope="col">发生日期</th>
                        <th scope="col">记录日期</th>
                        <th scope="col">内容摘要</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.entries.map((e) => (
                        <tr key={e.id}>
                          <td className="num">{e.sequence}</td>
                          <td>{label(CASE_STAGE, e.stage)}</td>
                          <td>{label(ACTIVITY, e.activity)}</td>
                          <td>{day(e.occurredAt)}</td>
                          <td>{day(e.recordedAt)}</td>
                          <td>{e.summary}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p>本案尚无执法记录。</p>
              )}
            </section>
          </>
        )}
      </Loaded>
    </DashboardFrame>
  );
}
