// Builds pkg/ (@homecare/core) from crates/wasm:
//   cargo (wasm32, MVP CPU, std's target_features stripped; see .cargo/config.toml)
//   → wasm-bindgen twice (web ESM glue, nodejs CJS glue) over one binary
//   → binaryen: lower sign-ext / bulk-memory / saturating conversions, then -Oz --mvp-features
//   → strict-MVP validation (fails the build) → brotli → entries: node, web, weapp
//   → pkg/size.json with the size budget check → miniprogram/homecare/.
//
// HOMECARE_NAMES=1 with HOMECARE_PKG_DIR=<dir> builds a profiling variant that keeps the wasm's
// function names (so `node --cpu-prof` shows `parse_id_compact`, not `wasm-function[819]`):
// the same code, compiler flags, lowering and -Oz, plus the name section; in its own cargo
// target dir (target/names), and over the size budget by the names' bytes, so never pkg/.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { root, run, step } from './lib/run.mjs';
import { mvpError } from './lib/mvp.mjs';
import { makeWeapp } from './lib/weapp.mjs';
import { patchGlue } from './lib/glue.mjs';
import { budgetFor } from './lib/budget.mjs';
import { withoutCustomSections } from './lib/wasm-sections.mjs';

const require = createRequire(import.meta.url);
const profile = process.env.HOMECARE_PROFILE === 'dev' ? 'dev' : 'release';
// A variant build (HOMECARE_PKG_DIR, e.g. the 国密 build the tests check) writes its own package
// and leaves pkg/ and miniprogram/homecare/ alone.
const variant = process.env.HOMECARE_PKG_DIR ? path.resolve(process.env.HOMECARE_PKG_DIR) : null;
const keepNames = process.env.HOMECARE_NAMES === '1';
if (keepNames && !variant) throw new Error('HOMECARE_NAMES=1 needs HOMECARE_PKG_DIR: a build with names must not replace pkg/');
const targetDir = keepNames ? path.join(root, 'target/names') : process.env.CARGO_TARGET_DIR || path.join(root, 'target');
const cargoOut = path.join(targetDir, 'wasm32-unknown-unknown', profile === 'dev' ? 'debug' : 'release');
const pkg = variant || path.join(root, 'pkg');
const tmp = variant ? `${variant}-build` : path.join(root, 'target/homecare-build');
const js = path.join(root, 'crates/wasm/js');
const apiDir = path.join(js, 'api');
const bin = (name) => path.join(root, 'node_modules/.bin', name);

const read = (p) => fs.readFileSync(p, 'utf8');

step('cargo build', () => run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '-p', 'homecare-wasm',
  ...(profile === 'release' ? ['--release'] : []),
  ...(process.env.HOMECARE_FEATURES ? ['--features', process.env.HOMECARE_FEATURES] : [])],
  // With names: .cargo/config.toml's flags without `-C strip=symbols` (RUSTFLAGS replaces
  // them); the std's target_features section that the strip removed is dropped below instead.
  keepNames ? { env: { CARGO_TARGET_DIR: targetDir, RUSTFLAGS: '-C target-cpu=mvp' } } : {}));

// A second build with nothing changed reuses pkg/ (binaryen alone takes seconds): the stamp
// hashes the cargo output and every input of the JS assembly.
const stampFile = variant ? `${variant}.stamp` : path.join(root, 'target/homecare-build.stamp');
const stamp = (() => {
  const h = crypto.createHash('sha256');
  h.update(fs.readFileSync(path.join(cargoOut, 'homecare_wasm.wasm')));
  h.update(`features=${process.env.HOMECARE_FEATURES || ''} names=${keepNames}`);
  const inputs = [path.join(root, 'scripts/build.mjs'), path.join(root, 'Cargo.toml')];
  for (const dir of [path.join(root, 'scripts/lib'), js, apiDir, path.join(js, 'types')]) {
    for (const f of fs.readdirSync(dir).sort()) if (fs.statSync(path.join(dir, f)).isFile()) inputs.push(path.join(dir, f));
  }
  for (const f of inputs) h.update(f).update(fs.readFileSync(f));
  return h.digest('hex');
})();
const outputs = [path.join(pkg, 'package.json'), path.join(pkg, 'weapp.js'),
  ...(variant ? [] : ['miniprogram/homecare/homecare.js', 'miniprogram/homecare/homecare_bg.wasm.br'].map((f) => path.join(root, f)))];
if (!process.env.HOMECARE_FORCE_BUILD && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp &&
    outputs.every((f) => fs.existsSync(f))) {
  console.log('pkg/ is up to date (set HOMECARE_FORCE_BUILD=1 to rebuild)');
  process.exit(0);
}
fs.rmSync(stampFile, { force: true });

