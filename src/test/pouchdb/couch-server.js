// A CouchDB-protocol server for Lankit's tests (testkit/CouchServer.java): express-pouchdb with
// PouchDB on leveldb in a data folder, listening on 127.0.0.1 only. Document validation is on, so a
// validate_doc_update design document answers "forbidden" per document as CouchDB does.
// With --user and --password every request needs that HTTP Basic login (401 otherwise, with
// CouchDB's own words): express-pouchdb's minimal mode has no accounts of its own. --outsider U:P
// is a login the server knows that is no member of any database (403, as CouchDB answers).
// Prints "couch-server ready on port N" once it listens; stops on SIGTERM or when stdin closes.
// Usage: node couch-server.js --data DIR [--port 0] [--user U --password P [--outsider U:P]]
'use strict';
const express = require('express');
const path = require('path');
const PouchDB = require('pouchdb');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf('--' + name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dataDir = option('data');
if (!dataDir) {
  console.error('usage: node couch-server.js --data DIR [--port 0] [--user U --password P]');
  process.exit(2);
}
const port = Number(option('port', '0'));
const user = option('user');
const password = option('password');

const app = express();
const basic = (login) => 'Basic ' + Buffer.from(login).toString('base64');
if (user) {
  const member = basic(user + ':' + password);
  const outsider = option('outsider') ? basic(option('outsider')) : null;
  app.use((req, res, next) => {
    if (req.headers.authorization === member) return next();
    if (outsider && req.headers.authorization === outsider) {
      return res.status(403).json({ error: 'forbidden', reason: 'You are not allowed to access this db.' });
    }
    res.status(401).json({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
  });
}
const LocalPouch = PouchDB.defaults({ prefix: dataDir + path.sep });
app.use('/', require('express-pouchdb')(LocalPouch, {
  mode: 'minimumForPouchDB',
  overrideMode: { include: ['validation'] },
  configPath: path.join(dataDir, 'config.json'),
  logPath: path.join(dataDir, 'log.txt'),
}));

const server = app.listen(port, '127.0.0.1', () => {
  console.log('couch-server ready on port ' + server.address().port);
});
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections(); // kept-alive clients would hold close() open
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// the Java side holds stdin open; when that JVM dies, this server goes with it
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
