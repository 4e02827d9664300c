/**
 * @module report/charts/chart-styles
 * CSS for the x/y charts (axes frame, grid, reference lines, lines, dots, legends, heatmap
 * cells), appended to the base stylesheet by reports that use them. Colours come from the
 * base palette's variables, so the dark variant follows.
 */
export const CHART_CSS = `
svg.chart .grid { stroke: var(--border); stroke-width: 0.6; }
svg.chart .frame { fill: none; stroke: var(--border); stroke-width: 1; }
svg.chart .ref { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 4 3; opacity: .7; }
svg.chart .ref.solid { stroke-dasharray: none; opacity: .5; }
svg.chart .line { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
svg.chart .line.faint { stroke-width: 0.8; opacity: .22; }
svg.chart .pt { opacity: .75; }
svg.chart .cell.diag { stroke: var(--accent); stroke-width: 1.5; }
svg.chart text.count { fill: var(--text); font-size: 12px; font-weight: 600; }
svg.chart text.on-dark { fill: #fff; font-size: 12px; font-weight: 600; }
svg.chart text.small, svg.chart text.on-dark.small { font-size: 9.5px; font-weight: 400; }
svg.chart.heatmap { margin: 0 auto; }
figure.chart-figure { margin: 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--muted); margin-top: 4px; }
.legend i { display: inline-block; width: 14px; height: 3px; border-radius: 2px; margin-right: 5px; vertical-align: middle; }
.grid-2 { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(340px, 100%), 1fr)); gap: 14px; }
.grid-3 { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(300px, 100%), 1fr)); gap: 14px; }
.stat .ci { color: var(--muted); font-size: 12px; }
.kicker { color: var(--muted); font-size: 12.5px; margin: -4px 0 10px; }
td.bad { color: var(--bad); font-weight: 600; }
td.ok { color: var(--ok); }
`;
