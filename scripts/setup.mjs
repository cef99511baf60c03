// Installs what the build and the tests need, skipping whatever is already there at the
// right version, so a second run takes about a second. Everything comes from the package
// registries this machine reaches (see ../shared/notes/toolchain.md for why each choice):
//   - rustup target wasm32-unknown-unknown (+ rustfmt, clippy components)
//   - wasm-bindgen CLI at exactly the version in Cargo.lock (installed WITHOUT --locked: its
//     lockfile pins a webpki-roots release the registry does not carry)
//   - wasm-pack via `cargo install --locked` (never the npm package: it downloads from GitHub)
//   - npm packages (`npm ci`): binaryen's wasm-opt, wabt's validator, playwright-core, …
//   - Debian chromium + chromium-driver for the browser tests
import fs from 'node:fs';
import path from 'node:path';
import { root, run, probe, step } from './lib/run.mjs';

function lockedVersion(name) {
  const lock = fs.readFileSync(path.join(root, 'Cargo.lock'), 'utf8');
  const m = lock.match(new RegExp(`name = "${name}"\\nversion = "([^"]+)"`));
  if (!m) throw new Error(`${name} is not in Cargo.lock`);
  return m[1];
}

function rust() {
  const targets = probe('rustup', ['target', 'list', '--installed']) === null
    ? '' : run('rustup', ['target', 'list', '--installed'], { capture: true, quiet: true }).stdout;
  if (!targets.split('\n').includes('wasm32-unknown-unknown')) {
    run('rustup', ['target', 'add', 'wasm32-unknown-unknown']);
  }
  const comps = run('rustup', ['component', 'list', '--installed'], { capture: true, quiet: true }).stdout;
  for (const c of ['rustfmt', 'clippy']) {
    if (!comps.split('\n').some((l) => l.startsWith(`${c}-`) || l === c)) run('rustup', ['component', 'add', c]);
  }
}

function cargoTools() {
  const want = lockedVersion('wasm-bindgen');
  const have = probe('wasm-bindgen', ['--version']);
  if (have !== `wasm-bindgen ${want}`) {
    run('cargo', ['install', 'wasm-bindgen-cli', '--version', want, '--force']);
  }
  if (!probe('wasm-pack', ['--version'])) {
    run('cargo', ['install', 'wasm-pack', '--locked']);
  }
}

function npmPackages() {
  const stamp = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const fresh = fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (!fresh) run('npm', ['ci', '--no-audit', '--no-fund']);
}

function chromium() {
  if (fs.existsSync('/usr/bin/chromium') && fs.existsSync('/usr/bin/chromedriver')) return;
  const sudo = process.getuid && process.getuid() === 0 ? [] : ['sudo'];
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => (sudo.length
    ? run('sudo', ['-E', 'apt-get', ...args], { env })
    : run('apt-get', args, { env }));
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', 'chromium', 'chromium-driver']);
}

step('setup: rust', rust);
step('setup: wasm-bindgen + wasm-pack', cargoTools);
step('setup: npm', npmPackages);
step('setup: chromium', chromium);
