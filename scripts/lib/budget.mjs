// The one place the wasm size budget lives. The build fails when the brotli-compressed wasm
// (what WeChat downloads as homecare_bg.wasm.br) is larger. Tighten it as features land.
export const BUDGET_BROTLI_WASM = 150 * 1024;
