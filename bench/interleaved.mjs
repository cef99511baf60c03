// Load-robust ratios for one bench group: core and peer run alternately in short batches and
// the median of the per-pair ratios is reported (the machine's load changes between the two
// halves of a tinybench run; here both sides see the same load). Usage:
//   node bench/interleaved.mjs drafts [pairs=40]
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const name = process.argv[2] || 'drafts';
const pairs = Number(process.argv[3]) || 40;
const group = (await import(pathToFileURL(path.join(here, 'groups', `${name}.mjs`)))).default;

function batch(fn, inner) {
  const s = process.hrtime.bigint();
  for (let i = 0; i < inner; i++) fn(i);
  return Number(process.hrtime.bigint() - s) / inner;
}
const median = (a) => { const b = [...a].sort((x, y) => x - y); return b[b.length >> 1]; };

console.log(['case', 'peer', 'core ns/op', 'peer ns/op', 'core/peer'].join('\t'));
for (const c of group.cases) {
  if (c.check) c.check();
  if (!c.peer) continue;
  const inner = Math.max(1, Math.ceil((c.inner || 1000) / 10));
  for (let i = 0; i < 3; i++) { batch(c.core, inner); batch(c.peer.fn, inner); }
  const core = [], peer = [], ratio = [];
  for (let i = 0; i < pairs; i++) {
    const a = batch(c.core, inner);
    const b = batch(c.peer.fn, inner);
    core.push(a); peer.push(b); ratio.push(b / a);
  }
  console.log([c.name, c.peer.name, median(core).toFixed(0), median(peer).toFixed(0), `${median(ratio).toFixed(2)}x`].join('\t'));
}
