/**
 * The one SQL definition of "on the public list today" (alias p, parameter = today). The public list and
 * the WITHDRAWN_STILL_VISIBLE audit both use it, so the audit checks what the public really sees.
 * It mirrors rules/publication.ts publiclyVisible().
 */
export const PUBLIC_VISIBLE = `(p.status = 'PUBLISHED' and p.publishable and (p.expires_on is null or p.expires_on >= ?::date))`;
