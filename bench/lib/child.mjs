// Runs one measurement in a fresh Node process (the one running this script) and returns the JSON
// object it prints on its last line of output.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {string} script path relative to bench/
 * @param {string[]} args
 * @param {{ env?: Record<string, string>, nodeArgs?: string[] }} [options]
 * @returns {Promise<Record<string, unknown>>}
 */
export function runChild(script, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...args], {
      cwd: benchDir,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`${script} ${args.join(' ')} exited with ${code}\n${err.slice(-3000)}${out.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(last));
    });
  });
}
