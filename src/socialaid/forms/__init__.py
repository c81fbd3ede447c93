"""一表申请, 一套材料: the pure core of the merged form (no database, no GraphQL).

compile_form (compiler.py) → CompiledForm (compiled.py) with a JSON Schema 2020-12 document
(schema_document.py); FormCache (cache.py) keeps compiled forms; validate_answers (validation.py)
checks a submission; collect_confirmations / material_statuses (exemption.py) decide which
material each applicant must upload. The catalogue lint that refuses bad catalogues at publish is
socialaid.catalogue.lint.
Conditions are JSONLogic, evaluated by one engine (socialaid.catalogue.conditions: the
catalogue format defines them).

Decisions a newcomer may question:
- A parent item with sub-items cannot be selected (PARENT_ITEM_SELECTED names the sub-items);
  it does not expand to all of them.
- Everything is ordered by item code or library order, never by selection order, so the same
  set of items always gives the same form and the same content hash.
- In a row field's conditions an undotted var names a key of the same row (the Shanghai data
  writes `{var: education_aid_student}` on `household.members[].school_name`).
- Every top-level key a condition reads is a question asked first; a boolean one is required
  whenever shown. Row keys read by `subject_when` or inside some/all/none become row fields.
- A material's `required_when` says when an item wants it at all (`applies_when`); `necessity`
  says whether it is required then (`required_when`) or optional.
- Deferral / personal commitment is offered when any item using the material allows it
  (ExemptRoute.allowed_by says which), and taken only when the applicant asks for it.
- The content hash covers the JSON Schema document (fields, materials, provenance, parameter
  values), not the tenant or date: equal forms share a hash.
"""

from socialaid.forms.cache import FormCache
from socialaid.forms.compiled import (
    CodeOption,
    CompiledForm,
    ExemptRoute,
    FormField,
    FormGroup,
    FormMaterial,
    ItemConstraints,
    ItemPurpose,
    Note,
    Question,
    Reduction,
    Review,
    Section,
    SelectedItem,
)
from socialaid.forms.compiler import compile_form
from socialaid.forms.errors import FormCompileError, SelectionProblem
from socialaid.forms.exemption import (
    Confirmation,
    EvidenceSource,
    MaterialState,
    MaterialStatus,
    collect_confirmations,
    material_statuses,
)
from socialaid.forms.id_numbers import IdNumberInfo, InvalidIdNumberError, parse_id_number
from socialaid.forms.validation import FieldError, ValidationResult, validate_answers

__all__ = [
    "CodeOption",
    "CompiledForm",
    "Confirmation",
    "EvidenceSource",
    "ExemptRoute",
    "FieldError",
    "FormCache",
    "FormCompileError",
    "FormField",
    "FormGroup",
    "FormMaterial",
    "IdNumberInfo",
    "InvalidIdNumberError",
    "ItemConstraints",
    "ItemPurpose",
    "MaterialState",
    "MaterialStatus",
    "Note",
    "Question",
    "Reduction",
    "Review",
    "Section",
    "SelectedItem",
    "SelectionProblem",
    "ValidationResult",
    "collect_confirmations",
    "compile_form",
    "material_statuses",
    "parse_id_number",
    "validate_answers",
]
