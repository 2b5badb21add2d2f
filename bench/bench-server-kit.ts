/**
 * What the benchmarks' server children share (bench/server.ts, bench/monitoring-server.ts) and how
 * their parents (bench/http-bench.ts, bench/monitoring.ts) start and stop them:
 *
 * - child side: `startBenchApp` opens the database named by BENCH_TARGET (postgres://… or a PGlite
 *   folder) and serves the real application (buildApp, API only, no second factor) on 127.0.0.1 with
 *   a random port; `serveUntilStopped` reports the ready message over IPC and closes everything on
 *   the message 'stop', SIGTERM or when the parent goes away; `runBenchChild` reports a failure.
 * - parent side: `forkBenchServer` forks a child (under tsx, like the parent) and waits for its
 *   ready message; `stopBenchServer` stops it (SIGKILL after 10 s).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../src/db/client.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';

export interface BenchApp {
  database: Database;
  app: FastifyInstance;
  appUrl: string;
}

/** The http://127.0.0.1:port a listening Fastify instance serves on. */
export function urlOf(server: { server: Server }): string {
  const addr = server.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${addr.port}`;
}

/** Opens BENCH_TARGET and serves the application's API on a random port; `startedBy` names the parent for a misuse message. */
export async function startBenchApp(self: string, startedBy: string, opts: { postgresOnly?: boolean } = {}): Promise<BenchApp> {
  const target = process.env.BENCH_TARGET;
  if (!target || !process.send) throw new Error(`${self} is started by ${startedBy}`);
  const isPg = /^postgres(ql)?:\/\//.test(target);
  if (opts.postgresOnly && !isPg) throw new Error(`${self} needs a postgres:// BENCH_TARGET`);
  const database = await openDatabase(isPg ? { url: target } : { dataDir: target });
  const dataRoot = mkdtempSync(join(tmpdir(), 'bench-app-'));
  process.on('exit', () => rmSync(dataRoot, { recursive: true, force: true }));
  // The API only (WEB_ROOT is an empty folder); the benchmark's accounts sign in with a password only.
  const config = {
    ...loadConfig({ DATA_DIR: dataRoot, WEB_ROOT: dataRoot, LOG_LEVEL: 'warn', TOTP_REQUIRED_ROLES: 'none' }),
    databaseUrl: isPg ? target : undefined,
    loadDemoData: false,
  };
  const app = await buildApp({ database, config, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { database, app, appUrl: urlOf(app) };
}

/** Sends `ready` to the parent; on 'stop', SIGTERM or disconnect closes the servers and the database and exits 0. */
export function serveUntilStopped(database: Database, servers: readonly { close(): Promise<unknown> }[], ready: object): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled(servers.map((s) => s.close()));
    await database.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('message', (m) => {
    if (m === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.send!(ready);
}

/** Runs a child's main, exiting 1 with the error on failure. */
export function runBenchChild(label: string, main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(`${label} failed:`, err);
    process.exit(1);
  });
}

/** Forks a benchmark server child and resolves with its ready message (within 120 s). */
export function forkBenchServer<R>(script: string, target: string): Promise<{ child: ChildProcess; ready: R }> {
  return new Promise((resolve, reject) => {
    // execArgv is inherited: the child runs under tsx like this process.
    const child = fork(script, [], { env: { ...process.env, BENCH_TARGET: target, NODE_ENV: 'production' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the benchmark server did not start within 120 s'));
    }, 120_000);
    child.once('message', (m: R) => {
      clearTimeout(timer);
      resolve({ child, ready: m });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the benchmark server exited with code ${code}`));
    });
  });
}

/** Asks the child to stop (SIGTERM without IPC) and waits for it; SIGKILL after 10 s. */
export async function stopBenchServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send('stop');
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
