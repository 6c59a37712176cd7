import { useState } from 'react';

import { graphql } from '../../graphql';
import { Loaded } from '../../ui/Status';
import { useAuth } from '../auth/AuthContext';
import { DashboardFrame } from '../DashboardFrame';
import { day, FINDING_KIND, INSTRUMENT_KIND, INSTRUMENT_STATUS, label, NOTICE_STATE } from '../labels';
import { useSupervisorQuery } from '../use-supervisor-query';
import { today } from './period';

const NOTICES = graphql(`
  query DashboardNotices {
    rectificationNotices {
      id
      findingKind
      notice
      issuedAt
      dueOn
      state
      respondedAt
      agency {
        name
      }
    }
    supervisionInstruments(first: 50) {
      edges {
        node {
          id
          kind
          subject
          issuedAt
          dueOn
          status
          overdue
          agency {
            name
          }
        }
      }
    }
  }
`);

/** 整改与统计 Rectification notices and supervision instruments as they stand, and the year's statistics files. */
export function Notices() {
  const state = useSupervisorQuery(NOTICES, {});
  return (
    <DashboardFrame title="整改通知与统计报表">
      <Loaded state={state}>
        {(d) => (
          <>
            <section aria-labelledby="notices-title">
              <h2 id="notices-title">整改通知（{d.rectificationNotices.length}）</h2>
              {d.rectificationNotices.length ? (
                <div className="dash-scroll" tabIndex={0} role="region" aria-label="整改通知列表">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">执法主体</th>
                        <th scope="col">问题类型</th>
                        <th scope="col">通知内容</th>
                        <th scope="col">发出日期</th>
                        <th scope="col">整改期限</th>
                        <th scope="col">状态</th>
                        <th scope="col">回复日期</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.rectificationNotices.map((n) => (
                        <tr key={n.id}>
                          <td>{n.agency.name}</td>
                          <td>{label(FINDING_KIND, n.findingKind)}</td>
                          <td>{n.notice}</td>
                          <td>{day(n.issuedAt)}</td>
                          <td>{n.dueOn}</td>
                          <td className={n.state === 'OVERDUE' ? 'error' : undefined}>
                            {label(NOTICE_STATE, n.state)}
                          </td>
                          <td>{day(n.respondedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p>尚未发出整改通知。</p>
              )}
            </section>
            <section aria-labelledby="instruments-title">
              <h2 id="instruments-title">监督文书（{d.supervisionInstruments.edges.length}）</h2>
              {d.supervisionInstruments.edges.length ? (
                <div className="dash-scroll" tabIndex={0} role="region" aria-label="监督文书列表">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">执法主体</th>
                        <th scope="col">文书</th>
                        <th scope="col">事由</th>
                        <th scope="col">制发日期</th>
                        <th scope="col">回复期限</th>
                        <th scope="col">状态</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.supervisionInstruments.edges.map(({ node: i }) => (
                        <tr key={i.id}>
                          <td>{i.agency.name}</td>
                          <td>{label(INSTRUMENT_KIND, i.kind)}</td>
                          <td>{i.subject}</td>
                          <td>{day(i.issuedAt)}</td>
                          <td>{i.dueOn}</td>
                          <td className={i.overdue ? 'error' : undefined}>
                            {label(INSTRUMENT_STATUS, i.status)}
                            {i.overdue && '（逾期）'}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p>尚未制发监督文书。</p>
              )}
            </section>
          </>
        )}
      </Loaded>
      <Exports />
    </DashboardFrame>
  );
}

/**
 * 统计报表 The export needs the bearer token, which a plain link cannot send: the file is fetched and handed to the
 * browser as a download.
 */
function Exports() {
  const { region, token, refuse } = useAuth();
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const download = async (format: 'xlsx' | 'csv') => {
    setStatus({ error: false, text: '正在生成…' });
    try {
      const res = await fetch(`/exports/statistics/${encodeURIComponent(region)}/${year}.${format}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status === 401) return refuse('登录已失效（令牌过期或无效），请重新登录。');
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { errors?: { message: string }[] };
        return setStatus({ error: true, text: `导出失败：${body.errors?.[0]?.message ?? `HTTP ${res.status}`}` });
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `${region}${year}年行政执法数据统计表.${format}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ error: false, text: `已下载 ${a.download}` });
    } catch {
      setStatus({ error: true, text: '导出失败：无法连接服务器' });
    }
  };
  return (
    <section aria-labelledby="exports-title">
      <h2 id="exports-title">年度行政执法数据统计表</h2>
      <form onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="export-year">年度</label>
        <select id="export-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[0, 1, 2].map((n) => (
            <option key={n} value={thisYear - n}>
              {thisYear - n}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void download('xlsx')}>
          下载 Excel
        </button>
        <button type="button" onClick={() => void download('csv')}>
          下载 CSV
        </button>
      </form>
      <p role="status" className={status?.error ? 'error' : 'muted'}>
        {status?.text}
      </p>
    </section>
  );
}
