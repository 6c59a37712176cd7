/**
 * 统一社会信用代码 The unified social credit code, GB 32100-2015 (法人和其他组织统一社会信用代码编码规则):
 * 18 characters from a 31-character set (the digits and the capitals without I, O, S, V, Z); position 1 is the
 * registration authority, position 2 the kind of organisation, 3–8 the administrative division, 9–17 the
 * organisation's own code, and 18 a check character computed from the first 17 (§ 4.2 and 附录 A).
 */
export const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** § 4.2: the weight of position i (1-based) is 3^(i−1) mod 31. */
export const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** § 4.2: C18 = 31 − (Σ Ci × Wi mod 31), where 31 is written as 0; null when a character is outside the set. */
export function checkCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CODE_CHARS.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return CODE_CHARS[(31 - (sum % 31)) % 31];
}

/** Why a code is not a valid unified social credit code, or null when it is. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `must be 18 characters (got ${code.length}) / 应为18位`;
  const bad = [...code].find((c) => !CODE_CHARS.includes(c));
  if (bad) return `character "${bad}" is not in the code set of GB 32100-2015 / 含有非法字符`;
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return 'positions 3–8 must be the administrative division code (digits) / 登记管理机关行政区划码应为数字';
  if (checkCharacter(code.slice(0, 17)) !== code[17])
    return 'the check character (position 18) does not match GB 32100-2015 / 校验码错误';
  return null;
}

/** The code as written on a business licence: spaces dropped, letters upper-case. */
export function normaliseCreditCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/**
 * 个体工商户 附录 A: registration authority 9 (工商/市场监管) with organisation kind 2 is an individual
 * business (a code starting "92"), rather than an enterprise (91) or a farmers' cooperative (93).
 */
export function isIndividualBusiness(code: string): boolean {
  return code.startsWith('92');
}
