/** What the operator commands (`gavel token`, `gavel backup`, `gavel restore`) say, in English and Chinese. */

import type { Language } from "./messages.ts";

export interface OperatorMessages {
  tokenDescription: string;
  tokenCreateDescription: string;
  tokenListDescription: string;
  tokenRevokeDescription: string;
  roleOption: string;
  nameOption: string;
  tokenIdArgument: string;
  storeDataOption: string;
  storeUrlOption: string;
  backupDescription: string;
  backupOutOption: string;
  restoreDescription: string;
  restoreFileArgument: string;

  bothStores: string;
  serverMissing: string;
  storeMissing(dataDir: string): string;
  storeLocked(dataDir: string, pid: number): string;
  invalidRole(role: string, roles: readonly string[]): string;
  tokenCreated(name: string, role: string): string;
  tokenRevoked(name: string, role: string): string;
  noTokens: string;
  tokenTableHeader: readonly [string, string, string, string, string, string];
  active: string;
  refused(code: string, message: string): string;
  backupWritten(file: string, rows: number, tables: number, schemaVersion: number): string;
  restored(file: string, rows: number, tables: number, schemaVersion: number): string;
  failed(reason: string): string;
}

const en: OperatorMessages = {
  tokenDescription: "Manage access tokens directly in the store, for an operator on the machine (e.g. to recover admin access).",
  tokenCreateDescription: "Create a token and print its secret once (stdout); with --role admin this recovers a lost admin token.",
  tokenListDescription: "List tokens (never their secrets).",
  tokenRevokeDescription: "Revoke a token for good (the last active admin token cannot be revoked).",
  roleOption: "the token's role: admin, author, clerk or observer",
  nameOption: "a unique name for the token (who or what holds it)",
  tokenIdArgument: "the token's id (see 'gavel token list')",
  storeDataOption: "the embedded store's folder (default: $GAVEL_DATA or .gavel-data)",
  storeUrlOption: "a PostgreSQL connection string (default: $DATABASE_URL)",
  backupDescription: "Write a backup of the store (every table, one consistent snapshot) as JSON lines; restores into either store.",
  backupOutOption: "the backup file to create (never overwritten; written with mode 0600)",
  restoreDescription: "Restore a backup into an EMPTY store (a new data folder or an empty PostgreSQL database).",
  restoreFileArgument: "a file written by 'gavel backup'",

  bothStores: "Give either --data or --database-url, not both.",
  serverMissing: "The gavel service (@gavel-rules/server) is not installed here, so this command cannot open a store.",
  storeMissing: (dataDir) => `There is no gavel store in ${dataDir}. Name its folder with --data (or GAVEL_DATA), or PostgreSQL with --database-url (or DATABASE_URL).`,
  storeLocked: (dataDir, pid) =>
    `The data folder ${dataDir} is in use by a running gavel service (pid ${pid}). Stop the service first, or do this through the API with an admin token (POST /v1/tokens, GET /v1/tokens, DELETE /v1/tokens/{id}).`,
  invalidRole: (role, roles) => `Unknown role '${role}'. Roles: ${roles.join(", ")}.`,
  tokenCreated: (name, role) => `Created token '${name}' (role ${role}). The secret below is shown only this once; keep it safe.`,
  tokenRevoked: (name, role) => `Revoked token '${name}' (role ${role}).`,
  noTokens: "No tokens.",
  tokenTableHeader: ["ID", "NAME", "ROLE", "CREATED BY", "CREATED AT", "REVOKED AT"],
  active: "active",
  refused: (code, message) => `Refused (${code}): ${message}`,
  backupWritten: (file, rows, tables, schemaVersion) => `Wrote ${file}: ${rows} rows from ${tables} tables, schema version ${schemaVersion}.`,
  restored: (file, rows, tables, schemaVersion) => `Restored ${file}: ${rows} rows into ${tables} tables (schema version ${schemaVersion}, then migrated to this gavel's schema).`,
  failed: (reason) => `Failed: ${reason}`,
};

const zh: OperatorMessages = {
  tokenDescription: "直接在数据存储中管理访问令牌，供本机运维人员使用（例如找回管理员权限）。",
  tokenCreateDescription: "创建令牌并只输出一次其密钥（标准输出）；使用 --role admin 可找回丢失的管理员令牌。",
  tokenListDescription: "列出令牌（从不显示密钥）。",
  tokenRevokeDescription: "永久吊销令牌（最后一个有效的管理员令牌不能吊销）。",
  roleOption: "令牌角色：admin、author、clerk 或 observer",
  nameOption: "令牌的唯一名称（持有人或用途）",
  tokenIdArgument: "令牌 id（见 “gavel token list”）",
  storeDataOption: "内置数据库的文件夹（默认：$GAVEL_DATA 或 .gavel-data）",
  storeUrlOption: "PostgreSQL 连接串（默认：$DATABASE_URL）",
  backupDescription: "以 JSON lines 格式备份数据存储（所有表，同一快照）；可恢复到任一种存储。",
  backupOutOption: "要创建的备份文件（不会覆盖已有文件；权限 0600）",
  restoreDescription: "把备份恢复到一个空的存储（新的数据文件夹或空的 PostgreSQL 数据库）。",
  restoreFileArgument: "由 “gavel backup” 写出的文件",

  bothStores: "--data 和 --database-url 只能指定一个。",
  serverMissing: "此安装中没有 gavel 服务（@gavel-rules/server），无法打开数据存储。",
  storeMissing: (dataDir) => `${dataDir} 中没有 gavel 数据存储。请用 --data（或 GAVEL_DATA）指定其文件夹，或用 --database-url（或 DATABASE_URL）指定 PostgreSQL。`,
  storeLocked: (dataDir, pid) =>
    `数据文件夹 ${dataDir} 正被运行中的 gavel 服务使用（pid ${pid}）。请先停止服务，或用管理员令牌通过 API 操作（POST /v1/tokens、GET /v1/tokens、DELETE /v1/tokens/{id}）。`,
  invalidRole: (role, roles) => `未知角色 “${role}”。可用角色：${roles.join("、")}。`,
  tokenCreated: (name, role) => `已创建令牌 “${name}”（角色 ${role}）。下面的密钥只显示这一次，请妥善保管。`,
  tokenRevoked: (name, role) => `已吊销令牌 “${name}”（角色 ${role}）。`,
  noTokens: "没有令牌。",
  tokenTableHeader: ["ID", "名称", "角色", "创建者", "创建时间", "吊销时间"],
  active: "有效",
  refused: (code, message) => `已拒绝（${code}）：${message}`,
  backupWritten: (file, rows, tables, schemaVersion) => `已写入 ${file}：${tables} 张表共 ${rows} 行，数据库结构版本 ${schemaVersion}。`,
  restored: (file, rows, tables, schemaVersion) => `已恢复 ${file}：${tables} 张表共 ${rows} 行（结构版本 ${schemaVersion}，随后已迁移到当前版本）。`,
  failed: (reason) => `失败：${reason}`,
};

/** The operator commands' messages in a language. */
export function operatorMessagesFor(language: Language): OperatorMessages {
  return language === "zh" ? zh : en;
}
