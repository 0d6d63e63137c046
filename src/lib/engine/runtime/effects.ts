/**
 * What a step asks for that needs the store (another instance, a definition, a broadcast). Steps
 * stay synchronous and pure; the unit of work resolves effects between agenda runs.
 */
export type Effect =
	| { kind: 'call'; instanceId: string; tokenId: number }
	| { kind: 'child-completed'; parent: { instance: string; token: number }; child: string; variables: Record<string, unknown> }
	| { kind: 'child-error'; parent: { instance: string; token: number }; child: string; code: string | undefined; variables: Record<string, unknown> }
	| { kind: 'child-escalation'; parent: { instance: string; token: number }; child: string; code: string | undefined }
	| { kind: 'cancel'; instanceId: string }
	| { kind: 'signal'; name: string; variables: Record<string, unknown> };
