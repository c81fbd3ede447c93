// How a frontend uses the generated types: a typed fetch, a submit, a list page, a subscription
// handler. tests/examples/test_codegen.py type-checks this file with the generated types under
// `tsc --strict`, so a schema change that breaks what it reads fails there, not in a browser.
import type {
  ApplicationDetailQuery,
  ApplicationDetailQueryVariables,
  ApplicationState,
  ApplicationSubmitMutation,
  ApplicationSubmitMutationVariables,
  ApplicationUpdatedSubscription,
  CaseDecideMutationVariables,
  CaseState,
  MyApplicationsQuery,
  MyApplicationsQueryVariables,
} from "./generated/graphql";

/** One POST to /graphql with the user's token; Apollo Client, urql or Relay do the same. */
export async function request<TData, TVariables>(
  endpoint: string,
  token: string | null,
  query: string,
  variables: TVariables,
): Promise<TData> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json, application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(body.errors?.map((e) => e.message).join("; ") ?? `HTTP ${response.status}`);
  }
  return body.data;
}

// The id a submit returns: the path the issue names, typed all the way down.
export type SubmittedApplicationId = NonNullable<
  ApplicationSubmitMutation["applicationSubmit"]["application"]
>["id"];

/** Submit the form once; the same idempotency key on a retry answers with the same application. */
export async function submit(
  endpoint: string,
  token: string,
  document: string,
  answers: Record<string, unknown>,
  idempotencyKey: string,
): Promise<SubmittedApplicationId> {
  const variables: ApplicationSubmitMutationVariables = {
    input: {
      tenant: "310105",
      channel: "ONLINE",
      items: ["dibao", "legal_aid"],
      answers,
      idempotencyKey,
      area: "huayanglu",
    },
  };
  const data = await request<ApplicationSubmitMutation, ApplicationSubmitMutationVariables>(
    endpoint,
    token,
    document,
    variables,
  );
  const { application, errors } = data.applicationSubmit;
  if (!application) {
    // One shape for every refusal; an answer's error has its path inside `answers`.
    const problems = errors.map((e) => (e.path.length ? `${e.path.join(".")}: ${e.message}` : e.message));
    throw new Error(problems.join("\n"));
  }
  const id: string = application.id;
  return id;
}

// Labels a UI shows for each state; a Record over the union makes a new state a compile error
// here instead of a blank badge.
export const applicationStateLabel: Record<ApplicationState, string> = {
  SUBMITTED: "已提交",
  ACCEPTED: "已受理",
  REJECTED: "不予受理",
  ESCALATED: "已提交联席会议",
  COMPLETED: "已办结",
  WITHDRAWN: "已撤回",
};

const caseDone: ReadonlySet<CaseState> = new Set<CaseState>(["APPROVED", "DENIED", "CLOSED", "WITHDRAWN"]);

/** The rows of "my applications": one line per application, the next page's cursor. */
export function myApplicationRows(data: MyApplicationsQuery): {
  rows: { id: string; state: string; items: string; submittedAt: Date; finished: boolean }[];
  nextPage: MyApplicationsQueryVariables | null;
} {
  const rows = data.applications.edges.map(({ node }) => ({
    id: node.id,
    state: applicationStateLabel[node.state],
    items: node.items.join("、"),
    submittedAt: new Date(node.submittedAt),
    finished: node.result.finished,
  }));
  const { hasNextPage, endCursor } = data.applications.pageInfo;
  return {
    rows,
    nextPage: hasNextPage && endCursor ? { tenant: "310105", after: endCursor } : null,
  };
}

/** The detail page: the deadline of every case still open. */
export function openDeadlines(data: ApplicationDetailQuery): Map<string, Date | null> {
  const deadlines = new Map<string, Date | null>();
  for (const c of data.application.cases) {
    if (!caseDone.has(c.state)) {
      deadlines.set(c.itemName, c.dueAt === null ? null : new Date(c.dueAt));
    }
  }
  return deadlines;
}

export const detailVariables = (id: SubmittedApplicationId): ApplicationDetailQueryVariables => ({ id });

/** What a graphql-ws `next` handler does with each push: the cases that now need the user. */
export function onApplicationUpdated(event: ApplicationUpdatedSubscription): string[] {
  const application = event.applicationUpdated;
  return application.cases
    .filter((c) => c.state === "SUPPLEMENT_REQUESTED" || c.overdue)
    .map((c) => `${c.itemName}：${c.supplement?.materials.join("、") ?? "已超期"}`);
}

/** A caseworker's approval: amounts are decimal strings, never floats. */
export function approval(caseId: string, lockVersion: number, amount: string): CaseDecideMutationVariables {
  return {
    input: { id: caseId, lockVersion, outcome: "APPROVED", amount, periodMonths: 12, startsOn: "2027-01-01" },
  };
}
