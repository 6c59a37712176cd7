import { scrubPersonalNumbers } from '../src/logger';

test.each([
  '+8613812345678',
  '008613812345678',
  '+86 138 1234 5678',
  '138 1234 5678',
  '138-1234-5678',
  '13812345678',
  '130101199001011234',
  '13010119900101123X',
  '130101900101123',
])('%s is scrubbed from a log line', (n) => {
  expect(scrubPersonalNumbers(`party ${n}, see`)).toBe('party [redacted], see');
});

test.each(['1796473440536', 'case 2026-0001', 'order 12345678901234567890'])('%s is left alone', (text) => {
  expect(scrubPersonalNumbers(text)).toBe(text);
});
