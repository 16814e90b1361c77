import { describe, expect, it } from 'vitest';
import { isCredentialName, queryObject, redactHeaders, redactURL } from './request-log.js';

describe('isCredentialName', () => {
  it('catches every spelling of a name a key rides in: case, - or _, brackets', () => {
    const names = [
      'authorization', 'Proxy-Authorization', 'api-key', 'API_KEY', 'apikey', 'Api-Key', 'x-api-key', 'openai-api-key',
      'X-OpenAI-Api-Key', 'x-portkey-api-key', 'Ocp-Apim-Subscription-Key', 'subscription-key', 'key', 'KEY', 'api_key[]',
      'api_key[0]', 'auth[api_key]', 'access_token', 'ACCESS-TOKEN', 'token', 'refresh_token', 'Helicone-Auth',
      'client_secret', 'password', 'Cookie', 'sig', 'X-Amz-Signature', 'X-Amz-Security-Token',
    ];
    expect(names.filter((name) => !isCredentialName(name))).toEqual([]);
  });

  it('leaves what the SDK and the API send as it is', () => {
    const names = [
      'idempotency-key', 'content-type', 'accept', 'user-agent', 'openai-organization', 'openai-project', 'openai-beta',
      'x-stainless-retry-count', 'x-stainless-timeout', 'x-stainless-package-version', 'x-request-id', 'limit', 'after',
      'before', 'order', 'purpose', 'include[]', 'metadata[key]', 'metadata[api_key]', 'max_tokens', 'keys', 'monkey',
    ];
    expect(names.filter((name) => isCredentialName(name))).toEqual([]);
  });
});

describe('redactURL', () => {
  it('redacts credentials in the query by the same rule, and drops a user name and password', () => {
    expect(redactURL('https://api.openai.com/v1/models?limit=2&api_key%5B%5D=sk-a&Access_Token=sk-b&after=x%20y')).toBe(
      'https://api.openai.com/v1/models?limit=2&api_key%5B%5D=[REDACTED]&Access_Token=[REDACTED]&after=x%20y',
    );
    expect(redactURL('https://user:sk-c@gateway.test/v1/files')).toBe('https://gateway.test/v1/files');
  });

  it('leaves a URL without credentials as it is, and cuts the query off text that is not a URL', () => {
    expect(redactURL('https://api.openai.com/v1/files?limit=2')).toBe('https://api.openai.com/v1/files?limit=2');
    expect(redactURL('/v1/files?key=sk-d')).toBe('/v1/files');
  });
});

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

  it('redacts proxies’ and gateways’ credentials and cookies, by the rule the query follows', () => {
    expect(
      redactHeaders({
        'proxy-authorization': 'Basic dXNlcjpwYXNz',
        'x-openai-api-key': 'sk-a',
        cookie: 'session=sk-b; theme=dark',
        'helicone-auth': 'Bearer sk-c',
        'idempotency-key': 'stainless-node-retry-1',
      }),
    ).toEqual({
      'proxy-authorization': '[REDACTED]',
      'x-openai-api-key': '[REDACTED]',
      cookie: '[REDACTED]',
      'helicone-auth': 'Bearer [REDACTED]',
      'idempotency-key': 'stainless-node-retry-1',
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

  it('redacts every spelling of a key parameter, bracketed forms included', () => {
    expect(queryObject(new URLSearchParams('apikey=a&access_token=b&api_key[]=c&api_key[]=d&Api-Key=e&limit=2'))).toEqual({
      apikey: '[REDACTED]',
      access_token: '[REDACTED]',
      'api_key[]': ['[REDACTED]', '[REDACTED]'],
      'Api-Key': '[REDACTED]',
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
