import { DriverException } from '@mikro-orm/core';
import { type Logger, pino, stdSerializers } from 'pino';

import { config } from './config.js';
import { traceFields } from './tracing/propagation.js';

/**
 * The level is fixed when the logger loads (child loggers keep it). An invalid configuration is not
 * reported here, at import, but by the service's start-up check (loadConfigOrExit), which stops it.
 */
function levelAtLoad(): string {
  try {
    return config().LOG_LEVEL ?? 'info';
  } catch {
    return 'info';
  }
}
const defaultLevel = levelAtLoad();

/**
 * Keys whose values are personal data or secrets (个人信息): censored wherever they sit in the
 * first four levels of a log object. GraphQL `variables` carry whatever a caller typed.
 */
const PRIVATE_KEYS = [
  'idNumber',
  'partyIdNumber',
  'party_id_number',
  'phone',
  'partyPhone',
  'party_phone',
  'address',
  'partyAddress',
  'party_address',
  // 投诉举报: who complained is known to the justice bureau only; the receipt code is the complainant's key.
  'complainant',
  'complainantName',
  'complainant_name',
  'complainantPhone',
  'complainant_phone',
  'complainantIdNumber',
  'complainant_id_number',
  'receiptCode',
  'clientAddress',
  'authorization',
  'cookie',
  'password',
  'secret',
  'token',
  'variables',
  'params',
  'bindings',
];
export const REDACTED_PATHS = PRIVATE_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`]);

/**
 * Last line of defence, over every serialised line: mainland resident ID numbers (18 characters,
 * and the old 15 digits) and mobile numbers (11 digits, bare, spaced or dashed, with +86 / 0086 in
 * front), wherever they hide (a message, a stack, a value).
 */
const MOBILE = '1[3-9]\\d[\\s-]?\\d{4}[\\s-]?\\d{4}';
const PERSONAL_NUMBERS = new RegExp(
  `(?:(?:\\+|00)86[\\s-]?${MOBILE}|(?<![0-9A-Za-z])(?:\\d{17}[\\dXx]|\\d{15}|${MOBILE}))(?![0-9A-Za-z])`,
  'g',
);
export const scrubPersonalNumbers = (line: string) => line.replace(PERSONAL_NUMBERS, '[redacted]');

const isDatabaseError = (e: Error & Record<string, unknown>) =>
  e instanceof DriverException || typeof e.routine === 'string' || 'sql' in e || 'query' in e || 'sqlState' in e;

/**
 * What PostgreSQL said, without the statement (knex prefixes it, every value inlined, then " - "),
 * the detail and hint MikroORM appends ("\n - detail: Key (…)=(value)"), or a quoted value.
 */
function databaseMessage(message: string): string {
  const head = message.split('\n - ')[0];
  const said = head.includes(' - ') ? head.slice(head.lastIndexOf(' - ') + 3) : head;
  return said.replace(/:\s*["'].*$/s, ': [value]').slice(0, 300);
}

const SQL_FIRST = /^\s*(insert|update|delete|select|with)\s/i;

/** `insert into "records"."enforcement_case"`: which statement failed, never its values. */
function statementOf(message: string): string | undefined {
  return /^\s*(insert into|update|delete from)\s+[\w".]+/i.exec(message)?.[0] ?? /\bfrom\s+[\w".]+/i.exec(message)?.[0];
}

/**
 * An error as logged. A database error loses its SQL, parameters, row values (`detail`, `where`)
 * and the first line of its stack (the message again): only the code, table, column, constraint
 * and what PostgreSQL said stay, enough to find the cause without copying a party's data.
 */
export function loggableError(err: unknown): unknown {
  // Many callers log `err.message` alone: a driver message starts with the statement, values inlined.
  if (typeof err === 'string' && SQL_FIRST.test(err))
    return `${statementOf(err) ?? 'a statement'} failed: ${databaseMessage(err)}`;
  if (!(err instanceof Error)) return err;
  const e = err as Error & Record<string, unknown>;
  if (!isDatabaseError(e)) return stdSerializers.err(err);
  return {
    type: e.name,
    message: databaseMessage(e.message),
    statement: statementOf(e.message),
    code: e.code,
    table: e.table,
    column: e.column,
    constraint: e.constraint,
    routine: e.routine,
    stack: e.stack
      ?.split('\n')
      .filter((l) => l.trim().startsWith('at '))
      .join('\n'),
  };
}

type Sink = (line: string) => void;
const stdout = pino.destination({ dest: 1, sync: true });
let capture: Sink | null = null;

/** Where every line goes: stdout, or a test's capture; scrubbed either way. */
const destination = {
  write(line: string) {
    const clean = scrubPersonalNumbers(line);
    if (capture) capture(clean);
    else stdout.write(clean);
  },
};

/** Structured JSON logs; quiet in tests unless LOG_LEVEL says otherwise. No ID number or phone is ever written. */
export const rootLogger: Logger = pino(
  {
    level: defaultLevel,
    base: undefined,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: loggableError, error: loggableError },
    // traceId and spanId of the request (or event) being served, when the process traces.
    mixin: traceFields,
  },
  destination,
);

/** Sends every log line to `sink` instead of stdout (tests read what would have been logged); null restores stdout. */
export function captureLogs(sink: Sink | null): void {
  capture = sink;
}

export function logger(name: string): Logger {
  return rootLogger.child({ svc: name });
}
export type { Logger };
