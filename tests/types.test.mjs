// The hand-written .d.ts files of the package: they compile under `tsc --strict`, describe
// real usage (tests/types/usage.ts), and never say `any`.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

test('tsc --strict accepts the usage file against pkg/*.d.ts', () => {
  const tsc = path.join(root, 'node_modules/.bin/tsc');
  const r = spawnSync(tsc, ['-p', path.join(root, 'tests/types/tsconfig.json')], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
});

test('no `any` in the public types', () => {
  const dir = path.join(root, 'pkg');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.d.ts'));
  assert.ok(files.length >= 4, files.join(','));
  for (const f of files) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    assert.doesNotMatch(src, /\bany\b/, f);
  }
});
