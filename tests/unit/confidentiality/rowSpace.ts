/** The attackers' row space lives with the disclosure audit, which reasons the same way. */
export { RowSpace } from '../../../src/main/engine/export/audit/rowSpace';
