/**
 * What the server loads on the first request that needs it, not at start-up:
 * the language service (the YAML parser, the rules, the curated texts) and the
 * project-file reader. Built as its own bundle, dist/engine.js, so the
 * initialize request is answered after compiling the protocol code alone.
 */
export { getLanguageService } from './service';
export { findProjectConfig } from './projectConfig';
export { mergeRuleLevels, normaliseRuleLevels } from './service/config';
