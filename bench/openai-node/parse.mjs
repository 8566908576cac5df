// Reference measurement: the official `openai` npm package's SSE stream parser over the same bytes
// bench_inference decodes. Prints one JSON object. Usage: node parse.mjs NODE_MODULES_DIR FILE
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const [modulesDir, file] = process.argv.slice(2);
const require = createRequire(modulesDir + '/');
const { Stream } = require('openai/core/streaming');
const version = JSON.parse(readFileSync(modulesDir + '/openai/package.json', 'utf8')).version;

async function once() {
  const body = Readable.toWeb(createReadStream(file, { highWaterMark: 64 * 1024 }));
  const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  const stream = Stream.fromSSEResponse(response, new AbortController());
  let tokens = 0;
  let chars = 0;
  const start = performance.now();
  for await (const chunk of stream) {
    const delta = chunk.choices?.[0]?.delta;
    if (delta?.content) {
      tokens++;
      chars += delta.content.length;
    }
  }
  return { ms: performance.now() - start, tokens, chars };
}

const bytes = statSync(file).size;
await once(); // warm-up (JIT)
const runs = [];
for (let i = 0; i < 3; i++) runs.push(await once());
runs.sort((a, b) => a.ms - b.ms);
const best = runs[0];
console.log(JSON.stringify({
  package: `openai@${version}`,
  node: process.version,
  bytes,
  bestMs: best.ms,
  mbPerSecond: bytes / 1e6 / (best.ms / 1000),
  tokensPerSecond: best.tokens / (best.ms / 1000),
  tokens: best.tokens,
  chars: best.chars,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
}));
