// Prints the data of an unpacked @sentry/conventions npm package as one JSON object on stdout:
//   version     the package's version
//   attributes  ATTRIBUTE_METADATA as published, one object per attribute, sorted by key, each with
//               its "key" first and without its "changelog" (history, not a fact the registry uses)
//   ops         every span op the package exports (@sentry/conventions/op), sorted, distinct
//
// Usage: node sentry-conventions.cjs <dir containing package.json and dist/>
// Run by ConventionsRefresh (processor tests, -Prefresh-conventions); not part of the build.
'use strict';

const path = require('path');

const dir = path.resolve(process.argv[2]);
const { version } = require(path.join(dir, 'package.json'));
const { ATTRIBUTE_METADATA } = require(path.join(dir, 'dist/attributes.cjs'));
const opExports = require(path.join(dir, 'dist/op.cjs'));

const byCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const attributes = Object.keys(ATTRIBUTE_METADATA)
  .sort(byCodeUnits)
  .map((key) => {
    const { changelog, ...fields } = ATTRIBUTE_METADATA[key];
    return { key, ...fields };
  });

const ops = [...new Set(Object.values(opExports).filter((v) => typeof v === 'string'))].sort(byCodeUnits);

process.stdout.write(JSON.stringify({ version, attributes, ops }));
