export { parseOptions, port } from './options';
