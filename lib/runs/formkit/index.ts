// The launch form's schema logic, pure and isomorphic: the browser builds and checks the form with
// it; the server checks a launch's params with the same rules and messages.
//
// How an action's FormKit lists become one params object:
// - `params_schema`, `ui_schema` and `hyperparameters.train_ui_schemas` are read in that order and
//   their inputs merged into one flat object keyed by `name`; a name declared again is ignored.
// - A named `group` nests: its children's values sit in an object under the group's name. An
//   unnamed group (and any `$el`/`$cmp` layout node) is looked through: its inputs sit at its level.
// - A `list` is an array: of objects when its children are named, else of single values of its
//   one child input.
// - Unknown `$formkit` types are skipped: their keys, like any key the form does not know, pass
//   through validation untouched.
// - An action with no inputs has no fields: its form is a JSON object editor and any JSON object passes.
export { actionFormFields } from "./action-form-fields";
export { defaultParams, defaultValue } from "./default-params";
export { validateParams } from "./validate-params";
export { matchOption } from "./options";
export type { FieldError, FormField, Option, Validation } from "./types";
export { formPath, pathKey, setIn, shownPaths, type Path } from "./form-paths";
