import { Link, useParams } from 'react-router';

import { graphql, type ResultOf } from '../graphql';
import { useQuery } from '../graphql/use-query';
import { Found } from './Found';
import { dateTime, INSPECTION_KIND, label } from './labels';
import { PortalPage } from './PortalPage';
import { RatingForm } from './RatingForm';

const VERIFY_CODE = graphql(`
  query PortalVerifyInspectionCode($code: String!) {
    verifyInspectionCode(code: $code) {
      state
      kind
      enterpriseName
      approved
      approvedAt
      validFrom
      validUntil
      startedAt
      finishedAt
      rated
      agency {
        id
        name
      }
      partnerAgencies {
        id
        name
      }
      officers {
        name
        credentialNumber
        agency {
          name
        }
      }
      items {
        id
        name
        legalBasis
      }
    }
  }
`);

type Verification = NonNullable<ResultOf<typeof VERIFY_CODE>['verifyInspectionCode']>;

/** What the code proves today, in the enterprise's words (扫码入企: no approved code, no visit). */
const STATE: Record<string, { tone: 'ok' | 'bad' | 'unknown'; title: string; advice: string }> = {
  VALID: { tone: 'ok', title: '有效', advice: '该检查已经批准，且在检查期限内。请核对检查人员证件和检查事项。' },
  NOT_YET_VALID: { tone: 'unknown', title: '未到检查期限', advice: '该检查已经批准，但尚未到检查期限。' },
  NOT_APPROVED: { tone: 'bad', title: '未经批准', advice: '该检查尚未经机关负责人批准，企业可以拒绝接受检查。' },
  EXPIRED: { tone: 'bad', title: '已过期', advice: '检查期限已过，未实施检查；此码不能再用于入企检查。' },
  CANCELLED: { tone: 'bad', title: '已取消', advice: '该检查已取消，此码不能用于入企检查。' },
  FINISHED: { tone: 'ok', title: '检查已结束', advice: '该次检查已经结束。企业可在结束后 30 日内对本次检查作出评价。' },
};

/** 检查码核验 The page an inspection notice's QR code opens, with the enterprise's rating once the visit is over. */
export function InspectionCodePage() {
  const { code = '' } = useParams();
  const state = useQuery(VERIFY_CODE, { code });
  return (
    <PortalPage title="检查码核验">
      <Found
        state={state}
        pick={(d) => d.verifyInspectionCode}
        missing={
          <>
            <h1>检查码核验</h1>
            <section className="verdict unknown" aria-labelledby="verdict-title">
              <h2 id="verdict-title">未查到该检查码</h2>
              <p>请核对检查通知书上的检查码。无有效检查码的涉企行政检查，企业可以拒绝并向当地司法局反映。</p>
            </section>
            <p>
              <Link to="/verify">重新输入检查码</Link>
            </p>
          </>
        }
      >
        {(v) => <Inspection code={code} v={v} />}
      </Found>
    </PortalPage>
  );
}

function Inspection({ code, v }: { code: string; v: Verification }) {
  const s = STATE[v.state] ?? { tone: 'unknown', title: v.state, advice: '' };
  return (
    <>
      <h1>检查码核验</h1>
      <section className={`verdict ${s.tone}`} aria-labelledby="verdict-title">
        <h2 id="verdict-title">检查码：{s.title}</h2>
        <p>{s.advice}</p>
      </section>
      <dl className="facts">
        <dt>被检查企业</dt>
        <dd>{v.enterpriseName}</dd>
        <dt>检查类型</dt>
        <dd>{label(INSPECTION_KIND, v.kind)}</dd>
        <dt>牵头机关</dt>
        <dd>
          <Link to={`/agencies/${v.agency.id}`}>{v.agency.name}</Link>
        </dd>
        {v.partnerAgencies.length > 0 && (
          <>
            <dt>联合检查机关</dt>
            <dd>{v.partnerAgencies.map((a) => a.name).join('、')}</dd>
          </>
        )}
        <dt>检查期限</dt>
        <dd>
          {v.validFrom} 至 {v.validUntil}
        </dd>
        {v.approvedAt && (
          <>
            <dt>批准时间</dt>
            <dd>{dateTime(v.approvedAt)}</dd>
          </>
        )}
        {v.finishedAt && (
          <>
            <dt>结束时间</dt>
            <dd>{dateTime(v.finishedAt)}</dd>
          </>
        )}
      </dl>
      <h2>检查人员</h2>
      {v.officers.length ? (
        <ul>
          {v.officers.map((o) => (
            <li key={`${o.name}-${o.credentialNumber}`}>
              {o.name}（{o.agency.name}）
              {o.credentialNumber ? (
                <>
                  {' '}
                  证号 <span className="number">{o.credentialNumber}</span>{' '}
                  <Link
                    to={`/verify/credential/${encodeURIComponent(o.credentialNumber)}`}
                    aria-label={`核验${o.name}的证件`}
                  >
                    核验
                  </Link>
                </>
              ) : (
                '（未登记有效证件）'
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>未登记检查人员。</p>
      )}
      <h2>检查事项</h2>
      <p className="muted">检查只能涉及下列已公布的检查事项。</p>
      <ul>
        {v.items.map((i) => (
          <li key={i.id}>
            {i.name}
            <span className="muted">（{i.legalBasis}）</span>
          </li>
        ))}
      </ul>
      {v.state === 'FINISHED' && <RatingForm code={code} rated={v.rated} />}
    </>
  );
}
