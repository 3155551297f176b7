import type { FromWorker, ToWorker } from './protocol.js';
import { createTrainer, type Trainer } from './trainer.js';

// Training runs here, off the page's main thread, in chunks of about 40 ms so that pause
// and step messages are handled promptly and the page gets a snapshot to draw each time.
interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;
const CHUNK_MS = 40;

let trainer: Trainer | undefined;
let running = false;
let timer: ReturnType<typeof setTimeout> | undefined;

const send = (): void => {
  if (trainer !== undefined) scope.postMessage(trainer.snapshot(running));
};

const loop = (): void => {
  timer = undefined;
  if (!running || trainer === undefined) return;
  const until = performance.now() + CHUNK_MS;
  while (performance.now() < until && !trainer.done) trainer.advance(50);
  if (trainer.done) running = false;
  send();
  if (running) timer = setTimeout(loop, 0);
};

scope.addEventListener('message', (event) => {
  const message = event.data;
  try {
    switch (message.type) {
      case 'reset':
        running = false;
        if (timer !== undefined) clearTimeout(timer);
        trainer = createTrainer(message.settings);
        send();
        break;
      case 'play':
        running = true;
        if (timer === undefined) timer = setTimeout(loop, 0);
        break;
      case 'pause':
        running = false;
        send();
        break;
      case 'step':
        running = false;
        trainer?.advance(1);
        send();
        break;
    }
  } catch (error) {
    running = false;
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
