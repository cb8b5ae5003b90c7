// The single-file build for plain <script type="module"> pages: everything, adapters included.
export * from './index.js';
export * from './adapters/http.js';
export * from './adapters/memory.js';
// The bundle carries its own copy of @lit/localize, so a page translating the elements must
// configure that copy (docs/localization.md).
export { configureLocalization, str } from '@lit/localize';
