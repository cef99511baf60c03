// Web entry (ESM): `import init, { version } from '@homecare/core/web'; await init();`
export * from './core';
import * as core from './core';

export interface WebInitOptions {
  /** Where to load the wasm from (URL, Response, bytes or a compiled module); defaults to
   *  `homecare_bg.wasm` next to the module. */
  module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
  /** Alias of `module_or_path` for a URL string. */
  wasmUrl?: string | URL;
}

export declare function init(options?: WebInitOptions): Promise<typeof core>;
export default init;
