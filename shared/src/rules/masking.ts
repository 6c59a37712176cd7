import { PartyType } from '../graphql/enums.js';

/**
 * 个人信息屏蔽 Masking of personal information in published texts (行政处罚法 §50, 个人信息保护法 §§28-29,
 * 国办发〔2018〕118号). Applied when the public copy is written, to every text field, including free text
 * typed by officers. Rules:
 * - a natural person's name → surname + "**" (张**, 欧阳**), everywhere it occurs;
 * - ID numbers (18-digit incl. X, 15-digit), mobile and landline numbers, bank card numbers, e-mail
 *   addresses, vehicle plates, property certificate numbers → removed;
 * - addresses → kept only up to county level (县/区/旗), street/village/house detail removed;
 * - names of other persons after a role label (证人, 委托代理人, 法定代表人…) → removed;
 * - any other person's name → surname + "**", whatever precedes it: after 当事人 (also when it is not the
 *   party's name), after titles, or with no label at all when the context marks a person ("经查，王五称",
 *   "张三于2026年", "李四、王五到场", "见到刘强。"); every later occurrence of a recognised name too;
 * - organisations keep their names, including a person's name inside one (宁晋县张三建材有限公司 is
 *   public registration data, 市场主体登记), except the natural-person party's own name, masked everywhere.
 * Person names are found by a heuristic, not a library: 百家姓 surnames (compound first) + 1–2 given-name
 * characters, accepted only in a person context (label, person verb after it, enumeration with a name).
 * Segmenters were measured and rejected: jieba-wasm 2.4.0's POS tagger left 张三/刘强/周杰/马云 as unknown
 * ("x"), merged names with the next character (张三于, 王五称) and tagged 宁晋县 as a person name.
 * Known limit: a bare name in no person context ("王五的房屋"), rare surnames outside the list, and numbers
 * written in Chinese numerals (一三零…) are not recognised. The agency's check before publication (审核)
 * covers those.
 */

export const REMOVED = '***';

/** 复姓 Compound surnames (百家姓 and common modern ones), so 欧阳娜娜 becomes 欧阳** rather than 欧**. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(
  (
    '欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟 公羊 赫连 澹台 皇甫 宗政 濮阳 公冶 太叔 申屠 公孙 慕容 ' +
    '仲孙 钟离 长孙 宇文 司徒 鲜于 司空 闾丘 子车 亓官 司寇 巫马 公西 颛孙 壤驷 公良 漆雕 乐正 宰父 谷梁 拓跋 夹谷 轩辕 令狐 ' +
    '段干 百里 呼延 东郭 南门 羊舌 微生 公户 公玉 公仪 梁丘 公仲 公上 公门 公山 公坚 左丘 公伯 西门 公祖 第五 公乘 贯丘 ' +
    '公皙 南荣 东里 东宫 仲长 子书 子桑 即墨 达奚 褚师 单于 淳于 完颜 耶律 叱干 纳兰 爱新'
  ).split(' '),
);

/** 百家姓 single surnames in common use (about 190; rarer ones are left to the agency's check). */
export const SINGLE_SURNAMES = new Set([
  ...('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭' +
    '陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔' +
    '伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍' +
    '华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师' +
    '和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'),
]);
/** Surnames that are also everyday words (时, 和, 查…): accepted only after a label, never from context alone. */
const AMBIGUOUS_SURNAMES = new Set([...'时和向查全成常文方高安应明单解路关华党司古师商沙']);

/** A natural person's name as published: surname kept, the rest always "**" (the length is not revealed). */
export function maskPersonName(name: string): string {
  const n = name.replace(/\s+/g, '');
  if (!n) return REMOVED;
  // Transliterated names (阿卜杜·热合曼): no surname in the Han sense; keep the first character only.
  if (/[·•・]/.test(n)) return `${n[0]}**`;
  const surname = n.length > 2 && COMPOUND_SURNAMES.has(n.slice(0, 2)) ? n.slice(0, 2) : n[0];
  return `${surname}**`;
}

/** The party's name as published: organisations in full, natural persons masked. */
export function publicPartyName(type: PartyType, name: string): string {
  return type === PartyType.ORGANIZATION ? name.trim() : maskPersonName(name);
}

// Full-width digits and letters (１３８…, ＸＸ) are folded to ASCII first so no pattern can be dodged with them.
function foldWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Separators people (or evaders) put between digits: spaces, hyphens, dots. */
const SEP = '[\\s\\-－—.·]?';

