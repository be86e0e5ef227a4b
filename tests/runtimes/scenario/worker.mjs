// Entry point for workerd: a module worker whose fetch handler runs the scenario against the emulator URL in the
// EMULATOR_URL binding and answers with the results as JSON. Bundled by esbuild from smoke.mjs and the packages'
// built ESM.
import { runSmoke } from './smoke.mjs';

export default {
  async fetch(request, env) {
    const userId = new URL(request.url).searchParams.get('user') ?? 'smoke-user';
    try {
      return Response.json(await runSmoke({ emulatorUrl: env.EMULATOR_URL, userId }));
    } catch (error) {
      return Response.json({ error: `${error?.name}: ${error?.message}` }, { status: 500 });
    }
  },
};
