// Entry point for Node, Deno and Bun: runs the scenario against the emulator URL given as the first argument
// (and the AICC user id as the second) and prints the results as one JSON line.
import { runSmoke } from './smoke.mjs';

const args = typeof globalThis.Deno !== 'undefined' ? globalThis.Deno.args : globalThis.process.argv.slice(2);
const [emulatorUrl, userId] = args;
try {
  console.log(JSON.stringify(await runSmoke({ emulatorUrl, userId })));
} catch (error) {
  console.log(JSON.stringify({ error: `${error?.name}: ${error?.message}` }));
  throw error;
}
