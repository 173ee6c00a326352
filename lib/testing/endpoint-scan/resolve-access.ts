// How the scan decides what access an export declares, from the syntax alone.
import ts from "typescript";
import { isRoleName, type Access } from "./access";

export type HelperKind = "action" | "route";

const HELPERS: Record<HelperKind, { module: RegExp; role: string; public: string }> = {
  action: { module: /(^|\/)define-action$/, role: "defineAction", public: "definePublicAction" },
  route: { module: /(^|\/)define-route$/, role: "withRole", public: "publicRoute" },
};

type Helper = "role" | "public";
export type Scope = {
  file: ts.SourceFile;
  helpers: Map<string, Helper>;
  namespaces: Set<string>;
  kind: HelperKind;
  locals: Map<string, ts.Expression | string>;
};
export type Resolved = { access: Access | null; why?: string };

/** The local names under which the access helpers are imported (aliases and `import * as` included). */
export function importedHelpers(file: ts.SourceFile, kind: HelperKind): Pick<Scope, "helpers" | "namespaces"> {
  const spec = HELPERS[kind];
  const helpers = new Map<string, Helper>();
  const namespaces = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!spec.module.test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (imported === spec.role) helpers.set(element.name.text, "role");
      if (imported === spec.public) helpers.set(element.name.text, "public");
    }
  }
  return { helpers, namespaces };
}

export function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** Top-level bindings: a variable's initializer, or a word for what else the name is. */
export function topLevelLocals(file: ts.SourceFile): Map<string, ts.Expression | string> {
  const locals = new Map<string, ts.Expression | string>();
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name))
          locals.set(declaration.name.text, declaration.initializer ?? "a variable without an initializer");
        else for (const name of bindingNames(declaration.name)) locals.set(name, "a destructured binding");
      }
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      locals.set(statement.name.text, "a plain function");
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      locals.set(statement.name.text, "a class");
    } else if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) locals.set(clause.name.text, "imported from another module");
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) locals.set(bindings.name.text, "imported from another module");
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) locals.set(element.name.text, "imported from another module");
    }
  }
  return locals;
}

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current)
  )
    current = current.expression;
  return current;
}

function helperCalled(callee: ts.Expression, scope: Scope): Helper | undefined {
  if (ts.isIdentifier(callee)) return scope.helpers.get(callee.text);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
  if (!scope.namespaces.has(callee.expression.text)) return undefined;
  const spec = HELPERS[scope.kind];
  return callee.name.text === spec.role ? "role" : callee.name.text === spec.public ? "public" : undefined;
}

/**
 * The access an exported expression declares: a direct call of an imported access helper with a literal role, or a
 * local name bound to one. Anything else (a wrapper, a computed role, an import) declares nothing the scan can trust.
 */
export function resolve(expression: ts.Expression, scope: Scope, depth = 0): Resolved {
  const spec = HELPERS[scope.kind];
  const node = unwrap(expression);
  if (ts.isIdentifier(node) && depth < 8) {
    const local = scope.locals.get(node.text);
    if (local === undefined) return { access: null, why: `${node.text} is not declared in this file` };
    return typeof local === "string" ? { access: null, why: local } : resolve(local, scope, depth + 1);
  }
  if (ts.isCallExpression(node)) {
    const helper = helperCalled(node.expression, scope);
    if (helper === "public") return { access: "public" };
    if (helper === "role") {
      const role = node.arguments[0] && unwrap(node.arguments[0]);
      if (role && ts.isStringLiteralLike(role) && isRoleName(role.text)) return { access: role.text };
      return { access: null, why: `${spec.role} needs a role name as a string literal` };
    }
  }
  return { access: null, why: `not built with ${spec.role} or ${spec.public}` };
}
