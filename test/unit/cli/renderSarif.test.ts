import { describe, expect, it } from 'vitest';
import { renderSarif, sarifLog } from '@cli/renderSarif.js';
import { REPORT_RULES, type Report } from '@core/index.js';
import { sarifErrors } from '../../support/sarifSchema.js';
import { DEEP_REF, report } from '../../support/reportResults.js';
import { HOSTILE_NAME, UNREACHABLE } from '../../support/handBuiltResults.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  properties: Record<string, string>;
}
interface SarifRun {
  tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } };
  results: SarifResult[];
  properties: { platformSource: string };
}

const runOf = (r: Report): SarifRun => (JSON.parse(renderSarif(r)) as { runs: SarifRun[] }).runs[0] as SarifRun;

describe('renderSarif', () => {
  it('is valid SARIF 2.1.0 (the OASIS schema), with hostile names and failures too', () => {
    expect(sarifErrors(sarifLog(report()))).toEqual([]);
    const odd = report({ images: [{ result: HOSTILE_NAME }, { result: UNREACHABLE }], required: [] });
    expect(sarifErrors(sarifLog(odd))).toEqual([]);
    expect(sarifErrors(sarifLog(report({ images: [] })))).toEqual([]);
    // The schema does bite: a level SARIF does not know, or a line 0, is refused.
    const bad = JSON.parse(renderSarif(report())) as { runs: { results: { level: string }[] }[] };
    const first = bad.runs[0]?.results[0];
    if (first) first.level = 'fatal';
    expect(sarifErrors(bad).join('\n')).toContain('level');
  });

  it('has one rule per verdict and finding kind, each result pointing at its rule by index', () => {
    const run = runOf(report());
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual(REPORT_RULES.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['missing-platforms', 'wrong-host-binary/wrong-cpu', 'validate/metadata-schema']),
    );
    expect(ids).not.toContain('ready');
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });

  it("gives each finding the verdict table's level, naming image, variant, OS, path and fix", () => {
    const run = runOf(report());
    const wrong = run.results.find((r) => r.ruleId === 'wrong-host-binary/wrong-cpu');
    expect(wrong?.level).toBe('error');
    expect(wrong?.properties).toMatchObject({
      image: DEEP_REF,
      variant: 'linux/arm64',
      os: 'darwin',
      path: '/darwin/esbuild',
      fix: expect.stringContaining('TARGETARCH'),
    });
    expect(wrong?.message.text).toContain('linux/arm64');
    expect(wrong?.message.text).toContain('Fix:');
    // Windows in linux/arm64 only warns; the backend lacking arm64 is the warning of its verdict; a note is a note.
    expect(run.results.find((r) => r.properties.os === 'windows')?.level).toBe('warning');
    expect(run.results.find((r) => r.ruleId === 'backend-missing-platforms/backend-image')?.level).toBe('warning');
    expect(run.results.find((r) => r.ruleId === 'deep/note')?.level).toBe('note');
    expect(run.results.find((r) => r.ruleId === 'missing-platforms')?.level).toBe('warning');
    expect(run.results.some((r) => r.ruleId === 'ready')).toBe(false);
    expect(run.results.filter((r) => r.properties.os === 'darwin')).toHaveLength(1);
  });

  it('anchors metadata.json findings to their line, others to line 1 of the Dockerfile', () => {
    const run = runOf(report());
    const at = (rule: string, os?: string): [string, number] | undefined => {
      const r = run.results.find((x) => x.ruleId === rule && (os === undefined || x.properties.os === os));
      const loc = r?.locations[0]?.physicalLocation;
      return loc ? [loc.artifactLocation.uri, loc.region.startLine] : undefined;
    };
    expect(at('wrong-host-binary/wrong-cpu')).toEqual(['metadata.json', 6]);
    expect(at('wrong-host-binary/missing', 'windows')).toEqual(['metadata.json', 9]);
    expect(at('backend-missing-platforms/backend-image')).toEqual(['metadata.json', 14]);
    expect(at('missing-platforms')).toEqual(['Dockerfile', 1]);
  });

  it('says where the platforms were read', () => {
    expect(runOf(report({ platformSource: 'registry-api' })).properties.platformSource).toContain('HTTP API');
  });
});
