import {
  checkCharacter,
  creditCodeProblem,
  isIndividualBusiness,
  normaliseCreditCode,
  WEIGHTS,
} from '../src/rules/credit-code';

// 华为技术有限公司's code as printed on its business licence (a real, valid code).
const HUAWEI = '914403001922038216';

test('the weights are those printed in GB 32100-2015 § 4.2', () => {
  expect(WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
});

test('a real code meets the rule; its check character is recomputed', () => {
  expect(creditCodeProblem(HUAWEI)).toBeNull();
  expect(checkCharacter(HUAWEI.slice(0, 17))).toBe('6');
  // A check character that is a letter, and one where 31 − (Σ mod 31) = 31 is written as 0.
  expect(creditCodeProblem('9144030071526726XG')).toBeNull();
  const zero = [...'0123456789ABCDEFGHJKLMNPQRTUWXY']
    .map((c) => `91130528MA0${c}00000`)
    .find((p) => checkCharacter(p) === '0');
  expect(zero).toBeDefined();
  expect(creditCodeProblem(`${zero}0`)).toBeNull();
});

test('one character changed breaks the check', () => {
  expect(creditCodeProblem('914403001922038217')).toMatch(/check character/);
  expect(creditCodeProblem('914403001922038316')).toMatch(/check character/);
});

test('length, code set and division code are checked before the check character', () => {
  expect(creditCodeProblem(HUAWEI.slice(0, 17))).toMatch(/18 characters/);
  expect(creditCodeProblem('91440300192203821I')).toMatch(/"I" is not in the code set/);
  expect(creditCodeProblem('9144030O1922038216')).toMatch(/"O" is not in the code set/);
  expect(creditCodeProblem('91A403001922038216')).toMatch(/administrative division/);
});

test('a code is normalised as printed: spaces dropped, upper case', () => {
  expect(normaliseCreditCode(' 9144 0300 1922 0382 16 ')).toBe(HUAWEI);
  expect(normaliseCreditCode('9144030071526726xg')).toBe('9144030071526726XG');
});

test('codes starting 92 are individual businesses (个体工商户); 91 enterprises are not', () => {
  expect(isIndividualBusiness('92130528MA0EXAMPLE')).toBe(true);
  expect(isIndividualBusiness(HUAWEI)).toBe(false);
  expect(isIndividualBusiness('93130528MA0EXAMPLE')).toBe(false);
});
