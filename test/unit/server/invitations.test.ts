import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGroup } from '$lib/server/workspaces/groups';
import {
	acceptInvitation,
	createInvitation,
	INVITATION_TTL_MS,
	listPendingInvitations,
	previewInvitation,
	revokeInvitation
} from '$lib/server/workspaces/invitations';
import { listMembers } from '$lib/server/workspaces/members';
import { addMember, makeUser, makeWorkspace, scopeOf } from '../../helpers/fixtures';
import { tempDatabase } from '../../helpers/temp-db';

describe('invitations', () => {
	let db: Awaited<ReturnType<typeof tempDatabase>>;
	let owner: ReturnType<typeof scopeOf>;
	beforeEach(async () => {
		db = await tempDatabase('invitations');
		const { workspaceId, ownerId } = await makeWorkspace(db, 'owner@example.com');
		owner = scopeOf(workspaceId, ownerId, null, ['owner']);
	});
	afterEach(() => db.dispose());

	it('given an invitation with roles and a group, when it is accepted, then the person is a member with them and the link is spent', async () => {
		const sales = await createGroup(db, owner, 'Отдел продаж');
		const inv = await createInvitation(db, owner, { roles: ['employee', 'manager'], groupIds: [sales] });
		expect(await previewInvitation(db, inv.token)).toMatchObject({ workspaceName: 'Test company', roles: ['employee', 'manager'] });
		const userId = await makeUser(db, 'new@example.com', 'Новый');
		expect(await acceptInvitation(db, inv.token, userId)).toBe(owner.workspaceId);
		const member = (await listMembers(db, owner)).find((m) => m.userId === userId);
		expect(member).toMatchObject({ roles: ['employee', 'manager'], groups: [{ id: sales, name: 'Отдел продаж' }] });
		// one time only
		const other = await makeUser(db, 'other@example.com');
		await expect(acceptInvitation(db, inv.token, other)).rejects.toMatchObject({ code: 'invitation_invalid' });
		expect(await previewInvitation(db, inv.token)).toBeNull();
		expect(await listPendingInvitations(db, owner)).toEqual([]);
	});

	it('refuses an expired invitation', async () => {
		const t0 = new Date('2026-01-01T00:00:00Z');
		const inv = await createInvitation(db, owner, { roles: ['employee'], groupIds: [] }, t0);
		const userId = await makeUser(db, 'late@example.com');
		const late = new Date(t0.getTime() + INVITATION_TTL_MS + 1);
		expect(await previewInvitation(db, inv.token, late)).toBeNull();
		await expect(acceptInvitation(db, inv.token, userId, late)).rejects.toMatchObject({ code: 'invitation_invalid' });
		await expect(acceptInvitation(db, inv.token, userId, new Date(t0.getTime() + 1000))).resolves.toBe(owner.workspaceId);
	});

	it('refuses a revoked invitation', async () => {
		const inv = await createInvitation(db, owner, { roles: ['employee'], groupIds: [] });
		await revokeInvitation(db, owner, inv.id);
		await expect(acceptInvitation(db, inv.token, await makeUser(db, 'x@example.com'))).rejects.toMatchObject({ code: 'invitation_invalid' });
	});

	it('refuses an existing member and leaves the link usable for someone else', async () => {
		const { userId } = await addMember(db, owner.workspaceId, 'already@example.com', ['employee']);
		const inv = await createInvitation(db, owner, { roles: ['analyst'], groupIds: [] });
		await expect(acceptInvitation(db, inv.token, userId)).rejects.toMatchObject({ code: 'already_member' });
		await expect(acceptInvitation(db, inv.token, await makeUser(db, 'y@example.com'))).resolves.toBe(owner.workspaceId);
	});

	it('refuses a group of another workspace and stores nothing', async () => {
		const { workspaceId, ownerId } = await makeWorkspace(db, 'other-owner@example.com', 'Other');
		const foreign = await createGroup(db, scopeOf(workspaceId, ownerId, null, ['owner']), 'Бухгалтерия');
		await expect(createInvitation(db, owner, { roles: ['employee'], groupIds: [foreign] })).rejects.toMatchObject({
			code: 'validation',
			details: [{ field: 'groupIds', message: `unknown_group:${foreign}` }]
		});
		expect(await listPendingInvitations(db, owner)).toEqual([]);
	});
});
