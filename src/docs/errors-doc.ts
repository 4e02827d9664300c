/**
 * @module docs/errors-doc
 * Renders docs/errors.md from the error catalog, so the documentation can never drift from
 * the codes the program raises (a test compares the file to this output).
 */
import { ERROR_CATALOG } from '../errors.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function renderErrorsDoc(): string {
  const lines = [
    '# Error codes',
    '',
    'Every error Modelwright reports on purpose carries one of these codes. The CLI prints',
    '`error [CODE]: what happened` and a `fix:` line on stderr (and `{"error": {code, message, hint, details}}`',
    'on stdout under `--json`); exit status 2 marks a usage error, 1 any other. The server answers with the',
    'HTTP status shown. This file is generated from `src/errors.ts` by `npm run docs`; do not edit it by hand.',
    '',
    '| Code | What happened | How to fix | Exit | HTTP |',
    '|---|---|---|---|---|',
  ];
  for (const [code, spec] of Object.entries(ERROR_CATALOG)) {
    lines.push(`| \`${code}\` | ${cell(spec.what)} | ${cell(spec.fix)} | ${spec.exitCode} | ${spec.httpStatus} |`);
  }
  return `${lines.join('\n')}\n`;
}
