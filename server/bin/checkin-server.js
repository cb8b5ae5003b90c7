#!/usr/bin/env node
// The reference server's command; `npm run build -w server` writes dist/ first.
import '../dist/cli.js';
