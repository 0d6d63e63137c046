import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGroup, deleteGroup, listGroups, renameGroup } from '$lib/server/workspaces/groups';
import { listMembers, removeMember, updateMember } from '$lib/server/workspaces/members';
import { addMember, makeWorkspace, scopeOf } from '../../helpers/fixtures';
import { tempDatabase } from '../../helpers/temp-db';

describe('members and groups', () => {
	let db: Awaited<ReturnType<typeof tempDatabase>>;
	let owner: ReturnType<typeof scopeOf>;
	let ownerMembership: string;
	beforeEach(async () => {
		db = await tempDatabase('members');
		const { workspaceId, ownerId } = await makeWorkspace(db, 'owner@example.com');
		owner = scopeOf(workspaceId, ownerId, null, ['owner']);
		ownerMembership = (await listMembers(db, owner))[0]!.id;
	});
	afterEach(() => db.dispose());

	it('keeps at least one owner: the last owner can neither lose the role nor be removed', async () => {
		await expect(updateMember(db, owner, ownerMembership, { roles: ['analyst'] })).rejects.toMatchObject({ code: 'last_owner' });
		await expect(removeMember(db, owner, ownerMembership)).rejects.toMatchObject({ code: 'last_owner' });
		const second = await addMember(db, owner.workspaceId, 'second@example.com', ['owner']);
		await updateMember(db, owner, ownerMembership, { roles: ['analyst', 'manager'] });
		expect((await listMembers(db, owner)).find((m) => m.id === ownerMembership)?.roles).toEqual(['analyst', 'manager']);
		await expect(removeMember(db, owner, second.membershipId)).rejects.toMatchObject({ code: 'last_owner' });
	});

	it('sets groups and the absent flag, and removes a member', async () => {
		const m = await addMember(db, owner.workspaceId, 'emp@example.com', ['employee']);
		const sales = await createGroup(db, owner, 'Отдел продаж');
		const books = await createGroup(db, owner, 'Бухгалтерия');
		await updateMember(db, owner, m.membershipId, { groupIds: [sales, books, sales], absent: true });
		const row = (await listMembers(db, owner)).find((x) => x.id === m.membershipId)!;
		expect(row.absent).toBe(true);
		expect(row.groups.map((g) => g.name)).toEqual(['Бухгалтерия', 'Отдел продаж']);
		await removeMember(db, owner, m.membershipId);
		expect((await listMembers(db, owner)).map((x) => x.id)).toEqual([ownerMembership]);
	});

	it('cannot touch a member or group of another workspace', async () => {
		const other = await makeWorkspace(db, 'other@example.com', 'Other');
		const otherScope = scopeOf(other.workspaceId, other.ownerId, null, ['owner']);
		const otherMember = (await listMembers(db, otherScope))[0]!;
		await expect(updateMember(db, owner, otherMember.id, { absent: true })).rejects.toMatchObject({ code: 'not_found' });
		await expect(removeMember(db, owner, otherMember.id)).rejects.toMatchObject({ code: 'not_found' });
		const g = await createGroup(db, otherScope, 'Чужой отдел');
		await expect(renameGroup(db, owner, g, 'Мой')).rejects.toMatchObject({ code: 'not_found' });
		await expect(deleteGroup(db, owner, g)).rejects.toMatchObject({ code: 'not_found' });
		expect(await listGroups(db, otherScope)).toEqual([{ id: g, name: 'Чужой отдел' }]);
	});

	it('refuses a duplicate group name', async () => {
		const sales = await createGroup(db, owner, 'Отдел продаж');
		await expect(createGroup(db, owner, 'Отдел продаж')).rejects.toMatchObject({ code: 'conflict' });
		await renameGroup(db, owner, sales, 'Отдел продаж'); // same name on itself is fine
		expect(await listGroups(db, owner)).toHaveLength(1);
	});
});
