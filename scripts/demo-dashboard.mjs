// A stand-in for a dashboard the province already has, for the demo wall's web page panel: one static
// page on http://127.0.0.1:4290 (the origin config/walls/demo-2x2.json lists in webOrigins.frames).
// Usage: node scripts/demo-dashboard.mjs [--port 4290]
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4290' } } });
const rows = [
  ['Sở Tư pháp', 1284, 97.8],
  ['Sở Xây dựng', 842, 95.1],
  ['Sở Công Thương', 615, 98.9],
  ['Sở Nông nghiệp và Môi trường', 730, 96.4],
  ['UBND phường Hải Châu', 1102, 99.2],
];
const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng dịch vụ công (mô phỏng)</title>
<style>body{margin:0;font:20px system-ui,sans-serif;background:#f4f6f9;color:#1b2a3a}h1{margin:0;padding:14px 20px;background:#b3261e;color:#fff;font-size:26px}
table{border-collapse:collapse;margin:16px 20px;width:calc(100% - 40px)}td,th{padding:8px 10px;border-bottom:1px solid #cfd8e3;text-align:left}td.n{text-align:right}p{margin:0 20px;color:#5a6b7d;font-size:16px}</style></head>
<body><h1>Cổng dịch vụ công tỉnh — bảng điều hành (mô phỏng)</h1>
<table><tr><th>Đơn vị</th><th>Hồ sơ tháng này</th><th>Đúng hạn</th></tr>
${rows.map(([unit, n, rate]) => `<tr><td>${unit}</td><td class="n">${n.toLocaleString('vi-VN')}</td><td class="n">${rate.toLocaleString('vi-VN')}%</td></tr>`).join('')}
</table><p>Dữ liệu mô phỏng cho bản trình diễn Toàn Cảnh.</p></body></html>`;

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" });
  res.end(page);
});
server.listen(Number(values.port), '127.0.0.1', () => console.log(`demo dashboard http://127.0.0.1:${values.port}/`));
