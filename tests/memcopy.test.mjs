// The word-wise __memory_copy / __memory_fill bodies the build gives binaryen's MVP lowering
// (scripts/lib/memcopy.mjs), checked in a module of their own against copyWithin and fill:
// every overlap direction, sizes around the 8-byte step, unaligned addresses, and the trap
// when a range leaves memory.
import test from 'node:test';
import assert from 'node:assert/strict';
import binaryen from 'binaryen';
import { addMemoryCopy, addMemoryFill } from '../scripts/lib/memcopy.mjs';

function helpers() {
  const m = new binaryen.Module();
  m.setMemory(1, 1, 'memory');
  addMemoryCopy(m, 'copy');
  addMemoryFill(m, 'fill');
  m.addFunctionExport('copy', 'copy');
  m.addFunctionExport('fill', 'fill');
  m.setFeatures(binaryen.Features.MVP);
  assert.ok(m.validate());
  const bytes = m.emitBinary();
  m.dispose();
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
  return { ...exports, mem: new Uint8Array(exports.memory.buffer) };
}

test('copy moves like memmove in both directions, at every small size and alignment', () => {
  const { copy, mem } = helpers();
  const ref = new Uint8Array(512);
  let seed = 1;
  const rand = () => { seed = (seed * 1103515245 + 12345) >>> 0; return seed >>> 16; };
  for (let round = 0; round < 4000; round++) {
    for (let i = 0; i < 512; i++) { const b = rand() & 0xff; mem[i] = b; ref[i] = b; }
    const size = round % 50 === 0 ? rand() % 300 : rand() % 40;
    const src = rand() % (512 - size);
    const dst = round % 3 === 0 ? Math.min(511 - size, Math.max(0, src + (rand() % 17) - 8)) : rand() % (512 - size);
    copy(dst, src, size);
    ref.copyWithin(dst, src, src + size);
    assert.deepEqual(mem.subarray(0, 512), ref, `copy(${dst}, ${src}, ${size})`);
  }
});

test('fill sets the low byte of the value over the range only', () => {
  const { fill, mem } = helpers();
  for (let size = 0; size < 40; size++) {
    for (const at of [0, 1, 3, 7, 8, 13]) {
      mem.fill(0xaa, 0, 128);
      fill(at, 0x1234 + size, size);
      const ref = new Uint8Array(128).fill(0xaa);
      ref.fill((0x1234 + size) & 0xff, at, at + size);
      assert.deepEqual(mem.subarray(0, 128), ref, `fill(${at}, _, ${size})`);
    }
  }
});

test('a range past the end of memory traps, as memory.copy/fill would', () => {
  const { copy, fill } = helpers();
  assert.throws(() => copy(65536 - 4, 0, 8), WebAssembly.RuntimeError);
  assert.throws(() => copy(0, 65536 - 4, 8), WebAssembly.RuntimeError);
  assert.throws(() => fill(65530, 1, 7), WebAssembly.RuntimeError);
  copy(65536 - 8, 0, 8);
  fill(65536 - 8, 0, 8);
});
