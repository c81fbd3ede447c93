// Every operation of the reference flow, typed by graphql-codegen from schema.graphql.
import { graphql } from "../gql";

export const FlowCatalogueDocument = graphql(`
  query FlowCatalogue($tenant: String!) {
    catalogue(tenant: $tenant) {
      items { code name mode department { code name } targetDescription }
    }
    tenant(code: $tenant) { code name areas { code name } }
  }
`);

export const FlowScreeningDocument = graphql(`
  query FlowScreening($tenant: String!, $answers: JSON!) {
    eligibilityScreen(tenant: $tenant, answers: $answers) { item itemName outcome explanation }
    screeningQuestions(tenant: $tenant, answers: $answers, first: 3) {
      key label type codeValues { code label } decides
    }
  }
`);

export const FlowFormDocument = graphql(`
  query FlowForm($tenant: String!, $items: [String!]!) {
    applicationForm(tenant: $tenant, items: $items) {
      hash
      jsonSchema
      items { code name }
      notes { message }
      materials { id name subject required }
    }
  }
`);

export const FlowFormCheckDocument = graphql(`
  query FlowFormCheck($hash: String!, $answers: JSON!) {
    applicationFormCheck(hash: $hash, answers: $answers) {
      ok
      answerErrors { path message detailCode }
      materials { material code subject subjectPath status reason }
    }
  }
`);

export const FlowUploadCreateDocument = graphql(`
  mutation FlowUploadCreate($input: MaterialUploadCreateInput!) {
    materialUploadCreate(input: $input) {
      errors { code message path }
      upload { id url headers }
    }
  }
`);

export const FlowUploadCompleteDocument = graphql(`
  mutation FlowUploadComplete($id: ID!) {
    materialUploadComplete(input: { id: $id }) {
      errors { code message path }
      upload { id state fileName byteSize }
    }
  }
`);

export const FlowSubmitDocument = graphql(`
  mutation FlowSubmit($input: ApplicationSubmitInput!) {
    applicationSubmit(input: $input) {
      errors { code message path detailCode }
      application { id state }
    }
  }
`);

export const FlowApplicationFields = graphql(`
  fragment FlowApplication on Application {
    id
    databaseId
    state
    lockVersion
    applicantName
    items
    submittedAt
    cases { id itemCode itemName state lockVersion department { code name } decision { outcome amount reasons } }
    timeline { at kind item department summary }
    result { finished approved denied closed open }
  }
`);

export const FlowApplicationDocument = graphql(`
  query FlowApplication($id: ID!) {
    application(id: $id) { ...FlowApplication }
  }
`);

export const FlowApplicationUpdatedDocument = graphql(`
  subscription FlowApplicationUpdated($id: ID!) {
    applicationUpdated(id: $id) { ...FlowApplication }
  }
`);

export const FlowTriageQueueDocument = graphql(`
  query FlowTriageQueue($tenant: String!) {
    applications(tenant: $tenant, states: [SUBMITTED], first: 50) {
      edges { node { id state lockVersion applicantName items submittedAt areaPath } }
    }
  }
`);

export const FlowTriageAcceptDocument = graphql(`
  mutation FlowTriageAccept($input: ApplicationActInput!) {
    applicationTriageAccept(input: $input) {
      errors { code message }
      application { id state }
    }
  }
`);

export const FlowCaseQueueDocument = graphql(`
  query FlowCaseQueue($filter: CaseFilterInput!) {
    cases(filter: $filter, first: 50) {
      edges { node { id applicationId itemCode itemName state lockVersion dueAt department { code name } } }
    }
  }
`);

export const FlowCaseAcknowledgeDocument = graphql(`
  mutation FlowCaseAcknowledge($input: CaseActInput!) {
    caseAcknowledge(input: $input) {
      errors { code message }
      case { id state lockVersion }
    }
  }
`);

export const FlowCaseDecideDocument = graphql(`
  mutation FlowCaseDecide($input: CaseDecideInput!) {
    caseDecide(input: $input) {
      errors { code message path }
      case { id state decision { outcome amount } }
    }
  }
`);
