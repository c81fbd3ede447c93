"""The Role enum as GraphQL shows it, one for Me.roles, role grants and AuditEvent.roles: here
because grants imports audit, so audit cannot take it from grants."""

from __future__ import annotations

from socialaid.access.vocabulary import Role
from socialaid.kernel.described_enum import described_enum

RoleEnum = described_enum(
    Role,
    name="Role",
    description="角色：决定可执行的操作（权限表 access/policy.csv）与可见的数据范围",
    values={
        "APPLICANT": "申请人（APPLICANT）：为本人（家庭）申请，只见自己的申请",
        "ADVISER": "社区救助顾问（ADVISER）：代困难群众申请，见本社区（街道）的申请",
        "WINDOW_CLERK": "受理窗口人员（WINDOW_CLERK）：一门受理，受理、不予受理或提交联席会议",
        "CASEWORKER": "经办人（CASEWORKER）：本部门案件的接件、补正与办理",
        "APPROVER": "审批人（APPROVER）：作出本部门案件的准予或不准予决定",
        "JOINT_MEETING": "联席会议办公室（JOINT_MEETING）：为提交联席会议的申请指定承办与牵头部门",
        "TENANT_ADMIN": "租户管理员（TENANT_ADMIN）：管理本级事项目录与角色授予；不得兼任经办、审批、审计",
        "AUDITOR": "审计员（AUDITOR）：查询审计事件、校验哈希链",
        "ANALYST": "分析人员（ANALYST）：只读申请与案件，供统计分析",
        "INTEGRATION": "系统对接（INTEGRATION）：部门系统、大数据中心、12345 热线推送共享数据或代为提交",
        "DEPARTMENT_HEAD": "部门负责人（DEPARTMENT_HEAD）：只查本部门（令牌所列部门）的统计数，不见个案",
    },
)
