/**
 * Admin-facing text declared in the schema (field labels, descriptions, option and unit labels).
 *
 * The admin UI renders these declarations and translates them at run time with `__( label, 'cartbay' )`;
 * since that call has no literal to find, the strings come from the schema source itself: every `label`
 * string of an object literal, and the `description`, `definition` (a metric's help text) and `danger` (a
 * setting's warning) strings of an object that also has a `label`, and the `description` of a placeholder
 * (an object whose `value` is a `{placeholder}`; the Templates section lists them).
 */
/** External dependencies */
import ts from 'typescript';

/** Internal dependencies */
import type { ExtractedString } from './types';

function stringProperty(node: ts.ObjectLiteralExpression, name: string): ts.StringLiteralLike | null {
	for (const property of node.properties) {
		if (
			ts.isPropertyAssignment(property) &&
			(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) &&
			property.name.text === name &&
			ts.isStringLiteralLike(property.initializer)
		) {
			return property.initializer;
		}
	}
	return null;
}

/**
 * Labels and descriptions in one schema file.
 *
 * @param source TypeScript source of a `plugin/schema/*.ts` file.
 * @param file   Reference path written to the POT.
 */
export function extractSchemaLabels(source: string, file: string): ExtractedString[] {
	const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const found: ExtractedString[] = [];
	const add = (literal: ts.StringLiteralLike): void => {
		if (literal.text === '') {
			return;
		}
		const { line } = sourceFile.getLineAndCharacterOfPosition(literal.getStart());
		found.push({ msgid: literal.text, comments: [], reference: { file, line: line + 1 } });
	};
	const visit = (node: ts.Node): void => {
		if (ts.isObjectLiteralExpression(node)) {
			const label = stringProperty(node, 'label');
			const value = stringProperty(node, 'value');
			if (!label && value && /^\{[a-z_]+\}$/.test(value.text)) {
				const text = stringProperty(node, 'description');
				if (text) {
					add(text);
				}
			}
			if (label) {
				add(label);
				for (const name of ['description', 'definition', 'danger']) {
					const text = stringProperty(node, name);
					if (text) {
						add(text);
					}
				}
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(sourceFile);
	return found;
}
