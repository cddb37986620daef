#!/usr/bin/env node
// The dashboard's production server (src/front/server.ts), loaded through tsx like the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./src/front/server.ts');
