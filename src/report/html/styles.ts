/**
 * @module report/html/styles
 * The stylesheet every report embeds: system fonts only (no web fonts, nothing fetched), CSS
 * variables for the palette, a dark variant, and print rules. Components (cards, badges,
 * tables, stat grids, charts) share these class names.
 */
export const BASE_CSS = `
:root {
  --bg: #f6f7f9; --surface: #ffffff; --text: #1b1f24; --muted: #5b6573; --border: #e3e6eb;
  --accent: #2f6fde; --accent-soft: #e6eefc; --bar: #4a7fe0; --bar-alt: #9db8ec;
  --warn: #b45309; --warn-soft: #fdf3e3; --info: #2f6fde; --info-soft: #e9f0fd;
  --ok: #15803d; --ok-soft: #e7f6ec; --bad: #b42318; --bad-soft: #fdecea;
  --radius: 10px; --shadow: 0 1px 2px rgba(16,24,40,.06), 0 1px 3px rgba(16,24,40,.08);
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1216; --surface: #171b21; --text: #e6e8eb; --muted: #9aa4b2; --border: #2a3039;
    --accent: #6a9cf5; --accent-soft: #1c2a44; --bar: #5d8ff0; --bar-alt: #35507f;
    --warn: #f0a94b; --warn-soft: #2e2414; --info: #6a9cf5; --info-soft: #1a2436;
    --ok: #4ade80; --ok-soft: #14261b; --bad: #f87171; --bad-soft: #2c1717;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-variant-numeric: tabular-nums;
}
main { max-width: 1200px; margin: 0 auto; padding: 28px 24px 48px; }
header.page { margin-bottom: 24px; }
header.page h1 { font-size: 26px; line-height: 1.25; margin: 0 0 4px; letter-spacing: -0.01em; }
header.page .subtitle { color: var(--muted); margin: 0; }
h2 { font-size: 18px; margin: 32px 0 12px; letter-spacing: -0.005em; }
h3 { font-size: 15px; margin: 0; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, .mono { font-family: var(--mono); font-size: 12.5px; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(150px, 100%), 1fr)); gap: 12px; }
.stat { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 12px 14px; box-shadow: var(--shadow); }
.stat .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.stat .value { font-size: 22px; font-weight: 600; margin-top: 2px; }
.stat .note { color: var(--muted); font-size: 12px; }
.panel { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 16px 18px; box-shadow: var(--shadow); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(360px, 100%), 1fr)); gap: 14px; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 14px 16px; box-shadow: var(--shadow); min-width: 0; }
.card header { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; margin-bottom: 6px; }
.card header h3 { overflow-wrap: anywhere; }
.card .reason { color: var(--muted); font-size: 12px; margin: 0 0 8px; }
.card .body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 11.5px; font-weight: 600; background: var(--accent-soft); color: var(--accent); white-space: nowrap; }
.badge.neutral { background: var(--bg); color: var(--muted); border: 1px solid var(--border); }
.badge.warning { background: var(--warn-soft); color: var(--warn); }
.badge.info { background: var(--info-soft); color: var(--info); }
.badge.ok { background: var(--ok-soft); color: var(--ok); }
.badge.bad { background: var(--bad-soft); color: var(--bad); }
table.data { width: 100%; border-collapse: collapse; font-size: 13px; }
table.data th, table.data td { padding: 5px 8px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
table.data th { color: var(--muted); font-weight: 600; font-size: 12px; white-space: nowrap; }
table.data td.num, table.data th.num { text-align: right; white-space: nowrap; }
table.data tr:last-child td { border-bottom: none; }
table.kv td:first-child { color: var(--muted); width: 42%; }
.table-wrap { overflow-x: auto; }
ul.warnings { list-style: none; margin: 0; padding: 0; }
ul.warnings li { display: grid; grid-template-columns: auto 1fr; gap: 4px 10px; padding: 10px 0; border-bottom: 1px solid var(--border); }
ul.warnings li:last-child { border-bottom: none; }
ul.warnings .code { font-family: var(--mono); font-size: 12px; color: var(--muted); }
svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
svg.chart text { fill: var(--muted); font-size: 10px; font-family: inherit; }
svg.chart .bar { fill: var(--bar); }
svg.chart .bar.alt { fill: var(--bar-alt); }
svg.chart .bar:hover { fill: var(--accent); }
svg.chart .axis { stroke: var(--border); stroke-width: 1; }
svg.chart text.label { fill: var(--text); }
footer.page { margin-top: 40px; color: var(--muted); font-size: 12px; text-align: center; }
@media print {
  body { background: #fff; }
  .card, .stat, .panel { box-shadow: none; break-inside: avoid; }
}
`;
