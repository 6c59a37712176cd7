import { Link, useNavigate, useSearchParams } from 'react-router';

import { graphql } from '../graphql';
import { useQuery } from '../graphql/use-query';
import { Loaded } from '../ui/Status';
import { AgencySelect, formQuery } from './AgencySelect';
import { CATEGORY, label } from './labels';
import { PortalPage } from './PortalPage';

const OFFICERS = graphql(`
  query PortalOfficers($agencyId: ID!) {
    publicOfficers(agencyId: $agencyId) {
      name
      credentialNumber
      unit
      position
      region
      categories
    }
  }
`);

/**
 * 行政执法人员清单 The public officer list of an agency (`?agency=`): one entry per valid credential, exactly the
 * published fields, each with its verification and its printable credential QR.
 */
export function OfficersPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const agencyId = params.get('agency') ?? '';
  const state = useQuery(OFFICERS, { agencyId }, { skip: !agencyId });
  return (
    <PortalPage title="执法人员">
      <h1>行政执法人员清单</h1>
      <p className="lead">清单列出持有效执法证件的人员。执法时应主动出示证件，可扫描证件二维码或输入证号核验。</p>
      <form
        role="search"
        aria-label="按执法主体查询执法人员"
        onSubmit={(e) => {
          e.preventDefault();
          void navigate({ search: formQuery(e.currentTarget).toString() });
        }}
      >
        <AgencySelect value={agencyId} />
        <button type="submit">查询</button>
      </form>
      {!agencyId ? (
        <p>请选择执法主体后查询。</p>
      ) : (
        <section aria-labelledby="officer-list">
          <h2 id="officer-list">持证人员</h2>
          <Loaded state={state}>
            {(d) =>
              d.publicOfficers.length ? (
                <ul className="cards">
                  {d.publicOfficers.map((o) => (
                    <li key={o.credentialNumber}>
                      <h3 className="card-title">{o.name}</h3>
                      <dl className="facts compact">
                        <dt>执法证号</dt>
                        <dd className="number">{o.credentialNumber}</dd>
                        <dt>证件状态</dt>
                        <dd>
                          <span className="badge ok">有效</span>
                        </dd>
                        <dt>单位职务</dt>
                        <dd>
                          {o.unit} {o.position}
                        </dd>
                        <dt>执法区域</dt>
                        <dd>{o.region}</dd>
                        <dt>执法类别</dt>
                        <dd>{o.categories.map((c) => label(CATEGORY, c)).join('、')}</dd>
                      </dl>
                      <p className="actions">
                        <Link
                          to={`/verify/credential/${encodeURIComponent(o.credentialNumber)}`}
                          aria-label={`核验${o.name}的证件`}
                        >
                          核验
                        </Link>
                        <Link
                          to={`/officers/${encodeURIComponent(o.credentialNumber)}/card`}
                          aria-label={`${o.name}的亮证二维码`}
                        >
                          亮证二维码
                        </Link>
                      </p>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>该执法主体暂无持有效证件的执法人员。</p>
              )
            }
          </Loaded>
        </section>
      )}
    </PortalPage>
  );
}
