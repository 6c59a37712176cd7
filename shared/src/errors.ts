import { GraphQLError } from 'graphql';

/** The contract's error codes (README § API lists them). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'CREDENTIAL_INVALID'
  | 'AUDIO_VISUAL_REQUIRED'
  | 'TWO_OFFICERS_REQUIRED'
  | 'STAGE_ORDER'
  | 'REVIEW_REQUIRED'
  | 'DEPENDENCY_UNAVAILABLE'
  /** An inspection item that is not on the inspecting agencies' published list (清单之外无检查). */
  | 'ITEM_NOT_PUBLISHED'
  /** A visit over the region's frequency caps for an enterprise; the message lists the earlier inspections. */
  | 'INSPECTION_CAP_EXCEEDED'
  /** An inspection step not allowed now: not approved, outside its window, finished, cancelled… */
  | 'INSPECTION_STATE'
  /** A penalty decision before the party's procedural rights were kept (告知、陈述申辩、听证; 行政处罚法 §44–§65). */
  | 'PROCEDURE_REQUIRED'
  /** A decision outside the published discretion benchmark without a reason and a legal review that covered it. */
  | 'DISCRETION_DEPARTURE'
  /** A query over the cost, size or result limits (README § Limits and abuse). */
  | 'QUERY_TOO_COSTLY'
  /** Too many public writes from one client address; `extensions.retryAfterSeconds` says when to try again. */
  | 'RATE_LIMITED';

/**
 * A refusal a client can act on. Thrown by rules and resolvers alike; Apollo passes
 * `extensions` through unchanged, so the code reaches the client via the gateway.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const badInput = (field: string, why: string) => new AppError('BAD_USER_INPUT', `${field}: ${why}`, { field });
export const notFound = (what: string, id: string) =>
  new AppError('NOT_FOUND', `${what} ${id} not found / 未找到`, { id });
export const forbidden = (why: string) => new AppError('FORBIDDEN', why);
export const unauthenticated = (why = 'a valid bearer token is required / 需要登录') =>
  new AppError('UNAUTHENTICATED', why);
export const conflict = (why: string, details: Record<string, unknown> = {}) => new AppError('CONFLICT', why, details);
/**
 * Names the service and nothing else: a connection error's text ("connect ECONNREFUSED
 * 127.0.0.1:4002") names an internal address, so it is logged where it happens, never answered.
 */
export const dependencyUnavailable = (service: string, details: Record<string, unknown> = {}) =>
  new AppError(
    'DEPENDENCY_UNAVAILABLE',
    `${service} did not answer; the write was refused / 依赖服务不可用，已拒绝写入`,
    { service, ...details },
  );

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
