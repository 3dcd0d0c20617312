#!/usr/bin/env node
// Checks every content file and lists every problem (npm run check:content). The code is in tools/check-content.ts; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('check-content.ts', 'check:content');
