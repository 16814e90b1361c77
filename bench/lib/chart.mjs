// The per-request chart for the README: horizontal bars on a log scale, as a standalone SVG.

const esc = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * @param {{ label: string, value: number, ours?: boolean }[]} rows µs per request, top to bottom
 * @param {{ title: string, note: string }} text
 */
export function perRequestChart(rows, text) {
  const labelWidth = 410;
  const plotWidth = 420;
  const rowHeight = 26;
  const top = 44;
  const height = top + rows.length * rowHeight + 44;
  const width = labelWidth + plotWidth + 90;
  const min = 10;
  const max = 10 ** Math.ceil(Math.log10(Math.max(...rows.map((r) => r.value), 100)));
  const x = (value) => labelWidth + (plotWidth * Math.log10(Math.max(value, min) / min)) / Math.log10(max / min);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="13">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="24" font-size="15" font-weight="600" fill="#111">${esc(text.title)}</text>`,
  ];
  for (let tick = min; tick <= max; tick *= 10) {
    const tx = x(tick).toFixed(1);
    parts.push(`<line x1="${tx}" y1="${top - 6}" x2="${tx}" y2="${top + rows.length * rowHeight}" stroke="#ddd"/>`);
    parts.push(`<text x="${tx}" y="${top + rows.length * rowHeight + 16}" text-anchor="middle" fill="#666" font-size="11">${tick.toLocaleString('en-US')} µs</text>`);
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const barEnd = x(row.value);
    parts.push(`<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" fill="#222"${row.ours ? ' font-weight="600"' : ''}>${esc(row.label)}</text>`);
    parts.push(`<rect x="${labelWidth}" y="${y + 4}" width="${(barEnd - labelWidth).toFixed(1)}" height="${rowHeight - 8}" fill="${row.ours ? '#2f6fdf' : '#9aa5b1'}" rx="2"/>`);
    parts.push(`<text x="${(barEnd + 6).toFixed(1)}" y="${y + 16}" fill="#222">${Math.round(row.value).toLocaleString('en-US')}</text>`);
  });
  parts.push(`<text x="12" y="${height - 10}" fill="#666" font-size="11">${esc(text.note)}</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
