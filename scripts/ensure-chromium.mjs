#!/usr/bin/env node
// Makes sure Debian's Chromium is installed for the browser tests (npm run test). The code is in tools/ensure-chromium.mjs; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('ensure-chromium.mjs', 'test');
