/**
 * @module learners/mlp/params
 * Parameters of `mlp`, declared once (scikit-learn's MLPClassifier/MLPRegressor names, plus
 * `dropout`). Unlike scikit-learn, early stopping is on by default: AutoML needs a network
 * that stops by itself.
 */
import { defineParams } from '../../params/index.js';
import { ONE_HOT_PARAMS } from '../shared/preprocessing.js';

export const MLP_PARAMS = defineParams({
  hidden_layer_sizes: { type: 'number-list', integer: true, min: 1, default: [100], description: 'Units per hidden layer, e.g. 100 or 64,32.' },
  activation: { type: 'enum', values: ['relu', 'tanh', 'logistic'], default: 'relu', description: 'Hidden-layer activation.' },
  alpha: { type: 'number', min: 0, default: 1e-4, aliases: ['l2'], description: 'L2 penalty on the weights (scikit-learn scaling: alpha/2·‖W‖² per batch mean loss).' },
  dropout: { type: 'number', min: 0, max: 1, maxExclusive: true, default: 0, description: 'Share of hidden units dropped at random in each training step (inverted dropout).' },
  learning_rate_init: { type: 'number', min: 0, minExclusive: true, default: 0.001, aliases: ['learning_rate', 'eta'], description: 'Adam step size.' },
  batch_size: { type: 'number', integer: true, min: 1, default: -1, special: [-1], description: 'Rows per mini-batch; -1 = min(200, rows).' },
  max_iter: { type: 'number', integer: true, min: 1, default: 200, aliases: ['epochs'], description: 'Epochs (passes over the training rows) at most.' },
  early_stopping: { type: 'boolean', default: true, description: 'Hold out validation_fraction of the rows and stop when their score stops improving; keep the best weights.' },
  validation_fraction: { type: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true, default: 0.1, description: 'Share of rows held out for early stopping (stratified for classification).' },
  n_iter_no_change: { type: 'number', integer: true, min: 1, default: 10, aliases: ['early_stopping_rounds'], description: 'Epochs without an improvement of at least tol before stopping.' },
  tol: { type: 'number', min: 0, default: 1e-4, description: 'Smallest improvement of the validation score (or training loss) that counts.' },
  beta_1: { type: 'number', min: 0, max: 1, maxExclusive: true, default: 0.9, description: 'Adam: decay of the first-moment estimate.' },
  beta_2: { type: 'number', min: 0, max: 1, maxExclusive: true, default: 0.999, description: 'Adam: decay of the second-moment estimate.' },
  epsilon: { type: 'number', min: 0, minExclusive: true, default: 1e-8, description: 'Adam: numerical stability term.' },
  shuffle: { type: 'boolean', default: true, description: 'Shuffle the rows every epoch.' },
  seed: { type: 'number', integer: true, default: 0, aliases: ['random_state'], description: 'Random seed: initial weights, shuffling, dropout and the validation split.' },
  ...ONE_HOT_PARAMS,
});
