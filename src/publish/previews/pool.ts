// Renders preview cards on worker threads. At 2,000 procedures the cards are 2,000 images of a few
// milliseconds each; Astro renders endpoints a few at a time (build.concurrency) on one thread, so
// drawing them elsewhere lets every core work. The bytes are those of renderCard() on the main
// thread: the worker runs the same code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Card } from './render.ts';

/**
 * The worker's source. Astro bundles this module into its build folder, so the worker is found
 * from the project root (the build's working directory, as for the content folder), not from
 * this file's URL.
 */
export const WORKER_FILE = path.resolve('src/publish/previews/render-worker.ts');
const SIZE = Math.max(1, Math.min(4, os.availableParallelism()));

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (png: Uint8Array) => void; reject: (e: Error) => void }>;
}
let slots: Slot[] | undefined;
let nextId = 0;

function start(): Slot[] {
  if (!fs.existsSync(WORKER_FILE)) throw new Error(`preview cards: worker ${WORKER_FILE} not found (the build must run from the project root)`);
  return Array.from({ length: SIZE }, () => {
    const slot: Slot = { worker: new Worker(WORKER_FILE), pending: new Map() };
    // An idle worker must not keep the build process alive; a busy one must.
    slot.worker.unref();
    slot.worker.on('message', (m: { id: number; png?: Uint8Array; error?: string }) => {
      const job = slot.pending.get(m.id);
      if (!job) return;
      slot.pending.delete(m.id);
      if (!slot.pending.size) slot.worker.unref();
      if (m.png) job.resolve(m.png);
      else job.reject(new Error(`preview card: ${m.error ?? 'no image'}`));
    });
    slot.worker.on('error', (e) => {
      for (const job of slot.pending.values()) job.reject(new Error(`preview card worker failed: ${e.message}`));
      slot.pending.clear();
    });
    return slot;
  });
}

/** The PNG of a card, drawn on the least busy worker thread. */
export function renderCardOffThread(card: Card): Promise<Uint8Array> {
  slots ??= start();
  const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    slot.pending.set(id, { resolve, reject });
    slot.worker.ref();
    slot.worker.postMessage({ id, card });
  });
}
