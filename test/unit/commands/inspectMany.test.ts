import { describe, expect, it } from 'vitest';
import { inspectMany } from '@commands/inspectMany.js';
import { inspectImage } from '@commands/inspectImage.js';
import type { ExecOutput, ExecRequest } from '@commands/execPort.js';
import type { InspectResult } from '@core/index.js';
import { fixturePort } from '../../support/fixturePort.js';
import { OPEN_CORPUS } from '../../support/corpus.js';

const corpus = (name: string): string => `127.0.0.1:5000/corpus/${name}:1.0.0`;
const NAMES = OPEN_CORPUS.map((image) => image.name);

/** A registry that never answers for `ref`: the promise never settles, whatever its signal says. */
function neverAnswers(ref: string, seen: ExecRequest[]) {
  return (args: readonly string[], request: ExecRequest): Promise<ExecOutput> | undefined => {
    if (args[3] !== ref) return undefined;
    seen.push(request);
    return new Promise<ExecOutput>(() => undefined);
  };
}

/** Holds every command until release() is called; counts how many run at once. */
function gate() {
  let inFlight = 0;
  let maxInFlight = 0;
  const waiting: (() => void)[] = [];
  const hold = (): Promise<undefined> => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise((resolve) =>
      waiting.push(() => {
        inFlight -= 1;
        resolve(undefined);
      }),
    );
  };
  return {
    hold,
    releaseOne: (): boolean => {
      const next = waiting.shift();
      next?.();
      return next !== undefined;
    },
    get max(): number {
      return maxInFlight;
    },
    get waiting(): number {
      return waiting.length;
    },
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('inspectMany', () => {
  it('inspects every corpus image, results in input order', async () => {
    const port = fixturePort();
    const results = await inspectMany(
      port.exec,
      NAMES.map((n) => ({ reference: corpus(n) })),
      { host: { os: 'linux', architecture: 'amd64' } },
    );
    expect(results.map((r) => r.reference)).toEqual(NAMES.map(corpus));
    expect(results.map((r) => r.verdict)).toEqual([
      'ready',
      'missing-platforms',
      'incompatible',
      'ready',
      'ready',
      'ready',
      'ready',
    ]);
    expect(port.violations).toEqual([]);
  });

  it('never runs more than `concurrency` commands at once', async () => {
    const g = gate();
    const port = fixturePort([async () => g.hold()]);
    let finished = false;
    const done = inspectMany(
      port.exec,
      NAMES.map((n) => ({ reference: corpus(n) })),
      { concurrency: 2 },
    ).finally(() => {
      finished = true;
    });
    while (!finished) {
      await tick();
      g.releaseOne();
    }
    await done;
    expect(g.max).toBe(2);
    expect(port.calls.length).toBeGreaterThanOrEqual(NAMES.length);
  });

  it('inspects the same canonical reference once and gives each listing its own reference text', async () => {
    const port = fixturePort();
    const seen: [string, number][] = [];
    const targets = [
      { reference: 'local/dev-extension:latest' },
      { reference: corpus('good') },
      { reference: 'docker.io/local/dev-extension' },
    ];
    const results = await inspectMany(port.exec, targets, { onResult: (r, i) => seen.push([r.reference, i]) });
    expect(port.calls.filter((a) => a[0] === 'buildx' && a[3] === 'docker.io/local/dev-extension:latest')).toHaveLength(
      1,
    );
    expect(results[0]?.reference).toBe('local/dev-extension:latest');
    expect(results[2]?.reference).toBe('docker.io/local/dev-extension');
    expect(results[0]?.verdict).toBe('local-only');
    expect(results[2]?.verdict).toBe('local-only');
    expect(seen.map(([, i]) => i).sort()).toEqual([0, 1, 2]);
  });

  it('a registry that never answers ends in timeout and holds up nobody; its command is told to stop', async () => {
    const stuck: ExecRequest[] = [];
    const port = fixturePort([neverAnswers(corpus('good'), stuck)]);
    const order: string[] = [];
    const results = await inspectMany(
      port.exec,
      NAMES.map((n) => ({ reference: corpus(n) })),
      {
        timeoutMs: 200,
        concurrency: 2,
        onResult: (r) => order.push(r.reference),
      },
    );
    expect(results[0]?.failure?.kind).toBe('timeout');
    expect(results[0]?.verdict).toBe('unreachable');
    expect(results.slice(1).every((r) => r.failure === undefined)).toBe(true);
    expect(order[order.length - 1]).toBe(corpus('good'));
    expect(stuck[0]?.signal?.aborted).toBe(true);
  });

  it('cancel stops running commands and starts no queued ones', async () => {
    const stuck: ExecRequest[] = [];
    const port = fixturePort(NAMES.map((n) => neverAnswers(corpus(n), stuck)));
    const controller = new AbortController();
    const pending = inspectMany(
      port.exec,
      NAMES.map((n) => ({ reference: corpus(n) })),
      { signal: controller.signal, concurrency: 3 },
    );
    while (stuck.length < 3) await tick();
    controller.abort();
    const results: InspectResult[] = await pending;
    expect(results.every((r) => r.failure?.kind === 'cancelled')).toBe(true);
    expect(results.every((r) => r.verdict === 'error')).toBe(true);
    expect(port.calls).toHaveLength(3);
    expect(stuck.every((r) => r.signal?.aborted === true)).toBe(true);
  });

  it('one failing image (port throws) does not block the others', async () => {
    const port = fixturePort([
      (args) => {
        if (args[3] === corpus('good')) throw new Error('port broke');
        return undefined;
      },
    ]);
    const results = await inspectMany(
      port.exec,
      NAMES.map((n) => ({ reference: corpus(n) })),
    );
    expect(results[0]?.verdict).toBe('error');
    expect(results[0]?.failure?.message).toContain('port broke');
    expect(results.slice(1).map((r) => r.verdict)).not.toContain('error');
  });

  it('a throwing onResult listener does not stop the run', async () => {
    const results = await inspectMany(
      fixturePort().exec,
      [{ reference: corpus('good') }, { reference: corpus('legacy-list') }],
      {
        onResult: () => {
          throw new Error('listener broke');
        },
      },
    );
    expect(results.map((r) => r.verdict)).toEqual(['ready', 'ready']);
  });

  it('inspectImage alone also ends a never-answering command in timeout', async () => {
    const stuck: ExecRequest[] = [];
    const port = fixturePort([neverAnswers(corpus('good'), stuck)]);
    const result = await inspectImage(port.exec, { reference: corpus('good') }, { timeoutMs: 50 });
    expect(result.failure?.kind).toBe('timeout');
    expect(stuck[0]?.timeoutMs).toBeLessThanOrEqual(50);
  });
});
