import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

import { badInput } from '../errors.js';
import { acceptText } from '../text-policy.js';

/** Scalars whose values are never text; every other scalar (String, ID, custom ones) is checked. */
const NON_TEXT_SCALARS = new Set(['Int', 'Float', 'Boolean']);

/** Whether a value of this argument type can hold a string anywhere inside (enums and numbers cannot). */
function mayHoldText(type: GraphQLInputType, examining: Set<string>): boolean {
  if (isNonNullType(type) || isListType(type)) return mayHoldText(type.ofType, examining);
  if (isScalarType(type)) return !NON_TEXT_SCALARS.has(type.name);
  if (!isInputObjectType(type)) return false;
  // A recursive input type is decided by its other fields, examined one level up.
  if (examining.has(type.name)) return false;
  examining.add(type.name);
  return Object.values(type.getFields()).some((f) => mayHoldText(f.type, examining));
}

const isPlainObject = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * Every string inside an argument value, checked and NFC-normalised; `path` names where it is
 * (`input.party.address`, `input.attachments[2].name`) in the refusal. Copies only what changes.
 */
export function acceptTextValue(value: unknown, path: string): unknown {
  if (typeof value === 'string') return acceptText(value, (why) => badInput(path, why));
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, i) => {
      const accepted = acceptTextValue(item, `${path}[${i}]`);
      if (accepted !== item) (out ??= [...value])[i] = accepted;
    });
    return out ?? value;
  }
  if (value === null || typeof value !== 'object' || !isPlainObject(value)) return value; // Date, Buffer…
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const accepted = acceptTextValue(item, `${path}.${key}`);
    if (accepted !== item) (out ??= { ...value })[key] = accepted;
  }
  return out ?? value;
}

function withTextPolicy<S, C>(
  resolve: GraphQLFieldResolver<S, C>,
  textArgs: readonly string[],
): GraphQLFieldResolver<S, C> {
  return (source, args: Record<string, unknown>, context, info) => {
    let accepted = args;
    for (const name of textArgs) {
      if (!(name in args)) continue;
      const value = acceptTextValue(args[name], name);
      if (value !== args[name]) accepted = { ...accepted, [name]: value };
    }
    return resolve(source, accepted, context, info);
  };
}

/**
 * Applies the text policy (text-policy.ts) to the arguments of every field of a subgraph schema,
 * from variables and inline literals alike, before any resolver or middleware sees them. Fields
 * without an argument that can hold text are left untouched, so they cost nothing. `_entities` is
 * skipped: its representations are the platform's own keys, sent by the gateway.
 */
export function applyTextPolicy(schema: GraphQLSchema): GraphQLSchema {
  const queryType = schema.getQueryType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (type === queryType && field.name === '_entities') continue;
      const textArgs = field.args.filter((a) => mayHoldText(a.type, new Set())).map((a) => a.name);
      if (!textArgs.length) continue;
      field.resolve = withTextPolicy(field.resolve ?? defaultFieldResolver, textArgs);
      if (field.subscribe) field.subscribe = withTextPolicy(field.subscribe, textArgs);
    }
  }
  return schema;
}
