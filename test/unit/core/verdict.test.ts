import { describe, expect, it } from 'vitest';
import {
  classifyFailure,
  combineDeepVerdict,
  DEEP_USER_FIX,
  DEEP_VERDICTS,
  decideVerdict,
  hostPlatform,
  parsePlatform,
  parseRawManifest,
  VERDICTS,
  verdictLabel,
  verdictSeverity,
  type Platform,
  type Verdict,
  type VerdictInput,
} from '@core/index.js';
import { loadFixture } from '../../support/recordings.js';

const REF = '127.0.0.1:5000/corpus/x:1.0.0';
const AMD = hostPlatform('x64');
const ARM = hostPlatform('arm64');
const platforms = (...keys: string[]): Platform[] =>
  keys.map((k) => {
    const r = parsePlatform(k);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
const fromFixture = (name: string): Platform[] => {
  const r = parseRawManifest(loadFixture(name).stdout);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.platforms.map((p) => p.platform);
};
const failureFrom = (name: string) => {
  const f = loadFixture(name);
  return classifyFailure({ stderr: f.stderr, exitCode: f.exitCode });
};
const decide = (input: Partial<VerdictInput>) =>
  decideVerdict({ reference: REF, platforms: [], source: 'registry', ...input });

describe('decideVerdict', () => {
  const reachable: [Verdict, Partial<VerdictInput>][] = [
    ['ready', { platforms: fromFixture('good.imagetools-raw'), host: ARM }],
    ['missing-platforms', { platforms: platforms('linux/amd64'), host: AMD }],
    ['incompatible', { platforms: platforms('linux/amd64'), host: ARM }],
    ['unsupported-os', { platforms: platforms('windows/amd64') }],
    [
      'local-only',
      {
        platforms: platforms('linux/amd64'),
        source: 'local-store',
        registryFailure: failureFrom('error-repo-not-found.imagetools-raw'),
      },
    ],
    ['unauthorized', { failure: failureFrom('error-unauthorized.imagetools-raw') }],
    ['not-found', { failure: failureFrom('error-tag-not-found.imagetools-raw') }],
    ['unreachable', { failure: failureFrom('error-connection-refused.imagetools-raw') }],
    ['invalid-reference', { reference: 'a;rm -rf /', invalidReason: 'contains the shell character ";"' }],
    ['error', { failure: classifyFailure({ stderr: "docker: 'buildx' is not a docker command.", exitCode: 1 }) }],
  ];

  it('reaches every verdict value (the deep check verdicts through combineDeepVerdict, below)', () => {
    expect([...reachable.map(([v]) => v), ...DEEP_VERDICTS].sort()).toEqual([...VERDICTS].sort());
  });

  it.each(reachable)('%s: one-line explanation, label and severity', (verdict, input) => {
    const d = decide(input);
    expect(d.verdict).toBe(verdict);
    expect(d.explanation.length).toBeGreaterThan(10);
    expect(d.explanation).not.toContain('\n');
    expect(verdictLabel(verdict).length).toBeGreaterThan(0);
    expect(['ok', 'warning', 'error', 'info']).toContain(verdictSeverity(verdict));
    if (verdict === 'ready') expect(d.fix).toBeUndefined();
    else expect(d.fix?.length).toBeGreaterThan(5);
  });

  it('the host decides between incompatible and missing-platforms', () => {
    const amd64Only = platforms('linux/amd64');
    const arm64Only = fromFixture('arm64-only-attested.imagetools-raw');
    expect(decide({ platforms: amd64Only, host: ARM }).verdict).toBe('incompatible');
    expect(decide({ platforms: amd64Only, host: AMD }).verdict).toBe('missing-platforms');
    expect(decide({ platforms: arm64Only, host: AMD }).verdict).toBe('incompatible');
    expect(decide({ platforms: arm64Only, host: ARM }).verdict).toBe('missing-platforms');
    expect(decide({ platforms: arm64Only }).verdict).toBe('missing-platforms');
  });

  it('fixes carry the exact platform list and the push target', () => {
    const d = decide({ platforms: platforms('linux/amd64'), host: ARM });
    expect(d.fix).toBe(
      'docker buildx build --platform=linux/amd64,linux/arm64 --tag=127.0.0.1:5000/corpus/x:1.0.0 --push .',
    );
    expect(d.explanation).toContain('linux/arm64');
    const kept = decide({ platforms: platforms('linux/amd64', 'linux/s390x', 'windows/amd64'), host: AMD });
    expect(kept.fix).toContain('--platform=linux/amd64,linux/arm64,linux/s390x ');
    expect(kept.explanation).toContain('lacks linux/arm64');
    const hub = decideVerdict({ reference: 'alpine', platforms: platforms('linux/arm64'), source: 'registry' });
    expect(hub.fix).toBe('docker buildx build --platform=linux/amd64,linux/arm64 --tag=alpine:latest --push .');
  });

  it('windows-entry is ready: the windows entry does not hide the linux ones', () => {
    expect(decide({ platforms: fromFixture('windows-entry.imagetools-raw'), host: ARM }).verdict).toBe('ready');
    expect(decide({ platforms: fromFixture('many-platforms.imagetools-raw'), host: AMD }).explanation).toContain(
      '+6 more',
    );
  });

  it('unauthorized tells which registry to log in to', () => {
    const d = decideVerdict({
      reference: '127.0.0.1:5001/private/good:1.0.0',
      platforms: [],
      source: 'registry',
      failure: failureFrom('error-unauthorized.imagetools-raw'),
    });
    expect(d.fix).toContain('docker login 127.0.0.1:5001');
    expect(d.userFix).toBe(d.fix);
    expect(d.publisherFix).toBeUndefined();
    // One human line: the registry's own words stay in the result's failure (details, --verbose, JSON).
    expect(d.explanation).toBe('The registry 127.0.0.1:5001 refused access: a login is needed');
    expect(d.explanation).not.toContain('no basic auth credentials');
    const hub = decideVerdict({
      reference: 'docker/x:1',
      platforms: [],
      source: 'registry',
      failure: failureFrom('error-unauthorized.imagetools-raw'),
    });
    expect(hub.fix).toMatch(/^docker login,/);
  });

  it('precedence: invalid reference, then failure, then local store', () => {
    const failure = failureFrom('error-tag-not-found.imagetools-raw');
    expect(decide({ invalidReason: 'x', failure }).verdict).toBe('invalid-reference');
    expect(decide({ failure, source: 'local-store', platforms: platforms('linux/amd64') }).verdict).toBe('not-found');
    expect(decide({ source: 'local-store', platforms: platforms('linux/amd64', 'linux/arm64') }).verdict).toBe(
      'local-only',
    );
  });

  it('timeout is unreachable; rate limits, missing tools and cancels are errors', () => {
    expect(decide({ failure: classifyFailure({ stderr: '', exitCode: null, interrupted: 'timeout' }) }).verdict).toBe(
      'unreachable',
    );
    for (const stderr of ['toomanyrequests', "'buildx' is not a docker command"]) {
      expect(decide({ failure: classifyFailure({ stderr, exitCode: 1 }) }).verdict).toBe('error');
    }
    expect(decide({ failure: classifyFailure({ stderr: '', exitCode: null, interrupted: 'cancelled' }) }).verdict).toBe(
      'error',
    );
  });

  it('an index with no runnable platform is unsupported-os and says so', () => {
    const d = decide({ platforms: [] });
    expect(d.verdict).toBe('unsupported-os');
    expect(d.explanation).toMatch(/no runnable platform/i);
    expect(decide({ platforms: platforms('windows/amd64') }).explanation).toContain('windows/amd64 only');
  });

  it('incompatible says what this machine is and what the image is published for', () => {
    const d = decide({ platforms: platforms('linux/arm64', 'linux/arm/v7'), host: AMD });
    expect(d.explanation).toBe(
      'This machine is linux/amd64; the image is published only for linux/arm64, linux/arm/v7: Docker Desktop will not install it here',
    );
    expect(d.explanation).not.toMatch(/lacks linux\/amd64, this machine's platform/);
  });

  it("a platform verdict has a fix for the user (update, tell the publisher) and the build command as the publisher's fix", () => {
    for (const [input, told] of [
      [{ platforms: platforms('linux/amd64'), host: ARM }, 'that it lacks linux/arm64'],
      [{ platforms: platforms('windows/amd64') }, 'that it has no linux image'],
    ] as const) {
      const d = decide(input);
      expect(d.publisherFix).toMatch(/^docker buildx build --platform=linux\/amd64,linux\/arm64 .* --push \.$/);
      expect(d.fix).toBe(d.publisherFix);
      expect(d.userFix).toBe(
        `Check for an update of this extension; if there is none, tell its publisher ${told} (the build command is the publisher's fix)`,
      );
    }
    const works = decide({ platforms: platforms('linux/amd64'), host: AMD });
    expect(works.userFix).toBe(
      "Nothing to do on this machine (linux/amd64); users on linux/arm64 cannot install it: tell its publisher (the build command is the publisher's fix)",
    );
    expect(decide({ platforms: platforms('linux/amd64') }).userFix).toContain(
      'tell its publisher that it lacks linux/arm64',
    );
    const gone = decide({ failure: failureFrom('error-tag-not-found.imagetools-raw') });
    expect(gone.publisherFix).toBe(
      'docker buildx build --platform=linux/amd64,linux/arm64 --tag=127.0.0.1:5000/corpus/x:1.0.0 --push .',
    );
    expect(gone.userFix).toMatch(/tell its publisher$/);
    expect(decide({ platforms: fromFixture('good.imagetools-raw'), host: ARM })).toEqual({
      verdict: 'ready',
      explanation: 'Published for linux/amd64 and linux/arm64',
    });
  });

  it('a failure explains itself without the raw registry text, naming the registry', () => {
    const refused = decide({ failure: failureFrom('error-connection-refused.imagetools-raw') });
    expect(refused.explanation).toBe('The registry 127.0.0.1:5000 could not be reached');
    expect(refused.userFix).toBe(refused.fix);
    expect(decide({ failure: failureFrom('error-tag-not-found.imagetools-raw') }).explanation).toBe(
      'The registry 127.0.0.1:5000 has no such repository or tag',
    );
  });

  it('a long, multi-line failure message still gives a one-line explanation', () => {
    const d = decide({ failure: { kind: 'error', message: `${'x'.repeat(500)}\nsecond line` } });
    expect(d.explanation).not.toContain('\n');
    expect(d.explanation.length).toBeLessThan(300);
  });
});

describe('combineDeepVerdict: the worse of the platform verdict and the deep verdict, by rank', () => {
  const ready = decide({ platforms: fromFixture('good.imagetools-raw'), host: ARM });
  const wrong = {
    verdict: 'wrong-host-binary',
    explanation: 'x86_64 Mach-O at /darwin/k in the linux/arm64 variant',
    fix: 'pick by TARGETARCH',
  } as const;
  const backend = {
    verdict: 'backend-missing-platforms',
    explanation: 'backend lacks linux/arm64',
    fix: 'build it',
  } as const;

  it('a deep verdict replaces ready and missing-platforms, with its explanation and fix', () => {
    // A deep finding is the publisher's to fix: its fix is the publisher's, its user can update or tell them.
    expect(combineDeepVerdict(ready, wrong)).toEqual({ ...wrong, publisherFix: wrong.fix, userFix: DEEP_USER_FIX });
    expect(combineDeepVerdict(ready, backend)).toEqual({
      ...backend,
      publisherFix: backend.fix,
      userFix: DEEP_USER_FIX,
    });
    const missing = decide({ platforms: platforms('linux/amd64'), host: AMD });
    // None of the platform verdict's fixes stays behind.
    expect(combineDeepVerdict(missing, wrong)).toEqual({ ...wrong, publisherFix: wrong.fix, userFix: DEEP_USER_FIX });
    expect(combineDeepVerdict(ready, { verdict: 'wrong-host-binary', explanation: 'e' })).toEqual({
      verdict: 'wrong-host-binary',
      explanation: 'e',
      userFix: DEEP_USER_FIX,
    });
    expect(combineDeepVerdict(missing, backend).verdict).toBe('missing-platforms');
  });

  it('incompatible outranks wrong-host-binary; no deep verdict keeps the platform verdict', () => {
    const incompatible = decide({ platforms: platforms('linux/amd64'), host: ARM });
    expect(combineDeepVerdict(incompatible, wrong)).toEqual(incompatible);
    expect(combineDeepVerdict(ready, { verdict: undefined, explanation: 'fine' })).toEqual(ready);
  });
});
