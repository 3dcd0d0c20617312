#!/usr/bin/env node
// Benchmarks the build at 4, 200 and 2,000 procedures (npm run bench:build). The code is in tools/bench-build.ts; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('bench-build.ts', 'bench:build');
