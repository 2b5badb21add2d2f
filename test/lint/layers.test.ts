/**
 * The layer rule in eslint.config.js: imports point down, and a feature reaches another feature
 * only through its entry files. Each case lints a small probe as if it stood at a real path.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const layerErrors = (msgs: string[]) => msgs.filter((m) => m.startsWith('boundaries/') || m.includes('no-restricted-imports'));

describe('layers only point down', () => {
  it.each([
    ['a pure rule importing a feature', 'src/shared/plan/probe.ts', "import { pilotRoutes } from '../../features/pilots/pilots.routes.js';\nexport const x = pilotRoutes;\n"],
    ['a pure rule importing the kernel', 'src/shared/plan/probe.ts', "import { AppError } from '../../kernel/app-error.js';\nexport const x = AppError;\n"],
    ['the kernel importing the composition root', 'src/kernel/probe.ts', "import { buildApp } from '../server/app.js';\nexport const x = buildApp;\n"],
    ['a feature importing the composition root', 'src/features/pilots/probe.ts', "import { buildApp } from '../../server/app.js';\nexport const x = buildApp;\n"],
    ['the web kit importing a feature', 'src/web-kit/probe.ts', "import { authApi } from '../features/auth/ui/auth-api';\nexport const x = authApi;\n"],
    ['a feature page importing the web shell', 'src/features/pilots/ui/probe.tsx', "import { AppShell } from '../../../web/shell';\nexport const x = AppShell;\n"],
    ['a feature reaching into another feature', 'src/features/pilots/probe.ts', "import { getApplication } from '../applications/applications.queries.js';\nexport const x = getApplication;\n"],
    ['a feature server file importing web code', 'src/features/pilots/probe.ts', "import { request } from '../../web-kit/api-client';\nexport const x = request;\n"],
    ['web code importing server code', 'src/features/pilots/ui/probe.ts', "import { getPilot } from '../pilots.queries.js';\nexport const x = getPilot;\n"],
  ])('refuses %s', async (_what, path, code) => {
    expect(layerErrors(await problems(path, code))).not.toEqual([]);
  });

  it.each([
    ['a feature using another feature through its public file', 'src/features/pilots/probe.ts', "import { getApplication } from '../applications/public.js';\nexport const x = getApplication;\n"],
    ['a feature using its own files', 'src/features/pilots/probe.ts', "import { getPilot } from './pilots.queries.js';\nexport const x = getPilot;\n"],
    ['a feature using the kernel and the pure rules', 'src/features/pilots/probe.ts', "import { AppError } from '../../kernel/app-error.js';\nimport { can } from '../../shared/permissions/policy.js';\nexport const x = [AppError, can];\n"],
    ['the composition root importing a feature route', 'src/server/probe.ts', "import { pilotRoutes } from '../features/pilots/pilots.routes.js';\nexport const x = pilotRoutes;\n"],
    ['a feature page using the web kit', 'src/features/pilots/ui/probe.ts', "import { request } from '../../../web-kit/api-client';\nexport const x = request;\n"],
  ])('allows %s', async (_what, path, code) => {
    expect(layerErrors(await problems(path, code))).toEqual([]);
  });

  it('lets the web take only types from a contract', async () => {
    const runtime = await problems('src/features/pilots/ui/probe.ts', "import { pilotSchema } from '../pilots.contract';\nexport const x = pilotSchema;\n");
    const typeOnly = await problems('src/features/pilots/ui/probe.ts', "import type { Pilot } from '../pilots.contract';\nexport type X = Pilot;\n");
    expect(layerErrors(runtime)).not.toEqual([]);
    expect(layerErrors(typeOnly)).toEqual([]);
  });
});
