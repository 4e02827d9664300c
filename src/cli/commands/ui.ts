/**
 * @module cli/commands/ui
 * `modelwright ui [--port N] [--host H]`: serve the monitoring dashboard (GET /dashboard) until
 * interrupted. Binds 127.0.0.1 by default: the page lists models and alerts, so exposing it
 * is a deliberate choice (--host 0.0.0.0).
 */
import { UsageError } from '../../errors.js';
import { buildDashboardApp } from '../../ui/dashboard-app.js';
import type { CliContext } from '../context.js';

interface UiFlags {
  port: string;
  host: string;
}

export function registerUi(ctx: CliContext): void {
  ctx
    .command('ui', 'serve the monitoring dashboard: models, drift and performance status, charts over time')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .action(
      ctx.action(async (out, flags: UiFlags) => {
        const port = Number(flags.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('MW_USAGE', `--port must be an integer in 0…65535. Got '${flags.port}' instead.`);
        const app = await buildDashboardApp();
        const address = await app.listen({ port, host: flags.host });
        out.info(`Dashboard at ${address}/dashboard (Ctrl-C to stop)`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await app.close();
        out.result({ url: `${address}/dashboard`, stopped: true }, () => 'Dashboard stopped.');
      }),
    );
}
