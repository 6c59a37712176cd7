import { Link, useParams } from 'react-router';

import { useQuery } from '../graphql/use-query';
import { credentialUrl, VERIFY_CREDENTIAL } from './credential';
import { Found } from './Found';
import { CATEGORY, label } from './labels';
import { Missing } from './Missing';
import { PortalPage } from './PortalPage';
import { QrCode } from './QrCode';

/**
 * 亮证二维码 A printable card for a credential: the holder's public data and a QR code of the verification address,
 * which whoever the officer is dealing with scans to check the credential (亮证执法).
 */
export function OfficerCardPage() {
  const { number = '' } = useParams();
  const state = useQuery(VERIFY_CREDENTIAL, { number });
  const url = credentialUrl(window.location.origin, number);
  return (
    <PortalPage title="亮证二维码">
      <Found
        state={state}
        pick={(d) => (d.verifyCredential.status ? d.verifyCredential : null)}
        missing={<Missing title="未找到该执法证件" back="/officers" backLabel="返回执法人员清单" />}
      >
        {(c) => (
          <article className="id-card" aria-labelledby="card-title">
            <h1 id="card-title">行政执法证件核验码</h1>
            <p className="card-holder">{c.holderName}</p>
            <dl className="facts compact">
              <dt>执法证号</dt>
              <dd className="number">{c.number}</dd>
              <dt>所在机关</dt>
              <dd>{c.agencyName}</dd>
              <dt>执法区域</dt>
              <dd>{c.region}</dd>
              <dt>执法类别</dt>
              <dd>{(c.categories ?? []).map((x) => label(CATEGORY, x)).join('、')}</dd>
              <dt>有效期至</dt>
              <dd>{c.expiresOn}</dd>
            </dl>
            <QrCode payload={url} label={`证号 ${c.number} 的核验二维码`} />
            <p className="qr-url">
              扫码或访问 <span className="number">{url}</span> 核验
            </p>
            {!c.valid && (
              <p role="alert" className="error">
                注意：该证件今日无效，不得用于执法。
              </p>
            )}
            <p className="no-print actions">
              <button type="button" onClick={() => window.print()}>
                打印
              </button>
              <Link to={`/verify/credential/${encodeURIComponent(c.number)}`}>查看核验结果</Link>
            </p>
          </article>
        )}
      </Found>
    </PortalPage>
  );
}
