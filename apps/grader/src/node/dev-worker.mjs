// Only for running from source (tests, tsx): a worker thread does not inherit tsx's loader,
// so this plain-JavaScript entry registers it before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./grade-worker.ts');
