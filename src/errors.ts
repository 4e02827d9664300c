/**
 * @module errors
 * The one error catalog of Modelwright. Every error the library raises on purpose is a
 * `ModelwrightError` carrying a stable `code` from `ERROR_CATALOG`, a message that says what
 * happened and where, and a `hint` that says how to fix it. `docs/errors.md` is generated from
 * this catalog (`npm run docs:errors`) and a test fails when the two disagree.
 *
 * The CLI maps `exitCode` to the process exit status (2 = usage, 1 = runtime); the server
 * (later) maps `httpStatus` to HTTP statuses. Errors that are not ModelwrightErrors are bugs:
 * the CLI prints a generic message and the stack only under `--verbose`.
 */

/** One catalog entry: what happened, how to fix it, and how it surfaces. */
export interface ErrorSpec {
  /** One sentence: what went wrong, in general terms. */
  readonly what: string;
  /** One sentence: what the user can do about it. */
  readonly fix: string;
  /** Process exit status when the CLI stops on this error. */
  readonly exitCode: 1 | 2;
  /** HTTP status when the server answers with this error. */
  readonly httpStatus: number;
}

const usage = (what: string, fix: string): ErrorSpec => ({ what, fix, exitCode: 2, httpStatus: 400 });
const input = (what: string, fix: string, httpStatus = 400): ErrorSpec => ({ what, fix, exitCode: 1, httpStatus });
const runtime = (what: string, fix: string, httpStatus = 500): ErrorSpec => ({ what, fix, exitCode: 1, httpStatus });

/**
 * Every error code, grouped by area. Codes are stable: add new ones, never rename.
 * Keep entries sorted within a group; `docs/errors.md` follows this order.
 */
