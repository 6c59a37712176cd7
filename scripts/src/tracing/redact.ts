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

/**
 * Wraps the exporting processor: a span's status message (the pg instrumentation copies the driver's
 * error message there) loses its quoted values and long digit runs before it leaves the process.
 */
export class RedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}
  onStart(span: Span, parent: Context): void {
    this.next.onStart(span, parent);
  }
  onEnd(span: ReadableSpan): void {
    const status = span.status as { message?: string };
    if (status.message) status.message = messageShape(status.message);
    this.next.onEnd(span);
  }
  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }
  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
