import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { AgencyFactsSchema, InternalClient, personnelClient } from '@tsp/shared';
import { z } from 'zod';

import { ask } from '../src/clients/answer';

// A producer's answer is parsed with its contract at the boundary: a drifted answer is the producer's fault
// (DEPENDENCY_UNAVAILABLE, reason BAD_ANSWER), never a wrong value deep in the consumer.
let server: http.Server;
let url: string;
let answer: unknown;
let calls = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { agencyFacts: answer } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const askAgencies = () =>
  ask(
    new InternalClient('records', 'personnel', url),
    'personnel',
    'agencyFacts',
    '{ agencyFacts { id name region } }',
    {},
    z.array(AgencyFactsSchema),
  );

it('an answer that matches the contract comes back typed', async () => {
  answer = [{ id: 'a', name: '规划局', region: 'R1' }];
  await expect(askAgencies()).resolves.toEqual([{ id: 'a', name: '规划局', region: 'R1' }]);
});

it.each([
  ['a field missing', [{ id: 'a', name: '规划局' }]],
  ['a field of the wrong type', [{ id: 'a', name: '规划局', region: 7 }]],
  ['not a list', { id: 'a' }],
  ['nothing', null],
])('%s is DEPENDENCY_UNAVAILABLE naming the producer, reason BAD_ANSWER', async (_what, drifted) => {
  answer = drifted;
  await expect(askAgencies()).rejects.toMatchObject({
    extensions: { code: 'DEPENDENCY_UNAVAILABLE', service: 'personnel', reason: 'BAD_ANSWER' },
  });
});

it('asking about no ids sends nothing', async () => {
  const before = calls;
  await expect(personnelClient('records').agencyFacts([])).resolves.toEqual([]);
  await expect(personnelClient('review').officerFacts([])).resolves.toEqual([]);
  expect(calls).toBe(before);
});
