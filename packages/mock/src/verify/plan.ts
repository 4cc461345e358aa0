// --dry-run: the plan and every request, without sending one. Credentials are named by their
// variable ($LANGWATCH_API_KEY), what the run would learn by the step that teaches it ({vk.id}),
// made-up credentials by what they are.
import type { VerifySettings } from './args.js';
import { createPlanContext, planPath } from './context.js';
import { MADE_UP_LABELS } from './scenario/helpers.js';
import { joinUrl } from './target-side.js';
import type { Part, Plane, Step } from './step.js';

export function renderPlan(steps: readonly Step[], settings: VerifySettings, skipped: ReadonlyMap<Part, string>, runName: string): string {
  const context = createPlanContext(runName);
  const urls: Record<Plane, string | undefined> = { api: settings.target, gateway: settings.gateway, vine: settings.vine };
  const lines = [
    `revokit-mock verify --dry-run: nothing is sent. Each step goes to the target and to an in-process mock;`,
    `everything it creates is named ${runName} (or ${runName}-refused) and revoked at the end.`,
    '',
  ];
  for (const step of steps) {
    const reason = skipped.get(step.part);
    const request = step.request(context);
    lines.push(`${step.id}: ${step.title}${reason ? `  [skipped: ${reason}]` : ''}`);
    lines.push(`  ${request.method} ${joinUrl(urls[request.plane] ?? `<${request.plane}>`, planPath(request.path))}`);
    for (const [name, value] of Object.entries(request.headers ?? {})) lines.push(`  ${name}: ${labelled(value)}`);
    if (request.body !== undefined) lines.push(`  content-type: application/json`, `  ${JSON.stringify(request.body)}`);
    if (step.pollUntilRejected) lines.push(`  (repeated until the answer is not 200, for up to ${settings.propagationTimeoutMs / 1000} s)`);
  }
  return `${lines.join('\n')}\n`;
}

const labelled = (value: string) => {
  for (const [secret, label] of MADE_UP_LABELS) value = value.replace(secret, label);
  return value;
};
