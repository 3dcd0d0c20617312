/**
 * Node-only helpers (tests, bench, build scripts). The browser bundle must not import this file.
 *
 *   createSearchClient({ fetchJson: fetchJsonFromDir('dist/search') })      // files on disk
 *   createSearchClient({ fetchJson: fetchJsonFromFiles(buildSearchIndex(docs)) }) // in memory
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/** Reads `<dir>/<path>` and parses it; refuses paths that leave `dir`. */
export function fetchJsonFromDir(dir: string): (path: string) => Promise<unknown> {
  const root = resolve(dir);
  return async (path: string) => {
    const file = resolve(root, path);
    if (file !== root && !file.startsWith(root + sep)) throw new Error(`search: path outside the index: ${path}`);
    return JSON.parse(await readFile(file, 'utf8'));
  };
}

/** Serves the Map returned by buildSearchIndex; `onFetch` sees every file fetched (for byte counts). */
export function fetchJsonFromFiles(files: Map<string, string>, onFetch?: (path: string, content: string) => void): (path: string) => Promise<unknown> {
  return async (path: string) => {
    const content = files.get(path);
    if (content === undefined) throw new Error(`search: no such index file: ${path}`);
    onFetch?.(path, content);
    return JSON.parse(content);
  };
}

/** Writes the index files under `dir` (e.g. dist/search). */
export async function writeSearchIndex(dir: string, files: Map<string, string>): Promise<void> {
  for (const [path, content] of files) {
    const file = join(dir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}
