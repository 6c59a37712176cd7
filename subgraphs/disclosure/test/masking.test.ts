import { PartyType } from '@tsp/shared';

import { maskAddress, maskPersonName, maskText, publicPartyName, REMOVED } from '../src/rules/masking';

const person = { partyType: PartyType.NATURAL_PERSON, partyName: '张三丰' };
const org = { partyType: PartyType.ORGANIZATION, partyName: '宁晋县恒达建材有限公司' };
const m = (s: string, ctx = person) => maskText(s, ctx);
/** No run of 5+ digits (with any separators) may survive in a masked text. */
const digitRuns = (s: string) => s.replace(/[\s\-－—.·]/g, '').match(/\d{5,}/g) ?? [];

describe('names', () => {
  test.each([
    ['张三', '张**'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳锋', '欧阳**'],
    ['司马光', '司马**'],
    ['上官婉儿', '上官**'],
    ['诸葛亮', '诸葛**'],
    ['司马', '司**'], // two characters: 司 is the surname, 马 the given name
    ['阿卜杜·热合曼', '阿**'],
    [' 王 小 明 ', '王**'],
  ])('%s → %s', (name, out) => expect(maskPersonName(name)).toBe(out));

  test('organisations keep their names; natural persons are masked', () => {
    expect(publicPartyName(PartyType.ORGANIZATION, '宁晋县恒达建材有限公司')).toBe('宁晋县恒达建材有限公司');
    expect(publicPartyName(PartyType.NATURAL_PERSON, '李四')).toBe('李**');
  });

  test("the party's name is masked everywhere in free text, even with spaces or dots between characters", () => {
    const out = m('张三丰于2026年9月1日擅自建设，张 三 丰拒不改正，张·三·丰签字。');
    expect(out).not.toMatch(/三丰|三 丰|三·丰/);
    expect(out.match(/张\*\*/g)).toHaveLength(3);
  });

  test('names after role labels are removed; the label stays', () => {
    const out = m('证人李四证实；委托代理人：王小明；法定代表人赵六，其子刘强在场。监护人欧阳春花到场');
    for (const n of ['李四', '王小明', '赵六', '刘强', '欧阳春花']) expect(out).not.toContain(n);
    expect(out).toContain('证人');
    expect(out).toContain('委托代理人');
  });

  test('labels followed by ordinary words are left alone, and organisations after a label keep their names', () => {
    expect(m('证人证言、负责人员现场检查')).toBe('证人证言、负责人员现场检查');
    expect(m('申请人宁晋县恒达建材有限公司提出申请', org)).toBe('申请人宁晋县恒达建材有限公司提出申请');
    expect(m('负责人李四系该公司员工')).not.toContain('李四');
  });

  test('an organisation party keeps its name in the text', () => {
    expect(m('宁晋县恒达建材有限公司未取得许可', org)).toBe('宁晋县恒达建材有限公司未取得许可');
  });
});

describe('numbers', () => {
  test.each([
    '130528199001011234',
    '13052819900101123X',
    '13052819900101123x',
    '130528 19900101 123X',
    '1305-2819-9001-0112-34',
    '１３０５２８１９９００１０１１２３４', // full-width digits
    '130528900101123', // 15-digit
  ])('ID number %s is removed', (id) => {
    const out = m(`身份证 ${id} 号码`);
    expect(digitRuns(out)).toEqual([]);
    expect(out).not.toMatch(/X/i);
  });

  test.each([
    '13812345678',
    '138-1234-5678',
    '138 1234 5678',
    '+8613812345678',
    '+86 138 1234 5678',
    '0086-13812345678',
    '0319-5551234',
    '(0319)5551234',
    '（0319）5551234',
    '010-12345678',
    '0319 555 1234',
    '0319-5551234转806',
  ])('phone %s is removed', (p) => {
    const out = m(`经查当事人${p}，`);
    expect(digitRuns(out)).toEqual([]);
    expect(out).toContain(REMOVED);
  });

  test.each([
    '6222021234567890123',
    '6222 0212 3456 7890 123',
    '6222 0212 3456 7890 1',
    '6228-4800-1234-5678',
    '4367421234567890',
  ])('bank card %s is removed', (c) => {
    expect(m(`罚款缴入账户${c}。`)).toBe('罚款缴入账户***。');
  });

  test('numbers after private labels go even when short; e-mail addresses go', () => {
    const out = m('QQ：12345，微信号：zhangsan_88，邮箱zs88@example.com，账号 A-99-12');
    expect(out).not.toMatch(/12345|zhangsan_88|zs88|example|A-99-12/);
  });

  test('a labelled number inside brackets leaves the brackets', () => {
    expect(m('（联系电话13700001111），限期')).toBe('（联系电话***），限期');
    expect(m('电话(0319)5551234。')).toBe('电话***。');
  });

  test('money, dates, legal articles and case numbers survive', () => {
    const text =
      '依据《城乡规划法》第六十四条，罚款50000.00元，没收违法所得1200000元，于2026年9月29日作出宁规罚〔2026〕12号决定。';
    expect(m(text)).toBe(text);
  });
});

describe('plates and property certificates', () => {
  test.each([
    '冀E·12345',
    '冀E12345',
    '冀E 12345',
    '冀ED12345',
    '京AF12345',
    '粤B·D12345',
    '冀e12345',
    '冀E1234挂',
    '冀E-A1B2C',
  ])('plate %s is removed', (p) => {
    const out = m(`驾驶${p}号车辆`);
    expect(out).not.toContain(p.slice(2));
    expect(out).toContain(REMOVED);
  });

  test.each([
    '冀(2019)宁晋县不动产权第0001234号',
    '冀（2020）邢台市不动产权第 0012345 号',
    '不动产权第0001234号',
    '房权证宁字第12345号',
    '房产证第2018-0456号',
  ])('property certificate %s is removed', (c) => {
    const out = m(`涉案房屋（${c}）`);
    expect(digitRuns(out)).toEqual([]);
    expect(out).not.toMatch(/第\s*\d/);
  });
});

describe('addresses', () => {
  test.each([
    ['河北省邢台市宁晋县凤凰镇东马庄村3组', '河北省邢台市宁晋县***'],
    ['宁晋县城关镇建设路128号3单元502室', '宁晋县***'],
    ['石家庄市长安区中山东路55号', '石家庄市长安区***'],
    ['凤凰镇幸福小区5号楼', REMOVED],
    ['宁晋县', '宁晋县'],
  ])('labelled address %s → %s', (a, out) => {
    expect(maskAddress(a)).toBe(out);
    expect(m(`住址：${a}。`)).toBe(`住址：${out}。`);
  });

  test('addresses in running text keep only the county', () => {
    const out = m(
      '当事人在河北省邢台市宁晋县凤凰镇东马庄村3组东侧建房，现居解放路12号院2号楼；另查其在大陆村5组有宅基地。',
    );
    expect(out).toContain('宁晋县');
    for (const s of ['凤凰镇', '东马庄', '3组', '解放路', '12号', '大陆村', '5组']) expect(out).not.toContain(s);
  });

  test('agency names containing 县/乡/区 are not taken for addresses', () => {
    const text = '宁晋县城乡规划局对当事人违法建设行为立案调查，宁晋县文化和旅游局协助。';
    expect(m(text)).toBe(text);
  });
});

describe('hostile free text', () => {
  const hostile =
    '当事人张三丰（身份证号：13052819900101123X，手机 138-1234-5678，固话(0319)5551234，住址：河北省邢台市宁晋县凤凰镇东马庄村3组，' +
    '银行卡6222 0212 3456 7890 123，车牌冀E·12345，另有新能源车冀ED12345，房产证号：冀(2019)宁晋县不动产权第0001234号）' +
    '于2026年9月1日在宁晋县大陆村5组建房。证人李四（身份证130528850203001）证实。委托代理人：王小明，电话13912345678。' +
    '张 三 丰的配偶刘梅。其15位老证号130528900101123。';

  test('leaves no identifying number, plate, address detail or other name', () => {
    const out = m(hostile);
    expect(digitRuns(out.replace(/2026年9月1日/, ''))).toEqual([]);
    for (const s of [
      '三丰',
      '李四',
      '王小明',
      '刘梅',
      '冀E',
      '凤凰镇',
      '东马庄',
      '大陆村',
      '不动产权第',
      '6222',
      '5551234',
    ])
      expect(out).not.toContain(s);
    expect(out).toContain('张**');
    expect(out).toContain('宁晋县');
  });

  test('masking is idempotent', () => {
    const once = m(hostile);
    expect(m(once)).toBe(once);
  });
});

describe('every personal name, whatever precedes it', () => {
  const party = { partyType: PartyType.NATURAL_PERSON, partyName: '欧阳娜娜' };
  const mp = (s: string) => maskText(s, party);

  test.each([
    ['当事人张三于2026年9月1日擅自建设', '当事人张**于2026年9月1日擅自建设'], // 当事人, not the party's name
    ['当事人：张三，男，1980年生', '当事人：张**，男，1980年生'],
    ['负责人　赵六丰签字', '负责人　赵**签字'], // full-width space
    ['法定代表人李四。', '法定代表人***。'],
    ['经查，王五称其未见到刘强。', '经查，王**称其未见到刘**。'], // no label at all
    ['张三、李四、欧阳春花到场。', '张**、李**、欧阳**到场。'], // start of text, enumeration
    ['诸葛亮（男，45岁）在场', '诸葛**（男，45岁）在场'],
    ['现场检查时周杰在场，李娜拒绝签字', '现场检查时周**在场，李**拒绝签字'], // single-character given names
    ['执法人员询问了司马光', '执法人员询问了司马**'], // end of text
    ['当事人欧阳娜娜与其雇员王小明共同经营', '当事人欧阳**与其雇员王**共同经营'],
    ['受害人王五被打伤。', '受害人王**被打伤。'], // labels found by the attacker's review
    ['嫌疑人赵六逃逸。', '嫌疑人赵**逃逸。'],
    ['当事人之父张三陪同。', '当事人之父张**陪同。'],
    ['被询问人李雷', '被询问人李**'],
    ['检查人员发现邱少云无证经营。', '检查人员发现邱**无证经营。'],
  ])('%s → %s', (text, out) => expect(mp(text)).toBe(out));

  test('a name recognised once is masked wherever it occurs again', () => {
    const out = mp('当事人张三称不知情。后张三补办手续，张三的车辆停放在院内。');
    expect(out).not.toContain('张三');
    expect(out.match(/张\*\*/g)).toHaveLength(3);
  });

  test('organisation names stay whole, a person-like name inside one included (public registration data)', () => {
    for (const text of [
      '当事人宁晋县张三建材有限公司未取得许可',
      '宁晋县张三建材有限公司法定代表人李四称',
      '王五称其受雇于李四百货商行',
    ])
      expect(mp(text)).toContain(text.match(/[^，。]*?(?:有限公司|商行)/)![0].replace(/^.*?(宁晋县|李四)/, '$1'));
    expect(mp('宁晋县张三建材有限公司法定代表人李四称')).toBe('宁晋县张三建材有限公司法定代表人李**称');
  });

  test('words after 当事人 that are no names, and everyday words starting with a surname character, stay', () => {
    for (const text of [
      '当事人应当在十五日内缴纳罚款',
      '当事人于2026年9月1日',
      '时间：2026年9月1日，方式：现场检查',
      '文化和旅游局协助，高度重视',
    ])
      expect(mp(text)).toBe(text);
  });

  test('hostile text: compound surnames, punctuation, repeats; idempotent', () => {
    const text = '“张三”称：欧阳娜娜委托司马光、诸葛亮办理。司马光，诸葛亮到场；张三于次日签字。';
    const out = mp(text);
    for (const n of ['张三', '娜娜', '司马光', '诸葛亮']) expect(out).not.toContain(n);
    expect(mp(out)).toBe(out);
  });
});
