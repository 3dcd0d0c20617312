#!/usr/bin/env node
// Measures every built page against the page-weight rule (npm run budgets). The code is in tools/budgets.ts; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('budgets.ts', 'budgets');
