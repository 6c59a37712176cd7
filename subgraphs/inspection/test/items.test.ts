import { sameContent } from '../src/rules/items';

const ITEM = {
  name: '食品经营者落实食品安全主体责任情况检查',
  legalBasis: '《中华人民共和国食品安全法》第一百一十条',
  enforcementItem: '对食品经营活动的行政检查',
  content: null,
};

test('the same content is not a change (no new version)', () => {
  expect(sameContent(ITEM, { ...ITEM })).toBe(true);
});

test('any field changed is a change, including content added', () => {
  expect(sameContent(ITEM, { ...ITEM, legalBasis: '《中华人民共和国食品安全法》第一百一十条、第一百一十三条' })).toBe(
    false,
  );
  expect(sameContent(ITEM, { ...ITEM, enforcementItem: '其他' })).toBe(false);
  expect(sameContent(ITEM, { ...ITEM, content: '进货查验记录' })).toBe(false);
});
