import type { PotokRobot } from '$lib/bpmn/potok-extensions';
import type { RobotHandler } from '$lib/engine';
import type { Database } from '../../db';
import { changeResponsibleRobot } from './change-responsible';
import { convertRecordRobot } from './convert-record';
import { createRecordRobot } from './create-record';
import { createTaskRobot } from './create-task';
import { logRobot } from './log';
import { inputsOf, type Robot } from './robot';
import { sendMessageRobot } from './send-message';
import { setFieldsRobot } from './set-fields';
import { startProcessRobot } from './start-process';
import { webhookHandler, webhookRobot, type Fetch } from './webhook';

/** The robots Potok runs, by `potok:robot type`. A type missing here is refused at publish. */
export const ROBOTS: Partial<Record<PotokRobot['type'], Robot>> = {
	'create-task': createTaskRobot,
	'set-fields': setFieldsRobot,
	'change-responsible': changeResponsibleRobot,
	'send-message': sendMessageRobot,
	webhook: webhookRobot,
	log: logRobot,
	'create-record': createRecordRobot,
	'convert-record': convertRecordRobot,
	'start-process': startProcessRobot
};

/** Why a robot cannot run as declared (`code:detail` messages); empty when it can. */
export function robotProblems(robot: PotokRobot): string[] {
	const impl = ROBOTS[robot.type];
	if (!impl) return [`robot_unavailable:${robot.type}`];
	return impl.check(inputsOf(robot));
}

/** The robot that runs inside commands, or undefined for an external (job) robot or an unknown type. */
export function internalRobot(type: string): Robot | undefined {
	const impl = ROBOTS[type as PotokRobot['type']];
	return impl?.run ? impl : undefined;
}

/** Handlers of the robots that run as jobs after the commit, for the engine host's scheduler. */
export function externalRobotHandlers(database: Database, send?: Fetch): Record<string, RobotHandler> {
	return { webhook: webhookHandler(database, send) };
}
