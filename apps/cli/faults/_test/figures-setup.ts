import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type Figure, figuresTable } from './figures';

/** Collects the figures every fault test records, and prints them as one table at the end. */
export default function setup(project: TestProject) {
  const file = join(tmpdir(), `ratify-fault-figures-${process.pid}.jsonl`);
  rmSync(file, { force: true });
  project.provide('figuresFile', file);
  return () => {
    if (!existsSync(file)) return;
    const figures = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Figure);
    rmSync(file, { force: true });
    const mode = process.env.FAULTS_SHORT === '1' ? 'short' : 'full';
    console.log(`\nFault suite figures (${mode} run)\n${figuresTable(figures)}\n`);
  };
}
