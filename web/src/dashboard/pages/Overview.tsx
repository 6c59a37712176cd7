import { useMemo, useState } from 'react';
import { Link } from 'react-router';

import { graphql } from '../../graphql';
import { Loaded } from '../../ui/Status';
import { useAuth } from '../auth/AuthContext';
import { Chart, type ChartOption } from '../Chart';
import { DashboardFrame } from '../DashboardFrame';
import { CATEGORY, FINDING_KIND, INSTRUMENT_KIND, label, TREND_METRICS } from '../labels';
import { useSupervisorQuery } from '../use-supervisor-query';
import { lastYear } from './period';
import { SUMMARY, tally } from './summary';

const TREND = graphql(`
  query DashboardTrend($region: String!, $year: Int!) {
    enforcementStatistics(region: $region, year: $year) {
      monthly {
        metric
        month
        value
      }
    }
  }
`);

const OVERDUE = graphql(`
  query DashboardOverdue {
    cases(filter: { overdue: true }, first: 50) {
      edges {
        node {
          id
          caseNumber
          cause
          category
          decisionDueOn
          agency {
            name
          }
        }
      }
    }
    complaints(filter: { overdue: true }, first: 50) {
      edges {
        node {
          id
          subject
          dueOn
          agency {
            name
          }
        }
      }
    }
    supervisionInstruments(filter: { overdue: true }, first: 50) {
      edges {
        node {
          id
          kind
          subject
          dueOn
          agency {
            name
          }
        }
      }
    }
  }
`);

