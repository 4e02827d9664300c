/**
 * @module cli/commands
 * The one list of commands. Each entry registers one verb on the program.
 */
import type { CliContext } from '../context.js';
import { registerFit } from './fit.js';
import { registerPredict } from './predict.js';
import { registerProfile } from './profile.js';
import { registerQuickstart } from './quickstart.js';
import { registerTrain } from './train.js';
import { registerCluster } from './cluster.js';
import { registerAnomalies } from './anomalies.js';
import { registerReduce } from './reduce.js';
import { registerEvaluate } from './evaluate.js';
import { registerExplain } from './explain.js';
import { registerModels } from './models.js';
import { registerExport } from './export.js';
import { registerImport } from './import.js';
import { registerServe } from './serve.js';
import { registerMonitor } from './monitor.js';
import { registerRetrain } from './retrain.js';
import { registerUi } from './ui.js';

export type RegisterCommand = (ctx: CliContext) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerProfile, registerFit, registerTrain, registerPredict, registerQuickstart, registerCluster, registerAnomalies, registerReduce, registerModels, registerExport, registerEvaluate, registerExplain, registerImport, registerServe, registerMonitor, registerRetrain, registerUi];
