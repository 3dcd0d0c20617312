#!/usr/bin/env node
// Screenshots of every page type of the built site, and the check that no page is wider than the screen (npm run shots). The code is in tools/shots.ts; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('shots.ts', 'shots');
