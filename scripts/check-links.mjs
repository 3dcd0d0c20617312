#!/usr/bin/env node
// Writes the URL manifest (npm run urls:manifest); the link check itself is the crawl (npm run check:links). The code is in tools/check-links.mjs; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('check-links.mjs', 'urls:manifest');
