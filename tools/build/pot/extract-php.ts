/**
 * Translatable strings in PHP source, found with php-parser.
 */
/** External dependencies */
import { Engine } from 'php-parser';

/** Internal dependencies */
import { isAdjacent, translatorComment } from './comments';
import { phpKeywords, type KeywordSpec } from './keywords';
import type { ExtractedString } from './types';

/** Loosely typed php-parser node: the walker only needs kinds, positions and child nodes. */
interface PhpNode {
	readonly kind: string;
	readonly loc?: { readonly start: { readonly line: number; readonly offset: number } };
	readonly [key: string]: unknown;
}

/** Nodes that end the climb from a call to the statement a translator comment may stand before. */
const CONTAINERS = new Set([
	'program',
	'namespace',
	'block',
	'class',
	'interface',
	'trait',
	'enum',
	'method',
	'function',
	'closure',
	'arrowfunc',
	'if',
	'for',
	'foreach',
	'while',
	'do',
	'switch',
	'case',
	'try',
	'catch',
]);

const engine = new Engine({
	parser: { version: '8.3', extractDoc: true, suppressErrors: false },
	ast: { withPositions: true },
});

function isNode(value: unknown): value is PhpNode {
	return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/**
 * The value of a literal string argument (quoted, heredoc, nowdoc, or literals joined with `.`), else null.
 * @param node
 */
function literal(node: unknown): string | null {
	if (!isNode(node)) {
		return null;
	}
	switch (node.kind) {
		case 'string':
		case 'nowdoc':
			return typeof node.value === 'string' ? node.value : null;
		case 'encapsed': {
			// A heredoc without interpolation is an "encapsed" list of plain string parts.
			const parts = Array.isArray(node.value) ? node.value : [];
			let out = '';
			for (const part of parts) {
				const text = isNode(part) && part.kind === 'encapsedpart' ? literal(part.expression) : null;
				if (text === null) {
					return null;
				}
				out += text;
			}
			return node.type === 'heredoc' ? out : null;
		}
		case 'bin': {
			if (node.type !== '.') {
				return null;
			}
			const left = literal(node.left);
			const right = literal(node.right);
			return left === null || right === null ? null : left + right;
		}
		default:
			return null;
	}
}

/**
 * The gettext function a call names (`__`, `\__`), if it is one.
 * @param call
 */
function keywordOf(call: PhpNode): KeywordSpec | null {
	const what = call.what;
	if (!isNode(what) || what.kind !== 'name' || typeof what.name !== 'string') {
		return null;
	}
	if (what.resolution !== 'uqn' && what.resolution !== 'fqn') {
		return null;
	}
	const name = what.name.replace(/^\\/, '');
	return Object.prototype.hasOwnProperty.call(phpKeywords, name) ? phpKeywords[name]! : null;
}

interface Comment {
	readonly text: string;
	readonly end: number;
}

function translatorComments(program: PhpNode): Comment[] {
	const comments = Array.isArray(program.comments) ? program.comments : [];
	const out: Comment[] = [];
	for (const comment of comments) {
		const raw = isNode(comment) && typeof comment.value === 'string' ? comment.value : null;
		const text = raw === null ? null : translatorComment(raw);
		const start = comment.loc?.start.offset;
		if (raw !== null && text !== null && start !== undefined) {
			// A line comment's value includes its line break; the comment ends before it.
			out.push({ text, end: start + raw.trimEnd().length });
		}
	}
	return out;
}

/**
 * Every `cartbay` gettext call in one PHP file.
 *
 * @param source PHP source code.
 * @param file   Reference path written to the POT (relative to the plugin folder).
 * @param domain Text domain to keep; calls for other domains (or none) are ignored.
 * @throws SyntaxError from php-parser when the file is not valid PHP.
 */
export function extractPhp(source: string, file: string, domain: string): ExtractedString[] {
	const program = engine.parseCode(source, file) as unknown as PhpNode;
	const comments = translatorComments(program);
	const found: ExtractedString[] = [];

	const commentsFor = (ancestors: readonly PhpNode[]): string[] => {
		const texts: string[] = [];
		for (let i = ancestors.length - 1; i >= 0; i--) {
			const node = ancestors[i]!;
			if (CONTAINERS.has(node.kind)) {
				break;
			}
			const start = node.loc?.start.offset;
			if (start === undefined) {
				continue;
			}
			for (const comment of comments) {
				if (isAdjacent(source, comment.end, start) && !texts.includes(comment.text)) {
					texts.push(comment.text);
				}
			}
		}
		return texts;
	};

	const visit = (node: PhpNode, ancestors: PhpNode[]): void => {
		const path = [...ancestors, node];
		if (node.kind === 'call') {
			const spec = keywordOf(node);
			const args = Array.isArray(node.arguments) ? node.arguments : [];
			const msgid = spec ? literal(args[spec.msgid]) : null;
			if (spec && msgid !== null && msgid !== '' && literal(args[spec.domain]) === domain) {
				const context = spec.context === undefined ? undefined : literal(args[spec.context]);
				const plural = spec.plural === undefined ? undefined : literal(args[spec.plural]);
				if (context !== null && plural !== null) {
					found.push({
						msgid,
						...(context === undefined ? {} : { msgctxt: context }),
						...(plural === undefined ? {} : { msgidPlural: plural }),
						comments: commentsFor(path),
						reference: { file, line: node.loc?.start.line ?? 0 },
					});
				}
			}
		}
		for (const [key, value] of Object.entries(node)) {
			if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'comments') {
				continue;
			}
			const children = Array.isArray(value) ? value : [value];
			for (const child of children) {
				if (isNode(child)) {
					visit(child, path);
				}
			}
		}
	};

	visit(program, []);
	return found;
}
