import { Link, useSearchParams } from 'react-router';

import { graphql } from '../graphql';
import { useQuery } from '../graphql/use-query';
import { Loaded } from '../ui/Status';
import { dateTime, label, NOTICE_KIND } from './labels';
import { DEFAULT_REGION } from './nav';
import { PortalPage } from './PortalPage';

const NOTICES = graphql(`
  query PortalNotices($region: String!, $after: String) {
    supervisionNotices(region: $region, first: 20, after: $after) {
      edges {
        node {
          id
          title
          kind
          body
          publishedAt
          agencies {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** 监督通报 The justice bureau's published notices commending or criticising agencies, newest first (masked text). */
export function NoticesPage() {
  const [params] = useSearchParams();
  const after = params.get('after') ?? undefined;
  const state = useQuery(NOTICES, { region: DEFAULT_REGION, after });
  return (
    <PortalPage title="监督通报">
      <h1>行政执法监督通报</h1>
      <p className="lead">{DEFAULT_REGION}司法局对行政执法工作的通报表扬和通报批评。</p>
      <Loaded state={state}>
        {(d) => (
          <>
            {d.supervisionNotices.edges.length ? (
              <ul className="entries">
                {d.supervisionNotices.edges.map(({ node: n }) => (
                  <li key={n.id}>
                    <article aria-labelledby={`notice-${n.id}`}>
                      <h2 id={`notice-${n.id}`}>{n.title}</h2>
                      <p className="muted">
                        <span className={`badge ${n.kind === 'COMMENDATION' ? 'ok' : 'bad'}`}>
                          {label(NOTICE_KIND, n.kind)}
                        </span>{' '}
                        <time dateTime={n.publishedAt}>{dateTime(n.publishedAt)}</time>
                      </p>
                      <p className="body-text">{n.body}</p>
                      {n.agencies.length > 0 && (
                        <p>
                          涉及机关：
                          {n.agencies.map((a, i) => (
                            <span key={a.id}>
                              {i > 0 && '、'}
                              <Link to={`/agencies/${a.id}`}>{a.name}</Link>
                            </span>
                          ))}
                        </p>
                      )}
                    </article>
                  </li>
                ))}
              </ul>
            ) : (
              <p>暂无监督通报。</p>
            )}
            <nav aria-label="分页" className="pager">
              {after && <Link to="?">回到第一页</Link>}
              {d.supervisionNotices.pageInfo.hasNextPage && d.supervisionNotices.pageInfo.endCursor && (
                <Link to={`?after=${encodeURIComponent(d.supervisionNotices.pageInfo.endCursor)}`} rel="next">
                  下一页
                </Link>
              )}
            </nav>
          </>
        )}
      </Loaded>
    </PortalPage>
  );
}
