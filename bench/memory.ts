/**
 * Resident memory of a server on PGlite after light use, and where it goes.
 *
 *   npx tsx bench/memory.ts [--mode compiled|tsx|both] [--rounds 3] [--node-flags "--flag …"]
 *
 * Starts the server in a child process on 127.0.0.1 with a fresh data folder (demo data loaded, as
 * on a first `npm start`), measures it once it answers, then after `rounds` of what a few users do
 * in a morning: open the sign-in page and its files, sign in (six roles), read their lists, an
 * application with its history and versions, notifications and pilots, and download a Word and an
 * Excel export and the approval reply as PDF. Measures 3 s after that, again after 35 s idle (the
 * server checks its memory every 30 s), and once more right after a full garbage collection forced
 * through the probe (what is garbage rather than live), then stops it.
 *
 * Modes: `compiled` runs dist/server/server/main.js (what `npm start` runs now; built first if out of
 * date), `tsx` runs src/server/main.ts through tsx (what `npm start` ran before).
 *
 * Where the memory goes comes from two places:
 *  - inside the process (process.memoryUsage() through a small probe loaded with --import): the V8
 *    heap, memory outside it held by JS objects (external, of which array buffers);
 *  - the kernel's /proc/<pid>/smaps, every mapping's resident size, sorted into PGlite's
 *    WebAssembly memory (the one anonymous mapping of 128 MB or more), native malloc (the main
 *    [heap], and the arenas glibc gives other threads: 64 MB-aligned regions), compiled code
 *    (executable anonymous mappings: JIT code of JS and of PGlite's wasm), the node binary and
 *    shared libraries (file mappings), and the rest of the anonymous memory (mostly the V8 heap).
 * Each measurement prints one line for scripts:
 *   RESULT memory mode=… phase=… rss_mb=… heap_used_mb=… heap_total_mb=… external_mb=… array_buffers_mb=…
 *          wasm_memory_mb=… malloc_main_mb=… malloc_arenas_mb=… code_mb=… files_mb=… other_anon_mb=…
 * Linux only (smaps). Stops by itself: every request is bounded, and the whole run has a deadline.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_PASSWORD = 'Demo@2025';
const DEADLINE_MS = 5 * 60_000;

/**
 * Loaded into the server with --import: answers 'memory' over the IPC channel, and on 'gc' first
 * runs a full garbage collection (to tell live memory from garbage not yet collected).
 */
const PROBE = `
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
process.on('message', (m) => {
  if (m === 'gc') {
    v8.setFlagsFromString('--expose-gc');
    runInNewContext('gc')();
    v8.setFlagsFromString('--no-expose-gc');
  }
  if (m === 'memory' || m === 'gc') process.send({ usage: process.memoryUsage(), heap: v8.getHeapStatistics() });
});
// The channel must not keep a drained process alive.
process.channel?.unref();
`;

