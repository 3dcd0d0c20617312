#!/usr/bin/env node
// Checks and updates the URL manifest, tests/url-manifest.json (npm run urls:manifest). The code is in tools/url-manifest.ts; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('url-manifest.ts', 'urls:manifest');
