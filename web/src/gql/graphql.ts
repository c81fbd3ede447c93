/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** 行政层级：租户为省、市、区县；租户内的区域为区县、街道（乡镇）、社区（村） */
export type AdminLevel =
  /** 市级（CITY）：地级市、自治州、直辖市的市辖区划 */
  | 'CITY'
  /** 社区（COMMUNITY）：社区（居委会）、村（村委会） */
  | 'COMMUNITY'
  /** 区县级（COUNTY）：区、县、县级市 */
  | 'COUNTY'
  /** 省级（PROVINCE）：省、自治区、直辖市 */
  | 'PROVINCE'
  /** 街道（STREET）：街道、乡镇 */
  | 'STREET';

/** 角色：决定可执行的操作（权限表 access/policy.csv）与可见的数据范围 */
export type Role =
  /** 社区救助顾问（ADVISER）：代困难群众申请，见本社区（街道）的申请 */
  | 'ADVISER'
  /** 分析人员（ANALYST）：只读申请与案件，供统计分析 */
  | 'ANALYST'
  /** 申请人（APPLICANT）：为本人（家庭）申请，只见自己的申请 */
  | 'APPLICANT'
  /** 审批人（APPROVER）：作出本部门案件的准予或不准予决定 */
  | 'APPROVER'
  /** 审计员（AUDITOR）：查询审计事件、校验哈希链 */
  | 'AUDITOR'
  /** 经办人（CASEWORKER）：本部门案件的接件、补正与办理 */
  | 'CASEWORKER'
  /** 系统对接（INTEGRATION）：部门系统、大数据中心、12345 热线推送共享数据或代为提交 */
  | 'INTEGRATION'
  /** 联席会议办公室（JOINT_MEETING）：为提交联席会议的申请指定承办与牵头部门 */
  | 'JOINT_MEETING'
  /** 租户管理员（TENANT_ADMIN）：管理本级事项目录与角色授予；不得兼任经办、审批、审计 */
  | 'TENANT_ADMIN'
  /** 受理窗口人员（WINDOW_CLERK）：一门受理，受理、不予受理或提交联席会议 */
  | 'WINDOW_CLERK';

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { userId: string, roles: Array<Role>, departments: Array<string>, area: string | null, tenant: { code: string, name: string, level: AdminLevel } } };


export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"departments"}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;