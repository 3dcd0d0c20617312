#!/usr/bin/env node
// Checks every link and fragment of the built site (npm run check:links). The code is in tools/check-links.mjs; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('check-links.mjs', 'check:links');