const bar = (names: string[], values: number[], horizontal = false): ChartOption => ({
  tooltip: { trigger: 'axis' },
  grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
  [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: names, inverse: horizontal },
  [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', data: values, name: '发现数' }],
});

/** 监督看板 The region at a glance: findings of the period by agency and kind, the year's trend, what is overdue. */
export function Overview() {
  const { region } = useAuth();
  const [period, setPeriod] = useState(lastYear);
  const year = Number(period.to.slice(0, 4));
  const summary = useSupervisorQuery(SUMMARY, { region, ...period });
  const trend = useSupervisorQuery(TREND, { region, year });
  const overdue = useSupervisorQuery(OVERDUE, {});
  return (
    <DashboardFrame title={`${region}行政执法监督看板`}>
      <form
        aria-label="统计期间"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const [from, to] = [String(f.get('from')), String(f.get('to'))];
          if (from && to && from <= to) setPeriod({ from, to });
        }}
      >
        <label htmlFor="from">起</label>
        <input id="from" name="from" type="date" defaultValue={period.from} required />
        <label htmlFor="to">止</label>
        <input id="to" name="to" type="date" defaultValue={period.to} required />
        <button type="submit">查询</button>
      </form>

      <section aria-labelledby="summary-title">
        <h2 id="summary-title">
          监督发现（{period.from} 至 {period.to}）
        </h2>
        <Loaded state={summary}>{(d) => <SummaryCharts rows={d.supervisionSummary} />}</Loaded>
      </section>

      <section aria-labelledby="trend-title">
        <h2 id="trend-title">{year} 年月度趋势</h2>
        <Loaded state={trend}>{(d) => <TrendChart year={year} monthly={d.enforcementStatistics.monthly} />}</Loaded>
      </section>

      <section aria-labelledby="overdue-title">
        <h2 id="overdue-title">逾期事项</h2>
        <Loaded state={overdue}>
          {(d) => (
            <div className="dash-grid">
              <div>
                <h3>超期未决案件（{d.cases.edges.length}）</h3>
                {d.cases.edges.length ? (
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">案号</th>
                        <th scope="col">执法主体</th>
                        <th scope="col">类别</th>
                        <th scope="col">决定期限</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.cases.edges.map(({ node: c }) => (
                        <tr key={c.id}>
                          <td>
                            <Link to={`/supervision/cases/${c.id}`}>{c.caseNumber}</Link>
                          </td>
                          <td>{c.agency.name}</td>
                          <td>{label(CATEGORY, c.category)}</td>
                          <td>{c.decisionDueOn ?? '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : (
                  <p className="muted">无超期未决案件。</p>
                )}
              </div>
              <div>
                <h3>逾期未答复的投诉举报（{d.complaints.edges.length}）</h3>
                {d.complaints.edges.length ? (
                  <ul>
                    {d.complaints.edges.map(({ node: c }) => (
                      <li key={c.id}>
                        {c.agency.name}：{c.subject}（答复期限 {c.dueOn ?? '—'}）
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">无逾期投诉举报。</p>
                )}
                <h3>逾期未回复的监督文书（{d.supervisionInstruments.edges.length}）</h3>
                {d.supervisionInstruments.edges.length ? (
                  <ul>
                    {d.supervisionInstruments.edges.map(({ node: i }) => (
                      <li key={i.id}>
                        {i.agency.name}：{label(INSTRUMENT_KIND, i.kind)}「{i.subject}」（回复期限 {i.dueOn}）
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">无逾期监督文书。</p>
                )}
                <p>
                  <Link to="/supervision/findings">查看全部当前监督发现</Link>
                </p>
              </div>
            </div>
          )}
        </Loaded>
      </section>
    </DashboardFrame>
  );
}

function SummaryCharts({ rows }: { rows: Parameters<typeof tally>[0] }) {
  const t = useMemo(() => tally(rows), [rows]);
  const agencyOption = useMemo(
    () =>
      bar(
        t.byAgency.map((a) => a.name),
        t.byAgency.map((a) => a.count),
        true,
      ),
    [t],
  );
  const kindOption = useMemo(
    () =>
      bar(
        t.byKind.map((k) => label(FINDING_KIND, k.kind)),
        t.byKind.map((k) => k.count),
        true,
      ),
    [t],
  );
  if (!rows.length) return <p>该地区暂无执法主体。</p>;
  const top = (xs: { label: string; count: number }[]) =>
    xs
      .slice(0, 3)
      .map((x) => `${x.label} ${x.count} 条`)
      .join('，');
  return (
    <>
      <p className="dash-total">
        共 <strong data-testid="findings-total">{t.total}</strong> 条监督发现，涉及{' '}
        {t.byAgency.filter((a) => a.count > 0).length} 个执法主体。
      </p>
      {t.total === 0 ? (
        <p>本期间没有监督发现。</p>
      ) : (
        <div className="dash-grid">
          <figure>
            <figcaption>按执法主体</figcaption>
            <Chart
              option={agencyOption}
              height={Math.max(200, t.byAgency.length * 36)}
              summary={`按执法主体的监督发现条形图：${top(t.byAgency.map((a) => ({ label: a.name, count: a.count })))}，详见下表`}
            />
            <table aria-label="按执法主体的监督发现">
              <thead>
                <tr>
                  <th scope="col">执法主体</th>
                  <th scope="col">发现数</th>
                </tr>
              </thead>
              <tbody>
                {t.byAgency.map((a) => (
                  <tr key={a.name}>
                    <td>{a.name}</td>
                    <td className="num">{a.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
          <figure>
            <figcaption>按发现类型</figcaption>
            <Chart
              option={kindOption}
              height={Math.max(200, t.byKind.length * 36)}
              summary={`按类型的监督发现条形图：${top(t.byKind.map((k) => ({ label: label(FINDING_KIND, k.kind), count: k.count })))}，详见下表`}
            />
            <table aria-label="按类型的监督发现">
              <thead>
                <tr>
                  <th scope="col">类型</th>
                  <th scope="col">发现数</th>
                </tr>
              </thead>
              <tbody>
                {t.byKind.map((k) => (
                  <tr key={k.kind}>
                    <td>{label(FINDING_KIND, k.kind)}</td>
                    <td className="num">{k.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        </div>
      )}
    </>
  );
}

type Monthly = { metric: string; month: string; value: string }[];

function TrendChart({ year, monthly }: { year: number; monthly: Monthly }) {
  const metrics = Object.keys(TREND_METRICS);
  // metric → month → value, and the months in order (the API gives every month, zeros included).
  const { months, value } = useMemo(() => {
    const table = new Map(monthly.map((m) => [`${m.metric}:${m.month}`, Number(m.value)]));
    return {
      months: [...new Set(monthly.map((m) => m.month))].sort(),
      value: (metric: string, month: string) => table.get(`${metric}:${month}`) ?? 0,
    };
  }, [monthly]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => `${Number(m.slice(5))}月`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: Object.keys(TREND_METRICS).map((m) => ({
        type: 'line',
        name: TREND_METRICS[m],
        data: months.map((mo) => value(m, mo)),
      })),
    }),
    [months, value],
  );
  const totals = metrics.map((m) => `${TREND_METRICS[m]}全年 ${months.reduce((n, mo) => n + value(m, mo), 0)}`);
  return (
    <figure>
      <Chart option={option} summary={`${year} 年月度趋势折线图：${totals.join('，')}，逐月数字见下表`} />
      <div className="dash-scroll" tabIndex={0} role="region" aria-label={`${year} 年月度趋势数据表`}>
        <table>
          <thead>
            <tr>
              <th scope="col">指标</th>
              {months.map((m) => (
                <th scope="col" key={m}>
                  {Number(m.slice(5))}月
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {metrics.map((m) => (
              <tr key={m}>
                <th scope="row">{TREND_METRICS[m]}</th>
                {months.map((mo) => (
                  <td className="num" key={mo}>
                    {value(m, mo)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
