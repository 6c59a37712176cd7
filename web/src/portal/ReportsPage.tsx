import { useNavigate, useSearchParams } from 'react-router';

import { graphql } from '../graphql';
import { useQuery } from '../graphql/use-query';
import { Loaded } from '../ui/Status';
import { AgencySelect, formQuery } from './AgencySelect';
import { CATEGORY, dateTime, label, yuan } from './labels';
import { PortalPage } from './PortalPage';

const REPORT = graphql(`
  query PortalAnnualReport($agencyId: ID!, $year: Int!) {
    annualReport(agencyId: $agencyId, year: $year) {
      year
      published
      publishedAt
      dueOn
      decisions
      finesTotal
      confiscationsTotal
      publishedOnTime
      publishedLate
      unpublished
      withheld
      reviewsPassed
      reviewsFailed
      reviewsReturned
      byCategory {
        category
        count
      }
      byOutcome {
        outcome
        count
      }
    }
  }
`);

/** This year and the four before it: the years a citizen is likely to ask about. */
function years(): number[] {
  const now = new Date().getFullYear();
  return [0, 1, 2, 3, 4].map((i) => now - i);
}

/** 年度行政执法数据 An agency's annual figures (`?agency=&year=`): frozen once published, running totals before. */
export function ReportsPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const agencyId = params.get('agency') ?? '';
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam > 1900 ? yearParam : years()[0];
  const state = useQuery(REPORT, { agencyId, year }, { skip: !agencyId });
  return (
    <PortalPage title="年度数据">
      <h1>年度行政执法数据</h1>
      <form
        role="search"
        aria-label="查询年度数据"
        key={params.toString()}
        onSubmit={(e) => {
          e.preventDefault();
          void navigate({ search: formQuery(e.currentTarget).toString() });
        }}
      >
        <AgencySelect value={agencyId} />
        <span className="field">
          <label htmlFor="year">年度</label>
          <select id="year" name="year" defaultValue={String(year)}>
            {years().map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
        </span>
        <button type="submit">查询</button>
      </form>
      {!agencyId ? (
        <p>请选择执法主体和年度后查询。</p>
      ) : (
        <Loaded state={state}>
          {({ annualReport: r }) => (
            <section aria-labelledby="report">
              <h2 id="report">{r.year}年度数据</h2>
              <p className={r.published ? '' : 'notice'}>
                {r.published && r.publishedAt
                  ? `已于 ${dateTime(r.publishedAt)} 发布。`
                  : `尚未发布，以下为截至目前的统计；应于 ${r.dueOn} 前公开。`}
              </p>
              <dl className="figures">
                <Figure term="执法决定" value={`${r.decisions} 件`} />
                <Figure term="罚款总额" value={yuan(r.finesTotal)} />
                <Figure term="没收金额" value={yuan(r.confiscationsTotal)} />
                <Figure term="按时公示" value={`${r.publishedOnTime} 件`} />
                <Figure term="逾期公示" value={`${r.publishedLate} 件`} />
                <Figure term="尚未公示" value={`${r.unpublished} 件`} />
                <Figure term="依法不予公开" value={`${r.withheld} 件`} />
                <Figure term="法制审核通过" value={`${r.reviewsPassed} 件`} />
                <Figure term="法制审核不通过" value={`${r.reviewsFailed} 件`} />
                <Figure term="法制审核退回" value={`${r.reviewsReturned} 件`} />
              </dl>
              <h3>按执法类别</h3>
              {r.byCategory.length ? (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">执法类别</th>
                      <th scope="col">数量</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.byCategory.map((c) => (
                      <tr key={c.category}>
                        <th scope="row">{label(CATEGORY, c.category)}</th>
                        <td>{c.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p>本年度暂无执法决定。</p>
              )}
              <h3>按执法结果</h3>
              {r.byOutcome.length ? (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">结果</th>
                      <th scope="col">数量</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.byOutcome.map((o) => (
                      <tr key={o.outcome}>
                        <th scope="row">{o.outcome}</th>
                        <td>{o.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p>本年度暂无执法结果。</p>
              )}
            </section>
          )}
        </Loaded>
      )}
    </PortalPage>
  );
}

function Figure({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
