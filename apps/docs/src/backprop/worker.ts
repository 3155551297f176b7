import type { FromWorker, Speed, ToWorker } from './protocol.js';
import { createTrainer, type Trainer } from './trainer.js';

// Training runs here, off the page's main thread. At a set speed it runs that many updates
// per frame (~16 ms); at 'max' it runs chunks of about 40 ms, so that pause and step
// messages are handled promptly and the page gets a snapshot to draw after each.
interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;
const CHUNK_MS = 40;
const FRAME_MS = 1000 / 60;

let trainer: Trainer | undefined;
let running = false;
let speed: Speed = 'max';
let timer: ReturnType<typeof setTimeout> | undefined;

const send = (): void => {
  if (trainer !== undefined) scope.postMessage(trainer.snapshot(running));
};

const loop = (): void => {
  timer = undefined;
  if (!running || trainer === undefined) return;
  const started = performance.now();
  if (speed === 'max') {
    const until = started + CHUNK_MS;
    while (performance.now() < until && !trainer.done) trainer.advance(50);
  } else {
    trainer.advance(speed);
  }
  if (trainer.done) running = false;
  send();
  if (running) timer = setTimeout(loop, speed === 'max' ? 0 : Math.max(0, FRAME_MS - (performance.now() - started)));
};

const start = (): void => {
  if (timer === undefined) timer = setTimeout(loop, 0);
};

scope.addEventListener('message', (event) => {
  const message = event.data;
  try {
    switch (message.type) {
      case 'reset':
        running = false;
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        trainer = createTrainer(message.settings);
        send();
        break;
      case 'play':
        running = trainer !== undefined && !trainer.done;
        if (running) start();
        else send();
        break;
      case 'pause':
        running = false;
        send();
        break;
      case 'step':
        running = false;
        trainer?.advance(Math.max(1, Math.floor(message.count ?? 1)));
        send();
        break;
      case 'speed':
        speed = message.speed === 'max' ? 'max' : Math.max(1, Math.floor(message.speed));
        break;
      case 'budget':
        trainer?.setBudget(message.total);
        send();
        break;
    }
  } catch (error) {
    running = false;
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
