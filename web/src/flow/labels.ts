import type { Answers } from "../forms/conditions";

// Chinese names of the states and timeline kinds the flow shows (the schema's enum descriptions).
export const APPLICATION_STATE: Record<string, string> = {
  SUBMITTED: "已提交，等待一门受理",
  ACCEPTED: "已受理，各部门办理中",
  REJECTED: "不予受理",
  ESCALATED: "已提交联席会议",
  COMPLETED: "已办结",
  WITHDRAWN: "已撤回",
};

export const CASE_STATE: Record<string, string> = {
  WAITING: "等待前置事项",
  READY: "待接件",
  ACKNOWLEDGED: "办理中",
  SUPPLEMENT_REQUESTED: "待补正",
  APPROVED: "已准予",
  DENIED: "不予准予",
  CLOSED: "已终止",
  WITHDRAWN: "已撤回",
};

export const TIMELINE_KIND: Record<string, string> = {
  APPLICATION_SUBMITTED: "已提交",
  APPLICATION_ACCEPTED: "已受理",
  APPLICATION_REJECTED: "不予受理",
  APPLICATION_ESCALATED: "提交联席会议",
  APPLICATION_ASSIGNED: "联席会议已指定",
  APPLICATION_COMPLETED: "已办结",
  APPLICATION_WITHDRAWN: "已撤回",
  CASE_OPENED: "开始办理",
  CASE_WAITING: "等待前置事项",
  CASE_ACKNOWLEDGED: "已接件",
  CASE_SUPPLEMENT_REQUESTED: "要求补正",
  CASE_SUPPLIED: "已补正",
  CASE_APPROVED: "已准予",
  CASE_DENIED: "不予准予",
  CASE_DECISION_RECEIVED: "收到前置决定",
  CASE_RELEASED: "可开始办理",
  CASE_CLOSED: "已终止",
  CASE_GRANTED_AUTOMATICALLY: "免申即享",
  CASE_WITHDRAWN: "已撤回",
  CASE_DEADLINE_REMINDER: "时限提醒",
  CASE_OVERDUE: "已超期",
  CASE_SUPPLEMENT_LAPSED: "补正逾期",
};

export const SCREENING_OUTCOME: Record<string, string> = {
  LIKELY: "可能符合",
  UNLIKELY: "可能不符合",
  NEEDS_INFORMATION: "需补充信息",
  NOT_SCREENABLE: "无法初筛",
};

export const MATERIAL_STATUS: Record<string, string> = {
  UPLOAD_REQUIRED: "需上传",
};

/** 2026-12-02T20:15:00+08:00 → 2026-12-02 20:15 (the API sends China time). */
export function shortTime(at: string): string {
  return at.slice(0, 16).replace("T", " ");
}

/** Whom a material is for, in words: applicant → 申请人, household.members[1] → 家庭成员：李芳. */
export function subjectLabel(path: string | null | undefined, answers: Answers): string {
  if (!path) return "—";
  if (path === "applicant") return "申请人";
  if (path === "household") return "全家";
  const row = /^(.*)\[(\d+)\]$/.exec(path);
  if (!row) return path;
  const rows = row[1].split(".").reduce<unknown>(
    (node, key) => (node && typeof node === "object" ? (node as Answers)[key] : undefined),
    answers,
  );
  const index = Number(row[2]);
  const entry = Array.isArray(rows) ? rows[index] : undefined;
  const name = entry && typeof entry === "object" ? (entry as Answers).name : undefined;
  const who = row[1] === "household.members" ? "家庭成员" : row[1];
  return typeof name === "string" && name ? `${who}：${name}` : `${who}第 ${index + 1} 行`;
}
