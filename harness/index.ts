/** The package's entry: the configuration helper and its types, for a site's `archive-fidelity.config.ts`. */
export { defineConfig, type ArchiveFidelityConfig } from './config/config-file.ts';
export type { Settings } from './config/settings.ts';
