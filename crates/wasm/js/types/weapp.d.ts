// WeChat entry (CommonJS): `const core = require('../../homecare/homecare.js'); await core.init();`
export * from './core';
import * as core from './core';

export interface WeappInitOptions {
  /** Code-package path of the wasm; default `/homecare/homecare_bg.wasm.br`. */
  wasmPath?: string;
}

/** Instantiates through WXWebAssembly (base library ≥ 2.13.0; `.wasm.br` ≥ 2.14.0). */
export declare function init(options?: WeappInitOptions): Promise<typeof core & { refillRandom: typeof refillRandom }>;

/**
 * Refills the random pool from `wx.getRandomValues` (base library ≥ 2.15.0). Await it before a
 * burst of work that needs randomness; resolves to the number of bytes in the pool.
 */
export declare function refillRandom(): Promise<number>;
