import { describe, expect, it } from 'vitest';
import { renderCardOffThread } from '../../src/publish/previews/pool.ts';
import { renderCard, type Card } from '../../src/publish/previews/render.ts';

const card = (title: string): Card => ({ kicker: 'European Parliament resolution · 2019/2610(RSP)', title, meta: '2019 · 16 demands, quoted verbatim' });

describe('preview cards on worker threads', () => {
  it('gives exactly the bytes the main thread draws, for every card of a batch', async () => {
    const cards = ['Kazakhstan', 'Resolution on the human rights situation in Kazakhstan, notably the case of Vladimir Kozlov', 'Freedom of assembly'].map(card);
    const off = await Promise.all(cards.map(renderCardOffThread));
    off.forEach((png, i) => expect(Buffer.from(png).equals(Buffer.from(renderCard(cards[i]!))), cards[i]!.title).toBe(true));
  });

  it('rejects with the worker\'s error when a card cannot be drawn, and keeps working', async () => {
    await expect(renderCardOffThread({ kicker: 'k', meta: 'm' } as unknown as Card)).rejects.toThrow(/preview card: .*TypeError/s);
    expect((await renderCardOffThread(card('After an error'))).length).toBeGreaterThan(1000);
  });
});
