import { Link, useNavigate, useSearchParams } from 'react-router';

import { graphql } from '../graphql';
import { useQuery } from '../graphql/use-query';
import { Loaded } from '../ui/Status';
import { AgencySelect, formQuery } from './AgencySelect';
import { CATEGORY, label, PUBLICATION_KIND } from './labels';
import { PortalPage } from './PortalPage';

const PUBLICATIONS = graphql(`
  query PortalPublications($filter: PublicationFilter, $first: Int, $after: String) {
    publications(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          caseNumber
          kind
          category
          partyName
          decidedOn
          conclusion
          agency {
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

/** Decisions on one page: a phone screen's worth or two. */
export const DECISIONS_PAGE_SIZE = 10;

type Category = 'LICENSING' | 'PENALTY' | 'COERCION' | 'EXPROPRIATION' | 'INSPECTION' | 'OTHER';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 执法决定公示 The published decisions and random-inspection results: keyword, agency, category and date range in
 * the address (so a search can be shared and the back button works), one page at a time by cursor.
 */
export function DecisionsPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const text = params.get('q') ?? '';
  const agencyId = params.get('agency') ?? '';
  const category = params.get('category') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const after = params.get('after') ?? undefined;
  const filter = {
    ...(text && { text }),
    ...(agencyId && { agencyId }),
    ...(category in CATEGORY && { category: category as Category }),
    ...(DATE.test(from) && { decidedFrom: from }),
    ...(DATE.test(to) && { decidedTo: to }),
  };
  const state = useQuery(PUBLICATIONS, { filter, first: DECISIONS_PAGE_SIZE, after });
  const next = (cursor: string) => {
    const p = new URLSearchParams(params);
    p.set('after', cursor);
    return `?${p.toString()}`;
  };
  const firstPage = () => {
    const p = new URLSearchParams(params);
    p.delete('after');
    return `?${p.toString()}`;
  };
  return (
    <PortalPage title="执法决定">
      <h1>执法决定公示</h1>
      <form
        role="search"
        aria-label="查询执法决定"
        className="filters"
        // Keyed on the address so the fields show the search in force after back/forward.
        key={params.toString()}
        onSubmit={(e) => {
          e.preventDefault();
          void navigate({ search: formQuery(e.currentTarget).toString() });
        }}
      >
        <span className="field wide">
          <label htmlFor="q">关键词</label>
          <input id="q" name="q" type="search" defaultValue={text} placeholder="文号、当事人、事实或依据" />
        </span>
        <AgencySelect value={agencyId} allLabel="全部执法主体" />
        <span className="field">
          <label htmlFor="category">执法类别</label>
          <select id="category" name="category" defaultValue={category}>
            <option value="">全部类别</option>
            {Object.entries(CATEGORY).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor="from">决定日期起</label>
          <input id="from" name="from" type="date" defaultValue={from} />
        </span>
        <span className="field">
          <label htmlFor="to">决定日期止</label>
          <input id="to" name="to" type="date" defaultValue={to} />
        </span>
        <button type="submit">搜索</button>
      </form>
      <section aria-labelledby="results">
        <h2 id="results">{after ? '查询结果（后续页）' : '查询结果'}</h2>
        <Loaded state={state}>
          {(d) => {
            const { edges, pageInfo } = d.publications;
            return (
              <>
                {edges.length ? (
                  <ul className="entries decisions">
                    {edges.map(({ node: n }) => (
                      <li key={n.id}>
                        <h3>
                          <Link to={`/decisions/${n.id}`}>{n.caseNumber}</Link>
                        </h3>
                        <p className="muted">
                          {n.agency.name} · {label(PUBLICATION_KIND, n.kind)} · {label(CATEGORY, n.category)} ·{' '}
                          <time dateTime={n.decidedOn}>{n.decidedOn}</time>
                        </p>
                        <p>
                          当事人：{n.partyName}
                          <br />
                          {n.conclusion}
                        </p>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>没有符合条件的公示。</p>
                )}
                <nav aria-label="分页" className="pager">
                  {after && <Link to={firstPage()}>回到第一页</Link>}
                  {pageInfo.hasNextPage && pageInfo.endCursor && (
                    <Link to={next(pageInfo.endCursor)} rel="next">
                      下一页
                    </Link>
                  )}
                </nav>
              </>
            );
          }}
        </Loaded>
      </section>
    </PortalPage>
  );
}
