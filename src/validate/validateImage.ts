/**
 * `archmatrix --validate`: docker extension validate's rules on one pushed image, without Docker Desktop.
 * Given the image's platform check (the same result the report shows), it reads the labels of one linux
 * variant (linux/amd64 first) and that variant's /metadata.json over the registry API, and turns every
 * rule into findings (core/validate). Never rejects: a read that fails is a finding.
 */
import {
  MAX_METADATA_BYTES,
  labelFindings,
  metadataProblem,
  parseReference,
  platformFindings,
  schemaFindings,
  tagFindings,
  type CommandFailure,
  type InspectResult,
  type ReportFinding,
  type Result,
} from '../core/index.js';
import { parseJson } from '../core/json.js';
import type { Repository } from '../core/index.js';
import type { VariantFileReader } from '../deepCheck/ports.js';
import { fileText, METADATA_PATH } from '../deepCheck/variantReads.js';
import { linuxVariants, type Variant } from '../deepCheck/variants.js';
import { metadataSchemaErrors } from './schemaCheck.js';

/** The labels of one variant (src/registry's registryImageLabels). */
export type LabelsReader = (
  repo: Repository,
  digest: string,
  signal?: AbortSignal,
) => Promise<Result<Record<string, string> | undefined, CommandFailure>>;

export interface ValidatePorts {
  readonly labels: LabelsReader;
  readonly reader: VariantFileReader;
}

export interface Validation {
  readonly findings: readonly ReportFinding[];
  /** The metadata.json text read (findings point at its lines), when it was read. */
  readonly metadataText?: string;
}

/** linux/amd64 if the image has it (the platform CI usually builds on), else its first linux variant. */
function pickVariant(result: InspectResult): Variant | undefined {
  const variants = linuxVariants(result);
  return variants.find((v) => v.platform === 'linux/amd64') ?? variants[0];
}

async function metadataOf(
  reference: string,
  repo: Repository,
  variant: Variant,
  ports: ValidatePorts,
  signal: AbortSignal | undefined,
): Promise<Validation> {
  const read = await ports.reader.readVariantFiles(
    repo,
    variant.digest,
    [{ path: METADATA_PATH, maxBytes: MAX_METADATA_BYTES }],
    { platform: variant.platform, ...(signal ? { signal } : {}) },
  );
  if (!read.ok)
    return {
      findings: [
        metadataProblem(
          reference,
          'missing',
          `metadata.json could not be read: ${read.error.message}`,
          variant.platform,
        ),
      ],
    };
  const text = fileText(read.value.files.get(METADATA_PATH), METADATA_PATH, MAX_METADATA_BYTES);
  if (!text.ok)
    return {
      findings: [metadataProblem(reference, 'missing', `In ${variant.platform}: ${text.why}`, variant.platform)],
    };
  const doc = parseJson(text.text.replace(/^\uFEFF/, ''), 'metadata.json');
  if (!doc.ok)
    return {
      findings: [metadataProblem(reference, 'not-json', doc.error.message, variant.platform)],
      metadataText: text.text,
    };
  return { findings: schemaFindings(reference, doc.value, metadataSchemaErrors(doc.value)), metadataText: text.text };
}

export async function validateImage(
  result: InspectResult,
  ports: ValidatePorts,
  signal?: AbortSignal,
): Promise<Validation> {
  const reference = result.reference;
  const base = [...tagFindings(reference), ...platformFindings(result)];
  const parsed = parseReference(reference);
  const variant = pickVariant(result);
  if (!parsed.ok || variant === undefined || base.some((f) => f.ruleId === 'validate/not-checked'))
    return { findings: base };
  const repo = { domain: parsed.value.domain, path: parsed.value.path };
  const [labels, metadata] = await Promise.all([
    ports.labels(repo, variant.digest, signal),
    metadataOf(reference, repo, variant, ports, signal),
  ]);
  const labelPart = labels.ok
    ? labelFindings(reference, labels.value)
    : [
        {
          ruleId: 'validate/not-checked',
          level: 'error' as const,
          reference,
          message: `The labels of ${variant.platform} could not be read: ${labels.error.message}`,
        },
      ];
  return {
    findings: [...labelPart, ...metadata.findings, ...base],
    ...(metadata.metadataText !== undefined ? { metadataText: metadata.metadataText } : {}),
  };
}
