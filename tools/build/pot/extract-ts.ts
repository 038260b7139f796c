/**
 * Translatable strings in TypeScript/TSX source, found with the TypeScript compiler API.
 *
 * Only calls to functions imported from @wordpress/i18n count (`import { __ } …`, `import { __ as t } …`,
 * `import * as i18n …` then `i18n.__()`), so a local helper named `__` is never mistaken for gettext.
 */
/** External dependencies */
import ts from 'typescript';

/** Internal dependencies */
import { isAdjacent, translatorComment } from './comments';
import { JS_I18N_MODULE, jsKeywords, type KeywordSpec } from './keywords';
import type { ExtractedString } from './types';

interface I18nImports {
	/** Local binding → imported name (`t` → `__`). */
	readonly named: Map<string, string>;
	/** Local names of `import * as i18n from '@wordpress/i18n'`. */
	readonly namespaces: Set<string>;
}

function collectImports(file: ts.SourceFile): I18nImports {
	const named = new Map<string, string>();
	const namespaces = new Set<string>();
	for (const statement of file.statements) {
		if (
			!ts.isImportDeclaration(statement) ||
			!ts.isStringLiteral(statement.moduleSpecifier) ||
			statement.moduleSpecifier.text !== JS_I18N_MODULE
		) {
			continue;
		}
		const bindings = statement.importClause?.namedBindings;
		if (bindings && ts.isNamespaceImport(bindings)) {
			namespaces.add(bindings.name.text);
		} else if (bindings) {
			for (const element of bindings.elements) {
				named.set(element.name.text, (element.propertyName ?? element.name).text);
			}
		}
	}
	return { named, namespaces };
}

function keywordOf(call: ts.CallExpression, imports: I18nImports): KeywordSpec | null {
	const callee = call.expression;
	let name: string | undefined;
	if (ts.isIdentifier(callee)) {
		name = imports.named.get(callee.text);
	} else if (
		ts.isPropertyAccessExpression(callee) &&
		ts.isIdentifier(callee.expression) &&
		imports.namespaces.has(callee.expression.text)
	) {
		name = callee.name.text;
	}
	return name !== undefined && Object.prototype.hasOwnProperty.call(jsKeywords, name) ? jsKeywords[name]! : null;
}

/**
 * The value of a literal string argument ('…', "…", `…` without substitutions, or literals joined with +).
 * @param node
 */
function literal(node: ts.Expression | undefined): string | null {
	if (node === undefined) {
		return null;
	}
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
		return node.text;
	}
	if (ts.isParenthesizedExpression(node)) {
		return literal(node.expression);
	}
	if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
		const left = literal(node.left);
		const right = literal(node.right);
		return left === null || right === null ? null : left + right;
	}
	return null;
}

/**
 * Whether the climb for translator comments stops at `node` (after looking at it).
 * @param node
 */
function endsClimb(node: ts.Node): boolean {
	const parent = node.parent;
	return (
		parent === undefined ||
		ts.isSourceFile(parent) ||
		ts.isBlock(parent) ||
		ts.isModuleBlock(parent) ||
		ts.isCaseClause(parent) ||
		ts.isDefaultClause(parent) ||
		ts.isFunctionLike(parent) ||
		ts.isClassLike(parent) ||
		ts.isJsxElement(parent) ||
		ts.isJsxFragment(parent) ||
		ts.isJsxSelfClosingElement(parent)
	);
}

/**
 * Translator comments right before the call, or right before an enclosing expression of the same statement.
 * @param call
 * @param source
 */
function commentsFor(call: ts.CallExpression, source: string): string[] {
	const texts: string[] = [];
	let node: ts.Node = call;
	for (;;) {
		const start = node.getStart();
		// TypeScript calls comments on the line of the previous token "trailing" and later ones "leading".
		const ranges = [
			...(ts.getTrailingCommentRanges(source, node.getFullStart()) ?? []),
			...(ts.getLeadingCommentRanges(source, node.getFullStart()) ?? []),
		];
		for (const range of ranges) {
			const text = translatorComment(source.slice(range.pos, range.end));
			if (text !== null && isAdjacent(source, range.end, start) && !texts.includes(text)) {
				texts.push(text);
			}
		}
		if (endsClimb(node)) {
			return texts;
		}
		node = node.parent;
	}
}

/**
 * Every gettext call for `domain` in one TypeScript or TSX file.
 *
 * @param source TypeScript source code.
 * @param file   Reference path written to the POT; `.tsx`/`.jsx` files are parsed with JSX.
 * @param domain Text domain to keep; calls for other domains (or none) are ignored.
 */
export function extractTs(source: string, file: string, domain: string): ExtractedString[] {
	const kind = /\.[jt]sx$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
	const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
	const imports = collectImports(sourceFile);
	const found: ExtractedString[] = [];
	if (imports.named.size === 0 && imports.namespaces.size === 0) {
		return found;
	}

	const visit = (node: ts.Node): void => {
		if (ts.isCallExpression(node)) {
			const spec = keywordOf(node, imports);
			const args = node.arguments;
			const msgid = spec ? literal(args[spec.msgid]) : null;
			if (spec && msgid !== null && msgid !== '' && literal(args[spec.domain]) === domain) {
				const context = spec.context === undefined ? undefined : literal(args[spec.context]);
				const plural = spec.plural === undefined ? undefined : literal(args[spec.plural]);
				if (context !== null && plural !== null) {
					const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
					found.push({
						msgid,
						...(context === undefined ? {} : { msgctxt: context }),
						...(plural === undefined ? {} : { msgidPlural: plural }),
						comments: commentsFor(node, source),
						reference: { file, line: line + 1 },
					});
				}
			}
		}
		ts.forEachChild(node, visit);
	};

	visit(sourceFile);
	return found;
}
