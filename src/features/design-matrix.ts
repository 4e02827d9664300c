/**
 * @module features/design-matrix
 * A dense row-major matrix of float64 features: what linear models, k-NN, MLPs and naive
 * Bayes consume. Row i, column j is `data[i * nCols + j]`.
 */
import { UsageError } from '../errors.js';
import type { Frame } from '../data/frame/frame.js';

export interface DesignMatrix {
  readonly nRows: number;
  readonly nCols: number;
  /** Column names (e.g. `age`, `age__missing`, `city=Oslo`). */
  readonly names: readonly string[];
  readonly data: Float64Array;
}

/**
 * Copy the named columns of `X` into a row-major matrix. Every column must be numeric
 * (float64 or datetime); a categorical column left unencoded is a usage error.
 * @example toDesignMatrix(frame, ['x0', 'x1']).data // [x0[0], x1[0], x0[1], x1[1], …]
 */
export function toDesignMatrix(X: Frame, names: readonly string[]): DesignMatrix {
  const nRows = X.nRows;
  const nCols = names.length;
  const data = new Float64Array(nRows * nCols);
  names.forEach((name, j) => {
    const col = X.column(name);
    if (col.dtype === 'categorical') {
      throw new UsageError('MW_USAGE', `Column '${name}' is still categorical at the end of the preprocessing pipeline; a design matrix needs numbers.`, {
        hint: "Add a 'one-hot' or 'ordinal' step to the pipeline.",
      });
    }
    const v = col.values;
    for (let i = 0, k = j; i < nRows; i++, k += nCols) data[k] = v[i];
  });
  return { nRows, nCols, names, data };
}
