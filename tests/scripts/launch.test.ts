// Every command under scripts/ started with a Node older than the project's says so in one line
// (which Node it found, which it needs, and the npm script to use) instead of failing on syntax it
// cannot load. Runs each entry with the machine's own older Node (Debian's, v20 on this machine
// kind), found on PATH outside node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PINNED_NODE, wrongNodeMessage } from '../../scripts/tools/lib/launch.mjs';
import { ROOT } from './gate-helpers.ts';

function olderNode(): { bin: string; version: string } | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || dir.includes('node_modules')) continue;
    const bin = path.join(dir, 'node');
    if (!existsSync(bin)) continue;
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
    if (Number(version.split('.')[0]) < PINNED_NODE) return { bin, version };
  }
  return undefined;
}

describe('wrongNodeMessage', () => {
  it('names the Node found, the Node needed and the npm script', () => {
    expect(wrongNodeMessage('scripts/build.mjs', 'build', '20.20.2')).toBe(
      `scripts/build.mjs needs Node ${PINNED_NODE} (the project's pinned Node); this is Node 20.20.2. ` +
        `Run it through npm, which uses the project's Node from node_modules/.bin: npm run build (after npm install).`,
    );
  });
  it('is silent on the pinned Node and newer', () => {
    expect(wrongNodeMessage('scripts/build.mjs', 'build', `${PINNED_NODE}.0.0`)).toBeUndefined();
    expect(wrongNodeMessage('scripts/build.mjs', 'build', `${PINNED_NODE + 1}.1.0`)).toBeUndefined();
  });
});

describe('every command under scripts/ on an older Node', () => {
  const old = olderNode();
  const entries = readdirSync(path.join(ROOT, 'scripts')).filter((f) => f.endsWith('.mjs'));
  it('finds an older Node on PATH (this machine kind ships Node 20)', () => {
    expect(old, `no node older than ${PINNED_NODE} on PATH outside node_modules`).toBeDefined();
    expect(entries.length).toBeGreaterThan(5);
  });
  it.each(entries)('scripts/%s says which Node it found and needs, and exits 1', (entry) => {
    const r = spawnSync(old!.bin, [path.join('scripts', entry), '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`scripts/${entry} needs Node ${PINNED_NODE}`);
    expect(r.stderr).toContain(`this is Node ${old!.version}`);
    expect(r.stderr).toMatch(/npm run [a-z:]+/);
  });
});