export const ERROR_CATALOG = {
  // --- command line -------------------------------------------------------------------------
  MW_USAGE: usage('A command was called with missing or malformed arguments.', 'Run the command with --help to see its arguments.'),
  MW_USAGE_UNKNOWN_COMMAND: usage('The command name is not one Modelwright knows.', 'Run `modelwright --help` for the list of commands.'),
  MW_USAGE_UNKNOWN_OPTION: usage('An option was given that the command does not take.', 'Run the command with --help to see its options.'),

  // --- parameters --------------------------------------------------------------------------
  MW_PARAM_UNKNOWN: usage('A parameter name is not one the learner or command accepts.', 'Use one of the listed names (aliases are accepted); see docs/params/.'),
  MW_PARAM_INVALID: usage('A parameter value has the wrong type or lies outside its allowed range.', 'Give a value of the stated type inside the stated range.'),

  // --- reading data ------------------------------------------------------------------------
  MW_DATA_FILE_NOT_FOUND: input('The data file does not exist.', 'Check the path; relative paths are resolved from the current directory.', 404),
  MW_DATA_UNREADABLE: input('The data source exists but could not be read.', 'Check file permissions, that it is not a directory, and that the format matches its extension.'),
  MW_DATA_EMPTY: input('The data source has no rows (or no columns).', 'Give a file with a header row and at least one data row.'),
  MW_DATA_RAGGED_ROW: input('A row of a delimited file has a different number of fields than the header.', 'Fix the named line (a stray delimiter or an unclosed quote is the usual cause), or pass --delimiter / --quote explicitly.'),
  MW_DATA_UNSUPPORTED_FORMAT: input('The file format is not one Modelwright reads.', 'Use CSV/TSV (optionally .gz), Parquet, JSON or NDJSON, or pass --format.'),
  MW_DATA_SQL: input('The SQL query over files failed.', 'Check the query text and the file paths it names; the database message is quoted.'),
  MW_DATA_POSTGRES: input('Reading from PostgreSQL failed.', 'Check the connection URL, that the server is running, and the table or query.'),
  MW_DATA_COLUMN_NOT_FOUND: input('A column named in the options does not exist in the data.', 'Use one of the data\'s column names (closest matches are suggested).'),
  MW_DATA_DUPLICATE_COLUMN: input('Two columns have the same name.', 'Rename one of them in the file or with --sql.'),
  MW_DATA_SCHEMA_FILE: input('The schema file could not be read or is not valid.', 'Give a JSON file of the shape documented in docs/schema.md.'),
  MW_DATA_NO_FEATURES: input('No column of the data can be used as a feature (all missing, identifiers or free text, or everything dropped).', 'Keep at least one numeric or categorical column (check --drop), or fill in the missing values.'),
  MW_DATA_TOO_SMALL: input('The data has too few rows or usable columns for what was asked (clusters, components, samples).', 'Ask for fewer clusters or components, or give more rows or columns.'),
  MW_DATA_NEGATIVE_VALUES: input('A learner that models counts (multinomial naive Bayes) got a negative feature value.', 'Give non-negative counts or frequencies, or use variant=gaussian.'),

  // --- targets and tasks -------------------------------------------------------------------
  MW_TARGET_NOT_FOUND: input('The target column does not exist in the data.', 'Pass --target with one of the data\'s column names (closest matches are suggested).'),
  MW_TARGET_ALL_MISSING: input('Every value of the target column is missing.', 'Choose another target column or fill in the labels.'),
  MW_TARGET_SINGLE_CLASS: input('The target column has only one distinct value, so there is nothing to learn.', 'Check the target column or the row filter; classification needs at least two classes.'),
  MW_TARGET_NOT_NUMERIC: input('A regression target holds values that are not numbers.', 'Clean the target column or ask for a classification task with --task.'),
  MW_TARGET_INVALID: input('The target values do not suit the chosen objective (e.g. negative counts for poisson, or no query groups for ranking).', 'Choose an objective that fits the target, or clean the target values.'),
  MW_TASK_UNSUPPORTED: usage('The task is not one this learner or command supports.', 'Use one of the tasks listed in the message.'),

  // --- models ------------------------------------------------------------------------------
  MW_MODEL_NOT_FOUND: input('The model file or reference does not exist.', 'Check the path or registry reference.', 404),
  MW_MODEL_FILE_INVALID: input('The model file is not a valid Modelwright model.', 'Re-save the model; do not edit model files by hand.'),
  MW_MODEL_CHECKSUM: input('The model file\'s checksum does not match its content: it was changed or truncated.', 'Restore the file from its source or retrain; never load a tampered model.'),
  MW_MODEL_VERSION: input('The model file was written by an incompatible format version.', 'Load it with the Modelwright version that wrote it, or retrain.'),
  MW_MODEL_NOT_FITTED: runtime('A model was used before it was trained.', 'Call fit() first and use the model it returns.'),
  MW_SCHEMA_MISMATCH: input('The data given to a model does not match the columns it was trained on.', 'Give the columns listed in the message, with the same types.'),

  // --- training ----------------------------------------------------------------------------
  MW_TRAIN_FAILED: runtime('Training stopped with an error.', 'Read the cause in the message; run with --verbose for details.'),
  MW_BUDGET_EXCEEDED: runtime('The work did not fit in the time or memory budget.', 'Raise --time-limit or reduce the data.'),
  MW_MODEL_SKIPPED: runtime('A candidate model was skipped.', 'Nothing to do: the reason is recorded on the leaderboard.'),
  MW_CANCELLED: runtime('The work was cancelled.', 'Run it again when ready.'),

  // --- metrics -----------------------------------------------------------------------------
  MW_METRIC_INPUT: input('The arrays given to a metric do not fit together (lengths, label range, probabilities, NaN).', 'Pass y_true, predictions and weights of matching length with the types the message names.'),
  MW_METRIC_UNDEFINED: input('The metric is not defined for these labels (for example ROC AUC when y_true holds one class).', 'Evaluate on data that holds every class the metric needs, or choose another metric.'),

  // --- model registry, export and import ---------------------------------------------------
  MW_EXPORT_UNSUPPORTED: input('This model cannot be exported in the requested format.', 'Export a gbdt, rf, extratrees or linear model file (from `fit`), or use --format json.'),
  MW_IMPORT_INVALID: input('The file to import is not a model of the named format, or uses a feature Modelwright cannot translate.', 'Check --format and the file; the message names the part that could not be read.'),
  MW_REGISTRY_ALIAS_IN_USE: input('The model version cannot be deleted while an alias points at it.', 'Move the alias to another version (`models alias`) or roll it back first.', 409),
  MW_REGISTRY_DB: runtime('The model registry database could not be opened or queried.', 'Check MODELWRIGHT_HOME / MODELWRIGHT_DB, that the database server is running, and the quoted database message.'),
  MW_REGISTRY_NAME_INVALID: usage('A model name, alias or reference is malformed.', 'Use letters, digits, "_", "-" and "." (starting with a letter or digit); refer to versions as NAME, NAME@VERSION or NAME@ALIAS.'),
  MW_REGISTRY_NO_PREVIOUS: input('The alias has no earlier holder to roll back to.', 'Point the alias at a version explicitly with `models alias NAME VERSION ALIAS`.', 409),

  // --- prediction server -------------------------------------------------------------------
  MW_SERVE_BAD_REQUEST: input('A request body is not what the endpoint takes: not JSON, empty, NaN/Infinity, or the wrong shape.', 'Send the body shape shown in the message (see /docs); use null for a missing value.'),
  MW_SERVE_BODY_TOO_LARGE: input('The request body is larger than the server\'s body limit.', 'Send fewer rows per request, use predict-batch, or raise bodyLimit in the server config.', 413),
  MW_SERVE_CONFIG: input('The server configuration file or flags are not valid.', 'Fix the named field; see the config shape in the message.'),
  MW_SERVE_EXTRA_COLUMN: input('A request holds a column the model does not take, and the model\'s policy rejects extra columns.', 'Send only the model\'s input columns (GET /v1/models/NAME lists them), or set extraColumns to "ignore".'),
  MW_SERVE_FORBIDDEN: input('The API key is not one the server knows.', 'Send a valid key as `Authorization: Bearer KEY`.', 403),
  MW_SERVE_NOT_READY: runtime('The server is not ready: models are still loading or it is shutting down.', 'Retry shortly; /readyz says when the server is ready.', 503),
  MW_SERVE_RATE_LIMITED: input('The API key sent more requests than its rate limit allows.', 'Wait for the time in the Retry-After header, or raise rateLimit in the server config.', 429),
  MW_SERVE_ROUTE_NOT_FOUND: input('No endpoint has this method and path.', 'See /openapi.json or /docs for the endpoints.', 404),
  MW_SERVE_UNAUTHORIZED: input('The request carries no API key, and the server requires one.', 'Send `Authorization: Bearer KEY` with a key from MODELWRIGHT_API_KEYS or the config.', 401),
  MW_SERVE_UNKNOWN_CATEGORY: input('A categorical value was not seen in training, and the model\'s policy rejects unknown categories.', 'Send one of the listed categories, null for missing, or set unknownCategory to "missing".'),
  MW_SERVE_UNSUPPORTED_MEDIA_TYPE: input('The request\'s Content-Type is not one the endpoint reads.', 'Use application/json (predict, feedback, infer), or application/x-ndjson or text/csv (predict-batch).', 415),

  // --- monitoring and retraining -----------------------------------------------------------
  MW_MONITOR_CONFIG: usage('The monitoring configuration (watch config, drift options or retraining policy) is not valid.', 'Fix the named field; the message lists the allowed values.'),
  MW_MONITOR_LOG_INVALID: input('A prediction-log or feedback row is malformed.', 'Send rows with a non-empty requestId, an integer rowIndex ≥ 0, a timestamp in epoch ms and a number or string label.'),
  MW_MONITOR_NO_DATA: input('There are no logged predictions (or labelled rows) to monitor in the window.', 'Widen --since/--until, check the model name the server logs under, or pass --current DATA.'),
  MW_MONITOR_NO_REFERENCE: input('The model version has no reference profile to compare current data with.', 'Register models with `fit --name` or `train --name` (they store one), or pass --reference TRAINING_DATA.', 404),
  MW_RETRAIN_FAILED: runtime('Retraining could not train or evaluate the challenger.', 'Read the cause in the message; check that the new data has the champion\'s columns and target.'),

  // --- files written -----------------------------------------------------------------------
  MW_WRITE_FAILED: runtime('An output file could not be written.', 'Check that the directory exists and is writable and that the disk has space.'),

  // --- anything else -----------------------------------------------------------------------
  MW_INTERNAL: runtime('An unexpected internal error happened (a bug in Modelwright).', 'Run again with --verbose and report the stack trace.'),
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export interface ErrorOptions {
  /** How to fix it, when more specific than the catalog's general fix. */
  hint?: string;
  /** The underlying error, kept for --verbose. */
  cause?: unknown;
  /** Machine-readable details (column name, line number, allowed values…), shown under --json. */
  details?: Record<string, unknown>;
}

/** Base class of every deliberate error in Modelwright. */
export class ModelwrightError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint ?? ERROR_CATALOG[code].fix;
    this.details = options.details ?? {};
  }

  get exitCode(): 1 | 2 {
    return ERROR_CATALOG[this.code].exitCode;
  }

  get httpStatus(): number {
    return ERROR_CATALOG[this.code].httpStatus;
  }

  toJSON(): { code: ErrorCode; message: string; hint: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, hint: this.hint, details: this.details };
  }
}

/** Wrong command-line usage: exit status 2. */
export class UsageError extends ModelwrightError {}
/** A learner or command parameter that is unknown or out of range. */
export class InvalidParamError extends ModelwrightError {}
/** Input data that cannot be read or used as given. */
export class DataError extends ModelwrightError {}
/** Data whose columns do not match what a model expects. */
export class SchemaMismatchError extends ModelwrightError {}
/** A model file that is missing, malformed, tampered with or of another format version. */
export class ModelFileError extends ModelwrightError {}
/** Something named by the user (model, column, run) does not exist. */
export class NotFoundError extends ModelwrightError {}
/** Work that did not fit in its time or memory budget. */
export class BudgetExceededError extends ModelwrightError {}
/** A candidate that AutoML skips; recorded on the leaderboard, never fatal. */
export class ModelSkipped extends ModelwrightError {}

/** True when `err` is a ModelwrightError (also across module copies, by shape). */
export function isModelwrightError(err: unknown): err is ModelwrightError {
  return err instanceof ModelwrightError;
}
