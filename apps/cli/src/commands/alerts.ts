import type { AlertEventRecord } from '@ratify/db';
import { type AlertSettings, parseAlertEnv, sendAlert } from '@ratify/indexer';
import type { Command } from 'commander';

/** The alert variables, parsed once; a bad value ends the command with one line. */
export function alertSettingsOrExit(env: NodeJS.ProcessEnv = process.env): AlertSettings {
  try {
    return parseAlertEnv(env);
  } catch (error) {
    console.error(`ratify: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

function testEvent(now: Date): AlertEventRecord {
  return {
    key: `test:-:${now.getTime()}`,
    kind: 'test',
    severity: 'info',
    chainNetworkId: null,
    height: null,
    subject: String(now.getTime()),
    message: 'Test alert from `ratify alerts test`: this receiver is configured.',
    href: '/',
    details: {},
    raisedAt: now,
    clearedAt: null,
  };
}

export function registerAlertsCommands(program: Command) {
  const alerts = program
    .command('alerts')
    .description('webhook alerts (ALERT_WEBHOOKS, ALERT_CONFIG, ALERT_WEBHOOK_SECRET)');
  alerts
    .command('test')
    .description('send a test event to every configured receiver and print each result')
    .action(async () => {
      const { receivers } = alertSettingsOrExit();
      if (receivers.length === 0) {
        console.error('ratify: no alert receivers: set ALERT_WEBHOOKS or ALERT_CONFIG');
        process.exit(1);
      }
      const event = testEvent(new Date());
      // Every receiver, whatever kinds it narrowed itself to: this checks the route.
      const results = await Promise.all(
        receivers.map(async (r) => ({ r, result: await sendAlert(r, event, { attempt: 1 }) })),
      );
      for (const { r, result } of results) {
        const signed = r.secret ? 'signed' : 'unsigned';
        console.log(
          result.ok
            ? `ok     ${r.label}  HTTP ${result.status} in ${result.ms} ms (${signed})`
            : `failed ${r.label}  ${result.error} after ${result.ms} ms (${signed})`,
        );
      }
      const failed = results.filter((x) => !x.result.ok).length;
      if (failed > 0) {
        console.error(`ratify: ${failed} of ${results.length} receivers failed`);
        process.exit(1);
      }
    });
}
