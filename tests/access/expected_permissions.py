"""Who may call each root field, written by hand from the seeds' division of work.

Not derived from src/socialaid/access/policy.csv or access/registry.py, on purpose: the
permission-matrix test holds the product to this table, so a policy line that gives a role work
the seeds give to someone else fails a test. Seeds are cited by file number and section under
docs/seeds/ (copies of /work/shared/seeds/): 000 Shanghai 沪民救发〔2021〕10号, 001 Changning 长社救联办〔2021〕3号,
002 Jiangyin 社会救助联动工作规范, 003 Shanghai 沪民救发〔2022〕9号, 004 Shanxi 晋民发〔2025〕14号.

A role is granted in one tenant. It acts there and in the tenants below (a city's grant covers its
districts), never in a sibling; without a token only the public fields answer.
"""

from __future__ import annotations

from typing import Final

from socialaid.access.vocabulary import Role

APPLICANT: Final = Role.APPLICANT
ADVISER: Final = Role.ADVISER  # 社区救助顾问
WINDOW_CLERK: Final = Role.WINDOW_CLERK  # 一门受理窗口
CASEWORKER: Final = Role.CASEWORKER
APPROVER: Final = Role.APPROVER
JOINT_MEETING: Final = Role.JOINT_MEETING  # 联席会议办公室
TENANT_ADMIN: Final = Role.TENANT_ADMIN
AUDITOR: Final = Role.AUDITOR
ANALYST: Final = Role.ANALYST
INTEGRATION: Final = Role.INTEGRATION  # department systems, the 12345 hotline
DEPARTMENT_HEAD: Final = Role.DEPARTMENT_HEAD  # issue 23: their departments' statistics only

EVERY_ROLE: Final = frozenset(Role)

# The service guide is public (000 三(一)6: 办事指南检索, 公示栏; 002 6.1.3 事项清单,
# 6.3.3 大厅展示服务指南), and so is the one merged form with its self-check, which a citizen fills
# in before applying (000 三(二)1 "经过自我评估"; 004 四(二) 一张表单). Unpublished drafts
# inside itemVersions are filtered by the catalogue service, not refused here.
PUBLIC_FIELDS: Final = frozenset(
    {
        "tenants",
        "tenant",
        "catalogue",
        "item",
        "dataElements",
        "evidenceTypes",
        "targetGroups",
        "itemVersions",
        "itemVersionsConnection",
        "itemDiff",
        "catalogueDiff",
        "applicationForm",
        "applicationFormCheck",
        # Open at the root; each node is answered as its own type's query answers (tests/relay).
        "node",
        "nodes",
        # the working-day calendar dates the service guide's promised limits (issue 19)
        "workingCalendar",
        # parameter values complete the public service guide; screening is the 智能引导 any family
        # may use before applying (000 三（二）1), its answers never stored (issue 21)
        "parameters",
        "eligibilityScreen",
        "screeningQuestions",
        # 政策问答知识库 (004 二): public guidance, like the service guide it is written from
        "policyQuestions",
    }
)

# The catalogue is kept by the tenant's administrators (000 五(一): 市民政局总牵头; 002 6.1.3:
# 事项清单…及时更新调整; DESIGN §1: provinces configure, districts override and extend).
CATALOGUE_KEEPERS: Final = frozenset({TENANT_ADMIN})

# Everyone who works on or oversees applications. Not the administrator (configures, does not
# handle people's files: 002 6.4.3 privacy) and not department systems (they receive cases).
APPLICATION_READERS: Final = frozenset(
    {
        APPLICANT,  # their own: 000 三(一)5 四 一体查询办理进度; 002 6.2.1 进程查询
        ADVISER,  # their area: 000 三(二)1; 001 三(六)17; 003 三
        WINDOW_CLERK,  # their area: 002 5.2 一门受理
        CASEWORKER,  # their departments: 002 5.4 协同办理
        APPROVER,
        JOINT_MEETING,  # decides escalated applications: 002 5.3, 5.4
        AUDITOR,  # 001 四(四); 003 六 强化监督检查
        ANALYST,  # masked, for statistics: 000 三(二)3 统计分析; 002 6.4.1
    }
)

# Who hands in an application, or acts on it for the applicant (帮办代办).
SUBMITTERS: Final = frozenset(
    {
        APPLICANT,  # 000 三(二)1 一网通办
        ADVISER,  # on behalf: 003 三 支持引导服务; 004 五 网格员帮办代办
        WINDOW_CLERK,  # 002 5.1.1 窗口…登记、申请; 004 四(六) 帮办代办
        INTEGRATION,  # 002 5.1.2 自助终端, 5.1.3 "12345"…经数据接口推送; 004 四(五)
    }
)
ON_BEHALF_OF_THE_APPLICANT: Final = frozenset({APPLICANT, ADVISER, WINDOW_CLERK})

