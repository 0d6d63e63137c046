import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The MIWG reference files: `shared/` beside the checkout (as CI lays it out), else the workplace's copy. */
export const MIWG_DIR = [resolve('../shared/interop/miwg'), '/work/shared/interop/miwg'].find((d) => existsSync(d)) ?? resolve('../shared/interop/miwg');
