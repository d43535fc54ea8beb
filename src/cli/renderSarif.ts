/**
 * --format sarif: SARIF 2.1.0 for code scanning (github/codeql-action/upload-sarif). One rule per verdict
 * and finding kind (core/report/rules.ts), one result per finding at its level, naming the image, variant,
 * OS and path, and the fix. A finding that comes from metadata.json points at its line there (read from the
 * image's own /metadata.json, which the publisher's Dockerfile copied); any other at line 1 of the
 * Dockerfile that built the image (code scanning wants a file and a line for every result). Pure.
 */
import {
  imageFindings,
  metadataLine,
  parseReference,
  PLATFORM_SOURCE_WORDS,
  REPORT_RULES,
  reportRule,
  type Report,
  type ReportFinding,
  type ReportRule,
} from '../core/index.js';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/archmatrix/arch-matrix';
const VERDICTS_URI = `${INFORMATION_URI}#verdicts`;
const PUBLISHERS_URI = `${INFORMATION_URI}/blob/main/docs/publishers.md`;

/** Where the findings point in the publisher's repository, relative to its root. */
export interface SarifArtifacts {
  readonly dockerfile: string;
  readonly metadata: string;
}
export const DEFAULT_SARIF_ARTIFACTS: SarifArtifacts = { dockerfile: 'Dockerfile', metadata: 'metadata.json' };

interface SarifMessage {
  readonly text: string;
}

/** "wrong-host-binary/wrong-cpu" -> "WrongHostBinaryWrongCpu": SARIF's rule name. */
const ruleName = (id: string): string =>
  id
    .split(/[^a-z0-9]+/i)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

function sarifRule(rule: ReportRule): Record<string, unknown> {
  const helpUri = rule.id.startsWith('validate/') ? `${PUBLISHERS_URI}#what---validate-checks` : VERDICTS_URI;
  const help = rule.source !== undefined ? `${rule.description} Source: ${rule.source}.` : rule.description;
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: help },
    helpUri,
    defaultConfiguration: { level: rule.level },
    properties: { tags: ['docker-extension', rule.id.startsWith('validate/') ? 'validate' : 'platforms'] },
  };
}

/** The repository part of a reference (no tag or digest), so that a finding keeps its fingerprint across releases. */
function repositoryOf(reference: string): string {
  const parsed = parseReference(reference);
  return parsed.ok ? `${parsed.value.domain}/${parsed.value.path}` : reference;
}

function location(f: ReportFinding, metadataText: string | undefined, artifacts: SarifArtifacts): unknown {
  const line = f.anchor !== undefined && metadataText !== undefined ? metadataLine(metadataText, f.anchor) : undefined;
  const uri = f.anchor !== undefined ? artifacts.metadata : artifacts.dockerfile;
  const name = [f.reference, f.variant, f.path].filter((part) => part !== undefined).join(' ');
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
      region: { startLine: line ?? 1 },
    },
    logicalLocations: [{ fullyQualifiedName: name, kind: 'resource' }],
  };
}

function message(f: ReportFinding): SarifMessage {
  const where = [f.variant !== undefined ? `${f.variant} variant` : undefined, f.os].filter((p) => p !== undefined);
  const head = `${f.reference}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
  return { text: `${head}: ${f.message}${f.fix !== undefined ? ` Fix: ${f.fix}` : ''}` };
}

function sarifResult(f: ReportFinding, metadataText: string | undefined, artifacts: SarifArtifacts): unknown {
  const known = reportRule(f.ruleId);
  return {
    ruleId: f.ruleId,
    ...(known !== undefined ? { ruleIndex: known.index } : {}),
    level: f.level,
    message: message(f),
    locations: [location(f, metadataText, artifacts)],
    partialFingerprints: {
      'archmatrix/v1': [f.ruleId, repositoryOf(f.reference), f.variant ?? '', f.os ?? '', f.path ?? ''].join('|'),
    },
    properties: {
      image: f.reference,
      ...(f.variant !== undefined ? { variant: f.variant } : {}),
      ...(f.os !== undefined ? { os: f.os } : {}),
      ...(f.path !== undefined ? { path: f.path } : {}),
      ...(f.fix !== undefined ? { fix: f.fix } : {}),
    },
  };
}

/** The SARIF log as an object (tests validate it against the schema). */
export function sarifLog(report: Report, artifacts: SarifArtifacts = DEFAULT_SARIF_ARTIFACTS): unknown {
  const results = report.images.flatMap((image) =>
    imageFindings(image, report.host).map((f) => sarifResult(f, image.metadataText, artifacts)),
  );
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Arch Matrix',
            version: report.version,
            informationUri: INFORMATION_URI,
            rules: REPORT_RULES.map(sarifRule),
          },
        },
        results,
        properties: {
          images: report.images.map((i) => i.result.reference),
          required: [...report.required],
          platformSource: PLATFORM_SOURCE_WORDS[report.platformSource],
        },
      },
    ],
  };
}

export function renderSarif(report: Report, artifacts?: SarifArtifacts): string {
  return `${JSON.stringify(sarifLog(report, artifacts), null, 2)}\n`;
}