# Each department examines and decides its own items (000 三(二)2 责任部门出具准予或不准予的
# 告知类文书; 000 五(一) 各部门负责各自业务主管救助事项的…业务审核; 002 5.4 主管部门).
DEPARTMENT_STAFF: Final = frozenset({CASEWORKER, APPROVER})

ALLOWED_ROLES: Final[dict[str, frozenset[Role]]] = {
    # who am I: anyone signed in
    "me": EVERY_ROLE,
    # the measures in force change how everyone signed in applies and reviews (003 四)
    "emergencyProvisions": EVERY_ROLE,
    # catalogue administration
    "catalogueDraftPublishPreview": CATALOGUE_KEEPERS,
    "catalogueOverridePreview": CATALOGUE_KEEPERS,
    "catalogueDraftCreate": CATALOGUE_KEEPERS,
    "catalogueDraftNewVersion": CATALOGUE_KEEPERS,
    "catalogueDraftUpdate": CATALOGUE_KEEPERS,
    "catalogueDraftPublish": CATALOGUE_KEEPERS,
    "catalogueVersionRetire": CATALOGUE_KEEPERS,
    "catalogueOverrideSet": CATALOGUE_KEEPERS,
    "catalogueOverrideClear": CATALOGUE_KEEPERS,
    "catalogueItemDisable": CATALOGUE_KEEPERS,
    "catalogueItemEnable": CATALOGUE_KEEPERS,
    # 应急措施 are switched on by the region's authority (003 四: 各区…特事特办)
    "emergencyModeSet": frozenset({TENANT_ADMIN}),
    # the State Council's 放假安排, as the province's authority records it (issue 19); a district's
    # admin holds the permission too but the service refuses a non-root tenant
    "workingCalendarPublish": frozenset({TENANT_ADMIN}),
    # the standards the seeds leave to each region are set by its administration (issue 21)
    "tenantParameterSet": frozenset({TENANT_ADMIN}),
    # 004 二: the civil affairs office 牵头梳理…政策问答知识库 for its region: the tenant's admin
    "policyQuestionSet": frozenset({TENANT_ADMIN}),
    "policyQuestionDelete": frozenset({TENANT_ADMIN}),
    # shared data is pushed by department systems and the data centre (000 五(一) 大数据中心…
    # 与各部门业务系统的数据对接; 004 四(四) 推进数据共享), never typed in by staff
    "sharedRecordUpsert": frozenset({INTEGRATION}),
    # livelihood tags (民生体征标签, 003 三 汇集多部门数据) come through the same path
    "livelihoodTagUpsert": frozenset({INTEGRATION}),
    "livelihoodTagsUpsert": frozenset({INTEGRATION}),
    # leads (政策找人) are followed up by the community adviser (003 三 社区救助顾问); the joint
    # meeting may hand one to an adviser; auditors read them
    "leads": frozenset({ADVISER, JOINT_MEETING, AUDITOR}),
    "leadAssign": frozenset({ADVISER, JOINT_MEETING}),
    "leadDismiss": frozenset({ADVISER, JOINT_MEETING}),
    "leadConvert": frozenset({ADVISER, JOINT_MEETING}),
    # applications
    "application": APPLICATION_READERS,
    "applications": APPLICATION_READERS,
    # department systems receive the cases pushed to them (000 三(二)2 推送给…各个救助事项业务
    # 办理系统; 004 二(二) 住建厅…及时接收平台推送的申请信息)
    "cases": APPLICATION_READERS | {INTEGRATION},
    # households a classified recognition placed under monitoring (004 三（二）1 纳入监测范围) are
    # read by those who read the cases that placed them, and by the monitoring platform's
    # systems (004 二（二） 山西省低收入人口动态监测信息平台)
    "monitoredHouseholds": APPLICATION_READERS | {INTEGRATION},
    # the needs assessment (001 三（六）18、19): the 社区救助顾问 (三（六）17) and the 社区事务受理
    # 服务中心 (三（六）19 综合评估救助需求) assess, and so may a department's caseworker for a
    # household whose case it holds; "结果多方应用": department staff, the joint meeting and the
    # auditors read it (each service narrows to the household's area and departments). Not the
    # analyst (a family's hardship in detail), not the administrator, not department systems.
    "needsAssessment": frozenset(
        {ADVISER, WINDOW_CLERK, CASEWORKER, APPROVER, JOINT_MEETING, AUDITOR}
    ),
    "needsAssessmentRecord": frozenset({ADVISER, WINDOW_CLERK, CASEWORKER}),
    "needsAssessmentRevise": frozenset({ADVISER, WINDOW_CLERK, CASEWORKER}),
    "applicationSubmit": SUBMITTERS,
    # The materials of 一表申请、一套材料 (000 三(二)1; 004 附件3 材料清单) are uploaded by
    # whoever submits the application, for themselves or for the applicant.
    "materialUploadCreate": SUBMITTERS,
    "materialUploadComplete": SUBMITTERS,
    # 一门受理: the window accepts, rejects with reasons, or escalates (002 5.2, 5.3)
    "applicationTriageAccept": frozenset({WINDOW_CLERK}),
    "applicationTriageReject": frozenset({WINDOW_CLERK}),
    "applicationTriageEscalate": frozenset({WINDOW_CLERK}),
    # 联席会议办公室 names the departments and a lead, or finds no assistance applies (002 5.3,
    # 5.4 "由社会救助联席会议办公室牵头，明确救助事项的实施主体以及联动救助方案")
    "applicationJointMeetingAssign": frozenset({JOINT_MEETING}),
    "applicationJointMeetingReject": frozenset({JOINT_MEETING}),
    "applicationWithdraw": ON_BEHALF_OF_THE_APPLICANT,
    "caseSupplementProvide": ON_BEHALF_OF_THE_APPLICANT,
    # department work: acknowledging, asking for 补正 (002 5.4 告知申请人携带相关材料) and the
    # decision. Not the joint meeting: it coordinates and 委托…派单至相应部门 (002 5.4), and the
    # decision is the responsible department's (000 三(二)2); not department systems either.
    "caseAcknowledge": DEPARTMENT_STAFF,
    "caseSupplementRequest": DEPARTMENT_STAFF,
    "caseDecide": DEPARTMENT_STAFF,
    # 定期核查 is the street's (001 三（二）4 责任部门：各街镇): its advisers list the reviews due in
    # their area, the departments theirs; auditors oversee (001 四(四)). A review ends in a
    # decision on the benefit, taken by those who decide the case (000 三(二)2).
    "reverifications": frozenset({ADVISER, CASEWORKER, APPROVER, AUDITOR}),
    "reverificationComplete": DEPARTMENT_STAFF,
    # 主动报告 (001 三（二）4 落实并完善…重大变化主动报告机制): the family, or those acting for it
    "householdChangeReport": ON_BEHALF_OF_THE_APPLICANT,
    # department systems are told of cases instead of polling for them (issue 19; 000 三(二)2
    # 推送给…各个救助事项业务办理系统); the administrator may set that up for them
    "webhookSubscriptions": frozenset({TENANT_ADMIN, INTEGRATION}),
    "webhookDeliveries": frozenset({TENANT_ADMIN, INTEGRATION}),
    "webhookSubscriptionCreate": frozenset({TENANT_ADMIN, INTEGRATION}),
    "webhookSubscriptionDelete": frozenset({TENANT_ADMIN, INTEGRATION}),
    "webhookSubscriptionRotateSecret": frozenset({TENANT_ADMIN, INTEGRATION}),
    # who holds which role: administrators grant and revoke; auditors check it (001 四(四))
    "roleAssignments": frozenset({TENANT_ADMIN, AUDITOR}),
    "roleGrant": frozenset({TENANT_ADMIN}),
    "roleRevoke": frozenset({TENANT_ADMIN}),
    # the audit trail is the auditors' alone, read-only (001 四(四); 003 六; DESIGN §7)
    "auditEvents": frozenset({AUDITOR}),
    # Issue 23 (ADR 0035): the reform's effect is evaluated by analysts and auditors and read by
    # the administrator who keeps the targets (000 四); 办结汇总 is sent to the acceptance centre
    # (002 5.6: 反馈至县（市、区）社会救助中心汇总), whose staff are the one-door window.
    "reformEffect": frozenset({ANALYST, TENANT_ADMIN, AUDITOR}),
    "completionSummary": frozenset({WINDOW_CLERK, ANALYST, TENANT_ADMIN, AUDITOR}),
    "auditVerify": frozenset({AUDITOR}),
    "applicationHistory": frozenset({AUDITOR}),
    "personHistory": frozenset({AUDITOR}),
    # counts, never a family: the centre's analysis (002 6.4.1), every department its own
    # (6.4.2), oversight; applicants and department staff handling cases are refused (issue 23)
    "statistics": frozenset({ANALYST, TENANT_ADMIN, AUDITOR, DEPARTMENT_HEAD}),
}
