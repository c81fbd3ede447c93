// Chinese names of the API's enum values, for display.
export const ROLE_LABELS: Record<string, string> = {
  APPLICANT: "申请人",
  ADVISER: "社区救助顾问",
  WINDOW_CLERK: "一门受理窗口",
  CASEWORKER: "经办人",
  APPROVER: "审批人",
  JOINT_MEETING: "联席会议办公室",
  TENANT_ADMIN: "租户管理员",
  AUDITOR: "审计员",
  ANALYST: "统计分析员",
  INTEGRATION: "系统对接",
};
