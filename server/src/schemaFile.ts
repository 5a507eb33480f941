import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SchemaData } from './service';

/**
 * Finds and reads the generated schema model: beside the bundle in `dist/`
 * when running built, or in `server/generated/` when running from source.
 */
export function loadSchemaData(from: string = __dirname): SchemaData {
  const candidates = [
    join(from, 'k8s-schema.json'),
    join(from, '..', 'generated', 'k8s-schema.json'),
    join(from, '..', '..', 'server', 'generated', 'k8s-schema.json'),
  ];
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    throw new Error(`PodSense schema model not found (looked in ${candidates.join(', ')}); run \`npm run build\``);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as SchemaData;
}
