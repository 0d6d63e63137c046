import { and, eq, or } from 'drizzle-orm';
import { memberships, notifications, users } from '../../db/schema';
import { newId } from '../../ids';
import { missing, robotTimeline, RobotFailure, requireText, text, type Robot } from './robot';

/** Channels this Potok can send through; messengers and mail arrive with their connectors. */
export const MESSAGE_CHANNELS = ['app'] as const;

/**
 * Sends a message: on the `app` channel, an in-app notification to `to` (a
 * user id or e-mail; default the record's responsible) with `text` (or
 * `template`). Other channels are refused at publish until connected.
 */
export const sendMessageRobot: Robot = {
	check(inputs) {
		const problems = missing(inputs, 'channel');
		const channel = inputs.get('channel')?.trim();
		if (channel && !channel.startsWith('=') && !(MESSAGE_CHANNELS as readonly string[]).includes(channel)) problems.push(`channel_unavailable:${channel}`);
		if (!inputs.get('text')?.trim() && !inputs.get('template')?.trim()) problems.push('missing_input:text');
		return problems;
	},
	async run(run) {
		const { w, job, record } = run;
		const channel = requireText(job, 'channel');
		if (!(MESSAGE_CHANNELS as readonly string[]).includes(channel)) throw new RobotFailure(`the channel ${channel} is not connected`);
		const body = text(job, 'text') ?? requireText(job, 'template');
		const to = text(job, 'to');
		let userId = record?.responsibleId ?? null;
		if (to) {
			const [found] = await w.tx
				.select({ id: users.id })
				.from(users)
				.innerJoin(memberships, eq(memberships.userId, users.id))
				.where(and(eq(memberships.workspaceId, w.workspaceId), or(eq(users.id, to), eq(users.email, to.toLowerCase()))));
			if (!found) throw new RobotFailure(`${to} is not a member of the workspace`);
			userId = found.id;
		}
		if (!userId) throw new RobotFailure('nobody to notify: the record has no responsible and `to` is not given');
		await w.tx.insert(notifications).values({ id: newId(), workspaceId: w.workspaceId, userId, recordId: record?.id ?? null, text: body, createdAt: run.at });
		await robotTimeline(run, { channel, to: userId, text: body });
		return {};
	}
};
