/**
 * @module report/model-card/write-model-card
 * Every model `fit` or `train` saves gets its card beside it: `model-card.md` and
 * `model-card.html` inside a predictor directory, `<file>.card.md` / `.card.html` next to a
 * model file. Written atomically; the model's own checksums do not cover the card, which is
 * documentation derived from it.
 */
import { join } from 'node:path';
import { fingerprintFrame } from '../../data/fingerprint.js';
import type { Frame } from '../../data/frame/frame.js';
import { profileFrame } from '../../data/profile/profile-frame.js';
import { evaluateModel } from '../../evaluate/evaluate-model.js';
import { loadSavedModel } from '../../evaluate/saved-model-ref.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { renderModelCard } from '../model-card.js';
import { type ModelCardExtras, modelCardInput } from './model-card-input.js';

export interface CardFacts {
  /** The training table (fingerprinted for the card). */
  readonly trainFrame: Frame;
  readonly dataSource: string;
  /** Labelled data the card's metrics come from, and what it is ("held-out 20%"). */
  readonly evaluationData?: { readonly frame: Frame; readonly description: string };
  readonly extras?: ModelCardExtras;
}

/** Render and write the card of the saved model at `path`; returns the markdown path. */
export async function writeModelCard(path: string, facts: CardFacts): Promise<string> {
  const ref = await loadSavedModel(path);
  const evaluation = facts.evaluationData ? evaluateModel(ref, facts.evaluationData.frame) : undefined;
  const schema = ref.kind === 'model' ? ref.meta.schema : ref.schema;
  const card = renderModelCard(
    modelCardInput(ref, {
      dataSource: facts.dataSource,
      fingerprint: fingerprintFrame(facts.trainFrame, schema),
      // The card's data summary; the leakage check is skipped (profile --target does it).
      profile: profileFrame(facts.trainFrame, { schema, leakage: false, topValues: 5 }),
      evaluation,
      evaluatedOn: facts.evaluationData?.description,
      ...facts.extras,
    }),
  );
  const [md, html] = ref.kind === 'predictor' ? [join(path, 'model-card.md'), join(path, 'model-card.html')] : [`${path}.card.md`, `${path}.card.html`];
  await writeFileAtomic(md, card.markdown);
  await writeFileAtomic(html, card.html);
  return md;
}
