import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';

import { graphql, type ResultOf } from '../graphql';
import { useQuery } from '../graphql/use-query';
import { Found } from './Found';
import { AGENCY_KIND, CATEGORY, DISCRETION_TIER, label, yuan } from './labels';
import { Missing } from './Missing';
import { PortalPage } from './PortalPage';

const AGENCY = graphql(`
  query PortalAgency($id: ID!) {
    agency(id: $id) {
      id
      name
      kind
      region
      enforcementItems {
        id
        name
        category
        legalBasis
        responsibleBody
      }
      discretionBenchmarks {
        id
        violation
        legalBasis
        minorExemption
        firstViolationExemption
        tiers {
          tier
          circumstances
          minFine
          maxFine
        }
      }
    }
    agencyDisclosure(agencyId: $id) {
      duties
      powers
      legalBasis
      procedures
      supervisionChannels
      remedyChannels
    }
    randomInspectionItems(agencyId: $id) {
      id
      name
      legalBasis
      inspectedObjects
      content
      method
      samplingRatio
      frequency
    }
    serviceGuides(agencyId: $id) {
      id
      name
      category
      legalBasis
      object
      applicationMaterials
      process
      timeLimit
      fees
      address
      officeHours
      phone
      remedy
    }
    processFlowcharts(agencyId: $id) {
      category
      flowchartSvgPath
      isDefault
      steps {
        name
        description
        timeLimit
      }
    }
  }
`);

type Data = ResultOf<typeof AGENCY>;

/** 执法主体 An agency's ex-ante disclosure (事前公开): body information, item lists, guides, flowcharts, benchmarks. */
export function AgencyPage() {
  const { id = '' } = useParams();
  const state = useQuery(AGENCY, { id });
  const title = state.status === 'done' ? state.data.agency.name : '执法主体';
  return (
    <PortalPage title={title}>
      <Found
        state={state}
        pick={(d) => d}
        missing={<Missing title="未找到该执法主体" back="/" backLabel="返回执法主体列表" />}
      >
        {(d) => <AgencyLists data={d} />}
      </Found>
    </PortalPage>
  );
}

