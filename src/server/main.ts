/** Starts the platform: open the database, migrate, load demo data when empty, listen. */
import { migrateDatabase, openDatabase, withStartupLock } from '../db/client.js';
import { startSchedulerFromEnv } from '../features/notifications/scheduler.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { seedDemoData } from './demo/seed-demo.js';

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
await migrateDatabase(database);
if (config.loadDemoData) {
  const seeded = await withStartupLock(database, (db) => seedDemoData(db));
  if (seeded) console.log('已载入演示数据 Demo data loaded (accounts: see README)');
}
const app = await buildApp({ database, config, logger: true });
await app.listen({ port: config.port, host: config.host });
console.log(`“中国制造2025”城市试点示范平台 running at http://localhost:${config.port} (database: ${database.kind})`);
// Reminders and the e-mail outbox, claimed in the database (SCHEDULER=off disables it in this process).
const scheduler = startSchedulerFromEnv(database.db, app.log);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.resolve(scheduler?.stop())
      .then(() => app.close())
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}
