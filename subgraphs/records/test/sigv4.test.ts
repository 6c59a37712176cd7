import { createHash } from 'node:crypto';
import { EMPTY_SHA256, signRequest, signingKey, uriEncode, type SigV4Credentials } from '../src/blobs/sigv4';

/**
 * AWS's published worked examples: S3 API reference, "Signature Calculations for the Authorization
 * Header: Transferring Payload in a Single Chunk", and the signing-key example of the IAM user guide.
 * The expected strings below are AWS's, not ours.
 */
const creds: SigV4Credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
};
const at = new Date('2013-05-24T00:00:00Z');
const host = 'https://examplebucket.s3.amazonaws.com';
const scope = 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request';

test('the empty-payload hash is the SHA-256 of nothing', () => {
  expect(createHash('sha256').update('').digest('hex')).toBe(EMPTY_SHA256);
});

test('GET Object with a Range header: canonical request, string to sign, signature, Authorization', () => {
  const s = signRequest({ method: 'GET', url: new URL(`${host}/test.txt`), headers: { Range: 'bytes=0-9' }, payloadHash: EMPTY_SHA256 }, creds, at);
  expect(s.canonicalRequest).toBe(
    [
      'GET',
      '/test.txt',
      '',
      'host:examplebucket.s3.amazonaws.com',
      'range:bytes=0-9',
      `x-amz-content-sha256:${EMPTY_SHA256}`,
      'x-amz-date:20130524T000000Z',
      '',
      'host;range;x-amz-content-sha256;x-amz-date',
      EMPTY_SHA256,
    ].join('\n'),
  );
  expect(s.stringToSign).toBe(
    'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
  );
  expect(s.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  expect(s.headers.authorization).toBe(
    `AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41`,
  );
  expect(s.headers).toMatchObject({ host: 'examplebucket.s3.amazonaws.com', 'x-amz-date': '20130524T000000Z', 'x-amz-content-sha256': EMPTY_SHA256 });
});

test('PUT Object: the payload hash is signed, and $ in the key is encoded once', () => {
  const payloadHash = createHash('sha256').update('Welcome to Amazon S3.').digest('hex');
  expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
  const s = signRequest(
    {
      method: 'PUT',
      url: new URL(`${host}/test$file.text`),
      headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      payloadHash,
    },
    creds,
    at,
  );
  expect(s.canonicalRequest.split('\n').slice(0, 2)).toEqual(['PUT', '/test%24file.text']);
  expect(s.stringToSign.split('\n')[3]).toBe('9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d');
  expect(s.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  expect(s.headers.authorization).toContain('SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,');
});

test('GET Bucket Lifecycle: a query parameter without a value signs as "lifecycle="', () => {
  const s = signRequest({ method: 'GET', url: new URL(`${host}/?lifecycle`), payloadHash: EMPTY_SHA256 }, creds, at);
  expect(s.canonicalRequest.split('\n').slice(0, 3)).toEqual(['GET', '/', 'lifecycle=']);
  expect(s.stringToSign.split('\n')[3]).toBe('9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca');
  expect(s.signature).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
});

test('GET Bucket (List Objects): query parameters sorted by name', () => {
  const s = signRequest({ method: 'GET', url: new URL(`${host}/?prefix=J&max-keys=2`), payloadHash: EMPTY_SHA256 }, creds, at);
  expect(s.canonicalRequest.split('\n')[2]).toBe('max-keys=2&prefix=J');
  expect(s.stringToSign.split('\n')[3]).toBe('df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7');
  expect(s.signature).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
});

test('the signing key of the IAM user guide example', () => {
  expect(signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20150830', 'us-east-1', 'iam').toString('hex')).toBe(
    'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9',
  );
});

test('path-style URLs with a port sign the host as sent, and a different secret changes the signature', () => {
  const url = new URL('http://127.0.0.1:9000/evidence/ab12');
  const a = signRequest({ method: 'HEAD', url, payloadHash: EMPTY_SHA256 }, creds, at);
  expect(a.headers.host).toBe('127.0.0.1:9000');
  expect(a.canonicalRequest.split('\n')[1]).toBe('/evidence/ab12');
  const b = signRequest({ method: 'HEAD', url, payloadHash: EMPTY_SHA256 }, { ...creds, secretAccessKey: 'other' }, at);
  expect(b.signature).not.toBe(a.signature);
});

test('RFC 3986 encoding covers what encodeURIComponent leaves alone', () => {
  expect(uriEncode("a b!'()*~._-/")).toBe('a%20b%21%27%28%29%2A~._-%2F');
});
