// PouchDB replication measured the way Lankit's KitBenchmark measures the master: push
// throughput (5 clients with batches of 500, 1 client with batches of 100, via _bulk_docs; and 5
// clients replicating local leveldb databases, batch_size 500), catch-up pull of N documents
// (_changes with include_docs in pages of 1,000; and replication into a local leveldb), push acknowledged ->
// another device holds it (live _changes feeds), and bytes per document on the wire. Documents
// carry the same 8 values as Lankit's bench entries. Everything on 127.0.0.1; prints one JSON object.
// Usage: node bench.js [--docs 100000] [--rounds 200]
'use strict';
const { fork } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const PouchDB = require('pouchdb');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf('--' + name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DOCS = option('docs', 100000);
const ROUNDS = option('rounds', 200);
const SOURCES = ['well', 'tap', 'river', 'other'];

/** The 8 values of bench entry i; KitBenchmark's BenchEntries gives a Lankit entry the same ones. */
function values(i) {
  return {
    respondent: 'Respondent ' + i,
    village: 'Village ' + (i % 40),
    household_size: 1 + (i % 50),
    visit_date: '2026-11-' + String(1 + (i % 28)).padStart(2, '0'),
    water_source: SOURCES[i % 4],
    notes: 'Visited in the morning; follow up next week',
    children: i % 8,
    has_latrine: i % 3 === 0,
  };
}

let made = 0;
function doc(device) {
  const i = made++;
  return Object.assign({ _id: 'e-' + device + '-' + i + '-' + Math.random().toString(36).slice(2, 10),
    form: 'bench_visit', formVersion: 1, createdAt: Date.now(), createdBy: device }, values(i));
}

function batch(device, size) {
  const docs = [];
  for (let i = 0; i < size; i++) docs.push(doc(device));
  return docs;
}

function startServer(dataDir) {
  const server = fork(path.join(__dirname, 'server.js'), [dataDir], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    server.once('message', (m) => resolve({ process: server, port: m.port }));
    server.once('error', reject);
    server.once('exit', (code) => reject(new Error('the PouchDB server exited with ' + code)));
  });
}

function serverCpuMicros(server) {
  return new Promise((resolve) => {
    server.process.once('message', (m) => resolve(m.cpuMicros));
    server.process.send('cpu');
  });
}

function rssMb(pid) {
  const line = fs.readFileSync('/proc/' + pid + '/status', 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line.replace(/[^0-9]/g, '')) / 1024);
}

async function push(server, url, clients, size, total) {
  const dbs = [];
  for (let c = 0; c < clients; c++) dbs.push(new PouchDB(url));
  const work = dbs.map((db, c) => {
    const batches = [];
    for (let sent = 0; sent < total / clients; sent += size) batches.push(batch('dev' + c, size));
    return batches;
  });
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, rssMb(server.process.pid)); }, 250);
  const cpu0 = await serverCpuMicros(server);
  const sent = work.reduce((sum, batches) => sum + batches.length * size, 0);
  const t0 = process.hrtime.bigint();
  await Promise.all(dbs.map(async (db, c) => {
    for (const docs of work[c]) {
      const answer = await db.bulkDocs(docs);
      if (answer.some((r) => r.error)) throw new Error('a document was refused: ' + JSON.stringify(answer.find((r) => r.error)));
    }
  }));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = (await serverCpuMicros(server)) - cpu0;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(server.process.pid));
  return { sent, perSecond: Math.round(sent / seconds), cpuMicrosPerDoc: Math.round(cpu / sent), peakRssMb: peak };
}

/** Each client fills a local leveldb database (not timed), then all replicate to the server at once. */
async function replicatePush(url, clients, size, total, dir) {
  const locals = [];
  let sent = 0;
  for (let c = 0; c < clients; c++) {
    const local = new PouchDB(path.join(dir, 'outbox-' + c));
    for (let own = 0; own < total / clients; own += size) {
      await local.bulkDocs(batch('rep' + c, size));
      sent += size;
    }
    locals.push(local);
  }
  const t0 = process.hrtime.bigint();
  await Promise.all(locals.map((local) => PouchDB.replicate(local, url, { batch_size: size })));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await Promise.all(locals.map((local) => local.destroy()));
  return Math.round(sent / seconds);
}

