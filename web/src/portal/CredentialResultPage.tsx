import { Link, useParams } from 'react-router';

import type { ResultOf } from '../graphql';
import { useQuery } from '../graphql/use-query';
import { Loaded } from '../ui/Status';
import { VERIFY_CREDENTIAL } from './credential';
import { CATEGORY, label } from './labels';
import { PortalPage } from './PortalPage';

type Verification = ResultOf<typeof VERIFY_CREDENTIAL>['verifyCredential'];

/** The verdict in words a citizen at the door understands, and what to do about it. */
function verdict(v: Verification): { tone: 'ok' | 'bad' | 'unknown'; title: string; advice: string } {
  if (v.valid) return { tone: 'ok', title: '有效', advice: '该证件今日有效，持证人可在下列执法区域和类别内执法。' };
  switch (v.status) {
    case 'SUSPENDED':
      return { tone: 'bad', title: '已暂扣', advice: '该证件已被暂扣，持证人目前不得从事行政执法活动。' };
    case 'REVOKED':
      return { tone: 'bad', title: '已吊销或注销', advice: '该证件已被吊销或注销，不得用于行政执法。' };
    case 'EXPIRED':
      return { tone: 'bad', title: '已过期', advice: '该证件已超过有效期，不得用于行政执法。' };
    case null:
    case undefined:
      return {
        tone: 'unknown',
        title: '未查到该证号',
        advice: '没有以此证号登记的执法证件。请核对证号；如仍无法核验，可向当地司法局反映。',
      };
    default:
      return { tone: 'bad', title: '今日无效', advice: '该证件今日不能用于行政执法。' };
  }
}

/** 核验结果 The answer for one credential number (the target of the credential QR code). */
export function CredentialResultPage() {
  const { number = '' } = useParams();
  const state = useQuery(VERIFY_CREDENTIAL, { number });
  return (
    <PortalPage title="证件核验结果">
      <h1>证件核验结果</h1>
      <Loaded state={state}>
        {(d) => {
          const v = d.verifyCredential;
          const { tone, title, advice } = verdict(v);
          return (
            <section className={`verdict ${tone}`} aria-labelledby="verdict-title">
              <h2 id="verdict-title">
                证号 <span className="number">{v.number}</span>：{title}
              </h2>
              <p>{advice}</p>
              {v.status && (
                <dl className="facts compact">
                  <dt>持证人</dt>
                  <dd>{v.holderName}</dd>
                  <dt>所在机关</dt>
                  <dd>{v.agencyName}</dd>
                  <dt>执法区域</dt>
                  <dd>{v.region}</dd>
                  <dt>执法类别</dt>
                  <dd>{(v.categories ?? []).map((c) => label(CATEGORY, c)).join('、')}</dd>
                  <dt>有效期至</dt>
                  <dd>{v.expiresOn}</dd>
                </dl>
              )}
            </section>
          );
        }}
      </Loaded>
      <p>
        <Link to="/verify">核验其他证号</Link>
      </p>
    </PortalPage>
  );
}
