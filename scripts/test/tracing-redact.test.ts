import { messageShape, statementShape } from '../src/tracing/redact';

test('a statement keeps its shape and loses every inlined value', () => {
  const sql = `insert into "records"."enforcement_case" ("id", "party_name", "party_id_number", "amount", "t1") values ('6b1d…', '王某''s 店', E'a\\'b', 120000.50, 7) limit 100`;
  expect(statementShape(sql)).toBe(`insert into "records"."enforcement_case" ("id", "party_name", "party_id_number", "amount", "t1") values (?, ?, ?, ?, ?) limit ?`);
  expect(statementShape('select e0.* from records.x as e0 where e0.id = $1')).toBe('select e0.* from records.x as e0 where e0.id = $1');
  expect(statementShape(`select 1 from t where phone = '13812345678'`)).not.toContain('1381234');
});

test('a driver message loses its quoted value and long digit runs', () => {
  expect(messageShape('invalid input syntax for type uuid: "13052819900101123X"')).toBe('invalid input syntax for type uuid: "?"');
  expect(messageShape('value 13812345678 out of range')).toBe('value ? out of range');
});
