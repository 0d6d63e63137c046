#!/usr/bin/env node
// The `potok` CLI. Node 20 cannot run TypeScript, so tsx is registered first and the TypeScript
// entry is imported after it.
import { register } from 'tsx/esm/api';

register();
const entry = new URL('../src/lib/cli/main.ts', import.meta.url).href;
const { cli } = await import(entry);
await cli();
