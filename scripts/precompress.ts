/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of a built folder, at the
 * strongest settings, once at build time; the server then sends the copy the browser accepts
 * without compressing anything per request. A copy that would not be smaller is not written.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Extensions of files that compress; images, fonts in woff2 and the like are compressed already. */
export const COMPRESSIBLE_EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.xml', '.map', '.webmanifest', '.wasm', '.ttf', '.otf']);

export interface PrecompressResult {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

export async function precompressDir(dir: string): Promise<PrecompressResult> {
  const jobs: Promise<[number, number, number]>[] = [];
  for await (const path of walk(dir)) {
    if (!COMPRESSIBLE_EXTENSIONS.has(extname(path))) continue;
    jobs.push(
      (async () => {
        const data = await readFile(path);
        const [br, gzipped] = await Promise.all([
          brotli(data, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
          gz(data, { level: constants.Z_BEST_COMPRESSION }),
        ]);
        if (br.length < data.length) await writeFile(`${path}.br`, br);
        if (gzipped.length < data.length) await writeFile(`${path}.gz`, gzipped);
        return [data.length, Math.min(gzipped.length, data.length), Math.min(br.length, data.length)];
      })(),
    );
  }
  const sizes = await Promise.all(jobs);
  return sizes.reduce<PrecompressResult>(
    (sum, [bytes, g, b]) => ({ files: sum.files + 1, bytes: sum.bytes + bytes, gzipBytes: sum.gzipBytes + g, brotliBytes: sum.brotliBytes + b }),
    { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 },
  );
}
