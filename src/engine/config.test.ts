import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BASE_URL, matchBaseURL, mergeOptions } from './config.js';
import type { OpenAIMockOptions } from '../openai-mock.js';
import { resolveConfig } from '../resources/index.js';
import { OpenAIMockError } from './errors.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

function optionError(options: unknown): OpenAIMockError {
  try {
    resolveConfig(options as OpenAIMockOptions);
  } catch (error) {
    if (error instanceof OpenAIMockError) return error;
    throw error;
  }
  throw new Error('expected an OpenAIMockError, nothing was thrown');
}

function get(url: string) {
  return { method: 'GET', url, headers: {}, body: new Uint8Array() };
}

describe('resolveConfig defaults', () => {
  it('serves api.openai.com/v1 with the documented timings', () => {
    vi.stubEnv('OPENAI_BASE_URL', '');
    const config = resolveConfig();
    expect(DEFAULT_BASE_URL).toBe('https://api.openai.com/v1');
    expect(config.baseURLs.map((u) => u.href)).toEqual(['https://api.openai.com/v1']);
    expect(config.onUnhandledRequest).toBe('error');
    expect(config.organization).toEqual({ id: 'org-mock', slug: 'openai-mock' });
    expect(config.files).toEqual({ processingMs: 2000 });
    expect(config.fineTuning).toEqual({
      timings: { validating_files: 2000, queued: 2000, running: 6000 },
      minExamples: 1,
    });
  });

  it('takes partial options and keeps the other defaults', () => {
    vi.stubEnv('OPENAI_BASE_URL', '');
    const config = resolveConfig({
      onUnhandledRequest: 'warn',
      organization: { slug: 'acme' },
      files: { processingMs: 0 },
      fineTuning: { timings: { running: Infinity }, minExamples: 10 },
    });
    expect(config.onUnhandledRequest).toBe('warn');
    expect(config.organization).toEqual({ id: 'org-mock', slug: 'acme' });
    expect(config.files.processingMs).toBe(0);
    expect(config.fineTuning).toEqual({
      timings: { validating_files: 2000, queued: 2000, running: Infinity },
      minExamples: 10,
    });
  });

  it('accepts a function strategy as is', () => {
    const strategy = () => 'bypass' as const;
    expect(resolveConfig({ onUnhandledRequest: strategy }).onUnhandledRequest).toBe(strategy);
  });
});

describe('base URLs', () => {
  it('honours OPENAI_BASE_URL, read when the mock is created', () => {
    vi.stubEnv('OPENAI_BASE_URL', 'http://localhost:4010/proxy/v1/');
    expect(resolveConfig().baseURLs.map((u) => u.href)).toEqual([
      'https://api.openai.com/v1',
      'http://localhost:4010/proxy/v1',
    ]);
  });

  it('ignores a blank OPENAI_BASE_URL', () => {
    vi.stubEnv('OPENAI_BASE_URL', '   ');
    expect(resolveConfig().baseURLs).toHaveLength(1);
  });

  it('adds baseURLs, normalised (trailing slash, query and hash dropped) and deduplicated', () => {
    vi.stubEnv('OPENAI_BASE_URL', 'https://gateway.example/v1');
    const config = resolveConfig({
      baseURLs: ['https://gateway.example/v1/', 'https://api.openai.com/v1', 'http://localhost:4010/openai/v1?x=1#h'],
    });
    expect(config.baseURLs.map((u) => u.href)).toEqual([
      'https://api.openai.com/v1',
      'https://gateway.example/v1',
      'http://localhost:4010/openai/v1',
    ]);
  });

  it('matchBaseURL finds the base a request was sent to, on a path-segment boundary', () => {
    vi.stubEnv('OPENAI_BASE_URL', '');
    const config = resolveConfig({ baseURLs: ['http://localhost:4010/openai/v1'] });
    expect(matchBaseURL(config, get('https://api.openai.com/v1/files?limit=2'))?.base.href).toBe(
      'https://api.openai.com/v1',
    );
    expect(matchBaseURL(config, get('https://api.openai.com/v1'))?.base.href).toBe('https://api.openai.com/v1');
    expect(matchBaseURL(config, get('http://localhost:4010/openai/v1/files'))?.base.href).toBe(
      'http://localhost:4010/openai/v1',
    );
    expect(matchBaseURL(config, get('https://api.openai.com/v1files'))).toBeNull();
    expect(matchBaseURL(config, get('https://api.openai.com/v2/files'))).toBeNull();
    expect(matchBaseURL(config, get('http://localhost:4011/openai/v1/files'))).toBeNull();
    expect(matchBaseURL(config, get('https://example.test/v1/files'))).toBeNull();
  });

  it('a base URL without a path serves every path of its origin', () => {
    vi.stubEnv('OPENAI_BASE_URL', '');
    const config = resolveConfig({ baseURLs: ['http://localhost:4010/'] });
    expect(config.baseURLs.map((u) => u.href)).toContain('http://localhost:4010/');
    const match = matchBaseURL(config, get('http://localhost:4010/files/file-1'));
    expect(match?.base.href).toBe('http://localhost:4010/');
    expect(match?.relative).toBe('/files/file-1');
    expect(matchBaseURL(config, get('https://api.openai.com/v1/files'))?.relative).toBe('/files');
    expect(matchBaseURL(config, get('https://api.openai.com/v1'))?.relative).toBe('/');
  });

  it('the longest matching base URL wins, whatever the order they are given in', () => {
    vi.stubEnv('OPENAI_BASE_URL', '');
    for (const baseURLs of [
      ['http://localhost:4010', 'http://localhost:4010/openai/v1'],
      ['http://localhost:4010/openai/v1', 'http://localhost:4010'],
    ]) {
      const config = resolveConfig({ baseURLs });
      const match = matchBaseURL(config, get('http://localhost:4010/openai/v1/files'));
      expect(match?.base.href).toBe('http://localhost:4010/openai/v1');
      expect(match?.relative).toBe('/files');
      expect(matchBaseURL(config, get('http://localhost:4010/other'))?.relative).toBe('/other');
    }
  });
});

