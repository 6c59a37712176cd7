/**
 * 文本规则 The one text policy for every string a caller sends, in every subgraph.
 *
 * Refused: a lone UTF-16 surrogate (PostgreSQL would keep U+FFFD while the journal hashed the
 * surrogate, faking a tamper alarm), NUL (PostgreSQL refuses it mid-INSERT) and the other C0
 * control characters except tab, LF and CR (invisible, they make two texts look the same).
 * Accepted text is normalised to NFC, so one way of writing "é" is hashed, stored and compared.
 */

/** Why a text is refused (English / 中文), or null when it is acceptable. */
export function textProblem(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20) {
      if (unit === 0x09 || unit === 0x0a || unit === 0x0d) continue;
      const name = unit === 0 ? 'NUL' : `control character U+${hex4(unit)}`;
      return `contains ${name} at position ${i}; only tab, LF and CR are allowed / 含有不允许的控制字符`;
    }
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++; // a well-formed surrogate pair: one character outside the BMP (emoji, rare CJK)
      continue;
    }
    const where = `U+${hex4(unit)} at position ${i}`;
    return `contains a lone UTF-16 surrogate ${where}, which is not a character / 含有无效的代理字符`;
  }
  return null;
}

/** The text as it is hashed and stored (NFC), or throws `refuse(why)` when the policy refuses it. */
export function acceptText(text: string, refuse: (why: string) => Error): string {
  const problem = textProblem(text);
  if (problem) throw refuse(problem);
  return text.normalize('NFC');
}

const hex4 = (unit: number) => unit.toString(16).toUpperCase().padStart(4, '0');
