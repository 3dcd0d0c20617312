#!/usr/bin/env node
// Benchmarks the search index at 4, 200 and 2,000 procedures (npm run bench:search). The code is in tools/bench-search.ts; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('bench-search.ts', 'bench:search');
