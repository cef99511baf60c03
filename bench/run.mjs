// `npm run bench [-- filter]`: every group in bench/groups/, one Node process, each case of
// the core measured beside the JavaScript peer a user would otherwise pick. Prints ops/s and
// the ratio core/peer (> 1: the core is faster) and writes bench/results.json.
// Timings are only measured here, never asserted in tests.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] || '';
const TIME_MS = Number(process.env.BENCH_TIME_MS) || 700;

function opsPerSecond(task, inner) {
  const r = task.result;
  if (!r || r.state === 'errored' || !r.latency) throw new Error(`${task.name}: ${r && r.error ? r.error.stack : 'no result'}`);
  return (inner * 1000) / r.latency.mean;
}

async function measure(name, fn, inner) {
  const bench = new Bench({ time: TIME_MS, warmupTime: 200 });
  bench.add(name, () => { for (let i = 0; i < inner; i++) fn(i); });
  await bench.run();
  const task = bench.tasks[0];
  return { opsPerSec: opsPerSecond(task, inner), rme: task.result.latency.rme };
}

const files = fs.readdirSync(path.join(here, 'groups')).filter((f) => f.endsWith('.mjs')).sort();
const results = { node: process.version, cpu: os.cpus()[0]?.model, date: new Date().toISOString(), groups: [] };
const rows = [];
for (const f of files) {
  const group = (await import(pathToFileURL(path.join(here, 'groups', f)))).default;
  if (filter && !group.name.includes(filter)) continue;
  const g = { name: group.name, description: group.description, cases: [] };
  for (const c of group.cases) {
    if (c.check) c.check();
    const inner = c.inner || 1000;
    const core = await measure(`${c.name} (core)`, c.core, inner);
    // `perCall`: how many items one call handles (batch entries), so rates are per item.
    const per = c.perCall || 1;
    core.opsPerSec *= per;
    const row = { name: c.name, core: core.opsPerSec, coreRme: core.rme };
    if (c.peer) {
      const peer = await measure(`${c.name} (${c.peer.name})`, c.peer.fn, inner);
      peer.opsPerSec *= per;
      Object.assign(row, { peerName: c.peer.name, peer: peer.opsPerSec, peerRme: peer.rme, ratio: core.opsPerSec / peer.opsPerSec });
    }
    row.nsPerOpCore = 1e9 / row.core;
    g.cases.push(row);
    rows.push({ group: group.name, ...row });
  }
  results.groups.push(g);
}

const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0));
console.log(`\nNode ${results.node}, ${results.cpu}\n`);
console.log(['group', 'case', 'core ops/s', 'ns/op', 'peer', 'peer ops/s', 'core/peer'].join('\t'));
for (const r of rows) {
  console.log([r.group, r.name, fmt(r.core), r.nsPerOpCore.toFixed(0), r.peerName || '-', r.peer ? fmt(r.peer) : '-',
    r.ratio ? `${r.ratio.toFixed(2)}x` : '-'].join('\t'));
}
fs.writeFileSync(path.join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote ${path.relative(process.cwd(), path.join(here, 'results.json'))}`);
