/** Who acts in the CRM: a person, or the system (robots, timers, integrations) with `userId: null`. */
export interface CrmActor {
	workspaceId: string;
	userId: string | null;
}
