import { GraphQLError } from 'graphql';

/** A query refused for its size or cost: the message says what was measured and the limit. */
export const tooCostly = (what: string, measured: number, limit: number) =>
  new GraphQLError(`${what}: ${measured} exceeds the limit of ${limit} / 查询超出限制`, {
    extensions: { code: 'QUERY_TOO_COSTLY', measured, limit },
  });
