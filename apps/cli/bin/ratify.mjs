#!/usr/bin/env node
// The `ratify` command. Workspace packages ship TypeScript source, so load it through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
