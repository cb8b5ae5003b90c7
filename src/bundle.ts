// The single-file build for plain <script type="module"> pages: everything, adapters included.
export * from './index.js';
export * from './adapters/memory.js';
