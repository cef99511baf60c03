// Small process helpers shared by the scripts.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs a command, streaming its output; throws with the command line when it fails. */
export function run(cmd, args, opts = {}) {
  const shown = [cmd, ...args].join(' ');
  if (!opts.quiet) console.log(`$ ${shown}`);
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd || root,
    stdio: opts.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...(opts.env || {}) },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw new Error(`${shown}: ${r.error.message}`);
  if (r.status !== 0 && !opts.allowFail) {
    const tail = opts.capture ? `\n${r.stdout}\n${r.stderr}` : '';
    throw new Error(`${shown} exited with ${r.status}${tail}`);
  }
  return r;
}

/** The first line a command prints, or null when it is missing or fails. */
export function probe(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return (r.stdout || r.stderr).trim().split('\n')[0];
}

/** Runs `fn` and prints how long it took. */
export function step(name, fn) {
  const t0 = Date.now();
  const out = fn();
  console.log(`[${name}] ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}
