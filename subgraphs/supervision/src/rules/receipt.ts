import { createHash, randomBytes } from 'node:crypto';

/**
 * 查询码 The complainant's receipt: 128 random bits, base64url (22 characters), the only key to follow the complaint
 * without an account. Only its SHA-256 is stored, so the table cannot give the codes away.
 */
export function newReceiptCode(): string {
  return randomBytes(16).toString('base64url');
}

/** The stored form of a receipt code (hex SHA-256). Any text hashes: a lookup costs the same whatever was typed. */
export function receiptHash(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}
