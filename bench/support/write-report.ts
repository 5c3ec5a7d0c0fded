import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A bench's report as JSON under bench/results/ (its folder made if need be), then where. */
export async function writeReport(out: string, report: unknown): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written to ${out}`);
}
