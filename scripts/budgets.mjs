#!/usr/bin/env node
// Measures every built page against the page-weight budgets (npm run budgets). The code is in tools/budgets.mjs; see tools/lib/launch.mjs.
import { launch } from './tools/lib/launch.mjs';
await launch('budgets.mjs', 'budgets');
