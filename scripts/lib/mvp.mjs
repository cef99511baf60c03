// Strict-MVP validation: the module must validate with every post-MVP proposal disabled
// (what `wasm-tools validate --features mvp` checks), because WXWebAssembly on iOS documents no
// feature support at all and has been seen rejecting reference types.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let wabtPromise;

const ALL_OFF = {
  exceptions: false, mutable_globals: false, sat_float_to_int: false, sign_extension: false,
  simd: false, threads: false, function_references: false, multi_value: false, tail_call: false,
  bulk_memory: false, reference_types: false, annotations: false, code_metadata: false, gc: false,
  memory64: false, multi_memory: false, extended_const: false, relaxed_simd: false,
};

/** Resolves to null when `bytes` is a strict-MVP module, else to wabt's error text. */
export async function mvpError(bytes) {
  wabtPromise ||= require('wabt')();
  const wabt = await wabtPromise;
  let mod;
  try {
    mod = wabt.readWasm(new Uint8Array(bytes), { readDebugNames: false, ...ALL_OFF });
    mod.validate();
    return null;
  } catch (e) {
    return String(e && e.message ? e.message : e);
  } finally {
    if (mod) mod.destroy();
  }
}
