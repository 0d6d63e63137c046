import { boundaryEventProcessor } from './boundary-event';
import { callActivityProcessor } from './call-activity';
import { endEventProcessor } from './end-event';
import { eventBasedGatewayProcessor } from './event-based-gateway';
import { exclusiveGatewayProcessor } from './exclusive-gateway';
import { immediateTaskProcessor } from './immediate-task';
import { inclusiveGatewayProcessor } from './inclusive-gateway';
import { intermediateCatchEventProcessor } from './intermediate-catch-event';
import { intermediateThrowEventProcessor } from './intermediate-throw-event';
import { jobTaskProcessor } from './job-task';
import { parallelGatewayProcessor } from './parallel-gateway';
import type { ProcessorRegistry } from './processor';
import { receiveTaskProcessor } from './receive-task';
import { scriptTaskProcessor } from './script-task';
import { startEventProcessor } from './start-event';
import { eventSubProcessProcessor, subProcessProcessor } from './sub-process';
import { userTaskProcessor } from './user-task';

/** The processor of every element kind the compiler accepts. */
export const defaultProcessors: ProcessorRegistry = {
	process: subProcessProcessor,
	startEvent: startEventProcessor,
	endEvent: endEventProcessor,
	intermediateCatchEvent: intermediateCatchEventProcessor,
	intermediateThrowEvent: intermediateThrowEventProcessor,
	boundaryEvent: boundaryEventProcessor,
	userTask: userTaskProcessor,
	receiveTask: receiveTaskProcessor,
	immediateTask: immediateTaskProcessor,
	jobTask: jobTaskProcessor,
	scriptTask: scriptTaskProcessor,
	exclusiveGateway: exclusiveGatewayProcessor,
	parallelGateway: parallelGatewayProcessor,
	inclusiveGateway: inclusiveGatewayProcessor,
	eventBasedGateway: eventBasedGatewayProcessor,
	subProcess: subProcessProcessor,
	eventSubProcess: eventSubProcessProcessor,
	callActivity: callActivityProcessor
};
