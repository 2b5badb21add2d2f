import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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
      // The public files (copied as they are, e.g. src/web/public/zod-jitless.js) count as inputs too.
      const publicFiles = readdirSync(join(root, 'src/web/public'), { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name));
      inputs = [...this.getModuleIds(), ...publicFiles]
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
 * Parts of Ant Design that many pages import but few show, loaded when first drawn instead of with the
 * page: the Result component's three large illustrations (404, 403, 500; decorative, in a box of fixed size),
 * the Table's column-filter dropdown with the Tree it brings (the column's title shows meanwhile), the
 * Table's selection check boxes, radio buttons and selection menu (with the form hooks the radio group
 * brings), the menu of tabs that do not fit, the pagination's page-size select (most tables do not show
 * it), the virtual-scrolling table (only with `virtual`), and the dialog of App.useApp()'s modal.confirm
 * (every signed-in page has the App; few open a confirmation).
 * Each is replaced, for that one importer inside antd, by a small module that loads the original lazily;
 * antd's App by src/web-kit/lazy-app.tsx, which loads its message, notification and modal on first call.
 */
const LAZY_ANTD_PARTS: { importer: RegExp; source: string; extra?: string; fallback?: string; replacement?: string }[] = [
  // App (what App.useApp() reads) with its message, notification and modal loaded on their first call.
  { importer: /[\\/]antd[\\/]es[\\/]app[\\/]index\.js$/, source: './App', replacement: 'src/web-kit/lazy-app.tsx' },
  ...['./noFound', './serverError', './unauthorized'].map((source) => ({ importer: /[\\/]antd[\\/]es[\\/]result[\\/]index\.js$/, source, fallback: 'null' })),
  ...['../../checkbox', '../../radio'].map((source) => ({ importer: /[\\/]antd[\\/]es[\\/]table[\\/]hooks[\\/]useSelection\.js$/, source, fallback: 'null' })),
  // A dropdown's trigger (its child) shows while the dropdown loads.
  { importer: /[\\/]antd[\\/]es[\\/]table[\\/]hooks[\\/]useSelection\.js$/, source: '../../dropdown', fallback: 'props.children' },
  { importer: /[\\/]antd[\\/]es[\\/]modal[\\/]ConfirmDialog\.js$/, source: './Modal', fallback: 'null' },
  { importer: /[\\/]antd[\\/]es[\\/]pagination[\\/]Pagination\.js$/, source: '../select', fallback: 'null' },
  { importer: /[\\/]antd[\\/]es[\\/]table[\\/]InternalTable\.js$/, source: './RcTable/VirtualTable', fallback: 'null' },
  { importer: /[\\/]@rc-component[\\/]tabs[\\/]es[\\/]TabNavList[\\/]OperationNode\.js$/, source: '@rc-component/dropdown', fallback: 'props.children' },
  {
    importer: /[\\/]antd[\\/]es[\\/]table[\\/]hooks[\\/]useFilter[\\/]index\.js$/,
    source: './FilterDropdown',
    fallback: 'props.children',
    // The one other name useFilter takes from that module: the filter values of a tree of filters, in order.
    extra: 'export function flattenKeys(filters) { const keys = []; const walk = (list) => { for (const f of list || []) { keys.push(f.value); if (f.children) walk(f.children); } }; walk(filters); return keys; }',
  },
];

function lazyAntdParts(): Plugin {
  const PREFIX = '\0mic-lazy:';
  return {
    name: 'mic:lazy-antd-parts',
    apply: 'build',
    enforce: 'pre',
    resolveId: {
      // Only these import strings reach the hook (the bundler filters the rest without calling it).
      filter: { id: new RegExp(`^(${[...new Set(LAZY_ANTD_PARTS.map((p) => p.source))].map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`) },
      async handler(source, importer) {
        const part = importer ? LAZY_ANTD_PARTS.find((p) => p.source === source && p.importer.test(importer)) : undefined;
        if (!part || !importer) return null;
        if (part.replacement) return resolve(part.replacement);
        const real = await this.resolve(source, importer, { skipSelf: true });
        return real ? `${PREFIX}${LAZY_ANTD_PARTS.indexOf(part)}:${real.id}` : null;
      },
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const [index, ...rest] = id.slice(PREFIX.length).split(':');
      const part = LAZY_ANTD_PARTS[Number(index)]!;
      return [
        "import { createElement, lazy, Suspense } from 'react';",
        `const Real = lazy(() => import(${JSON.stringify(rest.join(':'))}));`,
        `export default function LazyPart(props) { return createElement(Suspense, { fallback: ${part.fallback ?? 'null'} }, createElement(Real, props)); }`,
        part.extra ?? '',
      ].join('\n');
    },
  };
}

/** Packages whose modules have no side effects on import but whose package.json does not say so. */
const UNDECLARED_PURE = /[\\/]node_modules[\\/](@rc-component[\\/]|@ant-design[\\/](colors|cssinjs|cssinjs-utils|fast-color)[\\/]).*\.js$/;

/**
 * The web app: root src/web, built into dist/web, which the server serves with an SPA fallback.
 * Pages are lazy-loaded; the framework and the UI kit go into their own long-lived chunks.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), lazyAntdParts(), precompressAndRecordInputs()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      treeshake: {
        // Ant Design's helper packages do not declare that they are free of side effects, so importing one
        // name from a package's index kept the whole package (e.g. all of @rc-component/form, validators
        // included, on every page with an input). Their modules only define things: let unused ones go.
        moduleSideEffects: (id) => (UNDECLARED_PURE.test(id) ? false : undefined),
      },
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
