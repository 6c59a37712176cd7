import { idNumberProblem } from '../src/rules/officers';

describe('公民身份号码 resident ID number (居民身份证法 §3, GB 11643-1999)', () => {
  test('met: 18 characters ending in a digit or X, or a first-generation 15-digit number', () => {
    expect(idNumberProblem('130528198001011234')).toBeNull();
    expect(idNumberProblem('13052819800101123X')).toBeNull();
    expect(idNumberProblem('13052819800101123x')).toBeNull();
    expect(idNumberProblem('130528800101123')).toBeNull();
  });
  test('broken: wrong length, X before the last place, or other characters', () => {
    expect(idNumberProblem('13052819800101123')).toMatch(/18-digit/);
    expect(idNumberProblem('1305281980010112345')).not.toBeNull();
    expect(idNumberProblem('1305281980010X1234')).not.toBeNull();
    expect(idNumberProblem('13052819800101123Y')).not.toBeNull();
  });
});
