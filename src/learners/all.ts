/**
 * @module learners/all
 * Registers every built-in learner. Import this module (for its effect) before looking
 * learners up by kind; src/index.ts and the CLI do.
 */
import { registerLearner } from './registry.js';
import type { LearnerDefinition } from './registry.js';
import { gbdtDefinition } from './gbdt/index.js';
import { naiveBayesLearner } from './bayes/index.js';
import { extraTreesLearner, rfLearner } from './forest/index.js';
import { knnLearner } from './knn/index.js';
import { linearLearner } from './linear/index.js';
import { mlpLearner } from './mlp/index.js';

const BUILT_IN: readonly LearnerDefinition[] = [gbdtDefinition, rfLearner, extraTreesLearner, linearLearner, knnLearner, mlpLearner, naiveBayesLearner];

for (const def of BUILT_IN) registerLearner(def);
