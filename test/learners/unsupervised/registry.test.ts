/** The unsupervised registry: lookup by kind, loading model files, refusing unknown kinds. */
import { describe, expect, it } from 'vitest';
import { InvalidParamError, ModelFileError } from '../../../src/errors.js';
import { parseModelFile, serializeModelFile } from '../../../src/learners/model-file.js';
import type { UnsupervisedState } from '../../../src/learners/unsupervised.js';
import { getUnsupervisedLearner, listUnsupervisedLearners, loadUnsupervisedModel, toUnsupervisedModelFile } from '../../../src/learners/unsupervised/registry.js';
import { blobs } from './helpers.js';

describe('unsupervised registry', () => {
  it('lists the six kinds with their tags', () => {
    expect(listUnsupervisedLearners().map((d) => d.kind)).toEqual(['kmeans', 'gmm', 'dbscan', 'pca', 'truncated_svd', 'isolation_forest']);
    expect(getUnsupervisedLearner('pca').tags.tasks).toEqual(['decomposition']);
    expect(() => getUnsupervisedLearner('kmean')).toThrow(InvalidParamError);
    expect(() => getUnsupervisedLearner('kmean')).toThrow(/Did you mean 'kmeans'/);
  });

  it('saves to a checksummed model file and loads it back by kind', async () => {
    const { X } = blobs(100, 2, 2, 3);
    const model = await getUnsupervisedLearner('kmeans').create({ n_clusters: 2 }).fit({ X });
    const text = serializeModelFile(toUnsupervisedModelFile(model, { trainRows: X.nRows }));
    const file = parseModelFile(text, 'memory');
    const back = loadUnsupervisedModel(file.payload.model as unknown as UnsupervisedState);
    expect(back.kind).toBe('kmeans');
    expect(JSON.stringify(back.toJSON())).toBe(JSON.stringify(model.toJSON()));
  });

  it('refuses a kind it does not know', () => {
    const state = { kind: 'gbdt', task: 'clustering', params: {}, inputSchema: { features: [] }, state: {} } as UnsupervisedState;
    expect(() => loadUnsupervisedModel(state)).toThrow(ModelFileError);
  });

  it('refuses a damaged state with the field named', async () => {
    const { X } = blobs(50, 2, 2, 3);
    const model = await getUnsupervisedLearner('kmeans').create({ n_clusters: 2 }).fit({ X });
    const json = JSON.parse(JSON.stringify(model.toJSON())) as { state: { centers: number[] } };
    json.state.centers.pop();
    expect(() => loadUnsupervisedModel(json as unknown as UnsupervisedState)).toThrow(/'centers' should be an array of 4 numbers/);
  });
});
