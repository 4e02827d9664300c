import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/common/random.js';
import { datetimeColumn } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';
import { profileFrame } from '../../src/data/profile/profile-frame.js';
import { renderProfileReport } from '../../src/report/index.js';

function frame(): Frame {
  const rng = new Rng(2);
  const n = 120;
  return Frame.fromArrays({
    id: Array.from({ length: n }, (_, i) => i + 1),
    '<script>alert(1)</script>': Array.from({ length: n }, () => rng.normal()),
    colour: Array.from({ length: n }, (_, i) => ['red', 'green', 'blue'][i % 3]),
    sparse: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? rng.next() : null)),
    y: Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 'yes' : 'no')),
  }).withColumn(datetimeColumn('when', Float64Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 1) + i * 3_600_000)));
}

describe('profile HTML report', () => {
  const html = renderProfileReport(profileFrame(frame(), { target: 'y' }), { source: 'data.csv', generatedAt: new Date(Date.UTC(2024, 0, 1)) });

  it('is one self-contained document: no network references, no scripts', () => {
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|@import|url\(/i);
  });

  it('has charts, a summary, warnings and a card per column', () => {
    expect(html).toContain('<svg');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(html).toContain('<title>Data profile: data.csv</title>');
    expect(html).toContain('120 rows × 6 columns');
    expect(html).toContain('HIGH_MISSING');
    expect(html).toContain('ID_LIKE');
    for (let i = 1; i <= 6; i++) expect(html).toContain(`id="col-${i}"`);
    expect(html).toContain('href="#col-4"');
  });

  it('escapes column names', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows the target and its classes', () => {
    expect(html).toContain('<h2>Target</h2>');
    expect(html).toContain('aria-label="classes of y"');
  });
});
