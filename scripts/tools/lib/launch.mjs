// Every command under scripts/ starts here. It checks the Node version before anything else is
// loaded: the tools are TypeScript, which a Node older than the project's cannot load, and would
// otherwise fail with a message about file extensions or flags instead of the real cause.
//
// Plain JavaScript on purpose, importing only Node built-ins, so that any Node can run it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The Node major version the project pins (`.nvmrc`, the `node` devDependency, `engines`). */
export const PINNED_NODE = Number(readFileSync(new URL('../../../.nvmrc', import.meta.url), 'utf8').trim());

/**
 * The one line a command prints when started under an older Node, or undefined when `version` is
 * new enough.
 * @param {string} command what was started, e.g. `scripts/build.mjs`
 * @param {string} npmScript the npm script that runs it, e.g. `build`
 * @param {string} version the running Node's version, e.g. `20.20.2`
 * @returns {string | undefined}
 */
export function wrongNodeMessage(command, npmScript, version) {
  const major = Number(version.split('.')[0]);
  if (major >= PINNED_NODE) return undefined;
  return (
    `${command} needs Node ${PINNED_NODE} (the project's pinned Node); this is Node ${version}. ` +
    `Run it through npm, which uses the project's Node from node_modules/.bin: npm run ${npmScript}` +
    ` (after npm install).`
  );
}

/**
 * Checks the Node version, then runs `scripts/tools/<tool>` as if Node had been started with it
 * (`process.argv[1]` names the tool, so its own "am I the main module?" check holds).
 * @param {string} tool file name under scripts/tools/, e.g. `build.mjs`
 * @param {string} npmScript the npm script that runs it
 */
export async function launch(tool, npmScript) {
  const entry = process.argv[1] ? `scripts/${process.argv[1].split('/').pop()}` : `scripts/${tool}`;
  const problem = wrongNodeMessage(entry, npmScript, process.versions.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  const url = new URL(`../${tool}`, import.meta.url);
  process.argv[1] = fileURLToPath(url);
  await import(url.href);
}
