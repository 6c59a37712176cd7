import fs from 'node:fs';

import { SUBSCRIPTION_SDL, SUPERGRAPH_PATH } from '@tsp/gateway';
import { type DirectiveNode, type DocumentNode, isTypeDefinitionNode, parse, type StringValueNode } from 'graphql';

/**
 * Clients read the schema's docs in the sandbox (GraphiQL), and they read Chinese: every public type,
 * field, argument, input field and enum value has a description with its Chinese term
 * (`"中文 English"`). Federation plumbing (join__*, link__*, _*) and @inaccessible elements, which
 * clients never see, are left out.
 */
const HAN = /\p{Script=Han}/u;
const isPlumbing = (name: string) =>
  name.startsWith('join__') || name.startsWith('link__') || name === 'link' || name.startsWith('_');
const hidden = (node: { directives?: readonly DirectiveNode[] }) =>
  (node.directives ?? []).some((d) => d.name.value === 'inaccessible');

interface Audit {
  /** Elements checked, so a filter that skips everything cannot pass unnoticed. */
  checked: number;
  /** `Type`, `Type.field`, `Type.field(arg)` or `Enum.VALUE`, with what is wrong. */
  problems: string[];
}

function audit(doc: DocumentNode): Audit {
  const out: Audit = { checked: 0, problems: [] };
  const check = (path: string, node: { description?: StringValueNode }) => {
    out.checked++;
    const d = node.description?.value;
    if (!d) out.problems.push(`${path}: no description`);
    else if (!HAN.test(d)) out.problems.push(`${path}: no Chinese in "${d}"`);
  };
  for (const def of doc.definitions) {
    // Directive definitions, the schema definition and extensions are not what the sandbox documents.
    if (!isTypeDefinitionNode(def) || isPlumbing(def.name.value) || hidden(def)) continue;
    const type = def.name.value;
    check(type, def);
    if ('fields' in def)
      for (const f of def.fields ?? []) {
        if (hidden(f) || isPlumbing(f.name.value)) continue;
        check(`${type}.${f.name.value}`, f);
        if ('arguments' in f)
          for (const a of f.arguments ?? []) if (!hidden(a)) check(`${type}.${f.name.value}(${a.name.value})`, a);
      }
    if ('values' in def) for (const v of def.values ?? []) if (!hidden(v)) check(`${type}.${v.name.value}`, v);
  }
  return out;
}

test('the audit reports missing and English-only descriptions, and skips what clients cannot see', () => {
  const { checked, problems } = audit(
    parse(`
      """查询 Reads""" type Query {
        """案件 Case""" case(id: ID!, """筛选 Filter""" filter: String, """Cursor""" after: String): Case
        internalFeed(after: Int): Int @inaccessible
        _service: Int
      }
      type Case { """标识 Id""" id: ID! }
      """类型 Kind""" enum Kind { """甲 A""" A B HIDDEN @inaccessible }
      """输入 Input""" input CaseInput { """名称 Name""" name: String note: String }
      enum join__Graph { PERSONNEL }
      type Secret @inaccessible { id: ID! }
    `),
  );
  expect(problems).toEqual([
    'Query.case(id): no description',
    'Query.case(after): no Chinese in "Cursor"',
    'Case: no description',
    'Kind.B: no description',
    'CaseInput.note: no description',
  ]);
  expect(checked).toBe(13);
});

test('every public type, field, argument, input field and enum value of the supergraph is described in Chinese', () => {
  const { checked, problems } = audit(parse(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')));
  expect(problems).toEqual([]);
  // The audit did look at the real schema, not at a filtered-out remainder.
  expect(checked).toBeGreaterThan(1000);
});

test("the gateway's own Subscription type is described in Chinese too", () => {
  const { checked, problems } = audit(parse(SUBSCRIPTION_SDL));
  expect(problems).toEqual([]);
  expect(checked).toBeGreaterThanOrEqual(4);
});
