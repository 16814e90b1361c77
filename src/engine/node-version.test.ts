import { describe, expect, test } from 'vitest';
import { misuseBy } from '../../test/support/errors.js';
import { checkNodeVersion } from './node-version.js';

describe('checkNodeVersion', () => {
  test('takes the floor and anything newer', () => {
    for (const version of ['22.20.0', '22.21.1', '23.0.0', '24.1.0', '26.10.0']) expect(() => checkNodeVersion(version)).not.toThrow();
  });

  test('refuses an older Node with a coded error that says what to do', () => {
    const error = misuseBy(() => checkNodeVersion('20.20.2'));
    expect(error.code).toBe('ERR_OPENAI_MOCK_UNSUPPORTED_NODE');
    expect(error.message).toBe(
      '[openai-mock] openai-mock needs Node 22.20.0 or newer to intercept requests, and this is Node 20.20.2. Run the tests on a newer Node (nvm install 22, or the `node` package as a devDependency).',
    );
    expect(misuseBy(() => checkNodeVersion('22.19.9')).code).toBe('ERR_OPENAI_MOCK_UNSUPPORTED_NODE');
  });
});
