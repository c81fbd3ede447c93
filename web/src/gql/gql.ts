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