/** 18-digit (last may be X) and 15-digit resident ID numbers, with or without separators. */
const ID18 = new RegExp(
  `(?<!\\d)[1-9]\\d{5}${SEP}(?:18|19|20)\\d{2}${SEP}(?:0[1-9]|1[0-2])${SEP}(?:0[1-9]|[12]\\d|3[01])${SEP}\\d{3}${SEP}[\\dXx](?![\\dA-Za-z])`,
  'g',
);
const ID15 = new RegExp(
  `(?<!\\d)[1-9]\\d{5}${SEP}\\d{2}${SEP}(?:0[1-9]|1[0-2])${SEP}(?:0[1-9]|[12]\\d|3[01])${SEP}\\d{3}(?!\\d)`,
  'g',
);
/** Mobile numbers, optionally +86 / 0086 / 86-prefixed, grouped 3-4-4 or not. */
const MOBILE = /(?:(?:\+|00)?86[\s\-－]?)?(?<!\d)1[3-9]\d[\s\-－]?\d{4}[\s\-－]?\d{4}(?!\d)/g;
/** Landlines: area code 0xx(x), optionally in brackets, then 7-8 digits and an optional extension. */
const LANDLINE =
  /[(（]?(?<!\d)0\d{2,3}[)）]?[\s\-－]?[2-9]\d{2,3}[\s\-－]?\d{4}(?:\s*(?:转|-|ext\.?)\s*\d{1,6})?(?!\d)/gi;
/** Bank card numbers: 16-19 digits, plain or in groups of 4. */
const BANK_CARD = /(?<!\d)(?:\d{4}[\s\-－]?){3}\d{4}(?:[\s\-－]?\d{1,3})?(?!\d)/g;
/** Any long run of digits that survived (account numbers, QQ, partial IDs): 9+ digits, not a money amount. */
const LONG_DIGITS = /(?<![\d.])\d(?:[\s\-－]?\d){8,}(?![\d.]*\s*(?:元|万|亿))/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** 机动车号牌 Vehicle plates: province + letter + 5 (or 6 for new energy) characters, with or without a dot. */
const PLATE =
  /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-HJ-NP-Za-hj-np-z]\s*[·•・.\-\s]?\s*(?:[A-HJ-NP-Za-hj-np-z0-9]\s?){4,5}[A-HJ-NP-Za-hj-np-z0-9挂学警港澳领试超](?![A-Za-z0-9])/g;

/** 不动产权证 / 房产证 / 土地证 numbers in their usual written forms. */
const PROPERTY_CERT = [
  /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]?\s*[（(]\s*\d{4}\s*[)）]\s*[\u4e00-\u9fa5]{0,12}不动产(?:权|证明)第?\s*\d+\s*号?/g,
  /不动产(?:权|证明)第\s*\d+\s*号?/g,
  /(?:房(?:屋所有)?权证|房产证|土地证|国有土地使用证|集体土地使用证)[\u4e00-\u9fa5]{0,8}?字?第?\s*[A-Za-z]?\d+\s*号?/g,
  /不动产单元号\s*[:：]?\s*[0-9A-Za-z\s]{10,}/g,
];

/** Labels whose value is always private: everything up to the next delimiter goes. */
const PRIVATE_LABELS =
  '身份证号码|身份证号|公民身份号码|身份证件号码|证件号码|证件号|身份证|护照号码|护照号|联系电话|手机号码|手机号|移动电话|电话号码|电话|手机|联系方式|' +
  'QQ号|QQ|微信号|微信|电子邮箱|邮箱|银行卡号|银行账号|银行账户|开户账号|账号|卡号|车牌号码|车牌号|号牌号码|车牌|' +
  '不动产权证号|不动产权证书号|房产证号|产权证号|权证号|土地证号';
// The value is the number-like token after the label (a plate may start with its province character).
const PRIVATE_LABEL_RE = new RegExp(
  `(${PRIVATE_LABELS})(?![明书复])(\\s*[:：为是]?\\s*)((?:[(（]\\d{3,4}[)）])?[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领]?[0-9A-Za-z\\s\\-－+·•・.#*_@]{3,})`,
  'gi',
);

