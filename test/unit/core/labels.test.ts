import { describe, expect, it } from 'vitest';
import { auditLabels, extensionInfo, parseImageConfig, REQUIRED_LABELS, safeHttpUrl } from '@core/index.js';
import { fixtureNames, loadFixture } from '../../support/recordings.js';

const labelsOf = (name: string): Record<string, string> => {
  const r = parseImageConfig(loadFixture(name).stdout);
  if (!r.ok || !r.value.labels) throw new Error(`no labels in ${name}`);
  return r.value.labels;
};
const GOOD = labelsOf('good.imagetools-image');
const statusOf = (labels: Record<string, string> | undefined, label: string): string | undefined =>
  auditLabels(labels).find((f) => f.label === label)?.status;

describe('auditLabels', () => {
  it('requires the ten labels docker extension validate checks', () => {
    expect(REQUIRED_LABELS).toHaveLength(10);
    expect(REQUIRED_LABELS).toContain('com.docker.extension.categories');
  });

  it.each(fixtureNames(/\.imagetools-image$/))('%s: the corpus labels audit clean', (name) => {
    const findings = auditLabels(labelsOf(name));
    expect(findings.filter((f) => f.status !== 'ok')).toEqual([]);
    expect(findings.length).toBeGreaterThanOrEqual(REQUIRED_LABELS.length);
  });

  it('no labels at all: every required label missing', () => {
    expect(auditLabels(undefined).map((f) => f.status)).toEqual(REQUIRED_LABELS.map(() => 'missing'));
  });

  it('missing and empty (built from the good labels)', () => {
    const rest = Object.fromEntries(Object.entries(GOOD).filter(([k]) => k !== 'org.opencontainers.image.title'));
    expect(statusOf(rest, 'org.opencontainers.image.title')).toBe('missing');
    expect(statusOf({ ...GOOD, 'org.opencontainers.image.vendor': '  ' }, 'org.opencontainers.image.vendor')).toBe(
      'empty',
    );
  });

  it.each([
    ['com.docker.extension.screenshots', '[{"alt":"x","url":"https://e.com/a.png"}', /not valid JSON/],
    ['com.docker.extension.screenshots', '{"alt":"x"}', /not a JSON array/],
    ['com.docker.extension.screenshots', '[]', /empty/],
    ['com.docker.extension.screenshots', '[{"url":"https://e.com/a.png"}]', /"alt"/],
    ['com.docker.extension.screenshots', '[{"alt":"x","url":"javascript:alert(1)"}]', /http\(s\)/],
    ['com.docker.extension.additional-urls', '[{"title":"Docs","url":"ftp://e.com"}]', /http\(s\)/],
    ['com.docker.extension.additional-urls', 'nope', /not valid JSON/],
    ['com.docker.desktop.extension.api.version', 'latest please', /semver/],
    ['com.docker.desktop.extension.icon', 'javascript:alert(1)', /URL/],
    ['com.docker.desktop.extension.icon', 'file:///etc/passwd', /URL/],
    ['com.docker.extension.publisher-url', 'example.com', /http\(s\)/],
    ['com.docker.extension.publisher-url', 'https://exa mple.com', /http\(s\)/],
    ['com.docker.extension.categories', 'a,,b', /empty category/],
  ])('%s = %j is invalid', (label, value, detail) => {
    const finding = auditLabels({ ...GOOD, [label]: value }).find((f) => f.label === label);
    expect(finding?.status).toBe('invalid');
    expect(finding?.detail).toMatch(detail);
  });

  it('accepts semver ranges and a data:image icon', () => {
    for (const v of ['>= 0.3.4', '>=0.2.0 <1', '^0.3.0', '0.3.4'])
      expect(
        statusOf(
          { ...GOOD, 'com.docker.desktop.extension.api.version': v },
          'com.docker.desktop.extension.api.version',
        ),
      ).toBe('ok');
    expect(
      statusOf(
        { ...GOOD, 'com.docker.desktop.extension.icon': 'data:image/png;base64,iVBORw0KGgo=' },
        'com.docker.desktop.extension.icon',
      ),
    ).toBe('ok');
  });
});

describe('extensionInfo', () => {
  it('reads the corpus labels', () => {
    const info = extensionInfo(GOOD);
    expect(info.title).toBe('Arch Matrix Good');
    expect(info.vendor).toBe('Arch Matrix Test Rig');
    expect(info.icon).toMatch(/^https:\/\//);
    expect(info.links.map((l) => l.title)).toEqual(['Publisher', 'Documentation', 'Support']);
  });

  it('never returns javascript:, data:text or file: URLs', () => {
    const hostile = {
      ...GOOD,
      'com.docker.desktop.extension.icon': 'javascript:alert(1)',
      'com.docker.extension.publisher-url': 'javascript:alert(document.cookie)',
      'com.docker.extension.additional-urls': JSON.stringify([
        { title: 'x', url: 'javascript:alert(1)' },
        { title: 'y', url: ' JavaScript:alert(1)' },
        { title: 'z', url: 'data:text/html,<script>alert(1)</script>' },
        { title: 'f', url: 'file:///etc/passwd' },
        { title: 'ok', url: 'https://example.com/ok' },
      ]),
    };
    const info = extensionInfo(hostile);
    expect(info.icon).toBeUndefined();
    expect(info.links).toEqual([{ title: 'ok', url: 'https://example.com/ok' }]);
    expect(extensionInfo({ 'com.docker.desktop.extension.icon': 'data:image/svg+xml;base64,PHN2Zz4=' }).icon).toMatch(
      /^data:image\//,
    );
  });

  it('no labels, or broken JSON: empty info, no throw', () => {
    expect(extensionInfo(undefined)).toEqual({ links: [] });
    expect(extensionInfo({ 'com.docker.extension.additional-urls': '[{' }).links).toEqual([]);
    expect(
      extensionInfo({ 'com.docker.extension.additional-urls': '[null, 3, {"title": 1, "url": "https://e.com"}]' })
        .links,
    ).toEqual([]);
  });
});

describe('safeHttpUrl (links the tab opens)', () => {
  it('normalises an http(s) URL and refuses credentials, whitespace and other schemes', () => {
    expect(safeHttpUrl('http://example.com')).toBe('http://example.com/');
    expect(safeHttpUrl('https://example.com/docs?a=1')).toBe('https://example.com/docs?a=1');
    for (const bad of [
      'https://user:pw@example.com/',
      'https://user@example.com/',
      ' https://example.com',
      'https://exa mple.com',
      'javascript:alert(1)',
      'file:///etc/passwd',
      '/relative',
      '',
      42,
    ]) {
      expect(safeHttpUrl(bad), String(bad)).toBeUndefined();
    }
  });
});
