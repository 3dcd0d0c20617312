#!/usr/bin/env node
// Runs Lighthouse on the built site (npm run audit). The code is in tools/audit.mjs; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('audit.mjs', 'audit');
