import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const RULES = join(__dirname, '../src/rules');

/** Every module specifier a source text imports. */
function importsOf(text: string): string[] {
  return [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((m) => m[1] ?? m[2]);
}

describe('rules/ is pure legal logic', () => {
  const files = readdirSync(RULES).filter((f) => f.endsWith('.ts'));

  test('there are rules to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  test.each(files)('%s imports no GraphQL, ORM or I/O, only other rules and @tsp/shared', (file) => {
    for (const spec of importsOf(readFileSync(join(RULES, file), 'utf8'))) {
      expect(spec.startsWith('./') || spec === '@tsp/shared').toBe(true);
    }
  });

  test('the check sees GraphQL, ORM and side-effect imports', () => {
    const text =
      "import { registerEnumType } from 'type-graphql';\nimport type { X } from '@mikro-orm/core';\nimport 'node:fs';";
    expect(importsOf(text)).toEqual(['type-graphql', '@mikro-orm/core', 'node:fs']);
  });
});
