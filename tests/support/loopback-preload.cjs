// Loaded with `node -r` in front of an MCP reference server under test: whatever address the
// server asks to listen on, it listens on 127.0.0.1 only (tests never open a port to the network).
'use strict';
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || typeof args[0] === 'string') {
    const port = Number(args[0]);
    const callback = args.find((a) => typeof a === 'function');
    return listen.call(this, port, '127.0.0.1', callback);
  }
  if (args[0] && typeof args[0] === 'object') {
    args[0] = Object.assign({}, args[0], { host: '127.0.0.1' });
  }
  return listen.apply(this, args);
};
