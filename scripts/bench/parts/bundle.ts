// Client bundle size: an app importing each client, min+gzip, against an app importing
// openapi-fetch alone, built by the same bundler; and the LangWatch client against its
// budget under esbuild's defaults. The smoke run builds with esbuild only.
import { figure, type BenchPart, type Figure } from '../figure.ts';
import { bundlers } from '../../size/bundlers.ts';
import { kB, measure, openapiFetchAlone, targets } from '../../size.ts';

export const part: BenchPart = {
  name: 'bundle',
  async run(context) {
    const figures: Figure[] = [];
    for (const bundler of context.smoke ? bundlers.slice(0, 1) : bundlers) {
      context.log(`${bundler.name}: openapi-fetch alone and each client`);
      const baseline = await measure(openapiFetchAlone.app, bundler);
      for (const target of targets) {
        const client = await measure(target.app, bundler);
        const zod = client.zodModules.length > 0 ? `; ZOD BUNDLED (${client.zodModules.length} modules)` : '';
        figures.push(
          figure({
            id: `bundle.${target.name.replace('@revokit/', '')}.${bundler.name.replace(/\W+/g, '-')}.vs-openapi-fetch`,
            label: `${target.name} bundle, ${bundler.name}`,
            value: client.bytes,
            unit: 'B min+gzip',
            baseline: { label: 'openapi-fetch alone', value: baseline.bytes },
            note: `${kB(client.bytes)} vs ${kB(baseline.bytes)}, no validators${zod}`,
          }),
        );
        if (target.budget !== undefined && bundler === bundlers[0]) {
          figures.push(
            figure({
              id: `bundle.${target.name.replace('@revokit/', '')}.budget`,
              label: `${target.name} bundle within its budget (${bundler.name}, no splitting)`,
              value: client.bytes,
              unit: 'B min+gzip',
              baseline: { label: 'budget', value: target.budget },
              target: { op: '<=', ratio: 1 },
              note: zod ? `zod bundled without validators${zod}` : undefined,
            }),
          );
        }
      }
    }
    return figures;
  },
};
