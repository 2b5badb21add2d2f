#!/usr/bin/env node
/**
 * Builds what is out of date, and only that:
 *   web     the web app, by Vite, into dist/web (with .br/.gz copies; see vite.config.ts)
 *   server  the server, by esbuild, from TypeScript into JavaScript under dist/server, one file per
 *           source file (src/db/client.ts → dist/server/db/client.js), with the files that the code
 *           reads beside itself at run time (SQL migrations, demo data) copied along, so that paths
 *           computed from import.meta.url resolve the same as in src/.
 * Each build records the files that went into it (dist/.web-build.json, dist/server/.build.json);
 * a build is current while none of them, nor the build's own configuration, is newer than the record.
 *
 *   node scripts/build.mjs [web] [server] [--force]     (no target: both)
 *
 * Plain JavaScript on purpose: `npm start` runs it with nothing compiled at run time.
 */
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const rel = (p) => relative(root, p);

const WEB_RECORD = join(root, 'dist', '.web-build.json');
const SERVER_OUT = join(root, 'dist', 'server');
const SERVER_RECORD = join(SERVER_OUT, '.build.json');
/** Entry points of the server build; everything they import from src/ is compiled with them. */
const SERVER_ENTRIES = ['src/server/main.ts'];
/** Changes to these invalidate a build whatever its sources are. */
const WEB_CONFIG = ['vite.config.ts', 'scripts/precompress.ts', 'package-lock.json', 'src/web/index.html'];
const SERVER_CONFIG = ['scripts/build.mjs', 'package-lock.json', 'tsconfig.json'];

function mtime(path) {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs;
}

/** Files under `dir`, and (with `dirs`) the folders too, whose mtime changes when a file is added. */
function* walk(dir, dirs = false) {
  if (!existsSync(dir)) return;
  if (dirs) yield dir;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, dirs);
    else if (entry.isFile()) yield path;
  }
}

/** Why the build recorded at `recordPath` is out of date, or null when it is current. */
function staleness(recordPath, configFiles, mustExist) {
  const builtAt = mtime(recordPath);
  if (builtAt === undefined) return 'never built';
  for (const p of mustExist) if (!existsSync(join(root, p))) return `${p} is missing`;
  let record;
  try {
    record = JSON.parse(readFileSync(recordPath, 'utf8'));
  } catch {
    return 'unreadable build record';
  }
  for (const p of [...configFiles, ...record.inputs]) {
    const m = mtime(join(root, p));
    if (m === undefined) {
      if (configFiles.includes(p)) continue;
      return `${p} is gone`;
    }
    if (m > builtAt) return `${p} changed`;
  }
  return null;
}

function buildWeb(force) {
  const why = force ? 'forced' : staleness(WEB_RECORD, WEB_CONFIG, ['dist/web/index.html']);
  if (!why) {
    console.log('web: current, not rebuilt');
    return;
  }
  console.log(`web: building (${why})`);
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const res = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

/**
 * What the code may read beside itself at run time: every file other than code, styles, tests and
 * UI in the folders of the compiled modules and below them (migrations, demo data). The folders
 * are returned too: one gains a newer mtime when a file is added to it, which makes the build stale.
 */
function runtimeAssets(sourceFiles) {
  const skip = (r) => /\.(ts|tsx|mts|cts|css|map)$/.test(r) || /\/(ui|web|web-kit)(\/|$)/.test(r.replace(/^src/, '')) || /\.test\./.test(r);
  const assets = new Set();
  const folders = new Set();
  for (const dir of new Set(sourceFiles.map((f) => dirname(join(root, f))))) {
    for (const path of walk(dir, true)) {
      const r = rel(path);
      if (skip(r)) continue;
      if (statSync(path).isDirectory()) folders.add(r);
      else assets.add(r);
    }
  }
  return { assets: [...assets].sort(), folders: [...folders].sort() };
}

/**
 * Keeps the modules apart and spells their imports the way Node resolves them: the sources may
 * import './rubric' or '../plan/plan-schema.js' (the bundler resolution of tsconfig), Node's ESM
 * loader needs the file that exists, './rubric.js'. Since the output mirrors the source tree, the
 * relative path between two sources is the one between their outputs, with .js for .ts.
 */
function importsAsCompiled() {
  return {
    name: 'imports-as-compiled',
    setup(build) {
      build.onResolve({ filter: /^\.\.?(\/|$)/ }, async (args) => {
        if (args.kind === 'entry-point' || args.pluginData?.resolving) return undefined;
        const found = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolving: true } });
        if (found.errors.length > 0) return { errors: found.errors };
        if (!/\.(ts|tsx|js|mjs)$/.test(found.path)) return undefined;
        let spec = relative(dirname(args.importer), found.path).replace(/\.tsx?$/, '.js');
        if (!spec.startsWith('.')) spec = `./${spec}`;
        return { path: spec, external: true };
      });
    },
  };
}

async function buildServer(force) {
  const why = force ? 'forced' : staleness(SERVER_RECORD, SERVER_CONFIG, ['dist/server/server/main.js']);
  if (!why) {
    console.log('server: current, not rebuilt');
    return;
  }
  console.log(`server: building (${why})`);
  const started = Date.now();
  const esbuild = await import('esbuild');
  const common = { platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' };
  // The import graph from the entry points, packages left out: these are the sources to compile.
  const graph = await esbuild.build({
    ...common,
    entryPoints: SERVER_ENTRIES.map((e) => join(root, e)),
    bundle: true,
    packages: 'external',
    write: false,
    metafile: true,
    outdir: SERVER_OUT,
  });
  const sources = Object.keys(graph.metafile.inputs)
    .map((p) => rel(resolve(root, p)))
    .filter((p) => p.startsWith('src/') && /\.(ts|tsx|js|mjs)$/.test(p))
    .sort();
  const unexpected = Object.keys(graph.metafile.inputs).filter((p) => !/\.(ts|tsx|js|mjs)$/.test(p));
  if (unexpected.length) throw new Error(`the server imports files esbuild would inline: ${unexpected.join(', ')}`);

  rmSync(SERVER_OUT, { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: sources.map((s) => join(root, s)),
    outbase: join(root, 'src'),
    outdir: SERVER_OUT,
    // Each source compiles into its own module: every relative import stays an import (see below).
    bundle: true,
    packages: 'external',
    plugins: [importsAsCompiled()],
    sourcemap: 'linked',
    sourcesContent: false,
  });
  const { assets, folders } = runtimeAssets(sources);
  for (const a of assets) {
    const to = join(SERVER_OUT, relative('src', a));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(join(root, a), to, { preserveTimestamps: true });
  }
  writeFileSync(join(SERVER_OUT, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(SERVER_RECORD, `${JSON.stringify({ entries: SERVER_ENTRIES, inputs: [...sources, ...assets, ...folders] }, null, 1)}\n`);
  const bytes = sources.reduce((n, s) => n + (statSync(join(SERVER_OUT, relative('src', s)).replace(/\.tsx?$/, '.js'), { throwIfNoEntry: false })?.size ?? 0), 0);
  console.log(`server: ${sources.length} modules (${(bytes / 1024).toFixed(0)} KB) and ${assets.length} files beside them in ${Date.now() - started} ms`);
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const targets = args.filter((a) => !a.startsWith('--'));
for (const t of targets) if (t !== 'web' && t !== 'server') throw new Error(`unknown target ${t} (web, server)`);
if (targets.length === 0 || targets.includes('web')) buildWeb(force);
if (targets.length === 0 || targets.includes('server')) await buildServer(force);
