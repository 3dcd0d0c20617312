// Worker-thread entry of pool.ts: renders the cards it is sent and posts the PNG bytes back.
// Loaded by Node itself (not bundled), so it and everything it imports must stay plain,
// type-strippable TypeScript with explicit .ts imports.
import { parentPort } from 'node:worker_threads';
import { renderCard, type Card } from './render.ts';

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread of pool.ts');
port.on('message', ({ id, card }: { id: number; card: Card }) => {
  try {
    const png = renderCard(card);
    port.postMessage({ id, png }, [png.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
