/**
 * @module learners/all
 * Registers every built-in learner. Import this module (for its effect) before looking
 * learners up by kind; src/index.ts and the CLI do.
 */
import { registerLearner } from './registry.js';
import type { LearnerDefinition } from './registry.js';

const BUILT_IN: readonly LearnerDefinition[] = [];

for (const def of BUILT_IN) registerLearner(def);
