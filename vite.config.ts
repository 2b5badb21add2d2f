import { mkdirSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompressDir } from './scripts/precompress.js';

/**
 * After a production build: a .br and a .gz beside each text file (the server sends the one the
 * browser accepts), and dist/.web-build.json listing the source files that went into the build, so
 * that `npm start` (scripts/build.mjs) can tell whether the build is current without rebuilding it.
 */
function precompressAndRecordInputs(): Plugin {
  let outDir = '';
  let inputs: string[] = [];
  return {
    name: 'mic:precompress-and-record-inputs',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    buildEnd() {
      const root = process.cwd();
      inputs = [...this.getModuleIds()]
        .filter((id) => !id.startsWith('\0') && !id.includes('/node_modules/') && !id.includes('?'))
        .map((id) => relative(root, id))
        .filter((p) => !p.startsWith('..'))
        .sort();
    },
    // Only after a build that wrote its files: a failed build must not be recorded as current.
    async writeBundle() {
      const result = await precompressDir(outDir);
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
      this.info?.(`precompressed ${result.files} files: ${kb(result.bytes)} → gzip ${kb(result.gzipBytes)}, brotli ${kb(result.brotliBytes)}`);
      mkdirSync(resolve(outDir, '..'), { recursive: true });
      writeFileSync(resolve(outDir, '..', '.web-build.json'), `${JSON.stringify({ builtAt: new Date().toISOString(), inputs }, null, 1)}\n`);
    },
  };
}

/**
 * The web app: root src/web, built into dist/web, which the server serves with an SPA fallback.
 * Pages are lazy-loaded; the framework and the UI kit go into their own long-lived chunks.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompressAndRecordInputs()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
