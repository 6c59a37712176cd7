import { buildSchema, graphql, GraphQLError } from 'graphql';

import { AppError } from '../src/errors';
import { acceptTextValue, applyTextPolicy } from '../src/server/text-args';
import { acceptText, textProblem } from '../src/text-policy';

/** The one text policy, as a pure rule and as the schema layer applies it. */
describe('textProblem: what text is acceptable', () => {
  test.each([
    ['plain Chinese', '宁晋县凤凰镇某村'],
    ['tab, LF and CR', 'a\tb\nc\r\nd'],
    ['decomposed é (normalised later, not refused)', 'e\u0301'],
    ['combining marks', 'a\u0300\u0316\u035c'],
    ['emoji, a surrogate pair', '👩‍⚖️ 😀'],
    ['RTL and LTR marks', '\u200fعربي\u200e'],
    ['zero-width space and joiner', 'a\u200bb\u200dc'],
    ['CJK compatibility ideograph', '\uf900'],
    ['DEL and C1 (outside C0, not refused)', '\u007f\u0085'],
    ['empty', ''],
  ])('%s is accepted', (_why, text) => {
    expect(textProblem(text)).toBeNull();
  });

  test.each([
    ['NUL', 'a\u0000b', /NUL at position 1/],
    ['BEL', '\u0007', /U\+0007 at position 0/],
    ['escape', 'x\u001b[31m', /U\+001B/],
    ['vertical tab', '\u000b', /U\+000B/],
    ['form feed', '\u000c', /U\+000C/],
    ['unit separator', '\u001f', /U\+001F/],
    ['a lone high surrogate', '\ud800', /lone UTF-16 surrogate U\+D800 at position 0/],
    ['a lone high surrogate at the end', 'ab\ud83d', /U\+D83D at position 2/],
    ['a lone low surrogate', 'a\udc00b', /U\+DC00 at position 1/],
    ['a reversed pair', '\ude00\ud83d', /U\+DE00 at position 0/],
  ])('%s is refused, saying what and where', (_why, text, message) => {
    expect(textProblem(text)).toMatch(message);
  });

  test('accepted text is NFC: one way of writing the same characters', () => {
    const refuse = (why: string) => new Error(why);
    expect(acceptText('e\u0301', refuse)).toBe('\u00e9');
    expect(acceptText('\uf900', refuse)).toBe('\u8c48');
    expect(acceptText('已经NFC的文本', refuse)).toBe('已经NFC的文本');
    expect(() => acceptText('\u0000', refuse)).toThrow(/NUL/);
  });
});

describe('acceptTextValue: strings anywhere in an argument', () => {
  test('nested objects and lists are walked, and the refusal names the path', () => {
    const input = { party: { name: 'ok', address: 'x\u0000' }, handlerIds: ['a'] };
    let err: unknown;
    try {
      acceptTextValue(input, 'input');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('BAD_USER_INPUT');
    expect((err as AppError).extensions.field).toBe('input.party.address');
    expect((err as AppError).message).toMatch(/^input\.party\.address: contains NUL/);
    expect(() => acceptTextValue({ list: ['ok', 'ok', '\ud800'] }, 'input')).toThrow(/input\.list\[2\]/);
  });

  test('normalises nested strings, copying only what changes; Dates and numbers pass as they are', () => {
    const at = new Date();
    const input = { summary: 'cafe\u0301', occurredAt: at, size: 3, tags: ['x', 'e\u0301'], same: { a: 'b' } };
    const out = acceptTextValue(input, 'input') as typeof input;
    expect(out).not.toBe(input);
    expect(out).toEqual({ summary: 'caf\u00e9', occurredAt: at, size: 3, tags: ['x', '\u00e9'], same: { a: 'b' } });
    expect(out.same).toBe(input.same);
    expect(out.occurredAt).toBe(at);
    expect(input.summary).toBe('cafe\u0301'); // the caller's object is not changed
    const clean = { a: 'b', list: ['c'] };
    expect(acceptTextValue(clean, 'input')).toBe(clean);
  });
});

describe('applyTextPolicy on a schema', () => {
  const schema = applyTextPolicy(
    buildSchema(`
    input Party { name: String! tags: [String!] }
    type Query {
      echo(text: String!, party: Party): String!
      count(n: Int!, flag: Boolean): Int!
    }`),
  );
  const rootValue = {
    echo: (a: { text: string; party?: { name: string; tags?: string[] } }) =>
      [a.text, a.party?.name, ...(a.party?.tags ?? [])].join('|'),
    count: (a: { n: number }) => a.n,
  };
  const run = (source: string, variableValues?: Record<string, unknown>) =>
    graphql({ schema, source, rootValue, variableValues });

  test('inline literals and variables are both checked and normalised', async () => {
    const inline = await run('{ echo(text: "e\\u0301", party: { name: "n", tags: ["ok", "\\u0000"] }) }');
    expect(inline.errors?.[0]).toBeInstanceOf(GraphQLError);
    expect(inline.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'party.tags[1]' });
    const vars = await run('query($p: Party) { echo(text: "t", party: $p) }', { p: { name: 'x\ud800' } });
    expect(vars.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'party.name' });
    const ok = await run('query($t: String!) { echo(text: $t, party: { name: "e\\u0301" }) }', { t: 'cafe\u0301' });
    expect(ok.data?.echo).toBe('caf\u00e9|\u00e9');
  });

  test('a field without text arguments keeps its own resolver (no wrapper, no cost)', () => {
    expect(schema.getQueryType()!.getFields().count.resolve).toBeUndefined();
    expect(schema.getQueryType()!.getFields().echo.resolve).toBeDefined();
  });
});
