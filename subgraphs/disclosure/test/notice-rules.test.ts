import { publicNotice, publicNoticeText } from '../src/rules/notice';

const written = {
  id: 'n-1',
  title: '关于宁晋县市场监督管理局的通报（联系电话13912345678）',
  body: '经查，该局将当事人身份证号130528198001011234、银行账号6222021234567890123公开在门户网站。',
  withdrawalReason: null,
};

test('a notice goes public without its ID, phone or bank numbers; agencies keep their names', () => {
  const n = publicNotice(written);
  expect(n.title).toBe('关于宁晋县市场监督管理局的通报（联系电话***）');
  expect(n.body).toContain('该局将当事人身份证号***');
  expect(JSON.stringify(n)).not.toMatch(/13912345678|130528198001011234|6222021234567890123/);
  expect(n.id).toBe('n-1');
});

test('a withdrawal reason is masked when there is one, and stays null when there is none', () => {
  expect(publicNotice(written).withdrawalReason).toBeNull();
  expect(publicNotice({ ...written, withdrawalReason: '电话13912345678有误' }).withdrawalReason).toBe('电话***有误');
  expect(publicNoticeText('１３９１２３４５６７８')).toBe('***');
});
