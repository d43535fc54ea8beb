import { describe, expect, it } from 'vitest';
import { MAX_RAW_LINES, VERBOSE_HINT, platformMark, renderTable, tableColumns } from '@cli/renderTable.js';
import { decideVerdict } from '@core/index.js';
import { ansi, plain } from '@cli/text.js';
import { AMD64_ONLY, HOSTILE_NAME, MANY, READY, UNREACHABLE } from '../../support/handBuiltResults.js';
import { DEEP_WRONG } from '../../support/reportResults.js';

const AMD64 = { os: 'linux', architecture: 'amd64' };

describe('renderTable', () => {
  const text = renderTable([READY, AMD64_ONLY, MANY, UNREACHABLE], { required: [], host: AMD64, paint: plain });
  const lines = text.split('\n');

  it('has a header and one aligned row per image', () => {
    expect(lines[0]).toMatch(/^IMAGE\s+THIS MACHINE\s+VERDICT\s+linux\/amd64\s+linux\/arm64\s+OTHER PLATFORMS$/);
    const verdictColumn = lines[0]?.indexOf('VERDICT');
    for (const line of lines.slice(1, 5))
      expect(
        line.indexOf(line.includes('Ready') ? 'Ready' : line.includes('Missing') ? 'Missing' : 'Unreachable'),
      ).toBe(verdictColumn);
    expect(lines[1]).toMatch(/good:1\.0\.0\s+works here\s+Ready\s+yes\s+yes$/);
    expect(lines[2]).toMatch(/amd64-only:1\.0\.0\s+works here\s+Missing platforms\s+yes\s+no$/);
    expect(lines[3]).toMatch(/works here\s+Ready\s+yes\s+yes\s+linux\/arm\/v7 linux\/386$/);
    expect(lines[4]).toMatch(/unknown\s+Unreachable\s+\?\s+\?$/);
    // The answer is the first column after the image, aligned.
    const answerColumn = lines[0]?.indexOf('THIS MACHINE');
    for (const line of lines.slice(1, 5)) expect(line.search(/works here|unknown/)).toBe(answerColumn);
  });

  it('explains every image that needs attention, with its fix; a registry error is one human line', () => {
    expect(text).toContain(
      `${AMD64_ONLY.reference}: Missing platforms\n  ${AMD64_ONLY.explanation}\n  fix: ${AMD64_ONLY.fix}`,
    );
    expect(text).toContain(
      `${UNREACHABLE.reference}: Unreachable\n  ${UNREACHABLE.explanation}\n  ${VERBOSE_HINT}\n\n`,
    );
    expect(text).not.toContain('connection refused');
    expect(text).not.toContain(`${READY.reference}: Ready`);
  });

  it("--verbose adds docker's own words under a failed image, printable and capped", () => {
    const verbose = renderTable([READY, UNREACHABLE], { required: [], host: AMD64, paint: plain, verbose: true });
    expect(verbose).toContain(
      `  ${UNREACHABLE.explanation}\n  docker said:\n    failed to do request: Head "http://127.0.0.1:5999/v2/nothing/here/manifests/1.0.0": dial tcp 127.0.0.1:5999: connect: connection refused\n`,
    );
    const long = {
      ...UNREACHABLE,
      failure: {
        kind: 'error' as const,
        message: Array.from({ length: MAX_RAW_LINES + 5 }, (_, i) => `line ${i}\u001b[2J`).join('\n'),
      },
    };
    const capped = renderTable([long], { required: [], paint: plain, verbose: true });
    expect(capped).toContain(`    line ${MAX_RAW_LINES - 1}\\u001b[2J\n    … 5 more lines (--json has the whole text)`);
    expect(capped).not.toContain(`line ${MAX_RAW_LINES}\\u001b`);
    expect(capped).not.toContain('\u001b');
  });

  it("without --verbose a failed image says where docker's message is; an error row's fix names --verbose, not a tab-only raw output", () => {
    const failure = { kind: 'error' as const, message: 'ERROR: unexpected status from HEAD request: 418 teapot' };
    const error = {
      ...UNREACHABLE,
      ...decideVerdict({ reference: UNREACHABLE.reference, platforms: [], source: 'registry', failure }),
      failure,
    };
    const quiet = renderTable([error, UNREACHABLE], { required: [], paint: plain });
    expect(quiet).not.toContain('teapot');
    expect(quiet).not.toContain('raw output');
    expect(quiet).toMatch(/ {2}fix: docker reported an unexpected error: .*`--verbose`/);
    expect(quiet.split(VERBOSE_HINT)).toHaveLength(2); // once, under the unreachable row: the error row's fix says it already
    const verbose = renderTable([error, UNREACHABLE], { required: [], paint: plain, verbose: true });
    expect(verbose).toContain('teapot');
    expect(verbose).not.toContain(VERBOSE_HINT);
  });

  it('ends with a summary line', () => {
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)?.length).toBeGreaterThan(0);
  });

  it('adds required platform columns and the requirement result', () => {
    const t = renderTable([READY, AMD64_ONLY], {
      required: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
      paint: plain,
    });
    expect(t.split('\n')[0]).toMatch(/linux\/amd64\s+linux\/arm64\s+linux\/arm\/v7\s+OTHER/);
    expect(t).toContain('requirement failed: lacks linux/arm/v7');
    expect(t).toContain('requirement failed: lacks linux/arm64, linux/arm/v7');
    expect(t).toContain('--require linux/amd64,linux/arm64,linux/arm/v7: 0 of 2 images meet it');
  });

  it('never lets a name from the engine reach the terminal with control characters', () => {
    const t = renderTable([HOSTILE_NAME], { required: [], paint: plain });
    expect(t).not.toContain('\u001b');
    expect(t).not.toContain('\u202e');
    expect(t).toContain('evil\\u001b[2J\\u202ename:latest');
  });

  it('colours only when asked', () => {
    expect(text).not.toContain('\u001b[');
    const coloured = renderTable([READY, AMD64_ONLY], { required: [], paint: ansi });
    expect(coloured).toContain('\u001b[32mReady\u001b[0m');
    expect(coloured).toContain('\u001b[33mMissing platforms\u001b[0m');
    // Alignment is computed on the text, not the escape codes.
    const stripped = coloured
      .replaceAll('\u001b[32m', '')
      .replaceAll('\u001b[33m', '')
      .replaceAll('\u001b[31m', '')
      .replaceAll('\u001b[0m', '');
    expect(stripped.split('\n').slice(0, 3)).toEqual(
      renderTable([READY, AMD64_ONLY], { required: [], paint: plain }).split('\n').slice(0, 3),
    );
  });

  it("the THIS MACHINE column judges the CLI's own machine: its platform and OS", () => {
    const onMac = renderTable([DEEP_WRONG, AMD64_ONLY], {
      required: [],
      host: { os: 'linux', architecture: 'arm64' },
      hostOs: 'darwin',
      paint: plain,
    }).split('\n');
    expect(onMac[1]).toMatch(/darwin-x64-both:1\.0\.0\s+broken here\s+Wrong host binary\s+yes\s+yes/);
    expect(onMac[2]).toMatch(/amd64-only:1\.0\.0\s+won't install\s+Missing platforms\s+yes\s+no/);
    const onLinux = renderTable([DEEP_WRONG], { required: [], host: AMD64, hostOs: 'linux', paint: plain });
    expect(onLinux.split('\n')[1]).toMatch(/works here\s+Wrong host binary/);
  });

  it('says so when there is nothing to show', () => {
    expect(renderTable([], { required: [], paint: plain })).toMatch(/No extension images/);
  });
});

describe('tableColumns / platformMark', () => {
  it('always shows the recommended platforms first', () => {
    expect(tableColumns([])).toEqual(['linux/amd64', 'linux/arm64']);
    expect(tableColumns(['linux/arm/v7', 'linux/amd64'])).toEqual(['linux/amd64', 'linux/arm64', 'linux/arm/v7']);
  });
  it('marks unknown platforms with ? when the image could not be inspected', () => {
    expect(platformMark(UNREACHABLE, 'linux/amd64')).toBe('?');
    expect(platformMark(AMD64_ONLY, 'linux/arm64')).toBe('no');
    expect(platformMark({ verdict: 'local-only', platforms: ['linux/amd64'] }, 'linux/amd64')).toBe('yes');
  });
  it('a local-only image is ? (not "no") for platforms its local copy lacks: no registry listed them', () => {
    expect(platformMark({ verdict: 'local-only', platforms: ['linux/amd64'] }, 'linux/arm64')).toBe('?');
  });
});
