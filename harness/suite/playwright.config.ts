import { defineConfig } from '@playwright/test';
import { archiveFidelity } from './playwright-config.ts';

/** The configuration `archive-fidelity test` runs with: the verdict on the site of the working directory. */
export default defineConfig(await archiveFidelity());