fs.rmSync(tmp, { recursive: true, force: true });
let cargoWasm = path.join(cargoOut, 'homecare_wasm.wasm');
if (keepNames) {
  // Without its target_features section (reference types …) wasm-bindgen emits the same
  // JS-heap ABI as for the shipped build.
  fs.mkdirSync(tmp, { recursive: true });
  const unstripped = cargoWasm;
  cargoWasm = path.join(tmp, 'named.wasm');
  fs.writeFileSync(cargoWasm, withoutCustomSections(fs.readFileSync(unstripped), ['target_features', 'producers']));
}
step('wasm-bindgen', () => {
  for (const target of ['web', 'nodejs']) {
    run('wasm-bindgen', ['--target', target, '--out-dir', path.join(tmp, target), '--out-name', 'homecare',
      ...(keepNames ? ['--keep-debug'] : []), cargoWasm]);
  }
});
const webWasm = fs.readFileSync(path.join(tmp, 'web/homecare_bg.wasm'));
if (!webWasm.equals(fs.readFileSync(path.join(tmp, 'nodejs/homecare_bg.wasm')))) {
  throw new Error('wasm-bindgen produced different binaries for web and nodejs; one binary must serve all entries');
}

// Loaded here, past the up-to-date check: binaryen's library takes a moment to start.
const { default: binaryen } = await import('binaryen');
const { fastMemoryHelpers } = await import('./lib/memcopy.mjs');
const lowered = path.join(tmp, 'lowered.wasm');
const final = path.join(tmp, 'homecare_bg.wasm');
step('wasm-opt (MVP lowering + -Oz)', () => {
  // Pass 1 reads the std's post-MVP opcodes and lowers them to MVP sequences (binaryen's
  // library, the same version as the CLI, so the copy/fill helpers the lowering creates can be
  // given word-wise bodies before their names are gone: scripts/lib/memcopy.mjs).
  console.log('$ binaryen: signext / memory-copy-fill / nontrapping-fptoint lowering, word-wise copy helpers');
  if (keepNames) binaryen.setDebugInfo(true);
  const m = binaryen.readBinary(webWasm);
  try {
    const F = binaryen.Features;
    m.setFeatures(F.MVP | F.SignExt | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.MutableGlobals);
    m.runPasses(['signext-lowering', 'llvm-memory-copy-fill-lowering', 'llvm-nontrapping-fptoint-lowering']);
    fastMemoryHelpers(m);
    if (!m.validate()) throw new Error('binaryen: the lowered module does not validate');
    fs.writeFileSync(lowered, m.emitBinary());
  } finally {
    m.dispose();
  }
  // Pass 2 optimises with only MVP allowed: plain -Oz would re-introduce sign-ext.
  run(bin('wasm-opt'), [lowered, '-o', final, '--mvp-features', '-Oz', keepNames ? '-g' : '--strip-debug',
    '--strip-producers', '--converge']);
});

const wasmBytes = fs.readFileSync(final);
const invalid = await mvpError(wasmBytes);
if (invalid) throw new Error(`the wasm is not strict MVP:\n${invalid}`);
console.log('strict MVP: valid with every post-MVP feature disabled');

// ---- assemble pkg/ ---------------------------------------------------------------------
fs.rmSync(pkg, { recursive: true, force: true });
fs.mkdirSync(pkg, { recursive: true });
fs.writeFileSync(path.join(pkg, 'homecare_bg.wasm'), wasmBytes);
const br = zlib.brotliCompressSync(wasmBytes, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: wasmBytes.length },
});
fs.writeFileSync(path.join(pkg, 'homecare_bg.wasm.br'), br);

const errorJs = read(path.join(js, 'error.js'));
// js/api/_base.js first, then one file per feature (each pushes an installer).
const apiJs = ['_base.js', ...fs.readdirSync(apiDir).filter((f) => f.endsWith('.js') && f !== '_base.js').sort()]
  .map((f) => `// ---- js/api/${f}\n${read(path.join(apiDir, f))}`).join('\n');
const banner = `// @homecare/core — generated by scripts/build.mjs; do not edit.\n`;

// Node: the nodejs glue loads homecare_bg.wasm synchronously from its own folder.
const nodeGlue = patchGlue(read(path.join(tmp, 'nodejs/homecare.js')).replace(/^\/\* @ts-self-types=.*\n/m, ''));
fs.writeFileSync(path.join(pkg, 'homecare_node.cjs'), banner + nodeGlue);
fs.writeFileSync(path.join(pkg, 'index.cjs'), `${banner}'use strict';
const raw = require('./homecare_node.cjs');
${errorJs}
${apiJs}
const api = createApi(raw, { ready: true });
// Node instantiates synchronously at require time; init exists so code can be shared.
api.init = function init() { return Promise.resolve(api); };
module.exports = api;
`);
const names = Object.keys(require(path.join(pkg, 'index.cjs'))).filter((n) => n !== 'init');

