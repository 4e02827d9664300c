/**
 * @module automl/portfolio
 * Reads the zero-shot portfolio and the search space from data/automl/portfolio.json (data,
 * not code) and samples search candidates from the space with a seeded generator.
 */
import { readFileSync } from 'node:fs';
import { Rng } from '../common/random.js';
import type { Task } from '../data/schema/types.js';
import { packagePath } from '../version.js';
import type { Candidate } from './candidate.js';

interface RangeSpec {
  readonly min: number;
  readonly max: number;
  readonly log?: boolean;
  readonly integer?: boolean;
}

interface PortfolioFile {
  readonly configs: readonly { name: string; learner: string; tasks: readonly Task[]; params: Record<string, unknown> }[];
  readonly search: { learner: string; fixed: Record<string, unknown>; space: Record<string, RangeSpec> };
}

let cached: PortfolioFile | undefined;

function portfolioFile(): PortfolioFile {
  cached ??= JSON.parse(readFileSync(packagePath('data', 'automl', 'portfolio.json'), 'utf8')) as PortfolioFile;
  return cached;
}

/** The portfolio's candidates for a task, in try order, restricted to `learners` when given. */
export function portfolioCandidates(task: Task, learners?: readonly string[]): Candidate[] {
  return portfolioFile()
    .configs.filter((c) => c.tasks.includes(task) && (!learners || learners.includes(c.learner)))
    .map((c) => ({ name: c.name, learner: c.learner, params: c.params, origin: 'portfolio' as const }));
}

function sample(spec: RangeSpec, rng: Rng): number {
  const u = rng.next();
  const v = spec.log ? Math.exp(Math.log(spec.min) + u * (Math.log(spec.max) - Math.log(spec.min))) : spec.min + u * (spec.max - spec.min);
  return spec.integer ? Math.round(v) : Number(v.toPrecision(4));
}

/** The i-th random-search candidate (deterministic in seed and i). */
export function searchCandidate(i: number, seed: number): Candidate {
  const { learner, fixed, space } = portfolioFile().search;
  const rng = new Rng(seed * 7919 + i);
  const params: Record<string, unknown> = { ...fixed };
  for (const [name, spec] of Object.entries(space)) params[name] = sample(spec, rng);
  if ((params.bagging_fraction as number) < 1) params.bagging_freq = 1;
  return { name: `${learner}_search_${i + 1}`, learner, params, origin: 'search' };
}
