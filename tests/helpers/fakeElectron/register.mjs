// `node --import` this to run a built main bundle in plain Node: `electron` resolves to electron.mjs.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