/** Labels introducing an address. */
const ADDRESS_LABELS =
  '家庭住址|家庭地址|户籍所在地|户籍地址|户籍地|经常居住地|居住地址|居住地|现住址|现住|住址|住所地|住所|住处|地址|家住|居住于|住在';
const ADDRESS_LABEL_RE = new RegExp(`(${ADDRESS_LABELS})(\\s*[:：为是]?\\s*)([^，。；;,、\\n）)]+)`, 'g');

/** County-level end of an address (县/区/旗), not the 区 of 小区/社区/园区… */
const COUNTY_END = /^.*?(?<![小社园校片景厂矿城开发])(?:自治县|县|区|旗)/;

/** Keeps an address up to its county; drops street, village and house detail. */
export function maskAddress(address: string): string {
  const m = COUNTY_END.exec(address);
  if (m && m[0].length < address.length) return `${m[0]}${REMOVED}`;
  if (m) return m[0];
  return REMOVED;
}

const HAN = '\\u4e00-\\u9fa5';
/** A Han character that can be part of a place name (not 局/委/院…, not 对/在/于…, so agency names and verbs stop a match). */
const PLACE = `(?:(?![局委院所厅部办会司对在于的将和与向把被是为从及其了未])[${HAN}])`;
/** Address detail after a county in running text: towns, villages, roads, house numbers. */
const DETAIL_PART =
  `(?:${PLACE}{1,8}?(?:街道|镇|乡|苏木)|${PLACE}{1,8}?(?:村|社区|小区|花园|家园|公寓|大厦|新村)|(?:${PLACE}|[A-Za-z0-9]){1,12}?(?:大道|路|街|巷|胡同|弄)|` +
  `[0-9一二三四五六七八九十百零〇\\-－]+(?:号院|号楼|号|栋|幢|单元|室|层|楼|组|排|队))`;
const STRONG_PART = `(?:${PLACE}{1,8}?(?:村|社区|小区|花园|家园|公寓|大厦|新村)|[0-9一二三四五六七八九十百零〇\\-－]+(?:号院|号楼|号|栋|幢|单元|室|层|楼|组|排|队))`;
const COUNTY_PREFIX = `(?:[${HAN}]{2,7}?(?:省|自治区))?(?:[${HAN}]{2,7}?(?:市|州|盟|地区))?[${HAN}]{1,7}?(?<![小社园校片景厂矿城开发])(?:自治县|县|区|旗)`;
const ADDRESS_IN_TEXT = new RegExp(`(${COUNTY_PREFIX})((?:${DETAIL_PART})*?${STRONG_PART}(?:${DETAIL_PART})*)`, 'g');
/** A road with a house number and no county before it: "解放路12号3单元". */
const ROAD_NUMBER = new RegExp(
  `(?:${PLACE}|[A-Za-z0-9]){1,10}?(?:大道|路|街|巷|胡同|弄)[0-9一二三四五六七八九十百零〇\\-－]+号(?:院|楼)?(?:[0-9\\-－]+(?:号楼|栋|幢|单元|室|层|楼))*`,
  'g',
);
/** A town/village chain with a group or house number: "凤凰镇东马庄村3组". */
const VILLAGE_CHAIN = new RegExp(
  `(?:${PLACE}{1,6}?(?:镇|乡|街道))?${PLACE}{1,6}?村(?:[0-9一二三四五六七八九十]+(?:组|队|排|号))+`,
  'g',
);

/** Role labels before other persons' names (证人、委托代理人、法定代表人…). */
const PERSON_LABELS =
  '法定代表人|委托代理人|诉讼代理人|代理人|负责人|经营者|业主|户主|证人|见证人|监护人|被监护人|联系人|投诉人|举报人|申请人|被申请人|' +
  '实际控制人|股东|驾驶人|驾驶员|车主|房东|承租人|出租人|陪同人员|翻译人员|同住人|配偶|之子|之女|其子|其女|其妻|其夫|妻子|丈夫';