interface Args {
  modes: ('compiled' | 'tsx')[];
  rounds: number;
  nodeFlags: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { modes: ['compiled', 'tsx'], rounds: 3, nodeFlags: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? '';
    if (a === '--mode') {
      const m = next();
      args.modes = m === 'both' ? ['compiled', 'tsx'] : [m as 'compiled' | 'tsx'];
    } else if (a === '--rounds') args.rounds = Number(next());
    else if (a === '--node-flags') args.nodeFlags = next().split(/\s+/).filter(Boolean);
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

interface Smaps {
  rss: number;
  wasmMemory: number;
  /** malloc: the main heap ([heap]) and the arenas of other threads (64 MB-aligned regions of at most 64 MB). */
  mallocMain: number;
  mallocArenas: number;
  code: number;
  files: number;
  otherAnon: number;
  biggestFiles: [string, number][];
  /** Anonymous mappings over 8 MB resident: [start address, size, rss, name]. */
  bigAnon: [string, number, number, string][];
}

function readSmaps(pid: number): Smaps {
  const text = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  const out: Smaps = { rss: 0, wasmMemory: 0, mallocMain: 0, mallocArenas: 0, code: 0, files: 0, otherAnon: 0, biggestFiles: [], bigAnon: [] };
  let start = '';
  const byFile = new Map<string, number>();
  let size = 0;
  let perms = '';
  let path = '';
  for (const line of text.split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      size = (parseInt(head[2]!, 16) - parseInt(head[1]!, 16)) / 1024;
      start = head[1]!;
      perms = head[3]!;
      path = head[4]!;
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (!rss) continue;
    const kb = Number(rss[1]);
    out.rss += kb;
    if (!path.startsWith('/') && kb >= 8 * 1024) out.bigAnon.push([start, size * 1024, kb * 1024, path]);
    if (path.startsWith('/')) {
      out.files += kb;
      byFile.set(path, (byFile.get(path) ?? 0) + kb);
    } else if (size >= 128 * 1024 && perms.startsWith('rw')) {
      // WebAssembly memories: reserved with gigabytes of guard space where V8 can, else allocated at
      // their size (PGlite's starts at 128 MB); nothing else in this process allocates that much at once.
      out.wasmMemory += kb;
    } else if (path === '[heap]') out.mallocMain += kb;
    else if (perms.includes('x')) out.code += kb;
    else if (!path && size <= 64 * 1024 && parseInt(start, 16) % (64 * 1024 * 1024) === 0) out.mallocArenas += kb;
    else out.otherAnon += kb;
  }
  const k = (n: number) => n * 1024;
  return {
    rss: k(out.rss),
    wasmMemory: k(out.wasmMemory),
    mallocMain: k(out.mallocMain),
    mallocArenas: k(out.mallocArenas),
    code: k(out.code),
    files: k(out.files),
    otherAnon: k(out.otherAnon),
    bigAnon: out.bigAnon.sort((a, b) => b[2] - a[2]),
    biggestFiles: [...byFile.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([p, n]) => [p.replace(ROOT, '.'), k(n)]),
  };
}

interface Probe {
  usage: NodeJS.MemoryUsage;
  heap: { total_heap_size: number; used_heap_size: number; malloced_memory: number };
}

function askProbe(child: ChildProcess, what: 'memory' | 'gc' = 'memory'): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the memory probe did not answer')), 5000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as Probe);
    });
    child.send(what);
  });
}

