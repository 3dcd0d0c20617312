#!/usr/bin/env node
// Serves the built site as a static host would (npm run preview). The code is in tools/serve.ts; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('serve.ts', 'preview');
