import { describe, expect, it } from 'vitest';
import type { Role } from '$lib/roles';
import { mayCompleteTask, mayMarkTaskResult } from '$lib/server/workflow/task-permissions';
import { scopeOf } from '../../../helpers/fixtures';

const as = (userId: string, roles: Role[] = ['employee']) => scopeOf('ws', userId, null, roles);
const task = { responsibleId: 'anna', creatorId: 'head', coExecutorIds: ['vera'] };

describe('who may do what with a task', () => {
	it('lets the responsible and co-executors complete it and mark a result', () => {
		for (const who of ['anna', 'vera']) {
			expect(mayCompleteTask(as(who), task)).toBe(true);
			expect(mayMarkTaskResult(as(who), task)).toBe(true);
		}
	});

	it('lets the creator, owners and managers complete it, but not write its result', () => {
		for (const scope of [as('head'), as('olga', ['owner']), as('max', ['manager'])]) {
			expect(mayCompleteTask(scope, task)).toBe(true);
			expect(mayMarkTaskResult(scope, task)).toBe(false);
		}
	});

	it('leaves an observer (or anyone else who sees it) only comments', () => {
		expect(mayCompleteTask(as('boris'), task)).toBe(false);
		expect(mayMarkTaskResult(as('boris'), task)).toBe(false);
		expect(mayCompleteTask(as('boris', ['analyst']), task)).toBe(false);
	});
});
