// Node entry: `require('@homecare/core')` is ready at once; `init` resolves immediately.
export * from './core';
import * as core from './core';
export declare function init(): Promise<typeof core>;
