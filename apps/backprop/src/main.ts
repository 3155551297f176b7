#!/usr/bin/env node
import { runMain } from '@slope/cli-kit';
import { run } from './cli.js';

// The first Ctrl-C or SIGTERM stops training and still writes the files; a second one quits.
await runMain('backprop', run);
