import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createTtyTerminal } from '../../src/prompt/tty-terminal.js';

class FakeStdin extends EventEmitter {
  raw: boolean[] = [];
  flowing = false;
  setRawMode(on: boolean) {
    this.raw.push(on);
  }
  resume() {
    this.flowing = true;
  }
  pause() {
    this.flowing = false;
  }
}

describe('createTtyTerminal', () => {
  it('raw mode on: reads chunks in order (queued or awaited); off: lets go of stdin', async () => {
    const stdin = new FakeStdin();
    const out: string[] = [];
    const term = createTtyTerminal(stdin, { write: (t: string) => out.push(t), columns: 120 });
    term.setRawMode(true);
    expect(stdin.raw).toEqual([true]);
    expect(stdin.flowing).toBe(true);
    stdin.emit('data', Buffer.from('ab'));
    stdin.emit('data', 'c');
    expect(await term.read()).toBe('ab');
    expect(await term.read()).toBe('c');
    const pending = term.read();
    stdin.emit('data', Buffer.from('é', 'utf8'));
    expect(await pending).toBe('é');
    stdin.emit('end');
    expect(await term.read()).toBeNull();
    term.write('x');
    expect(out).toEqual(['x']);
    expect(term.columns).toBe(120);
    term.setRawMode(false);
    expect(stdin.raw).toEqual([true, false]);
    expect(stdin.flowing).toBe(false);
    expect(stdin.listenerCount('data')).toBe(0);
  });

  it('80 columns when the output does not say', () => {
    expect(createTtyTerminal(new FakeStdin(), { write: () => {} }).columns).toBe(80);
  });
});