// Web: ESM; `await init()` fetches homecare_bg.wasm next to the module (or a given URL/bytes).
const webGlue = patchGlue(read(path.join(tmp, 'web/homecare.js')).replace(/^\/\* @ts-self-types=.*\n/m, ''));
fs.writeFileSync(path.join(pkg, 'homecare_web.js'), banner + webGlue);
fs.writeFileSync(path.join(pkg, 'web.js'), `${banner}import __wbg_init, * as raw from './homecare_web.js';
${errorJs}
${apiJs}
const state = { ready: false };
const api = createApi(raw, state);
export const { ${names.filter((n) => n !== 'HomecareError').join(', ')} } = api;
export { HomecareError };
/** Instantiates the module once; later calls resolve to the same API. */
export default async function init(options) {
  await __wbg_init(options === undefined ? undefined : { module_or_path: options.module_or_path ?? options.wasmUrl });
  state.ready = true;
  return api;
}
export { init };
`);

// WeChat: one CommonJS file with no ES module syntax, loading through WXWebAssembly.
const weapp = makeWeapp({
  glue: webGlue,
  text: read(path.join(js, 'weapp-text.js')),
  entropy: read(path.join(js, 'weapp-entropy.js')),
  errorJs,
  apiJs,
});
fs.writeFileSync(path.join(pkg, 'weapp.js'), banner + weapp);

// Types: hand-written and checked by tests/types.test.mjs (tsc --strict, no `any`).
// core.d.ts re-exports base.d.ts and one f-<feature>.d.ts per feature.
const typeFiles = fs.readdirSync(path.join(js, 'types')).filter((f) => f.endsWith('.d.ts')).sort();
for (const f of typeFiles) fs.copyFileSync(path.join(js, 'types', f), path.join(pkg, f));
fs.writeFileSync(path.join(pkg, 'core.d.ts'), `// Generated by scripts/build.mjs: every feature's types.\nexport * from './base';\n${
  typeFiles.filter((f) => f.startsWith('f-')).map((f) => `export * from './${f.replace(/\.d\.ts$/, '')}';\n`).join('')}`);
const cargoVersion = read(path.join(root, 'Cargo.toml')).match(/\[workspace\.package\][^[]*?version = "([^"]+)"/)[1];
fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({
  name: '@homecare/core',
  version: cargoVersion,
  description: 'The WebAssembly core of the homecare home-nursing mini program: validation, masking, encryption, pricing, drafts.',
  license: 'MIT OR Apache-2.0',
  main: './index.cjs',
  types: './index.d.ts',
  exports: {
    '.': { types: './index.d.ts', require: './index.cjs', default: './index.cjs' },
    './web': { types: './web.d.ts', import: './web.js', default: './web.js' },
    './weapp': { types: './weapp.d.ts', default: './weapp.js' },
    './homecare_bg.wasm': './homecare_bg.wasm',
    './homecare_bg.wasm.br': './homecare_bg.wasm.br',
    './package.json': './package.json',
  },
  files: ['index.cjs', 'homecare_node.cjs', 'web.js', 'homecare_web.js', 'weapp.js', '*.d.ts',
    'homecare_bg.wasm', 'homecare_bg.wasm.br', 'size.json', 'README.md'],
  sideEffects: false,
}, null, 2) + '\n');
fs.copyFileSync(path.join(js, 'README.md'), path.join(pkg, 'README.md'));

// ---- sizes and budget ------------------------------------------------------------------
function sizes(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
const BUDGET_BROTLI_WASM = budgetFor(process.env.HOMECARE_FEATURES);
const report = { budget: { brotliWasm: BUDGET_BROTLI_WASM }, wasm: sizes(wasmBytes), glue: {} };
for (const f of ['index.cjs', 'homecare_node.cjs', 'web.js', 'homecare_web.js', 'weapp.js']) {
  report.glue[f] = sizes(fs.readFileSync(path.join(pkg, f)));
}
fs.writeFileSync(path.join(pkg, 'size.json'), JSON.stringify(report, null, 2) + '\n');
console.log('sizes (bytes):');
console.log(`  wasm              raw ${report.wasm.raw}  gzip ${report.wasm.gzip}  brotli ${report.wasm.brotli}`);
for (const [f, s] of Object.entries(report.glue)) {
  console.log(`  ${f.padEnd(17)} raw ${s.raw}  gzip ${s.gzip}  brotli ${s.brotli}`);
}
if (report.wasm.brotli > BUDGET_BROTLI_WASM && !keepNames) {
  throw new Error(`brotli wasm is ${report.wasm.brotli} B, over the budget of ${BUDGET_BROTLI_WASM} B (scripts/lib/budget.mjs)`);
}

if (variant) {
  fs.writeFileSync(stampFile, stamp);
  console.log(`built the variant package ${path.relative(root, pkg)}/`);
  process.exit(0);
}

// ---- the mini program's copy -------------------------------------------------------------
const mp = path.join(root, 'miniprogram/homecare');
fs.rmSync(mp, { recursive: true, force: true });
fs.mkdirSync(mp, { recursive: true });
fs.copyFileSync(path.join(pkg, 'weapp.js'), path.join(mp, 'homecare.js'));
fs.copyFileSync(path.join(pkg, 'homecare_bg.wasm.br'), path.join(mp, 'homecare_bg.wasm.br'));
fs.writeFileSync(stampFile, stamp);
console.log('built pkg/ and miniprogram/homecare/');
