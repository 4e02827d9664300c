import { describe, expect, it } from 'vitest';
import { escapeHtml, formatCount, formatDate, formatNumber, formatPercent, formatShort, html, joinHtml, raw, renderKeyValues, renderPage, renderTable } from '../../src/report/index.js';

describe('html templating', () => {
  it('escapes interpolated text and keeps safe markup', () => {
    const name = `<script>alert("x")</script>&'`;
    expect(html`<p>${name}</p>`.toString()).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>');
    expect(html`<div>${html`<b>${'a<b'}</b>`}</div>`.toString()).toBe('<div><b>a&lt;b</b></div>');
    expect(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.toString()).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(html`${null}${undefined}${false}${0}`.toString()).toBe('0');
    expect(raw('<hr>').toString()).toBe('<hr>');
    expect(joinHtml(['a', raw('<br>'), 'b<'], ' ').toString()).toBe('a <br> b&lt;');
    expect(escapeHtml('"&"')).toBe('&quot;&amp;&quot;');
  });

  it('renders tables with right-aligned numeric columns and escaped cells', () => {
    const t = renderTable([{ label: 'name' }, { label: 'rows', numeric: true }], [['<a>', '1,000']]).toString();
    expect(t).toContain('<th class="num">rows</th>');
    expect(t).toContain('<td>&lt;a&gt;</td><td class="num">1,000</td>');
    expect(renderKeyValues([['mean', '3.5']]).toString()).toContain('<td>mean</td><td class="num">3.5</td>');
  });

  it('renders a self-contained page', () => {
    const page = renderPage({ title: 'T <1>', subtitle: 'sub', body: html`<p>hi</p>`, footer: 'f' });
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<title>T &lt;1&gt;</title>');
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<link|<script|@import|url\(/i);
  });
});

describe('formatting', () => {
  it('formats numbers for people', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(3.14159)).toBe('3.142');
    expect(formatNumber(-0.5)).toBe('-0.5');
    expect(formatNumber(-1234.5678)).toBe('-1235');
    expect(formatNumber(2014)).toBe('2014');
    expect(formatNumber(-98765.4321)).toBe('-98,765');
    expect(formatNumber(0.000123456)).toBe('0.0001235');
    expect(formatNumber(0.0000123456)).toBe('1.23e-5');
    expect(formatNumber(12.5)).toBe('12.5');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatCount(1234.4)).toBe('1,234');
    expect([0, 0.1234, 0.05, 0.0004].map(formatPercent)).toEqual(['0%', '12%', '5.0%', '0.04%']);
    expect([1500, 12_500, 2_500_000, 0.25].map(formatShort)).toEqual(['1500', '12.5k', '2.5M', '0.25']);
    expect(formatDate(Date.UTC(2024, 0, 31))).toBe('2024-01-31');
    expect(formatDate(Date.UTC(2024, 0, 31, 13, 5))).toBe('2024-01-31 13:05');
  });
});
