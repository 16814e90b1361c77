import { describe, expect, it } from 'vitest';
import { queryObject, redactHeaders } from './request-log.js';

describe('redactHeaders', () => {
  it('redacts a bearer Authorization header, keeping the scheme', () => {
    expect(redactHeaders({ authorization: 'Bearer sk-live-very-secret' })).toEqual({
      authorization: 'Bearer [REDACTED]',
    });
    expect(redactHeaders({ authorization: 'bearer sk-x' }).authorization).toBe('Bearer [REDACTED]');
  });

  it('redacts other credentials entirely', () => {
    expect(
      redactHeaders({
        authorization: 'Basic dXNlcjpwYXNz',
        'api-key': 'azure-secret',
        'openai-api-key': 'sk-secret',
        'x-api-key': 'proxy-secret',
      }),
    ).toEqual({
      authorization: '[REDACTED]',
      'api-key': '[REDACTED]',
      'openai-api-key': '[REDACTED]',
      'x-api-key': '[REDACTED]',
    });
  });

  it('keeps every other header as is and never leaks the secret', () => {
    const headers = {
      authorization: 'Bearer sk-abc',
      'content-type': 'application/json',
      'openai-organization': 'org-1',
      'x-stainless-retry-count': '0',
    };
    const out = redactHeaders(headers);
    expect(out).toEqual({ ...headers, authorization: 'Bearer [REDACTED]' });
    expect(JSON.stringify(out)).not.toContain('sk-abc');
  });

  it('keeps a header named like a property of Object.prototype as an ordinary entry', () => {
    const headers = Object.fromEntries([
      ['__proto__', 'a'],
      ['constructor', 'b'],
    ]) as Record<string, string>;
    const out = redactHeaders(headers);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.entries(out)).toEqual([
      ['__proto__', 'a'],
      ['constructor', 'b'],
    ]);
  });

  it('does not modify the headers it is given', () => {
    const headers = { authorization: 'Bearer sk-abc' };
    redactHeaders(headers);
    expect(headers.authorization).toBe('Bearer sk-abc');
  });
});

describe('queryObject', () => {
  it('turns query parameters into an object, repeated keys into arrays', () => {
    expect(queryObject(new URLSearchParams('limit=2&after=file-1&purpose=a&purpose=b&purpose=c'))).toEqual({
      limit: '2',
      after: 'file-1',
      purpose: ['a', 'b', 'c'],
    });
  });

  it('decodes bracketed keys as sent by the SDK', () => {
    expect(queryObject(new URLSearchParams('metadata%5Bteam%5D=ml'))).toEqual({ 'metadata[team]': 'ml' });
  });

  it('an empty query is an empty object', () => {
    expect(queryObject(new URLSearchParams(''))).toEqual({});
  });

  it('redacts keys passed in the query (Azure-style and gateway parameters), whatever their case', () => {
    expect(queryObject(new URLSearchParams('api-key=sk-a&API_KEY=sk-b&key=sk-c&key=sk-d&limit=2'))).toEqual({
      'api-key': '[REDACTED]',
      API_KEY: '[REDACTED]',
      key: ['[REDACTED]', '[REDACTED]'],
      limit: '2',
    });
  });

  it('a parameter named like a property of Object.prototype is just data', () => {
    const constructor = queryObject(new URLSearchParams('constructor=a'));
    expect(constructor).toStrictEqual({ constructor: 'a' });
    const proto = queryObject(new URLSearchParams('__proto__=c&__proto__=d&hasOwnProperty=e&toString=f'));
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.entries(proto)).toEqual([
      ['__proto__', ['c', 'd']],
      ['hasOwnProperty', 'e'],
      ['toString', 'f'],
    ]);
    expect(JSON.parse(JSON.stringify(proto))).toStrictEqual(JSON.parse('{"__proto__":["c","d"],"hasOwnProperty":"e","toString":"f"}'));
  });
});
