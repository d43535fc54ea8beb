/**
 * docker extension validate's rules as findings (core/validate/rules.ts says where each comes from):
 * the labels (the audit in core/labels.ts), the tag, the two platforms, and metadata.json's schema
 * errors turned into findings pointing at their keys. Pure: the schema itself is applied by Ajv in
 * src/validate, and its errors arrive here as plain data.
 */
import semver from 'semver';
import { hasDeepParts } from '../inside/deepResult.js';
import { isRecord } from '../json.js';
import { auditLabels } from '../labels.js';
import { RECOMMENDED_PLATFORMS } from '../platform.js';
import { parseReference } from '../reference.js';
import type { JsonPath, ReportFinding } from '../report/findings.js';
import type { InspectResult } from '../types.js';
import { VERDICT_TABLE } from '../verdictTable.js';
import { LABELS_DOC, METADATA_DOC, VALIDATION_RULES, type ValidationRuleId } from './rules.js';

const LEVEL = new Map(VALIDATION_RULES.map((r) => [r.id, r.level]));

function finding(
  ruleId: ValidationRuleId,
  reference: string,
  message: string,
  extra: Partial<Pick<ReportFinding, 'fix' | 'path' | 'anchor' | 'variant'>> = {},
): ReportFinding {
  return { ruleId, level: LEVEL.get(ruleId) ?? 'error', reference, message, ...extra };
}

/** Every required label present, non-empty and of its shape (the audit the tab's details show too). */
export function labelFindings(reference: string, labels: Record<string, string> | undefined): ReportFinding[] {
  return auditLabels(labels)
    .filter((f) => f.status !== 'ok')
    .map((f) =>
      f.status === 'invalid'
        ? finding('validate/label-invalid', reference, `Label ${f.label} is ${f.detail ?? 'not of its shape'}`, {
            path: f.label,
            fix: `Fix LABEL ${f.label} in the Dockerfile (its shape: ${LABELS_DOC})`,
          })
        : finding('validate/label-missing', reference, `Label ${f.label} is ${f.status}`, {
            path: f.label,
            fix: `Add LABEL ${f.label}="..." to the Dockerfile (${LABELS_DOC})`,
          }),
    );
}

/** The tag is a semantic version (a digest alone, or no tag, is not). */
export function tagFindings(reference: string): ReportFinding[] {
  const parsed = parseReference(reference);
  if (!parsed.ok) return [];
  const tag = parsed.value.tag;
  if (tag !== undefined && semver.valid(tag) !== null) return [];
  const what =
    tag === undefined
      ? parsed.value.digest !== undefined
        ? 'has a digest and no tag'
        : 'has no tag'
      : `has the tag "${tag}"`;
  return [
    finding('validate/semver-tag', reference, `${parsed.value.familiar} ${what}, not a semantic version`, {
      fix: 'Tag the image with a semantic version, e.g. make push-extension TAG=1.2.0',
    }),
  ];
}

/** Both linux/amd64 and linux/arm64 pushed; or why that could not be told. */
export function platformFindings(result: InspectResult): ReportFinding[] {
  const verdict = hasDeepParts(result) ? result.platformVerdict : result.verdict;
  if (VERDICT_TABLE[verdict].platformList !== 'complete') {
    return [
      finding('validate/not-checked', result.reference, `Not validated: ${result.explanation}`, {
        ...(result.fix !== undefined ? { fix: result.fix } : {}),
      }),
    ];
  }
  const missing = RECOMMENDED_PLATFORMS.filter((p) => !result.platforms.includes(p));
  if (missing.length === 0) return [];
  return [
    finding('validate/multi-arch', result.reference, `Not pushed for ${missing.join(' and ')}`, {
      fix: 'Push both: docker buildx build --platform=linux/amd64,linux/arm64 --push (make push-extension)',
    }),
  ];
}