describe('invalid options throw ERR_OPENAI_MOCK_INVALID_OPTION naming the option', () => {
  it.each([
    [{ baseURLs: ['not a url'] }, 'baseURLs', '"not a url"'],
    [{ baseURLs: ['ftp://files.example/v1'] }, 'baseURLs', '"ftp://files.example/v1"'],
    [{ onUnhandledRequest: 'ignore' }, 'onUnhandledRequest', '"ignore"'],
    [{ files: { processingMs: -1 } }, 'files.processingMs', '-1'],
    [{ files: { processingMs: Number.NaN } }, 'files.processingMs', 'NaN'],
    [{ files: { processingMs: '2000' } }, 'files.processingMs', '"2000"'],
    [{ fineTuning: { timings: { queued: -5 } } }, 'fineTuning.timings.queued', '-5'],
    [{ fineTuning: { timings: { validating_files: -Infinity } } }, 'fineTuning.timings.validating_files', '-Infinity'],
    [{ fineTuning: { minExamples: 0 } }, 'fineTuning.minExamples', '0'],
    [{ fineTuning: { minExamples: 2.5 } }, 'fineTuning.minExamples', '2.5'],
  ])('%j', (options, name, shown) => {
    const error = optionError(options);
    expect(error).toBeInstanceOf(OpenAIMockError);
    expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_OPTION');
    expect(error.message).toContain(`Option '${name}' is ${shown};`);
    expect(error.message).toContain('it must be');
  });

  it('a bad OPENAI_BASE_URL is reported too', () => {
    vi.stubEnv('OPENAI_BASE_URL', 'localhost:4010/v1');
    const error = optionError({});
    expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_OPTION');
    expect(error.message).toContain('localhost:4010/v1');
  });
});

describe('the timing preset', () => {
  it("'instant' makes every default phase 0 ms, and explicit timings still win", () => {
    const config = resolveConfig({ timing: 'instant', batches: { timings: { finalizing: 500 } } });
    expect(config.timing).toBe('instant');
    expect(config.files.processingMs).toBe(0);
    expect(config.fineTuning.timings).toEqual({ validating_files: 0, queued: 0, running: 0 });
    expect(config.batches.timings).toEqual({ validating: 0, in_progress: 0, finalizing: 500, cancelling: 0 });
    expect(config.batches.completionWindowMs).toBe(24 * 3600 * 1000);
  });

  it('an unknown preset is refused with the values it may take', () => {
    const error = optionError({ timing: 'fast' });
    expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_OPTION');
    expect(error.message).toBe(`[openai-mock] Option 'timing' is "fast"; it must be 'default' or 'instant'.`);
  });
});

describe('mergeOptions', () => {
  it('merges plain objects at every depth; arrays, functions and numbers replace', () => {
    const strategy = () => 'bypass' as const;
    const merged = mergeOptions<Record<string, unknown>>(
      { a: { timings: { x: 1, y: 2 }, keep: true }, list: [1, 2], n: 1 },
      { a: { timings: { y: 5 } }, list: [3], n: 2, onUnhandledRequest: strategy },
    );
    expect(merged).toEqual({ a: { timings: { x: 1, y: 5 }, keep: true }, list: [3], n: 2, onUnhandledRequest: strategy });
  });

  it('an object option left undefined keeps its value; a plain value set to undefined goes back to its default', () => {
    expect(mergeOptions<Record<string, unknown>>({ files: { processingMs: 0 }, inspectDir: 'x' }, { files: undefined, inspectDir: undefined })).toEqual({
      files: { processingMs: 0 },
      inspectDir: undefined,
    });
  });
});
