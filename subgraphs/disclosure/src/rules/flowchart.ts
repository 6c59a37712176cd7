import { EnforcementCategory } from '@tsp/shared';

/** 流程步骤 One configured step of a category's process. */
export interface ProcessStep {
  name: string;
  description: string;
  /** 时限 e.g. "7个工作日"; empty when the law sets none. */
  timeLimit: string;
}

/**
 * Default steps per category (行政处罚法 chapters 5-6, 行政许可法 chapter 4, 行政强制法 chapter 3), used until
 * an agency configures its own (setProcessSteps).
 */
export const DEFAULT_STEPS: Readonly<Record<EnforcementCategory, readonly ProcessStep[]>> = {
  PENALTY: [
    { name: '立案', description: '发现违法线索，符合立案标准的，报负责人批准立案', timeLimit: '7个工作日' },
    { name: '调查取证', description: '两名以上执法人员出示证件，调查询问、现场检查、收集证据', timeLimit: '' },
    { name: '案件审查', description: '对案件事实、证据、依据、程序进行审查', timeLimit: '' },
    { name: '法制审核', description: '重大执法决定由法制机构审核', timeLimit: '' },
    { name: '告知', description: '告知拟处罚内容及陈述、申辩、听证权利', timeLimit: '' },
    { name: '决定', description: '负责人或集体讨论决定，制作行政处罚决定书', timeLimit: '立案之日起90日' },
    { name: '送达', description: '宣告后当场交付或7日内送达', timeLimit: '7日' },
    { name: '执行', description: '当事人履行；逾期不履行的依法强制执行', timeLimit: '15日' },
    { name: '结案归档', description: '执行完毕后结案，案卷归档', timeLimit: '' },
  ],
  LICENSING: [
    { name: '申请', description: '申请人提交申请材料', timeLimit: '' },
    { name: '受理', description: '材料齐全、符合法定形式的予以受理；不齐全的一次性告知补正', timeLimit: '5日' },
    { name: '审查', description: '对申请材料进行审查，必要时核查现场', timeLimit: '' },
    { name: '决定', description: '作出准予或不予许可的书面决定', timeLimit: '受理之日起20日' },
    { name: '送达', description: '颁发、送达许可证件', timeLimit: '10日' },
  ],
  COERCION: [
    { name: '报告审批', description: '实施前向负责人报告并经批准', timeLimit: '' },
    { name: '告知', description: '通知当事人到场，告知理由、依据及权利', timeLimit: '' },
    { name: '实施', description: '两名以上执法人员实施，制作现场笔录', timeLimit: '' },
    { name: '决定送达', description: '制作并送达强制措施决定书', timeLimit: '' },
    { name: '解除', description: '期限届满或不再需要时及时解除', timeLimit: '30日' },
  ],
  INSPECTION: [
    { name: '随机抽取', description: '随机抽取检查对象、随机选派执法检查人员', timeLimit: '' },
    { name: '检查', description: '出示证件，依法实施检查，制作检查记录', timeLimit: '' },
    { name: '处理', description: '发现违法的依法处理或移送', timeLimit: '' },
    { name: '结果公开', description: '抽查结果向社会公开', timeLimit: '20个工作日' },
  ],
  EXPROPRIATION: [
    { name: '决定', description: '依法作出征收征用决定', timeLimit: '' },
    { name: '公告', description: '公告征收征用范围及补偿方案', timeLimit: '' },
    { name: '补偿', description: '依法给予补偿', timeLimit: '' },
    { name: '实施', description: '组织实施并记录', timeLimit: '' },
  ],
  OTHER: [
    { name: '启动', description: '依法启动程序', timeLimit: '' },
    { name: '办理', description: '调查、审查并记录', timeLimit: '' },
    { name: '决定', description: '作出决定并送达', timeLimit: '' },
  ],
};

const mermaidText = (s: string) => s.replace(/["\n\r<>]/g, ' ');

/** Mermaid flowchart text (top-down) for a category's steps. */
export function flowchartMermaid(title: string, steps: readonly ProcessStep[]): string {
  const lines = ['flowchart TD', `  %% ${mermaidText(title)}`];
  steps.forEach((s, i) => {
    lines.push(`  S${i}["${i + 1}. ${mermaidText(s.name)}${s.timeLimit ? ` (${mermaidText(s.timeLimit)})` : ''}"]`);
    if (i > 0) lines.push(`  S${i - 1} --> S${i}`);
  });
  return lines.join('\n');
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A self-contained SVG of the steps: boxes top to bottom joined by arrows. */
export function flowchartSvg(title: string, steps: readonly ProcessStep[]): string {
  const w = 520,
    boxH = 64,
    gap = 36,
    top = 56;
  const h = top + steps.length * (boxH + gap) + 8;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" role="img" aria-label="${xml(title)}">`,
    `<defs><marker id="arrow" markerWidth="10" markerHeight="10" refX="5" refY="5" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>`,
    `<text x="${w / 2}" y="30" text-anchor="middle" font-size="18" font-weight="bold">${xml(title)}</text>`,
  ];
  steps.forEach((s, i) => {
    const y = top + i * (boxH + gap);
    parts.push(`<rect x="40" y="${y}" width="${w - 80}" height="${boxH}" rx="8" fill="#eef4fb" stroke="#2b6cb0"/>`);
    parts.push(
      `<text x="${w / 2}" y="${y + 26}" text-anchor="middle" font-size="15" font-weight="bold">${i + 1}. ${xml(s.name)}${s.timeLimit ? `（${xml(s.timeLimit)}）` : ''}</text>`,
    );
    parts.push(
      `<text x="${w / 2}" y="${y + 48}" text-anchor="middle" font-size="12">${xml(s.description.slice(0, 36))}</text>`,
    );
    if (i > 0)
      parts.push(
        `<line x1="${w / 2}" y1="${y - gap}" x2="${w / 2}" y2="${y - 4}" stroke="#333" marker-end="url(#arrow)"/>`,
      );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
