// Serves the web demo (examples/web-demo) and the built package (pkg/) on 127.0.0.1.
// `npm start` runs this after the build; tests import startServer() on an ephemeral port.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './lib/run.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};
const MOUNTS = [['/pkg/', path.join(root, 'pkg')], ['/', path.join(root, 'examples/web-demo')]];

function resolve(urlPath) {
  const clean = decodeURIComponent(urlPath.split('?')[0]);
  for (const [prefix, dir] of MOUNTS) {
    if (!clean.startsWith(prefix)) continue;
    let file = path.join(dir, path.normalize('/' + clean.slice(prefix.length)));
    if (!file.startsWith(dir)) return null;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    return fs.existsSync(file) ? file : null;
  }
  return null;
}

/** Starts the server; resolves to { server, url }. Port 0 picks a free port. */
export function startServer({ port = 8787, host = '127.0.0.1', tries = 20 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const server = http.createServer((req, res) => {
      if ((req.url || '').split('?')[0] === '/sections.json') {
        // The demo's sections, one module per feature, in file-name order.
        const dir = path.join(root, 'examples/web-demo/sections');
        const files = fs.readdirSync(dir).filter((f) => /^\d\d-.*\.js$/.test(f)).sort();
        res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
        res.end(JSON.stringify(files));
        return;
      }
      const file = resolve(req.url || '/');
      if (!file) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
      });
      fs.createReadStream(file).pipe(res);
    });
    server.on('error', (e) => {
      if (e.code === 'EADDRINUSE' && port !== 0 && tries > 1) {
        startServer({ port: port + 1, host, tries: tries - 1 }).then(resolvePromise, reject);
      } else reject(e);
    });
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolvePromise({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (!fs.existsSync(path.join(root, 'pkg/web.js'))) {
    console.error('pkg/ is missing: run `npm run build` (or `npm start`) first.');
    process.exit(1);
  }
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 8787 : Number(process.env.PORT);
  const { url } = await startServer({ port });
  console.log(`\nhomecare demo: ${url}\n(Ctrl-C to stop)`);
}