async function request(base: string, path: string, init: RequestInit & { cookie?: string; csrf?: string } = {}) {
  const headers: Record<string, string> = { 'accept-encoding': 'br, gzip', ...(init.headers as Record<string, string>) };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.csrf) headers['x-csrf-token'] = init.csrf;
  const res = await fetch(`${base}${path}`, { ...init, headers, signal: AbortSignal.timeout(30_000) });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status >= 400) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${body.toString('utf8').slice(0, 200)}`);
  return { res, body };
}

async function signIn(base: string, username: string) {
  const { res, body } = await request(base, '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: (JSON.parse(body.toString('utf8')) as { csrfToken: string }).csrfToken };
}

/** One round of light use. */
async function lightUse(base: string): Promise<void> {
  await request(base, '/login');
  const index = (await request(base, '/', { headers: { 'accept-encoding': 'identity' } })).body.toString('utf8');
  for (const m of index.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) await request(base, m[1]!);

  const users = ['guihuasi', 'wuhan', 'zhejiang', 'expert', 'admin', 'ningbo'];
  for (const u of users) {
    const s = await signIn(base, u);
    await request(base, '/api/v1/auth/me', s);
    await request(base, '/api/v1/notifications', s);
    // Not every role has an application list (the expert and the administrator do not).
    const listed = await request(base, `/api/v1/applications?pageSize=20${u === 'guihuasi' ? '&queue=true' : ''}`, s).catch(() => null);
    const first = listed ? (JSON.parse(listed.body.toString('utf8')) as { items: { id: string }[] }).items[0] : undefined;
    if (first) {
      await request(base, `/api/v1/applications/${first.id}`, s);
      await request(base, `/api/v1/applications/${first.id}/history`, s).catch(() => undefined);
      await request(base, `/api/v1/applications/${first.id}/versions`, s).catch(() => undefined);
      if (u === 'wuhan' || u === 'ningbo') {
        await request(base, `/api/v1/applications/${first.id}/export.docx`, s);
        await request(base, `/api/v1/applications/${first.id}/export.xlsx`, s);
      }
    }
    if (u === 'guihuasi') {
      const pilots = JSON.parse((await request(base, '/api/v1/pilots', s)).body.toString('utf8')) as { items: { id: string }[] };
      if (pilots.items[0]) await request(base, `/api/v1/pilots/${pilots.items[0].id}/approval.pdf`, s);
    }
  }
}

async function measure(child: ChildProcess, mode: string, phase: string, log: (s: string) => void, gcFirst = false) {
  const probe = await askProbe(child, gcFirst ? 'gc' : 'memory');
  // Freed memory leaves the resident set a moment after the collection.
  if (gcFirst) await sleep(1500);
  const smaps = readSmaps(child.pid!);
  const u = probe.usage;
  log(
    `RESULT memory mode=${mode} phase=${phase} rss_mb=${mb(smaps.rss)} heap_used_mb=${mb(u.heapUsed)} heap_total_mb=${mb(u.heapTotal)} ` +
      `external_mb=${mb(u.external)} array_buffers_mb=${mb(u.arrayBuffers)} wasm_memory_mb=${mb(smaps.wasmMemory)} malloc_main_mb=${mb(smaps.mallocMain)} ` +
      `malloc_arenas_mb=${mb(smaps.mallocArenas)} code_mb=${mb(smaps.code)} ` +
      `files_mb=${mb(smaps.files)} other_anon_mb=${mb(smaps.otherAnon)}`,
  );
  log(`  largest file mappings: ${smaps.biggestFiles.map(([p, n]) => `${p} ${mb(n)} MB`).join(', ')}`);
  log(`  anonymous mappings over 8 MB (size/resident MB): ${smaps.bigAnon.map(([a, size, rss, name]) => `${name || a} ${mb(size)}/${mb(rss)}`).join(', ')}`);
  log(`  V8: malloced ${mb(probe.heap.malloced_memory)} MB`);
  return { smaps, usage: u };
}

async function runMode(mode: 'compiled' | 'tsx', args: Args, log: (s: string) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mic-memory-'));
  const port = await freePort();
  const probe = `--import=data:text/javascript,${encodeURIComponent(PROBE)}`;
  const entry = mode === 'compiled' ? [join(ROOT, 'dist/server/server/main.js')] : ['--import', 'tsx', join(ROOT, 'src/server/main.ts')];
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'true', LOG_LEVEL: 'warn', SCHEDULER: 'on' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [...args.nodeFlags, probe, ...entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  child.stdout!.on('data', (c) => (output += String(c)));
  child.stderr!.on('data', (c) => (output += String(c)));
  const base = `http://127.0.0.1:${port}`;
  try {
    const started = Date.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
      const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() - started > 120_000) throw new Error(`server did not come up:\n${output}`);
      await sleep(200);
    }
    log(`${mode}: up in ${Date.now() - started} ms (${args.nodeFlags.join(' ') || 'no extra node flags'})`);
    await sleep(2000);
    const idle = await measure(child, mode, 'started', log);
    for (let r = 0; r < args.rounds; r++) await lightUse(base);
    await sleep(3000);
    const used = await measure(child, mode, 'after-light-use', log);
    // The server's own reclaimer looks every 30 s.
    await sleep(32_000);
    const rested = await measure(child, mode, 'idle-35s', log);
    // Diagnostic: what of that is garbage a full collection would return.
    const collected = await measure(child, mode, 'after-full-gc', log, true);
    return { idle, used, rested, collected };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => {
      const t = setTimeout(() => {
        child.kill('SIGKILL');
        r(null);
      }, 10_000);
      child.once('exit', () => {
        clearTimeout(t);
        r(null);
      });
    });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const log = (s: string) => console.log(s);
  const deadline = setTimeout(() => {
    console.error('memory bench: deadline reached');
    process.exit(2);
  }, DEADLINE_MS);
  deadline.unref();
  if (args.modes.includes('compiled')) execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), 'server'], { cwd: ROOT, stdio: 'inherit' });
  for (const mode of args.modes) await runMode(mode, args, log);
}

await main();
