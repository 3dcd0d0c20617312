import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * True when the module at `metaUrl` is the script Node was started with (not imported by a test).
 * Compares real paths, so it holds through symlinks and relative invocations.
 * @param {string} metaUrl the caller's `import.meta.url`
 * @returns {boolean}
 */
export function isMain(metaUrl) {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(metaUrl));
  } catch {
    return false;
  }
}
