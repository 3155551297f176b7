#!/usr/bin/env node
import { runMain } from '@slope/cli-kit';
import { run } from './cli.js';

// Ctrl-C or SIGTERM stops the run before anything is written; a second one quits at once.
await runMain('fit-heights', run);
