/**
 * Builds the LMS package in the browser: every file of this built site (listed in `files.json` by
 * the build), the manifest and the launch page, zipped with fflate.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { encodeAssignment } from '../../assignment/assignment.ts';
import { LAUNCH_FILE, launchPage, manifest, type ScormVersion } from '../../assignment/scorm.ts';
import type { Assignment } from '../../assignment/types.ts';

export class NotBuiltError extends Error {}

export async function scormPackage(version: ScormVersion, a: Assignment, siteUrl = globalThis.location.href): Promise<Uint8Array> {
  const base = new URL('./', siteUrl.replace(/[?#].*$/, ''));
  const listing = await fetch(new URL('files.json', base)).catch(() => undefined);
  if (!listing?.ok) throw new NotBuiltError('files.json not found');
  const { files } = (await listing.json()) as { files: string[] };
  const zip: Zippable = {};
  await Promise.all(
    files.map(async (f) => {
      const response = await fetch(new URL(f, base));
      if (!response.ok) throw new Error(`${f}: HTTP ${response.status}`);
      zip[f] = new Uint8Array(await response.arrayBuffer());
    }),
  );
  const title = `${a.title} · ${a.className}`;
  zip[LAUNCH_FILE] = strToU8(launchPage(version, encodeAssignment(a), title));
  zip['imsmanifest.xml'] = strToU8(manifest(version, { id: a.id, title, files }));
  return zipSync(zip, { level: 6 });
}

export function packageName(a: Assignment, version: ScormVersion): string {
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim();
  return `${[a.className, a.title].map(clean).filter(Boolean).join('_') || 'assignment'}_SCORM-${version}.zip`;
}
