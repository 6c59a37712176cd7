import { useState } from 'react';
import { Link } from 'react-router';

import { graphql } from '../graphql';
import { useQuery } from '../graphql/use-query';
import { Loaded } from '../ui/Status';
import { AGENCY_KIND, label } from './labels';
import { DEFAULT_REGION } from './nav';
import { PortalPage } from './PortalPage';

const AGENCIES = graphql(`
  query PortalAgencies($region: String!) {
    agencies(region: $region) {
      id
      name
      kind
    }
  }
`);

export { DEFAULT_REGION };

/** 首页 The agencies of a region, each leading to its ex-ante lists, officers and decisions. */
export function PortalHome() {
  const [region, setRegion] = useState(DEFAULT_REGION);
  const state = useQuery(AGENCIES, { region });
  return (
    <PortalPage title="首页">
      <h1>行政执法公示</h1>
      <p className="lead">
        查询执法主体的事前公开清单、执法人员及证件、执法决定、年度数据和监督通报。
        <Link to="/verify">核验执法证件</Link>
      </p>
      <form
        role="search"
        aria-label="按地区查看"
        onSubmit={(e) => {
          e.preventDefault();
          const value = new FormData(e.currentTarget).get('region');
          if (typeof value === 'string' && value.trim()) setRegion(value.trim());
        }}
      >
        <label htmlFor="region">地区</label>
        <input id="region" name="region" defaultValue={region} autoComplete="address-level2" />
        <button type="submit">查看</button>
      </form>
      <h2>{region}的执法主体</h2>
      <Loaded state={state}>
        {(data) =>
          data.agencies.length ? (
            <ul className="cards">
              {data.agencies.map((a) => (
                <li key={a.id}>
                  <Link className="card-title" to={`/agencies/${a.id}`}>
                    {a.name}
                  </Link>
                  <p className="muted">{label(AGENCY_KIND, a.kind)}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p>该地区暂无公示的执法主体。</p>
          )
        }
      </Loaded>
    </PortalPage>
  );
}