/** A new device replicates the whole database into a local leveldb database. */
async function replicatePull(url, dir) {
  const local = new PouchDB(path.join(dir, 'newcomer'));
  const t0 = process.hrtime.bigint();
  const result = await PouchDB.replicate(url, local, { batch_size: 1000 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await local.destroy();
  return { docs: result.docs_written, seconds };
}

async function catchUp(url, n) {
  const db = new PouchDB(url);
  const t0 = process.hrtime.bigint();
  let since = 0;
  let got = 0;
  while (got < n) {
    const page = await db.changes({ since, limit: Math.min(1000, n - got), include_docs: true });
    if (page.results.length === 0) throw new Error('the feed ended after ' + got + ' documents');
    got += page.results.length;
    since = page.last_seq;
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** One client puts one document at a time; four others follow live _changes feeds and hold it. */
async function propagation(url, rounds) {
  const pusher = new PouchDB(url);
  const listeners = [1, 2, 3, 4].map(() => new PouchDB(url));
  let waiting = null;
  const feeds = listeners.map((db) => db.changes({ live: true, since: 'now', include_docs: true })
    .on('change', (change) => {
      if (waiting && change.id === waiting.id) waiting.arrived(process.hrtime.bigint());
    }));
  await new Promise((r) => setTimeout(r, 500));
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const d = doc('pusher');
    const arrivals = [];
    const all = new Promise((resolve) => {
      waiting = { id: d._id, arrived: (t) => { arrivals.push(t); if (arrivals.length === listeners.length) resolve(); } };
    });
    await pusher.put(d);
    const acked = process.hrtime.bigint();
    await Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error('not propagated in 10 s')), 10000))]);
    for (const t of arrivals) samples.push(Math.max(0, Number(t - acked) / 1000));
  }
  feeds.forEach((f) => f.cancel());
  samples.sort((a, b) => a - b);
  const at = (p) => samples[Math.max(0, Math.ceil(p / 100 * samples.length) - 1)];
  return { p50: Math.round(at(50)), p99: Math.round(at(99)) };
}

function get(port, pathAndQuery, gzip) {
  return new Promise((resolve, reject) => {
    const headers = gzip ? { 'Accept-Encoding': 'gzip' } : {};
    http.get({ host: '127.0.0.1', port, path: pathAndQuery, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => { bytes += chunk.length; });
      res.on('end', () => resolve({ bytes, encoding: res.headers['content-encoding'] || 'identity' }));
    }).on('error', reject);
  });
}

/** Body bytes per document: a _bulk_docs body of 500, and a _changes page of 1,000 plain and gzip. */
async function wireBytes(port) {
  const body = Buffer.from(JSON.stringify({ docs: batch('wire', 500) }));
  const plain = await get(port, '/bench/_changes?include_docs=true&limit=1000&since=0', false);
  const gzip = await get(port, '/bench/_changes?include_docs=true&limit=1000&since=0', true);
  return {
    push_plain: Math.round(body.length / 500),
    push_gzip: Math.round(zlib.gzipSync(body).length / 500),
    pull_plain: Math.round(plain.bytes / 1000),
    pull_gzip: gzip.encoding === 'gzip' ? Math.round(gzip.bytes / 1000) : null,
  };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lankit-pouchdb-'));
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lankit-pouchdb-clients-'));
  const server = await startServer(dataDir);
  const base = 'http://127.0.0.1:' + server.port;
  const url = base + '/bench';
  try {
    const out = { pouchdb: require('pouchdb/package.json').version,
      express_pouchdb: require('express-pouchdb/package.json').version, node: process.version };
    await push(server, base + '/warmup', 5, 500, 10000);
    // "bench" holds exactly DOCS documents for the catch-up, then more for the rest
    const five = await push(server, url, 5, 500, DOCS);
    out.docs = five.sent;
    out.push_5dev_batch500_docs_per_s = five.perSecond;
    out.push_5dev_server_cpu_us_per_doc = five.cpuMicrosPerDoc;
    out.push_5dev_server_peak_rss_mb = five.peakRssMb;
    const stored = five.sent;
    const seconds = await catchUp(url, stored);
    out.catchup_pull_s = Math.round(seconds * 100) / 100;
    out.catchup_pull_docs_per_s = Math.round(stored / seconds);
    const replicated = await replicatePull(url, clientDir);
    if (replicated.docs !== stored) throw new Error('replicated ' + replicated.docs + ' documents, expected ' + stored);
    out.replicate_pull_s = Math.round(replicated.seconds * 100) / 100;
    out.replicate_pull_docs_per_s = Math.round(stored / replicated.seconds);
    out.replicate_push_5dev_batch500_docs_per_s = await replicatePush(base + '/replicated', 5, 500, DOCS, clientDir);
    const one = await push(server, url, 1, 100, 20000);
    out.push_1dev_batch100_docs_per_s = one.perSecond;
    const latency = await propagation(url, ROUNDS);
    out.propagation_p50_us = latency.p50;
    out.propagation_p99_us = latency.p99;
    out.bytes_per_doc = await wireBytes(server.port);
    console.log(JSON.stringify(out));
  } finally {
    server.process.send('stop');
    await new Promise((r) => server.process.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(clientDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
