/**
 * @module learners/cluster
 * Clustering: k-means (with mini-batch), Gaussian mixtures, DBSCAN, the silhouette score,
 * cluster profiles, and `clusterFrame` which chooses k and runs them.
 */
export { KMeans, KMEANS_DEFINITION, kmeansOnMatrix } from './kmeans.js';
export { KMeansModel } from './kmeans-model.js';
export { GaussianMixture, GMM_DEFINITION } from './gaussian-mixture.js';
export { GaussianMixtureModel } from './gmm-model.js';
export { Dbscan, DBSCAN_DEFINITION, dbscanLabels, type DbscanResult } from './dbscan.js';
export { DbscanModel } from './dbscan-model.js';
export { estimateEps, type EpsEstimate } from './eps-estimate.js';
export { silhouetteScore } from './silhouette.js';
export { profileClusters, type ClusterProfile, type FeatureContrast } from './profile.js';
export { clusterFrame, CLUSTER_METHODS, type ClusterFrameOptions, type ClusterFrameResult, type ClusterMethod, type KScore } from './cluster-frame.js';
export { KMEANS_PARAMS, GMM_PARAMS, DBSCAN_PARAMS, type KMeansParams, type GmmParams, type DbscanParams } from './params.js';
