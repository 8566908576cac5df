// The official OpenAI and Anthropic SDKs against `agentdesk-cli serve` (tests/localapi/
// tst_localapiclients.cpp runs one case per process and compares the JSON line it prints).
// Environment: BASE_URL (http://127.0.0.1:PORT), TOKEN; NODE_PATH finds the SDKs.
'use strict';
const http = require('node:http');
const { Readable } = require('node:stream');
const OpenAI = require('openai').default;
const Anthropic = require('@anthropic-ai/sdk').default;

const base = process.env.BASE_URL;
const token = process.env.TOKEN;
const openai = (options = {}) => new OpenAI({ baseURL: base + '/v1', apiKey: token, maxRetries: 0, ...options });
const anthropic = (options = {}) => new Anthropic({ baseURL: base, apiKey: token, maxRetries: 0, ...options });
const out = (value) => process.stdout.write(JSON.stringify(value) + '\n');

// fetch() never sends a Host header of its own choosing; node:http does.
function fetchWithHost(host) {
  return (url, init = {}) => new Promise((resolve, reject) => {
    const target = new URL(url);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    headers.host = host;
    const request = http.request({ hostname: target.hostname, port: target.port, path: target.pathname + target.search, method: init.method, headers }, (res) => {
      resolve(new Response(Readable.toWeb(res), { status: res.statusCode, headers: res.headers }));
    });
    request.on('error', reject);
    if (init.body) request.write(init.body);
    request.end();
  });
}

const failure = (error) => ({ status: error.status, name: error.constructor.name, message: error.error?.message ?? error.error?.error?.message ?? error.message });

