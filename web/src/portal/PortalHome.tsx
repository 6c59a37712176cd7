import { useState } from 'react';

import { graphql } from '../graphql';
import { useQuery } from '../graphql/use-query';
import { Layout } from '../ui/Layout';
import { Loaded } from '../ui/Status';
import { PORTAL_NAV } from './routes';

const AGENCIES = graphql(`
  query PortalAgencies($region: String!) {
    agencies(region: $region) {
      id
      name
      kind
    }
  }
`);

/** The region shown first; the others are chosen in the form. */
export const DEFAULT_REGION = '宁晋县';

/** 首页 The agencies of a region, each leading to its ex-ante lists, officers and decisions. */
export function PortalHome() {
  const [region, setRegion] = useState(DEFAULT_REGION);
  const state = useQuery(AGENCIES, { region });
  return (
    <Layout title="行政执法公示" nav={PORTAL_NAV}>
      <h1>行政执法公示</h1>
      <form
        role="search"
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
                  <span className="card-title">{a.name}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>该地区暂无公示的执法主体。</p>
          )
        }
      </Loaded>
    </Layout>
  );
}
