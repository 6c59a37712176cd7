import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';

import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

import { isInternalAddress } from './address.js';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook } from './signature.js';

export interface AttemptResult {
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

type LookupCb = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * DNS lookup that refuses internal addresses on the connection actually made, so a host that
 * re-resolves to 10.x/127.x after registration (DNS rebinding) is still refused.
 */
function guardedLookup(hostname: string, options: LookupOptions, cb: LookupCb): void {
  lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return cb(err, '');
    const bad = addresses.find((a) => isInternalAddress(a.address));
    if (bad)
      return cb(
        Object.assign(new Error(`${hostname} resolves to an internal address`), { code: 'EINTERNALADDRESS' }),
        '',
      );
    if (!addresses.length)
      return cb(Object.assign(new Error(`${hostname} does not resolve`), { code: 'ENOTFOUND' }), '');
    if (options.all) cb(null, addresses);
    else cb(null, addresses[0].address, addresses[0].family);
  });
}

/**
 * One signed POST. 2xx within `timeoutMs` (headers received) is success; anything else, including
 * a redirect (never followed), is a failure with a reason the delivery log shows.
 */
export function postSigned(o: {
  url: string;
  secret: string;
  body: string;
  eventId: string;
  timeoutMs: number;
  blockInternal: boolean;
  now?: () => number;
}): Promise<AttemptResult> {
  const started = Date.now();
  const done = (ok: boolean, httpStatus: number | null, error: string | null): AttemptResult => ({
    ok,
    httpStatus,
    error,
    durationMs: Date.now() - started,
  });
  const url = new URL(o.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (o.blockInternal && isIP(host) && isInternalAddress(host))
    return Promise.resolve(done(false, null, `${host} is an internal address; not sent`));
  const t = Math.floor((o.now?.() ?? Date.now()) / 1000);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(r);
    };
    // An integrator is no part of the platform: no client span (its URL may carry credentials) and no
    // traceparent sent to it. The `webhook …` span around the attempt stays.
    const untraced = suppressTracing(context.active());
    const req = context.with(untraced, () =>
      (url.protocol === 'https:' ? https : http).request(url, {
        method: 'POST',
        agent: false,
        lookup: o.blockInternal ? (guardedLookup as never) : undefined,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(o.body),
          'user-agent': 'tsp-webhooks/1',
          [EVENT_ID_HEADER]: o.eventId,
          [SIGNATURE_HEADER]: signWebhook(o.secret, o.body, t),
        },
      }),
    );
    const timer = setTimeout(() => finish(done(false, null, `no answer within ${o.timeoutMs} ms`)), o.timeoutMs);
    req.on('response', (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      finish(done(ok, status, ok ? null : `receiver answered HTTP ${status}`));
    });
    req.on('error', (err: NodeJS.ErrnoException) =>
      finish(done(false, null, `${err.code ?? 'error'}: ${err.message}`.slice(0, 500))),
    );
    req.end(o.body);
  });
}