const cases = {
  async 'openai-models'() {
    const models = [];
    for await (const model of openai().models.list()) models.push(model.id);
    out({ models });
  },
  async 'openai-complete'() {
    const r = await openai().chat.completions.create({ model: 'local/m', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }] });
    out({ object: r.object, model: r.model, content: r.choices[0].message.content, role: r.choices[0].message.role, finish: r.choices[0].finish_reason, usage: r.usage });
  },
  async 'openai-stream'() {
    const stream = await openai().chat.completions.create({ model: 'local/m', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Hi' }] });
    let content = '';
    let finish = null;
    let usage = null;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      if (chunk.choices.length) {
        content += chunk.choices[0].delta.content ?? '';
        finish = chunk.choices[0].finish_reason ?? finish;
      }
      if (chunk.usage) usage = chunk.usage;
    }
    out({ content, finish, usage, sawChunks: chunks > 2 });
  },
  async 'openai-abort'() {
    const controller = new AbortController();
    const stream = await openai().chat.completions.create({ model: 'local/m', stream: true, messages: [{ role: 'user', content: 'Count' }] }, { signal: controller.signal });
    let content = '';
    let error = null;
    try {
      for await (const chunk of stream) {
        content += chunk.choices[0]?.delta?.content ?? '';
        if (content.length > 0) controller.abort();
      }
    } catch (thrown) {
      error = thrown.constructor.name;
    }
    out({ aborted: controller.signal.aborted, error, content });
  },
  async 'openai-tools'() {
    const client = openai();
    const tools = [{ type: 'function', function: { name: 'get_time', description: 'The time now', parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] } } }];
    const messages = [{ role: 'user', content: 'What time is it?' }];
    const first = await client.chat.completions.create({ model: 'local/m', messages, tools });
    const call = first.choices[0].message.tool_calls[0];
    messages.push(first.choices[0].message);
    messages.push({ role: 'tool', tool_call_id: call.id, content: '12:00 ' + JSON.parse(call.function.arguments).zone });
    const second = await client.chat.completions.create({ model: 'local/m', messages, tools });
    out({ firstFinish: first.choices[0].finish_reason, call: { id: call.id, name: call.function.name, arguments: call.function.arguments }, answer: second.choices[0].message.content });
  },
  async 'openai-agent'() {
    const stream = await openai().chat.completions.create({ model: 'agent/Everything', stream: true, messages: [{ role: 'user', content: 'Echo hi' }] });
    let content = '';
    let toolCalls = 0;
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta?.content ?? '';
      toolCalls += chunk.choices[0]?.delta?.tool_calls?.length ?? 0;
    }
    out({ content, toolCalls });
  },
  async 'openai-wrong-token'() {
    try {
      await openai({ apiKey: 'wrong' }).chat.completions.create({ model: 'local/m', messages: [{ role: 'user', content: 'Hi' }] });
      out({ status: 200 });
    } catch (error) {
      out(failure(error));
    }
  },
  async 'openai-wrong-host'() {
    try {
      await openai({ fetch: fetchWithHost('attacker.example') }).models.list();
      out({ status: 200 });
    } catch (error) {
      out(failure(error));
    }
  },
  async 'openai-too-large'() {
    try {
      await openai().chat.completions.create({ model: 'local/m', messages: [{ role: 'user', content: 'x'.repeat(2 * 1024 * 1024) }] });
      out({ status: 200 });
    } catch (error) {
      out(failure(error));
    }
  },
  async 'openai-busy'() {
    const client = openai();
    const stream = await client.chat.completions.create({ model: 'local/m', stream: true, messages: [{ role: 'user', content: 'Count' }] });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    let busy;
    try {
      await client.chat.completions.create({ model: 'local/m', messages: [{ role: 'user', content: 'Hi' }] });
      busy = { status: 200 };
    } catch (error) {
      busy = { ...failure(error), retryAfter: error.headers?.get?.('retry-after') ?? null };
    }
    let content = '';
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) content += next.value.choices[0]?.delta?.content ?? '';
    out({ busy, firstFinished: content.length > 0 });
  },
  async 'anthropic-complete'() {
    const r = await anthropic().messages.create({ model: 'local/m', max_tokens: 64, system: 'Be brief.', messages: [{ role: 'user', content: 'Hi' }] });
    out({ type: r.type, role: r.role, model: r.model, content: r.content, stop: r.stop_reason, usage: { input: r.usage.input_tokens, output: r.usage.output_tokens } });
  },
  async 'anthropic-stream'() {
    const stream = anthropic().messages.stream({ model: 'local/m', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] });
    let text = '';
    stream.on('text', (delta) => { text += delta; });
    const message = await stream.finalMessage();
    out({ text, content: message.content, stop: message.stop_reason, usage: { input: message.usage.input_tokens, output: message.usage.output_tokens } });
  },
  async 'anthropic-tools'() {
    const client = anthropic();
    const tools = [{ name: 'get_time', description: 'The time now', input_schema: { type: 'object', properties: { zone: { type: 'string' } } } }];
    const messages = [{ role: 'user', content: 'What time is it?' }];
    const first = await client.messages.stream({ model: 'local/m', max_tokens: 64, messages, tools }).finalMessage();
    const call = first.content.find((block) => block.type === 'tool_use');
    messages.push({ role: 'assistant', content: first.content });
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: '12:00 ' + call.input.zone }] });
    const second = await client.messages.create({ model: 'local/m', max_tokens: 64, messages, tools });
    out({ firstStop: first.stop_reason, call: { id: call.id, name: call.name, input: call.input }, answer: second.content[0].text });
  },
  async 'anthropic-wrong-token'() {
    try {
      await anthropic({ apiKey: 'wrong' }).messages.create({ model: 'local/m', max_tokens: 8, messages: [{ role: 'user', content: 'Hi' }] });
      out({ status: 200 });
    } catch (error) {
      out(failure(error));
    }
  },
};

const name = process.argv[2];
if (!cases[name]) {
  console.error('unknown case ' + name);
  process.exit(2);
}
cases[name]().catch((error) => {
  console.error(error);
  process.exit(1);
});
