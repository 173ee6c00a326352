import ts from "typescript";
import type { Access } from "./access";
import {
  bindingNames,
  importedHelpers,
  resolve,
  topLevelLocals,
  type HelperKind,
  type Resolved,
  type Scope,
} from "./resolve-access";

export type { HelperKind };
/** One export of a module; `access` is null when no access helper declares it, and `why` says what was found. */
export type ScannedExport = { name: string; line: number; access: Access | null; why?: string };
/** A function with its own "use server" directive: Next turns it into a server action of the file it sits in. */
export type InlineAction = { name: string; line: number };
export type ScannedModule = { useServer: boolean; exports: ScannedExport[]; inlineActions: InlineAction[] };

function directives(statements: ts.NodeArray<ts.Statement>): string[] {
  const found: string[] = [];
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    found.push(statement.expression.text);
  }
  return found;
}

const lineOf = (file: ts.SourceFile, node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

function exportsOf(scope: Scope): ScannedExport[] {
  const { file } = scope;
  const found: ScannedExport[] = [];
  const add = (name: string, node: ts.Node, resolved: Resolved) =>
    found.push({ name, line: lineOf(file, node), ...resolved });
  for (const statement of file.statements) {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    if (ts.isVariableStatement(statement) && exported) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) {
          for (const name of bindingNames(declaration.name))
            add(name, declaration, { access: null, why: "a destructured export" });
        } else if (declaration.initializer)
          add(declaration.name.text, declaration, resolve(declaration.initializer, scope));
        else add(declaration.name.text, declaration, { access: null, why: "a variable without an initializer" });
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && exported) {
      const what = ts.isFunctionDeclaration(statement) ? "a plain function" : "a class";
      add(isDefault ? "default" : (statement.name?.text ?? "default"), statement, { access: null, why: what });
    } else if (ts.isEnumDeclaration(statement) && exported) {
      add(statement.name.text, statement, { access: null, why: "an enum" });
    } else if (ts.isExportAssignment(statement)) {
      add("default", statement, resolve(statement.expression, scope));
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const clause = statement.exportClause;
      if (statement.moduleSpecifier) {
        const why = "re-exported from another module: declare it where it is exported";
        if (!clause) add("*", statement, { access: null, why });
        else if (ts.isNamespaceExport(clause)) add(clause.name.text, statement, { access: null, why });
        else for (const el of clause.elements) if (!el.isTypeOnly) add(el.name.text, el, { access: null, why });
      } else if (clause && ts.isNamedExports(clause)) {
        for (const el of clause.elements)
          if (!el.isTypeOnly) add(el.name.text, el, resolve(el.propertyName ?? el.name, scope));
      }
    }
  }
  return found;
}

function nameOf(node: ts.FunctionLikeDeclaration): string {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name))
    return parent.name.text;
  return "anonymous function";
}

function inlineActionsOf(file: ts.SourceFile): InlineAction[] {
  const found: InlineAction[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body && ts.isBlock(node.body)) {
      const fn = node as ts.FunctionLikeDeclaration;
      if (directives(node.body.statements).includes("use server"))
        found.push({ name: nameOf(fn), line: lineOf(file, fn) });
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return found;
}

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  tsx: ts.ScriptKind.TSX,
  jsx: ts.ScriptKind.JSX,
  js: ts.ScriptKind.JS,
};

/**
 * Parses one module with the TypeScript compiler (never executes it): its exports with the access their helper
 * declares, whether it is a "use server" module, and the functions with an inline "use server" directive.
 */
export function scanModule(fileName: string, source: string, kind: HelperKind): ScannedModule {
  const extension = /\.(\w+)$/.exec(fileName)?.[1] ?? "ts";
  const scriptKind = SCRIPT_KINDS[extension.replace(/^[mc]/, "")] ?? ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, scriptKind);
  const scope: Scope = { file, kind, locals: topLevelLocals(file), ...importedHelpers(file, kind) };
  return {
    useServer: directives(file.statements).includes("use server"),
    exports: exportsOf(scope),
    inlineActions: inlineActionsOf(file),
  };
}
