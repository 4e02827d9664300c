/**
 * @module cli/commands/models-list
 * `models list [NAME]` and `models show REF`: read-only views of the registry. `show --json`
 * gives `{name, version, aliases, artifact: {path, sha256}, lineage, metrics, …}`; the
 * artifact is verified byte for byte and a failure is reported, not hidden.
 */
import type { Command } from 'commander';
import type { ModelwrightError } from '../../errors.js';
import { findVersion, versionPath } from '../../registry/model-ref.js';
import { checkModelName } from '../../registry/names.js';
import { type Registry, withRegistry } from '../../registry/open-registry.js';
import type { ModelVersion } from '../../registry/store.js';
import type { CliContext } from '../context.js';
import { subcommand } from './models-subcommand.js';

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  return [header, ...rows].map((r) => r.map((c, j) => pad(c, widths[j])).join('  ').trimEnd()).join('\n');
}

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(5));
const metricsText = (m: Readonly<Record<string, number>>, max = 3): string =>
  Object.entries(m).slice(0, max).map(([k, v]) => `${k}=${fmt(v)}`).join(' ');

/** The JSON shape of one version (`models show --json`, `models list NAME --json`). */
export function versionJson(v: ModelVersion, artifact: { path: string; verified: boolean; problem?: string }) {
  return {
    name: v.name,
    version: v.version,
    ref: `${v.name}@${v.version}`,
    kind: v.kind,
    aliases: v.aliases,
    createdAt: v.createdAt,
    runId: v.runId,
    artifact: { path: artifact.path, sha256: v.artifactSha256, entry: v.artifactEntry, verified: artifact.verified, ...(artifact.problem ? { problem: artifact.problem } : {}) },
    lineage: v.lineage,
    metrics: v.metrics,
    params: v.params,
    tags: v.tags,
  };
}

async function artifactStatus(reg: Registry, v: ModelVersion): Promise<{ path: string; verified: boolean; problem?: string }> {
  try {
    return { path: await versionPath(reg, v), verified: true };
  } catch (err) {
    const dir = reg.artifacts.dir(v.artifactSha256);
    return { path: v.artifactEntry === '.' ? dir : `${dir}/${v.artifactEntry}`, verified: false, problem: `${(err as ModelwrightError).code ?? 'error'}: ${(err as Error).message}` };
  }
}

function showText(j: ReturnType<typeof versionJson>): string {
  const l = j.lineage;
  const lines = [
    `${j.ref}  (${j.kind}, registered ${j.createdAt}${l.user ? ` by ${l.user}` : ''})`,
    `aliases:   ${j.aliases.length ? j.aliases.join(', ') : '(none)'}`,
    `artifact:  ${j.artifact.path}  sha256 ${j.artifact.sha256.slice(0, 16)}…  ${j.artifact.verified ? 'verified' : `NOT VERIFIED — ${j.artifact.problem}`}`,
    `learner:   ${l.learner ?? '?'}  task: ${l.task ?? '?'}  target: ${l.target ?? '?'}  seed: ${l.seed ?? '-'}`,
  ];
  if (l.data) lines.push(`data:      ${l.data.fingerprint.slice(0, 23)}…  ${l.data.rows} rows × ${l.data.columns} columns${l.data.source ? `  from ${l.data.source}` : ''}`);
  if (l.importedFrom) lines.push(`imported:  ${l.importedFrom.format} ${l.importedFrom.file}`);
  lines.push(`metrics:   ${metricsText(j.metrics, 20) || '(none)'}`);
  lines.push(`params:    ${Object.entries(j.params).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ') || '(none)'}`);
  lines.push(`code:      modelwright ${l.code?.modelwright ?? '?'}${l.code?.commit ? ` (commit ${l.code.commit.slice(0, 12)})` : ''}, node ${l.code?.node ?? '?'}`);
  lines.push(`parent:    ${l.parent ? `${l.parent.name}@${l.parent.version}` : '(none)'}`);
  if (Object.keys(j.tags).length) lines.push(`tags:      ${Object.entries(j.tags).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  return lines.join('\n');
}

export function addListCommands(ctx: CliContext, models: Command): void {
  subcommand(models, 'list', 'list registered models, or the versions of NAME')
    .argument('[name]', 'a registered model name')
    .action(
      ctx.action(async (out, name: string | undefined) => {
        await withRegistry(async (reg) => {
          if (!name) {
            const list = await reg.store.listModels();
            out.result({ registry: reg.store.location, models: list }, (r) =>
              r.models.length === 0
                ? `No registered models in ${r.registry}. Register one with \`modelwright fit … --name NAME\`.`
                : table(['NAME', 'LATEST', 'VERSIONS', 'ALIASES', 'UPDATED'], r.models.map((m) => [m.name, String(m.latestVersion ?? '-'), String(m.versionCount), Object.entries(m.aliases).map(([a, v]) => `${a}→${v}`).join(' '), m.updatedAt])),
            );
            return;
          }
          checkModelName(name);
          await findVersion(reg, name); // a clear error when NAME does not exist
          const versions = await reg.store.listVersions(name);
          const rows = versions.map((v) => versionJson(v, { path: reg.artifacts.dir(v.artifactSha256), verified: false }));
          out.result({ name, versions: rows.map(({ artifact, ...rest }) => ({ ...rest, artifact: { path: artifact.path, sha256: artifact.sha256 } })) }, (r) =>
            table(['VERSION', 'CREATED', 'KIND', 'ALIASES', 'METRICS', 'DATA'], r.versions.map((v) => [String(v.version), v.createdAt, v.kind, v.aliases.join(' '), metricsText(v.metrics), v.lineage.data?.fingerprint.slice(7, 19) ?? '-'])),
          );
        });
      }),
    );

  subcommand(models, 'show', 'show one version: artifact, lineage, metrics, params, tags')
    .argument('<ref>', 'NAME (latest), NAME@VERSION or NAME@ALIAS')
    .action(
      ctx.action(async (out, ref: string) => {
        await withRegistry(async (reg) => {
          const v = await findVersion(reg, ref);
          const artifact = await artifactStatus(reg, v);
          if (!artifact.verified) out.warn(`the artifact of ${v.name}@${v.version} failed verification: ${artifact.problem}`);
          out.result(versionJson(v, artifact), showText);
        });
      }),
    );
}
