/** The shared learner conformance suite, on gbdt. */
import { runEstimatorChecks } from '../../conformance/estimator-checks.js';
import { gbdtDefinition } from '../../../src/learners/gbdt/index.js';

// 300 training rows: min_data_in_leaf 5 lets trees split on the small conformance sets.
runEstimatorChecks(gbdtDefinition, { params: { num_iterations: 30, min_data_in_leaf: 5 } });
