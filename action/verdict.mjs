// The worst verdict of a JSON report (by the verdict table's rank), for the action's `verdict` output.
import { readFileSync } from 'node:fs';

const { worstVerdict } = await import(new URL('../dist/node/core/index.js', import.meta.url).href);
const rows = JSON.parse(readFileSync(process.argv[2], 'utf8'));
process.stdout.write(`${worstVerdict(Array.isArray(rows) ? rows : []) ?? ''}\n`);
