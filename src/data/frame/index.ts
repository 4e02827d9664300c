export * from './column.js';
export { Frame, type Row } from './frame.js';
