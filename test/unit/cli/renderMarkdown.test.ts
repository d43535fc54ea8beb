import { describe, expect, it } from 'vitest';
import { renderMarkdown, MAX_MARKDOWN_FINDINGS } from '@cli/renderMarkdown.js';
import { mdCode, mdText } from '@cli/markdownText.js';
import { renderAnnotations, escapeData } from '@cli/renderAnnotations.js';
import { DEEP_REF, DEEP_WRONG, report } from '../../support/reportResults.js';
import { HOSTILE_NAME, result } from '../../support/handBuiltResults.js';

describe('markdown text', () => {
  it('escapes markup and HTML, and keeps untrusted text on one line', () => {
    expect(mdText('<img src=x onerror=alert(1)> *bold* [a](b) | x\nnext')).toBe(
      '\\<img src=x onerror=alert\\(1\\)\\> \\*bold\\* \\[a\\]\\(b\\) \\| x next',
    );
    expect(mdText('a & b')).toBe('a &amp; b');
    expect(mdText('\u001b[2J')).not.toContain('\u001b');
  });

  it('fences code with more backticks than it holds, and escapes pipes in table cells', () => {
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('a|b', true)).toBe('`a\\|b`');
  });
});

describe('renderMarkdown', () => {
  it('is a heading, the summary, one matrix row per image, the findings with fixes, the source and --require', () => {
    const md = renderMarkdown(report());
    const lines = md.split('\n');
    expect(lines[0]).toBe('### Arch Matrix');
    expect(md).toContain('| Image | This machine | Verdict | `linux/amd64` | `linux/arm64` | Other platforms |');
    // On the report's linux/amd64 machine the wrong binary (macOS, linux/arm64) does not touch it.
    expect(md).toContain(`| \`${DEEP_REF}\` | ✅ works here | ❌ Wrong host binary | yes | yes |  |`);
    expect(md).toContain(
      '| `127.0.0.1:5000/corpus/amd64-only:1.0.0` | ✅ works here | ⚠️ Missing platforms | yes | **no** |  |',
    );
    expect(md).toContain(`#### ❌ \`${DEEP_REF}\`: Wrong host binary`);
    expect(md).toContain('- **error** `linux/arm64` · `darwin` · `/darwin/esbuild`:');
    expect(md).toContain('  fix: `Build /darwin/esbuild per TARGETARCH (arm64 in the linux/arm64 variant)`');
    expect(md).toContain('- **warning** `linux/arm64` · `windows` · `/windows/esbuild.exe`:');
    expect(md).toContain('Platforms read with docker buildx imagetools inspect.');
    expect(md).toContain('`--require linux/amd64,linux/arm64`: 1 of 3 images meet it.');
    // A ready image gets a row and no section.
    expect(md).not.toContain('#### ✅');
  });

  it('says the answer for the machine the report was made on: a Mac with Apple silicon gets broken here', () => {
    const md = renderMarkdown(report({ host: { os: 'linux', architecture: 'arm64' }, hostOs: 'darwin' }));
    expect(md).toContain(`| \`${DEEP_REF}\` | ❌ broken here | ❌ Wrong host binary | yes | yes |  |`);
    expect(md).toContain("| `127.0.0.1:5000/corpus/amd64-only:1.0.0` | ❌ won't install | ⚠️ Missing platforms |");
  });

  it('keeps hostile names inert and caps the findings per image', () => {
    const md = renderMarkdown(report({ images: [{ result: HOSTILE_NAME }] }));
    expect(md).not.toContain('\u001b');
    expect(md).not.toContain('\u202e');
    const notes = Array.from({ length: MAX_MARKDOWN_FINDINGS + 5 }, (_, i) => `note ${i}`);
    const many = { ...DEEP_WRONG, deep: { ...DEEP_WRONG.deep, notes } };
    const capped = renderMarkdown(report({ images: [{ result: many }] }));
    expect(capped).toContain('more (see the JSON or SARIF report)');
  });

  it('says so when there is nothing to report', () => {
    expect(renderMarkdown(report({ images: [] }))).toContain('No extension images were checked.');
  });
});

describe('renderAnnotations', () => {
  it('writes one workflow command per finding, with file and line for metadata.json findings', () => {
    const out = renderAnnotations(report());
    const lines = out.trim().split('\n');
    expect(lines.every((l) => /^::(error|warning|notice) /.test(l))).toBe(true);
    expect(lines.find((l) => l.includes('/darwin/esbuild'))).toMatch(
      /^::error file=metadata.json,line=6,title=Arch Matrix%3A Host binary for the wrong CPU::127\.0\.0\.1:5100\//,
    );
    expect(lines.find((l) => l.includes('amd64-only:1.0.0: '))).toMatch(/^::warning title=/);
  });

  it('escapes what could end a command or start another', () => {
    expect(escapeData('50%\r\n::error::x')).toBe('50%25%0D%0A::error::x');
    const evil = result({ reference: 'x', verdict: 'error', explanation: 'a\n::set-output name=x::y' });
    const out = renderAnnotations(report({ images: [{ result: evil }] }));
    expect(out.trim().split('\n')).toHaveLength(1);
  });
});
