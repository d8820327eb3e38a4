import { describe, expect, it } from 'vitest';
import { worldRoomProblem } from '../../src/server/world-room.js';

const MB = 1024 * 1024;

describe('a world larger than the heap is refused at start', () => {
  it('lets the largest world start under the usual heap limit (4 GB on a 64-bit machine)', () => {
    expect(worldRoomProblem(100_000, 4096 * MB)).toBeNull();
  });

  it('names what the world needs, what the process may use and how to raise it, in one line', () => {
    const problem = worldRoomProblem(100_000, 256 * MB);
    expect(problem).toMatch(
      /^--users 100000 needs about \d+ MB of heap; this Node process may use 256 MB \(raise it with NODE_OPTIONS=--max-old-space-size=\d+\)$/,
    );
  });

  it('grows with the users asked for', () => {
    expect(worldRoomProblem(1000, 256 * MB)).toBeNull();
    expect(worldRoomProblem(100_000, 256 * MB)).not.toBeNull();
  });
});
