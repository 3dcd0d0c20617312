#!/usr/bin/env node
// Imports a Legislative Observatory export into content/procedures/ (npm run import). The code is in tools/import.ts; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('import.ts', 'import');
