export { parseBpmn, createModdle, type ParseResult } from './parse-bpmn';
export * from './process-model';
export * from './potok-extensions';
