#!/usr/bin/env node
// Builds the site into dist/, replacing it only when the build succeeds (npm run build). The code is in tools/build.mjs; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('build.mjs', 'build');
