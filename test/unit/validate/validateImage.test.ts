/**
 * --validate's rules on real extensions' metadata.json files (test/data/deep/metadata, copied from their
 * repositories) and hand-built labels: the schema through Ajv, findings anchored to their lines, the
 * keys published extensions carry that the validator rejects reported as warnings.
 */
import { describe, expect, it } from 'vitest';
import { LABELS, metadataLine, type FoundFile, type ReportFinding } from '@core/index.js';
import { validateImage, type LabelsReader } from '@validate/validateImage.js';
import { metadataSchemaErrors } from '@validate/schemaCheck.js';
import { dataText } from '../../support/deepData.js';
import { AMD, ARM, fakeReader, inspectResult, textFile } from '../../support/fakeReader.js';

const REF = '127.0.0.1:5100/deep/x:1.0.0';
const GOOD_LABELS: Record<string, string> = {
  [LABELS.title]: 'X',
  [LABELS.description]: 'An extension',
  [LABELS.vendor]: 'Me',
  [LABELS.apiVersion]: '>= 0.3.4',
  [LABELS.icon]: 'https://example.com/icon.svg',
  [LABELS.screenshots]: '[{"alt":"a","url":"https://example.com/a.png"}]',
  [LABELS.detailedDescription]: '<p>x</p>',
  [LABELS.publisherUrl]: 'https://example.com',
  [LABELS.changelog]: '<p>1.0.0</p>',
  [LABELS.categories]: 'utility-tools',
};
const labelsOf =
  (labels: Record<string, string> | undefined): LabelsReader =>
  () =>
    Promise.resolve({ ok: true, value: labels });

async function validate(
  metadata: string | undefined,
  options: { labels?: Record<string, string>; reference?: string; platforms?: Record<string, string> } = {},
): Promise<{ findings: readonly ReportFinding[]; text?: string }> {
  const reference = options.reference ?? REF;
  const files: Record<string, FoundFile> =
    metadata === undefined ? {} : { '/metadata.json': textFile('/metadata.json', metadata) };
  const reader = fakeReader({ [AMD]: { files }, [ARM]: { files } });
  const result = inspectResult(reference, options.platforms ?? { 'linux/amd64': AMD, 'linux/arm64': ARM });
  const v = await validateImage(result, { labels: labelsOf(options.labels ?? GOOD_LABELS), reader });
  return { findings: v.findings, ...(v.metadataText !== undefined ? { text: v.metadataText } : {}) };
}
const rules = (findings: readonly ReportFinding[]): string[] => findings.map((f) => `${f.level} ${f.ruleId}`);

describe('validateImage', () => {
  it("passes docker's own kubernetes sample with good labels, a semver tag and both platforms", async () => {
    const v = await validate(dataText('metadata/extensions-sdk-kubernetes-sample.json'));
    expect(v.findings).toEqual([]);
  });

  it('reports name and provider (portainer) as warnings pointing at their lines', async () => {
    const text = dataText('metadata/portainer-docker-extension.json');
    const v = await validate(text);
    expect(rules(v.findings)).toEqual([
      'warning validate/metadata-unknown-key',
      'warning validate/metadata-unknown-key',
    ]);
    expect(v.findings.map((f) => f.path)).toEqual(['name', 'provider']);
    const lines = text.split('\n');
    for (const f of v.findings) {
      const line = f.anchor && v.text ? metadataLine(v.text, f.anchor) : undefined;
      expect(lines[(line ?? 0) - 1]).toContain(`"${f.path ?? ''}"`);
    }
  });

  it("requires icon (docker's minimal-backend sample has none)", async () => {
    const v = await validate(dataText('metadata/extensions-sdk-minimal-backend.json'));
    expect(rules(v.findings)).toEqual(['error validate/metadata-schema']);
    expect(v.findings[0]?.message).toBe('metadata.json lacks "icon"');
  });

  it('refuses host.binaries entries keyed by something other than an OS, and an unknown key (openwebui)', async () => {
    const v = await validate(dataText('metadata/openwebui-model-runner-script.json'));
    expect(v.findings.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"host.binaries[0]" has "name", not an OS'),
        expect.stringContaining('"host.binaries[0]" has "cmd", not an OS'),
        expect.stringContaining('has "capabilities", a key Docker does not document'),
      ]),
    );
  });

  it('checks the shapes of ui, vm and host.binaries', async () => {
    const doc = {
      icon: 'x.svg',
      ui: { 'dashboard-tab': { title: 'T', root: '/ui' } },
      vm: { exposes: { socket: 'x.sock' } },
      host: { binaries: [{ darwin: [{ path: '' }], linux: 'nope' }] },
    };
    const v = await validate(JSON.stringify(doc, null, 2));
    expect(v.findings.map((f) => f.message).sort()).toEqual(
      [
        '"ui.dashboard-tab" lacks "src"',
        '"vm" needs "image" or "composefile"',
        '"host.binaries[0].darwin[0].path" is empty',
        '"host.binaries[0].linux" must be array',
      ].sort(),
    );
    expect(v.findings.every((f) => f.level === 'error')).toBe(true);
  });

  it('missing or unparsable metadata.json, missing labels, a non-semver tag and one platform are each a finding', async () => {
    const labels = Object.fromEntries(
      Object.entries({ ...GOOD_LABELS, [LABELS.apiVersion]: 'soon' }).filter(([key]) => key !== LABELS.changelog),
    );
    const v = await validate(undefined, {
      labels,
      reference: '127.0.0.1:5100/deep/x:latest',
      platforms: { 'linux/amd64': AMD },
    });
    expect(rules(v.findings)).toEqual([
      'error validate/label-invalid',
      'error validate/label-missing',
      'error validate/metadata-missing',
      'error validate/semver-tag',
      'error validate/multi-arch',
    ]);
    expect((await validate('{ nope')).findings.map((f) => f.ruleId)).toEqual(['validate/metadata-json']);
  });

  it('an image that could not be read is not validated, and says why', async () => {
    const reader = fakeReader({});
    const failed = {
      reference: REF,
      verdict: 'unauthorized' as const,
      explanation: 'The registry 127.0.0.1:5100 refused access: a login is needed',
      fix: 'docker login 127.0.0.1:5100, then refresh',
      platforms: [],
      commands: [],
    };
    const v = await validateImage(failed, { labels: labelsOf(undefined), reader });
    expect(rules(v.findings)).toEqual(['error validate/not-checked']);
    expect(v.findings[0]?.fix).toContain('docker login');
    expect(reader.calls).toEqual([]);
  });
});

describe('the metadata.json schema', () => {
  it('compiles under Ajv strict mode and accepts every documented section', () => {
    const doc = {
      icon: 'i.svg',
      ui: { 'dashboard-tab': { title: 'T', root: '/ui', src: 'index.html', backend: { socket: 's.sock' } } },
      vm: { composefile: 'compose.yaml', exposes: { socket: 's.sock' } },
      host: { binaries: [{ darwin: [{ path: '/d' }], windows: [{ path: '/w.exe' }], linux: [{ path: '/l' }] }] },
    };
    expect(metadataSchemaErrors(doc)).toEqual([]);
    expect(metadataSchemaErrors({ icon: 'i.svg', vm: { image: '${DESKTOP_PLUGIN_IMAGE}' } })).toEqual([]);
  });
});
