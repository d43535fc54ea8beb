import { describe, expect, it } from 'vitest';
import { describeEnvironment } from '../../../src/server/toolCheck.js';

describe('describeEnvironment', () => {
  it('says nothing when docker, the engine and buildx are there', () => {
    expect(describeEnvironment({ engine: 'ok', buildx: 'ok', buildxVersion: '0.13.1+ds1' })).toEqual([]);
  });

  it('names the missing docker CLI, and only that (buildx cannot run without it)', () => {
    const lines = describeEnvironment({ engine: 'tool-missing', buildx: 'missing', message: 'x' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/`docker` CLI was not found/);
  });

  it('names an unreachable engine and a missing buildx separately', () => {
    const lines = describeEnvironment({ engine: 'unreachable', buildx: 'missing' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/cannot reach a Docker engine/);
    expect(lines[1]).toMatch(/buildx was not found.*manifest inspect/);
  });
});
