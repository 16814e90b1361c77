// One per-request measurement, in a fresh process: `node per-request.mjs <contender> <budgetMs>`.
// Warms up, then times sequential `files.retrieve` calls for about `budgetMs`; prints JSON.
import { contenders } from './lib/contenders.mjs';

const [name, budgetArg = '1000'] = process.argv.slice(2);
const contender = contenders[name];
if (!contender) throw new Error(`unknown contender ${name}; one of ${Object.keys(contenders).join(', ')}`);
const budgetMs = Number(budgetArg);

const { client, id, teardown } = await contender.setup();
const call = async () => {
  const file = await client.files.retrieve(id);
  if (file.id !== id) throw new Error(`${name} answered ${JSON.stringify(file)}`);
};

// Warm-up: JIT, connection pools, lazy modules; it also sizes the timed run.
const warmup = 200;
let start = performance.now();
for (let i = 0; i < warmup; i++) await call();
const perCall = (performance.now() - start) / warmup;
const calls = Math.max(200, Math.min(50_000, Math.round(budgetMs / perCall)));

const cpu0 = process.cpuUsage();
start = performance.now();
for (let i = 0; i < calls; i++) await call();
const elapsed = performance.now() - start;
const cpu = process.cpuUsage(cpu0);
await teardown();
console.log(JSON.stringify({ name, calls, usPerRequest: (elapsed * 1000) / calls, cpuUsPerRequest: (cpu.user + cpu.system) / calls }));