/** A character of an organisation's name: no verb or particle (so "李四系该公司员工" is not an organisation). */
const ORG_WORD = `(?:(?![系是为在的该与和及到对称等])[${HAN}])`;
/** Label, optional separator, then a Han name: surname (1-2 chars) + up to 2 more, greedy so it is fully covered. */
const PERSON_AFTER_LABEL = new RegExp(
  `(${PERSON_LABELS})(\\s*[:：为是]?\\s*)([${HAN}]{2,4}|[${HAN}]{1,6}[·•・][${HAN}]{1,8})(?![*])` +
    `(?!${ORG_WORD}{0,16}?(?:公司|厂|店|部|中心|合作社|委员会|局|所|站|院|校|协会|集团))`,
  'g',
);
/** Words that follow a label but are no names (证人证言, 负责人员, 代理人身份…). */
const NOT_A_NAME =
  /^(?:员|证言|证明|身份|签字|签名|到场|在场|陈述|称|表示|未|不|对|与|和|及|等|的|人员|应当|已经|同意|确认|提供|出具|委托|授权|书|名单|信息|情况|意见|材料|姓名|本人|一名|一人|二人|两人|均|也|为|是|系)/;

const COMPOUND_ALT = [...COMPOUND_SURNAMES].join('|');
const SINGLE_CLASS = [...SINGLE_SURNAMES].join('');
const CONTEXT_SURNAME_CLASS = [...SINGLE_SURNAMES].filter((c) => !AMBIGUOUS_SURNAMES.has(c)).join('');
/** Characters that are not part of a given name: particles, verbs and pronouns that follow names. */
const NOT_GIVEN = '的了在是于和与及或等对向从把被将已未不也都就还又称系为其该此这那们着过说到签拒经由因人员者';
const GIVEN = `(?:(?![${NOT_GIVEN}])[${HAN}])`;
/** What follows a person's name in a decision: speech, presence, refusal, a date of acting, sex. */
const PERSON_NEXT =
  '(?:称|说|证实|证明|陈述|供述|承认|表示|签字|签名|捺印|到场|在场|拒绝|拒不|未到|未能|等人|办理|代为|另案|等\\d+人|无证|擅自|逃逸|陪同|' +
  `于(?:\\d|次日|当日|同日|当天)|因|系|，?[（(]?[男女][，,、）)]|[、和与及][${HAN}]{0,2}\\*\\*)`;
/** Not the start of an organisation's name (张三建材有限公司 stays whole). */
const NOT_ORG = `(?!${ORG_WORD}{0,16}?(?:公司|厂|店|部|中心|合作社|委员会|局|所|站|院|校|协会|集团|商行|工作室))`;
/** 当事人 and other labels of a person whose name may follow; no 当事人 verbs are names (surname required). */
const NAME_LABELS =
  '当事人|被处罚人|违法行为人|行为人|违法嫌疑人|犯罪嫌疑人|嫌疑人|受害人|被害人|被侵害人|被询问人|被检查人|被调查人|' +
  '经办人|主任|经理|店主|老板|厂长|队长|村长|员工|职工|村民|雇员|司机|邻居|' +
  '之父|之母|之子|之女|之妻|之夫|父亲|母亲|丈夫|妻子|儿子|女儿|亲属';
const LABELLED_SURNAME = `(?:${COMPOUND_ALT}|[${SINGLE_CLASS}])`;
const LABEL_SEP = '(\\s*[:：为是]?\\s*)';
/** Shortest name before a person verb or punctuation first, else the longest (surname + 2). */
const LABELLED_NAME = new RegExp(
  `(${NAME_LABELS})${LABEL_SEP}(${LABELLED_SURNAME}${GIVEN}{1,2}?)(?=${PERSON_NEXT}|[^${HAN}*]|$)${NOT_ORG}` +
    `|(${NAME_LABELS})${LABEL_SEP}(${LABELLED_SURNAME}${GIVEN}{1,2})(?![*])${NOT_ORG}`,
  'g',
);
/**
 * A name with no label: surname + given name followed by what only follows persons, or set off by
 * punctuation after a verb of contact or a name already masked in an enumeration.
 */
const CONTEXT_NAME = new RegExp(
  `((?:${COMPOUND_ALT}|[${CONTEXT_SURNAME_CLASS}])${GIVEN}{1,2}?)(?=[”"’」』]?${PERSON_NEXT})${NOT_ORG}` +
    `|(?<=(?:见到|询问了?|告知|通知|委托|联系|找到|雇佣|雇用|指派|陪同|[、和与及]\\s*[${HAN}]{1,2}\\*\\*[、和与及]?))` +
    `((?:${COMPOUND_ALT}|[${CONTEXT_SURNAME_CLASS}])${GIVEN}{1,2}?)(?=[^${HAN}*]|$)${NOT_ORG}`,
  'g',
);
/** "张三、李**": the name before one already masked in an enumeration. */
const NAME_BEFORE_MASKED = new RegExp(
  `((?:${COMPOUND_ALT}|[${CONTEXT_SURNAME_CLASS}])${GIVEN}{1,2}?)(?=[、和与及][${HAN}]{1,2}\\*\\*)${NOT_ORG}`,
  'g',
);
const NOT_AFTER_PARTY_LABEL =
  /^(?:应当|应|于|经|依|有|无|没|未|已|向|将|自|所|当|曾|被|作|涉|存|构|逾|按|在|对|从|再|又|仍|为)/;

