// withoutCustomSections (scripts/lib/wasm-sections.mjs), which the profiling build with
// function names uses to drop the std's target_features section: it removes exactly the
// named custom sections, keeps every other byte, and refuses malformed input.
import test from 'node:test';
import assert from 'node:assert/strict';
import binaryen from 'binaryen';
import { withoutCustomSections } from '../scripts/lib/wasm-sections.mjs';

function moduleWithSections() {
  const m = new binaryen.Module();
  m.addFunction('answer', binaryen.none, binaryen.i32, [], m.i32.const(42));
  m.addFunctionExport('answer', 'answer');
  m.addCustomSection('target_features', new Uint8Array([1, 0x2b, 8, ...Buffer.from('sign-ext')]));
  m.addCustomSection('keep', new Uint8Array([1, 2, 3]));
  m.addCustomSection('producers', new Uint8Array([0]));
  const bytes = Buffer.from(m.emitBinary());
  m.dispose();
  return bytes;
}

const names = (bytes) => {
  const mod = new WebAssembly.Module(bytes);
  return ['target_features', 'keep', 'producers'].filter((n) => WebAssembly.Module.customSections(mod, n).length > 0);
};

test('drops exactly the named custom sections and keeps the module working', () => {
  const bytes = moduleWithSections();
  assert.deepEqual(names(bytes), ['target_features', 'keep', 'producers']);
  const out = withoutCustomSections(bytes, ['target_features', 'producers']);
  assert.deepEqual(names(out), ['keep']);
  assert.equal(new WebAssembly.Instance(new WebAssembly.Module(out)).exports.answer(), 42);
  assert.deepEqual(Array.from(new Uint8Array(WebAssembly.Module.customSections(new WebAssembly.Module(out), 'keep')[0])), [1, 2, 3]);
  // Nothing to drop: the same bytes.
  assert.ok(withoutCustomSections(bytes, []).equals(bytes));
  assert.ok(withoutCustomSections(out, ['target_features']).equals(out));
});

test('refuses what is not a whole wasm binary', () => {
  const bytes = moduleWithSections();
  assert.throws(() => withoutCustomSections(Buffer.from('not wasm at all'), []), /not a wasm binary/);
  assert.throws(() => withoutCustomSections(Buffer.alloc(0), []), /not a wasm binary/);
  // Where each section ends (this module's sizes all fit one LEB128 byte).
  const ends = new Set([8]);
  for (let p = 8; p < bytes.length;) {
    assert.ok(bytes[p + 1] < 0x80);
    p += 2 + bytes[p + 1];
    ends.add(p);
  }
  assert.ok(ends.size > 5);
  for (let cut = 9; cut < bytes.length; cut++) {
    const prefix = bytes.subarray(0, cut);
    if (ends.has(cut)) {
      // Whole sections: nothing to refuse.
      assert.ok(withoutCustomSections(prefix, []).equals(prefix), `cut at ${cut}`);
    } else {
      assert.throws(() => withoutCustomSections(prefix, ['target_features']), /past|LEB128/, `cut at ${cut}`);
    }
  }
});