/** One error of the schema check, as Ajv reports it (only the fields read here). */
export interface SchemaError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** A JSON pointer ("/host/binaries/0") as a path, list indexes as numbers (read off the document itself). */
export function pointerPath(doc: unknown, pointer: string): JsonPath {
  const path: (string | number)[] = [];
  let node: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      path.push(Number(key));
      node = (node as unknown[])[Number(key)];
    } else {
      path.push(key);
      node = isRecord(node) && Object.hasOwn(node, key) ? node[key] : undefined;
    }
  }
  return path;
}

/** "host.binaries[0].darwin" for people. */
export function pathText(path: JsonPath): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`),
    '',
  );
}

const param = (e: SchemaError, name: string): string => {
  const value = e.params[name];
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
};

function schemaFinding(reference: string, doc: unknown, e: SchemaError): ReportFinding {
  const at = pointerPath(doc, e.instancePath);
  const where = at.length === 0 ? 'metadata.json' : `"${pathText(at)}"`;
  const anchor = (path: JsonPath): Pick<ReportFinding, 'anchor' | 'path'> => ({
    anchor: { kind: 'json-path', path },
    path: path.length === 0 ? 'metadata.json' : pathText(path),
  });
  const fix = `Make metadata.json match Docker's documented shape (${METADATA_DOC})`;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = param(e, 'additionalProperty');
      if (at.length === 0)
        return finding(
          'validate/metadata-unknown-key',
          reference,
          `metadata.json has "${key}", a key Docker does not document: docker extension validate rejects it ("Additional property ${key} is not allowed")`,
          { ...anchor([key]), fix: `Remove "${key}" from metadata.json` },
        );
      return finding('validate/metadata-schema', reference, `${where} has "${key}", which it may not`, {
        ...anchor([...at, key]),
        fix,
      });
    }
    case 'required':
      return finding('validate/metadata-schema', reference, `${where} lacks "${param(e, 'missingProperty')}"`, {
        ...anchor(at),
        fix,
      });
    case 'anyOf':
      return finding('validate/metadata-schema', reference, `${where} needs "image" or "composefile"`, {
        ...anchor(at),
        fix,
      });
    case 'propertyNames': {
      const name = param(e, 'propertyName');
      return finding(
        'validate/metadata-schema',
        reference,
        `${where} has "${name}", not an OS (darwin, windows, linux): host binaries are listed per OS`,
        { ...anchor([...at, name]), fix },
      );
    }
    case 'type':
      return finding('validate/metadata-schema', reference, `${where} must be ${param(e, 'type')}`, {
        ...anchor(at),
        fix,
      });
    case 'minLength':
      return finding('validate/metadata-schema', reference, `${where} is empty`, { ...anchor(at), fix });
    default:
      return finding('validate/metadata-schema', reference, `${where} ${e.message ?? e.keyword}`, {
        ...anchor(at),
        fix,
      });
  }
}

/**
 * The schema's errors as findings: one per problem (the branches of an anyOf and the inner errors of a
 * propertyNames are folded into that one), unknown top-level keys as warnings, the rest as errors.
 */
export function schemaFindings(reference: string, doc: unknown, errors: readonly SchemaError[]): ReportFinding[] {
  const kept = errors.filter((e) => !/\/(anyOf|propertyNames)\//.test(e.schemaPath));
  const out: ReportFinding[] = [];
  for (const f of kept.map((e) => schemaFinding(reference, doc, e))) {
    if (!out.some((o) => o.message === f.message)) out.push(f);
  }
  return out;
}

/** metadata.json could not be had or parsed: why, as a finding. */
export function metadataProblem(
  reference: string,
  kind: 'missing' | 'not-json',
  why: string,
  variant?: string,
): ReportFinding {
  return kind === 'missing'
    ? finding('validate/metadata-missing', reference, why, {
        ...(variant !== undefined ? { variant } : {}),
        fix: 'COPY metadata.json / in the Dockerfile (the image root holds it)',
      })
    : finding('validate/metadata-json', reference, why, {
        ...(variant !== undefined ? { variant } : {}),
        fix: `Make metadata.json a JSON object (${METADATA_DOC})`,
      });
}
