// Decides customer messages off the test's thread, so that a test can end a decision that does
// not come back (a pattern that backtracks over a long message holds its thread for minutes).
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { evaluatePolicy, getDefaultPolicy } = await import('../../../src/core/policy/index.ts');
const policy = getDefaultPolicy();
parentPort.on('message', (text) => {
  const decision = evaluatePolicy({ channel: 'web', turns: [{ from: 'customer', text }] }, policy);
  parentPort.postMessage(decision.action);
});
parentPort.postMessage('ready');
