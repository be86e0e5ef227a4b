// Entry point for a page in Chromium: runs the scenario against the emulator URL in the page's query
// (?emulator=…&user=…), cross-origin (the emulator answers CORS), and publishes the results on the page.
import { runSmoke } from './smoke.mjs';

const query = new URLSearchParams(location.search);
const output = document.getElementById('results');
runSmoke({ emulatorUrl: query.get('emulator'), userId: query.get('user') ?? 'smoke-user' }).then(
  (results) => {
    output.textContent = JSON.stringify(results);
    document.body.dataset.state = 'done';
  },
  (error) => {
    output.textContent = JSON.stringify({ error: `${error?.name}: ${error?.message}` });
    document.body.dataset.state = 'failed';
  },
);