/** Masks names found by context or label (surname + "**"), then every other occurrence of each of them. */
function maskPersonNames(text: string): string {
  const found = new Set<string>();
  type Group = string | undefined;
  let t = text.replace(LABELLED_NAME, (all, l1: Group, s1: Group, n1: Group, l2: Group, s2: Group, n2: Group) => {
    const [label, sep, name] = l1 ? [l1, s1!, n1!] : [l2!, s2!, n2!];
    if (NOT_AFTER_PARTY_LABEL.test(name) || NOT_A_NAME.test(name)) return all;
    found.add(name);
    return `${label}${sep}${maskPersonName(name)}`;
  });
  // Enumerations ("张三、李四、王五到场") unmask from the right: repeat until no new name appears.
  for (let pass = 0; pass < 8; pass++) {
    const before = t;
    t = t.replace(CONTEXT_NAME, (all, n1?: string, n2?: string) => {
      const name = n1 ?? n2!;
      found.add(name);
      return maskPersonName(name);
    });
    t = t.replace(NAME_BEFORE_MASKED, (_all, name: string) => {
      found.add(name);
      return maskPersonName(name);
    });
    if (t === before) break;
  }
  for (const name of [...found].sort((a, b) => b.length - a.length))
    t = t.replace(new RegExp(`${esc(name)}${NOT_ORG}`, 'g'), maskPersonName(name));
  return t;
}

function maskNamesAfterLabels(text: string): string {
  return text.replace(PERSON_AFTER_LABEL, (all, label: string, sep: string, name: string) =>
    NOT_A_NAME.test(name) ? all : `${label}${sep}${REMOVED}`,
  );
}

/** The party's full name, tolerant of spaces or dots typed between its characters. */
function partyNamePattern(name: string): RegExp | null {
  const chars = [...name.replace(/\s+/g, '')];
  if (chars.length < 2) return null;
  return new RegExp(chars.map(esc).join('[\\s·•・]*'), 'g');
}

export interface MaskContext {
  partyType: PartyType;
  /** The party's real name: masked wherever it occurs (natural persons). */
  partyName?: string | null;
}

/**
 * Masks one published text field. Idempotent: masking a masked text changes nothing, so corrections
 * can be re-masked safely.
 */
export function maskText(text: string, ctx: MaskContext): string {
  let t = foldWidth(text);
  if (ctx.partyType === PartyType.NATURAL_PERSON && ctx.partyName) {
    const re = partyNamePattern(ctx.partyName);
    if (re) t = t.replace(re, maskPersonName(ctx.partyName));
  }
  for (const re of PROPERTY_CERT) t = t.replace(re, REMOVED);
  t = t.replace(PRIVATE_LABEL_RE, (_all, label: string, sep: string) => `${label}${sep}${REMOVED}`);
  t = t.replace(
    ADDRESS_LABEL_RE,
    (_all, label: string, sep: string, value: string) => `${label}${sep}${maskAddress(value)}`,
  );
  t = t.replace(EMAIL, REMOVED);
  t = t.replace(ID18, REMOVED).replace(ID15, REMOVED);
  t = t.replace(MOBILE, REMOVED).replace(BANK_CARD, REMOVED).replace(LANDLINE, REMOVED);
  t = t.replace(PLATE, REMOVED);
  t = t.replace(LONG_DIGITS, REMOVED);
  t = t.replace(ADDRESS_IN_TEXT, (_all, county: string) => `${county}${REMOVED}`);
  t = t.replace(ROAD_NUMBER, REMOVED).replace(VILLAGE_CHAIN, REMOVED);
  t = maskPersonNames(t);
  t = maskNamesAfterLabels(t);
  return t.replace(/(?:\*{3}[\s\-－]*){2,}/g, REMOVED);
}
