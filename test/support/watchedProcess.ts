/**
 * A child process watched from outside, for tests of what it costs: its peak resident memory (VmHWM in
 * /proc/<pid>/status, polled), how long it ran, and a safety
 * kill so that a process that would run for an hour fails the test instead of hanging it. Linux only.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface PeakWatch {
  /** The highest VmHWM seen, in bytes. */
  peakBytes(): number;
  stop(): void;
}

function highWaterMark(pid: number): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

export function watchPeakRss(pid: number, everyMs = 50): PeakWatch {
  let peak = 0;
  const sample = (): void => {
    peak = Math.max(peak, highWaterMark(pid) ?? 0);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    peakBytes: () => {
      sample();
      return peak;
    },
    stop: () => clearInterval(timer),
  };
}

export interface WatchedRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** From spawn to exit. */
  readonly ms: number;
  readonly peakBytes: number;
  /** True when the safety kill ended it. */
  readonly killed: boolean;
}

/** Runs `command` to its end, or SIGKILLs it after killAfterMs; measures its time and peak memory. */
export function runWatched(
  command: string,
  args: readonly string[],
  options: { readonly env: NodeJS.ProcessEnv; readonly killAfterMs: number },
): Promise<WatchedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) {
      reject(new Error(`${command} did not start`));
      return;
    }
    const watch = watchPeakRss(child.pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let killed = false;
    const safety = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, options.killAfterMs);
    let peakBytes = 0;
    // Sampled once more just before it exits is not possible; the last poll (every 50 ms) is close enough.
    child.on('exit', () => {
      peakBytes = watch.peakBytes();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(safety);
      watch.stop();
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: performance.now() - started,
        peakBytes,
        killed,
      });
    });
  });
}

/** Bytes as MiB, for messages. */
export const mib = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MiB`;
