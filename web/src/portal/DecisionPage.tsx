import { Fragment } from 'react';
import { Link, useParams } from 'react-router';

import { graphql, type ResultOf } from '../graphql';
import { useQuery } from '../graphql/use-query';
import { Found } from './Found';
import {
  CATEGORY,
  dateTime,
  label,
  PENALTY_KIND,
  PUBLICATION_KIND,
  PUBLICATION_STATUS,
  REVISION_ACTION,
  WITHDRAWAL_TRIGGER,
  yuan,
} from './labels';
import { Missing } from './Missing';
import { PortalPage } from './PortalPage';

const PUBLICATION = graphql(`
  query PortalPublication($id: ID!) {
    publication(id: $id) {
      id
      caseNumber
      kind
      category
      status
      partyName
      decidedOn
      publishedAt
      expiresOn
      summary
      conclusion
      legalBasis
      penaltyKinds
      fineAmount
      version
      withdrawnAt
      withdrawalReason
      withdrawalTrigger
      agency {
        id
        name
      }
      revisions {
        version
        action
        at
        reason
        caseNumber
        partyName
        summary
        conclusion
        legalBasis
      }
    }
  }
`);

/**
 * 执法决定 One publication with its history: every correction (纠错) with its reason and the text as it stood, and
 * the withdrawal if there was one, so a changed decision never silently replaces the old one.
 */
export function DecisionPage() {
  const { id = '' } = useParams();
  const state = useQuery(PUBLICATION, { id });
  const title = state.status === 'done' ? state.data.publication.caseNumber : '执法决定';
  return (
    <PortalPage title={title}>
      <Found
        state={state}
        pick={(d) => d.publication}
        missing={<Missing title="未找到该执法决定" back="/decisions" backLabel="返回执法决定公示" />}
      >
        {(p) => {
          const history = [...p.revisions].sort((a, b) => a.version - b.version);
          return (
            <>
              <h1>{p.caseNumber}</h1>
              <p className="muted">
                {p.agency.name} · {label(PUBLICATION_KIND, p.kind)} · {label(CATEGORY, p.category)} ·{' '}
                <span className={`badge ${p.status === 'PUBLISHED' ? 'ok' : 'bad'}`}>
                  {label(PUBLICATION_STATUS, p.status)}
                </span>
              </p>
              {p.withdrawnAt && (
                <section className="verdict bad" aria-labelledby="withdrawn">
                  <h2 id="withdrawn">已撤回</h2>
                  <p>
                    撤回时间：{dateTime(p.withdrawnAt)}
                    {p.withdrawalTrigger && <>；原因：{label(WITHDRAWAL_TRIGGER, p.withdrawalTrigger)}</>}
                    {p.withdrawalReason && <>；说明：{p.withdrawalReason}</>}
                  </p>
                </section>
              )}
              <dl className="facts">
                <dt>当事人</dt>
                <dd>{p.partyName}</dd>
                <dt>决定日期</dt>
                <dd>{p.decidedOn}</dd>
                <dt>简要事实</dt>
                <dd>{p.summary}</dd>
                <dt>执法结论</dt>
                <dd>{p.conclusion}</dd>
                <dt>法律依据</dt>
                <dd>{p.legalBasis}</dd>
                {p.penaltyKinds.length > 0 && (
                  <>
                    <dt>处罚种类</dt>
                    <dd>{p.penaltyKinds.map((k) => label(PENALTY_KIND, k)).join('、')}</dd>
                  </>
                )}
                {p.fineAmount != null && (
                  <>
                    <dt>罚款金额</dt>
                    <dd>{yuan(p.fineAmount)}</dd>
                  </>
                )}
                {p.publishedAt && (
                  <>
                    <dt>公示时间</dt>
                    <dd>{dateTime(p.publishedAt)}</dd>
                  </>
                )}
                {p.expiresOn && (
                  <>
                    <dt>公示截止</dt>
                    <dd>{p.expiresOn}</dd>
                  </>
                )}
              </dl>
              <section aria-labelledby="history">
                <h2 id="history">修订与撤回记录</h2>
                {history.length ? (
                  <ol className="timeline">
                    {history.map((r, i) => (
                      <li key={`${r.version}-${r.action}`}>
                        <h3>
                          {label(REVISION_ACTION, r.action)}
                          <span className="muted">
                            {' '}
                            · 第 {r.version} 版 · <time dateTime={r.at}>{dateTime(r.at)}</time>
                          </span>
                        </h3>
                        {r.reason && <p>理由：{r.reason}</p>}
                        {r.action === 'CORRECTED' && <Changes before={history[i - 1]} after={r} />}
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p>该公示发布以来未作修订。</p>
                )}
              </section>
              <p>
                <Link to={`/decisions?agency=${encodeURIComponent(p.agency.id)}`}>{p.agency.name}的其他执法决定</Link>
              </p>
            </>
          );
        }}
      </Found>
    </PortalPage>
  );
}

type Revision = ResultOf<typeof PUBLICATION>['publication']['revisions'][number];

const FIELDS = [
  ['caseNumber', '文号'],
  ['partyName', '当事人'],
  ['summary', '简要事实'],
  ['conclusion', '执法结论'],
  ['legalBasis', '法律依据'],
] as const;

/** 纠错 What a correction changed: each field that differs from the version before, before and after. */
function Changes({ before, after }: { before: Revision | undefined; after: Revision }) {
  const changed = FIELDS.filter(([f]) => before && before[f] !== after[f]);
  if (!before || !changed.length) return null;
  return (
    <details>
      <summary>查看更正前后对照</summary>
      <dl className="facts compact">
        {changed.map(([f, name]) => (
          <Fragment key={f}>
            <dt>{name}</dt>
            <dd>
              <p className="was">
                更正前：<del>{before[f]}</del>
              </p>
              <p>
                更正后：<ins>{after[f]}</ins>
              </p>
            </dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}
