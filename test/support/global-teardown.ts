import { rmSync } from 'node:fs';
import type { Infrastructure } from '../../scripts/lib/infrastructure';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __vssInfra?: Infrastructure }).__vssInfra?.stop();
  if (process.env.KEYS_DIR) rmSync(process.env.KEYS_DIR, { recursive: true, force: true });
}
