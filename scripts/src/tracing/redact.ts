import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * MikroORM inlines every value into the statement it sends, so the text the pg instrumentation would
 * record holds a party's name, ID number or phone. Spans keep the statement's shape: every string
 * literal ('…', E'…') and number becomes `?`. Identifiers ("quoted" too) and $n placeholders stay.
 */
const LITERALS = /\b[eE]'(?:[^'\\]|''|\\.)*'|'(?:[^']|'')*'|(?<![\w$."])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const MAX_STATEMENT = 2000;

export function statementShape(sql: string): string {
  return sql.replace(LITERALS, '?').slice(0, MAX_STATEMENT);
}

/** PostgreSQL quotes the offending value in its messages (`invalid input syntax for type uuid: "…"`). */
export function messageShape(message: string): string {
  return message.replace(/"[^"]*"|'[^']*'/g, '"?"').replace(/\d{4,}/g, '?');
}

/** URL attributes of the http instrumentation: GET /graphql?variables=… would put personal data there. */
const URL_ATTRIBUTES = ['url.full', 'http.url', 'http.target'];
const QUERY_ATTRIBUTES = ['url.query'];
/** Exception events quote the offending value too (graphql: `Unexpected String "张三"`). */
const EXCEPTION_ATTRIBUTES = ['exception.message', 'exception.stacktrace'];

type Attributes = Record<string, unknown>;

/** Spans keep a URL's path, never its query string (nor its fragment). */
export function redactUrlAttributes(attributes: Attributes): void {
  for (const key of QUERY_ATTRIBUTES) if (key in attributes) delete attributes[key];
  for (const key of URL_ATTRIBUTES) {
    const v = attributes[key];
    if (typeof v === 'string') attributes[key] = v.replace(/[?#].*$/s, '');
  }
}

/** An exception event's message and stack get the same treatment as a status message. */
export function redactExceptionEvents(events: readonly { attributes?: Attributes }[]): void {
  for (const e of events)
    for (const key of EXCEPTION_ATTRIBUTES) {
      const v = e.attributes?.[key];
      if (typeof v === 'string') e.attributes![key] = messageShape(v);
    }
}

/**
 * Wraps the exporting processor: before a span leaves the process its status message (the pg
 * instrumentation copies the driver's error message there) and exception events lose their quoted
 * values and long digit runs, and its URLs lose their query string.
 */
export class RedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}
  onStart(span: Span, parent: Context): void {
    this.next.onStart(span, parent);
  }
  onEnd(span: ReadableSpan): void {
    const status = span.status as { message?: string };
    if (status.message) status.message = messageShape(status.message);
    redactUrlAttributes(span.attributes as Attributes);
    redactExceptionEvents(span.events as { attributes?: Attributes }[]);
    this.next.onEnd(span);
  }
  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }
  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
