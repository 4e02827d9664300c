/**
 * Regenerates the documentation derived from code: docs/errors.md (and, as learners land,
 * docs/params/<learner>.md). Run with `npm run docs`.
 */
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { renderErrorsDoc } from '../src/docs/errors-doc.js';
import { renderParamsDocs } from '../src/docs/params-doc.js';

await writeFileAtomic('docs/errors.md', renderErrorsDoc());
for (const [file, text] of Object.entries(renderParamsDocs())) await writeFileAtomic(`docs/params/${file}`, text);
console.log('docs regenerated');
