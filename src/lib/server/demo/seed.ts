import { count, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { groupMembers, groups, memberships, users, workspaces } from '../db/schema';
import type { Role } from '../access/roles';
import { hashPassword } from '../auth/password';
import { generateSecretToken } from '../auth/tokens';
import { newId } from '../ids';
import { seedCrmTx } from '../crm/entity-types';
import { seedDemoWorkflow } from './seed-workflow';

export const DEMO_WORKSPACE = 'Кухни на заказ';
export const DEMO_SALES_GROUP = 'Отдел продаж';

export const DEMO_PEOPLE: { email: string; name: string; roles: Role[]; sales?: boolean }[] = [
	{ email: 'owner@demo.potok', name: 'Ольга Владимирова', roles: ['owner'] },
	{ email: 'analyst@demo.potok', name: 'Антон Аналитиков', roles: ['analyst'] },
	{ email: 'client@demo.potok', name: 'Кирилл Заказчиков', roles: ['approver'] },
	{ email: 'head@demo.potok', name: 'Елена Руководова', roles: ['manager'] },
	{ email: 'manager1@demo.potok', name: 'Марина Продажина', roles: ['employee'], sales: true },
	{ email: 'manager2@demo.potok', name: 'Максим Звонков', roles: ['employee'], sales: true }
];

export interface SeedResult {
	workspaceId: string;
	/** The password of every demo account; `generated` when it was made up here and must be shown once. */
	password: string;
	generated: boolean;
}

/**
 * Creates the demo company on a database that has no users yet; does nothing
 * (returns null) on one that has any, so real data is never touched.
 */
export async function seedDemo(database: Database, passwordFromEnv?: string, now = new Date()): Promise<SeedResult | null> {
	const [{ n }] = (await database.db.select({ n: count() }).from(users)) as [{ n: number }];
	if (n > 0) return null;
	const generated = !passwordFromEnv;
	const password = passwordFromEnv ?? generateSecretToken().slice(0, 12);
	const passwordHash = await hashPassword(password);

	const seeded = await database.write(async (tx) => {
		// Checked again inside the write transaction: two nodes starting at once seed once.
		const [{ n: again }] = (await tx.select({ n: count() }).from(users)) as [{ n: number }];
		if (again > 0) return null;
		const workspaceId = newId();
		await tx.insert(workspaces).values({ id: workspaceId, name: DEMO_WORKSPACE, createdAt: now });
		await seedCrmTx(tx, workspaceId, now);
		const salesId = newId();
		await tx.insert(groups).values({ id: salesId, workspaceId, name: DEMO_SALES_GROUP, createdAt: now });
		for (const person of DEMO_PEOPLE) {
			const userId = newId();
			const membershipId = newId();
			await tx.insert(users).values({ id: userId, email: person.email, name: person.name, passwordHash, createdAt: now });
			await tx.insert(memberships).values({ id: membershipId, workspaceId, userId, roles: person.roles, createdAt: now });
			if (person.sales) await tx.insert(groupMembers).values({ groupId: salesId, membershipId });
		}
		const [check] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId));
		if (!check) throw new Error('Expected the demo workspace to exist after seeding, but it does not');
		return { workspaceId, password, generated };
	});
	if (seeded) await seedDemoWorkflow(database, seeded.workspaceId, now);
	return seeded;
}
