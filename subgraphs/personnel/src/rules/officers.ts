/**
 * 公民身份号码 An officer's resident ID number (居民身份证法 §3, in the format of GB 11643-1999): 17 digits and
 * a check character (a digit or X); first-generation cards' 15 digits are still on file and accepted.
 */
export function idNumberProblem(idNumber: string): string | null {
  return /^(\d{17}[\dXx]|\d{15})$/.test(idNumber) ? null : 'must be an 18-digit (or 15-digit) resident ID number';
}
