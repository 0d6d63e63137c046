import { z } from 'zod';

/**
 * Roles a membership can carry (one or more):
 * - owner: manages the workspace, its members, groups and tokens;
 * - analyst: draws and publishes processes;
 * - approver: the client who approves specifications;
 * - manager: head of sales, sees everything in the CRM;
 * - employee: sees own records and tasks.
 */
export const ROLES = ['owner', 'analyst', 'approver', 'manager', 'employee'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);
export const rolesSchema = z.array(roleSchema).min(1, 'at_least_one_role').transform((r) => [...new Set(r)]);
