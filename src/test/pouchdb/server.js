// The PouchDB side's server: express-pouchdb on leveldb in a data folder, on 127.0.0.1, in a
// process of its own (as Lankit's master is). Tells its parent the port, then answers its
// parent's questions about CPU time used, so the benchmark can report CPU per document.
'use strict';
const express = require('express');
const path = require('path');
const PouchDB = require('pouchdb');

const dataDir = process.argv[2];
const LocalPouch = PouchDB.defaults({ prefix: dataDir + path.sep });
const app = express();
app.use('/', require('express-pouchdb')(LocalPouch, {
  mode: 'minimumForPouchDB',
  configPath: path.join(dataDir, 'config.json'),
  logPath: path.join(dataDir, 'log.txt'),
}));
const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (m) => {
  if (m === 'cpu') {
    const u = process.cpuUsage();
    process.send({ cpuMicros: u.user + u.system });
  } else if (m === 'stop') {
    server.close(() => process.exit(0));
  }
});