function AgencyLists({ data }: { data: Data }) {
  const { agency, agencyDisclosure: body } = data;
  const q = `?agency=${encodeURIComponent(agency.id)}`;
  return (
    <>
      <h1>{agency.name}</h1>
      <p className="muted">
        {agency.region} · {label(AGENCY_KIND, agency.kind)}
      </p>
      <nav aria-label="本机关公示">
        <ul className="pills">
          <li>
            <Link to={`/officers${q}`}>执法人员</Link>
          </li>
          <li>
            <Link to={`/decisions${q}`}>执法决定</Link>
          </li>
          <li>
            <Link to={`/reports${q}`}>年度数据</Link>
          </li>
          <li>
            <a href="#items">执法事项</a>
          </li>
          <li>
            <a href="#random">随机抽查</a>
          </li>
          <li>
            <a href="#guides">服务指南</a>
          </li>
          <li>
            <a href="#flowcharts">流程图</a>
          </li>
          <li>
            <a href="#benchmarks">裁量基准</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="body">
        <h2 id="body">执法主体信息</h2>
        {body ? (
          <dl className="facts">
            <Fact term="职责" value={body.duties} />
            <Fact term="权限" value={body.powers} />
            <Fact term="执法依据" value={body.legalBasis} />
            <Fact term="执法程序" value={body.procedures} />
            <Fact term="监督方式" value={body.supervisionChannels} />
            <Fact term="救济渠道" value={body.remedyChannels} />
          </dl>
        ) : (
          <p>尚未公布。</p>
        )}
      </section>

      <ListSection id="items" title="行政执法事项清单" items={agency.enforcementItems} empty="暂无公示的执法事项。">
        {(i) => (
          <>
            <h3>{i.name}</h3>
            <dl className="facts">
              <Fact term="执法类别" value={label(CATEGORY, i.category)} />
              <Fact term="实施依据" value={i.legalBasis} />
              <Fact term="责任主体" value={i.responsibleBody} />
            </dl>
          </>
        )}
      </ListSection>

      <ListSection
        id="random"
        title="随机抽查事项清单"
        items={data.randomInspectionItems}
        empty="暂无公示的随机抽查事项。"
      >
        {(i) => (
          <>
            <h3>{i.name}</h3>
            <dl className="facts">
              <Fact term="抽查依据" value={i.legalBasis} />
              <Fact term="抽查对象" value={i.inspectedObjects} />
              <Fact term="抽查内容" value={i.content} />
              <Fact term="抽查方式" value={i.method} />
              <Fact term="抽查比例" value={i.samplingRatio} />
              <Fact term="抽查频次" value={i.frequency} />
            </dl>
          </>
        )}
      </ListSection>

      <ListSection id="guides" title="服务指南" items={data.serviceGuides} empty="暂无公示的服务指南。">
        {(g) => (
          <>
            <h3>{g.name}</h3>
            <details>
              <summary>查看办事指南</summary>
              <dl className="facts">
                <Fact term="执法类别" value={label(CATEGORY, g.category)} />
                <Fact term="设定依据" value={g.legalBasis} />
                <Fact term="服务对象" value={g.object} />
                <Fact term="申请材料" value={g.applicationMaterials.join('；')} />
                <Fact term="办理流程" value={g.process} />
                <Fact term="办理时限" value={g.timeLimit} />
                <Fact term="收费标准" value={g.fees} />
                <Fact term="办公地址" value={g.address} />
                <Fact term="办公时间" value={g.officeHours} />
                <Fact term="办公电话" value={g.phone} />
                <Fact term="救济渠道" value={g.remedy} />
              </dl>
            </details>
          </>
        )}
      </ListSection>

      <ListSection
        id="flowcharts"
        title="执法流程图"
        items={data.processFlowcharts}
        keyOf={(f) => f.category}
        empty="暂无公示的流程图。"
      >
        {(f) => (
          <>
            <h3>{label(CATEGORY, f.category)}流程</h3>
            <details>
              <summary>查看 {f.steps.length} 个步骤</summary>
              <ol>
                {f.steps.map((s) => (
                  <li key={s.name}>
                    <strong>{s.name}</strong>
                    {s.timeLimit && <span className="muted">（{s.timeLimit}）</span>}
                    {s.description && <>：{s.description}</>}
                  </li>
                ))}
              </ol>
            </details>
            <p>
              <a href={f.flowchartSvgPath}>查看{label(CATEGORY, f.category)}流程图（SVG）</a>
              {f.isDefault && <span className="muted">（通用流程）</span>}
            </p>
          </>
        )}
      </ListSection>

      <ListSection
        id="benchmarks"
        title="行政处罚裁量基准"
        items={agency.discretionBenchmarks}
        empty="暂无公示的裁量基准。"
      >
        {(b) => (
          <>
            <h3>{b.violation}</h3>
            <dl className="facts">
              <Fact term="法律依据" value={b.legalBasis} />
              {b.minorExemption && <Fact term="轻微不罚" value={b.minorExemption} />}
              {b.firstViolationExemption && <Fact term="首违不罚" value={b.firstViolationExemption} />}
            </dl>
            <div className="scroll" role="region" aria-label={`${b.violation}的裁量阶次`} tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">裁量阶次</th>
                    <th scope="col">适用情形</th>
                    <th scope="col">罚款幅度</th>
                  </tr>
                </thead>
                <tbody>
                  {b.tiers.map((t) => (
                    <tr key={t.tier}>
                      <th scope="row">{label(DISCRETION_TIER, t.tier)}</th>
                      <td>{t.circumstances}</td>
                      <td>{fineRange(t.minFine, t.maxFine)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </ListSection>
    </>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value || '—'}</dd>
    </>
  );
}

function fineRange(min: string | null, max: string | null): string {
  if (min == null && max == null) return '不罚款';
  if (min == null) return `不超过 ${yuan(max!)}`;
  if (max == null) return `不低于 ${yuan(min)}`;
  return `${yuan(min)} 至 ${yuan(max)}`;
}

/** 公示清单 One list of the agency's page: a titled section with an entry per item, or what says there is none. */
function ListSection<T>(props: {
  id: string;
  title: string;
  items: readonly T[];
  /** The item's React key; its `id` by default. */
  keyOf?: (item: T) => string;
  empty: string;
  children: (item: T) => ReactNode;
}) {
  const keyOf = props.keyOf ?? ((item: T) => (item as { id: string }).id);
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.items.length ? (
        <ul className="entries">
          {props.items.map((item) => (
            <li key={keyOf(item)}>{props.children(item)}</li>
          ))}
        </ul>
      ) : (
        <p>{props.empty}</p>
      )}
    </section>
  );
}
