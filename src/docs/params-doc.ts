/**
 * @module docs/params-doc
 * Renders docs/params/<learner>.md from each learner's parameter schema (one table per
 * learner: name, aliases, type and range, default, description).
 */
import '../learners/all.js';
import { listLearners } from '../learners/registry.js';
import { listUnsupervisedLearners } from '../learners/unsupervised/registry.js';
import { describeAllowed } from '../params/schema.js';

export function renderParamsDocs(): Record<string, string> {
  const files: Record<string, string> = {};
  const index = ['# Learner parameters', '', 'Generated from the parameter schemas by `npm run docs`; do not edit by hand.', ''];
  const all = [...listLearners(), ...listUnsupervisedLearners()];
  for (const def of all.sort((a, b) => a.kind.localeCompare(b.kind))) {
    index.push(`- [\`${def.kind}\`](${def.kind}.md): ${def.description}`);
    const lines = [`# \`${def.kind}\` parameters`, '', def.description, '', '| Parameter | Aliases | Allowed | Default | Description |', '|---|---|---|---|---|'];
    for (const [name, spec] of Object.entries(def.paramSchema)) {
      const aliases = (spec.aliases ?? []).map((a) => `\`${a}\``).join(', ');
      lines.push(`| \`${name}\` | ${aliases} | ${describeAllowed(spec).replace(/\|/g, '\\|')} | \`${JSON.stringify(spec.default)}\` | ${spec.description.replace(/\|/g, '\\|')} |`);
    }
    files[`${def.kind}.md`] = `${lines.join('\n')}\n`;
  }
  files['README.md'] = `${index.join('\n')}\n`;
  return files;
}
