/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminCalendar($tenant: String!, $year: Int!) {\n    workingCalendar(tenant: $tenant, year: $year) {\n      tenant { name }\n      year published source publishedAt\n      holidays { date name }\n      adjustedWorkdays\n    }\n  }\n": typeof types.AdminCalendarDocument,
    "\n  mutation AdminCalendarPublish($input: WorkingCalendarPublishInput!) {\n    workingCalendarPublish(input: $input) {\n      workingCalendar { year holidays { date } adjustedWorkdays }\n      recountedCases recountedSupplements\n      errors { code message path }\n    }\n  }\n": typeof types.AdminCalendarPublishDocument,
    "\n  query AdminCatalogue($tenant: String!) {\n    tenant(code: $tenant) { code name parentCode }\n    catalogue(tenant: $tenant) {\n      disabledItems\n      items {\n        code\n        name\n        version\n        department { name }\n        provenance { owner origin overriddenBy elements { element origin tenant } }\n      }\n    }\n    catalogueDiff(tenant: $tenant) { additions disabled overrides { code elements } }\n  }\n": typeof types.AdminCatalogueDocument,
    "\n  query OwnItems($tenant: String!) {\n    catalogue(tenant: $tenant) { items { code name provenance { owner } } }\n  }\n": typeof types.OwnItemsDocument,
    "\n  query ItemVersions($tenant: String!, $code: String!) {\n    itemVersionsConnection(tenant: $tenant, code: $code, first: 20) {\n      edges { node { version status effectiveFrom lockVersion updatedAt } }\n    }\n  }\n": typeof types.ItemVersionsDocument,
    "\n  mutation DraftNewVersion($input: CatalogueDraftNewVersionInput!) {\n    catalogueDraftNewVersion(input: $input) { itemVersion { version } errors { code message path } }\n  }\n": typeof types.DraftNewVersionDocument,
    "\n  mutation DraftUpdate($input: CatalogueDraftUpdateInput!) {\n    catalogueDraftUpdate(input: $input) { itemVersion { version lockVersion } errors { code message path } }\n  }\n": typeof types.DraftUpdateDocument,
    "\n  query ItemDiff($tenant: String!, $code: String!, $from: Int!, $to: Int!) {\n    itemDiff(tenant: $tenant, code: $code, fromVersion: $from, toVersion: $to) { element change before after }\n  }\n": typeof types.ItemDiffDocument,
    "\n  query DraftPublishPreview($tenant: String!, $code: String!, $version: Int!, $effectiveFrom: Date!) {\n    catalogueDraftPublishPreview(tenant: $tenant, code: $code, version: $version, effectiveFrom: $effectiveFrom) {\n      tenant { name } items applications changed fieldsAdded fieldsRemoved fieldsChanged materialsAdded materialsRemoved materialsChanged problem\n    }\n  }\n": typeof types.DraftPublishPreviewDocument,
    "\n  mutation DraftPublish($input: CatalogueDraftPublishInput!) {\n    catalogueDraftPublish(input: $input) { itemVersion { version status effectiveFrom } errors { code message path } }\n  }\n": typeof types.DraftPublishDocument,
    "\n  query RoleAssignments($tenant: String!) {\n    roleAssignments(tenant: $tenant, first: 100) {\n      totalCount\n      edges { node { id userId role grantedBy grantedAt tenant { name } } }\n    }\n  }\n": typeof types.RoleAssignmentsDocument,
    "\n  mutation RoleGrant($input: RoleGrantInput!) {\n    roleGrant(input: $input) { assignment { id } errors { code message path } }\n  }\n": typeof types.RoleGrantDocument,
    "\n  mutation RoleRevoke($input: RoleRevokeInput!) {\n    roleRevoke(input: $input) { errors { code message path } }\n  }\n": typeof types.RoleRevokeDocument,
    "\n  query AdminItem($tenant: String!, $code: String!) {\n    item(tenant: $tenant, code: $code) {\n      code\n      name\n      version\n      effectiveFrom\n      department { code name }\n      targetGroups { code name }\n      targetDescription\n      acceptanceConditions\n      processSteps { name actor level description timeLimitWorkingDays }\n      benefit { content formulaText period }\n      materials { evidence { code name } necessity original purpose }\n      legalBasis { title number article }\n      timeLimit { statutoryWorkingDays promisedWorkingDays }\n      provenance { owner origin overriddenBy lockedElements elements { element origin tenant } }\n    }\n  }\n": typeof types.AdminItemDocument,
    "\n  query CatalogueOverridePreview($tenant: String!, $code: String!, $patch: JSON!, $effectiveFrom: Date!) {\n    catalogueOverridePreview(tenant: $tenant, code: $code, patch: $patch, effectiveFrom: $effectiveFrom) {\n      tenant { code name }\n      items\n      applications\n      changed\n      fieldsAdded\n      fieldsRemoved\n      fieldsChanged\n      materialsAdded\n      materialsRemoved\n      materialsChanged\n      problem\n    }\n  }\n": typeof types.CatalogueOverridePreviewDocument,
    "\n  mutation CatalogueOverrideSet($input: CatalogueOverrideSetInput!) {\n    catalogueOverrideSet(input: $input) {\n      override { version effectiveFrom patch }\n      errors { code message path }\n    }\n  }\n": typeof types.CatalogueOverrideSetDocument,
    "\n  query AdminParameters($tenant: String!) {\n    parameters(tenant: $tenant) {\n      key label unit value valueOrigin valueEffectiveFrom valueSource valueTenant { code name }\n      source { seed section }\n    }\n  }\n": typeof types.AdminParametersDocument,
    "\n  mutation TenantParameterSet($input: TenantParameterSetInput!) {\n    tenantParameterSet(input: $input) { parameter { key value } errors { code message path } }\n  }\n": typeof types.TenantParameterSetDocument,
    "\n  query Tenants {\n    tenants { code name level parentCode }\n  }\n": typeof types.TenantsDocument,
    "\n  query DashboardTenants {\n    tenants { code name parentCode }\n  }\n": typeof types.DashboardTenantsDocument,
    "\n  query Dashboards($tenant: String!, $from: Date, $to: Date) {\n    reformEffect(tenant: $tenant, from: $from, to: $to) {\n      applications\n      timedApplications\n      checks { measure itemByItem merged saved reductionPercent met arithmetic target { statement reductionPercent comparison } }\n    }\n    completionSummary(tenant: $tenant, from: $from, to: $to) {\n      minCell\n      departments { department departmentName received decided approved denied closed withdrawn pending overdue withinLimit late }\n      total { received decided approved denied closed pending overdue withinLimit late }\n    }\n  }\n": typeof types.DashboardsDocument,
    "\n  query StatisticsPanels($tenant: String!, $from: Date!, $to: Date!, $period: StatisticsDimension!) {\n    byPeriod: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [$period]) {\n      asOf\n      minCell\n      rows { period applications cases approved denied pending overdue suppressed }\n    }\n    byDepartment: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [DEPARTMENT]) {\n      rows { department applications cases approved denied pending overdue suppressed }\n    }\n    byItem: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [ITEM]) {\n      rows { item applications cases approved denied pending overdue suppressed }\n    }\n    catalogue(tenant: $tenant) { items { code name children { code name } } }\n    overdueCases: cases(filter: { tenant: $tenant, overdue: true }, first: 50) {\n      totalCount\n      edges { node { id itemName state dueAt overdueMarkedAt department { code name } } }\n    }\n  }\n": typeof types.StatisticsPanelsDocument,
    "\n  query ApplicationHistory($id: ID!) {\n    applicationHistory(id: $id) {\n      applicationId\n      tenant { name }\n      departments\n      eventsConnection(first: 100) {\n        totalCount\n        edges { node { sequence occurredAt actor roles department action reason changes { field before after } } }\n      }\n    }\n  }\n": typeof types.ApplicationHistoryDocument,
    "\n  query PersonHistory($idNumber: String!) {\n    personHistory(idNumber: $idNumber) {\n      applicationsConnection(first: 50) {\n        totalCount\n        edges { node { applicationId tenant { name } firstAt lastAt eventCount departments actions } }\n      }\n      events(first: 50) {\n        totalCount\n        totalCountIsCapped\n        edges { node { sequence occurredAt actor department action subjectType subjectId applicationId tenant { name } } }\n      }\n    }\n  }\n": typeof types.PersonHistoryDocument,
    "\n  query AuditVerify($tenant: String!) {\n    auditVerify(tenant: $tenant) {\n      tenant { name }\n      ok checked firstSequence lastSequence\n      brokenLink { sequence eventId problem message tenant { name } }\n      checkpoints { configured compared coveredThrough signedAt message }\n    }\n  }\n": typeof types.AuditVerifyDocument,
    "\n  query Me {\n    me {\n      userId\n      roles\n      departments\n      area\n      tenant { code name level }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query FlowCatalogue($tenant: String!) {\n    catalogue(tenant: $tenant) {\n      items { code name mode department { code name } targetDescription }\n    }\n    tenant(code: $tenant) { code name areas { code name } }\n  }\n": typeof types.FlowCatalogueDocument,
    "\n  query FlowScreening($tenant: String!, $answers: JSON!) {\n    eligibilityScreen(tenant: $tenant, answers: $answers) { item itemName outcome explanation }\n    screeningQuestions(tenant: $tenant, answers: $answers, first: 3) {\n      key label type codeValues { code label } decides\n    }\n  }\n": typeof types.FlowScreeningDocument,
    "\n  query FlowForm($tenant: String!, $items: [String!]!) {\n    applicationForm(tenant: $tenant, items: $items) {\n      hash\n      jsonSchema\n      items { code name }\n      notes { message }\n      materials { id name subject required }\n    }\n  }\n": typeof types.FlowFormDocument,
    "\n  query FlowFormCheck($hash: String!, $answers: JSON!) {\n    applicationFormCheck(hash: $hash, answers: $answers) {\n      ok\n      answerErrors { path message detailCode }\n      materials { material code subject subjectPath status reason }\n    }\n  }\n": typeof types.FlowFormCheckDocument,
    "\n  mutation FlowUploadCreate($input: MaterialUploadCreateInput!) {\n    materialUploadCreate(input: $input) {\n      errors { code message path }\n      upload { id url headers }\n    }\n  }\n": typeof types.FlowUploadCreateDocument,
    "\n  mutation FlowUploadComplete($id: ID!) {\n    materialUploadComplete(input: { id: $id }) {\n      errors { code message path }\n      upload { id state fileName byteSize }\n    }\n  }\n": typeof types.FlowUploadCompleteDocument,
    "\n  mutation FlowSubmit($input: ApplicationSubmitInput!) {\n    applicationSubmit(input: $input) {\n      errors { code message path detailCode }\n      application { id state }\n    }\n  }\n": typeof types.FlowSubmitDocument,
    "\n  fragment FlowApplication on Application {\n    id\n    databaseId\n    state\n    lockVersion\n    applicantName\n    items\n    submittedAt\n    cases { id itemCode itemName state lockVersion department { code name } decision { outcome amount reasons } }\n    timeline { at kind item department summary }\n    result { finished approved denied closed open }\n  }\n": typeof types.FlowApplicationFragmentDoc,
    "\n  query FlowApplication($id: ID!) {\n    application(id: $id) { ...FlowApplication }\n  }\n": typeof types.FlowApplicationDocument,
    "\n  subscription FlowApplicationUpdated($id: ID!) {\n    applicationUpdated(id: $id) { ...FlowApplication }\n  }\n": typeof types.FlowApplicationUpdatedDocument,
    "\n  query FlowTriageQueue($tenant: String!) {\n    applications(tenant: $tenant, states: [SUBMITTED], first: 50) {\n      edges { node { id state lockVersion applicantName items submittedAt areaPath } }\n    }\n  }\n": typeof types.FlowTriageQueueDocument,
    "\n  mutation FlowTriageAccept($input: ApplicationActInput!) {\n    applicationTriageAccept(input: $input) {\n      errors { code message }\n      application { id state }\n    }\n  }\n": typeof types.FlowTriageAcceptDocument,
    "\n  query FlowCaseQueue($filter: CaseFilterInput!) {\n    cases(filter: $filter, first: 50) {\n      edges { node { id applicationId itemCode itemName state lockVersion dueAt department { code name } } }\n    }\n  }\n": typeof types.FlowCaseQueueDocument,
    "\n  mutation FlowCaseAcknowledge($input: CaseActInput!) {\n    caseAcknowledge(input: $input) {\n      errors { code message }\n      case { id state lockVersion }\n    }\n  }\n": typeof types.FlowCaseAcknowledgeDocument,
    "\n  mutation FlowCaseDecide($input: CaseDecideInput!) {\n    caseDecide(input: $input) {\n      errors { code message path }\n      case { id state decision { outcome amount } }\n    }\n  }\n": typeof types.FlowCaseDecideDocument,
};
const documents: Documents = {
    "\n  query AdminCalendar($tenant: String!, $year: Int!) {\n    workingCalendar(tenant: $tenant, year: $year) {\n      tenant { name }\n      year published source publishedAt\n      holidays { date name }\n      adjustedWorkdays\n    }\n  }\n": types.AdminCalendarDocument,
    "\n  mutation AdminCalendarPublish($input: WorkingCalendarPublishInput!) {\n    workingCalendarPublish(input: $input) {\n      workingCalendar { year holidays { date } adjustedWorkdays }\n      recountedCases recountedSupplements\n      errors { code message path }\n    }\n  }\n": types.AdminCalendarPublishDocument,
    "\n  query AdminCatalogue($tenant: String!) {\n    tenant(code: $tenant) { code name parentCode }\n    catalogue(tenant: $tenant) {\n      disabledItems\n      items {\n        code\n        name\n        version\n        department { name }\n        provenance { owner origin overriddenBy elements { element origin tenant } }\n      }\n    }\n    catalogueDiff(tenant: $tenant) { additions disabled overrides { code elements } }\n  }\n": types.AdminCatalogueDocument,
    "\n  query OwnItems($tenant: String!) {\n    catalogue(tenant: $tenant) { items { code name provenance { owner } } }\n  }\n": types.OwnItemsDocument,
    "\n  query ItemVersions($tenant: String!, $code: String!) {\n    itemVersionsConnection(tenant: $tenant, code: $code, first: 20) {\n      edges { node { version status effectiveFrom lockVersion updatedAt } }\n    }\n  }\n": types.ItemVersionsDocument,
    "\n  mutation DraftNewVersion($input: CatalogueDraftNewVersionInput!) {\n    catalogueDraftNewVersion(input: $input) { itemVersion { version } errors { code message path } }\n  }\n": types.DraftNewVersionDocument,
    "\n  mutation DraftUpdate($input: CatalogueDraftUpdateInput!) {\n    catalogueDraftUpdate(input: $input) { itemVersion { version lockVersion } errors { code message path } }\n  }\n": types.DraftUpdateDocument,
    "\n  query ItemDiff($tenant: String!, $code: String!, $from: Int!, $to: Int!) {\n    itemDiff(tenant: $tenant, code: $code, fromVersion: $from, toVersion: $to) { element change before after }\n  }\n": types.ItemDiffDocument,
    "\n  query DraftPublishPreview($tenant: String!, $code: String!, $version: Int!, $effectiveFrom: Date!) {\n    catalogueDraftPublishPreview(tenant: $tenant, code: $code, version: $version, effectiveFrom: $effectiveFrom) {\n      tenant { name } items applications changed fieldsAdded fieldsRemoved fieldsChanged materialsAdded materialsRemoved materialsChanged problem\n    }\n  }\n": types.DraftPublishPreviewDocument,
    "\n  mutation DraftPublish($input: CatalogueDraftPublishInput!) {\n    catalogueDraftPublish(input: $input) { itemVersion { version status effectiveFrom } errors { code message path } }\n  }\n": types.DraftPublishDocument,
    "\n  query RoleAssignments($tenant: String!) {\n    roleAssignments(tenant: $tenant, first: 100) {\n      totalCount\n      edges { node { id userId role grantedBy grantedAt tenant { name } } }\n    }\n  }\n": types.RoleAssignmentsDocument,
    "\n  mutation RoleGrant($input: RoleGrantInput!) {\n    roleGrant(input: $input) { assignment { id } errors { code message path } }\n  }\n": types.RoleGrantDocument,
    "\n  mutation RoleRevoke($input: RoleRevokeInput!) {\n    roleRevoke(input: $input) { errors { code message path } }\n  }\n": types.RoleRevokeDocument,
    "\n  query AdminItem($tenant: String!, $code: String!) {\n    item(tenant: $tenant, code: $code) {\n      code\n      name\n      version\n      effectiveFrom\n      department { code name }\n      targetGroups { code name }\n      targetDescription\n      acceptanceConditions\n      processSteps { name actor level description timeLimitWorkingDays }\n      benefit { content formulaText period }\n      materials { evidence { code name } necessity original purpose }\n      legalBasis { title number article }\n      timeLimit { statutoryWorkingDays promisedWorkingDays }\n      provenance { owner origin overriddenBy lockedElements elements { element origin tenant } }\n    }\n  }\n": types.AdminItemDocument,
    "\n  query CatalogueOverridePreview($tenant: String!, $code: String!, $patch: JSON!, $effectiveFrom: Date!) {\n    catalogueOverridePreview(tenant: $tenant, code: $code, patch: $patch, effectiveFrom: $effectiveFrom) {\n      tenant { code name }\n      items\n      applications\n      changed\n      fieldsAdded\n      fieldsRemoved\n      fieldsChanged\n      materialsAdded\n      materialsRemoved\n      materialsChanged\n      problem\n    }\n  }\n": types.CatalogueOverridePreviewDocument,
    "\n  mutation CatalogueOverrideSet($input: CatalogueOverrideSetInput!) {\n    catalogueOverrideSet(input: $input) {\n      override { version effectiveFrom patch }\n      errors { code message path }\n    }\n  }\n": types.CatalogueOverrideSetDocument,
    "\n  query AdminParameters($tenant: String!) {\n    parameters(tenant: $tenant) {\n      key label unit value valueOrigin valueEffectiveFrom valueSource valueTenant { code name }\n      source { seed section }\n    }\n  }\n": types.AdminParametersDocument,
    "\n  mutation TenantParameterSet($input: TenantParameterSetInput!) {\n    tenantParameterSet(input: $input) { parameter { key value } errors { code message path } }\n  }\n": types.TenantParameterSetDocument,
    "\n  query Tenants {\n    tenants { code name level parentCode }\n  }\n": types.TenantsDocument,
    "\n  query DashboardTenants {\n    tenants { code name parentCode }\n  }\n": types.DashboardTenantsDocument,
    "\n  query Dashboards($tenant: String!, $from: Date, $to: Date) {\n    reformEffect(tenant: $tenant, from: $from, to: $to) {\n      applications\n      timedApplications\n      checks { measure itemByItem merged saved reductionPercent met arithmetic target { statement reductionPercent comparison } }\n    }\n    completionSummary(tenant: $tenant, from: $from, to: $to) {\n      minCell\n      departments { department departmentName received decided approved denied closed withdrawn pending overdue withinLimit late }\n      total { received decided approved denied closed pending overdue withinLimit late }\n    }\n  }\n": types.DashboardsDocument,
    "\n  query StatisticsPanels($tenant: String!, $from: Date!, $to: Date!, $period: StatisticsDimension!) {\n    byPeriod: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [$period]) {\n      asOf\n      minCell\n      rows { period applications cases approved denied pending overdue suppressed }\n    }\n    byDepartment: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [DEPARTMENT]) {\n      rows { department applications cases approved denied pending overdue suppressed }\n    }\n    byItem: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [ITEM]) {\n      rows { item applications cases approved denied pending overdue suppressed }\n    }\n    catalogue(tenant: $tenant) { items { code name children { code name } } }\n    overdueCases: cases(filter: { tenant: $tenant, overdue: true }, first: 50) {\n      totalCount\n      edges { node { id itemName state dueAt overdueMarkedAt department { code name } } }\n    }\n  }\n": types.StatisticsPanelsDocument,
    "\n  query ApplicationHistory($id: ID!) {\n    applicationHistory(id: $id) {\n      applicationId\n      tenant { name }\n      departments\n      eventsConnection(first: 100) {\n        totalCount\n        edges { node { sequence occurredAt actor roles department action reason changes { field before after } } }\n      }\n    }\n  }\n": types.ApplicationHistoryDocument,
    "\n  query PersonHistory($idNumber: String!) {\n    personHistory(idNumber: $idNumber) {\n      applicationsConnection(first: 50) {\n        totalCount\n        edges { node { applicationId tenant { name } firstAt lastAt eventCount departments actions } }\n      }\n      events(first: 50) {\n        totalCount\n        totalCountIsCapped\n        edges { node { sequence occurredAt actor department action subjectType subjectId applicationId tenant { name } } }\n      }\n    }\n  }\n": types.PersonHistoryDocument,
    "\n  query AuditVerify($tenant: String!) {\n    auditVerify(tenant: $tenant) {\n      tenant { name }\n      ok checked firstSequence lastSequence\n      brokenLink { sequence eventId problem message tenant { name } }\n      checkpoints { configured compared coveredThrough signedAt message }\n    }\n  }\n": types.AuditVerifyDocument,
    "\n  query Me {\n    me {\n      userId\n      roles\n      departments\n      area\n      tenant { code name level }\n    }\n  }\n": types.MeDocument,
    "\n  query FlowCatalogue($tenant: String!) {\n    catalogue(tenant: $tenant) {\n      items { code name mode department { code name } targetDescription }\n    }\n    tenant(code: $tenant) { code name areas { code name } }\n  }\n": types.FlowCatalogueDocument,
    "\n  query FlowScreening($tenant: String!, $answers: JSON!) {\n    eligibilityScreen(tenant: $tenant, answers: $answers) { item itemName outcome explanation }\n    screeningQuestions(tenant: $tenant, answers: $answers, first: 3) {\n      key label type codeValues { code label } decides\n    }\n  }\n": types.FlowScreeningDocument,
    "\n  query FlowForm($tenant: String!, $items: [String!]!) {\n    applicationForm(tenant: $tenant, items: $items) {\n      hash\n      jsonSchema\n      items { code name }\n      notes { message }\n      materials { id name subject required }\n    }\n  }\n": types.FlowFormDocument,
    "\n  query FlowFormCheck($hash: String!, $answers: JSON!) {\n    applicationFormCheck(hash: $hash, answers: $answers) {\n      ok\n      answerErrors { path message detailCode }\n      materials { material code subject subjectPath status reason }\n    }\n  }\n": types.FlowFormCheckDocument,
    "\n  mutation FlowUploadCreate($input: MaterialUploadCreateInput!) {\n    materialUploadCreate(input: $input) {\n      errors { code message path }\n      upload { id url headers }\n    }\n  }\n": types.FlowUploadCreateDocument,
    "\n  mutation FlowUploadComplete($id: ID!) {\n    materialUploadComplete(input: { id: $id }) {\n      errors { code message path }\n      upload { id state fileName byteSize }\n    }\n  }\n": types.FlowUploadCompleteDocument,
    "\n  mutation FlowSubmit($input: ApplicationSubmitInput!) {\n    applicationSubmit(input: $input) {\n      errors { code message path detailCode }\n      application { id state }\n    }\n  }\n": types.FlowSubmitDocument,
    "\n  fragment FlowApplication on Application {\n    id\n    databaseId\n    state\n    lockVersion\n    applicantName\n    items\n    submittedAt\n    cases { id itemCode itemName state lockVersion department { code name } decision { outcome amount reasons } }\n    timeline { at kind item department summary }\n    result { finished approved denied closed open }\n  }\n": types.FlowApplicationFragmentDoc,
    "\n  query FlowApplication($id: ID!) {\n    application(id: $id) { ...FlowApplication }\n  }\n": types.FlowApplicationDocument,
    "\n  subscription FlowApplicationUpdated($id: ID!) {\n    applicationUpdated(id: $id) { ...FlowApplication }\n  }\n": types.FlowApplicationUpdatedDocument,
    "\n  query FlowTriageQueue($tenant: String!) {\n    applications(tenant: $tenant, states: [SUBMITTED], first: 50) {\n      edges { node { id state lockVersion applicantName items submittedAt areaPath } }\n    }\n  }\n": types.FlowTriageQueueDocument,
    "\n  mutation FlowTriageAccept($input: ApplicationActInput!) {\n    applicationTriageAccept(input: $input) {\n      errors { code message }\n      application { id state }\n    }\n  }\n": types.FlowTriageAcceptDocument,
    "\n  query FlowCaseQueue($filter: CaseFilterInput!) {\n    cases(filter: $filter, first: 50) {\n      edges { node { id applicationId itemCode itemName state lockVersion dueAt department { code name } } }\n    }\n  }\n": types.FlowCaseQueueDocument,
    "\n  mutation FlowCaseAcknowledge($input: CaseActInput!) {\n    caseAcknowledge(input: $input) {\n      errors { code message }\n      case { id state lockVersion }\n    }\n  }\n": types.FlowCaseAcknowledgeDocument,
    "\n  mutation FlowCaseDecide($input: CaseDecideInput!) {\n    caseDecide(input: $input) {\n      errors { code message path }\n      case { id state decision { outcome amount } }\n    }\n  }\n": types.FlowCaseDecideDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCalendar($tenant: String!, $year: Int!) {\n    workingCalendar(tenant: $tenant, year: $year) {\n      tenant { name }\n      year published source publishedAt\n      holidays { date name }\n      adjustedWorkdays\n    }\n  }\n"): (typeof documents)["\n  query AdminCalendar($tenant: String!, $year: Int!) {\n    workingCalendar(tenant: $tenant, year: $year) {\n      tenant { name }\n      year published source publishedAt\n      holidays { date name }\n      adjustedWorkdays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCalendarPublish($input: WorkingCalendarPublishInput!) {\n    workingCalendarPublish(input: $input) {\n      workingCalendar { year holidays { date } adjustedWorkdays }\n      recountedCases recountedSupplements\n      errors { code message path }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCalendarPublish($input: WorkingCalendarPublishInput!) {\n    workingCalendarPublish(input: $input) {\n      workingCalendar { year holidays { date } adjustedWorkdays }\n      recountedCases recountedSupplements\n      errors { code message path }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCatalogue($tenant: String!) {\n    tenant(code: $tenant) { code name parentCode }\n    catalogue(tenant: $tenant) {\n      disabledItems\n      items {\n        code\n        name\n        version\n        department { name }\n        provenance { owner origin overriddenBy elements { element origin tenant } }\n      }\n    }\n    catalogueDiff(tenant: $tenant) { additions disabled overrides { code elements } }\n  }\n"): (typeof documents)["\n  query AdminCatalogue($tenant: String!) {\n    tenant(code: $tenant) { code name parentCode }\n    catalogue(tenant: $tenant) {\n      disabledItems\n      items {\n        code\n        name\n        version\n        department { name }\n        provenance { owner origin overriddenBy elements { element origin tenant } }\n      }\n    }\n    catalogueDiff(tenant: $tenant) { additions disabled overrides { code elements } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnItems($tenant: String!) {\n    catalogue(tenant: $tenant) { items { code name provenance { owner } } }\n  }\n"): (typeof documents)["\n  query OwnItems($tenant: String!) {\n    catalogue(tenant: $tenant) { items { code name provenance { owner } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemVersions($tenant: String!, $code: String!) {\n    itemVersionsConnection(tenant: $tenant, code: $code, first: 20) {\n      edges { node { version status effectiveFrom lockVersion updatedAt } }\n    }\n  }\n"): (typeof documents)["\n  query ItemVersions($tenant: String!, $code: String!) {\n    itemVersionsConnection(tenant: $tenant, code: $code, first: 20) {\n      edges { node { version status effectiveFrom lockVersion updatedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DraftNewVersion($input: CatalogueDraftNewVersionInput!) {\n    catalogueDraftNewVersion(input: $input) { itemVersion { version } errors { code message path } }\n  }\n"): (typeof documents)["\n  mutation DraftNewVersion($input: CatalogueDraftNewVersionInput!) {\n    catalogueDraftNewVersion(input: $input) { itemVersion { version } errors { code message path } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DraftUpdate($input: CatalogueDraftUpdateInput!) {\n    catalogueDraftUpdate(input: $input) { itemVersion { version lockVersion } errors { code message path } }\n  }\n"): (typeof documents)["\n  mutation DraftUpdate($input: CatalogueDraftUpdateInput!) {\n    catalogueDraftUpdate(input: $input) { itemVersion { version lockVersion } errors { code message path } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemDiff($tenant: String!, $code: String!, $from: Int!, $to: Int!) {\n    itemDiff(tenant: $tenant, code: $code, fromVersion: $from, toVersion: $to) { element change before after }\n  }\n"): (typeof documents)["\n  query ItemDiff($tenant: String!, $code: String!, $from: Int!, $to: Int!) {\n    itemDiff(tenant: $tenant, code: $code, fromVersion: $from, toVersion: $to) { element change before after }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DraftPublishPreview($tenant: String!, $code: String!, $version: Int!, $effectiveFrom: Date!) {\n    catalogueDraftPublishPreview(tenant: $tenant, code: $code, version: $version, effectiveFrom: $effectiveFrom) {\n      tenant { name } items applications changed fieldsAdded fieldsRemoved fieldsChanged materialsAdded materialsRemoved materialsChanged problem\n    }\n  }\n"): (typeof documents)["\n  query DraftPublishPreview($tenant: String!, $code: String!, $version: Int!, $effectiveFrom: Date!) {\n    catalogueDraftPublishPreview(tenant: $tenant, code: $code, version: $version, effectiveFrom: $effectiveFrom) {\n      tenant { name } items applications changed fieldsAdded fieldsRemoved fieldsChanged materialsAdded materialsRemoved materialsChanged problem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DraftPublish($input: CatalogueDraftPublishInput!) {\n    catalogueDraftPublish(input: $input) { itemVersion { version status effectiveFrom } errors { code message path } }\n  }\n"): (typeof documents)["\n  mutation DraftPublish($input: CatalogueDraftPublishInput!) {\n    catalogueDraftPublish(input: $input) { itemVersion { version status effectiveFrom } errors { code message path } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleAssignments($tenant: String!) {\n    roleAssignments(tenant: $tenant, first: 100) {\n      totalCount\n      edges { node { id userId role grantedBy grantedAt tenant { name } } }\n    }\n  }\n"): (typeof documents)["\n  query RoleAssignments($tenant: String!) {\n    roleAssignments(tenant: $tenant, first: 100) {\n      totalCount\n      edges { node { id userId role grantedBy grantedAt tenant { name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoleGrant($input: RoleGrantInput!) {\n    roleGrant(input: $input) { assignment { id } errors { code message path } }\n  }\n"): (typeof documents)["\n  mutation RoleGrant($input: RoleGrantInput!) {\n    roleGrant(input: $input) { assignment { id } errors { code message path } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoleRevoke($input: RoleRevokeInput!) {\n    roleRevoke(input: $input) { errors { code message path } }\n  }\n"): (typeof documents)["\n  mutation RoleRevoke($input: RoleRevokeInput!) {\n    roleRevoke(input: $input) { errors { code message path } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminItem($tenant: String!, $code: String!) {\n    item(tenant: $tenant, code: $code) {\n      code\n      name\n      version\n      effectiveFrom\n      department { code name }\n      targetGroups { code name }\n      targetDescription\n      acceptanceConditions\n      processSteps { name actor level description timeLimitWorkingDays }\n      benefit { content formulaText period }\n      materials { evidence { code name } necessity original purpose }\n      legalBasis { title number article }\n      timeLimit { statutoryWorkingDays promisedWorkingDays }\n      provenance { owner origin overriddenBy lockedElements elements { element origin tenant } }\n    }\n  }\n"): (typeof documents)["\n  query AdminItem($tenant: String!, $code: String!) {\n    item(tenant: $tenant, code: $code) {\n      code\n      name\n      version\n      effectiveFrom\n      department { code name }\n      targetGroups { code name }\n      targetDescription\n      acceptanceConditions\n      processSteps { name actor level description timeLimitWorkingDays }\n      benefit { content formulaText period }\n      materials { evidence { code name } necessity original purpose }\n      legalBasis { title number article }\n      timeLimit { statutoryWorkingDays promisedWorkingDays }\n      provenance { owner origin overriddenBy lockedElements elements { element origin tenant } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogueOverridePreview($tenant: String!, $code: String!, $patch: JSON!, $effectiveFrom: Date!) {\n    catalogueOverridePreview(tenant: $tenant, code: $code, patch: $patch, effectiveFrom: $effectiveFrom) {\n      tenant { code name }\n      items\n      applications\n      changed\n      fieldsAdded\n      fieldsRemoved\n      fieldsChanged\n      materialsAdded\n      materialsRemoved\n      materialsChanged\n      problem\n    }\n  }\n"): (typeof documents)["\n  query CatalogueOverridePreview($tenant: String!, $code: String!, $patch: JSON!, $effectiveFrom: Date!) {\n    catalogueOverridePreview(tenant: $tenant, code: $code, patch: $patch, effectiveFrom: $effectiveFrom) {\n      tenant { code name }\n      items\n      applications\n      changed\n      fieldsAdded\n      fieldsRemoved\n      fieldsChanged\n      materialsAdded\n      materialsRemoved\n      materialsChanged\n      problem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogueOverrideSet($input: CatalogueOverrideSetInput!) {\n    catalogueOverrideSet(input: $input) {\n      override { version effectiveFrom patch }\n      errors { code message path }\n    }\n  }\n"): (typeof documents)["\n  mutation CatalogueOverrideSet($input: CatalogueOverrideSetInput!) {\n    catalogueOverrideSet(input: $input) {\n      override { version effectiveFrom patch }\n      errors { code message path }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminParameters($tenant: String!) {\n    parameters(tenant: $tenant) {\n      key label unit value valueOrigin valueEffectiveFrom valueSource valueTenant { code name }\n      source { seed section }\n    }\n  }\n"): (typeof documents)["\n  query AdminParameters($tenant: String!) {\n    parameters(tenant: $tenant) {\n      key label unit value valueOrigin valueEffectiveFrom valueSource valueTenant { code name }\n      source { seed section }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TenantParameterSet($input: TenantParameterSetInput!) {\n    tenantParameterSet(input: $input) { parameter { key value } errors { code message path } }\n  }\n"): (typeof documents)["\n  mutation TenantParameterSet($input: TenantParameterSetInput!) {\n    tenantParameterSet(input: $input) { parameter { key value } errors { code message path } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tenants {\n    tenants { code name level parentCode }\n  }\n"): (typeof documents)["\n  query Tenants {\n    tenants { code name level parentCode }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTenants {\n    tenants { code name parentCode }\n  }\n"): (typeof documents)["\n  query DashboardTenants {\n    tenants { code name parentCode }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboards($tenant: String!, $from: Date, $to: Date) {\n    reformEffect(tenant: $tenant, from: $from, to: $to) {\n      applications\n      timedApplications\n      checks { measure itemByItem merged saved reductionPercent met arithmetic target { statement reductionPercent comparison } }\n    }\n    completionSummary(tenant: $tenant, from: $from, to: $to) {\n      minCell\n      departments { department departmentName received decided approved denied closed withdrawn pending overdue withinLimit late }\n      total { received decided approved denied closed pending overdue withinLimit late }\n    }\n  }\n"): (typeof documents)["\n  query Dashboards($tenant: String!, $from: Date, $to: Date) {\n    reformEffect(tenant: $tenant, from: $from, to: $to) {\n      applications\n      timedApplications\n      checks { measure itemByItem merged saved reductionPercent met arithmetic target { statement reductionPercent comparison } }\n    }\n    completionSummary(tenant: $tenant, from: $from, to: $to) {\n      minCell\n      departments { department departmentName received decided approved denied closed withdrawn pending overdue withinLimit late }\n      total { received decided approved denied closed pending overdue withinLimit late }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatisticsPanels($tenant: String!, $from: Date!, $to: Date!, $period: StatisticsDimension!) {\n    byPeriod: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [$period]) {\n      asOf\n      minCell\n      rows { period applications cases approved denied pending overdue suppressed }\n    }\n    byDepartment: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [DEPARTMENT]) {\n      rows { department applications cases approved denied pending overdue suppressed }\n    }\n    byItem: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [ITEM]) {\n      rows { item applications cases approved denied pending overdue suppressed }\n    }\n    catalogue(tenant: $tenant) { items { code name children { code name } } }\n    overdueCases: cases(filter: { tenant: $tenant, overdue: true }, first: 50) {\n      totalCount\n      edges { node { id itemName state dueAt overdueMarkedAt department { code name } } }\n    }\n  }\n"): (typeof documents)["\n  query StatisticsPanels($tenant: String!, $from: Date!, $to: Date!, $period: StatisticsDimension!) {\n    byPeriod: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [$period]) {\n      asOf\n      minCell\n      rows { period applications cases approved denied pending overdue suppressed }\n    }\n    byDepartment: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [DEPARTMENT]) {\n      rows { department applications cases approved denied pending overdue suppressed }\n    }\n    byItem: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [ITEM]) {\n      rows { item applications cases approved denied pending overdue suppressed }\n    }\n    catalogue(tenant: $tenant) { items { code name children { code name } } }\n    overdueCases: cases(filter: { tenant: $tenant, overdue: true }, first: 50) {\n      totalCount\n      edges { node { id itemName state dueAt overdueMarkedAt department { code name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationHistory($id: ID!) {\n    applicationHistory(id: $id) {\n      applicationId\n      tenant { name }\n      departments\n      eventsConnection(first: 100) {\n        totalCount\n        edges { node { sequence occurredAt actor roles department action reason changes { field before after } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApplicationHistory($id: ID!) {\n    applicationHistory(id: $id) {\n      applicationId\n      tenant { name }\n      departments\n      eventsConnection(first: 100) {\n        totalCount\n        edges { node { sequence occurredAt actor roles department action reason changes { field before after } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonHistory($idNumber: String!) {\n    personHistory(idNumber: $idNumber) {\n      applicationsConnection(first: 50) {\n        totalCount\n        edges { node { applicationId tenant { name } firstAt lastAt eventCount departments actions } }\n      }\n      events(first: 50) {\n        totalCount\n        totalCountIsCapped\n        edges { node { sequence occurredAt actor department action subjectType subjectId applicationId tenant { name } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonHistory($idNumber: String!) {\n    personHistory(idNumber: $idNumber) {\n      applicationsConnection(first: 50) {\n        totalCount\n        edges { node { applicationId tenant { name } firstAt lastAt eventCount departments actions } }\n      }\n      events(first: 50) {\n        totalCount\n        totalCountIsCapped\n        edges { node { sequence occurredAt actor department action subjectType subjectId applicationId tenant { name } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditVerify($tenant: String!) {\n    auditVerify(tenant: $tenant) {\n      tenant { name }\n      ok checked firstSequence lastSequence\n      brokenLink { sequence eventId problem message tenant { name } }\n      checkpoints { configured compared coveredThrough signedAt message }\n    }\n  }\n"): (typeof documents)["\n  query AuditVerify($tenant: String!) {\n    auditVerify(tenant: $tenant) {\n      tenant { name }\n      ok checked firstSequence lastSequence\n      brokenLink { sequence eventId problem message tenant { name } }\n      checkpoints { configured compared coveredThrough signedAt message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      userId\n      roles\n      departments\n      area\n      tenant { code name level }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      userId\n      roles\n      departments\n      area\n      tenant { code name level }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowCatalogue($tenant: String!) {\n    catalogue(tenant: $tenant) {\n      items { code name mode department { code name } targetDescription }\n    }\n    tenant(code: $tenant) { code name areas { code name } }\n  }\n"): (typeof documents)["\n  query FlowCatalogue($tenant: String!) {\n    catalogue(tenant: $tenant) {\n      items { code name mode department { code name } targetDescription }\n    }\n    tenant(code: $tenant) { code name areas { code name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowScreening($tenant: String!, $answers: JSON!) {\n    eligibilityScreen(tenant: $tenant, answers: $answers) { item itemName outcome explanation }\n    screeningQuestions(tenant: $tenant, answers: $answers, first: 3) {\n      key label type codeValues { code label } decides\n    }\n  }\n"): (typeof documents)["\n  query FlowScreening($tenant: String!, $answers: JSON!) {\n    eligibilityScreen(tenant: $tenant, answers: $answers) { item itemName outcome explanation }\n    screeningQuestions(tenant: $tenant, answers: $answers, first: 3) {\n      key label type codeValues { code label } decides\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowForm($tenant: String!, $items: [String!]!) {\n    applicationForm(tenant: $tenant, items: $items) {\n      hash\n      jsonSchema\n      items { code name }\n      notes { message }\n      materials { id name subject required }\n    }\n  }\n"): (typeof documents)["\n  query FlowForm($tenant: String!, $items: [String!]!) {\n    applicationForm(tenant: $tenant, items: $items) {\n      hash\n      jsonSchema\n      items { code name }\n      notes { message }\n      materials { id name subject required }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowFormCheck($hash: String!, $answers: JSON!) {\n    applicationFormCheck(hash: $hash, answers: $answers) {\n      ok\n      answerErrors { path message detailCode }\n      materials { material code subject subjectPath status reason }\n    }\n  }\n"): (typeof documents)["\n  query FlowFormCheck($hash: String!, $answers: JSON!) {\n    applicationFormCheck(hash: $hash, answers: $answers) {\n      ok\n      answerErrors { path message detailCode }\n      materials { material code subject subjectPath status reason }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlowUploadCreate($input: MaterialUploadCreateInput!) {\n    materialUploadCreate(input: $input) {\n      errors { code message path }\n      upload { id url headers }\n    }\n  }\n"): (typeof documents)["\n  mutation FlowUploadCreate($input: MaterialUploadCreateInput!) {\n    materialUploadCreate(input: $input) {\n      errors { code message path }\n      upload { id url headers }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlowUploadComplete($id: ID!) {\n    materialUploadComplete(input: { id: $id }) {\n      errors { code message path }\n      upload { id state fileName byteSize }\n    }\n  }\n"): (typeof documents)["\n  mutation FlowUploadComplete($id: ID!) {\n    materialUploadComplete(input: { id: $id }) {\n      errors { code message path }\n      upload { id state fileName byteSize }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlowSubmit($input: ApplicationSubmitInput!) {\n    applicationSubmit(input: $input) {\n      errors { code message path detailCode }\n      application { id state }\n    }\n  }\n"): (typeof documents)["\n  mutation FlowSubmit($input: ApplicationSubmitInput!) {\n    applicationSubmit(input: $input) {\n      errors { code message path detailCode }\n      application { id state }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FlowApplication on Application {\n    id\n    databaseId\n    state\n    lockVersion\n    applicantName\n    items\n    submittedAt\n    cases { id itemCode itemName state lockVersion department { code name } decision { outcome amount reasons } }\n    timeline { at kind item department summary }\n    result { finished approved denied closed open }\n  }\n"): (typeof documents)["\n  fragment FlowApplication on Application {\n    id\n    databaseId\n    state\n    lockVersion\n    applicantName\n    items\n    submittedAt\n    cases { id itemCode itemName state lockVersion department { code name } decision { outcome amount reasons } }\n    timeline { at kind item department summary }\n    result { finished approved denied closed open }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowApplication($id: ID!) {\n    application(id: $id) { ...FlowApplication }\n  }\n"): (typeof documents)["\n  query FlowApplication($id: ID!) {\n    application(id: $id) { ...FlowApplication }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FlowApplicationUpdated($id: ID!) {\n    applicationUpdated(id: $id) { ...FlowApplication }\n  }\n"): (typeof documents)["\n  subscription FlowApplicationUpdated($id: ID!) {\n    applicationUpdated(id: $id) { ...FlowApplication }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowTriageQueue($tenant: String!) {\n    applications(tenant: $tenant, states: [SUBMITTED], first: 50) {\n      edges { node { id state lockVersion applicantName items submittedAt areaPath } }\n    }\n  }\n"): (typeof documents)["\n  query FlowTriageQueue($tenant: String!) {\n    applications(tenant: $tenant, states: [SUBMITTED], first: 50) {\n      edges { node { id state lockVersion applicantName items submittedAt areaPath } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlowTriageAccept($input: ApplicationActInput!) {\n    applicationTriageAccept(input: $input) {\n      errors { code message }\n      application { id state }\n    }\n  }\n"): (typeof documents)["\n  mutation FlowTriageAccept($input: ApplicationActInput!) {\n    applicationTriageAccept(input: $input) {\n      errors { code message }\n      application { id state }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowCaseQueue($filter: CaseFilterInput!) {\n    cases(filter: $filter, first: 50) {\n      edges { node { id applicationId itemCode itemName state lockVersion dueAt department { code name } } }\n    }\n  }\n"): (typeof documents)["\n  query FlowCaseQueue($filter: CaseFilterInput!) {\n    cases(filter: $filter, first: 50) {\n      edges { node { id applicationId itemCode itemName state lockVersion dueAt department { code name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlowCaseAcknowledge($input: CaseActInput!) {\n    caseAcknowledge(input: $input) {\n      errors { code message }\n      case { id state lockVersion }\n    }\n  }\n"): (typeof documents)["\n  mutation FlowCaseAcknowledge($input: CaseActInput!) {\n    caseAcknowledge(input: $input) {\n      errors { code message }\n      case { id state lockVersion }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlowCaseDecide($input: CaseDecideInput!) {\n    caseDecide(input: $input) {\n      errors { code message path }\n      case { id state decision { outcome amount } }\n    }\n  }\n"): (typeof documents)["\n  mutation FlowCaseDecide($input: CaseDecideInput!) {\n    caseDecide(input: $input) {\n      errors { code message path }\n      case { id state decision { outcome amount } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;