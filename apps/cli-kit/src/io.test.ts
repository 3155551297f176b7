import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { processSink } from './index.js';

describe('processSink(stream)', () => {
  it('writes through, then drops text after EPIPE (a reader such as head closed the pipe) instead of crashing', () => {
    const written: string[] = [];
    const stream = Object.assign(new EventEmitter(), { isTTY: false, write: (text: string) => (written.push(text), true) }) as unknown as NodeJS.WriteStream;
    const sink = processSink(stream);
    sink.write('one\n');
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(() => sink.write('two\n')).not.toThrow();
    expect(written).toEqual(['one\n']);
    expect(sink.isTTY).toBe(false);
  });

  it('still fails loudly on other stream errors', () => {
    const stream = Object.assign(new EventEmitter(), { write: () => true }) as unknown as NodeJS.WriteStream;
    processSink(stream);
    expect(() => stream.emit('error', Object.assign(new Error('EIO'), { code: 'EIO' }))).toThrow('EIO');
  });
});
