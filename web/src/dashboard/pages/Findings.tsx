import { useMemo, useState } from 'react';
import { Link } from 'react-router';

import { graphql } from '../../graphql';
import { Loaded } from '../../ui/Status';
import { useAuth } from '../auth/AuthContext';
import { DashboardFrame } from '../DashboardFrame';
import { CASE_SUBJECT_KINDS, day, FINDING_KIND, label } from '../labels';
import { useSupervisorQuery } from '../use-supervisor-query';

const FINDINGS = graphql(`
  query DashboardFindings($region: String!) {
    agencies(region: $region) {
      id
      name
      recordFindings {
        ...Finding
      }
      reviewFindings {
        ...Finding
      }
      disclosureFindings {
        ...Finding
      }
      personnelFindings {
        ...Finding
      }
      inspectionFindings {
        ...Finding
      }
      supervisionFindings {
        ...Finding
      }
    }
  }
  fragment Finding on SupervisionFinding {
    kind
    subjectId
    since
    detail
  }
`);

/** 监督发现 Every finding standing now in the region, oldest first, with the way to its case where it has one. */
export function Findings() {
  const { region } = useAuth();
  const state = useSupervisorQuery(FINDINGS, { region });
  const [kind, setKind] = useState('');
  return (
    <DashboardFrame title="当前监督发现">
      <Loaded state={state}>
        {(d) => {
          const all = d.agencies
            .flatMap((a) =>
              [
                ...a.recordFindings,
                ...a.reviewFindings,
                ...a.disclosureFindings,
                ...a.personnelFindings,
                ...a.inspectionFindings,
                ...a.supervisionFindings,
              ].map((f) => ({ ...f, agency: a.name })),
            )
            .sort((x, y) => x.since.localeCompare(y.since));
          return <FindingTable all={all} kind={kind} setKind={setKind} />;
        }}
      </Loaded>
    </DashboardFrame>
  );
}

interface Row {
  kind: string;
  subjectId: string;
  since: string;
  detail: string;
  agency: string;
}

function FindingTable({ all, kind, setKind }: { all: Row[]; kind: string; setKind: (k: string) => void }) {
  const kinds = useMemo(() => [...new Set(all.map((f) => f.kind))], [all]);
  const shown = kind ? all.filter((f) => f.kind === kind) : all;
  if (!all.length) return <p>该地区目前没有监督发现。</p>;
  return (
    <>
      <p className="dash-total">
        共 <strong data-testid="current-findings">{all.length}</strong> 条
        {kind && `，其中「${label(FINDING_KIND, kind)}」${shown.length} 条`}。
      </p>
      <form onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="kind">类型</label>
        <select id="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">全部</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {label(FINDING_KIND, k)}
            </option>
          ))}
        </select>
      </form>
      <div className="dash-scroll" tabIndex={0} role="region" aria-label="监督发现列表">
        <table>
          <thead>
            <tr>
              <th scope="col">类型</th>
              <th scope="col">执法主体</th>
              <th scope="col">起始日期</th>
              <th scope="col">说明</th>
              <th scope="col">案件</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr key={`${f.kind}:${f.subjectId}`}>
                <td>{label(FINDING_KIND, f.kind)}</td>
                <td>{f.agency}</td>
                <td>{day(f.since)}</td>
                <td>{f.detail}</td>
                <td>
                  {CASE_SUBJECT_KINDS.has(f.kind) ? (
                    <Link to={`/supervision/cases/${f.subjectId}`} aria-label={`查看案件：${f.detail.slice(0, 40)}`}>
                      查看案件
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
