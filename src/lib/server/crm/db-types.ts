import type { Db, Tx } from '../db';

/** Either the database or an open transaction: what read helpers accept. */
export type Reader = Db | Tx;
